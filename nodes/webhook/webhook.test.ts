import { afterAll, describe, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow, type ExecutionMode } from '../../engine/index.ts';
import { getNodeType, loadNodeTypes } from '../index.ts';
import { webhookDescription } from './webhook.description.ts';

const evaluator = createExpressionEvaluator();
const codeRunner = createCodeRunner();
afterAll(() => {
  evaluator.dispose();
  codeRunner.dispose();
});

const request = { headers: { 'content-type': 'application/json' }, params: {}, query: { a: '1' }, body: { order: 7 }, webhookUrl: 'http://localhost:5678/webhook/orders', executionMode: 'production' };

async function run(mode: ExecutionMode, triggerItems?: { json: Record<string, unknown> }[]) {
  const definition = parseWorkflowDefinition({
    name: 'w', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'abc', parameters: { path: 'orders', httpMethod: 'POST' } },
      { id: 's', name: 'Order', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'order', value: '={{ $json.body.order }}', type: 'number' }] }, options: {} } },
    ],
    connections: { Webhook: { main: [[{ node: 'Order', type: 'main', index: 0 }]] } },
  });
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'w', executionId: 'e', mode, nodeTypes: getNodeType, evaluator, timezone: 'UTC', startNode: 'Webhook', triggerItems,
    credentials: async () => ({}), recorder: createMemoryRecorder(),
    runCode: (ctx, code, o) => codeRunner.run({ ctx, code, mode: o.mode, itemIndex: o.itemIndex }),
  });
}

describe('Webhook node', () => {
  it('hands the request item on unchanged, in production and test runs', async () => {
    for (const mode of ['webhook', 'manual'] as const) {
      const result = await run(mode, [{ json: request }]);
      expect(result.status).toBe('success');
      expect(result.data.resultData.runData.Webhook[0].data!.main[0]![0].json).toEqual(request);
      expect(result.data.resultData.runData.Order[0].data!.main[0]![0].json).toEqual({ order: 7 });
    }
  });

  it('declares n8n versions, the webhook kind and its credentials', () => {
    expect(webhookDescription.version).toEqual([1, 1.1, 2, 2.1]);
    expect(webhookDescription.triggerKind).toBe('webhook');
    expect(webhookDescription.credentials?.map((c) => c.name)).toEqual(['httpBasicAuth', 'httpHeaderAuth', 'jwtAuth']);
  });
});
