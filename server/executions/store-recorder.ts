// Records an execution's steps as events on `execution-<id>`, in order, each with an id derived
// from its place in the stream, so a step recorded twice (a retried worker) is stored once.
//
// Steps are pipelined: a step's event is appended while the next step already runs, and appends
// that queue up meanwhile go in one batch (one fsync). The run's end (finished, parked) waits for
// everything before it. A worker that dies loses at most the steps not yet appended; they are run
// again by whoever continues the run, which is what "continue from the last recorded step" means.
import { eventIdFor, type Actor, type NewEvent } from '../../domain/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';

export interface StepRecorder {
  record(type: string, data: unknown): Promise<void>;
}

/** Events whose append the caller waits for: they end a run, or answer someone. */
const AWAITED = new Set(['ExecutionQueued', 'ExecutionWaiting', 'ExecutionFinished', 'ExecutionResumeRequested', 'ExecutionDeleted', 'WebhookResponseSent']);
/** Most events a run may get ahead of the store before it waits. */
const MAX_AHEAD = 256;

export interface StoreRecorderOptions {
  /** Node outputs larger than `inlineLimitBytes` (as JSON) go to the blob store by reference. */
  blobs?: BlobStore;
  inlineLimitBytes?: number;
}

export function createStoreRecorder(
  events: EventStore,
  stream: string,
  meta: { actor: Actor; correlationId: string; workspaceId?: string },
  fromRevision = -1,
  options: StoreRecorderOptions = {},
): StepRecorder {
  let revision = fromRevision;
  let pending: NewEvent[] = [];
  let inFlight: Promise<void> | undefined;
  let failure: unknown;

  const toEvent = async (type: string, data: unknown, index: number): Promise<NewEvent> => ({
    id: eventIdFor(stream, index),
    type,
    data: options.blobs ? await externalize(data, options.blobs, options.inlineLimitBytes ?? Infinity) : data,
    metadata: {
      actor: meta.actor,
      correlationId: meta.correlationId,
      causationId: meta.correlationId,
      at: new Date().toISOString(),
      schemaVersion: 1,
      ...(meta.workspaceId ? { workspaceId: meta.workspaceId } : {}),
    },
  });

  // One append at a time, in order; whatever queued up meanwhile goes in the next one.
  const drain = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        while (pending.length > 0 && failure === undefined) {
          const batch = pending;
          pending = [];
          const result = await events.append(stream, batch, { expectedRevision: revision < 0 ? 'no_stream' : revision });
          revision = result.revision;
        }
      } catch (err) {
        failure = err;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  let next = fromRevision + 1;
  let chain: Promise<void> = Promise.resolve();

  return {
    record(type, data) {
      const index = next++;
      // Events are built in call order (externalizing may be async), then queued for the store.
      const queued = chain.then(async () => {
        if (failure !== undefined) throw failure;
        // Built first, then pushed: `pending.push(await …)` would push into the array a drain had
        // already taken away while the event was being built (the event was lost).
        const event = await toEvent(type, data, index);
        pending.push(event);
      });
      chain = queued.catch(() => undefined);
      return queued.then(async () => {
        void drain();
        if (AWAITED.has(type) || pending.length >= MAX_AHEAD) {
          while (inFlight || pending.length > 0) await drain();
        }
        if (failure !== undefined) throw failure;
      });
    },
  };
}

/** Node outputs over the limit are replaced by a reference to the blob that holds them. */
async function externalize(data: unknown, blobs: BlobStore, limit: number): Promise<unknown> {
  const task = (data as { taskData?: { data?: unknown } } | null)?.taskData;
  if (!task?.data) return data;
  const json = Buffer.from(JSON.stringify(task.data));
  if (json.length <= limit) return data;
  const ref = await blobs.put(json);
  const { data: _inline, ...rest } = task;
  return { ...(data as object), taskData: rest, dataRef: ref };
}

/** Puts externalized node outputs back into the events (before folding or continuing a run). */
export async function hydrate<E extends { type: string; data: unknown }>(events: E[], blobs: BlobStore): Promise<E[]> {
  return Promise.all(events.map(async (event) => {
    const ref = (event.data as { dataRef?: { sha256: string } } | null)?.dataRef;
    if (!ref) return event;
    const bytes = await blobs.get(ref.sha256);
    if (!bytes) throw new Error(`The output of ${event.type} (blob ${ref.sha256}) is missing from the blob store`);
    const { dataRef: _ref, taskData, ...rest } = event.data as { dataRef: unknown; taskData: object };
    return { ...event, data: { ...rest, taskData: { ...taskData, data: JSON.parse(bytes.toString('utf8')) } } };
  }));
}
