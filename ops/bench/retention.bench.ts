// Bytes stored per run, and after pruning: a 20-node chain (Manual trigger + 19 Edit Fields / Code
// nodes with some items) runs RUNS times on a real embedded runtime; the data dir (event store,
// blobs, read models) is measured before, after the runs, and after pruning every run.
// Run: npm run bench:retention   (RUNS=200 ITEMS=50 OUTPUT_INLINE_LIMIT_BYTES=… to change them)
import { readdirSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { startTestRuntime } from '../../server/index.ts';

const RUNS = Number(process.env.RUNS ?? 200);
const ITEMS = Number(process.env.ITEMS ?? 50);

function chain() {
  const nodes: Record<string, unknown>[] = [
    { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    {
      id: 'items', name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
      parameters: { jsCode: `return Array.from({ length: ${ITEMS} }, (_, i) => ({ json: { i, name: 'item ' + i, at: Date.now() } }));` },
    },
  ];
  const connections: Record<string, unknown> = { Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] } };
  for (let n = 2; n < 20; n++) {
    const name = `Step ${n}`;
    nodes.push(n % 2 === 0
      ? { id: name, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [n * 200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: `f${n}`, value: `={{ $json.name }}-${n}`, type: 'string' }] }, includeOtherFields: true, options: {} } }
      : { id: name, name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [n * 200, 0], parameters: { jsCode: `return $input.all().map((item) => ({ json: { ...item.json, c${n}: item.json.i * ${n} } }));` } });
    const previous = nodes[nodes.length - 2].name as string;
    connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
  }
  return { name: 'Retention bench', nodes, connections, settings: { executionOrder: 'v1' } };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    total += entry.isDirectory() ? dirBytes(full) : statSync(full).size;
  }
  return total;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const rt = await startTestRuntime({ EXECUTIONS_DATA_BLOB_GRACE_MS: '0', EXECUTIONS_DATA_PRUNE_MAX_COUNT: '0', ...(process.env.OUTPUT_INLINE_LIMIT_BYTES ? { OUTPUT_INLINE_LIMIT_BYTES: process.env.OUTPUT_INLINE_LIMIT_BYTES } : {}) });
try {
  const ctx = { actor: { kind: 'system' as const, id: 'bench' }, requestId: randomUUID() };
  const workflow = await rt.workflows.create('default', parseWorkflowDefinition(chain()), [], ctx);
  const settle = async () => {
    await rt.executions.settle();
    await rt.events.reclaimSpace();
    await rt.readModels.reclaimSpace();
  };
  await settle();
  const empty = dirBytes(rt.config.dataDir);
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const { done } = await rt.executions.start(workflow, { mode: 'manual' }, { ...ctx, requestId: randomUUID() });
    const result = await done;
    if (result.status !== 'success') throw new Error(`run ${i} ended ${result.status}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await settle();
  const full = dirBytes(rt.config.dataDir);
  const report = await rt.retention.pruneOnce(Date.now() + 400 * 24 * 3600_000);
  const pruned = dirBytes(rt.config.dataDir);
  console.log(`${RUNS} runs of a 20-node chain with ${ITEMS} items (${(RUNS / seconds).toFixed(1)} runs/s)`);
  console.log(`data dir empty:          ${kib(empty)}`);
  console.log(`data dir after the runs: ${kib(full)}  (${kib((full - empty) / RUNS)} per run)`);
  console.log(`data dir after pruning:  ${kib(pruned)}  (${report.pruned.maxAge} runs pruned, ${report.blobsDeleted} blobs deleted; the rest is one ExecutionPruned event and audit entry per run)`);
} finally {
  await rt.dispose();
}
