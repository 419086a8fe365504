// Collaboration end to end over real WebSockets against the real server: real clients converge and
// the committed workflow equals their document; read-only members are refused writes; REST writes
// reach open editors without losing their edits; access is checked at the upgrade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { docToDefinition, moveNode, nodesOf, randomEdit, renameNode, seededRandom, setNodeField, setParameter, setSetting } from '../../collab/index.ts';
import { deepEqual } from '../../domain/index.ts';
import { sampleWorkflow, startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { connectCollab, type WsCollabClient } from './ws-client.ts';

let server: TestServer;
const owner = { 'X-API-KEY': TEST_OWNER.apiKey };

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = owner) {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

async function createWorkflow(name: string): Promise<string> {
  const created = await api('POST', '/api/v1/workflows', sampleWorkflow(name));
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function eventually<T>(probe: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const definitionOf = async (id: string) => {
  const { body } = await api('GET', `/api/v1/workflows/${id}`);
  const { id: _id, active: _a, isArchived: _i, tags: _t, versionId: _v, revision: _r, createdAt: _c, updatedAt: _u, published: _p, unpublishedChanges: _uc, ...definition } = body;
  return definition;
};

beforeAll(async () => {
  server = await startTestServer({ COLLAB_COMMIT_DEBOUNCE_MS: '60', COLLAB_COMMIT_MAX_WAIT_MS: '400', COLLAB_ROOM_IDLE_MS: '200', COLLAB_ACCESS_RECHECK_MS: '200' });
});
afterAll(async () => {
  await server?.close();
});

describe('collaboration over WebSockets', () => {
  it('real clients editing concurrently converge, and the committed workflow equals their document', async () => {
    const id = await createWorkflow('Together');
    const clients: WsCollabClient[] = [];
    for (let i = 0; i < 4; i++) clients.push(await connectCollab({ url: server.url, workflowId: id, headers: owner }));
    for (let seed = 1; seed <= 3; seed++) {
      const rng = seededRandom(seed * 7919);
      for (let step = 0; step < 60; step++) {
        randomEdit(rng.pick(clients).doc, rng);
        if (rng.chance(0.2)) await new Promise((r) => setTimeout(r, rng.int(4)));
      }
      const converged = await eventually(
        () => clients.map((c) => docToDefinition(c.doc)),
        (defs) => defs.every((d) => deepEqual(d, defs[0])),
      );
      await eventually(() => definitionOf(id), (committed) => deepEqual(committed, converged[0]));
    }
    await Promise.all(clients.map((c) => c.whenDurable()));
    for (const c of clients) await c.disconnect();
  });

  it("normalises an editor's write in n8n's looser forms in the live document, then commits it", async () => {
    const id = await createWorkflow('Loose edit');
    const client = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    setNodeField(client.doc, 'a2', 'credentials', { httpBasicAuth: 'Basic creds' });
    setNodeField(client.doc, 'a2', 'notes', null);
    setSetting(client.doc, 'errorWorkflow', null);
    const committed = await eventually(() => definitionOf(id), (d) => d.nodes[1].credentials !== undefined);
    expect(committed.nodes[1].credentials).toEqual({ httpBasicAuth: { id: null, name: 'Basic creds' } });
    expect(committed.nodes[1]).not.toHaveProperty('notes');
    expect(committed.settings).toEqual({ executionOrder: 'v1' });
    await eventually(() => docToDefinition(client.doc), (d) => deepEqual(d, committed));
    await client.disconnect();
  });

  it('records a drag as one move event, attributed to its author', async () => {
    const id = await createWorkflow('Drag');
    const client = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const me = (await api('GET', '/api/v1/me')).body.id as string;
    for (let x = 0; x < 30; x++) moveNode(client.doc, 'a2', [220 + x * 5, x]);
    await eventually(() => definitionOf(id), (d) => deepEqual(d.nodes[1].position, [365, 29]));
    const history = await api('GET', `/api/v1/workflows/${id}/history`);
    const moves = history.body.data.filter((row: { type: string }) => row.type === 'WorkflowNodeMoved');
    expect(moves).toHaveLength(1);
    expect(moves[0].changes).toMatchObject({ nodeId: 'a2', from: [220, 0], to: [365, 29], authors: [me] });
    await client.disconnect();
  });

  it('gives read-only members the document and awareness, drops their updates and tells them so', async () => {
    const id = await createWorkflow('Watched');
    const inv = await api('POST', '/api/v1/invitations', { email: 'viewer@example.com', role: 'viewer' });
    expect(inv.status).toBe(201);
    expect((await api('POST', '/api/v1/invitations/accept', { token: inv.body.token, name: 'Vic', password: 'viewer-secret-pw' }, {})).status).toBe(200);
    const signin = await fetch(`${server.url}/api/v1/auth/signin`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'viewer@example.com', password: 'viewer-secret-pw' }),
    });
    const cookie = signin.headers.get('set-cookie')!.split(';')[0];
    const writer = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    writer.awareness.setLocalStateField('user', { name: 'Owner' });
    const viewer = await connectCollab({ url: server.url, workflowId: id, headers: { cookie } });
    expect(docToDefinition(viewer.doc)).toEqual(docToDefinition(writer.doc));
    await eventually(() => viewer.readOnly, (r) => r);
    await eventually(() => [...viewer.awareness.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Owner'), (seen) => seen);
    setParameter(viewer.doc, 'a2', ['options', 'mine'], 'not allowed');
    setParameter(writer.doc, 'a2', ['options', 'theirs'], 'allowed');
    await eventually(() => docToDefinition(viewer.doc).nodes[1].parameters.options, (o) => (o as Record<string, unknown>)?.theirs === 'allowed');
    await new Promise((r) => setTimeout(r, 200));
    expect(docToDefinition(writer.doc).nodes[1].parameters.options).toEqual({ theirs: 'allowed' });
    const committed = await eventually(() => definitionOf(id), (d) => d.nodes[1].parameters.options.theirs === 'allowed');
    expect(committed.nodes[1].parameters.options.mine).toBeUndefined();
    await writer.disconnect();
    await viewer.disconnect();
  });

  it('applies a REST write to the open document at once, keeping the edits in flight', async () => {
    const id = await createWorkflow('Mixed');
    const editor = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    // An edit in flight: not committed yet when the REST write lands.
    setParameter(editor.doc, 'a2', ['options', 'draft'], true);
    const current = await api('GET', `/api/v1/workflows/${id}`);
    const rest = sampleWorkflow('Mixed (renamed by REST)');
    (rest.nodes[0] as { position: number[] }).position = [-300, 50];
    const put = await api('PUT', `/api/v1/workflows/${id}`, rest);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.revision).toBeGreaterThanOrEqual(current.body.revision);
    await eventually(() => docToDefinition(editor.doc), (d) => d.name === 'Mixed (renamed by REST)' && deepEqual(d.nodes[0].position, [-300, 50]));
    const final = await eventually(() => definitionOf(id), (d) => d.name === 'Mixed (renamed by REST)' && d.nodes[1].parameters.options?.draft === true);
    expect(final.nodes[0].position).toEqual([-300, 50]);
    expect(final).toEqual(docToDefinition(editor.doc));
    await editor.disconnect();
  });

  it('a restore reaches open editors at once, and history keeps every version', async () => {
    const id = await createWorkflow('Restorable');
    const editor = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    setParameter(editor.doc, 'a2', ['options', 'step'], 1);
    await eventually(() => definitionOf(id), (d) => d.nodes[1].parameters.options?.step === 1);
    const restored = await api('POST', `/api/v1/workflows/${id}/restore`, { revision: 0 });
    expect(restored.status).toBe(200);
    await eventually(() => docToDefinition(editor.doc), (d) => (d.nodes[1].parameters.options as { step?: number } | undefined)?.step === undefined);
    expect(docToDefinition(editor.doc)).toEqual(await definitionOf(id));
    const versions = await api('GET', `/api/v1/workflows/${id}/versions`);
    expect(versions.body.data.map((v: { types: string[] }) => v.types[0])).toEqual(['WorkflowVersionRestored', 'WorkflowNodeParameterChanged', 'WorkflowCreated']);
    await editor.disconnect();
  });

  it('brings a write made while no room was open into the stored document, and keeps building on it', async () => {
    const id = await createWorkflow('Reopened');
    const first = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    setParameter(first.doc, 'a2', ['options', 'one'], 1);
    await first.whenDurable();
    await eventually(() => definitionOf(id), (d) => d.nodes[1].parameters.options?.one === 1);
    await first.disconnect();
    await new Promise((r) => setTimeout(r, 600)); // the room closes
    const rest = { ...(await definitionOf(id)), name: 'Reopened by REST' };
    expect((await api('PUT', `/api/v1/workflows/${id}`, rest)).status).toBe(200);
    const second = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    expect(docToDefinition(second.doc).name).toBe('Reopened by REST');
    setParameter(second.doc, 'a2', ['options', 'two'], 2);
    await second.whenDurable();
    await eventually(() => definitionOf(id), (d) => d.nodes[1].parameters.options?.two === 2);
    await second.disconnect();
    await new Promise((r) => setTimeout(r, 600));
    const third = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const stored = docToDefinition(third.doc);
    expect(stored).toEqual(await definitionOf(id));
    expect(stored.nodes[1].parameters.options).toMatchObject({ one: 1, two: 2 });
    await third.disconnect();
  });

  it('flags what cannot be saved to every editor, and saves once it is fixed', async () => {
    const id = await createWorkflow('Flagged');
    const editor = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const problems = () => [...editor.awareness.getStates().values()].flatMap((s) => (s.problems as { message: string }[] | undefined) ?? []);
    renameNode(editor.doc, 'a2', '');
    await eventually(problems, (p) => p.length > 0);
    expect((await definitionOf(id)).nodes[1].name).toBe('Edit Fields');
    renameNode(editor.doc, 'a2', 'Fixed');
    await eventually(problems, (p) => p.length === 0);
    await eventually(() => definitionOf(id), (d) => d.nodes[1].name === 'Fixed' && d.connections['When clicking ‘Execute workflow’'].main[0][0].node === 'Fixed');
    await editor.disconnect();
  });

  it('refuses unauthenticated sockets, unknown workflows and bad keys with an HTTP error', async () => {
    const id = await createWorkflow('Closed');
    await expect(connectCollab({ url: server.url, workflowId: id })).rejects.toMatchObject({ status: 401 });
    await expect(connectCollab({ url: server.url, workflowId: id, headers: { 'X-API-KEY': 'wk_wrong_key_000000000000000000' } })).rejects.toMatchObject({ status: 401 });
    await expect(connectCollab({ url: server.url, workflowId: 'nope', headers: owner })).rejects.toMatchObject({ status: 404 });
    // Programs that cannot set headers may pass the key in the query.
    const byQuery = await connectCollab({ url: server.url, workflowId: `${id}?apiKey=${TEST_OWNER.apiKey}` });
    expect(nodesOf(byQuery.doc).size).toBe(2);
    await byQuery.disconnect();
  });

  it('ends a socket whose API key is revoked', async () => {
    const id = await createWorkflow('Revoked');
    const created = await api('POST', '/api/v1/api-keys', { label: 'temporary' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const client = await connectCollab({ url: server.url, workflowId: id, headers: { 'X-API-KEY': created.body.key } });
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    expect((await api('DELETE', `/api/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
    expect(await closed).toBe(4403);
  });

  it('disconnects the editors of a workflow that is deleted', async () => {
    const id = await createWorkflow('Doomed');
    const client = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const closed = new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code)));
    expect((await api('DELETE', `/api/v1/workflows/${id}`)).status).toBe(200);
    expect(await closed).toBe(4410);
  });

  it('leaves upgrades for other paths to their own channel (Socket.IO on the same server)', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: owner });
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
      socket.once('error', (err) => resolve(`error ${err.message}`));
    });
    expect(outcome).toBe('open');
    socket.terminate();
  });
});
