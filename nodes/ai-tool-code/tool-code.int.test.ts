// Code Tool through the real engine and sandbox: `query` holds the model's input (text, or the
// arguments under an input schema); errors go back to the model as text and are recorded.
import { afterAll, describe, expect, it } from 'vitest';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';
import { toolsOf } from '../ai-shared/tool-test-tools.ts';

const runner = createRootRunner();
afterAll(() => runner.engine.dispose());

const codeTool = (parameters: Record<string, unknown>, typeVersion = 1.3) => ({ name: 'My Code Tool', type: '@n8n/n8n-nodes-langchain.toolCode', typeVersion, parameters, connection: 'ai_tool' as const });

describe('Code Tool (toolCode)', () => {
  it('runs JavaScript with the query and the root item, named after the node', async () => {
    const def = rootWorkflow([codeTool({ description: 'Shouts', jsCode: 'return query.toUpperCase() + " " + $input.first().json.suffix' })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [tool] = await toolsOf(ctx, i);
      return { name: tool.name, description: tool.description, answer: await tool.invoke('hello') };
    }, { items: [{ json: { suffix: '!' } }] });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(run.out).toEqual([{ name: 'My_Code_Tool', description: 'Shouts', answer: 'HELLO !' }]);
    expect(run.uses('My Code Tool')).toEqual([{ input: { query: 'hello' }, output: { response: 'HELLO !' } }]);
  });

  it('takes structured arguments under an input schema from a JSON example, and v1.1 names the tool by parameter', async () => {
    const def = rootWorkflow([codeTool({ name: 'adder', description: 'Adds', jsCode: 'return query.a + query.b', specifyInputSchema: true, schemaType: 'fromJson', jsonSchemaExample: '{"a": 1, "b": 2}' }, 1.1)]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const [tool] = await toolsOf(ctx, i);
      let invalid = '';
      await tool.invoke({ a: 'x' }).catch((e: Error) => (invalid = e.message));
      return { name: tool.name, answer: await tool.invoke({ a: 2, b: 40 }), invalid };
    });
    expect(run.out[0]).toMatchObject({ name: 'adder', answer: '42', invalid: expect.stringMatching(/schema/i) });
    expect(run.uses('My Code Tool')).toEqual([{ input: { query: { a: 2, b: 40 } }, output: { response: '42' } }]);
  });

  it('answers the model with the error text, and records the failed use', async () => {
    const def = rootWorkflow([codeTool({ jsCode: 'throw new Error("no colors left")' }), { ...codeTool({ jsCode: 'return { not: "text" }' }), name: 'Object Tool' }]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const tools = await toolsOf(ctx, i);
      return Object.fromEntries(await Promise.all(tools.map(async (t) => [t.name, await t.invoke('x')])));
    });
    expect(run.out[0]).toEqual({ My_Code_Tool: expect.stringMatching(/^There was an error: ".*no colors left/), Object_Tool: expect.stringMatching(/^There was an error: "Wrong output type returned/) });
    expect(run.uses('My Code Tool')[0]).toMatchObject({ input: { query: 'x' }, error: expect.stringMatching(/no colors left/) });
  });
});
