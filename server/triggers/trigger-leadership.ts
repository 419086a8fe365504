// Which server arms the long-lived triggers (a node's trigger(), its remote webhook registration):
// with several servers on one Redis, exactly one at a time, the leader, as n8n's multi-main setup
// does; the others take over within a lease when it stops or dies. Alone, a server always leads.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

export interface Leadership {
  isLeader(): boolean;
  /** Called with the new state each time this server gains or loses the lead. */
  onChange(listener: (leader: boolean) => void): void;
  /** Gives the lead up (another server takes it at once) and stops trying. */
  close(): Promise<void>;
}

export function soleLeadership(): Leadership {
  return { isLeader: () => true, onChange: () => {}, close: async () => {} };
}

// Renews only a lease this server still holds; answers 1 when it did.
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Leads while it holds `key` on Redis: taken with SET NX for `leaseMs`, renewed every third of
 * it. A server that cannot renew in time (Redis gone, event loop stalled) stops leading.
 */
export async function redisLeadership(redis: Redis, key: string, options: { leaseMs: number; logger: Logger }): Promise<Leadership> {
  const token = randomUUID();
  const listeners: Array<(leader: boolean) => void> = [];
  let leader = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const set = (now: boolean) => {
    if (now === leader) return;
    leader = now;
    options.logger.info({ leader }, leader ? 'this server now arms the triggers' : 'this server no longer arms the triggers');
    for (const listener of listeners) listener(leader);
  };

  async function tick() {
    try {
      const held = leader
        ? (await redis.eval(RENEW, 1, key, token, String(options.leaseMs))) === 1
        : (await redis.set(key, token, 'PX', options.leaseMs, 'NX')) === 'OK';
      if (!closed) set(held);
    } catch (err) {
      options.logger.warn({ err }, 'the trigger lead could not be checked');
      if (!closed) set(false);
    }
    if (!closed) timer = setTimeout(() => void tick(), Math.max(100, Math.floor(options.leaseMs / 3)));
  }

  await tick();
  return {
    isLeader: () => leader,
    onChange: (listener) => void listeners.push(listener),
    async close() {
      closed = true;
      clearTimeout(timer);
      if (leader) await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      leader = false;
    },
  };
}
