// Real worker processes on a real Redis queue: a worker killed with SIGKILL mid-run loses nothing
// (another continues from the last recorded step, no node that succeeded runs again, no event is
// written twice); a stop reaches whichever worker runs the run; a worker shutting down hands its
// runs back.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, slowCodeChain, startWeftProcess } from '../process-testing.ts';
import { TEST_OWNER } from '../test-support.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-workers-'));
const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
const base = `http://127.0.0.1:${port}`;
const env = {
  PORT: String(port), DATA_DIR: dataDir,
  REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-workers-${randomUUID()}`, QUEUE_LOCK_MS: '1000',
  WORKER_CONCURRENCY: '4', WORKER_SHUTDOWN_TIMEOUT_MS: '300',
  OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
};
const headers = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };
const children = new Set<ChildProcess>();

function startProcess(verb: 'start' | 'worker', extra: Record<string, string> = {}): Promise<ChildProcess> {
  return startWeftProcess(verb, { ...env, ...extra }, (child) => {
    children.add(child);
    child.once('exit', () => children.delete(child));
  });
}

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, any> };
}

async function waitForEnd(id: string, timeoutMs = 30_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api('GET', `/api/v1/executions/${id}?includeData=true`);
    if (body && !['new', 'running'].includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`execution ${id} still ${body?.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The run's events, read through a short-lived runtime on the same data folder. */
async function streamOf(id: string) {
  const { createSqliteEventStore } = await import('../../events/index.ts');
  const store = createSqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
  try {
    return await store.readStream(`execution-${id}`);
  } finally {
    await store.close();
  }
}

const workers: ChildProcess[] = [];

beforeAll(async () => {
  await startProcess('start', { SERVER_RUNS_WORKER: 'false' });
  workers.push(await startProcess('worker'), await startProcess('worker'));
}, 90_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([...children].map(exited));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('workers on a Redis queue', () => {
  it('loses nothing when a worker is killed mid-run, at random points, again and again', async () => {
    const wf = (await api('POST', '/api/v1/workflows', slowCodeChain(8, 120))).body;
    for (let round = 0; round < 3; round++) {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await api('POST', `/api/v1/workflows/${wf.id}/run`, {})).body.executionId);
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 600));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0];
      victim.kill('SIGKILL');
      await exited(victim);
      for (const id of ids) {
        const run = await waitForEnd(id);
        expect(run.status, JSON.stringify(run.data?.resultData?.error)).toBe('success');
        expect(run.data.resultData.runData['Step 8'][0].data.main[0][0].json).toEqual({ step: 8 });
        const events = await streamOf(id);
        const succeeded = events.filter((e) => e.type === 'NodeSucceeded').map((e) => `${(e.data as { node: string }).node}:${(e.data as { runIndex: number }).runIndex}`);
        expect(new Set(succeeded).size, 'a node that succeeded ran again').toBe(succeeded.length);
        expect(succeeded).toHaveLength(9);
        const keys = events.map((e) => `${e.type}:${JSON.stringify([(e.data as any).node, (e.data as any).runIndex, (e.data as any).attempt])}`);
        expect(new Set(keys).size, 'an event was written twice').toBe(keys.length);
        expect(events.filter((e) => e.type === 'ExecutionFinished')).toHaveLength(1);
      }
      workers.push(await startProcess('worker'));
    }
  }, 180_000);

  it('stops a run on whichever worker runs it, cutting off its Code node', async () => {
    const wf = (await api('POST', '/api/v1/workflows', slowCodeChain(1, 20_000))).body;
    const id = (await api('POST', `/api/v1/workflows/${wf.id}/run`, {})).body.executionId;
    const deadline = Date.now() + 10_000;
    while ((await api('GET', `/api/v1/executions/${id}`)).body.status !== 'running' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const asked = Date.now();
    expect((await api('POST', `/api/v1/executions/${id}/stop`)).body).toEqual({ stopped: true });
    const run = await waitForEnd(id, 10_000);
    expect(run.status).toBe('canceled');
    expect(Date.now() - asked).toBeLessThan(5_000);
  }, 60_000);

  it('hands runs back when a worker shuts down, and another finishes them', async () => {
    const wf = (await api('POST', '/api/v1/workflows', slowCodeChain(6, 150))).body;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await api('POST', `/api/v1/workflows/${wf.id}/run`, {})).body.executionId);
    await new Promise((r) => setTimeout(r, 300));
    const leaving = workers.shift()!;
    leaving.kill('SIGTERM');
    await exited(leaving);
    expect(leaving.exitCode).toBe(0);
    for (const id of ids) expect((await waitForEnd(id)).status).toBe('success');
    workers.push(await startProcess('worker'));
  }, 90_000);
});
