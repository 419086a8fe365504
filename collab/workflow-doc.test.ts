import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ConflictError, deepEqual, editEvents, fold, parseWorkflowDefinition, ValidationError, workflowDecider, type WorkflowDefinition, type WorkflowEvent } from '../domain/index.ts';
import { applyDefinitionToDoc } from './apply-definition.ts';
import { addNode, connect, removeNode, renameNode, setNodeField, setParameter, setSetting } from './doc-edits.ts';
import { docProblems, normaliseDoc, repairDoc } from './repair.ts';
import { workflowDefinitionArbitrary } from './test-workflows.ts';
import { connectionsOf, definitionToDoc, docToDefinition } from './workflow-doc.ts';

/** Through the wire format too: what a second replica rebuilds from the encoded state. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function foldEdits(before: WorkflowDefinition, after: WorkflowDefinition): { definition: WorkflowDefinition; events: WorkflowEvent[] } {
  const created: WorkflowEvent = { type: 'WorkflowCreated', data: { definition: before, tags: [] } };
  const events = editEvents(before, after, ['u1']);
  return { definition: fold(workflowDecider, [created, ...events]).definition!, events };
}

describe('workflow document schema', () => {
  it('round-trips any valid definition losslessly, also through an encoded replica', () => {
    fc.assert(
      fc.property(workflowDefinitionArbitrary, (definition) => {
        const doc = definitionToDoc(definition);
        expect(docToDefinition(doc)).toEqual(definition);
        expect(docToDefinition(replica(doc))).toEqual(definition);
      }),
      { numRuns: 300 },
    );
  });

  it('applying a definition to a live document makes it equal that definition', () => {
    fc.assert(
      fc.property(workflowDefinitionArbitrary, workflowDefinitionArbitrary, (a, b) => {
        const doc = definitionToDoc(a);
        applyDefinitionToDoc(doc, b);
        expect(deepEqual(docToDefinition(doc), b)).toBe(true);
        expect(deepEqual(docToDefinition(replica(doc)), b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('fine-grained edit events fold into exactly the target definition', () => {
    fc.assert(
      fc.property(workflowDefinitionArbitrary, workflowDefinitionArbitrary, (a, b) => {
        expect(deepEqual(foldEdits(a, b).definition, b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const base = () => parseWorkflowDefinition({
  name: 'Orders',
  nodes: [
    { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'b', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'return items;', mode: 'runOnceForAllItems' } },
    { id: 'c', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [400, 0], parameters: { options: { dotNotation: true } } },
  ],
  connections: { Start: { main: [[{ node: 'Code', type: 'main', index: 0 }]] }, Code: { main: [[{ node: 'Set', type: 'main', index: 0 }], []] } },
  settings: { executionOrder: 'v1' },
});

describe('edits', () => {
  it('records one event per semantic change, carrying its authors', () => {
    const before = base();
    const after = structuredClone(before);
    after.nodes[1].position = [260, 40];
    after.nodes[1].name = 'Transform';
    after.connections = { Start: { main: [[{ node: 'Transform', type: 'main', index: 0 }]] }, Transform: { main: [[], []] } };
    after.nodes[2].parameters = { options: { dotNotation: false } };
    after.nodes[2].disabled = true;
    after.settings = { executionOrder: 'v0' };
    const { definition, events } = foldEdits(before, after);
    expect(definition).toEqual(after);
    expect(events.map((e) => e.type)).toEqual([
      'WorkflowConnectionRemoved', 'WorkflowNodeRenamed', 'WorkflowNodeMoved', 'WorkflowNodeDisabled', 'WorkflowNodeParameterChanged', 'WorkflowSettingsChanged',
    ]);
    expect(events[4].data).toEqual({ nodeId: 'c', name: 'Set', path: ['options', 'dotNotation'], before: true, after: false, authors: ['u1'] });
  });

  it('attributes each edit to the users who touched its entity', () => {
    const before = base();
    const after = structuredClone(before);
    after.nodes[0].position = [10, 10];
    after.nodes[2].position = [10, 10];
    const events = editEvents(before, after, ['u1', 'u2'], { 'node:a': ['u2'] });
    expect(events.map((e) => (e.data as { authors: string[] }).authors)).toEqual([['u2'], ['u1', 'u2']]);
  });

  it('a REST write applied to a live document keeps the edits in flight', () => {
    const committed = base();
    const doc = definitionToDoc(committed);
    // An editor is typing in the Code node and moved Set; neither is committed yet.
    setParameter(doc, 'b', ['mode'], 'runOnceForEachItem');
    renameNode(doc, 'c', 'Set fields');
    // Meanwhile a REST write changes Start's position and adds a node.
    const rest = structuredClone(committed);
    rest.nodes[0].position = [-100, 0];
    rest.nodes.push({ id: 'd', name: 'Later', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [600, 0], parameters: {} });
    applyDefinitionToDoc(doc, rest, committed);
    const now = docToDefinition(doc);
    expect(now.nodes.map((n) => n.name)).toEqual(['Start', 'Code', 'Set fields', 'Later']);
    expect(now.nodes[0].position).toEqual([-100, 0]);
    expect(now.nodes[1].parameters.mode).toBe('runOnceForEachItem');
    expect(now.connections.Code.main[0]).toEqual([{ node: 'Set fields', type: 'main', index: 0 }]);
  });

  it('merges concurrent typing in a code parameter', () => {
    const a = definitionToDoc(base());
    const b = replica(a);
    setParameter(a, 'b', ['jsCode'], '// first\nreturn items;');
    setParameter(b, 'b', ['jsCode'], 'return items; // last');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(docToDefinition(a).nodes[1].parameters.jsCode).toBe('// first\nreturn items; // last');
    expect(docToDefinition(b)).toEqual(docToDefinition(a));
  });
});

describe('the workflow aggregate', () => {
  const created: WorkflowEvent = { type: 'WorkflowCreated', data: { definition: base(), tags: [] } };

  it('ApplyEdits refuses an invalid definition and a deleted workflow, and records nothing for no change', () => {
    const state = fold(workflowDecider, [created]);
    const broken = structuredClone(base());
    broken.nodes[2].name = 'Code';
    expect(() => workflowDecider.decide({ type: 'ApplyEdits', definition: broken, authors: ['u1'] }, state)).toThrow(ValidationError);
    expect(workflowDecider.decide({ type: 'ApplyEdits', definition: base(), authors: ['u1'] }, state)).toEqual([]);
    const deleted = fold(workflowDecider, [created, { type: 'WorkflowDeleted', data: {} }]);
    expect(() => workflowDecider.decide({ type: 'ApplyEdits', definition: base(), authors: ['u1'] }, deleted)).toThrow(ConflictError);
  });

  it('a restore is one event carrying the restored definition and what it changed', () => {
    const later = structuredClone(base());
    later.nodes.pop();
    const state = fold(workflowDecider, [created, ...editEvents(base(), later, ['u1'])]);
    const [restore] = workflowDecider.decide({ type: 'RestoreWorkflowVersion', revision: 0, definition: base() }, state);
    expect(restore).toMatchObject({ type: 'WorkflowVersionRestored', data: { revision: 0, changes: { nodesAdded: ['Set'] } } });
    expect(workflowDecider.evolve(state, restore).definition).toEqual(base());
  });
});

describe('repairs', () => {
  it('removes a connection to a node deleted concurrently and renames a duplicate name', () => {
    const a = definitionToDoc(base());
    const b = replica(a);
    removeNode(a, 'c');
    connect(b, { from: 'a', to: 'c' });
    renameNode(b, 'b', 'Start');
    addNode(b, { id: 'e', name: 'Start', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(docProblems(a).map((p) => p.message).join()).toMatch(/Duplicate node name 'Start'/);
    const repairs = repairDoc(a);
    expect(repairs.map((r) => r.kind).sort()).toEqual(['dangling-connection-removed', 'duplicate-name-renamed', 'duplicate-name-renamed']);
    expect(docToDefinition(a).nodes.map((n) => n.name)).toEqual(['Start', 'Start 1', 'Start 2']);
    expect([...connectionsOf(a).keys()]).toHaveLength(1);
    expect(docProblems(a)).toEqual([]);
    expect(repairDoc(a)).toEqual([]);
  });

  it('normalises what an editor wrote in n8n\'s looser forms, in the document, keeping node keys', () => {
    const a = definitionToDoc(base());
    const b = replica(a);
    setNodeField(b, 'b', 'credentials', { httpBasicAuth: 'Basic creds' });
    setNodeField(b, 'b', 'notes', null);
    setSetting(b, 'errorWorkflow', null);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(docProblems(a).length).toBeGreaterThan(0);
    const keys = docToDefinition(a).nodes.map((n) => n.id);
    expect(normaliseDoc(a).map((c) => c.path).sort()).toEqual(['nodes.1.credentials.httpBasicAuth', 'nodes.1.notes', 'settings.errorWorkflow']);
    expect(docProblems(a)).toEqual([]);
    const after = docToDefinition(a);
    expect(after.nodes.map((n) => n.id)).toEqual(keys);
    expect(after.nodes[1]).toMatchObject({ credentials: { httpBasicAuth: { id: null, name: 'Basic creds' } } });
    expect(after.nodes[1]).not.toHaveProperty('notes');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(docToDefinition(b)).toEqual(after);
    expect(normaliseDoc(a)).toEqual([]);
  });
});
