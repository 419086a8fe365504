// Schedule triggers on BullMQ Job Schedulers (Redis): every server upserts the same schedulers,
// and each tick is one job with a deterministic id, so however many servers run, it starts one run.
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { TriggerSchedule } from '../../nodes/index.ts';
import type { Logger } from '../logger.ts';
import type { Scheduler, TickHandler } from './scheduler.ts';

interface TickData {
  workflowId: string;
  schedule: TriggerSchedule;
  timezone: string;
}

/** `concurrency`: ticks handled at once (default 200); a tick only records and queues a run, so a burst of due ticks drains in parallel. */
export function createBullmqScheduler(options: { redisUrl: string; queueName: string; onTick: TickHandler; logger: Logger; concurrency?: number }): Scheduler {
  const connection = () => new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queueConnection = connection();
  const workerConnection = connection();
  for (const c of [queueConnection, workerConnection]) c.on('error', (err) => options.logger.warn({ err: err.message }, 'schedule queue: redis unreachable'));
  const queue = new Queue<TickData>(options.queueName, {
    connection: queueConnection,
    defaultJobOptions: { removeOnComplete: 1000, removeOnFail: 1000 },
  });
  const worker = new Worker<TickData>(
    options.queueName,
    async (job: Job<TickData>) => {
      // A scheduler's job is created when the previous one runs and delayed until it is due.
      const scheduledAt = new Date(job.timestamp + (job.opts.delay ?? 0));
      await options.onTick({ ...job.data, scheduledAt });
    },
    { connection: workerConnection, concurrency: options.concurrency ?? 200 },
  );
  worker.on('error', (err) => options.logger.warn({ err: err.message }, 'schedule worker error'));
  queue.on('error', (err) => options.logger.warn({ err: err.message }, 'schedule queue error'));
  const armedHere = new Set<string>();

  // Which scheduler keys each workflow has, so arming one workflow does not scan them all.
  const keySet = (workflowId: string) => `${options.queueName}:weft-schedule-keys:${workflowId}`;

  async function allKeys(): Promise<string[]> {
    const out: string[] = [];
    for (let start = 0; ; start += 1000) {
      const page = await queue.getJobSchedulers(start, start + 999, true);
      out.push(...page.map((s) => s.key));
      if (page.length < 1000) return out;
    }
  }

  async function remove(workflowId: string, keys: string[]): Promise<void> {
    for (const key of keys) await queue.removeJobScheduler(key);
    if (keys.length) await queueConnection.srem(keySet(workflowId), ...keys);
  }

  return {
    async arm(workflowId, schedules, timezone) {
      const wanted = new Set(schedules.map((s) => s.key));
      const known = await queueConnection.smembers(keySet(workflowId));
      await remove(workflowId, known.filter((k) => !wanted.has(k)));
      for (const s of schedules) {
        const repeat = s.cron ? { pattern: s.cron, tz: timezone } : { every: s.everyMs! };
        await queue.upsertJobScheduler(s.key, repeat, { name: 'tick', data: { workflowId, schedule: s, timezone } });
      }
      if (schedules.length) {
        await queueConnection.sadd(keySet(workflowId), ...schedules.map((s) => s.key));
        armedHere.add(workflowId);
      } else armedHere.delete(workflowId);
    },
    async disarm(workflowId) {
      await remove(workflowId, await queueConnection.smembers(keySet(workflowId)));
      armedHere.delete(workflowId);
    },
    async prune(keep) {
      // Start-up only: one scan of every scheduler.
      for (const key of await allKeys()) {
        const workflowId = key.split(':')[0];
        if (!keep.has(workflowId)) await remove(workflowId, [key]);
      }
      for (const id of [...armedHere]) if (!keep.has(id)) armedHere.delete(id);
    },
    armed: () => [...armedHere],
    async close() {
      // An unreachable Redis must not hold up shutdown.
      const settle = (p: Promise<unknown>) => Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
      await settle(worker.close());
      await settle(queue.close());
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
