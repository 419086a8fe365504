// Data-scale figures (issue 12): the scale workflow (Code making N items → Edit Fields with three
// expressions → IF → Code counting) through a webhook answering when the last node finishes, and
// through `POST …/run?wait=true`, embedded and with a `weft worker` process on Redis; peak RSS; and
// /healthz and workflow-list latency while a 100,000-item run and a backlog of webhook runs execute:
// while the calls arrive (50 senders at once), then while the runs accepted but not yet run execute.
// Run: npm run bench:scale   (SIZES=10000,100000 MODES=embedded,redis BACKLOG=10000 SANDBOX_MEMORY_MB=1024 to change;
// BACKLOG=0 leaves out the latency probes under load; PATHS=run measures only run?wait)
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exited, expectedScaleCount, scaleWorkflow, startWeftProcess, TEST_OWNER } from '../../server/index.ts';
import { percentile } from './stats.ts';

const SIZES = (process.env.SIZES ?? '10000,100000,1000000').split(',').map(Number);
const MODES = (process.env.MODES ?? 'embedded,redis').split(',');
const BACKLOG = Number(process.env.BACKLOG ?? 10_000);
/** Which ways in to measure; one alone gives its own peak RSS (the peak is the process's so far). */
const PATHS = (process.env.PATHS ?? 'webhook,run').split(',');
const headers = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };

/** The server runs as its own process, as deployed: the load and the probes come from outside it. */
interface Server {
  url: string;
}

/** Peak resident memory of a process, in MB (VmHWM). */
function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024);
}

async function call(url: string, init: RequestInit = {}): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { ...init, headers: { ...headers, ...(init.headers as object) } });
  const body = await res.json().catch(() => undefined);
  return { status: res.status, body, ms: performance.now() - started };
}

async function create(server: Server, definition: object, activate: boolean): Promise<string> {
  const { body } = await call(`${server.url}/api/v1/workflows`, { method: 'POST', body: JSON.stringify(definition) });
  if (activate) await call(`${server.url}/api/v1/workflows/${body.id}/activate`, { method: 'POST' });
  return body.id;
}

