// Execution data retention, as n8n does it: finished runs older than EXECUTIONS_DATA_MAX_AGE or
// beyond the newest EXECUTIONS_DATA_PRUNE_MAX_COUNT are pruned every interval, and a run whose
// workflow saves no data for it is pruned as soon as it ends. Pruning deletes the run's stream,
// records an ExecutionPruned event on `retention-<id>` (the audit's lasting record; the executions
// read model drops the run), then sweeps blobs no remaining run refers to.
import { randomUUID } from 'node:crypto';
import {
  EXECUTION_PRUNED, eventIdFor, keepsRunData, retentionStreamName, WrongExpectedRevisionError,
  type Actor, type ExecutionPrunedData, type PruneReason, type SaveDefaults, type WorkflowSaveSettings,
} from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';
import { EXECUTION_BLOB_REFS, EXECUTIONS, type BlobRefDoc, type ExecutionDoc, type Filter, type ProjectionRunner } from '../../projections/index.ts';
import type { Logger } from '../logger.ts';

export interface RetentionSettings {
  /** EXECUTIONS_DATA_PRUNE: prune on a timer at all. */
  prune: boolean;
  maxAgeHours: number;
  /** 0: no limit. */
  maxCount: number;
  intervalMinutes: number;
  /** A blob put this recently is never swept (a run may be about to record its reference). */
  blobGraceMs: number;
  save: SaveDefaults;
}

export interface RetentionDeps {
  events: EventStore;
  blobs: BlobStore;
  executions: ProjectionRunner;
  /** The audit drops a pruned run's step entries: a pass waits for it, so their pages are freed too. */
  audit: ProjectionRunner;
  /** The read models' store: pruning frees its pages too. */
  readModels: { reclaimSpace(): Promise<void> };
  logger: Logger;
  settings: RetentionSettings;
}

export interface PruneReport {
  pruned: Record<PruneReason, number>;
  blobsDeleted: number;
}

/** The run summary an ExecutionPruned event keeps. */
export type PrunedRun = Omit<ExecutionPrunedData, 'reason' | 'startedBy'>;

const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const PAGE = 500;
const SYSTEM: Actor = { kind: 'system', id: 'retention' };

export type Retention = ReturnType<typeof createRetention>;

export function createRetention(deps: RetentionDeps) {
  const { events, blobs, executions, logger, settings } = deps;
  const docs = () => executions.collection<ExecutionDoc>(EXECUTIONS);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  /** Deletes one run's stream and records that it happened and was pruned. Safe to repeat. */
  async function pruneRun(run: PrunedRun, reason: PruneReason, actor: Actor = SYSTEM): Promise<void> {
    const stream = executionStreamName(run.executionId);
    const [queued] = await events.readStream(stream, { limit: 1 });
    // Stream first: if the process dies before the record is written, the read model still lists
    // the run and the next pass prunes it again (a record without its deletion could not heal).
    await events.deleteStream(stream);
    const startedBy = queued?.metadata.actor;
    const data: ExecutionPrunedData = { ...run, reason, ...(startedBy ? { startedBy } : {}) };
    const record = retentionStreamName(run.executionId);
    try {
      await events.append(record, [{
        id: eventIdFor(record, 0), type: EXECUTION_PRUNED, data,
        metadata: {
          actor, correlationId: randomUUID(), causationId: run.executionId, at: new Date().toISOString(), schemaVersion: 1,
          ...(queued?.metadata.workspaceId ? { workspaceId: queued.metadata.workspaceId } : {}),
        },
      }], { expectedRevision: 'no_stream' });
    } catch (err) {
      // Another process pruned it first: its record stands.
      if (!(err instanceof WrongExpectedRevisionError)) throw err;
    }
  }

  /** Finished runs matching the filter, oldest first, as pages of ids the caller may delete. */
  async function collect(filter: Filter, skipNewest = 0): Promise<ExecutionDoc[]> {
    const found: ExecutionDoc[] = [];
    let seen = 0;
    let cursor: string | undefined;
    do {
      const page = await docs().find({ filter, sort: [{ field: 'startedAt', direction: 'desc' }], limit: PAGE, cursor });
      for (const doc of page.items) {
        seen += 1;
        if (seen > skipNewest && FINISHED.includes(doc.status)) found.push(doc);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return found.reverse();
  }

  const summary = (doc: ExecutionDoc): PrunedRun => ({
    executionId: doc.id, workflowId: doc.workflowId, status: doc.status, mode: doc.mode,
    startedAt: doc.startedAt, ...(doc.stoppedAt ? { stoppedAt: doc.stoppedAt } : {}),
  });

  /** Blobs no remaining run refers to, unused for the grace period, go. */
  async function sweepBlobs(now: number): Promise<number> {
    await executions.waitFor(await events.headPosition());
    const referenced = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await executions.collection<BlobRefDoc>(EXECUTION_BLOB_REFS).find({ limit: 1000, cursor });
      for (const ref of page.items) referenced.add(ref.sha256);
      cursor = page.nextCursor;
    } while (cursor);
    const unusedSince = new Date(now - settings.blobGraceMs);
    let deleted = 0;
    for await (const sha of blobs.list()) {
      if (!referenced.has(sha) && (await blobs.delete(sha, unusedSince))) deleted += 1;
    }
    return deleted;
  }

  /** One pass: by age, user-deleted runs, by count; then blobs and the store's free space. */
  async function pruneOnce(now = Date.now()): Promise<PruneReport> {
    const report: PruneReport = { pruned: { maxAge: 0, maxCount: 0, deleted: 0, notSaved: 0 }, blobsDeleted: 0 };
    await executions.waitFor(await events.headPosition());
    const cutoff = new Date(now - settings.maxAgeHours * 3600_000).toISOString();
    const passes: [PruneReason, Filter, number][] = [
      ['maxAge', { stoppedAt: { $lt: cutoff } }, 0],
      ['deleted', { deleted: true }, 0],
      ...(settings.maxCount > 0 ? [['maxCount', { deleted: false }, settings.maxCount] as [PruneReason, Filter, number]] : []),
    ];
    for (const [reason, filter, skipNewest] of passes) {
      for (const doc of await collect(filter, skipNewest)) {
        await pruneRun(summary(doc), reason);
        report.pruned[reason] += 1;
      }
      await executions.waitFor(await events.headPosition());
    }
    report.blobsDeleted = await sweepBlobs(now);
    await deps.audit.waitFor(await events.headPosition());
    await events.reclaimSpace();
    await deps.readModels.reclaimSpace();
    logger.info({ ...report.pruned, blobsDeleted: report.blobsDeleted }, 'execution data pruned');
    return report;
  }

  return {
    pruneRun,
    pruneOnce,

    /**
     * After a run ends: prunes it now when its workflow's save settings keep no data for it
     * (n8n deletes such a run once it ends). True when it was pruned.
     */
    async afterRun(run: PrunedRun, settingsOfWorkflow: WorkflowSaveSettings | undefined): Promise<boolean> {
      if (keepsRunData(run, settingsOfWorkflow, settings.save)) return false;
      await pruneRun(run, 'notSaved');
      return true;
    },

    /** Prunes every interval (EXECUTIONS_DATA_PRUNE), one pass at a time. */
    start(): void {
      if (!settings.prune || timer) return;
      const tick = () => {
        running ??= pruneOnce()
          .catch((err) => logger.error({ err }, 'pruning execution data failed'))
          .finally(() => { running = undefined; });
      };
      // The first pass comes one interval after start, not during start-up.
      timer = setInterval(tick, settings.intervalMinutes * 60_000);
      timer.unref();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
