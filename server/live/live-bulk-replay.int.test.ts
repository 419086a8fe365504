// Bulk replay progress over Socket.IO (issue 25): a socket watching a bulk replay gets one progress
// message per replayed run, in order, then the summary the REST API gives; an outsider is refused.
// Then the deployment shape: the bulk replay runs on server A, its runs on server B's Redis worker,
// and a socket on B still gets every message once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveDataByType, LiveMessage } from '../../domain/index.ts';
import { codeWorkflow, failing, fixedCode, type Summary } from '../bulk-replay/bulk-replay-test-helpers.ts';
import { checkService } from '../credentials/test-services.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { api, connect, record, watch, type LiveClient } from './live-test-helpers.ts';

const redis = await checkService('Redis', '127.0.0.1', 6379);
const servers: TestServer[] = [];
const clients: LiveClient[] = [];
const open = async (url: string, options?: { apiKey?: string; cookie?: string }) => {
  const client = await connect(url, options);
  clients.push(client);
  return client;
};

afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const server of servers.reverse()) await server.close();
});

/** A workflow with `count` failed runs, and its draft fixed: a bulk replay on the draft makes them all succeed. */
async function failedRuns(url: string, count: number): Promise<string> {
  const { body: created } = await api<{ id: string }>(url, 'POST', '/api/v1/workflows', { body: codeWorkflow(failing), expect: 201 });
  for (let n = 0; n < count; n++) {
    const { body } = await api<{ status: string }>(url, 'POST', `/api/v1/workflows/${created.id}/run?wait=true`, { body: { triggerItems: [{ json: { fail: true, kind: 'input', n } }] } });
    expect(body.status).toBe('error');
  }
  await api(url, 'PUT', `/api/v1/workflows/${created.id}`, { body: codeWorkflow(fixedCode), expect: 200 });
  return created.id;
}

type Progress = LiveDataByType['bulkReplay.progress'];
type Finished = LiveDataByType['bulkReplay.finished'];

/** Checks a bulk replay room's messages: contiguous revisions, done 0,1,2,… and a last message equal to the summary. */
function expectInOrder(messages: LiveMessage[], summary: Summary, room: string) {
  const mine = messages.filter((m) => m.room === room);
  expect(mine.map((m) => m.revision)).toEqual(mine.map((_, i) => i));
  const progress = mine.slice(0, -1);
  expect(progress.every((m) => m.type === 'bulkReplay.progress')).toBe(true);
  expect(progress.map((m) => (m.data as Progress).done)).toEqual(progress.map((_, i) => i));
  const last = mine[mine.length - 1];
  expect(last.type).toBe('bulkReplay.finished');
  const end = last.data as Finished;
  expect(end).toMatchObject({ id: summary.id, total: summary.total, done: summary.done, state: 'finished', counts: summary.counts, items: summary.items });
  expect(end.succeeded + end.stillFailing + end.failingDifferently).toBe(summary.done);
}

