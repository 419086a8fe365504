// Live runs in the real deployment shape: a server process without a worker, two worker processes
// on a real Redis queue, and Socket.IO clients on the server. A worker is killed mid-run: watchers
// still get every step once, a reconnecting client ends with what a steady one got, a late joiner
// gets the whole run, and a stopped run ends as canceled for its watchers.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../domain/index.ts';
import { checkService } from '../credentials/test-services.ts';
import { exited, slowCodeChain, startWeftProcess } from '../process-testing.ts';
import { TEST_OWNER } from '../test-support.ts';
import { api, connect, createWorkflow, key, record, runWorkflow, watch, type LiveClient } from './live-test-helpers.ts';

const redis = await checkService('Redis', '127.0.0.1', 6379);
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-live-workers-'));
const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
const base = `http://127.0.0.1:${port}`;
const env = {
  PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir,
  REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-live-${randomUUID()}`, QUEUE_LOCK_MS: '1000', WORKER_SHUTDOWN_TIMEOUT_MS: '300',
  OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
};
const processes = new Set<ChildProcess>();
const clients: LiveClient[] = [];

function start(verb: 'start' | 'worker', extra: Record<string, string> = {}): Promise<ChildProcess> {
  return startWeftProcess(verb, { ...env, ...extra }, (child) => {
    processes.add(child);
    child.once('exit', () => processes.delete(child));
  });
}

const finished = (executionId: string) => (m: LiveMessage) => m.executionId === executionId && m.type === 'run.finished';
const open = async () => {
  const client = await connect(base);
  clients.push(client);
  return client;
};

describe.skipIf(redis.skip)('live runs with worker processes on a Redis queue', () => {
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (redis.problem) throw new Error(redis.problem);
    await start('start', { SERVER_RUNS_WORKER: 'false' });
    workers.push(...(await Promise.all([start('worker'), start('worker')])));
  }, 90_000);

  afterAll(async () => {
    for (const client of clients) client.disconnect();
    for (const child of processes) child.kill('SIGKILL');
    await Promise.all([...processes].map(exited));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams a run through a worker kill: steady, reconnecting and late clients end with the same sequence', async () => {
    const workflowId = await createWorkflow(base, slowCodeChain(8, 150));
    const executionId = await runWorkflow(base, workflowId);
    const room = `execution:${executionId}`;
    const steady = await open();
    const steadyInbox = record(steady);
    expect(await watch(steady, room)).toMatchObject({ ok: true, executionId, workflowId });
    const flaky = await open();
    const flakyInbox = record(flaky);
    expect(await watch(flaky, room)).toMatchObject({ ok: true });

    await steadyInbox.until((m) => m.type === 'node.finished' && m.data.node === 'Step 2', 20_000);
    flaky.disconnect();
    // Kill whichever worker runs it: the other takes the run over once its lock expires.
    for (const worker of workers.splice(0)) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    workers.push(await start('worker'));
    const back = await open();
    const backInbox = record(back);
    expect(await watch(back, room, flakyInbox.messages.at(-1)!.revision)).toMatchObject({ ok: true });

    await steadyInbox.until(finished(executionId), 30_000);
    await backInbox.until(finished(executionId), 30_000);
    expect(steadyInbox.messages.at(-1)?.data).toMatchObject({ status: 'success' });
    const steadyKeys = steadyInbox.messages.map(key);
    expect(steadyInbox.messages.map((m) => m.revision)).toEqual(steadyInbox.messages.map((_, i) => i));
    expect([...flakyInbox.messages, ...backInbox.messages].map(key)).toEqual(steadyKeys);
    const succeeded = steadyInbox.messages.filter((m) => m.type === 'node.finished').map((m) => ('node' in m.data ? m.data.node : ''));
    expect(new Set(succeeded).size).toBe(succeeded.length);
    expect(succeeded).toHaveLength(9);

    const late = await open();
    const lateInbox = record(late);
    expect(await watch(late, room)).toMatchObject({ ok: true, replayed: steadyKeys.length });
    expect(lateInbox.messages.map(key)).toEqual(steadyKeys);
  }, 90_000);

  it('tells watchers a stopped run ended as canceled, whichever worker ran it', async () => {
    const workflowId = await createWorkflow(base, slowCodeChain(1, 20_000));
    const watcher = await open();
    const inbox = record(watcher);
    expect(await watch(watcher, `workflow:${workflowId}`)).toMatchObject({ ok: true });
    const executionId = await runWorkflow(base, workflowId);
    // The recorder writes a node's start together with its outcome, so the last live sign of the
    // busy node before the stop is the trigger's end.
    await inbox.until((m) => m.executionId === executionId && m.type === 'node.finished' && m.data.node === 'Start', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api(base, 'POST', `/api/v1/executions/${executionId}/stop`, { expect: 200 });
    const end = await inbox.until(finished(executionId), 10_000);
    expect(end.data).toMatchObject({ status: 'canceled' });
    const run = inbox.messages.filter((m) => m.executionId === executionId);
    expect(run.map((m) => m.revision)).toEqual(run.map((_, i) => i));
  }, 60_000);
});
