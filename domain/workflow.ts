// The workflow aggregate as a decider: commands in, events out, on stream `workflow-<id>`.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { shareChanges, withSharing } from './sharing.ts';
import { DEFAULT_WORKSPACE_ID } from './access.ts';
import { diffDefinitions, isDiffEmpty, summarizeDiff, type WorkflowDiff } from './workflow-diff.ts';
import { MAX_NAME_LENGTH, type WorkflowDefinition } from './workflow-definition.ts';

export const WORKFLOW_CATEGORY = 'workflow';
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;

export type WorkflowCommand =
  | { type: 'CreateWorkflow'; workspaceId: string; definition: WorkflowDefinition; tags?: string[] }
  /** Replaces the definition and, when given, the tags, in one atomic append. */
  | { type: 'UpdateWorkflow'; definition: WorkflowDefinition; tags?: string[] }
  | { type: 'RenameWorkflow'; name: string }
  | { type: 'DeleteWorkflow' }
  | { type: 'RestoreDeletedWorkflow' }
  | { type: 'ActivateWorkflow' }
  | { type: 'DeactivateWorkflow' }
  | { type: 'TagWorkflow'; tags: string[] }
  | { type: 'ShareWorkflow'; workspaceId: string }
  | { type: 'UnshareWorkflow'; workspaceId: string };

/** A compact account of what a definition change did, kept in the event for history lists. */
export interface ChangeSummary {
  text: string;
  nodesAdded: string[];
  nodesRemoved: string[];
  nodesModified: string[];
  connectionsAdded: number;
  connectionsRemoved: number;
  fieldsChanged: string[];
}

export type WorkflowEvent =
  /** `workspaceId` is absent in events written before workspaces existed: the default workspace. */
  | { type: 'WorkflowCreated'; data: { workspaceId?: string; definition: WorkflowDefinition; tags: string[] } }
  | { type: 'WorkflowDefinitionReplaced'; data: { definition: WorkflowDefinition; changes: ChangeSummary } }
  | { type: 'WorkflowRenamed'; data: { from: string; to: string } }
  | { type: 'WorkflowDeleted'; data: Record<string, never> }
  | { type: 'WorkflowRestoredFromDeletion'; data: Record<string, never> }
  | { type: 'WorkflowActivated'; data: Record<string, never> }
  | { type: 'WorkflowDeactivated'; data: Record<string, never> }
  | { type: 'WorkflowTagged'; data: { tags: string[]; added: string[]; removed: string[] } }
  | { type: 'WorkflowShared'; data: { workspaceId: string } }
  | { type: 'WorkflowUnshared'; data: { workspaceId: string } };

export type WorkflowEventType = WorkflowEvent['type'];

export const WORKFLOW_EVENT_TYPES: readonly WorkflowEventType[] = [
  'WorkflowCreated', 'WorkflowDefinitionReplaced', 'WorkflowRenamed', 'WorkflowDeleted',
  'WorkflowRestoredFromDeletion', 'WorkflowActivated', 'WorkflowDeactivated', 'WorkflowTagged',
  'WorkflowShared', 'WorkflowUnshared',
];

export interface WorkflowState {
  exists: boolean;
  deleted: boolean;
  active: boolean;
  definition?: WorkflowDefinition;
  tags: string[];
  workspaceId: string;
  sharedWith: string[];
}

export function summarizeChanges(diff: WorkflowDiff): ChangeSummary {
  return {
    text: summarizeDiff(diff),
    nodesAdded: diff.nodesAdded,
    nodesRemoved: diff.nodesRemoved,
    nodesModified: diff.nodesModified.map((m) => m.name),
    connectionsAdded: diff.connectionsAdded.length,
    connectionsRemoved: diff.connectionsRemoved.length,
    fieldsChanged: diff.fieldsChanged.map((f) => f.path),
  };
}

/** Trims, drops empties and duplicates; rejects over-long tags. */
export function normalizeTags(tags: string[]): string[] {
  const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (clean.length > MAX_TAGS) throw new ValidationError(`At most ${MAX_TAGS} tags are allowed`, [{ path: 'tags', message: 'too many tags' }]);
  const long = clean.findIndex((t) => t.length > MAX_TAG_LENGTH);
  if (long >= 0) throw new ValidationError(`Tags are at most ${MAX_TAG_LENGTH} characters`, [{ path: `tags.${long}`, message: 'tag too long' }]);
  return clean;
}

