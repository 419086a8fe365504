// A run resumed right after it parked, on BullMQ (real Redis): the announcement of the park can
// reach a server after the resume began waiting; it must not be taken for the resumed run's end,
// nor make the server forget the resume's waiter (which then waited forever).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBullmqQueue, executionStreamName, type RunQueue } from '../../engine/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const redis = { url: 'redis://127.0.0.1:6379', prefix: `weft-test-${randomUUID()}` };
const wait = (id: string, name: string, x: number, amount: number, unit: string) =>
  ({ id, name, type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [x, 0], parameters: { resume: 'timeInterval', amount, unit } });

let rt: TestRuntime;
let otherServer: RunQueue;
const ctx = { actor: { kind: 'system' as const, id: 'test' }, requestId: randomUUID() };

beforeAll(async () => {
  rt = await startTestRuntime({ REDIS_URL: redis.url, QUEUE_PREFIX: redis.prefix });
  otherServer = createBullmqQueue({ ...redis, lockMs: 30_000 });
});
afterAll(async () => {
  await otherServer.close();
  await rt.dispose();
});

it('answers the resume with the resumed run, though the park is announced after the resume began', async () => {
  const api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  const created = await api.post('/api/v1/workflows').send({
    name: 'Park, then a second in process',
    nodes: [
      { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      wait('b', 'Park', 200, 2, 'hours'),
      // Keeps the resumed run going while the late announcement arrives.
      wait('c', 'Second', 400, 1, 'seconds'),
    ],
    connections: { Start: { main: [[{ node: 'Park', type: 'main', index: 0 }]] }, Park: { main: [[{ node: 'Second', type: 'main', index: 0 }]] } },
  });
  expect(created.status, created.text).toBe(201);
  const parked = (await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({})).body;
  expect(parked.status).toBe('waiting');
  const parkRevision = await rt.events.streamRevision(executionStreamName(parked.id));

  const resumed = await rt.executions.resume(parked.id, undefined, ctx);
  // The park's announcement, late, from another server: nobody here has asked for the result yet.
  await otherServer.publishEnded(parked.id, { revision: parkRevision });
  await new Promise((r) => setTimeout(r, 300));

  const result = await resumed.done;
  expect(result.status).toBe('success');
  expect(Object.keys(result.data.resultData.runData)).toEqual(['Start', 'Park', 'Second']);
}, 15_000);