/** Probes /healthz and the workflow list one after another until stopped; their latencies. */
function probe(server: Server) {
  const health: number[] = [];
  const list: number[] = [];
  let failures = 0;
  let running = true;
  // A failed probe (a reset connection) counts, and the probing goes on.
  const timed = (url: string, into: number[]) => call(url).then((r) => { into.push(r.ms); }, () => { failures++; });
  const done = (async () => {
    while (running) {
      await timed(`${server.url}/healthz`, health);
      await timed(`${server.url}/api/v1/workflows?limit=20`, list);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const f = (v: number[]) => `p50 ${percentile(v, 50).toFixed(1)} ms, p99 ${percentile(v, 99).toFixed(1)} ms, max ${Math.max(...v).toFixed(0)} ms (${v.length} probes)`;
      return `/healthz ${f(health)}; workflow list ${f(list)}; ${failures} failed probes`;
    },
  };
}

async function sizes(server: Server, label: string, rssOf: () => string) {
  const hookPath = `scale-${randomUUID().slice(0, 8)}`;
  await create(server, scaleWorkflow('webhook', hookPath), true);
  const manualId = await create(server, scaleWorkflow('manual'), false);
  for (const n of SIZES) {
    if (PATHS.includes('webhook')) {
      const hook = await call(`${server.url}/webhook/${hookPath}`, { method: 'POST', body: JSON.stringify({ n }) });
      const ok = hook.body?.count === expectedScaleCount(n);
      console.log(`${label}  webhook      N=${String(n).padStart(9)}  ${(hook.ms / 1000).toFixed(2).padStart(7)} s  ${ok ? 'answer right' : `WRONG ANSWER ${hook.status} ${JSON.stringify(hook.body).slice(0, 200)}`}  ${rssOf()}`);
    }
    if (!PATHS.includes('run')) continue;
    const run = await call(`${server.url}/api/v1/workflows/${manualId}/run?wait=true`, { method: 'POST', body: JSON.stringify({ triggerItems: [{ json: { n } }] }) });
    const runOk = run.body?.status === 'success';
    console.log(`${label}  run?wait     N=${String(n).padStart(9)}  ${(run.ms / 1000).toFixed(2).padStart(7)} s  ${runOk ? 'success' : `FAILED ${run.status} ${JSON.stringify(run.body?.data?.resultData?.error ?? run.body).slice(0, 200)}`}  ${rssOf()}`);
  }
}

/** A 100,000-item run and a backlog of quick webhook runs at once, with the probes going. */
async function underLoad(server: Server) {
  const bigPath = `big-${randomUUID().slice(0, 8)}`;
  const quickPath = `quick-${randomUUID().slice(0, 8)}`;
  await create(server, scaleWorkflow('webhook', bigPath), true);
  const quickId = await create(server, {
    name: 'Quick', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: quickPath, parameters: { path: quickPath, httpMethod: 'POST', options: {} } },
      { id: 's', name: 'Edit Fields', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'seen', value: '={{ $json.body.k }}', type: 'number' }] }, options: {} } },
    ],
    connections: { Webhook: { main: [[{ node: 'Edit Fields', type: 'main', index: 0 }]] } },
  }, true);

  const quiet = probe(server);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  console.log(`idle                       ${await quiet.stop()}`);

  const probes = probe(server);
  const started = performance.now();
  const big = call(`${server.url}/webhook/${bigPath}`, { method: 'POST', body: JSON.stringify({ n: 100_000 }) });
  let sent = 0;
  let refused = 0;
  const senders = Array.from({ length: 50 }, async () => {
    while (sent < BACKLOG) {
      const k = sent++;
      await call(`${server.url}/webhook/${quickPath}`, { method: 'POST', body: JSON.stringify({ k }) }).catch(() => { refused++; });
    }
  });
  await Promise.all(senders);
  const accepted = performance.now() - started;
  console.log(`under load, calls arriving ${await probes.stop()}`);
  // Then the runs accepted but not yet executed, with nothing arriving any more.
  const draining = probe(server);
  const bigDone = await big;
  // Runs are taken in order: the backlog is done when the newest run has finished and none runs.
  const list = async (query: string) => (await call(`${server.url}/api/v1/executions?workflowId=${quickId}&limit=1${query}`)).body?.data ?? [];
  while (BACKLOG > 0 && ((await list(''))[0]?.status !== 'success' || (await list('&status=running')).length > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const drained = performance.now() - started;
  console.log(`under load, backlog running ${await draining.stop()}`);
  console.log(`backlog: ${BACKLOG} webhook calls sent in ${(accepted / 1000).toFixed(1)} s (${refused} failed), all their runs finished after ${(drained / 1000).toFixed(1)} s; ` +
    `the 100,000-item run answered in ${(bigDone.ms / 1000).toFixed(1)} s (${bigDone.body?.count === expectedScaleCount(100_000) ? 'right' : 'WRONG'})`);
}

for (const mode of MODES) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-scale-'));
  const sandbox: Record<string, string> = process.env.SANDBOX_MEMORY_MB ? { SANDBOX_MEMORY_MB: process.env.SANDBOX_MEMORY_MB } : {};
  const env: Record<string, string> = mode === 'redis'
    ? { ...sandbox, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-scale-${randomUUID()}`, SERVER_RUNS_WORKER: 'false' }
    : sandbox;
  const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
  const serverProcess = await startWeftProcess('start', {
    ...env, DATA_DIR: dataDir, PORT: String(port),
    OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
  });
  const server: Server = { url: `http://127.0.0.1:${port}` };
  let worker: ChildProcess | undefined;
  if (mode === 'redis') worker = await startWeftProcess('worker', { ...env, DATA_DIR: dataDir });
  const rssOf = () => `peak RSS server ${peakRssMb(serverProcess.pid!)} MB${worker?.pid ? `, worker ${peakRssMb(worker.pid)} MB` : ''}`;
  try {
    await sizes(server, mode.padEnd(9), rssOf);
    if (mode === 'embedded' && BACKLOG > 0) await underLoad(server);
  } finally {
    if (worker) {
      worker.kill('SIGTERM');
      await exited(worker);
    }
    serverProcess.kill('SIGTERM');
    await exited(serverProcess);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
