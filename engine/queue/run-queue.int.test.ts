// One suite for the job queues: in-process, in-process with its worker across a message port (the
// execution thread's), and BullMQ on a real Redis.
import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createBullmqQueue } from './bullmq-queue.ts';
import { createInProcessQueue } from './in-process-queue.ts';
import { PRIORITY, type JobHandler, type QueueWorker, type RunJob, type RunQueue, type WorkerOptions } from './run-queue.ts';
import { createThreadQueueClient, createThreadQueueHost } from './thread-queue.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Both ends of the thread queue over a real MessageChannel: jobs are enqueued on the server's end
 * and worked on the thread's; stops are asked on one end and heard on the other, and so are ends.
 */
function threadQueue(): RunQueue {
  const { port1, port2 } = new MessageChannel();
  const inner = createInProcessQueue();
  const host = createThreadQueueHost(inner, port1);
  const client = createThreadQueueClient(port2);
  return {
    kind: 'thread',
    enqueue: (j, o) => host.enqueue(j, o),
    work: (h, o) => client.work(h, o),
    requestStop: (id) => host.requestStop(id),
    onStopRequested: (l) => client.onStopRequested(l),
    publishEnded: (id, outcome) => client.publishEnded(id, outcome),
    onEnded: (l) => host.onEnded(l),
    want: (id, scope) => host.want!(id, scope),
    pending: () => client.pending(),
    async close() {
      await client.close();
      await host.close();
      await inner.close();
      port1.close();
    },
  };
}

const adapters: [string, (prefix: string) => RunQueue][] = [
  ['in-process', () => createInProcessQueue()],
  ['thread', () => threadQueue()],
  ['bullmq', (prefix) => createBullmqQueue({ url: REDIS_URL, prefix, lockMs: 2_000 })],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const job = (executionId: string, workflowId = 'wf'): RunJob => ({ executionId, workflowId });
const options = (extra: Partial<WorkerOptions> = {}): WorkerOptions => ({ concurrency: 1, perWorkflowLimit: 0, ratePerSecond: 0, ...extra });

describe.each(adapters)('run queue (%s)', (kind, open) => {
  const opened: RunQueue[] = [];
  const workers: QueueWorker[] = [];
  let prefix = '';
  const queue = () => {
    const q = open(prefix);
    opened.push(q);
    return q;
  };
  const work = (q: RunQueue, handler: JobHandler, extra?: Partial<WorkerOptions>) => {
    const w = q.work(handler, options(extra));
    workers.push(w);
    return w;
  };

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.close(100);
    for (const q of opened.splice(0)) await q.close();
    if (kind === 'bullmq') {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });
  // A fresh key space per test, so a test never sees another's jobs.
  const fresh = () => (prefix = `weft-queue-test-${randomUUID()}`);

  it('runs manual jobs ahead of a backlog, then the rest in arrival order', async () => {
    fresh();
    const q = queue();
    for (let i = 0; i < 4; i++) await q.enqueue(job(`p${i}`), { priority: PRIORITY.production, key: `p${i}` });
    await q.enqueue(job('m'), { priority: PRIORITY.manual, key: 'm' });
    const seen: string[] = [];
    work(q, async (j) => void seen.push(j.executionId));
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(5);
    expect(seen).toEqual(['m', 'p0', 'p1', 'p2', 'p3']);
  });

  it('adds a job only once per key while it waits, and delays a job', async () => {
    fresh();
    const q = queue();
    const seen: [string, number][] = [];
    const t0 = Date.now();
    await q.enqueue(job('a'), { priority: PRIORITY.manual, key: 'same' });
    await q.enqueue(job('b'), { priority: PRIORITY.manual, key: 'same' });
    await q.enqueue(job('late'), { priority: PRIORITY.manual, key: 'late', delayMs: 400 });
    expect(await q.pending()).toBe(2);
    work(q, async (j) => void seen.push([j.executionId, Date.now() - t0]));
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(2);
    expect(seen.map((s) => s[0])).toEqual(['a', 'late']);
    expect(seen[1][1]).toBeGreaterThanOrEqual(390);
  });

  it('keeps to the per-workflow limit across workers, while other workflows run', async () => {
    fresh();
    const q1 = queue();
    const q2 = kind === 'bullmq' ? queue() : q1;
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const handler: JobHandler = async (j) => {
      running.set(j.workflowId, (running.get(j.workflowId) ?? 0) + 1);
      peak.set(j.workflowId, Math.max(peak.get(j.workflowId) ?? 0, running.get(j.workflowId)!));
      await sleep(120);
      running.set(j.workflowId, running.get(j.workflowId)! - 1);
    };
    for (let i = 0; i < 4; i++) await q1.enqueue(job(`a${i}`, 'A'), { priority: PRIORITY.production, key: `a${i}` });
    await q1.enqueue(job('b0', 'B'), { priority: PRIORITY.production, key: 'b0' });
    await q1.enqueue(job('b1', 'B'), { priority: PRIORITY.production, key: 'b1' });
    const done = () => [...running.values()].reduce((a, b) => a + b, 0) === 0 && peak.size === 2;
    work(q1, handler, { concurrency: 3, perWorkflowLimit: 1 });
    if (q2 !== q1) work(q2, handler, { concurrency: 3, perWorkflowLimit: 1 });
    await expect.poll(async () => done() && (await q1.pending()) === 0, { timeout: 15_000 }).toBe(true);
    await sleep(200);
    expect(peak.get('A')).toBe(1);
    expect(peak.get('B')).toBe(1);
  });

  it('starts at most the rate limit per second', async () => {
    fresh();
    const q = queue();
    const started: number[] = [];
    for (let i = 0; i < 8; i++) await q.enqueue(job(`r${i}`), { priority: PRIORITY.production, key: `r${i}` });
    const t0 = Date.now();
    work(q, async () => void started.push(Date.now() - t0), { concurrency: 8, ratePerSecond: 4 });
    await expect.poll(() => started.length, { timeout: 10_000 }).toBe(8);
    // Four in the first second, the next four only after it.
    expect(started.filter((t) => t < 900)).toHaveLength(4);
    expect(Math.max(...started)).toBeGreaterThanOrEqual(900);
  });

  it('carries stop requests and run ends, with their revision, to every process', async () => {
    fresh();
    const a = queue();
    const b = kind === 'bullmq' ? queue() : a;
    const stops: string[] = [];
    const ends: [string, number][] = [];
    b.onStopRequested((id) => stops.push(id));
    b.onEnded((id, ended) => ends.push([id, ended.revision]));
    await sleep(200);
    await a.requestStop('x1');
    await a.publishEnded('x2', { revision: 7 });
    await expect.poll(() => [stops, ends], { timeout: 5_000 }).toEqual([['x1'], [['x2', 7]]]);
  });

  it('on close, waits for running jobs up to the deadline, then signals them to hand back', async () => {
    fresh();
    const q = queue();
    let handedBack = false;
    let started = false;
    await q.enqueue(job('long'), { priority: PRIORITY.manual, key: 'long' });
    const w = q.work(async (_j, signal) => {
      started = true;
      while (!signal.aborted) await sleep(10);
      handedBack = true;
    }, options());
    await expect.poll(() => started, { timeout: 10_000 }).toBe(true);
    const t0 = Date.now();
    await w.close(300);
    expect(handedBack).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });
});

