import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { NodeType, SupplyDataContext } from '../node-sdk.ts';
import { recordedSubNodeCalls } from './sub-nodes.ts';
import { run, testNodeTypes, workflow } from './test-support.ts';

type Model = (prompt: string) => Promise<string>;

const base = { group: ['transform'], version: [1], description: '', properties: [] };

// A root node in the shape of a chain: one required model, any number of tools.
const root: NodeType = {
  description: {
    ...base, name: 'test.chain', displayName: 'Chain', defaults: { name: 'Chain' }, inputs: ['main'], outputs: ['main'],
    properties: [{ name: 'useTools', displayName: 'Use Tools', type: 'boolean', default: true }],
    subNodeInputs: [
      { type: 'ai_languageModel', displayName: 'Chat Model', required: true, maxConnections: 1 },
      { type: 'ai_tool', displayName: 'Tool', displayOptions: { show: { useTools: [true] } } },
    ],
  },
  async execute(ctx) {
    const out = [];
    for (const [i, item] of ctx.getInputData().entries()) {
      const model = (await ctx.getInputConnectionData('ai_languageModel', i)) as Model;
      const tools = ctx.getNodeParameter('useTools', i) ? ((await ctx.getInputConnectionData('ai_tool', i)) as string[]) : [];
      out.push({ json: { answer: await model(String(item.json.q)), tools } });
    }
    return [out];
  },
};

const closed: string[] = [];
const model: NodeType = {
  description: { ...base, name: 'test.model', displayName: 'Model', defaults: { name: 'Model' }, inputs: [], outputs: ['ai_languageModel'],
    properties: [{ name: 'prefix', displayName: 'Prefix', type: 'string', default: '' }] },
  async supplyData(ctx: SupplyDataContext, itemIndex) {
    const prefix = ctx.getNodeParameter('prefix', itemIndex) as string;
    const call: Model = async (prompt) => {
      const use = ctx.startCall('ai_languageModel', { messages: [prompt] });
      if (prompt === 'boom') {
        await use.fail(new Error('The model refused'));
        throw new Error('The model refused');
      }
      const answer = `${prefix}${prompt}`;
      await use.end({ response: answer }, { model: 'm1', promptTokens: 3, completionTokens: 2, totalTokens: 5 });
      return answer;
    };
    return { response: call, closeFunction: async () => void closed.push(ctx.rootNode.name) };
  },
};
const tool = (name: string): NodeType => ({
  description: { ...base, name, displayName: name, defaults: { name }, inputs: [], outputs: ['ai_tool'] },
  async supplyData(ctx) {
    return { response: ctx.node.name };
  },
});

const types: Record<string, NodeType> = { ...testNodeTypes(), 'test.chain': root, 'test.model': model, 'test.toolA': tool('test.toolA'), 'test.toolB': tool('test.toolB') };
const nodeTypes = (type: string) => types[type];

function chainWorkflow(subNodes: Array<[name: string, type: string, connection: string, extra?: object]>): WorkflowDefinition {
  const def = workflow([['Start', 'test.schedule'], ['Chain', 'test.chain'], ...subNodes.map(([name, type, , extra]) => [name, type, [0, 0], extra ?? {}] as never)], [['Start', 'Chain']]);
  for (const [name, , connection] of subNodes) def.connections[name] = { [connection]: [[{ node: 'Chain', type: connection, index: 0 }]] };
  return def;
}

