// The workflow aggregate as a decider: commands in, events out, on stream `workflow-<id>`.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { shareChanges, withSharing } from './sharing.ts';
import { DEFAULT_WORKSPACE_ID } from './access.ts';
import { deepEqual, diffDefinitions, isDiffEmpty, summarizeDiff, type WorkflowDiff } from './workflow-diff.ts';
import { MAX_NAME_LENGTH, structuralProblems, type WorkflowDefinition } from './workflow-definition.ts';
import {
  applyEdit, computeEdits, editEntity, nodeKey, ownValue, WORKFLOW_EDIT_EVENT_TYPES,
  type WorkflowEditEvent, type WorkflowRenameEdit,
} from './workflow-edits.ts';
import { WORKFLOW_TEST_EVENT_TYPES, type WorkflowTestEvent } from './workflow-tests.ts';

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
  /** Activation publishes `publish` (the draft, unless the caller named a version) when it differs from what is published. */
  | { type: 'ActivateWorkflow'; publish?: PublishRequest }
  | { type: 'DeactivateWorkflow' }
  /** Activation was refused or its triggers could not be armed; the workflow ends up inactive. */
  | { type: 'FailActivation'; reason: string }
  | { type: 'TagWorkflow'; tags: string[] }
  | { type: 'ShareWorkflow'; workspaceId: string }
  | { type: 'UnshareWorkflow'; workspaceId: string }
  /**
   * Records what collaborative editing changed: fine-grained edits from the current definition to
   * `definition`. `attribution` maps an entity (`node:<id>`, `connection:<id>`, `settings`, `name`,
   * `field:<key>`) to the users who touched it; other edits carry `authors`.
   */
  | { type: 'ApplyEdits'; definition: WorkflowDefinition; authors: string[]; attribution?: Record<string, string[]> }
  /** Makes the definition of an earlier revision current again, as a new event. */
  | { type: 'RestoreWorkflowVersion'; revision: number; definition: WorkflowDefinition }
  /**
   * Makes a definition the one production runs (webhooks, schedules, pollers, sub-workflow calls from
   * production runs). Without `revision`, the current draft; with it, that earlier revision (a rollback).
   */
  | { type: 'PublishWorkflow'; publish: PublishRequest };

/** What to publish: the draft (no revision), or an earlier revision's definition. */
export interface PublishRequest {
  revision?: number;
  definition?: WorkflowDefinition;
  message?: string;
}

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
  | { type: 'WorkflowRenamed'; data: { from: string; to: string; authors?: string[] } }
  | { type: 'WorkflowVersionRestored'; data: { revision: number; definition: WorkflowDefinition; changes: ChangeSummary } }
  | WorkflowEditEvent
  /** Test cases (issue 17): decided by workflowTestsDecider, ignored by this one. */
  | WorkflowTestEvent
  | { type: 'WorkflowDeleted'; data: Record<string, never> }
  | { type: 'WorkflowRestoredFromDeletion'; data: Record<string, never> }
  | { type: 'WorkflowActivated'; data: Record<string, never> }
  | { type: 'WorkflowDeactivated'; data: Record<string, never> }
  | { type: 'WorkflowActivationFailed'; data: { reason: string } }
  /**
   * The definition production runs from now on. `revision` is set when an earlier revision was
   * published (a rollback); without it the draft as it stood just before this event was published.
   */
  | { type: 'WorkflowPublished'; data: { definition: WorkflowDefinition; revision?: number; message?: string; changes: ChangeSummary } }
  | { type: 'WorkflowTagged'; data: { tags: string[]; added: string[]; removed: string[] } }
  | { type: 'WorkflowShared'; data: { workspaceId: string } }
  | { type: 'WorkflowUnshared'; data: { workspaceId: string } };

export type WorkflowEventType = WorkflowEvent['type'];

export const WORKFLOW_EVENT_TYPES: readonly WorkflowEventType[] = [
  'WorkflowCreated', 'WorkflowDefinitionReplaced', 'WorkflowRenamed', 'WorkflowDeleted',
  'WorkflowRestoredFromDeletion', 'WorkflowActivated', 'WorkflowDeactivated', 'WorkflowTagged',
  'WorkflowShared', 'WorkflowUnshared', 'WorkflowActivationFailed', 'WorkflowVersionRestored', 'WorkflowPublished', ...WORKFLOW_EDIT_EVENT_TYPES,
  ...WORKFLOW_TEST_EVENT_TYPES,
];

/** Event types after which a workflow's definition may differ (webhooks, live docs follow these). */
export const WORKFLOW_DEFINITION_EVENT_TYPES: readonly WorkflowEventType[] = [
  'WorkflowCreated', 'WorkflowDefinitionReplaced', 'WorkflowRenamed', 'WorkflowVersionRestored', ...WORKFLOW_EDIT_EVENT_TYPES,
];

export interface WorkflowState {
  exists: boolean;
  deleted: boolean;
  active: boolean;
  definition?: WorkflowDefinition;
  tags: string[];
  workspaceId: string;
  sharedWith: string[];
  /**
   * What production runs. Absent until the first publish: workflows activated before publishing
   * existed keep running their current definition, as they always did.
   */
  published?: WorkflowDefinition;
}

