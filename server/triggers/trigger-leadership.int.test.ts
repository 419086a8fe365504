// The trigger lead on a real Redis: of several servers exactly one leads; when it gives the lead up
// another takes it at once, and when it dies (stops renewing) another takes it within the lease.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { checkService } from '../credentials/test-services.ts';
import { createLogger } from '../logger.ts';
import { redisLeadership, type Leadership } from './trigger-leadership.ts';

const redisUp = await checkService('Redis', '127.0.0.1', 6379);
const logger = createLogger({ logLevel: 'silent' } as never);
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
  connections.push(redis);
  return redis;
};
afterAll(() => connections.forEach((r) => r.disconnect()));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms: number): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await sleep(20);
  }
  return Date.now() - start;
}

describe.skipIf(redisUp.skip)('the trigger lead', () => {
  it('has one leader among three servers, passes at once when given up, and within the lease when the leader dies', async () => {
    if (redisUp.problem) throw new Error(redisUp.problem);
    const key = `weft-test-lead-${randomUUID()}`;
    const leaseMs = 600;
    const servers: Leadership[] = [];
    const changes: Array<[number, boolean]> = [];
    for (let i = 0; i < 3; i++) {
      const lead = await redisLeadership(connect(), key, { leaseMs, logger });
      lead.onChange((leader) => changes.push([i, leader]));
      servers.push(lead);
    }
    const leaders = () => servers.map((s, i) => (s.isLeader() ? i : -1)).filter((i) => i >= 0);
    expect(leaders()).toEqual([0]);
    await sleep(leaseMs * 2); // renewals keep it where it is
    expect(leaders()).toEqual([0]);

    await servers[0].close();
    await until(() => leaders().length === 1, leaseMs);
    const second = leaders()[0];
    expect(second).not.toBe(0);
    expect(changes).toContainEqual([second, true]);

    // A leader that dies holds nothing once its lease runs out: its Redis connection is cut.
    connections[second].disconnect();
    const waited = await until(() => leaders().some((i) => i !== second), leaseMs * 3);
    expect(waited).toBeLessThan(leaseMs * 3);
    await until(() => !servers[second].isLeader(), leaseMs);
    expect(leaders()).toHaveLength(1);
    for (const s of servers) await s.close();
  });
});
