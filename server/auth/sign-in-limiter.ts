// Limits failed sign-ins per email and client address, in memory (Redis when configured), so a
// password cannot be guessed at speed.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppError } from '../../domain/index.ts';

const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiter {
  /** Throws a 429-mapped error when this email and address used up their attempts. */
  check(key: string): Promise<void>;
  fail(key: string): Promise<void>;
  succeed(key: string): Promise<void>;
}

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, [], true);
  }
}

export function createSignInLimiter(points: number, redis?: Redis): SignInLimiter {
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix: 'weft:signin', points, duration: WINDOW_SECONDS })
    : new RateLimiterMemory({ keyPrefix: 'signin', points, duration: WINDOW_SECONDS });
  return {
    async check(key) {
      const state = await limiter.get(key);
      if (state && state.remainingPoints <= 0) throw new TooManyAttemptsError(Math.ceil(state.msBeforeNext / 1000));
    },
    async fail(key) {
      await limiter.penalty(key, 1);
    },
    async succeed(key) {
      await limiter.delete(key);
    },
  };
}
