// `$execution.customData` in expressions: the run's own map (n8n 1.x's execution metadata rules,
// packages/core/src/execution-engine/node-execution-context/utils/execution-metadata.ts).
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpressionContext } from '../expression-context.ts';
import { createExpressionEvaluator } from './evaluator.ts';
import { chainContext, errorOf, node } from './test-helpers.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose?.());
const ev = (expr: string, ctx: ExpressionContext) => evaluator.resolve(expr, ctx, { parameter: 'value' });

function run(mode: 'manual' | 'trigger', customData: Record<string, string> = {}): ExpressionContext {
  const ctx = chainContext([], node('Set', {}), {}, [{ json: {} }]);
  return { ...ctx, execution: { id: 'ex1', mode }, customData };
}

describe('$execution.customData', () => {
  it('writes into the run\'s map, which another node\'s context reads', () => {
    const data: Record<string, string> = {};
    ev('={{ $execution.customData.set("orderId", 42) }}', run('manual', data));
    ev('={{ $execution.customData.setAll({ customer: "ann", total: 17.5 }) }}', run('manual', data));
    expect(data).toEqual({ orderId: '42', customer: 'ann', total: '17.5' });
    const later = { ...run('manual'), node: node('Later', {}), customData: data };
    expect(ev('={{ $execution.customData.get("customer") }}', later)).toBe('ann');
    expect(ev('={{ $execution.customData.getAll() }}', later)).toEqual({ orderId: '42', customer: 'ann', total: '17.5' });
    expect(ev('={{ $execution.customData.get("nothing") }}', later)).toBeUndefined();
  });

  it('cuts keys to 50 and values to 512 characters', () => {
    const data: Record<string, string> = {};
    ev(`={{ $execution.customData.set("${'k'.repeat(60)}", "${'v'.repeat(600)}") }}`, run('manual', data));
    expect(Object.keys(data)).toEqual(['k'.repeat(50)]);
    expect(data['k'.repeat(50)]).toHaveLength(512);
    expect(ev(`={{ $execution.customData.get("${'k'.repeat(70)}").length }}`, run('manual', data))).toBe(512);
  });

  it('drops an 11th key without a word, but changes one of the 10', () => {
    const data = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x']));
    ev('={{ $execution.customData.set("k10", "y") }}', run('manual', data));
    ev('={{ $execution.customData.set("k3", "changed") }}', run('manual', data));
    expect(Object.keys(data)).toHaveLength(10);
    expect(data.k3).toBe('changed');
    // The limit comes first in n8n: a bad key past it is dropped silently too.
    ev('={{ $execution.customData.set("bad key", "y") }}', run('manual', data));
    expect(data['bad key']).toBeUndefined();
  });

  it('refuses bad keys and values in manual runs and ignores them in production runs', () => {
    const data: Record<string, string> = {};
    expect(errorOf(() => ev('={{ $execution.customData.set("a-b", "v") }}', run('manual', data))).message)
      .toContain('Custom date key can only contain characters "A-Za-z0-9_" (key "a-b")');
    expect(errorOf(() => ev('={{ $execution.customData.set("k", { a: 1 }) }}', run('manual', data))).message)
      .toContain('Custom data values must be a string (key "k")');
    expect(errorOf(() => ev('={{ $execution.customData.set(5, "v") }}', run('manual', data))).message)
      .toContain('Custom data keys must be a string (key "5")');
    expect(ev('={{ $execution.customData.set("a-b", "v") ?? "ignored" }}', run('trigger', data))).toBe('ignored');
    expect(data).toEqual({});
  });

  it('setAll keeps the valid entries and then throws the first problem (manual)', () => {
    const data: Record<string, string> = {};
    expect(errorOf(() => ev('={{ $execution.customData.setAll({ good: "1", "no way": "2", fine: 3 }) }}', run('manual', data))).message)
      .toContain('(key "no way")');
    expect(data).toEqual({ good: '1', fine: '3' });
  });
});
