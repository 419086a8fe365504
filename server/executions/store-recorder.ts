// Records an execution's steps as events on `execution-<id>`, in order, each with an id derived
// from its place in the stream, so a step recorded twice (a retried worker) is stored once.
import { eventIdFor, type Actor } from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';

export interface StepRecorder {
  record(type: string, data: unknown): Promise<void>;
}

export function createStoreRecorder(
  events: EventStore,
  stream: string,
  meta: { actor: Actor; correlationId: string; workspaceId?: string },
  fromRevision = -1,
): StepRecorder {
  let revision = fromRevision;
  // Appends are chained so that records made without awaiting (console output from user code)
  // still land in call order.
  let tail: Promise<void> = Promise.resolve();
  const append = async (type: string, data: unknown) => {
    const next = revision + 1;
    const result = await events.append(stream, [{
        id: eventIdFor(stream, next),
        type,
        data,
        metadata: {
          actor: meta.actor,
          correlationId: meta.correlationId,
          causationId: meta.correlationId,
          at: new Date().toISOString(),
          schemaVersion: 1,
          ...(meta.workspaceId ? { workspaceId: meta.workspaceId } : {}),
        },
      }], { expectedRevision: revision < 0 ? 'no_stream' : revision });
      revision = result.revision;
  };
  return {
    record(type, data) {
      const run = tail.then(() => append(type, data));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
