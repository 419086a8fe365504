// Bulk replay (issue 25): replays many runs of a workflow on a chosen version, a few at a time, and
// records each replay's outcome against its original on the bulk replay's own stream.
import { eventIdFor, newEntityId, NotFoundError, type Actor } from '../../domain/index.ts';
import type { RunResult } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { ExecutionDoc, WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { ExecutionService } from '../executions/execution-service.ts';
import { replayDefinition } from '../executions/replay-version.ts';
import { startNodeOf as startNodeOfRun } from '../executions/run-history.ts';
import type { Logger } from '../logger.ts';
import {
  BULK_REPLAY_STREAM_PREFIX, bulkReplayStream, foldBulkReplay, pendingIds, summarize,
  type BulkReplayItemFinishedData, type BulkReplayStartedData, type BulkReplayVersion,
} from './bulk-replay-events.ts';
import { replayOutcome } from './replay-outcome.ts';

export interface BulkReplayFilter {
  status?: 'error' | 'success' | 'canceled' | 'crashed';
  since?: string;
  until?: string;
  /** Case-insensitive part of the run's error message. */
  errorContains?: string;
}

export interface BulkReplayRequest { filter: BulkReplayFilter; version: BulkReplayVersion; limit: number; concurrency: number }

export interface BulkReplayDeps {
  events: EventStore;
  executions: ExecutionService;
  logger: Logger;
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
  /** Told of each finished item (the live gateway's hook; optional). */
  onItemFinished?: (bulk: BulkReplayStartedData, item: BulkReplayItemFinishedData) => void;
}

export type BulkReplayService = ReturnType<typeof createBulkReplayService>;

export function createBulkReplayService(deps: BulkReplayDeps) {
  const { events, executions, logger } = deps;
  const running = new Map<string, Promise<void>>();
  let stopping = false;

  /** The workflow's runs matching the filter, newest first, at most `limit` (caller's workspace only). */
  async function select(workflowId: string, workspaceId: string, filter: BulkReplayFilter, limit: number): Promise<ExecutionDoc[]> {
    const needle = filter.errorContains?.toLowerCase();
    const found: ExecutionDoc[] = [];
    let cursor: string | undefined;
    do {
      const page = await executions.list({ workspaceId, workflowId, status: filter.status, since: filter.since, until: filter.until, limit: 250, cursor });
      for (const doc of page.items) {
        // Runs still going have nothing to compare with yet.
        if (['new', 'running', 'waiting'].includes(doc.status)) continue;
        if (needle && !doc.error?.message.toLowerCase().includes(needle)) continue;
        found.push(doc);
        if (found.length >= limit) return found;
      }
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  /** Replays one run from its start node with its recorded trigger data, then compares. */
  async function replayOne(bulk: BulkReplayStartedData, executionId: string, actor: Actor): Promise<BulkReplayItemFinishedData> {
    const ctx: RequestContext = { actor, requestId: `${bulk.bulkReplayId}-${executionId}` };
    try {
      const original = await executions.find(executionId);
      if (!original || original.deleted) throw new NotFoundError('Execution', executionId);
      const node = original.startNode ?? (await startNodeOf(executionId));
      const waiter = await executions.rerunFrom(executionId, { node, version: bulk.version }, ctx);
      const ended = await waiter.ended;
      const diff = await executions.diff(waiter.executionId, bulk.workspaceId, executionId);
      const changedNodes = diff.nodes.filter((n) => n.status !== 'same').map((n) => n.node);
      const replayError = ended.data.resultData.error?.message ?? (ended.status === 'success' ? undefined : `The replay ended as ${ended.status}`);
      const outcome = replayOutcome({ status: original.status, error: original.error?.message }, { status: ended.status, error: replayError }, changedNodes);
      return { executionId, replayId: waiter.executionId, outcome, ...(replayError ? { error: replayError } : {}), changedNodes };
    } catch (err) {
      // A run that cannot be replayed (deleted since, start node gone from this version) still counts.
      return { executionId, outcome: 'failsDifferently', error: `Could not replay: ${(err as Error).message}` };
    }
  }

  /** The node a run started from, when the read model did not record it: the first node with no source. */
  async function startNodeOf(executionId: string): Promise<string> {
    const run = await executions.get(executionId, true);
    const node = 'data' in run ? startNodeOfRun((run.data as RunResult['data']).resultData.runData) : undefined;
    if (!node) throw new Error(`Execution ${executionId} has no start node`);
    return node;
  }

  /** Works through `ids` with at most `concurrency` replays at once, recording each, then the end. */
  async function work(bulk: BulkReplayStartedData, ids: string[], actor: Actor): Promise<void> {
    const stream = bulkReplayStream(bulk.bulkReplayId);
    const queue = [...ids];
    const meta = (causationId: string) => ({ actor, correlationId: bulk.bulkReplayId, causationId, at: new Date().toISOString(), schemaVersion: 1, workspaceId: bulk.workspaceId });
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !stopping; id = queue.shift()) {
        const item = await replayOne(bulk, id, actor);
        // Deterministic id: a resumed bulk replay that records an item again writes it once.
        await events.append(stream, [{ id: eventIdFor(`${bulk.bulkReplayId}-${id}`, 0), type: 'BulkReplayItemFinished', data: item, metadata: meta(id) }]);
        deps.onItemFinished?.(bulk, item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(bulk.concurrency, Math.max(1, ids.length)) }, worker));
    if (stopping) return;
    await events.append(stream, [{ id: eventIdFor(`${bulk.bulkReplayId}-finished`, 0), type: 'BulkReplayFinished', data: { finishedAt: new Date().toISOString() }, metadata: meta(bulk.bulkReplayId) }]);
  }

  function launch(bulk: BulkReplayStartedData, ids: string[], actor: Actor): void {
    const done = work(bulk, ids, actor)
      .catch((err: unknown) => logger.error({ err, bulkReplayId: bulk.bulkReplayId }, 'bulk replay stopped'))
      .finally(() => running.delete(bulk.bulkReplayId));
    running.set(bulk.bulkReplayId, done);
  }

  async function read(id: string) {
    return foldBulkReplay(await events.readStream(bulkReplayStream(id)));
  }

  return {
    /** Selects the runs, records the start, and replays them in the background. */
    async start(workflowId: string, workspaceId: string, request: BulkReplayRequest, ctx: RequestContext): Promise<{ id: string; total: number }> {
      // A version that cannot be had (never published, no such revision) is refused before anything runs.
      if (request.version !== 'original') {
        const workflow = await deps.findWorkflow(workflowId);
        if (!workflow || workflow.deleted) throw new NotFoundError('Workflow', workflowId);
        await replayDefinition(request.version, workflowId, { definition: workflow.definition }, { events, findWorkflow: deps.findWorkflow });
      }
      const selected = await select(workflowId, workspaceId, request.filter, request.limit);
      const id = newEntityId();
      const bulk: BulkReplayStartedData = {
        bulkReplayId: id, workflowId, workspaceId, version: request.version, concurrency: request.concurrency,
        filter: { ...request.filter }, executionIds: selected.map((d) => d.id), startedAt: new Date().toISOString(),
      };
      await events.append(bulkReplayStream(id), [{
        id: eventIdFor(ctx.requestId, 0), type: 'BulkReplayStarted', data: bulk,
        metadata: { actor: ctx.actor, correlationId: ctx.requestId, causationId: ctx.requestId, at: bulk.startedAt, schemaVersion: 1, workspaceId },
      }], { expectedRevision: 'no_stream' });
      launch(bulk, bulk.executionIds, ctx.actor);
      return { id, total: bulk.executionIds.length };
    },

    /** Progress and summary; another workspace's bulk replay is not found. */
    async get(id: string, workspaceId: string) {
      const state = await read(id);
      if (!state.started || state.started.workspaceId !== workspaceId) throw new NotFoundError('Bulk replay', id);
      return summarize(state);
    },

    /** Start-up: bulk replays the log has no end for go on with the runs not yet replayed. */
    async resumeUnfinished(actor: Actor): Promise<string[]> {
      const ids = new Set<string>();
      const sub = events.subscribe({ from: 'start', filter: { streamPrefixes: [BULK_REPLAY_STREAM_PREFIX], eventTypes: ['BulkReplayStarted', 'BulkReplayFinished'] } }, (e) => {
        const id = e.stream.slice(BULK_REPLAY_STREAM_PREFIX.length);
        if (e.type === 'BulkReplayStarted') ids.add(id);
        else ids.delete(id);
      });
      await sub.caughtUp;
      await sub.close();
      const resumed: string[] = [];
      for (const id of ids) {
        if (running.has(id)) continue;
        const state = await read(id);
        if (!state.started || state.finishedAt) continue;
        launch(state.started, pendingIds(state), actor);
        resumed.push(id);
      }
      if (resumed.length > 0) logger.info({ bulkReplays: resumed }, 'resuming unfinished bulk replays');
      return resumed;
    },

    /** Waits for a bulk replay running here to end (tests, shutdown). */
    settled: (id: string): Promise<void> => running.get(id) ?? Promise.resolve(),

    /** Shutdown: starts no further replays and waits for those in flight; the rest resume on the next start. */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all(running.values());
    },
  };
}
