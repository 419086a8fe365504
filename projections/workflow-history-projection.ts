// Read model of each workflow's history: one row per event with who, when and what changed.
import {
  describeEdit, streamCategory, streamId, WORKFLOW_CATEGORY, WORKFLOW_EDIT_EVENT_TYPES,
  type RecordedEvent, type WorkflowEditEvent, type WorkflowEvent,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';
import { nextNodeTypes, type NodeTypes } from './workflow-node-types.ts';

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
/** One document per workflow: the type of each of its nodes, for naming parameters. */
const NODE_TYPES = 'nodetypes';
const MAX_VERSION_LINES = 20;

/** The display name of a node type's parameter at this path; undefined when unknown (the path is shown). */
export type ParameterLabeller = (type: string, typeVersion: number, path: string[]) => string | undefined;

/** Without a labeller (no node registry at hand), history lines name parameters by their path. */
export function createWorkflowHistoryProjection(parameterLabel?: ParameterLabeller): Projection {
  return {
    name: 'workflow_history',
    version: 3,
    collections: [
      { name: WORKFLOW_HISTORY, indexes: [{ fields: ['workflowId', '-revision'] }] },
      { name: WORKFLOW_VERSIONS, indexes: [{ fields: ['workflowId', '-revision'] }] },
      { name: NODE_TYPES, indexes: [] },
    ],
    accepts: (event) => streamCategory(event.stream) === WORKFLOW_CATEGORY,
    async apply(event: RecordedEvent, tx) {
      const workflowId = streamId(event.stream);
      const types = tx.collection<{ [k: string]: unknown; id: string; nodes: NodeTypes }>(NODE_TYPES);
      const known = parameterLabel ? (await types.get(workflowId))?.nodes ?? {} : {};
      const { summary, changes } = describeWorkflowEvent(event as unknown as WorkflowEvent, (nodeId, path) => {
        const node = known[nodeId];
        return (node && parameterLabel?.(node.type, node.typeVersion, path)) || undefined;
      });
      const nextTypes = parameterLabel ? nextNodeTypes(event, known) : undefined;
      if (nextTypes) await types.upsert({ id: workflowId, nodes: nextTypes });
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
}

/** `parameterName` gives a changed parameter's display name, by node key and path, when known. */
export function describeWorkflowEvent(
  event: WorkflowEvent,
  parameterName: (nodeId: string, path: string[]) => string | undefined = () => undefined,
): { summary: string; changes?: unknown } {
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
    case 'WorkflowPublished': {
      const what = event.data.revision === undefined ? 'published' : `published revision ${event.data.revision} (rolled back)`;
      return { summary: event.data.message ? `${what}: ${event.data.message}` : what, changes: { revision: event.data.revision, message: event.data.message, ...event.data.changes } };
    }
    case 'WorkflowVersionRestored':
      return { summary: `restored revision ${event.data.revision}: ${event.data.changes.text}`, changes: { revision: event.data.revision, ...event.data.changes } };
    case 'WorkflowTestAdded':
      return { summary: `test '${event.data.test.name}' added`, changes: event.data };
    case 'WorkflowTestUpdated':
      return { summary: `test '${event.data.test.name}' changed`, changes: event.data };
    case 'WorkflowTestRemoved':
      return { summary: `test '${event.data.name}' removed`, changes: event.data };
    default:
      if ((WORKFLOW_EDIT_EVENT_TYPES as readonly string[]).includes(event.type)) {
        const edit = event as WorkflowEditEvent;
        const nodeId = (edit.data as { nodeId?: string }).nodeId ?? '';
        return { summary: describeEdit(edit, (path) => parameterName(nodeId, path) ?? path.join('.')), changes: event.data };
      }
      return { summary: (event as { type: string }).type };
  }
}
