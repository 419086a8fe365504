// The server's side of the execution thread: starts it, gives it the embedded queue's jobs, and
// starts it again if it dies (its runs, recorded as running, are continued by the new one).
import { Worker } from 'node:worker_threads';
import { atMost, createInProcessQueue, createThreadQueueHost, type RunQueue } from '../../engine/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

/** Messages about the thread itself (the queue's own messages share the port). */
export type ThreadLifecycle =
  | { t: 'go' }
  | { t: 'ready' }
  | { t: 'failed'; message: string }
  | { t: 'shutdown'; runWindowMs?: number }
  | { t: 'closed' };

export interface ExecutionThread {
  /** The queue the server enqueues on; its jobs run on the thread. */
  queue: RunQueue;
  /**
   * Lets the thread start its runtime (once the server's read models exist) and waits until it
   * runs jobs, or `timeoutMs`: a thread still starting after that is reported by /readyz.
   */
  start(timeoutMs: number): Promise<void>;
  /**
   * Stops the thread at once; false when it does not stop within `timeoutMs` (a step computing
   * inside the sandbox cannot be interrupted, and the process could not exit until it ends).
   */
  terminate(timeoutMs: number): Promise<boolean>;
  /** Throws while the thread is starting (or starting again): for /readyz. */
  ping(): Promise<void>;
  /** Closes the thread's runtime (runs get `runWindowMs` to finish), then the thread. */
  close(runWindowMs?: number): Promise<void>;
}

const RESTART_DELAY_MS = 1000;
const CLOSE_GRACE_MS = 5000;
const BOOT = new URL('./execution-thread-boot.mjs', import.meta.url);
// Compiled into dist/, the entry is JavaScript and the thread needs no tsx.
const ENTRY = new URL(`./execution-thread-entry${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;

export function startExecutionThread(config: Config, logger: Logger): ExecutionThread {
  const inner = createInProcessQueue();
  let closing = false;
  let worker: Worker;
  let host: RunQueue;
  let restartTimer: NodeJS.Timeout | undefined;
  let ready = false;
  let whenReady: Promise<void>;
  let go = false;

  function spawn(): void {
    ready = false;
    let onReady = () => {};
    whenReady = new Promise((resolve) => (onReady = resolve));
    worker = new Worker(BOOT, { workerData: { entry: ENTRY, config }, stdout: false, stderr: false });
    // The server's own handles keep the process; a thread left over from a failed start must not.
    worker.unref();
    host = createThreadQueueHost(inner, worker);
    worker.on('message', (message: ThreadLifecycle) => {
      if (message.t === 'ready') {
        ready = true;
        onReady();
      }
      if (message.t === 'failed') logger.error({ reason: message.message }, 'the execution thread could not start');
    });
    if (go) worker.postMessage({ t: 'go' } satisfies ThreadLifecycle);
    worker.on('error', (err) => logger.error({ err }, 'the execution thread failed'));
    const current = worker;
    worker.on('exit', (code) => {
      if (closing || current !== worker) return;
      logger.error({ code }, `the execution thread stopped; starting it again in ${RESTART_DELAY_MS} ms`);
      // Jobs it held end here; the new thread continues their runs from the record.
      void host.close();
      restartTimer = setTimeout(spawn, RESTART_DELAY_MS);
    });
  }
  spawn();

  // One queue for the server's whole life, whichever thread is behind it now.
  const queue: RunQueue = {
    kind: 'thread',
    enqueue: (job, options) => host.enqueue(job, options),
    work: (handler, options) => host.work(handler, options),
    requestStop: (id) => host.requestStop(id),
    onStopRequested: (listener) => inner.onStopRequested(listener),
    publishEnded: (id, outcome) => host.publishEnded(id, outcome),
    onEnded: (listener) => inner.onEnded(listener),
    want: (id, scope) => host.want?.(id, scope),
    pending: () => inner.pending(),
    running: () => host.running?.() ?? [],
    close: async () => {
      await host.close();
      await inner.close();
    },
  };

  return {
    queue,
    async start(timeoutMs) {
      go = true;
      worker.postMessage({ t: 'go' } satisfies ThreadLifecycle);
      await atMost(whenReady, timeoutMs);
      if (!ready) logger.warn({ timeoutMs }, 'the execution thread is still starting; runs wait for it');
    },
    async terminate(timeoutMs) {
      closing = true;
      clearTimeout(restartTimer);
      return (await atMost(worker.terminate().then(() => true), timeoutMs)) === true;
    },
    async ping() {
      if (!ready) throw new Error('the execution thread is starting');
    },
    async close(runWindowMs) {
      closing = true;
      clearTimeout(restartTimer);
      const current = worker;
      const closed = new Promise<void>((resolve) => {
        const done = () => resolve();
        current.on('message', (message: ThreadLifecycle) => message.t === 'closed' && done());
        current.once('exit', done);
      });
      current.postMessage({ t: 'shutdown', runWindowMs } satisfies ThreadLifecycle);
      // A thread that cannot close (a step that never yields) is stopped all the same.
      await atMost(closed, (runWindowMs ?? config.workerShutdownTimeoutMs) + CLOSE_GRACE_MS);
      await current.terminate();
    },
  };
}
