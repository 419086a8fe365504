import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { parseWorkflowDefinition } from './workflow-definition.ts';
import { diffDefinitions } from './workflow-diff.ts';

const node = (name: string, extra: Record<string, unknown> = {}) => ({
  name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {}, ...extra,
});

function problems(input: unknown): { path?: string; message: string }[] {
  try {
    parseWorkflowDefinition(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
}

describe('workflow definition', () => {
  it('keeps every field of an n8n export, including ones it does not know', () => {
    const input = {
      name: 'W', nodes: [node('A', { id: 'x1', webhookId: 'w', notesInFlow: true, someFutureField: { a: 1 } })],
      connections: {}, settings: { executionOrder: 'v1', timezone: 'Europe/Berlin', saveManualExecutions: true },
      pinData: { A: [{ json: { a: 1 } }] }, staticData: null, meta: { instanceId: 'abc' },
    };
    const parsed = parseWorkflowDefinition({ ...input, id: 'server-field', active: true, versionId: 'v' });
    expect(parsed).toEqual(input);
  });

  it('gives nodes without an id a fresh one', () => {
    const parsed = parseWorkflowDefinition({ name: 'W', nodes: [node('A'), node('B')], connections: {} });
    expect(parsed.nodes[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.nodes[0].id).not.toBe(parsed.nodes[1].id);
  });

  it('rejects duplicate node names, dangling connections and bad output indexes', () => {
    expect(problems({ name: 'W', nodes: [node('A'), node('A')], connections: {} })).toEqual([
      { path: 'nodes.1.name', message: "Duplicate node name 'A'" },
    ]);
    expect(problems({ name: 'W', nodes: [node('A')], connections: { A: { main: [[{ node: 'Ghost', type: 'main', index: 0 }]] } } })).toEqual([
      { path: 'connections.A.main.0.0.node', message: "Connection from 'A' to unknown node 'Ghost'" },
    ]);
    expect(problems({ name: 'W', nodes: [node('A')], connections: { Ghost: { main: [] } } })[0].message).toMatch(/unknown node 'Ghost'/);
    expect(problems({ name: 'W', nodes: [node('A'), node('B')], connections: { A: { main: [[{ node: 'B', type: 'main', index: -1 }]] } } })[0].path).toBe('connections.A.main.0.0.index');
  });

  it('names the path of every wrong type', () => {
    const found = problems({ name: '', nodes: [{ name: 'A', type: 3, typeVersion: 'x', position: [0] }] });
    expect(found.map((p) => p.path).sort()).toEqual(['name', 'nodes.0.position', 'nodes.0.type', 'nodes.0.typeVersion']);
    expect(problems([])).toEqual([]);
    expect(() => parseWorkflowDefinition('nope')).toThrow(ValidationError);
  });

  it('diffs nodes field by field and connections edge by edge', () => {
    const a = parseWorkflowDefinition({ name: 'W', nodes: [node('A', { id: '1' }), node('B', { id: '2' })], connections: { A: { main: [[{ node: 'B', type: 'main', index: 0 }]] } } });
    const b = parseWorkflowDefinition({ name: 'W2', nodes: [node('A', { id: '1', parameters: { x: { y: 2 } } }), node('C', { id: '3' })], connections: { A: { main: [[{ node: 'C', type: 'main', index: 0 }]] } } });
    const diff = diffDefinitions(a, b);
    expect(diff.nodesAdded).toEqual(['C']);
    expect(diff.nodesRemoved).toEqual(['B']);
    expect(diff.nodesModified).toEqual([{ name: 'A', changes: [{ path: 'parameters.x', before: undefined, after: { y: 2 } }] }]);
    expect(diff.connectionsAdded).toEqual([{ from: 'A', type: 'main', output: 0, to: 'C', input: 0 }]);
    expect(diff.connectionsRemoved).toEqual([{ from: 'A', type: 'main', output: 0, to: 'B', input: 0 }]);
    expect(diff.fieldsChanged).toEqual([{ path: 'name', before: 'W', after: 'W2' }]);
  });
});
