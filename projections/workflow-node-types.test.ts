// The node types the history projection keeps per workflow, so a parameter edit (which names only
// its node) can be told with the parameter's display name.
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../domain/index.ts';
import { nextNodeTypes, type NodeTypes } from './workflow-node-types.ts';

const event = (type: string, data: unknown) => ({ type, data }) as unknown as RecordedEvent;
const node = (name: string, type: string, id?: string) => ({ ...(id ? { id } : {}), name, type, typeVersion: 1, position: [0, 0], parameters: {} });

describe('nextNodeTypes', () => {
  it('follows nodes created, added, removed, renamed and retyped', () => {
    let types: NodeTypes = nextNodeTypes(event('WorkflowCreated', { definition: { nodes: [node('A', 'x.a', 'a1'), node('B', 'x.b')] } }), {})!;
    expect(types).toEqual({ a1: { type: 'x.a', typeVersion: 1 }, 'name:B': { type: 'x.b', typeVersion: 1 } });
    types = nextNodeTypes(event('WorkflowNodeAdded', { node: node('C', 'x.c', 'c1'), index: 2 }), types)!;
    types = nextNodeTypes(event('WorkflowNodeRemoved', { nodeId: 'a1', name: 'A' }), types)!;
    // A node without an id is keyed by its name, so a rename moves it.
    types = nextNodeTypes(event('WorkflowNodeRenamed', { nodeId: 'name:B', from: 'B', to: 'Bee' }), types)!;
    types = nextNodeTypes(event('WorkflowNodeFieldChanged', { nodeId: 'c1', name: 'C', field: 'typeVersion', before: 1, after: 2 }), types)!;
    expect(types).toEqual({ 'name:Bee': { type: 'x.b', typeVersion: 1 }, c1: { type: 'x.c', typeVersion: 2 } });
  });

  it('writes nothing for events that change no type', () => {
    expect(nextNodeTypes(event('WorkflowNodeMoved', { nodeId: 'c1', name: 'C', from: [0, 0], to: [1, 1] }), {})).toBeUndefined();
    expect(nextNodeTypes(event('WorkflowNodeRenamed', { nodeId: 'c1', from: 'C', to: 'D' }), { c1: { type: 'x.c', typeVersion: 1 } })).toBeUndefined();
  });
});
