// n8n's `…Tool` variants: a regular node (here Crypto) wired into a root node's tools, its
// `$fromAI()` placeholders filled by the model's arguments.
import { createHash } from 'node:crypto';
import type { StructuredToolInterface } from '@langchain/core/tools';
import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type NodeType } from '../engine/index.ts';
import type { WorkflowDefinition } from '../domain/index.ts';
import { getNodeType, isBuiltInType, loadNodeTypes, nodeDescription } from './registry.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose?.());

// A root node that calls each connected tool with the arguments given on its input item.
const root: NodeType = {
  description: {
    name: 'test.toolUser', displayName: 'Tool User', group: ['transform'], version: [1], description: '', defaults: { name: 'Tool User' },
    inputs: ['main'], outputs: ['main'], properties: [], subNodeInputs: [{ type: 'ai_tool', displayName: 'Tool' }],
  },
  async execute(ctx) {
    const tools = (await ctx.getInputConnectionData('ai_tool', 0)) as StructuredToolInterface[];
    const out = [];
    for (const tool of tools) {
      const schema = tool.schema as { shape?: Record<string, unknown> };
      out.push({ json: { name: tool.name, description: tool.description, keys: Object.keys(schema.shape ?? {}), answer: await tool.invoke(ctx.getInputData()[0].json.args as object) } });
    }
    return [out];
  },
};

function workflow(toolParameters: Record<string, unknown>): WorkflowDefinition {
  return {
    name: 'tools',
    nodes: [
      { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { name: 'Tool User', type: 'test.toolUser', typeVersion: 1, position: [200, 0], parameters: {} },
      { name: 'Hash it', type: 'n8n-nodes-base.cryptoTool', typeVersion: 1, position: [200, 200], parameters: toolParameters },
    ],
    connections: { Start: { main: [[{ node: 'Tool User', type: 'main', index: 0 }]] }, 'Hash it': { ai_tool: [[{ node: 'Tool User', type: 'ai_tool', index: 0 }]] } },
    pinData: { Start: [{ json: { args: { text: 'hello' } } }] },
    settings: { executionOrder: 'v1' },
  };
}

async function run(definition: WorkflowDefinition) {
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'w', executionId: 'e', mode: 'manual', evaluator, timezone: 'UTC',
    nodeTypes: (type, version) => (type === 'test.toolUser' ? root : getNodeType(type, version)),
    credentials: async () => ({}), runCode: async () => undefined, recorder: createMemoryRecorder(),
  });
}

describe('a regular node used as a tool', () => {
  it('is described as n8n describes its tool variant', () => {
    const description = nodeDescription('n8n-nodes-base.cryptoTool', 1)!;
    expect(description).toMatchObject({ name: 'n8n-nodes-base.cryptoTool', displayName: 'Crypto Tool', inputs: [], outputs: ['ai_tool'] });
    expect(description.properties.some((p) => p.name === 'toolDescription')).toBe(true);
    expect(isBuiltInType('n8n-nodes-base.cryptoTool')).toBe(true);
    expect(nodeDescription('n8n-nodes-base.manualTriggerTool', 1)).toBeUndefined();
  });

  it('runs the node with the model arguments in place of its $fromAI() placeholders and records the call', async () => {
    const result = await run(workflow({ type: 'SHA256', value: "={{ $fromAI('text', 'The text to hash', 'string') }}", toolDescription: 'Hashes a text' }));
    expect(result.status).toBe('success');
    const [answer] = result.data.resultData.runData['Tool User'][0].data!.main[0]!.map((i) => i.json);
    const hash = createHash('sha256').update('hello').digest('hex');
    expect(answer).toMatchObject({ name: 'Hash_it', description: 'Hashes a text', keys: ['text'] });
    expect(JSON.parse(answer.answer as string)).toEqual([{ args: { text: 'hello' }, data: hash }]);
    const call = result.data.resultData.runData['Hash it'][0];
    expect(call).toMatchObject({ executionStatus: 'success', inputOverride: { ai_tool: [[{ json: { text: 'hello' } }]] }, data: { ai_tool: [[{ json: { response: [{ data: hash }] } }]] } });
  });

  it('fails clearly on a $fromAI key n8n refuses', async () => {
    const result = await run(workflow({ value: "={{ $fromAI('bad key!') }}" }));
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toBe('Parameter key `bad key!` is invalid');
  });
});
