// Runs execute on a thread of their own beside the server: a node step that computes for seconds
// does not hold up /healthz or the API, and the run's result still reaches whoever waits for it.
// With EXECUTIONS_THREAD=false the same run executes on the server's own thread.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

const headers = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${server!.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, any> };
}

/** Until `until` settles: the slowest of /healthz answers asked one after another. */
async function slowestHealthz(until: Promise<unknown>): Promise<{ slowest: number; probes: number }> {
  let settled = false;
  void until.finally(() => (settled = true));
  let slowest = 0;
  let probes = 0;
  while (!settled) {
    const started = performance.now();
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    slowest = Math.max(slowest, performance.now() - started);
    probes++;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { slowest, probes };
}

/**
 * How long each step computes. The two tests tell a held-up server thread (a probe waits for much
 * of a step) from a free one (probes answer in a fraction of it) by this length, not by a fixed
 * figure that a busy machine (other test files on the same two cores) can cross. Longer than an
 * expression may run by default, so the tests allow more.
 */
const STEP_MS = 1500;

/** Manual Trigger → three Edit Fields whose expression computes for STEP_MS (expressions are synchronous). */
function spinningWorkflow() {
  const spin = (i: number) => ({
    id: `s${i}`, name: `Spin ${i}`, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [i * 200, 0],
    parameters: { assignments: { assignments: [{ id: 'x', name: 'spun', type: 'number', value: `={{ (() => { const end = Date.now() + ${STEP_MS}; while (Date.now() < end) {} return ${i}; })() }}` }] }, options: {} },
  });
  return {
    name: 'Spins', settings: { executionOrder: 'v1' },
    nodes: [{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, spin(1), spin(2), spin(3)],
    connections: {
      Start: { main: [[{ node: 'Spin 1', type: 'main', index: 0 }]] },
      'Spin 1': { main: [[{ node: 'Spin 2', type: 'main', index: 0 }]] },
      'Spin 2': { main: [[{ node: 'Spin 3', type: 'main', index: 0 }]] },
    },
  };
}

/** Starts a run that computes for three steps; `run` settles with the answer of run?wait. */
async function runSpinning(): Promise<{ run: Promise<{ status: number; body: Record<string, any> }> }> {
  const created = await api('POST', '/api/v1/workflows', spinningWorkflow());
  expect(created.status).toBe(201);
  // Ready once the execution thread is: /readyz says so.
  await expect.poll(async () => (await fetch(`${server!.url}/readyz`)).status, { timeout: 20_000 }).toBe(200);
  return { run: api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, {}) };
}

describe('the execution thread', () => {
  it('keeps /healthz answering within a third of a step while a run computes for three 1.5 s steps, and answers the waiting caller', async () => {
    server = await startTestServer({ EXPRESSION_TIMEOUT_MS: String(STEP_MS * 2) });
    const { run } = await runSpinning();
    const { slowest, probes } = await slowestHealthz(run);
    const result = await run;
    expect(result.status).toBe(201);
    expect(result.body.status).toBe('success');
    expect(result.body.data.resultData.runData['Spin 3'][0].data.main[0]).toEqual([{ json: { spun: 3 }, pairedItem: { item: 0 } }]);
    expect(probes).toBeGreaterThan(20);
    expect(slowest).toBeLessThan(STEP_MS / 3);
  });

  it('is left out with EXECUTIONS_THREAD=false: the run executes on the server thread, which it holds up', async () => {
    server = await startTestServer({ EXECUTIONS_THREAD: 'false', EXPRESSION_TIMEOUT_MS: String(STEP_MS * 2) });
    const { run } = await runSpinning();
    const { slowest } = await slowestHealthz(run);
    expect((await run).body.status).toBe('success');
    // A step blocks the only thread: a probe waits for much of it.
    expect(slowest).toBeGreaterThan(STEP_MS * 2 / 3);
  });
});
