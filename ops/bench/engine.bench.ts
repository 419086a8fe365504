// Engine figures: per-node-step overhead on a 20-node chain (events recorded in the SQLite store),
// 100,000 items through Edit Fields → IF → Code (items/s, peak RSS), and expression evaluations/s.
// Run: npm run bench:engine   (ITEMS=100000 to change the item count)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseWorkflowDefinition, type WorkflowDefinition } from '../../domain/index.ts';
import {
  benchmarkExpressions, createCodeRunner, createExpressionEvaluator, createMemoryRecorder, executeWorkflow,
  executionStreamName, type ExecutionRecorder, type Item,
} from '../../engine/index.ts';
import { createSqliteEventStore } from '../../events/index.ts';
import { getNodeType, loadNodeTypes } from '../../nodes/index.ts';
import { percentile } from './stats.ts';
import { createStoreRecorder } from '../../server/index.ts';

const ITEMS = Number(process.env.ITEMS ?? 100_000);
const evaluator = createExpressionEvaluator();
const codeRunner = createCodeRunner({ timeoutMs: 120_000, memoryLimitMb: 1024 });

const node = (name: string, type: string, x: number, parameters: object, typeVersion = 1) =>
  ({ id: name, name, type: `n8n-nodes-base.${type}`, typeVersion, position: [x, 0], parameters });
const setNode = (name: string, x: number, assignments: { name: string; value: string; type: string }[]) =>
  node(name, 'set', x, { assignments: { assignments: assignments.map((a, i) => ({ id: String(i), ...a })) }, includeOtherFields: true, options: {} }, 3.4);

async function run(definition: WorkflowDefinition, recorder: ExecutionRecorder, triggerItems?: Item[], executionId = 'bench') {
  await loadNodeTypes(definition.nodes);
  return executeWorkflow({
    definition, workflowId: 'bench', executionId, mode: 'manual', nodeTypes: getNodeType, evaluator, timezone: 'UTC',
    triggerItems, credentials: async () => ({}), recorder,
    runCode: (ctx, code, options) => codeRunner.run({ ctx, code, mode: options.mode, itemIndex: options.itemIndex }),
  });
}

async function chainOverhead(): Promise<void> {
  const nodes = [node('Start', 'manualTrigger', 0, {})];
  const connections: Record<string, unknown> = {};
  for (let i = 1; i <= 20; i++) {
    nodes.push(setNode(`Set ${i}`, i * 200, [{ name: `f${i}`, value: `v${i}`, type: 'string' }]));
    connections[nodes[i - 1].name] = { main: [[{ node: nodes[i].name, type: 'main', index: 0 }]] };
  }
  const definition = parseWorkflowDefinition({ name: 'chain', nodes, connections, settings: { executionOrder: 'v1' } });
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-bench-engine-'));
  const store = createSqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  const perStep: number[] = [];
  const memoryPerStep: number[] = [];
  try {
    for (let r = 0; r < 220; r++) {
      const storeRecorder = createStoreRecorder(store, executionStreamName(`chain-${r}`), { actor: { kind: 'system', id: 'bench' }, correlationId: 'bench' });
      let t = performance.now();
      await run(definition, storeRecorder);
      if (r >= 20) perStep.push(((performance.now() - t) * 1000) / 21);
      t = performance.now();
      await run(definition, createMemoryRecorder());
      if (r >= 20) memoryPerStep.push(((performance.now() - t) * 1000) / 21);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('Per node step, 20 Edit Fields nodes on 1 item (200 runs after warm-up):');
  console.log(`  events appended to the SQLite store (durable, fsync): p50 ${percentile(perStep, 50).toFixed(0)} µs/step, p99 ${percentile(perStep, 99).toFixed(0)} µs/step`);
  console.log(`  events recorded in memory:                              p50 ${percentile(memoryPerStep, 50).toFixed(0)} µs/step, p99 ${percentile(memoryPerStep, 99).toFixed(0)} µs/step`);
}

async function throughput(): Promise<void> {
  const definition = parseWorkflowDefinition({
    name: 'throughput', settings: { executionOrder: 'v1' },
    nodes: [
      node('Start', 'manualTrigger', 0, {}),
      setNode('Edit Fields', 200, [
        { name: 'double', value: '={{ $json.n * 2 }}', type: 'number' },
        { name: 'label', value: '=item {{ $json.n }}', type: 'string' },
        { name: 'even', value: '={{ $json.n % 2 === 0 }}', type: 'boolean' },
      ]),
      node('If', 'if', 400, {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
          conditions: [{ id: 'c', leftValue: '={{ $json.even }}', rightValue: '', operator: { type: 'boolean', operation: 'true', singleValue: true } }],
          combinator: 'and',
        },
        options: {},
      }, 2.2),
      node('Code', 'code', 600, { jsCode: 'return $input.all().map(i => ({ json: { ...i.json, done: true } }));' }, 2),
    ],
    connections: {
      Start: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] },
      'Edit Fields': { main: [[{ node: 'If', type: 'main', index: 0 }]] },
      If: { main: [[{ node: 'Code', type: 'main', index: 0 }], []] },
    },
  });
  const items: Item[] = Array.from({ length: ITEMS }, (_, n) => ({ json: { n } }));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const result = await run(definition, createMemoryRecorder(), items);
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out = result.data.resultData.runData.Code?.[0]?.data?.main[0]?.length ?? 0;
  console.log(`Manual Trigger → Edit Fields (3 expressions) → IF → Code on ${ITEMS} items: ${result.status}, ${seconds.toFixed(2)} s, ${Math.round(ITEMS / seconds)} items/s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (${out} items reached Code)`);
}

await chainOverhead();
await throughput();
const expr = benchmarkExpressions({ items: 100_000 });
console.log(`Expression ${expr.expression} on ${expr.items} items: ${Math.round(expr.perSecond)} evaluations/s`);
evaluator.dispose();
codeRunner.dispose();
