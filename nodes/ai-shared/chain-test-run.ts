// Test support for the AI root nodes: runs Start (items pinned) → the root node under test, with
// sub-nodes wired into its ai_* inputs, on the real engine and registry. Test-only node types
// (tools, retrievers) can be added; the OpenAI chat model and the rest come from the registry.
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type NodeType, type RunResult } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';
import type { LlmStandIn } from './testing/llm-stand-in.ts';

export interface TestNode {
  name: string;
  type: string;
  typeVersion?: number;
  parameters?: Record<string, unknown>;
  /** The root input this sub-node is wired into (ai_languageModel, ai_tool, …). */
  connection?: string;
  /** The node it is wired into: the root unless set (a model for an output parser). */
  target?: string;
  credentialType?: string;
  continueOnFail?: boolean;
}

export interface ChainRun {
  result: RunResult;
  /** The root node's first output, as json objects. */
  output: Array<Record<string, unknown>>;
  /** The recorded runs of a (sub-)node. */
  runs(node: string): Array<Record<string, any>>;
}

/** The OpenAI chat model sub-node, pointed at the stand-in through its credential. */
export const openAiModel = (name = 'OpenAI Chat Model'): TestNode => ({
  name, type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2, connection: 'ai_languageModel', credentialType: 'openAiApi',
  parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } },
});

export async function runChain(root: TestNode, subNodes: TestNode[], options: { items: Array<Record<string, unknown>>; llm: LlmStandIn; testTypes?: Record<string, NodeType> }): Promise<ChainRun> {
  const node = (n: TestNode, index: number, position: [number, number]) => ({
    id: `n${index}`, name: n.name, type: n.type, typeVersion: n.typeVersion ?? 1, parameters: n.parameters ?? {}, position,
    ...(n.credentialType ? { credentials: { [n.credentialType]: { id: `c${index}`, name: 'test credential' } } } : {}),
    ...(n.continueOnFail ? { continueOnFail: true } : {}),
  });
  const connections: Record<string, Record<string, unknown>> = { Start: { main: [[{ node: root.name, type: 'main', index: 0 }]] } };
  for (const sub of subNodes) {
    const type = sub.connection ?? 'ai_languageModel';
    const existing = (connections[sub.name]?.[type] as unknown[][] | undefined)?.[0] ?? [];
    connections[sub.name] = { ...connections[sub.name], [type]: [[...existing, { node: sub.target ?? root.name, type, index: 0 }]] };
  }
  const definition = parseWorkflowDefinition({
    name: 'chain test',
    nodes: [
      { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] },
      node(root, 0, [200, 0]),
      ...subNodes.map((s, i) => node(s, i + 1, [200 + i * 100, 200])),
    ],
    connections,
  });
  const testTypes = options.testTypes ?? {};
  const evaluator = createExpressionEvaluator();
  try {
    await loadNodeTypes(definition.nodes.filter((n) => !testTypes[n.type]));
    const result = await executeWorkflow({
      definition, workflowId: 'wf-chain', executionId: `exec-${Math.random().toString(36).slice(2)}`, mode: 'manual', timezone: 'UTC', evaluator,
      nodeTypes: (type: string, version: number) => testTypes[type] ?? getNodeType(type, version),
      pinData: { Start: options.items.map((json) => ({ json })) },
      credentials: async (_node, type) => {
        if (type === 'openAiApi') return { apiKey: options.llm.apiKey, url: options.llm.openAiUrl };
        throw new Error(`No credential of type '${type}' in this test`);
      },
      recorder: createMemoryRecorder(),
      runCode: () => Promise.reject(new Error('no Code node here')),
    });
    const runData = result.data.resultData.runData;
    const first = runData[root.name]?.[0]?.data?.main?.[0] ?? [];
    return { result, output: first.map((item) => item.json), runs: (name) => (runData[name] ?? []) as unknown as Array<Record<string, any>> };
  } finally {
    evaluator.dispose();
  }
}
