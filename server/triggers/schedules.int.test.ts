// Schedule triggers on real runtimes: the embedded timers (runs start, stop on deactivation, come
// back after a restart), activation failures recorded as events, and BullMQ Job Schedulers with
// two servers sharing one log and one Redis, where each tick starts exactly one run.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const everySecond = (name: string) => ({
  name,
  settings: { executionOrder: 'v1', timezone: 'Europe/Berlin' },
  nodes: [
    { id: 's', name: 'Schedule', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 1 }] } } },
    {
      id: 'f', name: 'Mark', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
      parameters: { assignments: { assignments: [{ id: 'a', name: 'seen', value: '={{ $json.timestamp }}', type: 'string' }] }, includeOtherFields: true, options: {} },
    },
  ],
  connections: { Schedule: { main: [[{ node: 'Mark', type: 'main', index: 0 }]] } },
});

const agent = (rt: TestRuntime) => request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function createActive(rt: TestRuntime, definition: object): Promise<string> {
  const created = await agent(rt).post('/api/v1/workflows').send(definition);
  expect(created.status, created.text).toBe(201);
  const activated = await agent(rt).post(`/api/v1/workflows/${created.body.id}/activate`);
  expect(activated.status, activated.text).toBe(200);
  return created.body.id as string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function runsOf(rt: TestRuntime, workflowId: string): Promise<any[]> {
  await rt.executions.settle();
  const list = await agent(rt).get('/api/v1/executions').query({ workflowId, limit: 250 });
  expect(list.status, list.text).toBe(200);
  const out = [];
  for (const e of list.body.data as { id: string }[]) {
    const one = await agent(rt).get(`/api/v1/executions/${e.id}`).query({ includeData: 'true' });
    out.push(one.body);
  }
  return out;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('embedded schedules', () => {
  it('starts a run per tick with the schedule item, stops on deactivation, and re-arms after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-schedules-'));
    dirs.push(dir);
    const first = await startTestRuntime({}, dir);
    const id = await createActive(first, everySecond('Every second'));
    await sleep(2600);
    const runs = await runsOf(first, id);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4);
    const run = runs.find((r) => r.status === 'success');
    expect(run.mode).toBe('trigger');
    const item = run.data.resultData.runData.Mark[0].data.main[0][0].json;
    expect(item.Timezone).toMatch(/^Europe\/Berlin \(UTC\+0[12]:00\)$/);
    expect(item.seen).toBe(item.timestamp);
    await first.dispose();

    // A restart arms the active workflow again.
    const second = await startTestRuntime({}, dir);
    const before = (await runsOf(second, id)).length;
    await sleep(2200);
    const after = await runsOf(second, id);
    expect(after.length).toBeGreaterThan(before);

    expect((await agent(second).post(`/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    await sleep(300);
    const stopped = (await runsOf(second, id)).length;
    await sleep(1500);
    expect((await runsOf(second, id)).length).toBe(stopped);
    await second.dispose();
  });

  it('refuses a workflow with an invalid schedule, with the reason in its history', async () => {
    const rt = await startTestRuntime();
    try {
      const bad = everySecond('Bad cron');
      bad.nodes[0].parameters = { rule: { interval: [{ field: 'cronExpression', expression: 'now and then' }] } } as never;
      const created = await agent(rt).post('/api/v1/workflows').send(bad);
      const refused = await agent(rt).post(`/api/v1/workflows/${created.body.id}/activate`);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain('invalid cron expression');
      const doc = await agent(rt).get(`/api/v1/workflows/${created.body.id}`);
      expect(doc.body.active).toBe(false);
      const history = await agent(rt).get(`/api/v1/workflows/${created.body.id}/history`);
      expect(history.body.data.map((h: { type: string }) => h.type)).toContain('WorkflowActivationFailed');
    } finally {
      await rt.dispose();
    }
  });
});

describe('schedules on BullMQ with two servers', () => {
  it('starts exactly one run per tick', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-schedules-redis-'));
    dirs.push(dir);
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-sched-${randomUUID()}` };
    const a = await startTestRuntime(env, dir);
    const b = await startTestRuntime(env, dir);
    try {
      const id = await createActive(a, everySecond('Shared schedule'));
      await sleep(4500);
      expect((await agent(a).post(`/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
      await sleep(1500);
      const runs = await runsOf(a, id);
      const stamps = runs.map((r) => r.data.resultData.runData.Mark?.[0]?.data.main[0][0].json.timestamp);
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs.length).toBeLessThanOrEqual(6);
      expect(new Set(stamps).size).toBe(stamps.length);
    } finally {
      await b.dispose();
      await a.dispose();
    }
  });
});
