// The embedded queue with its worker on another thread: the server keeps the in-process queue
// (priorities, delays, limits) and hands each job over a message port to an execution thread, so
// that a long node step there never holds up the server's event loop.
import { EventEmitter } from 'node:events';
import type { MessagePort, Worker } from 'node:worker_threads';
import { withLastNodeOnly, type RunResult } from '../run-data.ts';
import { widerWant, type EndedOutcome, type EnqueueOptions, type JobHandler, type QueueWorker, type RunJob, type RunQueue, type WantedResult, type WorkerOptions } from './run-queue.ts';

/** What travels between the two ends. `call` expects a `reply` with the same id. */
type Call = { op: 'enqueue'; job: RunJob; options: EnqueueOptions } | { op: 'pending' } | { op: 'close-worker'; deadlineMs: number };
type Message =
  | ({ t: 'call'; id: number } & Call)
  | { t: 'reply'; id: number; value?: unknown; error?: string }
  | { t: 'work'; options: WorkerOptions }
  | { t: 'job'; jobId: number; job: RunJob }
  | { t: 'handback'; jobId: number }
  | { t: 'done'; jobId: number }
  | { t: 'stop'; executionId: string }
  | { t: 'want'; executionId: string; scope: WantedResult }
  /** `result`: the run's result as JSON (what a reader of the record would get), when wanted. */
  | { t: 'ended'; executionId: string; revision: number; result?: string; lastNodeOnly?: true; record?: string };

type Port = Pick<MessagePort | Worker, 'postMessage' | 'on' | 'off'>;

/**
 * The server's end: `inner` (an in-process queue) holds the jobs; the thread's worker, once it
 * asks for work, gets them one message each. Stop requests and run ends reach both threads.
 * Closing it leaves `inner` open, so that a new thread can take over its jobs.
 */
export function createThreadQueueHost(inner: RunQueue, port: Port): RunQueue {
  const running = new Map<number, { job: RunJob; done: () => void }>();
  let worker: QueueWorker | undefined;
  let nextJob = 0;
  const post = (message: Message) => {
    try {
      port.postMessage(message);
    } catch {
      // The thread is gone (it is being replaced): there is nobody left to tell.
    }
  };
  const offStop = inner.onStopRequested((executionId) => post({ t: 'stop', executionId }));
  const offEnded = inner.onEnded((executionId, ended) => post({ t: 'ended', executionId, revision: ended.revision }));

  const handler: JobHandler = (job, signal) =>
    new Promise<void>((resolve) => {
      const jobId = nextJob++;
      running.set(jobId, { job, done: resolve });
      signal.addEventListener('abort', () => post({ t: 'handback', jobId }), { once: true });
      post({ t: 'job', jobId, job });
    });

  async function answer(message: Extract<Message, { t: 'call' }>): Promise<unknown> {
    if (message.op === 'enqueue') return inner.enqueue(message.job, message.options);
    if (message.op === 'pending') return inner.pending();
    await worker?.close(message.deadlineMs);
    worker = undefined;
    return undefined;
  }

  const onMessage = (message: Message) => {
    if (message.t === 'work') worker ??= inner.work(handler, message.options);
    else if (message.t === 'done') {
      running.get(message.jobId)?.done();
      running.delete(message.jobId);
    } else if (message.t === 'stop') void inner.requestStop(message.executionId);
    else if (message.t === 'ended') {
      const { executionId, revision, result, lastNodeOnly, record } = message;
      void inner.publishEnded(executionId, {
        revision, ...(result === undefined ? {} : { result: JSON.parse(result) as RunResult }), ...(lastNodeOnly ? { lastNodeOnly } : {}),
        ...(record === undefined ? {} : { record: JSON.parse(record) as unknown[] }),
      });
    }
    else if (message.t === 'call') {
      answer(message).then(
        (value) => post({ t: 'reply', id: message.id, value }),
        (err: unknown) => post({ t: 'reply', id: message.id, error: err instanceof Error ? err.message : String(err) }),
      );
    }
  };
  port.on('message', onMessage);

  return {
    kind: 'thread',
    enqueue: (job, options) => inner.enqueue(job, options),
    work() {
      throw new Error('jobs of the embedded queue run on the execution thread');
    },
    requestStop: (executionId) => inner.requestStop(executionId),
    onStopRequested: (listener) => inner.onStopRequested(listener),
    publishEnded: (executionId, outcome) => inner.publishEnded(executionId, outcome),
    onEnded: (listener) => inner.onEnded(listener),
    want: (executionId, scope) => post({ t: 'want', executionId, scope }),
    pending: () => inner.pending(),
    running: () => [...running.values()].map((r) => r.job),
    /** Detaches from the port (the thread is gone); `inner` and the jobs waiting in it stay its owner's. */
    async close() {
      port.off('message', onMessage);
      offStop();
      offEnded();
      // Jobs the thread held end here: nobody will answer for them any more.
      for (const { done } of running.values()) done();
      running.clear();
      await worker?.close(0);
      worker = undefined;
    },
  };
}

