// Call n8n Workflow Tool through the real engine: the sub-workflow receives what n8n sends (v1:
// the query and extra fields; v2: workflow inputs filled by the model's $fromAI arguments) and its
// last node's output answers the model; each call is recorded as a use of the tool node.
import { afterAll, describe, expect, it } from 'vitest';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';
import { toolsOf } from '../ai-shared/tool-test-tools.ts';

const runner = createRootRunner();
afterAll(() => runner.engine.dispose());

// Echoes what it received, and adds a greeting made from it.
const echo = {
  name: 'Echo', settings: { executionOrder: 'v1' },
  nodes: [
    { id: 'a', name: 'When called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
    { id: 'b', name: 'Answer', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: {
      assignments: { assignments: [{ id: 'x', name: 'response', value: '={{ "got " + JSON.stringify($json) }}', type: 'string' }] }, includeOtherFields: true, options: {},
    } },
  ],
  connections: { 'When called': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
};
const tool = (typeVersion: number, parameters: Record<string, unknown>) => ({ name: 'Lookup Tool', type: '@n8n/n8n-nodes-langchain.toolWorkflow', typeVersion, parameters, connection: 'ai_tool' as const });

describe('Call n8n Workflow Tool (toolWorkflow)', () => {
  it('v1.2 sends the query and extra fields and answers with the Field to Return', async () => {
    const def = rootWorkflow([tool(1.2, {
      name: 'lookup', description: 'Looks things up', workflowId: { __rl: true, mode: 'id', value: 'sub1' },
      fields: { values: [{ name: 'user.id', type: 'numberValue', numberValue: '={{ $json.uid }}' }, { name: 'vip', type: 'booleanValue', booleanValue: 'true' }] },
    })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [t] = await toolsOf(ctx, i);
      return { name: t.name, answer: await t.invoke('weather in Paris') };
    }, { items: [{ json: { uid: 7 } }], subWorkflows: { sub1: echo } });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(run.out).toEqual([{ name: 'lookup', answer: 'got {"query":"weather in Paris","user":{"id":7},"vip":true}' }]);
    expect(run.uses('Lookup Tool')).toEqual([{ input: { query: 'weather in Paris' }, output: { response: 'got {"query":"weather in Paris","user":{"id":7},"vip":true}' } }]);
  });

  it('v1.3 answers with the whole first item, and takes structured input under a schema', async () => {
    const def = rootWorkflow([tool(1.3, { name: 'lookup', source: 'parameter', workflowJson: JSON.stringify(echo), specifyInputSchema: true, schemaType: 'fromJson', jsonSchemaExample: '{"city": "Paris"}' })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [t] = await toolsOf(ctx, i);
      return { answer: await t.invoke({ city: 'Oslo' }) };
    });
    expect(JSON.parse(String(run.out[0].answer))).toEqual({ city: 'Oslo', response: 'got {"city":"Oslo"}' });
  });

  it('v2.2 builds its schema from the $fromAI() workflow inputs, names itself after the node and answers with every item', async () => {
    const def = rootWorkflow([tool(2.2, {
      description: 'Finds a city', workflowId: { __rl: true, mode: 'list', value: 'sub1' },
      workflowInputs: {
        mappingMode: 'defineBelow',
        value: { city: "={{ $fromAI('city', 'The city to look up', 'string') }}", days: "={{ $fromAI('days', 'How many days', 'number') }}", from: '={{ $json.uid }}' },
        schema: [{ id: 'city', displayName: 'city', type: 'string' }, { id: 'days', displayName: 'days', type: 'number' }, { id: 'from', displayName: 'from', type: 'number' }],
      },
    })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [t] = await toolsOf(ctx, i);
      const schema = (t.schema as { shape: Record<string, { description?: string }> }).shape;
      return { name: t.name, keys: Object.keys(schema), cityHelp: schema.city.description ?? null, answer: await t.invoke({ city: 'Lima', days: 3 }) };
    }, { items: [{ json: { uid: 5 } }], subWorkflows: { sub1: echo } });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(run.out[0]).toMatchObject({ name: 'Lookup_Tool', keys: ['city', 'days'], cityHelp: 'The city to look up' });
    expect(JSON.parse(String(run.out[0].answer))).toEqual([{ city: 'Lima', days: 3, from: 5, response: 'got {"city":"Lima","days":3,"from":5}' }]);
    expect(run.uses('Lookup Tool')[0].input).toEqual({ city: 'Lima', days: 3 });
  });

  it('answers the model with the error when the sub-workflow is missing or returns nothing, and records it', async () => {
    const def = rootWorkflow([tool(2.1, { name: 'lookup', workflowId: { __rl: true, mode: 'id', value: 'nope' } })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [t] = await toolsOf(ctx, i);
      return { answer: await t.invoke('x') };
    });
    expect(run.out[0].answer).toMatch(/^There was an error: ".*nope/);
    expect(run.uses('Lookup Tool')[0]).toMatchObject({ input: { query: 'x' }, error: expect.stringMatching(/nope/) });
  });
});
