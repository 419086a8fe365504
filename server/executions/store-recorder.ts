// Records an execution's steps as events on `execution-<id>`, in order, each with an id derived
// from its place in the stream, so a step recorded twice (a retried worker) is stored once.
import { eventIdFor, type Actor, type NewEvent } from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';

export interface StepRecorder {
  record(type: string, data: unknown): Promise<void>;
}

/**
 * Events that need not be durable on their own: losing them in a crash loses nothing, since the
 * step they announce is re-run. They are written together with the next durable event, in one
 * append (one fsync) instead of two.
 */
const DEFERRABLE = new Set(['NodeStarted', 'CodeConsoleOutput']);

export function createStoreRecorder(
  events: EventStore,
  stream: string,
  meta: { actor: Actor; correlationId: string; workspaceId?: string },
  fromRevision = -1,
): StepRecorder {
  let revision = fromRevision;
  let pending: { type: string; data: unknown; at: string }[] = [];
  // Appends are chained so that records made without awaiting (console output from user code)
  // still land in call order.
  let tail: Promise<void> = Promise.resolve();

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const newEvents: NewEvent[] = batch.map((e, i) => ({
      id: eventIdFor(stream, revision + 1 + i),
      type: e.type,
      data: e.data,
      metadata: {
        actor: meta.actor,
        correlationId: meta.correlationId,
        causationId: meta.correlationId,
        at: e.at,
        schemaVersion: 1,
        ...(meta.workspaceId ? { workspaceId: meta.workspaceId } : {}),
      },
    }));
    const result = await events.append(stream, newEvents, { expectedRevision: revision < 0 ? 'no_stream' : revision });
    revision = result.revision;
  };

  return {
    record(type, data) {
      pending.push({ type, data, at: new Date().toISOString() });
      if (DEFERRABLE.has(type)) return Promise.resolve();
      const run = tail.then(flush);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
