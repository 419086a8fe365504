// A lock shared by every server on one Redis, for the few decisions that must not race across
// processes (activating a workflow checks its webhook paths, then claims them). Held with a lease,
// so a crashed holder frees it; released only by its holder.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { UnavailableError } from '../domain/index.ts';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export type Lock = <T>(work: () => Promise<T>) => Promise<T>;

export function createRedisLock(redis: Redis, key: string, options: { leaseMs?: number; waitMs?: number } = {}): Lock {
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 15_000;
  return async (work) => {
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    while ((await redis.set(key, token, 'PX', leaseMs, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new UnavailableError('Another server holds the activation lock; try again');
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
    try {
      return await work();
    } finally {
      await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  };
}
