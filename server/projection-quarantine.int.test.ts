// Issue 22 end to end: a stored workflow event the SQLite read model refuses (parameters nested
// deeper than its JSON functions accept) no longer stops the server. It starts, serves new writes at
// once, reports the quarantined event, and the CLI's rebuild finishes.
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../events/index.ts';
import { exited, startWeftProcess } from './process-testing.ts';
import { sampleWorkflow, TEST_OWNER } from './test-support.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'weft.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-poison-'));
const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
const base = `http://127.0.0.1:${port}`;
const env = {
  PORT: String(port), DATA_DIR: dataDir, OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
};
const auth = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };
let server: ChildProcess | undefined;

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await exited(server);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Node parameters nested 1,200 levels deep: over SQLite's JSON depth limit of 1,000. */
function deepParameters(levels = 1_200): Record<string, unknown> {
  let p: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) p = { a: p };
  return p;
}

/** Appends a WorkflowCreated event straight to the log, as an older version without depth limits did. */
async function storePoisonWorkflow(): Promise<{ stream: string; position: number }> {
  const events = createSqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
  const stream = `workflow-poison${randomUUID().slice(0, 8)}`;
  const definition = sampleWorkflow('Too deep');
  definition.nodes[1].parameters = deepParameters() as never;
  const { position } = await events.append(stream, [{
    id: randomUUID(), type: 'WorkflowCreated', data: { workspaceId: 'default', definition, tags: [] },
    metadata: { actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', at: new Date().toISOString(), schemaVersion: 1, workspaceId: 'default' },
  }], { expectedRevision: 'no_stream' });
  await events.close();
  return { stream, position };
}

async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const all = Object.fromEntries(Object.entries({ ...auth, ...headers }).filter(([, v]) => v !== ''));
  const res = await fetch(`${base}${url}`, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('a workflow event the read model refuses', () => {
  it('is quarantined: the server starts, serves new writes at once, and reports it; the CLI rebuild finishes', async () => {
    const poison = await storePoisonWorkflow();
    let output = '';
    // Kept at once, so that afterAll stops a server that never got to listen (the old defect).
    server = await startWeftProcess('start', env, (child) => {
      server = child;
      child.stdout!.on('data', (d: Buffer) => (output += d));
      child.stderr!.on('data', (d: Buffer) => (output += d));
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // API keys act in one workspace: the owner signs in to create and use another.
    const signin = await fetch(`${base}/api/v1/auth/signin`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_OWNER.email, password: TEST_OWNER.password }),
    });
    const cookie = signin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const workspace = await api('POST', '/api/v1/workspaces', { name: 'Elsewhere' }, { cookie, 'x-api-key': '' });
    expect(workspace.status, JSON.stringify(workspace.body)).toBe(201);
    const inOther = { cookie, 'x-api-key': '', 'x-workspace-id': workspace.body.id as string };
    const started = Date.now();
    const created = await api('POST', '/api/v1/workflows', sampleWorkflow('After the poison'), inOther);
    expect(created.status, output.slice(-2000)).toBe(201);
    expect(Date.now() - started).toBeLessThan(4_000);
    const listed = await api('GET', '/api/v1/workflows', undefined, inOther);
    expect(listed.body.data.map((w: { name: string }) => w.name)).toEqual(['After the poison']);

    const status = await api('GET', '/api/v1/admin/projections');
    expect(status.body.data.find((p: { name: string }) => p.name === 'workflows')).toMatchObject({ quarantined: 1 });
    const quarantine = await api('GET', '/api/v1/admin/projections/workflows/quarantine');
    expect(quarantine.status).toBe(200);
    expect(quarantine.body.data).toHaveLength(1);
    expect(quarantine.body.data[0]).toMatchObject({ projection: 'workflows', position: poison.position, stream: poison.stream, type: 'WorkflowCreated' });
    expect(quarantine.body.data[0].error).toMatch(/malformed JSON/);
    expect((await fetch(`${base}/api/v1/admin/projections/workflows/quarantine`)).status).toBe(401);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const readiness = (await ready.json()) as { status: string; projections: { name: string; behind: boolean; quarantined: number }[] };
    expect(readiness.status).toBe('degraded');
    expect(readiness.projections.find((p) => p.name === 'workflows')).toMatchObject({ behind: false, quarantined: 1 });

    // The same content sent over the API now is refused at the edge (JSON_MAX_DEPTH).
    const deep = sampleWorkflow('Deep again');
    deep.nodes[1].parameters = deepParameters() as never;
    const refused = await api('POST', '/api/v1/workflows', deep, inOther);
    expect(refused.status).toBe(400);

    // The CLI runs beside the server, as an operator would (async: the server's sockets stay served).
    const cli = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, cwd: root, timeout: 60_000 });
    const rebuild = await cli('projections', 'rebuild', 'workflows');
    expect(rebuild.stdout).toMatch(/workflows: rebuilt into workflows_v\d+_r\w+ up to position \d+ in \d+ ms, 1 event quarantined/);
    const cliStatus = await cli('projections', 'status');
    expect(cliStatus.stdout).toMatch(/workflows\s+v\d+\s+serving workflows_v\d+_r\w+\s+checkpoint \d+\s+quarantined [12]/);

    // The server follows the rebuilt read model (it notices the swap with its next event).
    const afterRebuild = await api('POST', '/api/v1/workflows', sampleWorkflow('After the rebuild'), inOther);
    expect(afterRebuild.status, output.slice(-2000)).toBe(201);
    await expect.poll(async () => (await api('GET', '/api/v1/workflows', undefined, inOther)).body.data.length, { timeout: 10_000 }).toBe(2);
    server.kill('SIGTERM');
    await exited(server);
  }, 120_000);
});
