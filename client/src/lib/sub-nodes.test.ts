// AI sub-nodes on the canvas: typed handles and edges from an n8n AI workflow (to-flow), which
// handles may join, what a new connection replaces, the AI palette group and sub-nodes' run states.
import { describe, expect, it } from 'vitest';
import { applyDefinitionToDoc, definitionToDoc, docToDefinition } from '../../../collab/index.ts';
import { connectionLink, edgeLink, toFlow } from '../canvas/to-flow.ts';
import { createCatalog } from './node-catalog.ts';
import { activeSubNodeInputs, isSubNode, linksReplacedBy, paletteGroups, subNodeLinkFor, subNodeRunStates } from './sub-nodes.ts';
import type { NodeTypeCatalog, NodeTypeDescription, WorkflowDefinition } from './types.ts';
import { connect, disconnect, links } from './workflow-model.ts';

const AI = '@n8n/n8n-nodes-langchain';

const describeType = (d: Partial<NodeTypeDescription> & { name: string; subNodeInputs?: unknown[] }): NodeTypeDescription =>
  ({ displayName: d.name, group: ['transform'], version: [1], description: '', defaults: { name: d.name }, inputs: [], outputs: [], properties: [], category: 'integration', ...d }) as NodeTypeDescription;

const types: NodeTypeDescription[] = [
  describeType({ name: 'n8n-nodes-base.manualTrigger', displayName: 'Manual Trigger', group: ['trigger'], outputs: ['main'], triggerKind: 'trigger' }),
  describeType({
    name: `${AI}.agent`, displayName: 'AI Agent', version: [1.7], inputs: ['main'], outputs: ['main'],
    properties: [{ displayName: 'Require Specific Output Format', name: 'hasOutputParser', type: 'boolean', default: false }],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1 },
      { type: 'ai_memory', displayName: 'Memory', maxConnections: 1 },
      { type: 'ai_tool', displayName: 'Tool' },
      { type: 'ai_outputParser', displayName: 'Output Parser', maxConnections: 1, displayOptions: { show: { hasOutputParser: [true] } } },
    ],
  }),
  describeType({ name: `${AI}.lmChatOpenAi`, displayName: 'OpenAI Chat Model', version: [1.2], outputs: ['ai_languageModel'] }),
  describeType({ name: `${AI}.memoryBufferWindow`, displayName: 'Simple Memory', version: [1.3], outputs: ['ai_memory'] }),
  describeType({ name: `${AI}.toolCalculator`, displayName: 'Calculator', outputs: ['ai_tool'] }),
  describeType({ name: `${AI}.chatTrigger`, displayName: 'When chat message received', group: ['trigger'], outputs: ['main'], triggerKind: 'webhook' }),
];
const raw: NodeTypeCatalog = {
  groups: [
    { name: 'trigger', label: 'Triggers', types: ['n8n-nodes-base.manualTrigger', `${AI}.chatTrigger`] },
    { name: 'integration', label: 'Integrations', types: [`${AI}.toolCalculator`, `${AI}.memoryBufferWindow`, `${AI}.agent`, `${AI}.lmChatOpenAi`] },
  ],
  types,
};
const catalog = createCatalog(raw);

