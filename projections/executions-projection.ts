// Read model of executions: one summary document per run (the run data itself is folded from the
// execution's own stream on request). It also keeps which blobs each run refers to, so retention
// deletes a blob only when no remaining run needs it; a pruned run's document goes.
import { blobRefsIn, EXECUTION_PRUNED, streamCategory, streamId, type ExecutionPrunedData, type RecordedEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { Collection } from './read-model-store.ts';

export const EXECUTION_CATEGORY = 'execution';
export const EXECUTIONS = 'list';
export const EXECUTION_BLOB_REFS = 'blobrefs';

export interface ExecutionDoc {
  [k: string]: unknown;
  id: string;
  workflowId: string;
  workspaceId?: string;
  /** The workflow stream revision whose definition this run used. */
  workflowRevision?: number;
  definitionHash?: string;
  mode: string;
  status: string;
  startedAt: string;
  stoppedAt?: string;
  waitTill?: string;
  /** Parked by the step debugger at this pause point (status 'waiting'). */
  paused?: { node: string; when: string; runIndex: number };
  lastNodeExecuted?: string;
  error?: { message: string; node?: string };
  /** Set for a retry: the execution it retried. */
  retryOf?: string;
  /** Set for a re-run from one node: the execution it came from. */
  rerunOf?: string;
  /**
   * The node the run started from: the trigger or the node re-run from; for a retry, the node the
   * retried run failed on (the nodes before it are not run again).
   */
  startNode?: string;
  deleted: boolean;
  nodesRun: number;
  /** `$execution.customData` as the run left it (n8n's execution metadata); absent when none was set. */
  customData?: Record<string, string>;
  /** The run's model calls added up; absent when it made none. */
  aiUsage?: AiUsageTotals;
}

/** Model calls added up (a run's, or a workflow's over a time range). */
export interface AiUsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US dollars, over the calls whose model's price is known. */
  costUsd: number;
  /** Calls whose cost is not known (a model without a listed price). */
  unpricedCalls: number;
}

interface CallUsage { promptTokens?: number; completionTokens?: number; totalTokens?: number; costUsd?: number }

/** `totals` with one more model call (or with another run's totals) added. */
export function addAiUsage(totals: AiUsageTotals | undefined, usage: CallUsage | AiUsageTotals): AiUsageTotals {
  const base = totals ?? { calls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, costUsd: 0, unpricedCalls: 0 };
  const many = 'calls' in usage;
  return {
    calls: base.calls + (many ? usage.calls : 1),
    promptTokens: base.promptTokens + (usage.promptTokens ?? 0),
    completionTokens: base.completionTokens + (usage.completionTokens ?? 0),
    totalTokens: base.totalTokens + (usage.totalTokens ?? 0),
    // Cents of cents add up without float noise at this rounding.
    costUsd: Math.round((base.costUsd + (usage.costUsd ?? 0)) * 1e8) / 1e8,
    unpricedCalls: base.unpricedCalls + (many ? usage.unpricedCalls : usage.costUsd === undefined ? 1 : 0),
  };
}

/** One document per (run, blob) the run's events refer to: written without reading, so never lost. */
export interface BlobRefDoc {
  [k: string]: unknown;
  id: string;
  executionId: string;
  sha256: string;
}

interface StartedData { workflowId: string; mode: string; definitionHash?: string; workflowRevision?: number; retryOf?: string; rerunOf?: string; startNode?: string; startedAt?: string; queuedAt?: string }
interface FinishedData { status: string; stoppedAt: string; error?: { message: string; node?: string }; lastNodeExecuted?: string }

