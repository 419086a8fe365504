import { afterAll, describe, expect, it } from 'vitest';
import { createExpressionEvaluator } from '../expressions/index.ts';
import type { EngineExecuteContext } from './node-type-extras.ts';
import { run, testNodeTypes, workflow } from './test-support.ts';

const evaluator = createExpressionEvaluator({ timeoutMs: 1000, memoryLimitMb: 64 });
afterAll(() => evaluator.dispose());

describe('parameters with expressions (real evaluator)', () => {
  it('resolves per item against the input, earlier nodes and the run', async () => {
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger'],
        ['Set', 'test.set', [200, 0], { parameters: { values: { next: '={{ $json.n + 1 }}', first: "={{ $('Start').item.json.n }}", run: '={{ $runIndex }}', ex: '={{ $execution.id }}' } } }],
        ['IF', 'test.if', [400, 0], { parameters: { key: 'next', value: '={{ 3 }}' } }],
        ['Three', 'test.pass', [600, 0]],
      ],
      [['Start', 'Set'], ['Set', 'IF'], ['IF', 'Three', 0]],
    );
    const t = await run(def, { evaluator, triggerItems: [{ json: { n: 1 } }, { json: { n: 2 } }] });
    expect(t.json('Set')).toEqual([[{ n: 1, next: 2, first: 1, run: 0, ex: 'ex1' }, { n: 2, next: 3, first: 2, run: 0, ex: 'ex1' }]]);
    expect(t.json('Three')).toEqual([[{ n: 2, next: 3, first: 2, run: 0, ex: 'ex1' }]]);
  });

  it('fails the node with the expression error, naming node and parameter', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['Set', 'test.set', [200, 0], { parameters: { values: { x: '={{ $("Nope").item.json.a }}' } } }]],
      [['Start', 'Set']],
    );
    const t = await run(def, { evaluator });
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.runData.Set[0].error).toMatchObject({ node: 'Set', parameter: 'values.x', expression: '={{ $("Nope").item.json.a }}' });
  });

  it('uses the settings timezone unless it is DEFAULT', async () => {
    const zoneOf = (settings: Record<string, unknown>) =>
      run(
        workflow(
          [['Start', 'n8n-nodes-base.manualTrigger'], ['Set', 'test.set', [200, 0], { parameters: { values: { zone: '={{ $now.zoneName }}' } } }]],
          [['Start', 'Set']],
          { executionOrder: 'v1', ...settings },
        ),
        { evaluator, timezone: 'America/New_York' },
      ).then((t) => (t.json('Set')[0][0] as { zone: string }).zone);
    expect(await zoneOf({ timezone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(await zoneOf({ timezone: 'DEFAULT' })).toBe('America/New_York');
  });

  it('evaluates ad-hoc expressions for a node (evaluateExpression)', async () => {
    const types = testNodeTypes();
    const raw = { ...types['test.pass'], execute: async (ctx: EngineExecuteContext) => [ctx.getInputData().map((item, i) => ({ json: { text: ctx.evaluateExpression('{"double": {{ $json.a * 2 }}}', i) } }))] };
    const t = await run(workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Raw', 'test.pass', [200, 0]]], [['Start', 'Raw']]), {
      evaluator, triggerItems: [{ json: { a: 2 } }], nodeTypes: (type) => (type === 'test.pass' ? (raw as never) : types[type]),
    });
    expect(t.json('Raw')).toEqual([[{ text: '{"double": 4}' }]]);
  });
});