describe('run queue (thread) results', () => {
  it("sends a wanted run's result along with its end, and only a wanted one; every end with its revision", async () => {
    const q = threadQueue();
    const ends: [string, unknown][] = [];
    q.onEnded((id, outcome) => ends.push([id, outcome]));
    q.want!('wanted', 'full');
    await sleep(50);
    const outcome = { result: { status: 'success', mode: 'manual', startedAt: 'now', data: { resultData: { runData: {} } } }, revision: 7 } as const;
    await q.publishEnded('wanted', outcome as never);
    await q.publishEnded('unwanted', outcome as never);
    await expect.poll(() => ends.length, { timeout: 5_000 }).toBe(2);
    expect(ends).toEqual([['wanted', outcome], ['unwanted', { revision: 7 }]]);
    await q.close();
  });

  it("sends only the last node's data when that is all the waiters want, and all of it once one wants it all", async () => {
    const q = threadQueue();
    const ends = new Map<string, unknown>();
    q.onEnded((id, outcome) => ends.set(id, outcome));
    const step = (n: number) => ({ startTime: 0, executionTime: 1, source: [], data: { main: [[{ json: { n } }]] } });
    const result = {
      status: 'success', mode: 'webhook', startedAt: 'now',
      data: { resultData: { lastNodeExecuted: 'Last', runData: { First: [step(1)], Last: [step(2), step(3)] } } },
    };
    q.want!('last', 'lastNode');
    q.want!('both', 'lastNode');
    q.want!('both', 'full');
    q.want!('both', 'lastNode');
    await sleep(50);
    await q.publishEnded('last', { result, revision: 3 } as never);
    await q.publishEnded('both', { result, revision: 3 } as never);
    await expect.poll(() => ends.size, { timeout: 5_000 }).toBe(2);
    expect(ends.get('last')).toEqual({
      result: { ...result, data: { resultData: { lastNodeExecuted: 'Last', runData: { Last: [step(3)] } } } }, revision: 3, lastNodeOnly: true,
    });
    expect(ends.get('both')).toEqual({ result, revision: 3 });
    await q.close();
  });
});
