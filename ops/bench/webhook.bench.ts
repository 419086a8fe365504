// Webhook figures on a real listening server (embedded default, or queue mode with REDIS_URL):
// requests/s and p50/p99 latency for a webhook answering at once → Edit Fields, and for a
// webhook answering when the last node of a 3-node workflow finishes; then checks every answered
// call's run is recorded and finished. Each case runs twice: over kept-alive connections and with
// a fresh connection per call (most webhook senders). Last, the floor: a POST to /healthz, refused
// by the router (no lookup, no run). Load comes from ops/bench/http-load.ts, a closed-loop client in a separate process.
// Run: npx tsx ops/bench/webhook.bench.ts   (DURATION=10 CONNECTIONS=50 WORKER_CONCURRENCY=10 REDIS_URL=redis://… to change)
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoadResult } from './http-load.ts';
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
const loadScript = fileURLToPath(new URL('./http-load.ts', import.meta.url));

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

async function load(url: string, mode: 'keepalive' | 'fresh'): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', loadScript, url, String(CONNECTIONS), String(DURATION), mode, '{"n":1}']);
  return JSON.parse(stdout) as LoadResult;
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

/** The server's CPU time (all its threads) per answered call, load and backlog included: what caps throughput on a busy machine. */
function cpuPerCall(before: NodeJS.CpuUsage, calls: number): string {
  const used = process.cpuUsage(before);
  return `${((used.user + used.system) / 1000 / Math.max(1, calls)).toFixed(2)} ms server CPU per call`;
}

function report(label: string, r: LoadResult, runs: Runs, cpu: string): void {
  const runRate = runs.finished / (DURATION + runs.drainMs / 1000);
  const connection = r.mode === 'fresh' ? 'fresh connection per call' : 'keep-alive';
  console.log(`${label}, ${connection}: ${r.perSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ` +
    `${r.ok2xx} answered 2xx, ${r.non2xx} non-2xx, ${r.errors} errors; ` +
    `runs recorded ${runs.recorded}, finished ${runs.finished}${runs.recorded >= r.ok2xx && runs.finished >= r.ok2xx ? ' (all)' : ' (MISSING RUNS)'}, ` +
    `backlog drained ${(runs.drainMs / 1000).toFixed(1)} s after the load (${runRate.toFixed(0)} runs/s end to end); ${cpu}`);
}

async function main(): Promise<void> {
  const env: Record<string, string> = {};
  if (process.env.WORKER_CONCURRENCY) env.WORKER_CONCURRENCY = process.env.WORKER_CONCURRENCY;
  if (process.env.REDIS_URL) Object.assign(env, { REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: `weft-bench-${Date.now()}` });
  const server = await startTestServer(env);
  console.log(`webhook bench: ${DURATION} s per case, ${CONNECTIONS} connections, ${process.env.REDIS_URL ? 'queue mode (Redis)' : 'embedded'}`);
  const cases = [
    { label: 'respond immediately → Edit Fields', path: 'bench-now', responseMode: 'onReceived', setNodes: 1 },
    { label: 'respond when the last node finishes (3 nodes)', path: 'bench-last', responseMode: 'lastNode', setNodes: 2 },
  ];
  const only = process.env.ONLY;
  try {
    for (const c of cases) {
      for (const mode of ['fresh', 'keepalive'] as const) {
        if (only && !`${c.path}-${mode}`.includes(only)) continue;
        // One workflow per case and mode, so each check counts only its own runs.
        const id = await create(server, workflow(`${c.label} ${mode}`, `${c.path}-${mode}`, c.responseMode, c.setNodes));
        const cpuBefore = process.cpuUsage();
        const r = await load(`${server.url}/webhook/${c.path}-${mode}`, mode);
        const runs = await settle(server, id, r.ok2xx);
        report(c.label, r, runs, cpuPerCall(cpuBefore, r.ok2xx));
      }
    }
    // The floor: the same server refusing a POST to /healthz (its middleware and router, no
    // lookup, no run), so the figures above can be read against what this machine's HTTP path allows.
    for (const mode of ['fresh', 'keepalive'] as const) {
      if (only && !`floor-${mode}`.includes(only)) continue;
      const cpuBefore = process.cpuUsage();
      const r = await load(`${server.url}/healthz`, mode);
      const cpu = cpuPerCall(cpuBefore, r.requests);
      console.log(`${cpu}; floor (POST /healthz, refused by the router), ${mode === 'fresh' ? 'fresh connection per call' : 'keep-alive'}: ${r.perSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
    }
  } finally {
    await server.close();
  }
}

await main();