export const executionsProjection: Projection = {
  name: 'executions',
  version: 5,
  collections: [
    {
      name: EXECUTIONS,
      indexes: [
        { fields: ['workspaceId', 'deleted', '-startedAt'] },
        { fields: ['workflowId', '-startedAt'] },
        { fields: ['status'] },
        { fields: ['status', 'stoppedAt'] },
      ],
    },
    { name: EXECUTION_BLOB_REFS, indexes: [{ fields: ['executionId'] }, { fields: ['sha256'] }] },
  ],
  accepts: (event) => streamCategory(event.stream) === EXECUTION_CATEGORY || event.type === EXECUTION_PRUNED,
  async apply(event: RecordedEvent, tx) {
    const docs = tx.collection<ExecutionDoc>(EXECUTIONS);
    const refs = tx.collection<BlobRefDoc>(EXECUTION_BLOB_REFS);
    if (event.type === EXECUTION_PRUNED) {
      const executionId = (event.data as ExecutionPrunedData).executionId;
      await docs.delete(executionId);
      for (;;) {
        const page = await refs.find({ filter: { executionId }, limit: 1000 });
        for (const ref of page.items) await refs.delete(ref.id);
        if (!page.nextCursor) return;
      }
    }
    const id = streamId(event.stream);
    await applyStep(event, id, docs);
    for (const sha256 of blobRefsIn(event.data)) await refs.upsert({ id: `${id}:${sha256}`, executionId: id, sha256 });
  },
};

async function applyStep(event: RecordedEvent, id: string, docs: Collection<ExecutionDoc>): Promise<void> {
  switch (event.type) {
    case 'ExecutionQueued':
    case 'ExecutionStarted': {
      const data = event.data as StartedData;
      const queued = event.type === 'ExecutionQueued';
      const before = queued ? undefined : await docs.get(id);
      const startNode = data.retryOf ? (await docs.get(data.retryOf))?.error?.node ?? before?.startNode : data.startNode ?? before?.startNode;
      await docs.upsert({
        ...before,
        // n8n's status of a run that waits for a worker is 'new'.
        id, workflowId: data.workflowId, mode: data.mode, status: queued ? 'new' : 'running',
        startedAt: before?.startedAt ?? data.startedAt ?? data.queuedAt ?? event.metadata.at,
        deleted: false, nodesRun: 0,
        ...(event.metadata.workspaceId ? { workspaceId: event.metadata.workspaceId } : {}),
        ...(data.definitionHash ? { definitionHash: data.definitionHash } : {}),
        ...(data.workflowRevision !== undefined ? { workflowRevision: data.workflowRevision } : {}),
        ...(data.retryOf ? { retryOf: data.retryOf } : {}),
        ...(data.rerunOf ? { rerunOf: data.rerunOf } : {}),
        ...(startNode ? { startNode } : {}),
      });
      return;
    }
    case 'NodeSucceeded':
    case 'NodeFailed': {
      const data = event.data as { node: string; customData?: Record<string, string> };
      const doc = await docs.get(id);
      if (doc) await docs.patch(id, { nodesRun: doc.nodesRun + 1, lastNodeExecuted: data.node, ...(data.customData ? { customData: data.customData } : {}) });
      return;
    }
    case 'SubNodeCallFinished': {
      const usage = (event.data as { taskData?: { aiUsage?: CallUsage } }).taskData?.aiUsage;
      if (!usage) return;
      const doc = await docs.get(id);
      if (doc) await docs.patch(id, { aiUsage: addAiUsage(doc.aiUsage, usage) });
      return;
    }
    case 'ExecutionWaiting':
      await docs.patch(id, { status: 'waiting', waitTill: (event.data as { waitTill: string }).waitTill });
      return;
    case 'ExecutionPaused': {
      // The step debugger parked the run: no time to resume at, a debug command resumes it.
      const { node, when, runIndex } = event.data as { node: string; when: string; runIndex: number };
      await docs.patch(id, { status: 'waiting', paused: { node, when, runIndex } });
      return;
    }
    case 'ExecutionResumed':
      await docs.patch(id, { status: 'running', waitTill: undefined, paused: undefined });
      return;
    case 'ExecutionFinished': {
      const data = event.data as FinishedData;
      await docs.patch(id, {
        status: data.status, stoppedAt: data.stoppedAt, paused: undefined,
        ...(data.lastNodeExecuted ? { lastNodeExecuted: data.lastNodeExecuted } : {}),
        ...(data.error ? { error: { message: data.error.message, ...(data.error.node ? { node: data.error.node } : {}) } } : {}),
      });
      return;
    }
    case 'ExecutionDeleted':
      await docs.patch(id, { deleted: true });
      return;
    default:
  }
}
