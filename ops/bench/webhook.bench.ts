// Webhook figures on a real listening server (embedded default, or queue mode with REDIS_URL):
// requests/s and p50/p99 latency for a webhook answering at once → Edit Fields, and for a
// webhook answering when the last node of a 3-node workflow finishes; then checks every answered
// call's run is recorded and finished. Load comes from autocannon in a separate process.
// Run: npx tsx ops/bench/webhook.bench.ts   (DURATION=10 CONNECTIONS=50 WORKER_CONCURRENCY=10 REDIS_URL=redis://… to change)
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { EXECUTIONS } from '../../projections/index.ts';
import type { AddressInfo } from 'node:net';
import { createHttpServer, startTestRuntime, TEST_OWNER, type TestRuntime } from '../../server/index.ts';

/** A test runtime behind a real listening HTTP server (what server/test-support's startTestServer does). */
interface TestServer {
  runtime: TestRuntime;
  url: string;
  close(): Promise<void>;
}

async function startTestServer(env: Record<string, string>): Promise<TestServer> {
  const runtime = await startTestRuntime(env);
  const listener = createHttpServer(runtime);
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  const { port } = listener.server.address() as AddressInfo;
  return {
    runtime, url: `http://127.0.0.1:${port}`,
    async close() {
      await listener.closeChannels();
      listener.server.closeAllConnections();
      await new Promise<void>((resolve) => listener.server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const run = promisify(execFile);
const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

const set = (name: string, x: number, field: string, value: string) => ({
  id: name, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, 0],
  parameters: { assignments: { assignments: [{ id: 'a', name: field, value, type: 'string' }] }, includeOtherFields: true, options: {} },
});

function workflow(name: string, path: string, responseMode: string, setNodes: number) {
  const nodes: object[] = [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { path, httpMethod: 'POST', responseMode } }];
  const connections: Record<string, unknown> = {};
  let previous = 'Webhook';
  for (let i = 1; i <= setNodes; i++) {
    nodes.push(set(`Set ${i}`, i * 200, `f${i}`, `={{ $json.body.n ?? 0 }}-${i}`));
    connections[previous] = { main: [[{ node: `Set ${i}`, type: 'main', index: 0 }]] };
    previous = `Set ${i}`;
  }
  return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

async function create(server: TestServer, definition: object): Promise<string> {
  const headers = { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/v1/workflows`, { method: 'POST', headers, body: JSON.stringify(definition) });
  const { id } = (await created.json()) as { id: string };
  const activated = await fetch(`${server.url}/api/v1/workflows/${id}/activate`, { method: 'POST', headers });
  if (activated.status !== 200) throw new Error(`activation failed: ${await activated.text()}`);
  return id;
}

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; p90: number; average: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(url: string): Promise<CannonResult> {
  const { stdout } = await run(process.execPath, [
    autocannonBin, '-j', '-c', String(CONNECTIONS), '-d', String(DURATION), '-m', 'POST',
    '-H', 'content-type=application/json', '-b', '{"n":1}', url,
  ], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as CannonResult;
}

interface Runs {
  recorded: number;
  finished: number;
  /** How long after the load ended the last run finished (the backlog of queued runs). */
  drainMs: number;
}

async function settle(server: TestServer, workflowId: string, expected: number): Promise<Runs> {
  const docs = server.runtime.projections.executions.collection(EXECUTIONS);
  const started = Date.now();
  const deadline = started + 300_000;
  for (;;) {
    await server.runtime.executions.settle();
    const recorded = await docs.count({ workflowId });
    const finished = await docs.count({ workflowId, status: 'success' });
    if ((finished >= expected && finished >= recorded) || Date.now() > deadline) return { recorded, finished, drainMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 100));
  }
}

function report(label: string, r: CannonResult, runs: Runs): void {
  const runRate = runs.finished / (DURATION + runs.drainMs / 1000);
  console.log(`${label}: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
    `${r['2xx']} answered 2xx, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts; ` +
    `runs recorded ${runs.recorded}, finished ${runs.finished}${runs.recorded >= r['2xx'] && runs.finished >= r['2xx'] ? ' (all)' : ' (MISSING RUNS)'}, ` +
    `backlog drained ${(runs.drainMs / 1000).toFixed(1)} s after the load (${runRate.toFixed(0)} runs/s end to end)`);
}

async function main(): Promise<void> {
  const env: Record<string, string> = {};
  if (process.env.WORKER_CONCURRENCY) env.WORKER_CONCURRENCY = process.env.WORKER_CONCURRENCY;
  if (process.env.REDIS_URL) Object.assign(env, { REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `weft-bench-${Date.now()}` });
  const server = await startTestServer(env);
  console.log(`webhook bench: ${DURATION} s per case, ${CONNECTIONS} connections, ${process.env.REDIS_URL ? 'queue mode (Redis)' : 'embedded'}`);
  try {
    const immediate = await create(server, workflow('Bench immediate', 'bench-now', 'onReceived', 1));
    const r1 = await load(`${server.url}/webhook/bench-now`);
    report('respond immediately → Edit Fields', r1, await settle(server, immediate, r1['2xx']));

    const last = await create(server, workflow('Bench last node', 'bench-last', 'lastNode', 2));
    const r2 = await load(`${server.url}/webhook/bench-last`);
    report('respond when the last node finishes (3 nodes)', r2, await settle(server, last, r2['2xx']));
  } finally {
    await server.close();
  }
}

await main();
