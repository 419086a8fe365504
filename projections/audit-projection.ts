// Read model of the audit log: every event in the store but a run's steps, filterable by actor,
// stream, type and time. A pruned run's entries give way to the one entry of its ExecutionPruned event, so the audit
// reads the same after a rebuild from the log (where the run's stream no longer exists).
import { EXECUTION_PRUNED, streamCategory, type ExecutionPrunedData, type RecordedEvent, type WorkflowEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { Collection } from './read-model-store.ts';
import { describeWorkflowEvent } from './workflow-history-projection.ts';

export interface AuditDoc {
  [k: string]: unknown;
  id: string;
  position: number;
  stream: string;
  category: string;
  revision: number;
  type: string;
  actorKind: string;
  actorId: string;
  actorName?: string;
  at: string;
  correlationId: string;
  /** The workspace of the resource, when it has one: workspace admins see their workspace's entries. */
  workspaceId?: string;
  summary: string;
}

export const AUDIT = 'entries';

/**
 * A run's steps, recorded in its own stream: the audit keeps who asked for a run and how it ended
 * (and when it parked, resumed, was deleted or pruned), not every node of every run, which made it
 * seven entries per run, each written to six indexes, and the largest table of a busy server.
 */
const RUN_STEPS = new Set([
  'ExecutionStarted', 'NodeStarted', 'NodeAttemptFailed', 'NodeSucceeded', 'NodeFailed', 'NodeReturnedNoData',
  'CodeConsoleOutput', 'WebhookResponseSent', 'WebhookResponseChunk', 'SubNodeCallStarted', 'SubNodeCallFinished',
]);

export const auditProjection: Projection = {
  name: 'audit',
  version: 5,
  collections: [
    {
      name: AUDIT,
      indexes: [
        { fields: ['position'], unique: true },
        { fields: ['actorId', 'position'] },
        { fields: ['stream', 'position'] },
        { fields: ['type', 'position'] },
        { fields: ['at'] },
        { fields: ['workspaceId', 'position'] },
      ],
    },
  ],
  // Yjs document updates are recorded in their own streams and summarised by workflow events.
  accepts: (event) => {
    const category = streamCategory(event.stream);
    return category !== 'workflowdoc' && !(category === 'execution' && RUN_STEPS.has(event.type));
  },
  async apply(event: RecordedEvent, tx) {
    const category = streamCategory(event.stream);
    const entries = tx.collection<AuditDoc>(AUDIT);
    let summary = category === 'workflow' ? describeWorkflowEvent(event as unknown as WorkflowEvent).summary : event.type;
    if (event.type === EXECUTION_PRUNED) {
      const pruned = event.data as ExecutionPrunedData;
      summary = describePrune(pruned);
      await deleteStreamEntries(entries, `execution-${pruned.executionId}`);
    }
    await entries.upsert({
      id: event.id,
      position: event.position,
      stream: event.stream,
      category,
      revision: event.revision,
      type: event.type,
      actorKind: event.metadata.actor.kind,
      actorId: event.metadata.actor.id,
      ...(event.metadata.actor.name ? { actorName: event.metadata.actor.name } : {}),
      at: event.metadata.at,
      correlationId: event.metadata.correlationId,
      ...(event.metadata.workspaceId ? { workspaceId: event.metadata.workspaceId } : {}),
      summary,
    });
  },
};

const PRUNE_REASONS: Record<ExecutionPrunedData['reason'], string> = {
  maxAge: 'older than EXECUTIONS_DATA_MAX_AGE',
  maxCount: 'beyond EXECUTIONS_DATA_PRUNE_MAX_COUNT',
  deleted: 'deleted earlier',
  notSaved: "the workflow's save settings keep no data for such runs",
};

function describePrune(pruned: ExecutionPrunedData): string {
  const by = pruned.startedBy ? ` started by ${pruned.startedBy.name ?? pruned.startedBy.id}` : '';
  const at = pruned.startedAt ? ` at ${pruned.startedAt}` : '';
  return `Execution ${pruned.executionId} of workflow ${pruned.workflowId} (${pruned.mode}, ${pruned.status})${by}${at}: data pruned, ${PRUNE_REASONS[pruned.reason] ?? pruned.reason}`;
}

async function deleteStreamEntries(entries: Collection<AuditDoc>, stream: string): Promise<void> {
  for (;;) {
    const page = await entries.find({ filter: { stream }, limit: 1000 });
    for (const entry of page.items) await entries.delete(entry.id);
    if (!page.nextCursor) return;
  }
}