function tagEvents(state: WorkflowState, requested: string[]): WorkflowEvent[] {
  const tags = normalizeTags(requested);
  const added = tags.filter((t) => !state.tags.includes(t));
  const removed = state.tags.filter((t) => !tags.includes(t));
  if (added.length === 0 && removed.length === 0) return [];
  return [{ type: 'WorkflowTagged', data: { tags, added, removed } }];
}

function requireLive(state: WorkflowState, id = 'this'): asserts state is WorkflowState & { definition: WorkflowDefinition } {
  if (!state.exists) throw new NotFoundError('Workflow', id);
  if (state.deleted) throw new ConflictError('The workflow is deleted; restore it first');
}

export const workflowDecider: Decider<WorkflowCommand, WorkflowEvent, WorkflowState> = {
  initialState: () => ({ exists: false, deleted: false, active: false, tags: [], workspaceId: DEFAULT_WORKSPACE_ID, sharedWith: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateWorkflow':
        if (state.exists) throw new ConflictError('A workflow with this id already exists');
        return [{ type: 'WorkflowCreated', data: { workspaceId: command.workspaceId, definition: command.definition, tags: normalizeTags(command.tags ?? []) } }];
      case 'UpdateWorkflow': {
        requireLive(state);
        const diff = diffDefinitions(state.definition, command.definition);
        const events: WorkflowEvent[] = isDiffEmpty(diff)
          ? []
          : [{ type: 'WorkflowDefinitionReplaced', data: { definition: command.definition, changes: summarizeChanges(diff) } }];
        return command.tags ? [...events, ...tagEvents(state, command.tags)] : events;
      }
      case 'RenameWorkflow': {
        requireLive(state);
        const to = command.name.trim();
        if (to.length === 0 || to.length > MAX_NAME_LENGTH) {
          throw new ValidationError(`A workflow name has 1 to ${MAX_NAME_LENGTH} characters`, [{ path: 'name', message: 'invalid length' }]);
        }
        if (to === state.definition.name) return [];
        return [{ type: 'WorkflowRenamed', data: { from: state.definition.name, to } }];
      }
      case 'DeleteWorkflow':
        requireLive(state);
        return [
          ...(state.active ? [{ type: 'WorkflowDeactivated' as const, data: {} }] : []),
          { type: 'WorkflowDeleted', data: {} },
        ];
      case 'RestoreDeletedWorkflow':
        if (!state.exists) throw new NotFoundError('Workflow', 'this');
        if (!state.deleted) throw new ConflictError('The workflow is not deleted');
        return [{ type: 'WorkflowRestoredFromDeletion', data: {} }];
      case 'ActivateWorkflow':
        requireLive(state);
        return state.active ? [] : [{ type: 'WorkflowActivated', data: {} }];
      case 'DeactivateWorkflow':
        requireLive(state);
        return state.active ? [{ type: 'WorkflowDeactivated', data: {} }] : [];
      case 'TagWorkflow':
        requireLive(state);
        return tagEvents(state, command.tags);
      case 'ShareWorkflow':
      case 'UnshareWorkflow': {
        requireLive(state);
        const share = command.type === 'ShareWorkflow';
        if (!shareChanges(state, command.workspaceId, share, 'workflow')) return [];
        return [{ type: share ? 'WorkflowShared' : 'WorkflowUnshared', data: { workspaceId: command.workspaceId } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'WorkflowCreated':
        return { ...state, exists: true, definition: event.data.definition, tags: event.data.tags, workspaceId: event.data.workspaceId ?? DEFAULT_WORKSPACE_ID };
      case 'WorkflowDefinitionReplaced':
        return { ...state, definition: event.data.definition };
      case 'WorkflowRenamed':
        return state.definition ? { ...state, definition: { ...state.definition, name: event.data.to } } : state;
      case 'WorkflowDeleted':
        return { ...state, deleted: true, active: false };
      case 'WorkflowRestoredFromDeletion':
        return { ...state, deleted: false };
      case 'WorkflowActivated':
        return { ...state, active: true };
      case 'WorkflowDeactivated':
        return { ...state, active: false };
      case 'WorkflowTagged':
        return { ...state, tags: event.data.tags };
      case 'WorkflowShared':
      case 'WorkflowUnshared':
        return { ...state, sharedWith: withSharing(state.sharedWith, event.data.workspaceId, event.type === 'WorkflowShared') };
      default:
        return state;
    }
  },
};
