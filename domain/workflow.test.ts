import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import { fold } from './decider.ts';
import { parseWorkflowDefinition, type WorkflowDefinition } from './workflow-definition.ts';
import { workflowDecider, type WorkflowCommand, type WorkflowEvent } from './workflow.ts';

const definition = (overrides: Partial<WorkflowDefinition> = {}): WorkflowDefinition =>
  parseWorkflowDefinition({
    name: 'Orders',
    nodes: [
      { id: 'n1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'n2', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'manual' } },
    ],
    connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
    ...overrides,
  });

/** given(events).when(command) → the events decided, or the error thrown. */
function given(events: WorkflowEvent[]) {
  return {
    when(command: WorkflowCommand) {
      return workflowDecider.decide(command, fold(workflowDecider, events));
    },
  };
}

const created: WorkflowEvent = { type: 'WorkflowCreated', data: { definition: definition(), tags: [] } };

describe('workflow decider', () => {
  it('creates a workflow once', () => {
    expect(given([]).when({ type: 'CreateWorkflow', workspaceId: 'w1', definition: definition(), tags: [' a ', 'a', ''] })).toEqual([
      { type: 'WorkflowCreated', data: { workspaceId: 'w1', definition: definition(), tags: ['a'] } },
    ]);
    expect(() => given([created]).when({ type: 'CreateWorkflow', workspaceId: 'w1', definition: definition() })).toThrow(ConflictError);
  });

  it('records a definition change with a summary of what changed, and nothing for no change', () => {
    const changed = definition();
    changed.nodes[1].parameters = { mode: 'raw' };
    changed.nodes[1].position = [300, 40];
    const [event] = given([created]).when({ type: 'UpdateWorkflow', definition: changed });
    expect(event.type).toBe('WorkflowDefinitionReplaced');
    expect(event.type === 'WorkflowDefinitionReplaced' && event.data.changes).toMatchObject({ nodesModified: ['Set'], nodesAdded: [], text: "changed 'Set'" });
    expect(given([created]).when({ type: 'UpdateWorkflow', definition: definition() })).toEqual([]);
  });

  it('updates definition and tags in one decision', () => {
    const events = given([created]).when({ type: 'UpdateWorkflow', definition: definition({ name: 'Orders 2' }), tags: ['x'] });
    expect(events.map((e) => e.type)).toEqual(['WorkflowDefinitionReplaced', 'WorkflowTagged']);
  });

  it('renames, activates, deactivates idempotently', () => {
    expect(given([created]).when({ type: 'RenameWorkflow', name: 'Orders' })).toEqual([]);
    expect(given([created]).when({ type: 'RenameWorkflow', name: ' New ' })).toEqual([{ type: 'WorkflowRenamed', data: { from: 'Orders', to: 'New' } }]);
    expect(() => given([created]).when({ type: 'RenameWorkflow', name: '  ' })).toThrow(ValidationError);
    expect(given([created]).when({ type: 'ActivateWorkflow' })).toEqual([{ type: 'WorkflowActivated', data: {} }]);
    expect(given([created, { type: 'WorkflowActivated', data: {} }]).when({ type: 'ActivateWorkflow' })).toEqual([]);
    expect(given([created]).when({ type: 'DeactivateWorkflow' })).toEqual([]);
  });

  it('deleting an active workflow deactivates it first; a deleted workflow refuses edits until restored', () => {
    const active: WorkflowEvent[] = [created, { type: 'WorkflowActivated', data: {} }];
    expect(given(active).when({ type: 'DeleteWorkflow' }).map((e) => e.type)).toEqual(['WorkflowDeactivated', 'WorkflowDeleted']);
    const deleted: WorkflowEvent[] = [created, { type: 'WorkflowDeleted', data: {} }];
    expect(() => given(deleted).when({ type: 'ActivateWorkflow' })).toThrow(ConflictError);
    expect(() => given(deleted).when({ type: 'DeleteWorkflow' })).toThrow(ConflictError);
    expect(given(deleted).when({ type: 'RestoreDeletedWorkflow' })).toEqual([{ type: 'WorkflowRestoredFromDeletion', data: {} }]);
    expect(() => given([created]).when({ type: 'RestoreDeletedWorkflow' })).toThrow(ConflictError);
  });

  it('shares with other workspaces explicitly, never with its own', () => {
    const inW1: WorkflowEvent = { type: 'WorkflowCreated', data: { workspaceId: 'w1', definition: definition(), tags: [] } };
    expect(given([inW1]).when({ type: 'ShareWorkflow', workspaceId: 'w2' })).toEqual([{ type: 'WorkflowShared', data: { workspaceId: 'w2' } }]);
    expect(given([inW1, { type: 'WorkflowShared', data: { workspaceId: 'w2' } }]).when({ type: 'ShareWorkflow', workspaceId: 'w2' })).toEqual([]);
    expect(() => given([inW1]).when({ type: 'ShareWorkflow', workspaceId: 'w1' })).toThrow(ConflictError);
    expect(given([inW1]).when({ type: 'UnshareWorkflow', workspaceId: 'w2' })).toEqual([]);
    // Events from before workspaces existed belong to the default workspace.
    expect(fold(workflowDecider, [created]).workspaceId).toBe('default');
  });

  it('refuses commands on a workflow that does not exist', () => {
    expect(() => given([]).when({ type: 'ActivateWorkflow' })).toThrow(NotFoundError);
  });

  it('tags: records what was added and removed', () => {
    const tagged: WorkflowEvent[] = [created, { type: 'WorkflowTagged', data: { tags: ['a', 'b'], added: ['a', 'b'], removed: [] } }];
    expect(given(tagged).when({ type: 'TagWorkflow', tags: ['b', 'c'] })).toEqual([
      { type: 'WorkflowTagged', data: { tags: ['b', 'c'], added: ['c'], removed: ['a'] } },
    ]);
    expect(() => given([created]).when({ type: 'TagWorkflow', tags: ['x'.repeat(65)] })).toThrow(ValidationError);
  });
});
