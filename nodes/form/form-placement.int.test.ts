// n8n's Form node checks its place when it runs: a Form Trigger upstream, a Form Ending last. On the
// real executor with the real node types.
import { afterAll, expect, it } from 'vitest';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createExpressionEvaluator, createMemoryRecorder, executeWorkflow } from '../../engine/index.ts';
import { getNodeType } from '../index.ts';
import { loadNodeTypes } from '../registry.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());

const trigger = { parameters: { formTitle: 'Hi', formFields: { values: [{ fieldLabel: 'Name' }] } }, id: 't', name: 'Form Trigger', type: 'n8n-nodes-base.formTrigger', typeVersion: 2.2, position: [0, 0] };
const manual = { parameters: {}, id: 'm', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] };
const page = (name: string, parameters: Record<string, unknown> = {}) => ({
  parameters: { formFields: { values: [{ fieldLabel: 'Age' }] }, ...parameters }, id: name, name, type: 'n8n-nodes-base.form', typeVersion: 1, position: [200, 0],
});
const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });

async function run(nodes: Array<Record<string, unknown>>, connections: Record<string, unknown>, first: string) {
  const definition = parseWorkflowDefinition({ name: 'Forms', nodes, connections, pinData: { [first]: [{ json: { Name: 'Ada' } }] } });
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'wf', executionId: 'ex', mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
    credentials: async () => ({}), recorder: createMemoryRecorder(), runCode: async () => undefined,
  });
}

it('fails a Form page with no Form Trigger before it, with n8n’s message', async () => {
  const result = await run([manual, page('Page')], { Start: link('Page') }, 'Start');
  expect(result.data.resultData.error?.message).toBe('Form Trigger node must be set before this node');
  expect(result.data.resultData.lastNodeExecuted).toBe('Page');
});

it('fails a Form Ending that has another Form page after it', async () => {
  const result = await run([trigger, page('End', { operation: 'completion' }), page('Page')], { 'Form Trigger': link('End'), End: link('Page') }, 'Form Trigger');
  expect(result.data.resultData.error?.message).toBe('Completion has to be the last Form node in the workflow');
});

it('runs a Form page after a Form Trigger: the run waits for the page', async () => {
  const result = await run([trigger, page('Page')], { 'Form Trigger': link('Page') }, 'Form Trigger');
  expect(result.data.resultData.error).toBeUndefined();
  expect(result.status).toBe('waiting');
});
