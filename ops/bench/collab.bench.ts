// Collaboration figures: edit-to-other-client latency with 20 editors over real WebSockets, events
// appended per minute while 5 users edit (the debouncing), memory per open room of a 500-node
// workflow, and the time to open a workflow with 10,000 edits in its history.
// Run: npx tsx ops/bench/collab.bench.ts   (BENCH_SECONDS=… sets the timed parts; BENCH_ONLY=latency|events|memory|open runs one)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  createCollabClient, moveNode, nodesOf, randomEdit, repairDoc, seededRandom, setParameter, type CollabClient,
} from '../../collab/index.ts';
import { createHttpServer, createLogger, loadConfig, startRuntime, TEST_OWNER, type Runtime } from '../../server/index.ts';
import { percentile } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const root = path.resolve(import.meta.dirname, '..', '..');
const auth = { 'X-API-KEY': TEST_OWNER.apiKey };
const ownerEnv = { OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

function workflow(nodes: number) {
  return {
    name: `Bench ${nodes}`,
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `node-${i}`, name: `Node ${i}`, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [i * 20, (i % 10) * 80],
      parameters: { assignments: { assignments: [{ id: `a${i}`, name: 'field', value: `={{ $json.value + ${i} }}`, type: 'string' }] }, options: { dotNotation: true } },
    })),
    connections: Object.fromEntries(Array.from({ length: nodes - 1 }, (_, i) => [`Node ${i}`, { main: [[{ node: `Node ${i + 1}`, type: 'main', index: 0 }]] }])),
    settings: { executionOrder: 'v1' },
  };
}

async function post(url: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${url}/api/v1/workflows`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

/** A real client over a real WebSocket. */
async function connect(url: string, workflowId: string): Promise<CollabClient & { socket: WebSocket }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/collab/${workflowId}`, { headers: auth });
  const client = createCollabClient({ doc: new Y.Doc(), send: (m) => socket.send(m) });
  socket.on('message', (data: Buffer) => client.receive(new Uint8Array(data)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  client.start();
  await client.whenSynced();
  return Object.assign(client, { socket });
}

/** The server in its own process, as in production, so client work does not skew its figures. */
async function serverProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-bench-collab-'));
  const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
  const child = spawn(process.execPath, [path.join(root, 'bin', 'weft.js'), 'start'], {
    cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', ...ownerEnv, ...env }, stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return { url, child, dir };
    await sleep(100);
  }
  throw new Error('the server did not start');
}

async function stop(server: { child: ChildProcess; dir: string }): Promise<void> {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
  rmSync(server.dir, { recursive: true, force: true });
}

async function latency(): Promise<void> {
  const EDITORS = 20;
  const server = await serverProcess({});
  const { id } = await post(server.url, workflow(40));
  const clients: (CollabClient & { socket: WebSocket })[] = [];
  for (let i = 0; i < EDITORS; i++) clients.push(await connect(server.url, id));
  const sentAt = new Map<number, number>();
  const samples: number[] = [];
  clients.forEach((client, i) => {
    client.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === 'local') return;
      const now = performance.now();
      // Each editor writes `seq` on its own node; read every node's latest seq we have not seen.
      for (let n = 0; n < EDITORS; n++) {
        if (n === i) continue;
        const params = nodesOf(client.doc).get(`node-${n}`)?.get('parameters') as Y.Map<unknown> | undefined;
        const seq = params?.get('seq') as number | undefined;
        const key = seq === undefined ? undefined : seq * 100 + i;
        if (seq !== undefined && key !== undefined && !seenBy.has(key)) {
          seenBy.add(key);
          samples.push(now - sentAt.get(seq)!);
        }
      }
    });
  });
  const seenBy = new Set<number>();
  let seq = 0;
  const end = Date.now() + SECONDS * 1000;
  // Each editor edits every 100 ms (200 edits/s in all, each fanned out to 19 others).
  while (Date.now() < end) {
    for (let i = 0; i < EDITORS; i++) {
      seq += 1;
      sentAt.set(seq, performance.now());
      setParameter(clients[i].doc, `node-${i}`, ['seq'], seq, 'local');
      await sleep(5);
    }
  }
  await sleep(500);
  console.log(
    `edit → other clients, ${EDITORS} editors over WebSockets: p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, ` +
      `max ${Math.max(...samples).toFixed(1)} ms (${samples.length} deliveries, ${seq} edits in ${SECONDS} s)`,
  );
  for (const c of clients) c.socket.close();
  await stop(server);
}