/** The definition webhooks, schedules and production sub-workflow calls run: the published one, else the draft. */
export function productionDefinition(state: { definition?: WorkflowDefinition; published?: WorkflowDefinition }): WorkflowDefinition | undefined {
  return state.published ?? state.definition;
}

function publishEvents(state: WorkflowState & { definition: WorkflowDefinition }, request: PublishRequest): WorkflowEvent[] {
  const definition = request.definition ?? state.definition;
  if (state.published && deepEqual(state.published, definition)) return [];
  const changes = summarizeChanges(diffDefinitions(state.published ?? { ...definition, nodes: [], connections: {} }, definition));
  const data = {
    definition, changes,
    ...(request.revision !== undefined ? { revision: request.revision } : {}),
    ...(request.message ? { message: request.message } : {}),
  };
  return [{ type: 'WorkflowPublished', data }];
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

/**
 * The events that turn `before` into `after`: fine-grained edits, each naming the users who touched
 * its entity, then a full replacement in the rare case the edits cannot reproduce `after` exactly
 * (nodes reordered, two nodes swapping names), so folding the events always gives `after`.
 */
export function editEvents(before: WorkflowDefinition, after: WorkflowDefinition, authors: string[], attribution: Record<string, string[]> = {}): WorkflowEvent[] {
  const keys = (d: WorkflowDefinition) => new Map(d.nodes.map((n) => [n.name, nodeKey(n)]));
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const events: WorkflowEvent[] = [];
  let simulated = before;
  for (const edit of computeEdits(before, after)) {
    const names = edit.type === 'WorkflowConnectionRemoved' ? beforeKeys : afterKeys;
    const ends = edit.type === 'WorkflowConnectionAdded' || edit.type === 'WorkflowConnectionRemoved'
      ? { fromKey: names.get(edit.data.from), toKey: names.get(edit.data.to) }
      : {};
    const who = attribution[editEntity(edit, ends)] ?? authors;
    const attributed = { ...edit, data: { ...edit.data, authors: [...new Set(who)] } } as WorkflowEditEvent | WorkflowRenameEdit;
    events.push(attributed);
    simulated = applyEdit(simulated, attributed);
  }
  // Output slots left empty or declared without a connection changing: one event per node.
  for (const node of after.nodes) {
    const was = ownValue(simulated.connections, node.name);
    const now = ownValue(after.connections, node.name);
    if (deepEqual(was, now)) continue;
    const nodeId = nodeKey(node);
    const edit: WorkflowEditEvent = {
      type: 'WorkflowNodeOutputsChanged',
      data: { nodeId, name: node.name, ...(was === undefined ? {} : { before: was }), ...(now === undefined ? {} : { after: now }), authors: [...new Set(attribution[`node:${nodeId}`] ?? authors)] },
    };
    events.push(edit);
    simulated = applyEdit(simulated, edit);
  }
  if (!deepEqual(simulated, after)) {
    events.push({ type: 'WorkflowDefinitionReplaced', data: { definition: after, changes: summarizeChanges(diffDefinitions(simulated, after)) } });
  }
  return events;
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
      case 'ActivateWorkflow': {
        requireLive(state);
        const published = command.publish ? publishEvents(state, command.publish) : [];
        return state.active ? published : [...published, { type: 'WorkflowActivated', data: {} }];
      }
      case 'PublishWorkflow':
        requireLive(state);
        return publishEvents(state, command.publish);
      case 'DeactivateWorkflow':
        requireLive(state);
        return state.active ? [{ type: 'WorkflowDeactivated', data: {} }] : [];
      case 'FailActivation':
        requireLive(state);
        return [
          ...(state.active ? [{ type: 'WorkflowDeactivated' as const, data: {} }] : []),
          { type: 'WorkflowActivationFailed', data: { reason: command.reason } },
        ];
      case 'TagWorkflow':
        requireLive(state);
        return tagEvents(state, command.tags);
      case 'ApplyEdits': {
        requireLive(state);
        const problems = structuralProblems(command.definition);
        if (problems.length > 0) throw new ValidationError('The edited workflow is not valid', problems);
        return editEvents(state.definition, command.definition, command.authors, command.attribution);
      }
      case 'RestoreWorkflowVersion': {
        requireLive(state);
        const changes = summarizeChanges(diffDefinitions(state.definition, command.definition));
        return [{ type: 'WorkflowVersionRestored', data: { revision: command.revision, definition: command.definition, changes } }];
      }
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
      case 'WorkflowVersionRestored':
        return { ...state, definition: event.data.definition };
      case 'WorkflowDeleted':
        return { ...state, deleted: true, active: false };
      case 'WorkflowRestoredFromDeletion':
        return { ...state, deleted: false };
      case 'WorkflowActivated':
        return { ...state, active: true };
      case 'WorkflowPublished':
        return { ...state, published: event.data.definition };
      case 'WorkflowDeactivated':
        return { ...state, active: false };
      case 'WorkflowTagged':
        return { ...state, tags: event.data.tags };
      case 'WorkflowShared':
      case 'WorkflowUnshared':
        return { ...state, sharedWith: withSharing(state.sharedWith, event.data.workspaceId, event.type === 'WorkflowShared') };
      default:
        if (state.definition && (WORKFLOW_EDIT_EVENT_TYPES as readonly string[]).includes(event.type)) {
          return { ...state, definition: applyEdit(state.definition, event as WorkflowEditEvent) };
        }
        return state;
    }
  },
};