const workflow = (): WorkflowDefinition => ({
  name: 'agent',
  nodes: [
    { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'a', name: 'AI Agent', type: `${AI}.agent`, typeVersion: 1.7, position: [200, 0], parameters: {} },
    { id: 'm', name: 'OpenAI Chat Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [100, 200], parameters: {} },
    { id: 'k', name: 'Simple Memory', type: `${AI}.memoryBufferWindow`, typeVersion: 1.3, position: [220, 200], parameters: {} },
    { id: 'c', name: 'Calculator', type: `${AI}.toolCalculator`, typeVersion: 1, position: [340, 200], parameters: {} },
  ],
  connections: {
    Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
    'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
    'Simple Memory': { ai_memory: [[{ node: 'AI Agent', type: 'ai_memory', index: 0 }]] },
    Calculator: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
  },
  settings: {},
}) as WorkflowDefinition;

describe('AI sub-nodes on the canvas', () => {
  it('draws a root node with its shown sub-node inputs under it, required ones marked', () => {
    const { nodes } = toFlow(workflow(), catalog, []);
    const agent = nodes.find((n) => n.data.name === 'AI Agent')!.data;
    expect(agent.subNode).toBe(false);
    expect(agent.inputs).toEqual(['']);
    expect(agent.subInputs.map((s) => [s.label, s.required, s.handle])).toEqual([
      ['Chat Model', true, 'in-ai_languageModel-0'], ['Memory', false, 'in-ai_memory-0'], ['Tool', false, 'in-ai_tool-0'],
    ]);
    // The Output Parser input appears once the agent is asked for a specific output format.
    const withParser = workflow();
    withParser.nodes[1]!.parameters = { hasOutputParser: true };
    expect(toFlow(withParser, catalog, []).nodes[1]!.data.subInputs.map((s) => s.type)).toContain('ai_outputParser');
  });

  it('draws sub-nodes round with their typed output on top and no main handle, and never as triggers', () => {
    const model = toFlow(workflow(), catalog, []).nodes.find((n) => n.data.name === 'OpenAI Chat Model')!.data;
    expect(model).toMatchObject({ subNode: true, trigger: false, inputs: [], outputs: [], subInputs: [] });
    expect(model.subOutputs).toEqual([{ type: 'ai_languageModel', index: 0, handle: 'out-ai_languageModel-0' }]);
    expect(isSubNode(catalog.describe(`${AI}.agent`, 1.7))).toBe(false);
  });

  it('draws typed connections between the matching handles, and parses their edges back', () => {
    const { edges } = toFlow(workflow(), catalog, []);
    const typed = edges.filter((e) => e.data?.type !== 'main');
    expect(typed.map((e) => [e.sourceHandle, e.targetHandle, e.class])).toEqual([
      ['out-ai_languageModel-0', 'in-ai_languageModel-0', 'typed type-ai_languageModel'],
      ['out-ai_memory-0', 'in-ai_memory-0', 'typed type-ai_memory'],
      ['out-ai_tool-0', 'in-ai_tool-0', 'typed type-ai_tool'],
    ]);
    expect(edges.map(edgeLink)).toEqual(links(workflow().connections));
    // Deleting an edge removes exactly that connection from n8n's JSON.
    const cut = disconnect(workflow(), [edgeLink(typed[1]!)!]);
    expect(cut.connections['Simple Memory']).toBeUndefined();
    expect(cut.connections.Calculator).toEqual(workflow().connections.Calculator);
  });

  it('leaves out a typed connection into an input the root hides', () => {
    const def = workflow();
    def.connections['Calculator'] = { ai_outputParser: [[{ node: 'AI Agent', type: 'ai_outputParser', index: 0 }]] } as never;
    expect(toFlow(def, catalog, []).edges.some((e) => e.data?.type === 'ai_outputParser')).toBe(false);
  });

  it('joins only handles of one type, in n8n terms', () => {
    expect(connectionLink('Calculator', 'AI Agent', 'out-ai_tool-0', 'in-ai_tool-0')).toEqual({ from: 'Calculator', output: 0, to: 'AI Agent', input: 0, type: 'ai_tool' });
    expect(connectionLink('Calculator', 'AI Agent', 'out-ai_tool-0', 'in-ai_memory-0')).toBeUndefined();
    expect(connectionLink('Calculator', 'AI Agent', 'out-ai_tool-0', 'in-0')).toBeUndefined();
    expect(connectionLink('Start', 'AI Agent', 'out-0', 'in-0')).toEqual({ from: 'Start', output: 0, to: 'AI Agent', input: 0, type: 'main' });
  });

  it('replaces the chat model of an input that takes one, and keeps adding tools', () => {
    const def = { ...workflow(), nodes: [...workflow().nodes, { id: 'm2', name: 'Other Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [0, 200], parameters: {} }] } as WorkflowDefinition;
    const model = { from: 'Other Model', output: 0, to: 'AI Agent', input: 0, type: 'ai_languageModel' };
    const replaced = linksReplacedBy(def, model, catalog);
    expect(replaced).toEqual([{ from: 'OpenAI Chat Model', output: 0, to: 'AI Agent', input: 0, type: 'ai_languageModel' }]);
    const next = connect(disconnect(def, replaced), model);
    expect(next.connections['Other Model']).toEqual({ ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] });
    expect(next.connections['OpenAI Chat Model']).toBeUndefined();
    expect(linksReplacedBy(def, { from: 'Other Model', output: 0, to: 'AI Agent', input: 0, type: 'ai_tool' }, catalog)).toEqual([]);
    expect(linksReplacedBy(def, { from: 'Start', output: 0, to: 'AI Agent', input: 0, type: 'main' }, catalog)).toEqual([]);
  });

  it('wires a sub-node added with its root selected into the matching input, and nothing else', () => {
    const agent = workflow().nodes[1]!;
    const describeNewest = (t: string) => catalog.newest(`${AI}.${t}`)!;
    expect(subNodeLinkFor(agent, catalog.describe(agent.type, agent.typeVersion), describeNewest('toolCalculator'), 'Calculator1'))
      .toEqual({ from: 'Calculator1', output: 0, to: 'AI Agent', input: 0, type: 'ai_tool' });
    // No Output Parser input is shown, and a trigger is no sub-node.
    const parser = describeType({ name: `${AI}.outputParserStructured`, outputs: ['ai_outputParser'] });
    expect(subNodeLinkFor(agent, catalog.describe(agent.type, agent.typeVersion), parser, 'Parser')).toBeUndefined();
    expect(subNodeLinkFor(agent, catalog.describe(agent.type, agent.typeVersion), describeNewest('chatTrigger'), 'Chat')).toBeUndefined();
  });

  it('keeps typed connections in n8n\'s shape through the shared document', () => {
    const def = { ...workflow(), nodes: [...workflow().nodes, { id: 'm2', name: 'Other Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [0, 200], parameters: {} }] } as WorkflowDefinition;
    const doc = definitionToDoc(def);
    expect(docToDefinition(doc).connections).toEqual(def.connections);
    const model = { from: 'Other Model', output: 0, to: 'AI Agent', input: 0, type: 'ai_languageModel' };
    const edited = connect(disconnect(def, linksReplacedBy(def, model, catalog)), model);
    applyDefinitionToDoc(doc, edited);
    const back = docToDefinition(doc).connections;
    expect(back['Other Model']).toEqual({ ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] });
    expect(back['OpenAI Chat Model']).toBeUndefined();
    expect(toFlow({ ...edited, connections: back }, catalog, []).edges.filter((e) => e.data?.type === 'ai_languageModel').map((e) => e.source)).toEqual(['m2']);
  });

  it('lists n8n AI nodes in an AI group after the triggers, root nodes first', () => {
    const groups = paletteGroups(raw, (t) => catalog.newest(t));
    expect(groups.map((g) => g.name)).toEqual(['trigger', 'ai', 'integration']);
    expect(groups[1]!.types).toEqual([`${AI}.agent`, `${AI}.lmChatOpenAi`, `${AI}.memoryBufferWindow`, `${AI}.toolCalculator`]);
    expect(groups[0]!.types).toContain(`${AI}.chatTrigger`);
    expect(groups[2]!.types).toEqual([]);
  });

  it('numbers the shown inputs of one type, as n8n numbers its connections for this version and these parameters', () => {
    const v1 = [1.7];
    const agent = describeType({
      name: `${AI}.agent`, version: [1.7, 2], properties: [{ displayName: 'Fallback', name: 'needsFallback', type: 'boolean', default: false }],
      subNodeInputs: [
        { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1, displayOptions: { show: { '@version': v1 } } },
        { type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1, displayOptions: { hide: { '@version': v1 } } },
        { type: 'ai_languageModel', displayName: 'Fallback Model', maxConnections: 1, displayOptions: { show: { needsFallback: [true] } } },
        { type: 'ai_tool', displayName: 'Tool' },
      ],
    });
    const slots = (typeVersion: number, parameters: Record<string, unknown>) => activeSubNodeInputs({ parameters, typeVersion }, agent).map((s) => `${s.label}:${s.index}`);
    expect(slots(1.7, {})).toEqual(['Model:0', 'Tool:0']);
    expect(slots(2, {})).toEqual(['Chat Model:0', 'Tool:0']);
    expect(slots(2, { needsFallback: true })).toEqual(['Chat Model:0', 'Fallback Model:1', 'Tool:0']);
  });

  it('shows how often each sub-node was used in a finished run', () => {
    const use = (i: number) => ({ executionIndex: i, startTime: i, executionStatus: 'success', data: { ai_languageModel: [[{ json: {} }]] } });
    const runData = {
      Start: [{ executionIndex: 0, executionStatus: 'success', data: { main: [[{ json: {} }]] } }],
      'OpenAI Chat Model': [use(2), use(4)],
      Calculator: [{ executionIndex: 3, executionStatus: 'error', error: { message: 'bad expression' } }],
      'AI Agent': [{ executionIndex: 1, executionStatus: 'success', data: { main: [[{ json: {} }]] } }],
    };
    const states = subNodeRunStates(runData as never, workflow(), catalog);
    expect(Object.keys(states).sort()).toEqual(['Calculator', 'OpenAI Chat Model']);
    expect(states['OpenAI Chat Model']).toMatchObject({ status: 'success', runs: 2 });
    expect(states.Calculator).toMatchObject({ status: 'error', runs: 1, error: 'bad expression' });
  });
});
