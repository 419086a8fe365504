// A runtime that closes also closes the connections its runs' nodes kept open for the next run
// (nodes/shared/shared-clients.ts): a Redis node's client is gone from the server's client list.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { checkService } from './credentials/test-services.ts';
import { startTestRuntime, TEST_OWNER } from './test-support.ts';

const redisUp = await checkService('Redis', '127.0.0.1', 6379);
// A database number no other test uses, so this test's clients are told apart in CLIENT LIST.
const DATABASE = 13;

describe.skipIf(redisUp.skip)('closing a runtime', () => {
  it("closes the Redis node's shared client", async () => {
    if (redisUp.problem) throw new Error(redisUp.problem);
    const admin = new Redis('redis://127.0.0.1:6379');
    const clientsOnDb = async () => String(await admin.call('CLIENT', 'LIST')).split('\n').filter((line) => line.includes(` db=${DATABASE} `)).length;
    // Runs on the server thread, so the node's client lives in this process, not in a thread that dies with the runtime.
    const rt = await startTestRuntime({ EXECUTIONS_THREAD: 'false' });
    let closed = false;
    try {
      const api = request(rt.app.koa.callback());
      const auth = { 'X-API-KEY': TEST_OWNER.apiKey };
      const credential = await api.post('/api/v1/credentials').set(auth).send({ name: 'Local Redis', type: 'redis', data: { host: '127.0.0.1', port: 6379, database: DATABASE } });
      expect(credential.status, JSON.stringify(credential.body)).toBe(201);
      const key = `weft-shutdown-${randomUUID()}`;
      const created = await api.post('/api/v1/workflows').set(auth).send({
        name: 'Redis set', connections: { Start: { main: [[{ node: 'Redis', type: 'main', index: 0 }]] } },
        nodes: [
          { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
          { id: 'b', name: 'Redis', type: 'n8n-nodes-base.redis', typeVersion: 1, position: [200, 0], parameters: { operation: 'set', key, value: 'v' }, credentials: { redis: { id: credential.body.id, name: 'Local Redis' } } },
        ],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const run = await api.post(`/api/v1/workflows/${created.body.id}/run?wait=true`).set(auth).send({});
      expect(run.body.status, JSON.stringify(run.body)).toBe('success');
      await admin.select(DATABASE);
      expect(await admin.get(key)).toBe('v');
      await admin.del(key);
      // The node's client stays open for the next run (with the admin client, two)…
      expect(await clientsOnDb()).toBeGreaterThanOrEqual(2);
      await rt.dispose();
      closed = true;
      // …until the runtime closes (the admin client itself is on that database now: one left).
      expect(await clientsOnDb()).toBe(1);
    } finally {
      if (!closed) await rt.dispose();
      admin.disconnect();
    }
  });
});
