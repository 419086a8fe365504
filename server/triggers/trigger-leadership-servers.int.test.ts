// Two servers on one Redis and one log arm a community trigger() once: the leader emits, the other
// does not (each tick is one run); when the leader shuts down, the other arms it
// ('leadershipChange') within the lease and the runs go on.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { checkService } from '../credentials/test-services.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { TRIGGER_PACKAGE, writeTriggerPackage } from './trigger-fixture-package.ts';

const redisUp = await checkService('Redis', '127.0.0.1', 6379);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agent = (rt: TestRuntime) => {
  const server = request(rt.app.koa.callback());
  return {
    get: (url: string) => server.get(url).set('X-API-KEY', TEST_OWNER.apiKey),
    post: (url: string, body?: object) => server.post(url).set('X-API-KEY', TEST_OWNER.apiKey).send(body ?? {}),
  };
};

/** Each run's tick and activation mode, oldest first. */
async function ticks(rt: TestRuntime, workflowId: string): Promise<Array<{ tick: number; activation: string }>> {
  await rt.executions.settle();
  await sleep(300);
  const list = await agent(rt).get(`/api/v1/executions?workflowId=${workflowId}&limit=250`);
  const out = [];
  for (const e of [...list.body.data].reverse()) {
    const one = await agent(rt).get(`/api/v1/executions/${e.id}?includeData=true`);
    out.push(one.body.data.resultData.runData.Timer[0].data.main[0][0].json as { tick: number; activation: string });
  }
  return out;
}

describe.skipIf(redisUp.skip)('a community trigger with two servers on Redis', () => {
  it('is armed by the leader only, and by the other server once the leader stops', async () => {
    if (redisUp.problem) throw new Error(redisUp.problem);
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-lead-'));
    const nodes = mkdtempSync(path.join(tmpdir(), 'weft-lead-nodes-'));
    dirs.push(dir, nodes);
    writeTriggerPackage(nodes);
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-lead-${randomUUID()}`, NODES_DIR: nodes, TRIGGER_LEASE_MS: '900' };
    const a = await startTestRuntime(env, dir);
    const b = await startTestRuntime(env, dir);
    let aClosed = false;
    let bClosed = false;
    try {
      const created = await agent(a).post('/api/v1/workflows', {
        name: 'Led timer', settings: { executionOrder: 'v1' },
        nodes: [{ id: 't', name: 'Timer', type: `${TRIGGER_PACKAGE}.timer`, typeVersion: 1, position: [0, 0], parameters: { everyMs: 200 } }],
        connections: {},
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      expect((await agent(a).post(`/api/v1/workflows/${id}/activate`)).status).toBe(200);
      await sleep(1_200);
      // Armed twice, every tick number would come twice.
      const first = await ticks(a, id);
      expect(first.length).toBeGreaterThanOrEqual(3);
      expect(first.map((t) => t.tick)).toEqual(first.map((_, i) => i + 1));

      // The leader (a, started first) stops; b arms the trigger within the lease.
      await a.dispose();
      aClosed = true;
      await sleep(2_000);
      const after = await ticks(b, id);
      const taken = after.slice(first.length).filter((t) => t.activation === 'leadershipChange');
      expect(taken.length, JSON.stringify(after)).toBeGreaterThanOrEqual(2);
      expect(taken[0].tick).toBe(1);
      expect(new Set(taken.map((t) => t.tick)).size).toBe(taken.length);
      await b.dispose();
      bClosed = true;
    } finally {
      if (!aClosed) await a.dispose();
      if (!bClosed) await b.dispose();
    }
  });
});
