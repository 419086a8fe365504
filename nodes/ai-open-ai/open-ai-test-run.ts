// Test support: runs Start (items pinned, binary included) → the OpenAI node, with tool sub-nodes
// wired into its ai_tool input, on the real engine and registry, its credential pointing at the
// LLM stand-in.
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type ExecutionEvent, type Item, type RunResult } from '../../engine/index.ts';
import type { LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';

export interface OpenAiRun {
  result: RunResult;
  /** The node's first output. */
  items: Item[];
  /** The run's events, as recorded. */
  events: ExecutionEvent[];
}

export async function runOpenAi(llm: LlmStandIn, typeVersion: number, parameters: Record<string, unknown>, options: { items?: Item[]; tools?: number; continueOnFail?: boolean; organizationId?: string } = {}): Promise<OpenAiRun> {
  const tools = Array.from({ length: options.tools ?? 0 }, (_, k) => ({
    id: `t${k}`, name: `Think ${k}`, type: '@n8n/n8n-nodes-langchain.toolThink', typeVersion: 1, parameters: {}, position: [200 + k * 100, 200],
  }));
  const definition = parseWorkflowDefinition({
    name: 'openai test',
    nodes: [
      { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] },
      {
        id: 'o', name: 'OpenAI', type: '@n8n/n8n-nodes-langchain.openAi', typeVersion, parameters, position: [200, 0],
        credentials: { openAiApi: { id: 'c1', name: 'OpenAi account' } }, ...(options.continueOnFail ? { continueOnFail: true } : {}),
      },
      ...tools,
    ],
    connections: {
      Start: { main: [[{ node: 'OpenAI', type: 'main', index: 0 }]] },
      ...Object.fromEntries(tools.map((t) => [t.name, { ai_tool: [[{ node: 'OpenAI', type: 'ai_tool', index: 0 }]] }])),
    },
  });
  const evaluator = createExpressionEvaluator();
  const recorder = createMemoryRecorder();
  try {
    await loadNodeTypes(definition.nodes);
    const result = await executeWorkflow({
      definition, workflowId: 'wf-openai', executionId: `exec-${Math.random().toString(36).slice(2)}`, mode: 'manual', timezone: 'UTC', evaluator,
      nodeTypes: getNodeType,
      pinData: { Start: options.items ?? [{ json: {} }] },
      credentials: async (_node, type) => {
        if (type === 'openAiApi') return { apiKey: llm.apiKey, url: llm.openAiUrl, organizationId: options.organizationId ?? '' };
        throw new Error(`No credential of type '${type}' in this test`);
      },
      recorder,
      runCode: () => Promise.reject(new Error('no Code node here')),
    });
    return { result, items: result.data.resultData.runData.OpenAI?.[0]?.data?.main?.[0] ?? [], events: recorder.events };
  } finally {
    evaluator.dispose();
  }
}
