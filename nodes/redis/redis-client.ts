// Redis connections for the Redis and Redis Trigger nodes: options from n8n's `redis` credential
// (host, port, database, user, password), one shared client per credential for the Redis node,
// and errors that name what the server said (connection refused, WRONGPASS …).
import { Redis, type RedisOptions } from 'ioredis';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';

export type RedisCredential = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function redisOptions(data: RedisCredential): RedisOptions {
  return {
    host: String(data.host ?? 'localhost'),
    port: Number(data.port ?? 6379),
    db: Number(data.database ?? 0),
    username: text(data.user),
    password: text(data.password),
    connectTimeout: 10_000,
  };
}

/**
 * Connects and pings once, so a wrong host or password fails here with the server's own words
 * instead of ioredis retrying forever. `keepRetrying` (triggers) reconnects after a drop.
 * `connectionName` (no spaces) shows in the server's CLIENT LIST.
 */
export async function connectRedis(data: RedisCredential, keepRetrying = false, connectionName?: string): Promise<Redis> {
  const client = new Redis({
    ...redisOptions(data), lazyConnect: true, maxRetriesPerRequest: keepRetrying ? null : 1, connectionName,
    // A node's client gives up once dropped (the pool opens a new one); a trigger's keeps trying.
    retryStrategy: keepRetrying ? (times) => Math.min(times * 200, 5_000) : () => null,
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => (lastError = error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw lastError && /closed/i.test((error as Error).message) ? lastError : error;
  }
  return client;
}

const clients = sharedClients<Redis>(async (client) => {
  await client.quit().catch(() => client.disconnect());
});

/** Runs `fn` with the credential's shared client; a client whose connection broke is dropped. */
export async function withRedis<R>(data: RedisCredential, fn: (client: Redis) => Promise<R>): Promise<R> {
  const key = credentialKey(data);
  const open = () => connectRedis(data);
  try {
    return await clients.use(key, open, async (client) => {
      if (client.status !== 'ready') {
        await clients.discard(key);
        return clients.use(key, open, fn);
      }
      return fn(client);
    });
  } catch (error) {
    // Replies (WRONGTYPE, syntax) leave the connection usable; anything else may not have.
    if ((error as Error).name !== 'ReplyError') await clients.discard(key);
    throw error;
  }
}
