// The embedded job queue: a priority queue in this process with delayed jobs, a per-workflow
// limit and a rate limit, so that the engine behaves the same with and without Redis.
import { EventEmitter } from 'node:events';
import { closeWithDeadline } from './hand-back.ts';
import type { EnqueueOptions, JobHandler, QueueWorker, RunJob, RunQueue, WorkerOptions } from './run-queue.ts';

interface Entry {
  job: RunJob;
  priority: number;
  seq: number;
  key: string;
}

export function createInProcessQueue(): RunQueue {
  const ready: Entry[] = [];
  const keys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const stops = new EventEmitter(); // stop requests and run ends
  stops.setMaxListeners(0);
  let seq = 0;
  let pump: (() => void) | undefined;

  const push = (entry: Entry) => {
    // Stable by priority, then arrival.
    let i = ready.length;
    while (i > 0 && (ready[i - 1].priority > entry.priority)) i--;
    ready.splice(i, 0, entry);
    pump?.();
  };

  return {
    kind: 'in-process',
    async enqueue(job: RunJob, options: EnqueueOptions) {
      if (keys.has(options.key)) return;
      keys.add(options.key);
      const entry = { job, priority: options.priority, seq: seq++, key: options.key };
      if (options.delayMs && options.delayMs > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          push(entry);
        }, Math.min(options.delayMs, 2 ** 31 - 1));
        timers.add(timer);
      } else {
        push(entry);
      }
    },

    work(handler: JobHandler, options: WorkerOptions): QueueWorker {
      const running = new Map<Promise<void>, { job: RunJob; abort: AbortController }>();
      const perWorkflow = new Map<string, number>();
      const startedAt: number[] = [];
      let closing = false;
      let rateTimer: NodeJS.Timeout | undefined;

      const rateAllows = () => {
        if (options.ratePerSecond <= 0) return true;
        const now = Date.now();
        while (startedAt.length > 0 && startedAt[0] <= now - 1000) startedAt.shift();
        if (startedAt.length < options.ratePerSecond) return true;
        rateTimer ??= setTimeout(() => {
          rateTimer = undefined;
          pump?.();
        }, startedAt[0] + 1000 - now);
        return false;
      };

      const next = (): Entry | undefined => {
        const index = ready.findIndex((e) => options.perWorkflowLimit <= 0 || (perWorkflow.get(e.job.workflowId) ?? 0) < options.perWorkflowLimit);
        return index < 0 ? undefined : ready.splice(index, 1)[0];
      };

      pump = () => {
        while (!closing && running.size < options.concurrency && rateAllows()) {
          const entry = next();
          if (!entry) return;
          keys.delete(entry.key);
          startedAt.push(Date.now());
          const wf = entry.job.workflowId;
          perWorkflow.set(wf, (perWorkflow.get(wf) ?? 0) + 1);
          const abort = new AbortController();
          const task: Promise<void> = handler(entry.job, abort.signal)
            .catch(() => undefined)
            .finally(() => {
              running.delete(task);
              perWorkflow.set(wf, (perWorkflow.get(wf) ?? 1) - 1);
              pump?.();
            });
          running.set(task, { job: entry.job, abort });
        }
      };
      queueMicrotask(() => pump?.());

      return {
        async close(deadlineMs: number) {
          closing = true;
          if (rateTimer) clearTimeout(rateTimer);
          await closeWithDeadline(Promise.all(running.keys()), () => [...running.values()].map((r) => r.abort), deadlineMs);
          pump = undefined;
        },
        running: () => [...running.values()].map((r) => r.job),
        // The process exits next; each run's record says it is running, and the next start continues it.
        abandon: async () => [...running.values()].map((r) => r.job),
      };
    },

    async requestStop(executionId: string) {
      stops.emit('stop', executionId);
    },
    onStopRequested(listener) {
      stops.on('stop', listener);
      return () => stops.off('stop', listener);
    },
    async publishEnded(executionId, outcome) {
      stops.emit('ended', executionId, outcome);
    },
    onEnded(listener) {
      stops.on('ended', listener);
      return () => stops.off('ended', listener);
    },
    async pending() {
      return ready.length + timers.size;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      ready.length = 0;
      keys.clear();
    },
  };
}
