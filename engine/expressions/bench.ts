// A throughput probe for ops/bench: evaluates one expression over N items of one node run,
// the way the executor resolves a parameter for every input item.
import type { ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import { createExpressionEvaluator, type ExpressionEvaluatorOptions } from './evaluator.ts';

export interface ExpressionBenchOptions extends ExpressionEvaluatorOptions {
  /** Items in the node run. Default 100 000. */
  items?: number;
  /** The parameter value evaluated for every item. Default `={{ $json.a + 1 }}`. */
  expression?: string;
}

export interface ExpressionBenchResult {
  expression: string;
  items: number;
  ms: number;
  perSecond: number;
}

export function benchmarkExpressions(options: ExpressionBenchOptions = {}): ExpressionBenchResult {
  const count = options.items ?? 100_000;
  const expression = options.expression ?? '={{ $json.a + 1 }}';
  const items: Item[] = Array.from({ length: count }, (_, i) => ({ json: { a: i, name: `item ${i}` }, pairedItem: { item: i } }));
  const node = (name: string) => ({ name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [0, 0] as [number, number], parameters: {} });
  const base: ExpressionContext = {
    node: node('Set'),
    inputItems: [items],
    source: [{ previousNode: 'Start' }],
    itemIndex: 0,
    runIndex: 0,
    workflow: { id: 'bench', name: 'bench', active: false, nodes: [node('Start'), node('Set')], connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } } },
    runData: { Start: [{ startTime: 0, executionIndex: 0, executionTime: 0, executionStatus: 'success', source: [], data: { main: [items] } }] },
    execution: { id: 'bench', mode: 'manual' },
    vars: {},
    timezone: 'UTC',
  };
  const evaluator = createExpressionEvaluator(options);
  try {
    evaluator.evaluate(expression, base, { parameter: 'value' }); // warm-up: isolate, compile, state
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) evaluator.evaluate(expression, { ...base, itemIndex: i }, { parameter: 'value' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { expression, items: count, ms, perSecond: Math.round((count / ms) * 1000) };
  } finally {
    evaluator.dispose();
  }
}
