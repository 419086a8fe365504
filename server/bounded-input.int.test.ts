// Bounded input at every edge (issue 22): JSON nested deeper than JSON_MAX_DEPTH, bodies over the
// size limits and invalid UTF-8 are refused with a JSON error naming the limit, through REST,
// import, webhooks, collaboration, live sockets and the CLI; nothing is written, and the instance
// keeps serving.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToDefinition, nodesOf, setParameter } from '../collab/index.ts';
import { connect } from './live/live-test-helpers.ts';
import { connectCollab } from './collab/ws-client.ts';
import { sampleWorkflow, startTestServer, TEST_OWNER, type TestServer } from './test-support.ts';

const POISON_DEPTHS = [996, 1_000, 100_000];
const owner = { 'X-API-KEY': TEST_OWNER.apiKey };
let server: TestServer;
const cliDir = mkdtempSync(path.join(tmpdir(), 'weft-bounded-'));

/** A workflow's JSON text whose one node's parameters make the whole document `depth` levels deep. */
function deepWorkflowText(depth: number, name = 'Deep'): string {
  const inner = depth - 4; // the document, nodes, the node and its parameters
  return `{"name":"${name}","nodes":[{"id":"d1","name":"Deep","type":"n8n-nodes-base.noOp","typeVersion":1,"position":[0,0],`
    + `"parameters":{"p":${'{"a":'.repeat(inner)}1${'}'.repeat(inner)}}}],"connections":{}}`;
}

