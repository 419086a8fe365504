// Real data sizes end to end: 20,000 items through a webhook, the run API and a Redis worker give
// the right answer, every stored event stays under the store's cap, and the run reads back whole.
// A run whose step cannot be recorded ends as failed, with the reason, while the server answers.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionStreamName } from '../../engine/index.ts';
import { MAX_EVENT_BYTES } from '../../events/index.ts';
import { exited, expectedScaleCount, scaleWorkflow, slowCodeChain, startWeftProcess } from '../process-testing.ts';
import { installStallGuard } from '../stall-guard.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

const N = 20_000;
const headers = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };

function client(server: TestServer) {
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${server.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, any> };
  };
}

async function createActive(server: TestServer, definition: object): Promise<string> {
  const api = client(server);
  const created = await api('POST', '/api/v1/workflows', definition);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if ((definition as { nodes: { type: string }[] }).nodes.some((n) => n.type.endsWith('.webhook'))) {
    expect((await api('POST', `/api/v1/workflows/${created.body.id}/activate`)).status).toBe(200);
  }
  return created.body.id as string;
}

async function lastExecution(server: TestServer, workflowId: string): Promise<Record<string, any>> {
  // A webhook's answer does not wait for the executions list (it follows the log a moment later).
  await server.runtime.executions.settle();
  const list = await client(server)('GET', `/api/v1/executions?workflowId=${workflowId}`);
  return list.body.data[0];
}

/** Every event of the run is under the cap, and the run read back has the answer. */
async function expectStoredWhole(server: TestServer, executionId: string): Promise<void> {
  const stream = await server.runtime.events.readStream(executionStreamName(executionId));
  for (const event of stream) expect(Buffer.byteLength(JSON.stringify(event.data))).toBeLessThan(MAX_EVENT_BYTES);
  const read = await client(server)('GET', `/api/v1/executions/${executionId}?includeData=true`);
  const runData = read.body.data.resultData.runData;
  expect(runData['Make items'][0].data.main[0]).toHaveLength(N);
  expect(runData.Count[0].data.main[0][0].json).toEqual({ count: expectedScaleCount(N) });
}

describe('large runs, embedded', () => {
  let server: TestServer;
  let stopGuard: () => Promise<void>;
  beforeAll(async () => {
    // A recorder that spins would stop every timer, this suite's timeouts included.
    stopGuard = installStallGuard(10_000);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
    await stopGuard();
  });

  it(`answers a webhook run of ${N} items with the right count and stores it under the cap`, async () => {
    const workflowId = await createActive(server, scaleWorkflow('webhook', 'scale-embedded'));
    const res = await fetch(`${server.url}/webhook/scale-embedded`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: N }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: expectedScaleCount(N) });
    await expectStoredWhole(server, (await lastExecution(server, workflowId)).id);
  });

  it(`answers POST …/run?wait=true with ${N} items`, async () => {
    const workflowId = await createActive(server, scaleWorkflow('manual'));
    const run = await client(server)('POST', `/api/v1/workflows/${workflowId}/run?wait=true`, { triggerItems: [{ json: { n: N } }] });
    expect(run.status).toBe(201);
    expect(run.body.status).toBe('success');
    expect(run.body.data.resultData.runData.Count[0].data.main[0][0].json).toEqual({ count: expectedScaleCount(N) });
    // The large outputs (stored by reference) are written into the answer from the blob store.
    const fields = run.body.data.resultData.runData['Edit Fields'][0].data.main[0] as Array<{ json: { d: number; n: string } }>;
    expect(fields).toHaveLength(N);
    expect(fields[N - 1].json).toMatchObject({ d: 2 * (N - 1), n: `ITEM ${N - 1}` });
    await expectStoredWhole(server, run.body.id);
  });

  it('ends a run as failed, with the reason, when its steps cannot be recorded, while the server keeps answering', async () => {
    const api = client(server);
    const workflowId = await createActive(server, slowCodeChain(3, 600));
    const { body } = await api('POST', `/api/v1/workflows/${workflowId}/run`, {});
    const stream = executionStreamName(body.executionId);
    // Once the run is under way, another writer takes the next place in its stream (as a second
    // worker on the same run would): the store refuses the run's next append.
    for (let i = 0; !(await server.runtime.events.readStream(stream)).some((e) => e.type === 'NodeStarted' && (e.data as { node: string }).node === 'Step 1'); i++) {
      expect(i).toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await server.runtime.events.append(stream, [{
      id: randomUUID(), type: 'Intruder', data: {},
      metadata: { actor: { kind: 'system', id: 'test' }, correlationId: 'x', causationId: 'x', at: new Date().toISOString(), schemaVersion: 1 },
    }]);
    const started = Date.now();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (;;) {
      const doc = (await api('GET', `/api/v1/executions/${body.executionId}`)).body;
      if (doc.status !== 'running' && doc.status !== 'new') {
        expect(doc.status).toBe('error');
        expect(doc.error.message).toMatch(/The run stopped: .*revision/i);
        break;
      }
      expect(Date.now() - started).toBeLessThan(15_000);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await server.runtime.events.readStream(stream)).at(-1)!.type).toBe('ExecutionFinished');
  });
});

describe('large runs on a Redis worker', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-large-redis-'));
  const env = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-large-${randomUUID()}` };
  let server: TestServer;
  let worker: ChildProcess;
  beforeAll(async () => {
    server = await startTestServer({ ...env, SERVER_RUNS_WORKER: 'false' }, dataDir);
    worker = await startWeftProcess('worker', { ...env, DATA_DIR: dataDir });
  }, 60_000);
  afterAll(async () => {
    worker.kill('SIGTERM');
    await exited(worker);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers a webhook run of ${N} items run by a worker process`, async () => {
    const workflowId = await createActive(server, scaleWorkflow('webhook', 'scale-redis'));
    const res = await fetch(`${server.url}/webhook/scale-redis`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: N }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ count: expectedScaleCount(N) });
    await expectStoredWhole(server, (await lastExecution(server, workflowId)).id);
  }, 60_000);
});