describe('bulk replay progress over Socket.IO', () => {
  it('sends a progress message as each replayed run ends, then the summary; an outsider is refused', async () => {
    const server = await startTestServer();
    servers.push(server);
    const workflowId = await failedRuns(server.url, 4);

    // One socket follows the workflow's bulk replays from before the start, one joins the bulk replay once it exists.
    const early = await open(server.url);
    const earlyInbox = record(early);
    expect(await watch(early, `bulkreplays:${workflowId}`)).toMatchObject({ ok: true });
    const { body: started } = await api<{ id: string; total: number }>(server.url, 'POST', `/api/v1/workflows/${workflowId}/bulk-replays`, {
      body: { filter: { status: 'error' }, version: 'draft', concurrency: 2 }, expect: 202,
    });
    expect(started.total).toBe(4);
    const socket = await open(server.url);
    const inbox = record(socket);
    expect(await watch(socket, `bulkreplay:${started.id}`)).toMatchObject({ ok: true, bulkReplayId: started.id, workflowId });

    await inbox.until((m) => m.type === 'bulkReplay.finished');
    await earlyInbox.until((m) => m.type === 'bulkReplay.finished');
    const { body: summary } = await api<Summary>(server.url, 'GET', `/api/v1/bulk-replays/${started.id}`, { expect: 200 });
    expect(summary.counts.nowSucceeds).toBe(4);
    expectInOrder(inbox.messages, summary, `bulkreplay:${started.id}`);
    expectInOrder(earlyInbox.messages, summary, `bulkreplays:${workflowId}`);
    const item = inbox.messages.find((m) => m.type === 'bulkReplay.progress' && (m.data as Progress).item)!.data as Progress;
    expect(item.item).toMatchObject({ outcome: 'nowSucceeds', replayId: expect.any(String) });

    // A late watcher resuming after revision 2 gets the rest only.
    const late = await open(server.url);
    const lateInbox = record(late);
    expect(await watch(late, `bulkreplay:${started.id}`, 2)).toMatchObject({ ok: true, replayed: 3, revision: 5 });
    expect(lateInbox.messages.map((m) => m.revision)).toEqual([3, 4, 5]);

    // Another workspace's user: no bulk replay room, even with the workflow shared with them.
    const them = await outsider(server.url);
    await api(server.url, 'POST', `/api/v1/workflows/${workflowId}/share`, { body: { workspaceId: them.workspaceId }, expect: 200 });
    const theirs = await open(server.url, { cookie: them.cookie });
    expect(await watch(theirs, `workflow:${workflowId}`)).toMatchObject({ ok: true });
    expect(await watch(theirs, `bulkreplay:${started.id}`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await watch(theirs, `bulkreplays:${workflowId}`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await watch(theirs, 'bulkreplay:no such id')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect((await api(server.url, 'GET', `/api/v1/bulk-replays/${started.id}`, { headers: them.headers })).status).toBe(404);
  });

  it.skipIf(redis.skip)('reaches a socket on another server while the runs execute on its Redis worker', async () => {
    if (redis.problem) throw new Error(redis.problem);
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-live-bulk-'));
    const shared = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-live-bulk-${randomUUID()}` };
    try {
      // A takes requests and runs the bulk replay but executes nothing; B's worker runs every replay.
      const a = await startTestServer({ ...shared, SERVER_RUNS_WORKER: 'false' }, dir);
      servers.push(a);
      const b = await startTestServer(shared, dir);
      servers.push(b);
      const workflowId = await failedRuns(a.url, 3);
      const socket = await open(b.url);
      const inbox = record(socket);
      expect(await watch(socket, `bulkreplays:${workflowId}`)).toMatchObject({ ok: true });
      const { body: started } = await api<{ id: string }>(a.url, 'POST', `/api/v1/workflows/${workflowId}/bulk-replays`, {
        body: { filter: { status: 'error' }, version: 'draft', concurrency: 3 }, expect: 202,
      });
      await inbox.until((m) => m.type === 'bulkReplay.finished', 15_000);
      const { body: summary } = await api<Summary>(a.url, 'GET', `/api/v1/bulk-replays/${started.id}`, { expect: 200 });
      expect(summary.counts.nowSucceeds).toBe(3);
      expectInOrder(inbox.messages, summary, `bulkreplays:${workflowId}`);
    } finally {
      for (const server of servers.splice(0)) await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The owner opens another workspace and invites a user there, who signs in by session. */
async function outsider(url: string) {
  const ownerCookie = await signIn(url, TEST_OWNER.email, TEST_OWNER.password);
  const name = `outsider-${Math.random().toString(36).slice(2, 8)}`;
  const other = await api<{ id: string }>(url, 'POST', '/api/v1/workspaces', { body: { name }, headers: { cookie: ownerCookie, 'x-api-key': '' }, expect: 201 });
  const invitation = await api<{ token: string }>(url, 'POST', '/api/v1/invitations', {
    body: { email: `${name}@example.com`, role: 'admin' }, headers: { cookie: ownerCookie, 'x-api-key': '', 'x-workspace-id': other.body.id }, expect: 201,
  });
  await api(url, 'POST', '/api/v1/invitations/accept', { body: { token: invitation.body.token, name, password: 'outsider-password-1' }, headers: { 'x-api-key': '' }, expect: 200 });
  const cookie = await signIn(url, `${name}@example.com`, 'outsider-password-1');
  return { workspaceId: other.body.id, cookie, headers: { cookie, 'x-api-key': '', 'x-workspace-id': other.body.id } };
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await api(url, 'POST', '/api/v1/auth/signin', { body: { email, password }, headers: { 'x-api-key': '' }, expect: 200 });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('weft_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}