async function send(method: string, urlPath: string, body?: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${urlPath}`, {
    method, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body), headers: { ...owner, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json as Record<string, any>, type: res.headers.get('content-type') ?? '' };
}

/**
 * The event log's head once earlier requests have finished writing (an activation's follow-up
 * events land a moment after its answer), so a refused request is judged on its own writes.
 */
async function settledHead(): Promise<number> {
  let head = await server.runtime.events.headPosition();
  for (let quiet = 0, tries = 0; quiet < 3 && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await server.runtime.events.headPosition();
    quiet = now === head ? quiet + 1 : 0;
    head = now;
  }
  return head;
}

/** Sends a request that must be refused with `status` and a JSON error, and write nothing. */
async function expectRefused(status: number, method: string, urlPath: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const before = await settledHead();
  const res = await send(method, urlPath, body, headers);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
  expect(res.type).toMatch(/application\/json/);
  expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  expect(await server.runtime.events.headPosition()).toBe(before);
  return res.body;
}

/** The instance still serves: a new workflow is created and visible at once. */
async function expectServing() {
  const created = await send('POST', '/api/v1/workflows', JSON.stringify(sampleWorkflow(`Still serving ${Math.random()}`)));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const read = await send('GET', `/api/v1/workflows/${created.body.id}`);
  expect(read.status).toBe(200);
  return created.body.id as string;
}

function weft(...args: string[]) {
  const root = path.resolve(import.meta.dirname, '..');
  return spawnSync(process.execPath, [path.join(root, 'bin', 'weft.js'), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: cliDir, LOG_LEVEL: 'silent' }, timeout: 60_000,
  });
}

beforeAll(async () => {
  server = await startTestServer({ JSON_BODY_LIMIT_BYTES: String(2 * 1024 * 1024), WEBHOOK_BODY_LIMIT_BYTES: String(2 * 1024 * 1024), COLLAB_COMMIT_DEBOUNCE_MS: '50' });
});
afterAll(async () => {
  await server?.close();
  rmSync(cliDir, { recursive: true, force: true });
});

describe('JSON nesting deeper than JSON_MAX_DEPTH', () => {
  it('accepts a workflow at the limit and refuses one level more', async () => {
    expect((await send('POST', '/api/v1/workflows', deepWorkflowText(100))).status).toBe(201);
    const error = await expectRefused(400, 'POST', '/api/v1/workflows', deepWorkflowText(101));
    expect(error.message).toContain('JSON_MAX_DEPTH');
    expect(error.message).toContain('100');
  });

  it.each(POISON_DEPTHS)('refuses a %i-level workflow on create, import, replace and run, and keeps serving', async (depth) => {
    const text = deepWorkflowText(depth);
    const id = await expectServing();
    for (const [method, urlPath, body] of [
      ['POST', '/api/v1/workflows', text],
      ['POST', '/api/v1/workflows/import', `[${text}]`],
      ['PUT', `/api/v1/workflows/${id}`, text],
      ['PATCH', `/api/v1/workflows/${id}`, text],
      ['POST', `/api/v1/workflows/${id}/run`, `{"pinData":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`],
    ] as const) {
      const error = await expectRefused(400, method, urlPath, body);
      expect(error.message, `${method} ${urlPath}`).toContain('JSON_MAX_DEPTH');
    }
    await expectServing();
  });

  it.each(POISON_DEPTHS)('refuses a %i-level webhook body before any run starts', async (depth) => {
    const wf = {
      name: `Hook ${depth}`, settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `deep-${depth}`, parameters: { path: `deep-${depth}`, httpMethod: 'POST' } }],
    };
    const created = await send('POST', '/api/v1/workflows', JSON.stringify(wf));
    expect((await send('POST', `/api/v1/workflows/${created.body.id}/activate`)).status).toBe(200);
    const error = await expectRefused(400, 'POST', `/webhook/deep-${depth}`, deepWorkflowText(depth), { 'X-API-KEY': '' });
    expect(error.message).toContain('JSON_MAX_DEPTH');
    const runs = await send('GET', `/api/v1/executions?workflowId=${created.body.id}`);
    expect(runs.body.data).toEqual([]);
    // The same hook still takes a proper call, whose run is then the only one listed.
    expect((await send('POST', `/webhook/deep-${depth}`, '{"ok":true}')).status).toBe(200);
    await expect.poll(async () => (await send('GET', `/api/v1/executions?workflowId=${created.body.id}`)).body.data.length).toBe(1);
  });

  it.each(POISON_DEPTHS)('closes a collaboration socket whose edit nests %i levels, and keeps the document', async (depth) => {
    const id = await expectServing();
    const before = (await send('GET', `/api/v1/workflows/${id}`)).body;
    const attacker = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => attacker.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    // Nested shared maps, built inside out so that nothing recurses on the way.
    attacker.doc.transact(() => {
      const params = nodesOf(attacker.doc).get('a2')!.get('parameters') as Y.Map<unknown>;
      let chain = new Y.Map<unknown>();
      params.set('deep', chain);
      for (let i = 0; i < depth; i++) {
        const next = new Y.Map<unknown>();
        chain.set('a', next);
        chain = next;
      }
    });
    const { code, reason } = await closed;
    expect(code).toBe(4400);
    expect(reason).toContain('JSON_MAX_DEPTH');
    // Another editor sees the document without the refused edit, and its own edits are committed.
    const editor = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    expect(docToDefinition(editor.doc).nodes[1].parameters.deep).toBeUndefined();
    setParameter(editor.doc, 'a2', ['options', 'fine'], true);
    const deadline = Date.now() + 8_000;
    let now = before;
    while (Date.now() < deadline && now.nodes[1].parameters.options?.fine !== true) {
      await new Promise((r) => setTimeout(r, 50));
      now = (await send('GET', `/api/v1/workflows/${id}`)).body;
    }
    expect(now.nodes[1].parameters.options.fine).toBe(true);
    expect(now.nodes[1].parameters.deep).toBeUndefined();
    await editor.disconnect();
  });

  it('refuses a collaboration edit that carries a deeply nested plain value', async () => {
    const id = await expectServing();
    const attacker = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    const closed = new Promise<number>((resolve) => attacker.socket.once('close', (code) => resolve(code)));
    let value: Record<string, unknown> = {};
    for (let i = 0; i < 1_000; i++) value = { a: value };
    (nodesOf(attacker.doc).get('a2')!.get('parameters') as Y.Map<unknown>).set('plain', value);
    expect(await closed).toBe(4400);
    expect((await send('GET', `/api/v1/workflows/${id}`)).body.nodes[1].parameters.plain).toBeUndefined();
  });

  it('answers a deeply nested live request with a validation error', async () => {
    const socket = await connect(server.url);
    try {
      let room: unknown = 'workflow:x';
      for (let i = 0; i < 1_000; i++) room = { room };
      const ack = await socket.timeout(5_000).emitWithAck('watch', room as never);
      expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(JSON.stringify(ack)).toContain('JSON_MAX_DEPTH');
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('a node whose output nests too deeply fails as a node error, and the run is recorded', async () => {
    const wf = {
      name: 'Deep output', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'c', name: 'Nest', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'let o = {}; for (let i = 0; i < 600; i++) o = { a: o }; return [{ json: o }];' } },
      ],
      connections: { Start: { main: [[{ node: 'Nest', type: 'main', index: 0 }]] } },
    };
    const created = await send('POST', '/api/v1/workflows', JSON.stringify(wf));
    const run = await send('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, '{}');
    expect(run.status, JSON.stringify(run.body).slice(0, 500)).toBe(201);
    expect(JSON.stringify(run.body)).toMatch(/nests deeper than \d+ levels/);
    expect(run.body.status).toBe('error');
    await expectServing();
  });
});

describe('sizes and encodings', () => {
  it('refuses a JSON body over JSON_BODY_LIMIT_BYTES with 413 naming the limit', async () => {
    const big = JSON.stringify(sampleWorkflow('Big', { meta: { blob: 'x'.repeat(3 * 1024 * 1024) } }));
    const error = await expectRefused(413, 'POST', '/api/v1/workflows', big);
    expect(error.message).toContain('JSON_BODY_LIMIT_BYTES');
  });

  it('refuses invalid UTF-8 in API bodies and leaves the data as it was', async () => {
    const id = await expectServing();
    const name = (await send('GET', `/api/v1/workflows/${id}`)).body.name;
    const invalid = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect((await expectRefused(400, 'PATCH', `/api/v1/workflows/${id}`, invalid)).message).toContain('UTF-8');
    expect((await send('GET', `/api/v1/workflows/${id}`)).body.name).toBe(name);
    const credential = await send('POST', '/api/v1/credentials', JSON.stringify({ name: 'Token', type: 'httpHeaderAuth', data: { name: 'X-Token', value: 'secret' } }));
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const badCredential = Buffer.concat([Buffer.from('{"name":"T'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    await expectRefused(400, 'PATCH', `/api/v1/credentials/${credential.body.id}`, badCredential);
    expect((await send('GET', `/api/v1/credentials/${credential.body.id}`)).body.name).toBe('Token');
  });

  it('refuses invalid UTF-8 in webhook JSON, form and text bodies', async () => {
    const wf = {
      name: 'Text hook', settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'utf8-hook', parameters: { path: 'utf8-hook', httpMethod: 'POST' } }],
    };
    const created = await send('POST', '/api/v1/workflows', JSON.stringify(wf));
    expect((await send('POST', `/api/v1/workflows/${created.body.id}/activate`)).status).toBe(200);
    const bad = Buffer.from([0x61, 0xff, 0x62]);
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'text/plain; charset=utf-8']) {
      const body = type === 'application/json' ? Buffer.concat([Buffer.from('{"a":"'), bad, Buffer.from('"}')]) : bad;
      expect((await expectRefused(400, 'POST', '/webhook/utf8-hook', body, { 'content-type': type })).message, type).toMatch(/UTF-8/);
    }
    // Text that says it is Latin-1 is read as Latin-1.
    expect((await send('POST', '/webhook/utf8-hook', Buffer.from([0x63, 0x61, 0x66, 0xe9]), { 'content-type': 'text/plain; charset=iso-8859-1' })).status).toBe(200);
    // The executions list follows the log a moment after the webhook's answer.
    await expect.poll(async () => (await send('GET', `/api/v1/executions?workflowId=${created.body.id}`)).body.data.length).toBe(1);
  });
});

// Last: these take a while, and the server's idle keep-alive connections must not go stale meanwhile.
describe('the command line', () => {
  it('refuses files nested 996, 1,000 and 100,000 levels deep to execute or import, and imports nothing', () => {
    for (const depth of POISON_DEPTHS) {
      const file = path.join(cliDir, `deep-${depth}.json`);
      writeFileSync(file, deepWorkflowText(depth));
      for (const args of [['execute', '--file', file], ['import', '--input', file]]) {
        const res = weft(...args);
        expect(res.status, `${args[0]} ${depth}: ${res.stderr}`).not.toBe(0);
        expect(res.stderr).toContain('JSON_MAX_DEPTH');
      }
    }
    const listed = weft('list');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain('Deep');
  }, 180_000);
});
