// `$node["X"].context`, `$('X').context` and `$input.context` read the run's node state
// (n8n's nodeContextGetter in packages/workflow/src/workflow-data-proxy.ts).
import { afterAll, describe, expect, it } from 'vitest';
import type { ExpressionContext } from '../expression-context.ts';
import type { JsonObject } from '../node-sdk.ts';
import { createExpressionEvaluator } from './evaluator.ts';
import { chainContext, errorOf, node, task } from './test-helpers.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());
const ev = (expr: string, ctx: ExpressionContext) => evaluator.evaluate(expr, ctx, { parameter: 'value' });

function loopContext(contextData: Record<string, JsonObject>): ExpressionContext {
  const items = [{ json: { n: 1 }, pairedItem: { item: 0 } }];
  return chainContext(['Start', 'Loop'], node('Check'), { Start: [task([items])], Loop: [task([items])] }, items, { contextData });
}

describe('node context in expressions', () => {
  const state: JsonObject = { noItemsLeft: false, currentRunIndex: 2, maxRunIndex: 4, items: [{ json: { n: 9 } }] };
  const ctx = loopContext({ 'node:Loop': state, flow: { other: 1 } });

  it('reads a key through $node[…].context, $(…).context and $input.context', () => {
    expect(ev('={{ $node["Loop"].context["noItemsLeft"] }}', ctx)).toBe(false);
    expect(ev('={{ $node["Loop"].context.currentRunIndex }}', ctx)).toBe(2);
    expect(ev("={{ $('Loop').context.maxRunIndex }}", ctx)).toBe(4);
    expect(ev('={{ $input.context.currentRunIndex }}', ctx)).toBe(2);
    expect(ev('={{ $node["Loop"].context.items[0].json.n }}', ctx)).toBe(9);
  });

  it('copies the whole context out and lists its keys', () => {
    expect(ev('={{ $node["Loop"].context }}', ctx)).toEqual(state);
    expect(ev('={{ Object.keys($node["Loop"].context).join(",") }}', ctx)).toBe('noItemsLeft,currentRunIndex,maxRunIndex,items');
    expect(ev('={{ JSON.stringify($("Loop").context.noItemsLeft) }}', ctx)).toBe('false');
  });

  it('has no keys for a node without state, and unknown keys are undefined', () => {
    expect(ev('={{ $node["Start"].context.noItemsLeft === undefined }}', ctx)).toBe(true);
    expect(ev('={{ Object.keys($node["Start"].context).length }}', ctx)).toBe(0);
    expect(ev('={{ $node["Loop"].context.hasOwnProperty === undefined }}', ctx)).toBe(true);
    expect(ev('={{ $node["Loop"].context.other === undefined }}', ctx)).toBe(true);
  });

  it('sees the state as it is when the expression runs, not as first read', () => {
    const live: JsonObject = { noItemsLeft: false };
    const liveCtx = loopContext({ 'node:Loop': live });
    expect(ev('={{ $node["Loop"].context["noItemsLeft"] }}', liveCtx)).toBe(false);
    live.noItemsLeft = true;
    expect(ev('={{ $node["Loop"].context["noItemsLeft"] }}', liveCtx)).toBe(true);
  });

  it('refuses a node that does not exist', () => {
    expect(errorOf(() => ev('={{ $node["Nope"].context.noItemsLeft }}', ctx)).message).toContain("Referenced node doesn't exist");
  });
});
