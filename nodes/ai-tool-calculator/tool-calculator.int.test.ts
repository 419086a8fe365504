// Calculator and Think tools through the real engine: the root invokes them as an agent would,
// and each invocation is recorded as a use of the tool node.
import { afterAll, describe, expect, it } from 'vitest';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';
import { toolNamed, toolsOf } from '../ai-shared/tool-test-tools.ts';

const runner = createRootRunner();
afterAll(() => runner.engine.dispose());

const calculator = { name: 'Calculator', type: '@n8n/n8n-nodes-langchain.toolCalculator', typeVersion: 1, connection: 'ai_tool' as const };

describe('Calculator (toolCalculator)', () => {
  it('evaluates the expressions the model sends and records each call', async () => {
    const run = await runner.run(rootWorkflow([calculator]), async (ctx, item, i) => {
      const tool = await toolNamed(ctx, i, 'calculator');
      return { answer: await tool.invoke(String(item.json.q)), description: tool.description };
    }, { items: [{ json: { q: '(2 + 3) * 4 / 8' } }, { json: { q: 'sqrt(16) + 2^10' } }, { json: { q: '0.1 + 0.2' } }] });
    expect(run.out.map((o) => o.answer)).toEqual(['2.5', '1028', '0.3']);
    expect(run.out[0].description).toMatch(/^Useful for getting the result of a math expression/);
    expect(run.uses('Calculator')).toEqual([
      { input: { query: '(2 + 3) * 4 / 8' }, output: { response: '2.5' } },
      { input: { query: 'sqrt(16) + 2^10' }, output: { response: '1028' } },
      { input: { query: '0.1 + 0.2' }, output: { response: '0.3' } },
    ]);
  });

  it('refuses code-like expressions and records the failure', async () => {
    const run = await runner.run(rootWorkflow([calculator]), async (ctx, item, i) => {
      const tool = await toolNamed(ctx, i, 'calculator');
      try {
        return { answer: await tool.invoke(String(item.json.q)) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    }, { items: [{ json: { q: 'evaluate("1+1")' } }, { json: { q: 'import({x: 1})' } }, { json: { q: 'f(x) = x; f' } }] });
    expect(run.out.map((o) => String(o.error))).toEqual([expect.stringMatching(/disabled/), expect.stringMatching(/disabled/), expect.stringMatching(/value/)]);
    expect(run.uses('Calculator').map((u) => u.error)).toEqual([expect.stringMatching(/disabled/), expect.stringMatching(/disabled/), expect.stringMatching(/value/)]);
  });
});

describe('Think Tool (toolThink)', () => {
  it('answers with the thought, under the description the node sets', async () => {
    const think = { name: 'Think', type: '@n8n/n8n-nodes-langchain.toolThink', typeVersion: 1, parameters: { description: '=Think about {{ $json.topic }}' }, connection: 'ai_tool' as const };
    const run = await runner.run(rootWorkflow([think, calculator]), async (ctx, _item, i) => {
      const tools = await toolsOf(ctx, i);
      const tool = await toolNamed(ctx, i, 'thinking_tool');
      return { names: tools.map((t) => t.name).sort(), description: tool.description, answer: await tool.invoke('first check the units') };
    }, { items: [{ json: { topic: 'units' } }] });
    expect(run.out).toEqual([{ names: ['calculator', 'thinking_tool'], description: 'Think about units', answer: 'first check the units' }]);
    expect(run.uses('Think')).toEqual([{ input: { query: 'first check the units' }, output: { response: 'first check the units' } }]);
  });
});
