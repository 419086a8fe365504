// Insights over REST on a real runtime: production runs (some failing) called through webhooks are
// counted with their failure rate, percentiles and time saved; manual runs are not; bad periods are
// refused; other workspaces see nothing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, sampleWorkflow, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
const app = () => rt.app.koa.callback();
const key = (r: request.Test) => r.set('X-API-KEY', TEST_OWNER.apiKey);
const ids: Record<string, string> = {};

/** A webhook workflow whose Code node busy-waits `ms` and throws when `fail` is set. */
function webhookWorkflow(name: string, path: string, timeSavedPerExecution?: number) {
  const code = "const body = $input.first().json.body; const end = Date.now() + body.ms; while (Date.now() < end) {} if (body.fail) throw new Error('boom'); return $input.all();";
  return {
    name,
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `hook-${path}`, parameters: { path, httpMethod: 'POST', responseMode: 'lastNode' } },
      { id: 'c', name: 'Work', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: code } },
    ],
    connections: { Webhook: { main: [[{ node: 'Work', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1', ...(timeSavedPerExecution !== undefined ? { timeSavedPerExecution } : {}) },
  };
}

async function create(definition: object): Promise<string> {
  const res = await key(request(app()).post('/api/v1/workflows')).send(definition);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function activeWebhook(name: string, path: string, minutes?: number): Promise<string> {
  const id = await create(webhookWorkflow(name, path, minutes));
  const res = await key(request(app()).post(`/api/v1/workflows/${id}/activate`));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

async function call(path: string, ms: number, fail = false): Promise<void> {
  await request(app()).post(`/webhook/${path}`).send({ ms, fail });
}

/** Run times (ms) of the workflow's finished runs: from start (not from queueing) to stop, as their events say. */
async function runTimes(workflowId: string): Promise<number[]> {
  const res = await key(request(app()).get('/api/v1/executions')).query({ workflowId, limit: 100 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Promise.all(res.body.data.map(async (e: { id: string }) => {
    const events = await rt.events.readStream(`execution-${e.id}`);
    const started = events.find((x) => x.type === 'ExecutionStarted')!.data as { startedAt: string };
    const finished = events.find((x) => x.type === 'ExecutionFinished')!.data as { stoppedAt: string };
    return Date.parse(finished.stoppedAt) - Date.parse(started.startedAt);
  }));
}

const nearestRank = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.ceil((p / 100) * samples.length) - 1]!;
/** The histogram is precise to ±4.5 % (and to the millisecond below 20 ms). */
const expectNear = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1, expected * 0.05));

beforeAll(async () => {
  rt = await startTestRuntime();
  ids.a = await activeWebhook('Orders', 'insights-a', 4);
  ids.b = await activeWebhook('Invoices', 'insights-b');
  for (const [ms, fail] of [[5, false], [40, false], [80, false], [150, false], [30, true], [120, true]] as const) await call('insights-a', ms, fail);
  await call('insights-b', 10);
  await call('insights-b', 60);
  // A manual run: not production, not counted.
  ids.manual = await create(sampleWorkflow('By hand', { settings: { executionOrder: 'v1', timeSavedPerExecution: 100 } }));
  expect((await key(request(app()).post(`/api/v1/workflows/${ids.manual}/run`)).query({ wait: 'true' }).send({})).status).toBeLessThan(300);
  await rt.projections.insights.waitFor(await rt.events.headPosition(), 10_000);
}, 60_000);
afterAll(() => rt.dispose());

describe('insights over REST', () => {
  it("sums the workspace's production runs: failures, failure rate, percentiles, time saved, busiest and most failing", async () => {
    const res = await key(request(app()).get('/api/v1/insights')).query({ period: '24h' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ period: '24h', runs: 8, failures: 2, failureRate: 0.25, timeSavedMinutes: 16 });
    const all = [...await runTimes(ids.a!), ...await runTimes(ids.b!)];
    expect(all).toHaveLength(8);
    expectNear(body.runTime.p50Ms, nearestRank(all, 50));
    expectNear(body.runTime.p95Ms, nearestRank(all, 95));
    expect(body.runTime.averageMs).toBe(Math.round(all.reduce((a, b) => a + b, 0) / all.length));
    expect(body.busiest.map((w: { name: string; runs: number }) => [w.name, w.runs])).toEqual([['Orders', 6], ['Invoices', 2]]);
    expect(body.mostFailing.map((w: { name: string; failures: number; failureRate: number }) => [w.name, w.failures, w.failureRate])).toEqual([['Orders', 2, 0.3333]]);
    expect(body.series).toHaveLength(24);
    expect(body.series.reduce((n: number, p: { runs: number }) => n + p.runs, 0)).toBe(8);
    expect(body.series.at(-1).runs).toBeGreaterThan(0);

    const week = await key(request(app()).get('/api/v1/insights')).query({ period: '7d' });
    expect(week.body).toMatchObject({ runs: 8, failures: 2 });
    expect(week.body.series).toHaveLength(28);
    expect((await key(request(app()).get('/api/v1/insights')).query({ period: '30d' })).body.series).toHaveLength(30);
  });

  it("answers one workflow's figures with its time-saved setting", async () => {
    const res = await key(request(app()).get(`/api/v1/workflows/${ids.a}/insights`)).query({ period: '7d' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ workflowId: ids.a, name: 'Orders', timeSavedPerExecution: 4, runs: 6, failures: 2, failureRate: 0.3333, timeSavedMinutes: 16 });
    const times = await runTimes(ids.a!);
    expectNear(res.body.runTime.p95Ms, nearestRank(times, 95));
    const manual = await key(request(app()).get(`/api/v1/workflows/${ids.manual}/insights`));
    expect(manual.body).toMatchObject({ period: '7d', runs: 0, failures: 0, failureRate: 0, timeSavedMinutes: 0, runTime: { p50Ms: null, p95Ms: null } });
  });

  it('answers the same figures after the read model is rebuilt from the log', async () => {
    // Everything but the window, which moves on at the hour.
    const figures = async () => {
      const { since: _s, until: _u, series: _series, ...rest } = (await key(request(app()).get('/api/v1/insights')).query({ period: '30d' })).body;
      return rest;
    };
    const before = await figures();
    expect(before.runs).toBe(8);
    const rebuilt = await key(request(app()).post('/api/v1/admin/projections/insights/rebuild'));
    expect(rebuilt.status, JSON.stringify(rebuilt.body)).toBeLessThan(300);
    await rt.projections.insights.waitFor(await rt.events.headPosition(), 10_000);
    expect(await figures()).toEqual(before);
  });

  it('refuses an unknown period or parameter with a JSON 400, and an unknown workflow with 404', async () => {
    const bad = await key(request(app()).get('/api/v1/insights')).query({ period: '1y' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBeTruthy();
    expect(JSON.stringify(bad.body)).toContain('period');
    expect((await key(request(app()).get('/api/v1/insights')).query({ since: 'x' })).status).toBe(400);
    expect((await key(request(app()).get(`/api/v1/workflows/${ids.a}/insights`)).query({ period: '' })).status).toBe(400);
    expect((await key(request(app()).get('/api/v1/workflows/nope/insights'))).status).toBe(404);
  });

  it("shows another workspace none of this one's runs", async () => {
    const session = request.agent(app());
    await session.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password });
    const other = await session.post('/api/v1/workspaces').send({ name: 'Elsewhere' });
    expect(other.status).toBe(201);
    const there = await session.get('/api/v1/insights').set('X-Workspace-Id', other.body.id);
    expect(there.status).toBe(200);
    expect(there.body).toMatchObject({ runs: 0, busiest: [], mostFailing: [] });
    const inv = await session.post('/api/v1/invitations').set('X-Workspace-Id', other.body.id).send({ email: 'insights-viewer@example.com', role: 'viewer' });
    await request(app()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: 'Viewer', password: 'viewer-password-123' });
    const viewer = request.agent(app());
    await viewer.post('/api/v1/auth/signin').send({ email: 'insights-viewer@example.com', password: 'viewer-password-123' });
    expect((await viewer.get('/api/v1/insights')).body).toMatchObject({ runs: 0 });
    expect((await viewer.get(`/api/v1/workflows/${ids.a}/insights`)).status).toBe(404);
  });
});
