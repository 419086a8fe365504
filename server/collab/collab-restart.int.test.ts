// A crash loses no acknowledged edit: a real server process is killed with SIGKILL during a burst of
// edits from two clients; after a restart its stored document holds every edit it acknowledged,
// the clients reconnect and converge, and the committed workflow equals their document.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToDefinition, randomEdit, seededRandom } from '../../collab/index.ts';
import { deepEqual } from '../../domain/index.ts';
import { sampleWorkflow, TEST_OWNER } from '../test-support.ts';
import { connectCollab, type WsCollabClient } from './ws-client.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'weft.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-collab-crash-'));
const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
  OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
  COLLAB_COMMIT_DEBOUNCE_MS: '100', COLLAB_PERSIST_BATCH_MS: '40', // a wide window: an early acknowledgement would show
};
const auth = { 'X-API-KEY': TEST_OWNER.apiKey };
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'start'], { env, cwd: root });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) return child;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function eventually<T>(probe: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${JSON.stringify(value).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Records every local edit's update in order: message k + 1 on the wire (message 1 is the sync). */
function recordEdits(client: WsCollabClient): Uint8Array[] {
  const updates: Uint8Array[] = [];
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'burst') updates.push(update);
  });
  return updates;
}

describe('collaboration survives a crash', () => {
  it('keeps every acknowledged edit when the server is killed during a burst, then converges on reconnect', async () => {
    let server = await startServer();
    const created = await fetch(`${base}/api/v1/workflows`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(sampleWorkflow('Crash')) });
    const id = (await created.json()).id as string;
    const clients = [await connectCollab({ url: base, workflowId: id, headers: auth }), await connectCollab({ url: base, workflowId: id, headers: auth })];
    const edits = clients.map(recordEdits);
    for (const c of clients) c.socket.on('error', () => undefined);

    // A burst from both clients; the server is killed in the middle of it.
    const rng = seededRandom(42);
    let exit: Promise<unknown> | undefined;
    for (let step = 0; step < 400; step++) {
      randomEdit(rng.pick(clients).doc, rng, 'burst');
      if (step % 5 === 0) await new Promise((r) => setTimeout(r, 3));
      if (step === 250) {
        const child = server;
        exit = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
      }
    }
    await exit;
    const acknowledged = clients.map((c, i) => edits[i].slice(0, Math.max(0, c.durable - 1)));
    expect(acknowledged[0].length + acknowledged[1].length).toBeGreaterThan(20);
    expect(acknowledged[0].length + acknowledged[1].length).toBeLessThan(edits[0].length + edits[1].length);

    server = await startServer();
    // A fresh observer sees what the restarted server stored: it already holds every acknowledged edit.
    const observer = await connectCollab({ url: base, workflowId: id, headers: auth });
    const stored = docToDefinition(observer.doc);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, Y.encodeStateAsUpdate(observer.doc));
    for (const update of acknowledged.flat()) Y.applyUpdate(replay, update);
    expect(docToDefinition(replay)).toEqual(stored);
    await observer.disconnect();

    // The clients reconnect with everything they have, acknowledged or not: all converge.
    for (const c of clients) await c.reconnect();
    const converged = await eventually(
      () => clients.map((c) => docToDefinition(c.doc)),
      (defs) => deepEqual(defs[0], defs[1]),
    );
    await eventually(
      async () => {
        const res = await fetch(`${base}/api/v1/workflows/${id}/versions/0`, { headers: auth });
        const current = (await res.json()).currentRevision as number;
        return (await (await fetch(`${base}/api/v1/workflows/${id}/versions/${current}`, { headers: auth })).json()).definition;
      },
      (committed) => deepEqual(committed, converged[0]),
    );
    for (const c of clients) await c.disconnect();
    const stopped = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await stopped;
  }, 90_000);
});
