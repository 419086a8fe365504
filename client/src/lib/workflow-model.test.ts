// The editor's pure parts: definition edits, n8n clipboard JSON, display conditions and outputs.
import { describe, expect, it } from 'vitest';
import { copySelection, preparePaste } from './clipboard.ts';
import { createCatalog, isShown, newNodeExtras, outputsOf, waitsForCall, withDefaults } from './node-catalog.ts';
import type { NodeProperty, NodeTypeDescription, WorkflowDefinition } from './types.ts';
import { connect, freeSpot, links, removeNodes, renameNode, uniqueName } from './workflow-model.ts';

const def = (): WorkflowDefinition => ({
  name: 'w',
  nodes: [
    { id: 'a', name: 'A', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'b', name: 'B', type: 'n8n-nodes-base.if', typeVersion: 2, position: [200, 0], parameters: {} },
    { id: 'c', name: 'C', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
  ],
  connections: { A: { main: [[{ node: 'B', type: 'main', index: 0 }]] }, B: { main: [[], [{ node: 'C', type: 'main', index: 0 }]] } },
  settings: {},
}) as WorkflowDefinition;

describe('definition edits', () => {
  it('renames a node and every connection naming it', () => {
    const next = renameNode(def(), 'B', 'Check');
    expect(next.nodes.map((n) => n.name)).toEqual(['A', 'Check', 'C']);
    expect(links(next.connections)).toEqual([
      { from: 'A', output: 0, to: 'Check', input: 0, type: 'main' },
      { from: 'Check', output: 1, to: 'C', input: 0, type: 'main' },
    ]);
  });

  it('removes nodes with their connections, and connects once', () => {
    const next = removeNodes(def(), new Set(['B']));
    expect(next.nodes.map((n) => n.name)).toEqual(['A', 'C']);
    expect(links(next.connections)).toEqual([]);
    const link = { from: 'A', output: 0, to: 'C', input: 0, type: 'main' };
    expect(links(connect(connect(next, link), link).connections)).toEqual([link]);
  });

  it('names and places new nodes like n8n', () => {
    expect(uniqueName('Edit Fields', ['Edit Fields', 'Edit Fields1'])).toBe('Edit Fields2');
    expect(freeSpot(def(), { x: 205, y: 3 })).toEqual([200, 160]);
  });
});

describe('clipboard as n8n JSON', () => {
  it('copies the selection with the connections inside it, and pastes it with fresh names and ids', () => {
    const text = copySelection(def(), new Set(['B', 'C']));
    expect(JSON.parse(text).connections).toEqual({ B: { main: [[], [{ node: 'C', type: 'main', index: 0 }]] } });
    const pasted = preparePaste(text, def(), { x: 1000, y: 500 })!;
    expect(pasted.nodes.map((n) => n.name)).toEqual(['B1', 'C1']);
    expect(pasted.nodes[0]!.position).toEqual([1000, 500]);
    expect(pasted.nodes.every((n) => n.id !== 'b' && n.id !== 'c')).toBe(true);
    expect(pasted.links).toEqual([{ from: 'B1', output: 1, to: 'C1', input: 0, type: 'main' }]);
    expect(preparePaste('not json', def(), undefined)).toBeUndefined();
  });

  it('pastes beside what is there: a paste at the same spot, twice, lands on no node', () => {
    const text = copySelection(def(), new Set(['B']));
    const once = preparePaste(text, def(), { x: 200, y: 0 })!;
    expect(once.nodes[0]!.position).toEqual([240, 40]);
    const withFirst = { ...def(), nodes: [...def().nodes, ...once.nodes] };
    expect(preparePaste(text, withFirst, { x: 200, y: 0 })!.nodes[0]!.position).toEqual([280, 80]);
  });

  it('gives a pasted Webhook its own id, and its path when the path was the id', () => {
    const hook = { id: 'w', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: 'old-id', position: [0, 0], parameters: { path: 'old-id' } };
    const custom = { ...hook, id: 'w2', name: 'Custom', webhookId: 'other-id', parameters: { path: 'orders' } };
    const pasted = preparePaste(JSON.stringify({ nodes: [hook, custom], connections: {} }), def(), { x: 0, y: 400 })!;
    const [a, b] = pasted.nodes;
    expect(a!.webhookId).not.toBe('old-id');
    expect(a!.parameters.path).toBe(a!.webhookId);
    expect(b!.webhookId).not.toBe('other-id');
    expect(b!.parameters.path).toBe('orders');
  });

  it('pastes n8n clipboard JSON of any age as an import reads it', () => {
    const old = {
      nodes: [
        { name: 'Http', type: 'n8n-nodes-base.httpRequest', typeVersion: 1, position: [0, 0], parameters: {}, credentials: { httpBasicAuth: 'Basic creds' }, notes: null },
        { id: '', name: 'Tool', type: 'n8n-nodes-acme.unknownTool', typeVersion: 1, position: [200, 0], parameters: null },
      ],
      connections: { Http: { main: [[{ node: 'Tool', type: 'main', index: 0 }, { node: 'Gone', type: 'main', index: 0 }]] } },
      pinData: null,
    };
    const pasted = preparePaste(JSON.stringify(old), def(), undefined)!;
    expect(pasted.nodes[0]).toMatchObject({ name: 'Http', credentials: { httpBasicAuth: { id: null, name: 'Basic creds' } } });
    expect(pasted.nodes[0]).not.toHaveProperty('notes');
    expect(pasted.nodes[1]).toMatchObject({ name: 'Tool', type: 'n8n-nodes-acme.unknownTool', parameters: {} });
    expect(pasted.nodes.every((n) => typeof n.id === 'string' && n.id.length > 0)).toBe(true);
    expect(pasted.links).toEqual([{ from: 'Http', output: 0, to: 'Tool', input: 0, type: 'main' }]);
    expect(pasted.pinData).toEqual({});
  });
});

describe('node descriptions', () => {
  const mode: NodeProperty = { name: 'mode', displayName: 'Mode', type: 'options', default: 'simple', options: [{ name: 'Simple', value: 'simple' }, { name: 'Raw', value: 'raw' }] };
  const raw: NodeProperty = { name: 'json', displayName: 'JSON', type: 'json', default: '{}', displayOptions: { show: { mode: ['raw'] } } };
  const old: NodeProperty = { name: 'legacy', displayName: 'Legacy', type: 'string', default: '', displayOptions: { show: { '@version': [{ _cnd: { lt: 3 } }] } } };

  it('applies display conditions against the values with their defaults', () => {
    expect(isShown(raw, withDefaults([mode, raw], {}), 1)).toBe(false);
    expect(isShown(raw, withDefaults([mode, raw], { mode: 'raw' }), 1)).toBe(true);
    expect(isShown(old, {}, 2)).toBe(true);
    expect(isShown(old, {}, 3.4)).toBe(false);
  });

  it('labels outputs, counts Switch rules and adds the error output', () => {
    const ifType = { outputs: ['main', 'main'], outputNames: ['true', 'false'] } as NodeTypeDescription;
    const node = def().nodes[1]!;
    expect(outputsOf(node, ifType)).toEqual(['true', 'false']);
    expect(outputsOf({ ...node, onError: 'continueErrorOutput' }, ifType)).toEqual(['true', 'false', 'error']);
    const sw = { ...node, type: 'n8n-nodes-base.switch', typeVersion: 3.2, parameters: { rules: { values: [{}, {}] }, options: { fallbackOutput: 'extra' } } };
    expect(outputsOf(sw, { outputs: ['main'] } as NodeTypeDescription)).toEqual(['0', '1', '2']);
  });
});

describe('nodes that take calls', () => {
  const describe_ = (name: string, triggerKind?: string) => ({ name, displayName: name, version: [1], defaults: { name }, inputs: [], outputs: ['main'], properties: [], group: [], category: 'trigger', ...(triggerKind ? { triggerKind } : {}) });
  const catalog = createCatalog({ groups: [], types: [
    describe_('n8n-nodes-base.webhook', 'webhook'), describe_('n8n-nodes-base.scheduleTrigger', 'trigger'),
    describe_('n8n-nodes-base.manualTrigger'), describe_('n8n-nodes-base.noOp'),
  ] } as never);
  const node = (type: string, disabled = false) => ({ name: type, type, typeVersion: 1, position: [0, 0] as [number, number], parameters: {}, ...(disabled ? { disabled } : {}) });

  it('runs by waiting for a call only when nothing else can start the workflow', () => {
    expect(waitsForCall([node('n8n-nodes-base.webhook'), node('n8n-nodes-base.noOp')], catalog)).toBe(true);
    expect(waitsForCall([node('n8n-nodes-base.webhook'), node('n8n-nodes-base.manualTrigger')], catalog)).toBe(false);
    expect(waitsForCall([node('n8n-nodes-base.webhook'), node('n8n-nodes-base.scheduleTrigger')], catalog)).toBe(false);
    expect(waitsForCall([node('n8n-nodes-base.webhook'), node('n8n-nodes-base.manualTrigger', true)], catalog)).toBe(true);
    expect(waitsForCall([node('n8n-nodes-base.webhook', true)], catalog)).toBe(false);
  });

  it('gives a new Webhook a webhookId that is also its path, and other nodes none', () => {
    const hook = newNodeExtras('n8n-nodes-base.webhook', catalog.newest('n8n-nodes-base.webhook')!, { httpMethod: 'GET' });
    expect(hook.webhookId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook.parameters).toEqual({ httpMethod: 'GET', path: hook.webhookId });
    expect(newNodeExtras('n8n-nodes-base.noOp', catalog.newest('n8n-nodes-base.noOp')!, {})).toEqual({ parameters: {} });
  });
});