describe('sub-nodes (n8n supplyData / getInputConnectionData)', () => {
  it('hands the root its connected model and tools, and records each model call as a run of the sub-node', async () => {
    closed.length = 0;
    const def = chainWorkflow([['Model', 'test.model', 'ai_languageModel', { parameters: { prefix: 'A:' } }], ['Tool 1', 'test.toolA', 'ai_tool'], ['Tool 2', 'test.toolB', 'ai_tool'], ['Off', 'test.toolB', 'ai_tool', { disabled: true }]]);
    def.nodes[0].parameters = {};
    const t = await run(def, { nodeTypes, mode: 'trigger', triggerItems: [{ json: { q: 'hi' } }, { json: { q: 'yo' } }] });
    expect(t.result.status).toBe('success');
    expect(t.json('Chain')).toEqual([[{ answer: 'A:hi', tools: ['Tool 1', 'Tool 2'] }, { answer: 'A:yo', tools: ['Tool 1', 'Tool 2'] }]]);
    const calls = t.result.data.resultData.runData.Model;
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      executionStatus: 'success', source: [{ previousNode: 'Chain' }],
      data: { ai_languageModel: [[{ json: { response: 'A:yo' } }]] },
      inputOverride: { ai_languageModel: [[{ json: { messages: ['yo'] } }]] },
      aiUsage: { model: 'm1', totalTokens: 5 },
    });
    // The sub-node's calls happen inside the root's run: never the last node, and live events show them.
    expect(t.result.data.resultData.lastNodeExecuted).toBe('Chain');
    expect(t.events.filter((e) => e.type === 'SubNodeCallStarted').map((e) => e.data)).toMatchObject([{ node: 'Model', runIndex: 0, rootNode: 'Chain' }, { node: 'Model', runIndex: 1 }]);
    expect(closed).toEqual(['Chain', 'Chain']);
  });

  it('resolves a sub-node parameter against the root node input item', async () => {
    const def = chainWorkflow([['Model', 'test.model', 'ai_languageModel', { parameters: { prefix: '={{ $json.q }}' } }]]);
    const t = await run(def, { nodeTypes, mode: 'trigger', triggerItems: [{ json: { q: 'x' } }], evaluator: { resolve: (v, ctx) => (v === '={{ $json.q }}' ? `${ctx.inputItems[0][ctx.itemIndex].json.q}>` : v) } });
    expect(t.json('Chain')).toEqual([[{ answer: 'x>x', tools: [] }]]);
  });

  it('fails the root with n8n\'s message when a required sub-node is missing', async () => {
    const t = await run(chainWorkflow([]), { nodeTypes, mode: 'trigger' });
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.error).toMatchObject({ message: 'A Chat Model sub-node must be connected and enabled', node: 'Chain' });
  });

  it('records a failed model call on the sub-node and fails the root', async () => {
    const t = await run(chainWorkflow([['Model', 'test.model', 'ai_languageModel']]), { nodeTypes, mode: 'trigger', triggerItems: [{ json: { q: 'boom' } }] });
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.runData.Model[0]).toMatchObject({ executionStatus: 'error', error: { message: 'The model refused' } });
    expect(t.result.data.resultData.error?.message).toBe('The model refused');
  });

  it('gives an optional single input undefined and a list input [] when nothing is connected; maxConnections add up as in n8n', async () => {
    const seen: unknown[] = [];
    const probe: NodeType = {
      description: { ...base, name: 'test.probe', displayName: 'Probe', defaults: { name: 'Probe' }, inputs: ['main'], outputs: ['main'],
        subNodeInputs: [{ type: 'ai_reranker', displayName: 'Reranker', maxConnections: 1 }, { type: 'ai_memory', displayName: 'M', maxConnections: 1 }, { type: 'ai_memory', displayName: 'M2', maxConnections: 1 }] },
      async execute(ctx) {
        seen.push(await ctx.getInputConnectionData('ai_reranker', 0), await ctx.getInputConnectionData('ai_memory', 0));
        await ctx.getInputConnectionData('ai_tool', 0);
        return [ctx.getInputData()];
      },
    };
    const def = workflow([['Start', 'test.schedule'], ['Probe', 'test.probe']], [['Start', 'Probe']]);
    const t = await run(def, { nodeTypes: (type) => (type === 'test.probe' ? probe : types[type]), mode: 'trigger' });
    expect(seen).toEqual([undefined, []]);
    expect(t.result.data.resultData.error).toMatchObject({ message: 'Node does not have input of type', node: 'Probe' });
  });

  it('gives a re-run the answers an earlier run recorded for the same input, once each', async () => {
    let calls = 0;
    const reuses: boolean[] = [];
    const counting: NodeType = {
      description: model.description,
      async supplyData(ctx: SupplyDataContext) {
        const answer: Model = async (prompt) => {
          const input = { messages: [prompt] };
          const use = ctx.startCall('ai_languageModel', input);
          const recorded = ctx.recordedAnswer('ai_languageModel', input);
          const response = recorded ? String(recorded.response) : `call ${++calls}: ${prompt}`;
          await use.end({ response }, recorded ? { totalTokens: 0 } : { totalTokens: 5 });
          return response;
        };
        reuses.push(ctx.reusesRecordedAnswers);
        return { response: answer };
      },
    };
    const nodeTypes = (type: string) => (type === 'test.model' ? counting : types[type]);
    const def = chainWorkflow([['Model', 'test.model', 'ai_languageModel']]);
    const items = [{ json: { q: 'a' } }, { json: { q: 'b' } }];
    const first = await run(def, { nodeTypes, mode: 'trigger', triggerItems: items });
    expect(first.json('Chain')).toEqual([[{ answer: 'call 1: a', tools: [] }, { answer: 'call 2: b', tools: [] }]]);
    const recorded = recordedSubNodeCalls(first.events);
    expect(recorded).toEqual([
      { node: 'Model', connectionType: 'ai_languageModel', input: { messages: ['a'] }, output: { response: 'call 1: a' } },
      { node: 'Model', connectionType: 'ai_languageModel', input: { messages: ['b'] }, output: { response: 'call 2: b' } },
    ]);
    // Same inputs plus a new one: the recorded answers come back, the new one is asked for.
    const again = await run(def, { nodeTypes, mode: 'trigger', triggerItems: [...items, { json: { q: 'a' } }], recordedCalls: recorded });
    expect(again.json('Chain')).toEqual([[{ answer: 'call 1: a', tools: [] }, { answer: 'call 2: b', tools: [] }, { answer: 'call 3: a', tools: [] }]]);
    expect(calls).toBe(3);
    expect(reuses).toEqual([false, false, true, true, true]);
  });

  it('reads only inputs that the node parameters show', async () => {
    const def = chainWorkflow([['Model', 'test.model', 'ai_languageModel'], ['Tool 1', 'test.toolA', 'ai_tool']]);
    def.nodes[1].parameters = { useTools: false };
    const t = await run(def, { nodeTypes, mode: 'trigger', triggerItems: [{ json: { q: 'q' } }] });
    expect(t.json('Chain')).toEqual([[{ answer: 'q', tools: [] }]]);
  });
});
