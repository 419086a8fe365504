// Two servers (one data folder, one Redis) asked at the same instant to activate two workflows
// that listen on the same webhook path: exactly one gets it, the other a 409.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-activation-race-'));
const env = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-race-${randomUUID()}` };
const runtimes: TestRuntime[] = [];
afterAll(async () => {
  for (const rt of runtimes) await rt.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const hook = (name: string, webhookPath: string) => ({
  name, settings: { executionOrder: 'v1' }, connections: {},
  nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { path: webhookPath } }],
});

describe('activation across servers', () => {
  it('gives a contested webhook path to exactly one workflow', async () => {
    runtimes.push(await startTestRuntime(env, dataDir));
    runtimes.push(await startTestRuntime(env, dataDir));
    const [a, b] = runtimes.map((rt) => request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey));
    for (let round = 0; round < 5; round++) {
      const contested = `contested-${round}`;
      const first = (await a.post('/api/v1/workflows').send(hook(`A${round}`, contested))).body;
      const second = (await b.post('/api/v1/workflows').send(hook(`B${round}`, contested))).body;
      await runtimes[0].projections.workflows.waitFor(await runtimes[0].events.headPosition());
      await runtimes[1].projections.workflows.waitFor(await runtimes[1].events.headPosition());
      const answers = await Promise.all([a.post(`/api/v1/workflows/${first.id}/activate`), b.post(`/api/v1/workflows/${second.id}/activate`)]);
      expect(answers.map((r) => r.status).sort(), JSON.stringify(answers.map((r) => r.body))).toEqual([200, 409]);
    }
  }, 60_000);
});
