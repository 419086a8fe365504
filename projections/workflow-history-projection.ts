// Read model of each workflow's history: one row per event with who, when and what changed.
import { streamCategory, streamId, WORKFLOW_CATEGORY, type RecordedEvent, type WorkflowEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';

export interface WorkflowHistoryDoc {
  [k: string]: unknown;
  id: string;
  workflowId: string;
  revision: number;
  type: string;
  actor: { kind: string; id: string; name?: string };
  at: string;
  summary: string;
  changes?: unknown;
}

export const WORKFLOW_HISTORY = 'rows';

export const workflowHistoryProjection: Projection = {
  name: 'workflow_history',
  version: 1,
  collections: [{ name: WORKFLOW_HISTORY, indexes: [{ fields: ['workflowId', '-revision'] }] }],
  accepts: (event) => streamCategory(event.stream) === WORKFLOW_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const workflowId = streamId(event.stream);
    const { summary, changes } = describeWorkflowEvent(event as unknown as WorkflowEvent);
    await tx.collection<WorkflowHistoryDoc>(WORKFLOW_HISTORY).upsert({
      id: `${workflowId}:${event.revision}`,
      workflowId,
      revision: event.revision,
      type: event.type,
      actor: event.metadata.actor,
      at: event.metadata.at,
      summary,
      ...(changes === undefined ? {} : { changes }),
    });
  },
};

export function describeWorkflowEvent(event: WorkflowEvent): { summary: string; changes?: unknown } {
  switch (event.type) {
    case 'WorkflowCreated':
      return { summary: `created with ${event.data.definition.nodes.length} node(s)` };
    case 'WorkflowDefinitionReplaced':
      return { summary: event.data.changes.text, changes: event.data.changes };
    case 'WorkflowRenamed':
      return { summary: `renamed from '${event.data.from}' to '${event.data.to}'`, changes: event.data };
    case 'WorkflowDeleted':
      return { summary: 'deleted' };
    case 'WorkflowRestoredFromDeletion':
      return { summary: 'restored from deletion' };
    case 'WorkflowActivated':
      return { summary: 'activated' };
    case 'WorkflowDeactivated':
      return { summary: 'deactivated' };
    case 'WorkflowTagged':
      return { summary: `tags set to ${event.data.tags.join(', ') || '(none)'}`, changes: event.data };
    default:
      return { summary: (event as { type: string }).type };
  }
}
