// Read model of executions: one summary document per run (the run data itself is folded from the
// execution's own stream on request).
import { streamCategory, streamId, type RecordedEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';

export const EXECUTION_CATEGORY = 'execution';
export const EXECUTIONS = 'list';

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
  lastNodeExecuted?: string;
  error?: { message: string; node?: string };
  /** Set for a retry: the execution it retried. */
  retryOf?: string;
  /** Set for a re-run from one node: the execution it came from. */
  rerunOf?: string;
  deleted: boolean;
  nodesRun: number;
}

interface StartedData { workflowId: string; mode: string; definitionHash?: string; workflowRevision?: number; retryOf?: string; rerunOf?: string; startedAt?: string; queuedAt?: string }
interface FinishedData { status: string; stoppedAt: string; error?: { message: string; node?: string }; lastNodeExecuted?: string }

export const executionsProjection: Projection = {
  name: 'executions',
  version: 2,
  collections: [
    {
      name: EXECUTIONS,
      indexes: [
        { fields: ['workspaceId', 'deleted', '-startedAt'] },
        { fields: ['workflowId', '-startedAt'] },
        { fields: ['status'] },
      ],
    },
  ],
  accepts: (event) => streamCategory(event.stream) === EXECUTION_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const docs = tx.collection<ExecutionDoc>(EXECUTIONS);
    const id = streamId(event.stream);
    switch (event.type) {
      case 'ExecutionQueued':
      case 'ExecutionStarted': {
        const data = event.data as StartedData;
        const queued = event.type === 'ExecutionQueued';
        const before = queued ? undefined : await docs.get(id);
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
        });
        return;
      }
      case 'NodeSucceeded':
      case 'NodeFailed': {
        const doc = await docs.get(id);
        if (doc) await docs.patch(id, { nodesRun: doc.nodesRun + 1, lastNodeExecuted: (event.data as { node: string }).node });
        return;
      }
      case 'ExecutionWaiting':
        await docs.patch(id, { status: 'waiting', waitTill: (event.data as { waitTill: string }).waitTill });
        return;
      case 'ExecutionResumed':
        await docs.patch(id, { status: 'running', waitTill: undefined });
        return;
      case 'ExecutionFinished': {
        const data = event.data as FinishedData;
        await docs.patch(id, {
          status: data.status, stoppedAt: data.stoppedAt,
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
  },
};
