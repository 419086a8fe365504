// Live runs against a real listening server and real Socket.IO clients: a run is watched node by
// node, a late joiner gets the whole run, a reconnecting client ends with exactly what a steady one
// got, and sockets only join rooms their user may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../domain/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { api, chainWorkflow, connect, createWorkflow, key, nodeData, record, runWorkflow, slowWorkflow, watch, type LiveClient } from './live-test-helpers.ts';

let server: TestServer;
const clients: LiveClient[] = [];
const open = async (options?: Parameters<typeof connect>[1]) => {
  const client = await connect(server.url, options);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  // Re-check access often, so the test sees revoked access take effect; unknown runs answer sooner.
  server = await startTestServer({ LIVE_ACCESS_RECHECK_MS: '300', LIVE_NEW_RUN_WAIT_MS: '500' });
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server?.close();
});

const run0 = (messages: LiveMessage[], executionId: string) => messages.filter((m) => m.executionId === executionId);
const finished = (executionId: string) => (m: LiveMessage) => m.executionId === executionId && m.type === 'run.finished';

describe('watching a run', () => {
  it('streams every step as it happens, in revision order, and hands node data on request', async () => {
    const workflowId = await createWorkflow(server.url, slowWorkflow('Watched node by node'));
    const watcher = await open();
    const inbox = record(watcher);
    const joined = await watch(watcher, `workflow:${workflowId}`);
    expect(joined).toMatchObject({ ok: true, room: `workflow:${workflowId}`, workflowId, replayed: 0 });

    const executionId = await runWorkflow(server.url, workflowId);
    const started = await inbox.until((m) => m.executionId === executionId && m.type === 'run.started');
    expect(run0(inbox.messages, executionId)[0]).toMatchObject({ type: 'run.queued', revision: 0, data: { mode: 'manual' } });
    const startedAt = Date.now();
    const waited = await inbox.until((m) => m.type === 'node.finished' && m.data.node === 'Wait 1');
    // Delivered while the run goes on, not at its end: the second wait is still to come.
    expect(inbox.messages.some(finished(executionId))).toBe(false);
    await inbox.until(finished(executionId));
    expect(Date.now() - startedAt).toBeGreaterThan(900);

    const run = inbox.messages.filter((m) => m.executionId === executionId);
    expect(run.map((m) => m.revision)).toEqual(run.map((_, i) => i));
    expect(run.every((m) => m.room === `workflow:${workflowId}` && m.workflowId === workflowId && m.stream === `execution-${executionId}`)).toBe(true);
    expect(run.map((m) => `${m.type}${'node' in m.data ? ` ${m.data.node}` : ''}`)).toEqual([
      'run.queued', 'run.started', 'node.started Start', 'node.finished Start', 'node.started Wait 1', 'node.finished Wait 1',
      'node.started Set 1', 'node.finished Set 1', 'node.started Wait 2', 'node.finished Wait 2', 'node.started Set 2', 'node.finished Set 2',
      'run.finished',
    ]);
    expect(started.data).toMatchObject({ mode: 'manual' });
    expect(waited.data).toMatchObject({ status: 'success', itemCounts: [1] });
    expect((waited.data as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(500);
    expect(run.at(-1)?.data).toMatchObject({ status: 'success', lastNodeExecuted: 'Set 2' });
    // The messages carry counts, not items; the items come on request.
    expect(JSON.stringify(run)).not.toContain('"two"');
    const data = await nodeData(watcher, executionId, 'Set 2');
    expect(data).toMatchObject({ ok: true, status: 'success', data: { main: [[{ json: { step: 'two' } }]] } });
    expect(await nodeData(watcher, executionId, 'Set 2', 5)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The log itself is the reference: one message per event, same order.
    const stream = await server.runtime.events.readStream(`execution-${executionId}`);
    expect(run.map((m) => m.position)).toEqual(stream.map((e) => e.position));
  });

  it('gives a late joiner the whole run, and a reconnecting client exactly what a steady one got', async () => {
    const workflowId = await createWorkflow(server.url, slowWorkflow('Reconnects'));
    const executionId = await runWorkflow(server.url, workflowId);
    const room = `execution:${executionId}`;

    const steady = await open();
    const steadyInbox = record(steady);
    const steadyAck = await watch(steady, room);
    expect(steadyAck).toMatchObject({ ok: true, executionId, workflowId });

    const flaky = await open();
    const flakyInbox = record(flaky);
    expect(await watch(flaky, room)).toMatchObject({ ok: true });
    await flakyInbox.until((m) => m.type === 'node.started' && m.data.node === 'Wait 1');
    flaky.disconnect();
    const lastSeen = flakyInbox.messages.at(-1)!.revision;
    // Miss the first wait's end and what follows it.
    await steadyInbox.until((m) => m.type === 'node.finished' && m.data.node === 'Set 1');

    const back = await open();
    const backInbox = record(back);
    const resumed = await watch(back, room, lastSeen);
    expect(resumed).toMatchObject({ ok: true });
    expect(resumed.ok && resumed.replayed).toBeGreaterThan(0);
    await steadyInbox.until(finished(executionId));
    await backInbox.until(finished(executionId));

    const reconnected = [...flakyInbox.messages, ...backInbox.messages].map(key);
    expect(reconnected).toEqual(steadyInbox.messages.map(key));
    expect(steadyInbox.messages.map((m) => m.revision)).toEqual(steadyInbox.messages.map((_, i) => i));

    // After the end, a newcomer gets the same run from the log, and the ack says it is all there.
    const late = await open();
    const lateInbox = record(late);
    const lateAck = await watch(late, room);
    expect(lateAck).toMatchObject({ ok: true, replayed: steadyInbox.messages.length, revision: steadyInbox.messages.length - 1 });
    expect(lateInbox.messages.map(key)).toEqual(steadyInbox.messages.map(key));
  });

  it('hands over from replay to live without gap or duplicate for sockets joining at any moment of a busy run', async () => {
    const workflowId = await createWorkflow(server.url, chainWorkflow(60));
    const sockets = await Promise.all(Array.from({ length: 12 }, () => open()));
    const executionId = await runWorkflow(server.url, workflowId);
    const inboxes = sockets.map((socket, i) => {
      const inbox = record(socket);
      // Staggered joins fall before, during and after the run.
      setTimeout(() => void watch(socket, `execution:${executionId}`), i * 15);
      return inbox;
    });
    for (const inbox of inboxes) await inbox.until(finished(executionId));
    const stream = await server.runtime.events.readStream(`execution-${executionId}`);
    expect(stream.length).toBeGreaterThan(120);
    for (const inbox of inboxes) expect(inbox.messages.map((m) => m.revision)).toEqual(stream.map((e) => e.revision));
  });

  it('resumes a workflow room from a log position: workflow events and runs, nothing twice', async () => {
    const workflowId = await createWorkflow(server.url, slowWorkflow('Workflow room', 0.1));
    const first = await open();
    const firstInbox = record(first);
    const ack = await watch(first, `workflow:${workflowId}`);
    if (!ack.ok) throw new Error(ack.error.message);
    await api(server.url, 'PATCH', `/api/v1/workflows/${workflowId}`, { body: { name: 'Renamed once' }, expect: 200 });
    const renamed = await firstInbox.until((m) => m.type === 'workflow.renamed');
    expect(renamed.data).toEqual({ from: 'Workflow room', to: 'Renamed once' });
    first.disconnect();

    // While nobody watches: another rename, a run.
    await api(server.url, 'PATCH', `/api/v1/workflows/${workflowId}`, { body: { name: 'Renamed twice' }, expect: 200 });
    const executionId = await runWorkflow(server.url, workflowId);
    await api(server.url, 'GET', `/api/v1/executions/${executionId}`, { expect: 200 });
    const observer = await open();
    const observerInbox = record(observer);
    await watch(observer, `execution:${executionId}`);
    await observerInbox.until(finished(executionId));

    const back = await open();
    const backInbox = record(back);
    const resumed = await watch(back, `workflow:${workflowId}`, renamed.position);
    expect(resumed).toMatchObject({ ok: true });
    const types = backInbox.messages.map((m) => m.type);
    expect(types[0]).toBe('workflow.renamed');
    expect(backInbox.messages[0].data).toEqual({ from: 'Renamed once', to: 'Renamed twice' });
    expect(types.at(-1)).toBe('run.finished');
    expect(backInbox.messages.filter((m) => m.executionId === executionId).map(key)).toEqual(observerInbox.messages.map(key));
    const positions = backInbox.messages.map((m) => m.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    expect(resumed.ok && resumed.position).toBeGreaterThanOrEqual(positions.at(-1)!);
  });
});

describe('who may watch', () => {
  it('refuses sockets without credentials, and bad or unknown rooms with an error ack', async () => {
    await expect(connect(server.url, {})).rejects.toMatchObject({ message: expect.stringMatching(/sign in/i), data: { code: 'unauthenticated' } });
    await expect(connect(server.url, { apiKey: 'wk_not_a_real_key_0000000000000' })).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    const socket = await open();
    expect(await watch(socket, 'nonsense')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await watch(socket, 'workflow:doesNotExist1234')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const started = Date.now();
    expect(await watch(socket, 'execution:doesNotExist1234')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await socket.timeout(5_000).emitWithAck('watch', { room: 'workflow:x', after: 'soon' } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(socket.connected).toBe(true);
  });

  /** The owner opens another workspace and invites a user there, who signs in by session. */
  async function outsider() {
    const ownerCookie = await signIn(TEST_OWNER.email, TEST_OWNER.password);
    const name = `outsider-${Math.random().toString(36).slice(2, 8)}`;
    const other = await api<{ id: string }>(server.url, 'POST', '/api/v1/workspaces', { body: { name }, headers: { cookie: ownerCookie, 'x-api-key': '' }, expect: 201 });
    const invitation = await api<{ token: string }>(server.url, 'POST', '/api/v1/invitations', {
      body: { email: `${name}@example.com`, role: 'admin' }, headers: { cookie: ownerCookie, 'x-api-key': '', 'x-workspace-id': other.body.id }, expect: 201,
    });
    await api(server.url, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.body.token, name, password: 'outsider-password-1' }, headers: { 'x-api-key': '' }, expect: 200 });
    const cookie = await signIn(`${name}@example.com`, 'outsider-password-1');
    return { workspaceId: other.body.id, cookie, headers: { cookie, 'x-api-key': '', 'x-workspace-id': other.body.id } };
  }

  it("keeps a user out of the rooms of a workspace they do not belong to, signed in by cookie", async () => {
    const workflowId = await createWorkflow(server.url, slowWorkflow('Private', 0.05));
    const executionId = await runWorkflow(server.url, workflowId);
    const them = await outsider();
    const theirs = await createWorkflow(server.url, slowWorkflow('Theirs', 0.05), them.headers);

    const socket = await open({ cookie: them.cookie });
    const inbox = record(socket);
    expect(await watch(socket, `workflow:${workflowId}`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await watch(socket, `execution:${executionId}`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await nodeData(socket, executionId, 'Set 1')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await watch(socket, `workflow:${theirs}`)).toMatchObject({ ok: true });
    // Nothing of the owner's workspace reaches the outsider.
    await runWorkflow(server.url, workflowId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.messages.filter((m) => m.workflowId === workflowId)).toEqual([]);
  });

  it('takes a socket out of a room when sharing stops, and disconnects it when its key is revoked', async () => {
    const workflowId = await createWorkflow(server.url, slowWorkflow('Shared for a while', 0.05));
    const them = await outsider();
    await api(server.url, 'POST', `/api/v1/workflows/${workflowId}/share`, { body: { workspaceId: them.workspaceId }, expect: 200 });
    const created = await api<{ key: string; apiKey: { id: string } }>(server.url, 'POST', '/api/v1/api-keys', { body: { label: 'live' }, headers: them.headers, expect: 201 });

    const bySession = await open({ cookie: them.cookie });
    const byKey = await open({ apiKey: created.body.key });
    expect(await watch(bySession, `workflow:${workflowId}`)).toMatchObject({ ok: true });
    expect(await watch(byKey, `workflow:${workflowId}`)).toMatchObject({ ok: true });

    const unwatched = new Promise((resolve) => bySession.once('unwatched', resolve));
    await api(server.url, 'DELETE', `/api/v1/workflows/${workflowId}/share/${them.workspaceId}`, { expect: 200 });
    expect(await unwatched).toMatchObject({ room: `workflow:${workflowId}`, error: { code: 'not_found' } });
    const inbox = record(bySession);
    await api(server.url, 'PATCH', `/api/v1/workflows/${workflowId}`, { body: { name: 'Not for outsiders' }, expect: 200 });
    expect(bySession.connected).toBe(true);

    const disconnected = new Promise((resolve) => byKey.once('disconnect', resolve));
    await api(server.url, 'DELETE', `/api/v1/api-keys/${created.body.apiKey.id}`, { headers: them.headers, expect: 204 });
    expect(await disconnected).toBe('io server disconnect');
    expect(inbox.messages).toEqual([]);
  });
});

async function signIn(email: string, password: string): Promise<string> {
  const response = await api(server.url, 'POST', '/api/v1/auth/signin', { body: { email, password }, headers: { 'x-api-key': '' }, expect: 200 });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('weft_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}