/** The execution thread's end: a queue whose worker takes the jobs the server hands over. */
export function createThreadQueueClient(port: Port): RunQueue {
  const calls = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const jobs = new Map<number, { job: RunJob; abort: AbortController; task: Promise<void> }>();
  let handler: JobHandler | undefined;
  let nextCall = 0;
  // Runs whose result the server waits for: it travels with their end, saving a read of the log.
  // Only the last node's data when that is all the waiters need: a large run's whole data would
  // cost the server's thread a parse of tens of megabytes.
  const wanted = new Map<string, WantedResult>();
  const post = (message: Message) => port.postMessage(message);

  function call(message: Call): Promise<unknown> {
    const id = nextCall++;
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject });
      post({ ...message, t: 'call', id });
    });
  }

  port.on('message', (message: Message) => {
    if (message.t === 'reply') {
      const pending = calls.get(message.id);
      calls.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.value);
    } else if (message.t === 'job') {
      const abort = new AbortController();
      const { jobId, job } = message;
      const task = (handler ? handler(job, abort.signal) : Promise.resolve())
        .catch(() => undefined)
        .finally(() => {
          jobs.delete(jobId);
          post({ t: 'done', jobId });
        });
      jobs.set(jobId, { job, abort, task });
    } else if (message.t === 'handback') jobs.get(message.jobId)?.abort.abort();
    else if (message.t === 'stop') events.emit('stop', message.executionId);
    else if (message.t === 'want') wanted.set(message.executionId, widerWant(wanted.get(message.executionId), message.scope));
    else if (message.t === 'ended') events.emit('ended', message.executionId, { revision: message.revision });
  });

  const listen = (kind: 'stop' | 'ended', listener: (executionId: string, ended: EndedOutcome) => void) => {
    events.on(kind, listener);
    return () => void events.off(kind, listener);
  };

  return {
    kind: 'thread',
    async enqueue(job, options) {
      await call({ op: 'enqueue', job, options });
    },
    work(jobHandler, options): QueueWorker {
      handler = jobHandler;
      post({ t: 'work', options });
      return {
        // The server's queue applies the deadline and hands back what still runs; then the jobs end here.
        async close(deadlineMs) {
          await call({ op: 'close-worker', deadlineMs });
          await Promise.all([...jobs.values()].map((j) => j.task));
          handler = undefined;
        },
        running: () => [...jobs.values()].map((j) => j.job),
        // As in process: the run stays recorded as running, and the next start continues it.
        abandon: async () => [...jobs.values()].map((j) => j.job),
      };
    },
    async requestStop(executionId) {
      post({ t: 'stop', executionId });
    },
    onStopRequested: (listener) => listen('stop', listener),
    async publishEnded(executionId, outcome) {
      const scope = wanted.get(executionId);
      wanted.delete(executionId);
      const result = scope === undefined || scope === 'record' ? undefined : outcome.result;
      const record = scope === 'record' ? await outcome.readRecord?.() : undefined;
      post({
        t: 'ended', executionId, revision: outcome.revision, ...(record ? { record: JSON.stringify(record) } : {}),
        ...(result === undefined ? {} : scope === 'full' ? { result: JSON.stringify(result) } : { result: JSON.stringify(withLastNodeOnly(result)), lastNodeOnly: true }),
      });
    },
    onEnded: (listener) => listen('ended', listener),
    pending: async () => Number(await call({ op: 'pending' })),
    async close() {
      for (const { reject } of calls.values()) reject(new Error('the execution thread is closing'));
      calls.clear();
    },
  };
}
