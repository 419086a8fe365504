import { afterAll, describe, expect, it } from 'vitest';
import { ExpressionError, type ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import { createExpressionEvaluator } from './evaluator.ts';
import { chainContext, errorOf, node, task } from './test-helpers.ts';

const evaluator = createExpressionEvaluator();
afterAll(() => evaluator.dispose());
const ev = (expr: string, ctx: ExpressionContext) => evaluator.evaluate(expr, ctx, { parameter: 'value' });

// Trigger → Fetch (2 items) → If (true: item 1, false: item 0) → Current (fed by If's true output)
const triggerOut: Item[] = [{ json: { started: true } }];
const fetchOut: Item[] = [
  { json: { id: 1, name: 'one' }, pairedItem: { item: 0 } },
  { json: { id: 2, name: 'two' }, binary: { file: { data: 'QUJD', mimeType: 'text/plain', fileName: 'a.txt' } }, pairedItem: { item: 0 } },
];
const ifTrue: Item[] = [{ json: { id: 2, name: 'two' }, pairedItem: { item: 1 } }];
const ifFalse: Item[] = [{ json: { id: 1, name: 'one' }, pairedItem: { item: 0 } }];
const runData = {
  Trigger: [task([triggerOut])],
  Fetch: [task([fetchOut], [{ previousNode: 'Trigger' }])],
  If: [task([ifTrue, ifFalse], [{ previousNode: 'Fetch' }])],
};
const input: Item[] = [{ json: { id: 2, name: 'two' }, binary: { file: { data: 'QUJD', mimeType: 'text/plain' } }, pairedItem: { item: 0 } }];
const current = node('Current', { greeting: '=Hello {{ $json.name }}', plain: 42, rl: { __rl: true, value: 'abc', mode: 'id' } }, { typeVersion: 2, webhookId: 'wh-1' });

function context(overrides: Partial<ExpressionContext> = {}): ExpressionContext {
  const ctx = chainContext(['Trigger', 'Fetch', 'If'], current, runData, input, overrides);
  // If → Current leaves from If's output 0 (true); If's output 1 goes nowhere.
  ctx.workflow.connections.If = { main: [[{ node: 'Current', type: 'main', index: 0 }], []] };
  ctx.source = [{ previousNode: 'If' }];
  return { ...ctx, ...overrides };
}
const ctx = context({ vars: { region: 'eu' }, execution: { id: 'ex-9', mode: 'manual', resumeUrl: 'http://h/webhook-waiting/ex-9' } });

describe('current item', () => {
  it('$json, $data, $binary (without the data field), $itemIndex, $runIndex', () => {
    expect(ev('={{ $json.name }}', ctx)).toBe('two');
    expect(ev('={{ $data.id }}', ctx)).toBe(2);
    expect(ev('={{ $binary }}', ctx)).toEqual({ file: { mimeType: 'text/plain' } });
    expect(ev('={{ $itemIndex }}', ctx)).toBe(0);
    expect(ev('={{ $runIndex }}', { ...ctx, runIndex: 3 })).toBe(3);
    expect(ev('={{ $position + $thisItemIndex + $thisRunIndex }}', ctx)).toBe(0);
    expect(ev('={{ $thisItem.json.id }}', ctx)).toBe(2);
  });

  it('$input', () => {
    expect(ev('={{ $input.item.json.id }}', ctx)).toBe(2);
    expect(ev('={{ $input.all().length }}', ctx)).toBe(1);
    expect(ev('={{ $input.first().json.name }}', ctx)).toBe('two');
    expect(ev('={{ $input.last().json.name }}', ctx)).toBe('two');
    expect(ev('={{ $input.params }}', ctx)).toEqual({});
    expect(errorOf(() => ev('={{ $input.first(1) }}', ctx)).message).toBe('$input.first() should have no arguments');
    expect(errorOf(() => ev('={{ $input.item }}', context({ inputItems: [[]] }))).message).toBe('No execution data available');
  });

  it('errors when the item index is past the input', () => {
    expect(errorOf(() => ev('={{ $json.id }}', { ...ctx, itemIndex: 5 })).message).toBe(`"Current" node has 1 item(s) but you're trying to access item 5`);
  });
});

describe("$('Node')", () => {
  it('first(), last(), all() read the output connected towards this node', () => {
    expect(ev('={{ $("Fetch").first().json.name }}', ctx)).toBe('one');
    expect(ev('={{ $("Fetch").last().json.name }}', ctx)).toBe('two');
    expect(ev('={{ $("Fetch").all().length }}', ctx)).toBe(2);
    expect(ev('={{ $("If").all().length }}', ctx)).toBe(1);
    expect(ev('={{ $("If").all(1)[0].json.name }}', ctx)).toBe('one');
    expect(ev('={{ $("Fetch").all(0, 0).length }}', ctx)).toBe(2);
  });

  it('.item follows pairedItem back through the chain', () => {
    expect(ev('={{ $("If").item.json.id }}', ctx)).toBe(2);
    expect(ev('={{ $("Fetch").item.json.name }}', ctx)).toBe('two');
    expect(ev('={{ $("Trigger").item.json.started }}', ctx)).toBe(true);
    expect(ev('={{ $("Fetch").itemMatching(0).json.id }}', ctx)).toBe(2);
    expect(ev('={{ $("Fetch").pairedItem().json.id }}', ctx)).toBe(2);
  });

  it('params, isExecuted', () => {
    expect(ev('={{ $("Current").params.plain }}', ctx)).toBe(42);
    expect(ev('={{ $("Fetch").isExecuted }}', ctx)).toBe(true);
    const withIdle = context();
    withIdle.workflow = { ...withIdle.workflow, nodes: [...withIdle.workflow.nodes, node('Idle')] };
    expect(ev('={{ $("Idle").isExecuted }}', withIdle)).toBe(false);
  });

  it("gives n8n's errors", () => {
    expect(errorOf(() => ev('={{ $("Nope").first() }}', ctx)).message).toBe("Referenced node doesn't exist");
    expect(errorOf(() => ev('={{ $() }}', ctx)).message).toBe('When calling $(), please specify a node');
    expect(errorOf(() => ev('={{ $("Fetch").itemMatching() }}', ctx)).message).toBe('Missing item index for .itemMatching()');
    const idle = context();
    idle.workflow = { ...idle.workflow, nodes: [...idle.workflow.nodes, node('Idle')], connections: { ...idle.workflow.connections, Idle: { main: [[{ node: 'Trigger', type: 'main', index: 0 }]] } } };
    expect(errorOf(() => ev('={{ $("Idle").first() }}', idle)).message).toBe("Node 'Idle' hasn't been executed");
    expect(errorOf(() => ev('={{ $("Idle").item }}', idle)).message).toBe("Node 'Idle' hasn't been executed");
    const e = errorOf(() => ev('={{ $("Current").item }}', ctx));
    expect(e.message).toBe('Invalid expression');
    expect((e as ExpressionError & { description?: string }).description).toBe('No path back to referenced node');
  });

  it('reports missing paired item data', () => {
    const broken = context({ runData: { ...runData, Fetch: [task([fetchOut.map(({ pairedItem: _, ...rest }) => rest)], [{ previousNode: 'Trigger' }])] } });
    expect(errorOf(() => ev('={{ $("Trigger").item }}', broken)).message).toBe(
      "Paired item data for item from node 'Fetch' is unavailable. Ensure 'Fetch' is providing the required output.",
    );
  });

  it('reports several different paired items as multiple matches', () => {
    const merged = context({ runData: { ...runData, If: [task([[{ json: {}, pairedItem: [{ item: 0 }, { item: 1 }] }], []], [{ previousNode: 'Fetch' }])] } });
    expect(errorOf(() => ev('={{ $("Fetch").item }}', merged)).message).toBe('Multiple matches found');
    // Both lead back to the same Trigger item: not ambiguous.
    expect(ev('={{ $("Trigger").item.json.started }}', merged)).toBe(true);
  });

  it('uses pinned data in manual runs only', () => {
    const pinned = context({ runData: {}, pinData: { Trigger: [{ json: { pinned: 1 } }] }, inputItems: [[]] });
    expect(ev('={{ $("Trigger").first().json.pinned }}', pinned)).toBe(1);
    const prod = { ...pinned, execution: { id: 'x', mode: 'trigger' as const } };
    expect(errorOf(() => ev('={{ $("Trigger").first() }}', prod)).message).toBe("Node 'Trigger' hasn't been executed");
  });
});

describe('legacy accessors', () => {
  it('$node["X"] is positional and follows the connected output', () => {
    expect(ev('={{ $node["Fetch"].json.name }}', ctx)).toBe('one');
    expect(ev('={{ $node["If"].json.name }}', ctx)).toBe('two');
    expect(ev('={{ $node.Fetch.binary }}', { ...ctx, itemIndex: 0, inputItems: [[input[0], input[0]]] })).toEqual({});
    expect(ev('={{ $node["Fetch"].runIndex }}', ctx)).toBe(0);
    expect(ev('={{ $node["Current"].parameter.plain }}', ctx)).toBe(42);
  });

  it('$items(node?, output?, run?) and $item(i)', () => {
    expect(ev('={{ $items().length }}', ctx)).toBe(1);
    expect(ev('={{ $items("Fetch").length }}', ctx)).toBe(2);
    expect(ev('={{ $items("If", 1)[0].json.name }}', ctx)).toBe('one');
    expect(ev('={{ $items("Fetch", 0, 0)[1].json.id }}', ctx)).toBe(2);
    expect(errorOf(() => ev('={{ $items("Fetch", 0, 4) }}', ctx)).message).toBe('Run 4 of node "Fetch" not found');
    expect(ev('={{ $item(0).$json.name }}', ctx)).toBe('two');
  });

  it('$prevNode', () => {
    expect(ev('={{ $prevNode }}', ctx)).toEqual({ name: 'If', outputIndex: 0, runIndex: 0 });
    expect(ev('={{ $prevNode.name }}', { ...ctx, source: [{ previousNode: 'If', previousNodeOutput: 1, previousNodeRun: 2 }] })).toBe('If');
  });
});

describe('workflow, execution and settings', () => {
  it('$workflow, $execution, $mode, $vars', () => {
    expect(ev('={{ $workflow }}', ctx)).toEqual({ id: 'wf1', name: 'My workflow', active: false });
    expect(ev('={{ $execution.id }}', ctx)).toBe('ex-9');
    expect(ev('={{ $execution.mode }}', ctx)).toBe('test');
    expect(ev('={{ $execution.mode }}', context({ execution: { id: 'e', mode: 'webhook' } }))).toBe('production');
    expect(ev('={{ $execution.resumeUrl }}', ctx)).toBe('http://h/webhook-waiting/ex-9');
    expect(ev('={{ $execution.customData.set("k", 1) ?? $execution.customData.get("k") }}', { ...ctx, customData: {} })).toBe('1');
    expect(ev('={{ $mode }}', ctx)).toBe('manual');
    expect(ev('={{ $vars.region }}', ctx)).toBe('eu');
    expect(ev('={{ $executionId }}', ctx)).toBe('ex-9');
    expect(ev('={{ $nodeVersion }} {{ $nodeId }} {{ $webhookId }}', ctx)).toBe('2 id-Current wh-1');
  });

  it('$env is denied unless configured', () => {
    expect(errorOf(() => ev('={{ $env.HOME }}', ctx)).message).toBe('access to env vars denied');
    expect(ev('={{ $env.HOME }}', { ...ctx, env: { HOME: '/home/x' } })).toBe('/home/x');
  });

  it('$parameter resolves sibling parameters, $rawParameter does not', () => {
    expect(ev('={{ $parameter.greeting }}', ctx)).toBe('Hello two');
    expect(ev('={{ $parameter.plain + 1 }}', ctx)).toBe(43);
    expect(ev('={{ $parameter.rl }}', ctx)).toBe('abc');
    expect(ev('={{ $rawParameter.greeting }}', ctx)).toBe('=Hello {{ $json.name }}');
  });

  it('$jmespath and $jmesPath', () => {
    expect(ev('={{ $jmespath({ a: [{ b: 1 }, { b: 2 }] }, "a[*].b") }}', ctx)).toEqual([1, 2]);
    expect(ev('={{ $jmesPath($input.all(), "[0].json.name") }}', ctx)).toBe('two');
    expect(errorOf(() => ev('={{ $jmespath("x", 1) }}', ctx)).message).toBe('expected two arguments (Object, string) for this function');
  });

  it('$fromAI answers from the arguments of a tool call, and only there', () => {
    const asTool = { ...ctx, fromAI: { to: 'ann@example.com', n: 0 } };
    expect(ev("={{ $fromAI('to', 'Recipient', 'string') }}", asTool)).toBe('ann@example.com');
    expect(ev("={{ $fromAi('n', '', 'number', 5) }}", asTool)).toBe(0);
    expect(ev("={{ $fromai('missing', '', 'string', 'fallback') }}", asTool)).toBe('fallback');
    expect(errorOf(() => ev("={{ $fromAI('to') }}", ctx)).message).toBe('No execution data available');
    expect(errorOf(() => ev("={{ $fromAI('a b') }}", asTool)).message).toContain('Invalid parameter key');
  });
});

describe('dates and timezones', () => {
  it('$now and $today are Luxon DateTimes in the workflow timezone', () => {
    const tokyo = context({ timezone: 'Asia/Tokyo' });
    expect(ev('={{ $now.zoneName }}', tokyo)).toBe('Asia/Tokyo');
    expect(ev('={{ $today.zoneName }}', tokyo)).toBe('Asia/Tokyo');
    expect(ev('={{ $today.hour + $today.minute + $today.second + $today.millisecond }}', tokyo)).toBe(0);
    expect(ev('={{ $today.toISODate() === $now.toISODate() }}', tokyo)).toBe(true);
    expect(ev('={{ Math.abs($now.toMillis() - Date.now()) < 5000 }}', tokyo)).toBe(true);
    expect(ev('={{ $now.offset }}', tokyo)).toBe(540);
  });

  it('parses zone-less dates in the workflow timezone and switches zones between runs', () => {
    expect(ev('={{ DateTime.fromISO("2024-06-01T12:00").toISO() }}', context({ timezone: 'America/New_York' }))).toBe('2024-06-01T12:00:00.000-04:00');
    expect(ev('={{ DateTime.fromISO("2024-06-01T12:00").toISO() }}', context({ timezone: 'UTC' }))).toBe('2024-06-01T12:00:00.000Z');
    expect(ev('={{ Duration.fromObject({ hours: 2 }).as("minutes") }}', ctx)).toBe(120);
    expect(ev('={{ Interval.after(DateTime.fromISO("2024-01-01"), { days: 2 }).length("hours") }}', ctx)).toBe(48);
  });
});
