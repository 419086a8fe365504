// Live latency: from a node event being appended to the event log to a Socket.IO client receiving
// it, with 100 clients watching the run (p50, p99 over every client × event). The watchers run in
// a process of their own, as browsers would; both processes read the same wall clock
// (performance.timeOrigin + now()). Events are appended first by the server process itself, then
// through a second handle on the same SQLite file, as a worker process would.
// Run: npx tsx ops/bench/live.bench.ts
//   (WATCHERS=100 EVENTS=1000 INTERVAL_MS=5 EVENTS_POLL_INTERVAL_MS=200 IN_PROCESS=1 REDIS_URL=redis://… to change it)
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import type { LiveAck, LiveMessage, NewEvent, WatchReply } from '../../domain/index.ts';
import { createSqliteEventStore, type EventStore } from '../../events/index.ts';
import { createHttpServer, createRedisCommitBus, sampleWorkflow, startTestRuntime, TEST_OWNER } from '../../server/index.ts';
import { percentile } from './stats.ts';

const WATCHERS = Number(process.env.WATCHERS ?? 100);
const EVENTS = Number(process.env.EVENTS ?? 1000);
const INTERVAL_MS = Number(process.env.INTERVAL_MS ?? 5);
/** Wall-clock milliseconds with sub-millisecond precision, comparable across processes. */
const clock = () => performance.timeOrigin + performance.now();

/** Messages between the bench and its watcher process. */
type FromWatchers = { ready: true } | { received: [revision: number, at: number][] };

/** The watcher side: connect, watch the run, note when each message arrives, report on request. */
async function runWatchers(url: string, room: string, report: (message: FromWatchers) => void, onCollect: (collect: () => void) => void) {
  const received: [number, number][] = [];
  const sockets = Array.from({ length: WATCHERS }, () => {
    const socket = io(url, { transports: ['websocket'], auth: { apiKey: TEST_OWNER.apiKey }, forceNew: true, reconnection: false });
    socket.on('live', (message: LiveMessage) => received.push([message.revision, clock()]));
    return socket;
  });
  await Promise.all(sockets.map(async (socket) => {
    if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const ack = (await socket.emitWithAck('watch', { room })) as LiveAck<WatchReply>;
    if (!ack.ok) throw new Error(ack.error.message);
  }));
  onCollect(() => {
    report({ received: received.splice(0) });
  });
  report({ ready: true });
  return () => sockets.forEach((socket) => socket.disconnect());
}

if (process.env.LIVE_BENCH_URL) {
  // The watcher process.
  const send = (message: FromWatchers) => process.send!(message);
  const stop = await runWatchers(process.env.LIVE_BENCH_URL, process.env.LIVE_BENCH_ROOM!, send, (collect) => {
    process.on('message', (message: { collect?: true; exit?: true }) => {
      if (message.collect) collect();
      if (message.exit) {
        stop();
        process.exit(0);
      }
    });
  });
} else {
  await bench();
}

