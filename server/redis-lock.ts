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

const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/**
 * Runs `work` unless someone holds `key` (on any server): answers whether it ran. For work that
 * must not overlap with itself but need not wait (a poll whose previous one is still going): the
 * lease is renewed while the work runs, however long it takes, and a crashed holder frees it.
 */
export type TryLock = (key: string, work: () => Promise<void>) => Promise<boolean>;

export function createRedisTryLock(redis: Redis, prefix: string, leaseMs = 30_000): TryLock {
  return async (key, work) => {
    const token = randomUUID();
    const lockKey = `${prefix}:${key}`;
    if ((await redis.set(lockKey, token, 'PX', leaseMs, 'NX')) !== 'OK') return false;
    const renew = setInterval(() => void redis.eval(EXTEND, 1, lockKey, token, leaseMs).catch(() => undefined), leaseMs / 3);
    try {
      await work();
      return true;
    } finally {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    }
  };
}

/** The same on one process (embedded mode, and in front of the Redis one so a server asks Redis once). */
export function createLocalTryLock(): TryLock {
  const held = new Set<string>();
  return async (key, work) => {
    if (held.has(key)) return false;
    held.add(key);
    try {
      await work();
      return true;
    } finally {
      held.delete(key);
    }
  };
}
