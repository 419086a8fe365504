// Workflow static data on its own stream (`staticdata-<workflowId>`): the latest save is read back
// straight from the log, so a run or a poll always starts from what the previous one saved, on any
// server or worker, with no read model to lag behind. Saves merge by scope with optimistic
// concurrency, and never throw: losing a save is logged, never the end of a run or a poll.
import { randomUUID } from 'node:crypto';
import {
  eventIdFor, mergeStaticDataChanges, STATIC_DATA_MAX_BYTES, staticDataFromDefinition, staticDataStreamName,
  WORKFLOW_STATIC_DATA_SAVED, WrongExpectedRevisionError,
  type Actor, type StaticData, type WorkflowStaticDataSavedData,
} from '../domain/index.ts';
import type { EventStore } from '../events/index.ts';
import type { Logger } from './logger.ts';

/** Whose static data: the workflow, and what its definition carries until a first save. */
export interface StaticDataOwner {
  workflowId: string;
  workspaceId: string;
  /** The definition's `staticData` (an imported n8n workflow's). */
  seed?: unknown;
}

/** Who saves: recorded in the event's metadata; `causationId` must be unique per writer (a run, a poll). */
export interface StaticDataWriter {
  actor: Actor;
  correlationId: string;
  causationId: string;
}

export type StaticDataStore = ReturnType<typeof createStaticDataStore>;

const SAVE_ATTEMPTS = 5;

export function createStaticDataStore(deps: { events: EventStore; logger: Logger }) {
  const { events, logger } = deps;

  async function latest(owner: StaticDataOwner): Promise<{ data: StaticData; revision: number }> {
    const [last] = await events.readStream(staticDataStreamName(owner.workflowId), { direction: 'backwards', limit: 1 });
    if (!last) return { data: staticDataFromDefinition(owner.seed), revision: -1 };
    return { data: structuredClone((last.data as WorkflowStaticDataSavedData).staticData ?? {}), revision: last.revision };
  }

  return {
    /** The latest saved static data, else the definition's: a fresh object the caller may change. */
    async load(owner: StaticDataOwner): Promise<StaticData> {
      return (await latest(owner)).data;
    },

    /**
     * Saves what the writer changed from `before` to `after` (by scope, onto the latest save).
     * Answers whether a save was written; nothing changed, too large, or a failure answers false.
     */
    async save(owner: StaticDataOwner, before: StaticData, after: StaticData, writer: StaticDataWriter): Promise<boolean> {
      const log = { workflowId: owner.workflowId, causationId: writer.causationId };
      try {
        // JSON only: what code left in it (a Date, undefined) is stored as JSON would write it.
        const wanted = JSON.parse(JSON.stringify(after)) as StaticData;
        for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
          const current = await latest(owner);
          const merged = mergeStaticDataChanges(current.data, before, wanted);
          if (!merged) return false;
          const bytes = Buffer.byteLength(JSON.stringify(merged));
          if (bytes > STATIC_DATA_MAX_BYTES) {
            logger.warn({ ...log, bytes, limit: STATIC_DATA_MAX_BYTES }, 'workflow static data not saved: larger than the limit');
            return false;
          }
          const stream = staticDataStreamName(owner.workflowId);
          const data: WorkflowStaticDataSavedData = { staticData: merged };
          try {
            await events.append(stream, [{
              id: eventIdFor(`${writer.causationId}:staticdata`, current.revision + 1), type: WORKFLOW_STATIC_DATA_SAVED, data,
              metadata: {
                actor: writer.actor, correlationId: writer.correlationId, causationId: writer.causationId,
                at: new Date().toISOString(), schemaVersion: 1, workspaceId: owner.workspaceId,
              },
            }], { expectedRevision: current.revision < 0 ? 'no_stream' : current.revision });
            return true;
          } catch (err) {
            // Another run or poll saved since we read: merge onto theirs and try again.
            if (!(err instanceof WrongExpectedRevisionError)) throw err;
          }
        }
        logger.warn(log, 'workflow static data not saved: too many concurrent saves');
      } catch (err) {
        logger.error({ ...log, err }, 'workflow static data could not be saved');
      }
      return false;
    },
  };
}

/** A writer for one save outside a run (a poll, an armed trigger). */
export function systemWriter(id: string): StaticDataWriter {
  const causationId = randomUUID();
  return { actor: { kind: 'system', id }, correlationId: causationId, causationId };
}