async function eventsPerMinute(): Promise<void> {
  const USERS = 5;
  const server = await serverProcess({});
  const { id } = await post(server.url, workflow(60));
  const clients = await Promise.all(Array.from({ length: USERS }, () => connect(server.url, id)));
  const countEvents = async () => {
    const res = await fetch(`${server.url}/api/v1/workflows/${id}/history?limit=1`, { headers: auth });
    return ((await res.json()) as { data: { revision: number }[] }).data[0].revision;
  };
  const countVersions = async () => {
    let count = 0;
    let cursor: string | null = null;
    do {
      const res = await fetch(`${server.url}/api/v1/workflows/${id}/versions?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: auth });
      const page = (await res.json()) as { data: unknown[]; nextCursor: string | null };
      count += page.data.length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  };
  const before = await countEvents();
  const versionsBefore = await countVersions();
  const rng = seededRandom(7);
  let updates = 0;
  const started = Date.now();
  const end = started + SECONDS * 1000;
  // Each user alternates a drag (20 positions in awareness, one write at the end) and typing
  // (8 keystrokes into one parameter, 80 ms apart): continuous editing, ~6 document updates/s each.
  await Promise.all(clients.map(async (client, u) => {
    while (Date.now() < end) {
      const node = `node-${rng.int(60)}`;
      for (let step = 0; step < 20; step++) {
        client.awareness.setLocalStateField('drag', { node, x: step, y: step });
        await sleep(10);
      }
      moveNode(client.doc, node, [rng.int(2000), rng.int(1000)]);
      updates += 1;
      let text = '';
      for (let key = 0; key < 8; key++) {
        text += String.fromCharCode(97 + rng.int(26));
        setParameter(client.doc, node, ['options', `note${u}`], text);
        updates += 1;
        await sleep(80);
      }
    }
  }));
  await sleep(2_500); // the last debounce
  const minutes = (Date.now() - started) / 60_000;
  const appended = (await countEvents()) - before;
  const versions = (await countVersions()) - versionsBefore;
  console.log(
    `${USERS} users editing continuously for ${SECONDS} s: ${(updates / minutes).toFixed(0)} document updates/min → ` +
      `${(appended / minutes).toFixed(0)} workflow events/min in ${(versions / minutes).toFixed(0)} appends (versions)/min ` +
      `(debounce ${loadConfig({}).collabCommitDebounceMs} ms, max wait ${loadConfig({}).collabCommitMaxWaitMs} ms)`,
  );
  for (const c of clients) c.socket.close();
  await stop(server);
}

async function inProcess(env: Record<string, string>): Promise<{ rt: Runtime; url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-bench-collab-'));
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', ...ownerEnv, ...env });
  const rt = await startRuntime(config, createLogger(config));
  const listener = createHttpServer(rt);
  await new Promise<void>((r) => listener.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(listener.server.address() as { port: number }).port}`;
  return {
    rt, url,
    async close() {
      await listener.closeChannels();
      listener.server.closeAllConnections();
      await new Promise<void>((r) => listener.server.close(() => r()));
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const quietPeer = (userId: string) => ({ userId, readOnly: false, send: () => undefined });

async function memoryPerRoom(): Promise<void> {
  const ROOMS = 10;
  const server = await inProcess({ COLLAB_ROOM_IDLE_MS: '600000' });
  const ids: string[] = [];
  for (let i = 0; i < ROOMS; i++) ids.push((await post(server.url, workflow(500))).id);
  gc();
  const before = process.memoryUsage().heapUsed;
  const peers = [];
  for (const id of ids) {
    const peer = quietPeer('bench');
    await server.rt.collab.join(id, peer);
    peers.push(peer);
  }
  for (const id of ids) await server.rt.collab.get(id)!.flush();
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`memory per open room, 500-node workflow: ${((after - before) / ROOMS / 1024 / 1024).toFixed(2)} MB (heap, ${ROOMS} rooms)`);
  await server.close();
}

async function openWithLongHistory(): Promise<void> {
  const EDITS = 10_000;
  const server = await inProcess({ COLLAB_PERSIST_BATCH_MS: '0', COLLAB_COMMIT_DEBOUNCE_MS: '20', COLLAB_COMMIT_MAX_WAIT_MS: '200', COLLAB_ROOM_IDLE_MS: '0' });
  const { id } = await post(server.url, workflow(50));
  const peer = quietPeer('editor');
  const live = await server.rt.collab.join(id, peer);
  const rng = seededRandom(3);
  for (let i = 0; i < EDITS; i++) {
    randomEdit(live.doc, rng, peer);
    repairDoc(live.doc); // what the room does after every peer update
    // Every edit its own stored update (the worst case for loading); commits at most every 200 ms.
    await new Promise((r) => setImmediate(r));
    if (i % 500 === 0) await sleep(25);
  }
  await live.flush();
  server.rt.collab.leave(live, peer);
  await sleep(200); // the room closes
  const docEvents = (await server.rt.events.streamRevision(`workflowdoc-${id}`)) + 1;
  const workflowEvents = (await server.rt.events.streamRevision(`workflow-${id}`)) + 1;
  const timings: number[] = [];
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    const client = await connect(server.url, id);
    timings.push(performance.now() - started);
    client.socket.close();
    await sleep(300);
  }
  console.log(
    `open a workflow with ${EDITS} edits (${workflowEvents} workflow events, ${docEvents} stored document events): ` +
      `connect + first sync p50 ${percentile(timings, 50).toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms`,
  );
  await server.close();
}

console.log('collaboration benchmark');
const only = process.env.BENCH_ONLY;
if (!only || only === 'latency') await latency();
if (!only || only === 'events') await eventsPerMinute();
if (!only || only === 'memory') await memoryPerRoom();
if (!only || only === 'open') await openWithLongHistory();
process.exit(0);
