import { afterAll, describe, expect, it } from 'vitest';
import type { ExpressionEvaluator } from '../expression-context.ts';
import { createExpressionEvaluator } from '../expressions/index.ts';
import type { Item, NodeType } from '../node-sdk.ts';
import { run, testNodeTypes, workflow } from './test-support.ts';

const evaluator = createExpressionEvaluator({ timeoutMs: 300, memoryLimitMb: 64 });
afterAll(() => evaluator.dispose());

const ITEMS = 2_000;
const items = Array.from({ length: ITEMS }, (_, n) => ({ json: { n } }));

/** Counts how the executor asks: item by item (`resolve`) or many items at once (`resolveItems`). */
function counting(inner: typeof evaluator) {
  const calls = { resolve: 0, resolveItems: 0 };
  const wrapped: ExpressionEvaluator = {
    resolve: (...args) => (calls.resolve++, inner.resolve(...args)),
    resolveItems: (...args) => (calls.resolveItems++, inner.resolveItems(...args)),
  };
  return { calls, wrapped };
}

/**
 * Reads `values` for each item in the order `order` says, catching each item's error: output
 * items carry the value or the error message (and, for `twice`, whether a second read is a copy).
 */
const reader: NodeType = {
  description: {
    name: 'test.reader', displayName: 'Reader', group: ['transform'], version: [1], description: 'reader', defaults: { name: 'Reader' },
    inputs: ['main'], outputs: ['main'],
    properties: [
      { name: 'values', displayName: 'Values', type: 'json', default: {} },
      { name: 'order', displayName: 'Order', type: 'string', default: 'forward' },
    ],
  },
  async execute(ctx) {
    const input = ctx.getInputData();
    const order = ctx.getNodeParameter('order', 0) as string;
    const indexes = input.map((_, i) => i);
    if (order === 'reverse') indexes.reverse();
    const out: Item[] = [];
    for (const i of indexes) {
      try {
        const value = ctx.getNodeParameter('values', i) as Record<string, unknown>;
        if (order === 'twice') {
          value.changed = true;
          const again = ctx.getNodeParameter('values', i) as Record<string, unknown>;
          out.push({ json: { ...again, i }, pairedItem: { item: i } });
        } else {
          out.push({ json: { ...value, i }, pairedItem: { item: i } });
        }
      } catch (e) {
        out.push({ json: { i, error: (e as Error).message, itemIndex: (e as { itemIndex?: number }).itemIndex ?? null }, pairedItem: { item: i } });
      }
    }
    out.sort((a, b) => (a.json.i as number) - (b.json.i as number));
    return [out];
  },
};

async function readAll(values: Record<string, unknown>, order = 'forward', using: ExpressionEvaluator = evaluator) {
  const types: Record<string, NodeType> = { ...testNodeTypes(), 'test.reader': reader };
  const def = workflow(
    [['Start', 'n8n-nodes-base.manualTrigger'], ['Reader', 'test.reader', [200, 0], { parameters: { values, order } }]],
    [['Start', 'Reader']],
  );
  const t = await run(def, { evaluator: using, triggerItems: items, nodeTypes: (type) => types[type] });
  expect(t.result.status).toBe('success');
  return t.json('Reader')[0] as Record<string, unknown>[];
}

const values = { double: '={{ $json.n * 2 }}', text: '=item {{ $json.n }}', index: '={{ $itemIndex }}', nested: { list: ['={{ $json.n % 3 }}', 'plain'] } };
const expected = (n: number) => ({ double: n * 2, text: `item ${n}`, index: n, nested: { list: [n % 3, 'plain'] }, i: n });

describe('a parameter read for many items', () => {
  it('gives every item its own value, in order, with far fewer calls into the isolate than items', async () => {
    const { calls, wrapped } = counting(evaluator);
    const out = await readAll(values, 'forward', wrapped);
    expect(out).toEqual(items.map(({ json }) => expected(json.n)));
    expect(calls.resolveItems).toBeGreaterThan(0);
    expect(calls.resolve + calls.resolveItems).toBeLessThan(ITEMS / 50);
  });

  it('gives the same values when the node reads the items backwards', async () => {
    expect(await readAll(values, 'reverse')).toEqual(items.map(({ json }) => expected(json.n)));
  });

  it('evaluates a second read of an item anew, so a node changing its copy changes nothing else', async () => {
    const out = await readAll(values, 'twice');
    expect(out).toEqual(items.map(({ json }) => expected(json.n)));
  });

  it('fails only the item whose expression fails, naming that item', async () => {
    const out = await readAll({ v: '={{ $json.n === 777 ? $("Nope").item.json : $json.n }}' });
    const failed = out.filter((o) => 'error' in o);
    expect(failed).toEqual([{ i: 777, error: expect.stringMatching(/doesn't exist/), itemIndex: 777 }]);
    expect(out[776]).toEqual({ v: 776, i: 776 });
    expect(out[778]).toEqual({ v: 778, i: 778 });
  });

  it('times out only the item whose expression loops, and evaluates the rest', async () => {
    const out = await readAll({ v: '={{ (() => { if ($json.n === 40) { while (true) {} } return $json.n })() }}' });
    expect(out[40]).toMatchObject({ i: 40, error: expect.stringMatching(/timed out/), itemIndex: 40 });
    expect(out.filter((o) => 'error' in o)).toHaveLength(1);
    expect(out[41]).toEqual({ v: 41, i: 41 });
    expect(out[ITEMS - 1]).toEqual({ v: ITEMS - 1, i: ITEMS - 1 });
  });

  it('answers slow expressions in smaller batches rather than timing them out', async () => {
    const slow = '={{ (() => { const until = Date.now() + 2; while (Date.now() < until) {} return $json.n })() }}';
    const types: Record<string, NodeType> = { ...testNodeTypes(), 'test.reader': reader };
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Reader', 'test.reader', [200, 0], { parameters: { values: { v: slow } } }]], [['Start', 'Reader']]);
    const t = await run(def, { evaluator, triggerItems: items.slice(0, 400), nodeTypes: (type) => types[type] });
    expect(t.json('Reader')[0]).toEqual(items.slice(0, 400).map(({ json }) => ({ v: json.n, i: json.n })));
  });
});