async function bench(): Promise<void> {
  // With REDIS_URL (as in queue mode), processes sharing the SQLite file wake each other on commit.
  const queuePrefix = `live-bench-${randomUUID()}`;
  const runtime = await startTestRuntime({
    ...(process.env.EVENTS_POLL_INTERVAL_MS ? { EVENTS_POLL_INTERVAL_MS: process.env.EVENTS_POLL_INTERVAL_MS } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: queuePrefix } : {}),
  });
  const listener = createHttpServer(runtime);
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(listener.server.address() as AddressInfo).port}`;

  const created = await fetch(`${url}/api/v1/workflows`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': TEST_OWNER.apiKey }, body: JSON.stringify(sampleWorkflow('Live bench')),
  });
  const workflowId = ((await created.json()) as { id: string }).id;
  const executionId = `bench${Date.now()}`;
  const stream = `execution-${executionId}`;
  const metadata = () => ({ actor: { kind: 'system' as const, id: 'bench' }, correlationId: executionId, causationId: executionId, at: new Date().toISOString(), schemaVersion: 1, workspaceId: 'default' });
  const event = (type: string, data: unknown): NewEvent => ({ id: randomUUID(), type, data, metadata: metadata() });
  // The run exists before anyone watches it, as when a client opens a run that was just started.
  await runtime.events.append(stream, [event('ExecutionStarted', { workflowId, mode: 'manual', startedAt: new Date().toISOString(), definitionHash: 'bench', executionOrder: 'v1', timezone: 'UTC', triggerItems: [] })]);

  // Watchers: in a child process (default), or in this one (IN_PROCESS=1, client work then competes with the server).
  const inbox: [number, number][] = [];
  let collect: () => Promise<void>;
  let stopWatchers: () => Promise<void>;
  const room = `execution:${executionId}`;
  if (process.env.IN_PROCESS) {
    let collectNow = () => {};
    const stop = await runWatchers(url, room, (m) => { if ('received' in m) inbox.push(...m.received); }, (c) => (collectNow = c));
    collect = async () => collectNow();
    stopWatchers = async () => stop();
  } else {
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, LIVE_BENCH_URL: url, LIVE_BENCH_ROOM: room } });
    let answer: (() => void) | undefined;
    child.on('message', (m: FromWatchers) => {
      if ('received' in m) inbox.push(...m.received);
      answer?.();
    });
    await new Promise<void>((resolve, reject) => {
      answer = resolve;
      child.once('exit', (code) => reject(new Error(`watchers exited with ${code}`)));
    });
    collect = () => new Promise<void>((resolve) => {
      answer = resolve;
      child.send({ collect: true });
    });
    stopWatchers = () => new Promise<void>((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.send({ exit: true });
    });
  }

  const taskData = { startTime: Date.now(), executionIndex: 1, executionTime: 2, executionStatus: 'success', source: [{ previousNode: 'Start' }], data: { main: [[{ json: { a: 1, b: 'two' } }, { json: { a: 2, b: 'three' } }]] } };
  /** When each event's append began, by stream revision. */
  const appendedAt = new Map<number, number>();
  let revision = 0;

  async function measure(label: string, store: EventStore, count: number): Promise<void> {
    const first = revision + 1;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const node = `Node ${Math.floor(i / 2)}`;
      const e = i % 2 === 0
        ? event('NodeStarted', { node, runIndex: 0, executionIndex: i, startTime: Date.now(), source: [], inputItemCounts: [2] })
        : event('NodeSucceeded', { node, runIndex: 0, taskData });
      // Noted before the append, since a client may hear of the event before the append returns.
      appendedAt.set(++revision, clock());
      await store.append(stream, [e]);
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
    const seconds = (performance.now() - started) / 1000;
    const expected = WATCHERS * count;
    const latencies: number[] = [];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      await collect();
      for (const [rev, at] of inbox.splice(0)) if (rev >= first && rev <= revision) latencies.push(at - appendedAt.get(rev)!);
      if (latencies.length >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`${label}\n  ${WATCHERS} watchers, ${count} node events, one every ~${INTERVAL_MS} ms (${(count / seconds).toFixed(0)} events/s); deliveries ${latencies.length} of ${expected}`);
    console.log(`  p50 ${percentile(latencies, 50).toFixed(2)} ms   p90 ${percentile(latencies, 90).toFixed(2)} ms   p99 ${percentile(latencies, 99).toFixed(2)} ms   max ${percentile(latencies, 100).toFixed(2)} ms`);
  }

  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores; watchers ${process.env.IN_PROCESS ? 'in the server process' : 'in their own process'}`);
  await measure('Live latency, event appended by the server → Socket.IO client received (target p99 ≤ 25 ms)', runtime.events, EVENTS);
  // A worker process appends through its own handle on the same SQLite file: the server hears of
  // it through the Redis commit bus when REDIS_URL is set, else by polling (EVENTS_POLL_INTERVAL_MS).
  const commitBus = process.env.REDIS_URL ? createRedisCommitBus(process.env.REDIS_URL, `${queuePrefix}:events`) : undefined;
  const workerStore = createSqliteEventStore({ file: path.join(runtime.config.dataDir, 'events.sqlite'), commitBus });
  const how = commitBus ? 'woken over Redis' : `polled every ${runtime.config.eventsPollIntervalMs} ms`;
  await measure(`Live latency, event appended by another process on the same SQLite file (${how})`, workerStore, Math.min(EVENTS, 200));
  await workerStore.close();
  commitBus?.close();

  await stopWatchers();
  await listener.closeChannels();
  listener.server.closeAllConnections();
  await new Promise<void>((resolve) => listener.server.close(() => resolve()));
  await runtime.dispose();
}
