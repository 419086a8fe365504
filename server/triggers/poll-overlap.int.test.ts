// At most one poll of a workflow at a time: a poller slower than its schedule skips the ticks that
// come while it runs, on one server and (through a lease in Redis) across servers. A local HTTP
// server stands in for the polled service, answers slowly and counts the polls it serves at once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkService } from '../credentials/test-services.ts';
import { createRedisTryLock } from '../redis-lock.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { TRIGGER_PACKAGE, writeTriggerPackage } from './trigger-fixture-package.ts';

const POLL_MS = 2_500;
const redisUp = await checkService('Redis', '127.0.0.1', 6379);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let saas: Server;
let base = '';
let nodesDir = '';
let open = 0;
let mostAtOnce = 0;
let served = 0;

beforeAll(async () => {
  saas = createServer((_req, res) => {
    open++;
    mostAtOnce = Math.max(mostAtOnce, open);
    setTimeout(() => {
      open--;
      served++;
      res.setHeader('content-type', 'application/json');
      res.end('[]');
    }, POLL_MS);
  });
  await new Promise<void>((resolve) => saas.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(saas.address() as { port: number }).port}`;
  nodesDir = mkdtempSync(path.join(tmpdir(), 'weft-poll-overlap-nodes-'));
  writeTriggerPackage(nodesDir);
});

afterAll(async () => {
  saas.closeAllConnections();
  await new Promise<void>((resolve) => saas.close(() => resolve()));
  rmSync(nodesDir, { recursive: true, force: true });
});

async function activatePoller(server: TestServer): Promise<string> {
  const headers = { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/api/v1/workflows`, {
    method: 'POST', headers,
    body: JSON.stringify({
      name: 'Slow poller', settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{
        id: 'p', name: 'Poller', type: `${TRIGGER_PACKAGE}.poller`, typeVersion: 1, position: [0, 0],
        parameters: { base, pollTimes: { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] } },
      }],
    }),
  });
  const { id } = (await created.json()) as { id: string };
  expect((await fetch(`${server.url}/api/v1/workflows/${id}/activate`, { method: 'POST', headers })).status).toBe(200);
  return id;
}

describe('a poller slower than its schedule', () => {
  it('polls once at a time on one server: the ticks during a poll are skipped', async () => {
    open = mostAtOnce = served = 0;
    const server = await startTestServer({ NODES_DIR: nodesDir });
    try {
      await activatePoller(server);
      // Six ticks of one second against polls of 2.5 s: without the guard, two or three overlap.
      await sleep(6_500);
    } finally {
      await server.close();
    }
    expect(served).toBeGreaterThanOrEqual(2);
    expect(mostAtOnce).toBe(1);
  }, 30_000);
});

describe.skipIf(redisUp.skip)('the poll lease in Redis', () => {
  it('lets one holder in across servers, renews while the work runs, and frees on release', async () => {
    if (redisUp.problem) throw new Error(redisUp.problem);
    // Two connections stand for two servers.
    const one = new Redis('redis://127.0.0.1:6379');
    const two = new Redis('redis://127.0.0.1:6379');
    const prefix = `weft-poll-test-${randomUUID()}`;
    try {
      const a = createRedisTryLock(one, prefix, 300);
      const b = createRedisTryLock(two, prefix, 300);
      let release!: () => void;
      const holding = a('wf', () => new Promise<void>((resolve) => { release = resolve; }));
      await sleep(50);
      expect(await b('wf', async () => undefined)).toBe(false);
      // Three leases later the holder still has it (renewed), and another workflow is not held.
      await sleep(900);
      expect(await b('wf', async () => undefined)).toBe(false);
      expect(await b('other', async () => undefined)).toBe(true);
      release();
      expect(await holding).toBe(true);
      expect(await b('wf', async () => undefined)).toBe(true);
      // A holder that dies without releasing frees the key when its lease runs out.
      await one.set(`${prefix}:wf`, 'a crashed server', 'PX', 300);
      expect(await b('wf', async () => undefined)).toBe(false);
      await sleep(400);
      expect(await b('wf', async () => undefined)).toBe(true);
    } finally {
      one.disconnect();
      two.disconnect();
    }
  });
});
