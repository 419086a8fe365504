// The scale-out job queue: BullMQ on Redis. A worker that dies mid-run loses its lock; BullMQ's
// stalled-job check hands the job to another worker, which continues the run from its record.
// Stop requests go over Redis pub/sub to whichever worker holds the run.
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { atMost, closeWithDeadline } from './hand-back.ts';
import type { EndedOutcome, EnqueueOptions, JobHandler, QueueWorker, RunJob, RunQueue, WorkerOptions } from './run-queue.ts';

export interface BullmqQueueOptions {
  url: string;
  /** Key prefix, so that several installations (or test runs) can share a Redis. */
  prefix: string;
  /** How long a worker's hold on a job lasts without renewal; a dead worker's jobs move on after it. */
  lockMs: number;
}

const QUEUE_NAME = 'runs';

// Takes a per-workflow slot: expired holds (dead workers) are dropped first; 1 when taken.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

export function createBullmqQueue(options: BullmqQueueOptions): RunQueue {
  const connection = new Redis(options.url, { maxRetriesPerRequest: null });
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
  const queue = new Queue<RunJob>(QUEUE_NAME, { connection, prefix: options.prefix });
  // Redis being away is reported by /readyz and by the calls that need it; the client reconnects.
  for (const emitter of [connection, subscriber, queue]) emitter.on('error', () => undefined);
  const channels = { stop: `${options.prefix}:stop`, ended: `${options.prefix}:ended` };
  const listeners = { stop: new Set<(executionId: string) => void>(), ended: new Set<(executionId: string, ended: EndedOutcome) => void>() };
  let subscribed: Promise<unknown> | undefined;
  const subscribe = () => {
    if (subscribed) return;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === channels.stop) for (const l of listeners.stop) l(message);
      else {
        // Only the revision travels: a result would be megabytes on Redis; waiters read the record.
        const { executionId, revision } = JSON.parse(message) as { executionId: string; revision: number };
        for (const l of listeners.ended) l(executionId, { revision });
      }
    });
    // The first command connects; ioredis subscribes again by itself after a reconnect.
    subscribed = subscriber.subscribe(channels.stop, channels.ended).catch(() => undefined);
  };
  const listen = <L>(set: Set<L>, listener: L) => {
    set.add(listener);
    subscribe();
    return () => void set.delete(listener);
  };
  const workers = new Set<Worker>();

  const slotKey = (workflowId: string) => `${options.prefix}:slots:${workflowId}`;

  return {
    kind: 'bullmq',
    async enqueue(job: RunJob, enqueue: EnqueueOptions) {
      await queue.add(job.resume ? 'resume' : 'run', job, {
        jobId: enqueue.key,
        priority: enqueue.priority,
        ...(enqueue.delayMs && enqueue.delayMs > 0 ? { delay: enqueue.delayMs } : {}),
        removeOnComplete: true,
        removeOnFail: true,
      });
    },

    work(handler: JobHandler, work: WorkerOptions): QueueWorker {
      const running = new Map<string, { job: Job<RunJob>; token: string | undefined; abort: AbortController }>();
      const workerConnection = new Redis(options.url, { maxRetriesPerRequest: null });
      workerConnection.on('error', () => undefined);
      const worker = new Worker<RunJob>(QUEUE_NAME, async (job: Job<RunJob>, token?: string) => {
        const slot = work.perWorkflowLimit > 0 ? await takeSlot(job) : true;
        if (!slot) {
          // The workflow is at its limit: try again shortly, without counting as a failure.
          await job.moveToDelayed(Date.now() + 250, token);
          throw new DelayedError();
        }
        const abort = new AbortController();
        running.set(job.id!, { job, token, abort });
        const renew = work.perWorkflowLimit > 0 ? setInterval(() => void takeSlot(job, true), options.lockMs / 2) : undefined;
        try {
          await handler(job.data, abort.signal);
        } finally {
          if (renew) clearInterval(renew);
          running.delete(job.id!);
          if (work.perWorkflowLimit > 0) await connection.zrem(slotKey(job.data.workflowId), job.id!);
        }
      }, {
        connection: workerConnection,
        prefix: options.prefix,
        concurrency: work.concurrency,
        lockDuration: options.lockMs,
        stalledInterval: Math.max(500, Math.floor(options.lockMs / 2)),
        // A run may outlive several dead workers; each continues from the record.
        maxStalledCount: 100,
        ...(work.ratePerSecond > 0 ? { limiter: { max: work.ratePerSecond, duration: 1000 } } : {}),
      });
      worker.on('error', () => undefined);
      workers.add(worker);

      async function takeSlot(job: Job<RunJob>, renewing = false): Promise<boolean> {
        const now = Date.now();
        if (renewing) {
          await connection.zadd(slotKey(job.data.workflowId), now + options.lockMs, job.id!);
          return true;
        }
        const taken = await connection.eval(ACQUIRE, 1, slotKey(job.data.workflowId), now, now + options.lockMs, work.perWorkflowLimit, job.id!, options.lockMs * 4);
        return taken === 1;
      }

      return {
        async close(deadlineMs: number) {
          // Nothing running: nothing to wait for (and a Redis that is away would make close hang).
          const closing = running.size === 0 ? atMost(worker.close(true), 2_000) : worker.close();
          // Handed-back runs stop between two steps; without Redis, closing never settles.
          await closeWithDeadline(closing, () => [...running.values()].map((r) => r.abort), deadlineMs, deadlineMs + 5_000);
          workers.delete(worker);
          workerConnection.disconnect();
        },
        running: () => [...running.values()].map((r) => r.job.data),
        async abandon() {
          const left = [...running.values()];
          // Back to waiting now, rather than after the lock runs out. With Redis away, the lock
          // does run out (QUEUE_LOCK_MS) and the stalled-job check moves the job on all the same.
          await atMost(Promise.allSettled(left.map(async ({ job, token }) => {
            await job.moveToWait(token);
            if (work.perWorkflowLimit > 0) await connection.zrem(slotKey(job.data.workflowId), job.id!);
          })), 1_000);
          return left.map((r) => r.job.data);
        },
      };
    },

    async requestStop(executionId: string) {
      await connection.publish(channels.stop, executionId);
    },
    onStopRequested: (listener) => listen(listeners.stop, listener),
    async publishEnded(executionId, ended) {
      await connection.publish(channels.ended, JSON.stringify({ executionId, revision: ended.revision }));
    },
    onEnded: (listener) => listen(listeners.ended, listener),
    async pending() {
      const counts = await queue.getJobCounts('wait', 'delayed', 'prioritized');
      return (counts.wait ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
    },
    async close() {
      // Bounded: with Redis gone, BullMQ's close would wait for it forever.
      for (const worker of workers) await atMost(worker.close(true), 2_000);
      await atMost(queue.close(), 2_000);
      subscriber.disconnect();
      connection.disconnect();
    },
  };
}
