// The shutdown deadline, on real processes: SIGTERM while a run is stuck in a step (an HTTP call
// that is never answered) or blocks the event loop (a long synchronous expression) ends the process
// within SHUTDOWN_TIMEOUT_MS (+ the watchdog's grace), non-zero, and the run is not lost: the next
// start of the server, or another worker on Redis, continues it.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startWeftProcess } from './process-testing.ts';
import { TEST_OWNER } from './test-support.ts';

const DEADLINE_MS = 3_000;
const headers = { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' };
const children = new Set<ChildProcess>();
const dirs: string[] = [];

/** The endpoint runs call: it holds every call while `holding`, then answers `{call: n}`. */
const endpoint = (() => {
  let holding = true;
  let calls = 0;
  const arrivals: (() => void)[] = [];
  const held: http.ServerResponse[] = [];
  const answer = (res: http.ServerResponse, n: number) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ call: n }));
  const server = http.createServer((_req, res) => {
    calls++;
    if (holding) held.push(res);
    else answer(res, calls);
    arrivals.splice(0).forEach((arrived) => arrived());
  });
  return {
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`,
    hold: () => (holding = true),
    /** Answers from now on (and the calls held so far, where their caller is still there). */
    release() {
      holding = false;
      for (const res of held.splice(0)) answer(res, calls);
    },
    /** Resolves once a call arrives after this point. */
    nextCall: () => new Promise<void>((resolve) => arrivals.push(resolve)),
  };
})();

beforeAll(() => new Promise<void>((resolve) => endpoint.server.listen(0, '127.0.0.1', resolve)));

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all([...children].map(exited));
  endpoint.server.closeAllConnections();
  endpoint.server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Weft {
  child: ChildProcess;
  output: () => string;
}

function newSetup(extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-shutdown-'));
  dirs.push(dataDir);
  const port = 10_000 + Math.floor(Math.random() * 20_000); // below the ephemeral ports (32768+) outgoing connections take
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port), DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
    OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey, ...extra,
  };
  async function start(verb: 'start' | 'worker', more: Record<string, string> = {}): Promise<Weft> {
    let output = '';
    const child = await startWeftProcess(verb, { ...env, ...more }, (c) => {
      children.add(c);
      c.once('exit', () => children.delete(c));
      c.stdout!.on('data', (d: Buffer) => (output += d));
      c.stderr!.on('data', (d: Buffer) => (output += d));
    });
    return { child, output: () => output };
  }
  async function api(method: string, url: string, body?: unknown) {
    const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await res.json()) as Record<string, any>;
  }
  async function runWorkflow(definition: object): Promise<string> {
    const wf = await api('POST', '/api/v1/workflows', definition);
    const called = endpoint.nextCall();
    const { executionId } = await api('POST', `/api/v1/workflows/${wf.id}/run`, {});
    await called;
    return executionId as string;
  }
  async function waitForEnd(id: string, timeoutMs = 30_000): Promise<Record<string, any>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await api('GET', `/api/v1/executions/${id}?includeData=true`);
      if (!['new', 'running'].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`execution ${id} still ${run.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { start, api, runWorkflow, waitForEnd };
}

/** SIGTERM, then how the process ended and how long it took. */
async function terminate(weft: Weft) {
  const sent = Date.now();
  weft.child.kill('SIGTERM');
  await exited(weft.child);
  const ms = Date.now() - sent;
  console.log(`exited ${ms} ms after SIGTERM (code ${weft.child.exitCode}, signal ${weft.child.signalCode})`);
  return { ms, code: weft.child.exitCode, signal: weft.child.signalCode };
}

const node = (name: string, type: string, x: number, parameters: object, typeVersion = 1) =>
  ({ id: name, name, type: `n8n-nodes-base.${type}`, typeVersion, position: [x, 0], parameters });

/** Start → Call (the endpoint, with a timeout far beyond the test) → `then`. */
function callingWorkflow(then: object) {
  return {
    name: `Calls and waits ${randomUUID()}`, settings: { executionOrder: 'v1' },
    nodes: [
      node('Start', 'manualTrigger', 0, {}),
      node('Call', 'httpRequest', 200, { url: endpoint.url(), options: { timeout: 600_000 } }, 4.2),
      then,
    ],
    connections: {
      Start: { main: [[{ node: 'Call', type: 'main', index: 0 }]] },
      Call: { main: [[{ node: (then as { name: string }).name, type: 'main', index: 0 }]] },
    },
  };
}

const done = node('Done', 'noOp', 400, {});
// Expressions are synchronous: it blocks the thread running it for a minute.
const spin = node('Spin', 'set', 400, {
  assignments: { assignments: [{ id: 'x', name: 'spun', type: 'string', value: '={{ (() => { const end = Date.now() + 60000; while (Date.now() < end) {} return "spun"; })() }}' }] },
  options: {},
}, 3.4);

/** SIGTERM while a run waits on the endpoint; released just after, its next node computes for a minute. */
async function blockAfterSignal(setup: ReturnType<typeof newSetup>) {
  endpoint.hold();
  const weft = await setup.start('start', { EXPRESSION_TIMEOUT_MS: '120000' });
  const id = await setup.runWorkflow(callingWorkflow(spin));
  const ending = terminate(weft);
  // The call returns just after the signal, and the next node blocks before runs are asked to
  // hand back: nothing can end that step now.
  await new Promise((r) => setTimeout(r, 300));
  endpoint.release();
  return { first: { weft, ending }, id };
}

/** With the default expression timeout the run now fails at that node, clearly, not lost. */
async function endsOnNextStart(setup: ReturnType<typeof newSetup>, id: string) {
  await setup.start('start');
  const run = await setup.waitForEnd(id);
  expect(run.status).toBe('error');
  expect(run.data.resultData.error.message).toContain('timed out');
}

describe('shutting down with a deadline', () => {
  it('exits 1 within SHUTDOWN_TIMEOUT_MS with a run stuck in a step, names it, and the next start finishes it', async () => {
    endpoint.hold();
    const setup = newSetup();
    const first = await setup.start('start');
    const id = await setup.runWorkflow(callingWorkflow(done));

    const { ms, code } = await terminate(first);
    expect(code, first.output()).toBe(1);
    expect(ms).toBeLessThan(DEADLINE_MS + 2_000);
    expect(first.output()).toContain('did not finish within SHUTDOWN_TIMEOUT_MS');
    expect(first.output()).toContain(`execution ${id}`);

    endpoint.release();
    const second = await setup.start('start');
    const run = await setup.waitForEnd(id);
    expect(run.status).toBe('success');
    expect(run.data.resultData.runData.Call.at(-1).data.main[0][0].json.call).toBeGreaterThanOrEqual(2);
    expect(run.data.resultData.runData.Done).toHaveLength(1);
    const again = await terminate(second);
    expect(again.code).toBe(0);
  }, 90_000);

  // On the server's own thread (EXECUTIONS_THREAD=false) the run blocks the event loop the deadline's
  // timer needs, and the watchdog thread kills; on the execution thread, the deadline itself does.
  it.each([
    { where: 'the event loop', env: { EXECUTIONS_THREAD: 'false' }, message: 'main thread is blocked' },
    { where: 'the execution thread', env: { EXECUTIONS_THREAD: 'true' }, message: 'the execution thread is blocked' },
  ])('is killed at the deadline when a run blocks $where, naming it, and the run ends on the next start', async ({ env, message }) => {
    const setup = newSetup(env);
    const { first, id } = await blockAfterSignal(setup);
    const { ms, code, signal } = await first.ending;
    expect({ code, signal }, first.weft.output()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(ms).toBeLessThan(DEADLINE_MS + 2_000);
    expect(first.weft.output()).toContain(message);
    expect(first.weft.output()).toContain(`execution ${id}`);
    await endsOnNextStart(setup, id);
  }, 90_000);

  it('a worker on Redis exits 1 within the deadline and hands its stuck run straight to the next worker', async () => {
    endpoint.hold();
    const setup = newSetup({
      REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-shutdown-${randomUUID()}`,
      // Far beyond the test: only the explicit hand-back, not the stalled-job check, moves the run on.
      QUEUE_LOCK_MS: '120000',
    });
    await setup.start('start', { SERVER_RUNS_WORKER: 'false' });
    const worker = await setup.start('worker');
    const id = await setup.runWorkflow(callingWorkflow(done));

    const { ms, code } = await terminate(worker);
    expect(code, worker.output()).toBe(1);
    expect(ms).toBeLessThan(DEADLINE_MS + 2_000);
    expect(worker.output()).toContain(`execution ${id}`);

    endpoint.release();
    await setup.start('worker');
    const run = await setup.waitForEnd(id, 20_000);
    expect(run.status).toBe('success');
    expect(run.data.resultData.runData.Done).toHaveLength(1);
  }, 90_000);
});
