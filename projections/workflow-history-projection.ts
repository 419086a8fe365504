// Read model of each workflow's history: one row per event with who, when and what changed.
import {
  describeEdit, streamCategory, streamId, WORKFLOW_CATEGORY, WORKFLOW_EDIT_EVENT_TYPES,
  type RecordedEvent, type WorkflowEditEvent, type WorkflowEvent,
} from '../domain/index.ts';
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
  /** Users whose edits the event carries (collaborative edits), else the actor. */
  authors: string[];
  /** The command that wrote it: events of one command form one version. */
  causationId: string;
}

/** One version: the events one command appended (a save, a debounced batch of live edits, a restore). */
export interface WorkflowVersionDoc {
  [k: string]: unknown;
  id: string;
  workflowId: string;
  /** The revision after the version's last event: what `versions/:revision` and `restore` take. */
  revision: number;
  firstRevision: number;
  at: string;
  actor: { kind: string; id: string; name?: string };
  authors: string[];
  /** What changed, one line per event (at most 20). */
  changes: string[];
  summary: string;
  types: string[];
  eventCount: number;
}

export const WORKFLOW_HISTORY = 'rows';
export const WORKFLOW_VERSIONS = 'versions';
const MAX_VERSION_LINES = 20;

export const workflowHistoryProjection: Projection = {
  name: 'workflow_history',
  version: 2,
  collections: [
    { name: WORKFLOW_HISTORY, indexes: [{ fields: ['workflowId', '-revision'] }] },
    { name: WORKFLOW_VERSIONS, indexes: [{ fields: ['workflowId', '-revision'] }] },
  ],
  accepts: (event) => streamCategory(event.stream) === WORKFLOW_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const workflowId = streamId(event.stream);
    const { summary, changes } = describeWorkflowEvent(event as unknown as WorkflowEvent);
    const data = event.data as { authors?: unknown } | undefined;
    const authors = Array.isArray(data?.authors) ? (data.authors as string[]) : [event.metadata.actor.id];
    const versions = tx.collection<WorkflowVersionDoc>(WORKFLOW_VERSIONS);
    const versionId = `${workflowId}:${event.metadata.causationId}`;
    const version = await versions.get(versionId);
    const lines = [...(version?.changes ?? []), summary];
    await versions.upsert({
      id: versionId,
      workflowId,
      revision: event.revision,
      firstRevision: version?.firstRevision ?? event.revision,
      at: event.metadata.at,
      actor: version?.actor ?? event.metadata.actor,
      authors: [...new Set([...(version?.authors ?? []), ...authors])],
      changes: lines.slice(0, MAX_VERSION_LINES),
      summary: lines.length > 3 ? `${lines.slice(0, 3).join('; ')}; and ${lines.length - 3} more` : lines.join('; '),
      types: [...new Set([...(version?.types ?? []), event.type])],
      eventCount: (version?.eventCount ?? 0) + 1,
    });
    await tx.collection<WorkflowHistoryDoc>(WORKFLOW_HISTORY).upsert({
      id: `${workflowId}:${event.revision}`,
      workflowId,
      revision: event.revision,
      type: event.type,
      actor: event.metadata.actor,
      at: event.metadata.at,
      summary,
      authors,
      causationId: event.metadata.causationId,
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
    case 'WorkflowVersionRestored':
      return { summary: `restored revision ${event.data.revision}: ${event.data.changes.text}`, changes: { revision: event.data.revision, ...event.data.changes } };
    default:
      if ((WORKFLOW_EDIT_EVENT_TYPES as readonly string[]).includes(event.type)) {
        return { summary: describeEdit(event as WorkflowEditEvent), changes: event.data };
      }
      return { summary: (event as { type: string }).type };
  }
}
