// Records an execution's steps as events on `execution-<id>`, in order, each with an id derived
// from its place in the stream, so a step recorded twice (a retried worker) is stored once.
//
// Steps are pipelined: a step's event is appended while the next step already runs, and appends
// that queue up meanwhile go in one batch (one fsync). The run's end (finished, parked) waits for
// everything before it. A worker that dies loses at most the steps not yet appended; they are run
// again by whoever continues the run, which is what "continue from the last recorded step" means.
//
// An append that fails is retried while the store calls the failure transient; after that the
// recorder is broken: every later `record` rejects with the same error, so the run stops and its
// owner records the failure (see `recordRunFailure`).
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError, eventIdFor, WrongExpectedRevisionError, type Actor, type NewEvent } from '../../domain/index.ts';
import { MAX_EVENT_BYTES, type EventStore } from '../../events/index.ts';
import { externalize, type Externalizer } from './large-payloads.ts';

export interface StepRecorder {
  record(type: string, data: unknown): Promise<void>;
}

/** Events whose append the caller waits for: they end a run, or answer someone. */
const AWAITED = new Set(['ExecutionQueued', 'ExecutionWaiting', 'ExecutionPaused', 'ExecutionResumed', 'PausedInputEdited', 'ExecutionFinished', 'ExecutionResumeRequested', 'ExecutionDeleted', 'WebhookResponseSent']);
/** Most events a run may get ahead of the store before it waits. */
const MAX_AHEAD = 256;
/** Waits before each retry of an append that failed transiently. */
const RETRY_DELAYS_MS = [50, 250, 1000];

export interface StoreRecorderOptions {
  /** Where payloads over the inline limit go by reference; without it, events are stored whole. */
  externalizer?: Externalizer;
  /** Waits before each retry of a transient failure (tests shorten them). */
  retryDelaysMs?: readonly number[];
}

interface Queued {
  event: NewEvent;
  /** An upper bound of the event's stored size, for sizing batches. */
  bytes: number;
}

export function createStoreRecorder(
  events: EventStore,
  stream: string,
  meta: { actor: Actor; correlationId: string; workspaceId?: string },
  fromRevision = -1,
  options: StoreRecorderOptions = {},
): StepRecorder {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let revision = fromRevision;
  let pending: Queued[] = [];
  let inFlight: Promise<void> | undefined;
  let failure: unknown;

  const toEvent = async (type: string, data: unknown, index: number): Promise<Queued> => {
    const stored = options.externalizer ? await externalize(data, options.externalizer) : { data, bytes: 0 };
    const event: NewEvent = {
      id: eventIdFor(stream, index),
      type,
      data: stored.data,
      metadata: {
        actor: meta.actor,
        correlationId: meta.correlationId,
        causationId: meta.correlationId,
        at: new Date().toISOString(),
        schemaVersion: 1,
        ...(meta.workspaceId ? { workspaceId: meta.workspaceId } : {}),
      },
    };
    return { event, bytes: stored.bytes + 1024 };
  };

  const appendWithRetry = async (batch: NewEvent[]): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await events.append(stream, batch, { expectedRevision: revision < 0 ? 'no_stream' : revision });
        revision = result.revision;
        return;
      } catch (err) {
        if (attempt >= retryDelays.length || !isTransient(err)) throw err;
        await sleep(retryDelays[attempt]);
      }
    }
  };

  // One append at a time, in order; whatever queued up meanwhile goes in the next one, as long as
  // the batch stays under the store's cap for one append.
  const flush = async (): Promise<void> => {
    while (pending.length > 0) {
      let size = 0;
      let count = 0;
      while (count < pending.length && (count === 0 || size + pending[count].bytes <= MAX_EVENT_BYTES)) size += pending[count++].bytes;
      const batch = pending.slice(0, count);
      pending = pending.slice(count);
      await appendWithRetry(batch.map((q) => q.event));
    }
  };

  // `inFlight` is cleared in a `.finally`, which always runs after this assignment: clearing it
  // inside the async function would run first when there is nothing to append, and leave a settled
  // promise behind that every later wait would spin on.
  const drain = (): Promise<void> => {
    if (!inFlight && failure === undefined && pending.length > 0) {
      inFlight = flush()
        .catch((err: unknown) => { failure = err; })
        .finally(() => { inFlight = undefined; });
    }
    return inFlight ?? Promise.resolve();
  };

  /** Resolves when everything queued is stored; each turn waits on a real append or ends. */
  const settle = async (): Promise<void> => {
    while (failure === undefined && (inFlight || pending.length > 0)) await drain();
    if (failure !== undefined) throw failure;
  };

  let next = fromRevision + 1;
  let chain: Promise<void> = Promise.resolve();

  return {
    record(type, data) {
      const index = next++;
      // Events are built in call order (externalizing may be async), then queued for the store.
      const queued = chain.then(async () => {
        if (failure !== undefined) throw failure;
        // Built first, then pushed: `pending.push(await …)` would take the array before the await,
        // and a flush replacing it meanwhile would drop the event.
        const event = await toEvent(type, data, index);
        pending.push(event);
      });
      chain = queued.catch(() => undefined);
      return queued.then(async () => {
        void drain();
        if (AWAITED.has(type) || pending.length >= MAX_AHEAD) await settle();
        if (failure !== undefined) throw failure;
      });
    },
  };
}

/**
 * Failures worth another try: the store was out of reach or busy. Not a revision conflict: another
 * writer has taken the run's stream, and trying again cannot make this recorder's steps fit.
 */
function isTransient(err: unknown): boolean {
  if (err instanceof WrongExpectedRevisionError) return false;
  if (err instanceof AppError) return err.retryable;
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'ECONNRESET' || code === 'ETIMEDOUT';
}
