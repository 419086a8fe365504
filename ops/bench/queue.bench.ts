// Queue figures with real processes on local Redis: runs/s of a 3-node workflow (Manual Trigger →
// Edit Fields → No Op, every step recorded) with 1 and 2 worker processes, and the added median
// latency per node step of the queued path over the in-process path.
// Run: npm run bench:queue   (RUNS=3000 to change the number of runs)
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startWeftProcess } from '../../server/index.ts';
import { percentile } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 3000);
const apiKey = 'wk_bench_owner_key_0123456789abcdef';

const workflow = {
  name: 'Three steps', settings: { executionOrder: 'v1' },
  nodes: [
    { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: '2', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'n', value: '={{ 1 + 1 }}', type: 'number' }] }, options: {} } },
    { id: '3', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
  ],
  connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] }, Set: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
};

interface Stack {
  base: string;
  dataDir: string;
  env: Record<string, string>;
  children: ChildProcess[];
}

async function stack(extra: Record<string, string>): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-queue-bench-'));
  const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
  const env = {
    PORT: String(port), DATA_DIR: dataDir, OWNER_EMAIL: 'bench@example.com', OWNER_PASSWORD: 'bench password 1', OWNER_API_KEY: apiKey,
    ...extra,
  };
  const server = await startWeftProcess('start', env);
  return { base: `http://127.0.0.1:${port}`, dataDir, env, children: [server] };
}

async function stop(s: Stack): Promise<void> {
  for (const child of s.children) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(s.dataDir, { recursive: true, force: true });
}

async function call(s: Stack, method: string, url: string, body?: unknown): Promise<any> {
  const res = await fetch(`${s.base}${url}`, { method, headers: { 'x-api-key': apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

function finishedRuns(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM events WHERE type = 'ExecutionFinished'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Queues RUNS runs with no worker up, then starts `workers` workers and times the drain. */
async function throughput(workers: number): Promise<number> {
  const s = await stack({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `bench-${randomUUID()}`, SERVER_RUNS_WORKER: 'false' });
  try {
    const wf = await call(s, 'POST', '/api/v1/workflows', workflow);
    let next = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (next++ < RUNS) await call(s, 'POST', `/api/v1/workflows/${wf.id}/run`, {});
    }));
    const workerEnv = { ...s.env, WORKER_CONCURRENCY: '64' };
    const started = await Promise.all(Array.from({ length: workers }, () => startWeftProcess('worker', workerEnv)));
    s.children.push(...started);
    const t0 = performance.now();
    while (finishedRuns(s.dataDir) < RUNS) await new Promise((r) => setTimeout(r, 20));
    return RUNS / ((performance.now() - t0) / 1000);
  } finally {
    await stop(s);
  }
}

/** Median latency of one run with wait=true, run after run. */
async function runLatency(extra: Record<string, string>, workers: number): Promise<number> {
  const s = await stack(extra);
  try {
    for (let i = 0; i < workers; i++) s.children.push(await startWeftProcess('worker', s.env));
    const wf = await call(s, 'POST', '/api/v1/workflows', workflow);
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const run = await call(s, 'POST', `/api/v1/workflows/${wf.id}/run?wait=true`, {});
      if (run.status !== 'success') throw new Error(`run failed: ${JSON.stringify(run)}`);
      if (i >= 50) samples.push(performance.now() - t0);
    }
    return percentile(samples, 50);
  } finally {
    await stop(s);
  }
}

const one = await throughput(1);
console.log(`queue throughput, 1 worker:  ${one.toFixed(0)} runs/s (${RUNS} runs of a 3-node workflow, every step recorded)`);
const two = await throughput(2);
console.log(`queue throughput, 2 workers: ${two.toFixed(0)} runs/s (target ≥ 500)`);
const inProcess = await runLatency({}, 0);
const queued = await runLatency({ REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `bench-${randomUUID()}`, SERVER_RUNS_WORKER: 'false' }, 1);
console.log(`run latency (median, wait=true): in-process ${inProcess.toFixed(2)} ms, queued on Redis ${queued.toFixed(2)} ms`);
console.log(`queue overhead per node step: ${((queued - inProcess) / 3).toFixed(2)} ms (target ≤ 2 ms)`);
