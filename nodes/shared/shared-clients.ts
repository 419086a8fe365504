// Connections that nodes share between items and runs: one client (or driver pool) per credential,
// opened on first use, closed after it has been idle a while, and all closed when the process stops
// (closeSharedClients). A client that fails to open is not kept, so the next use tries again.
import { createHash } from 'node:crypto';

export interface SharedClients<T> {
  /** Runs `fn` with the client for `key` (e.g. a hash of the credential data), opening it with `open` if needed. */
  use<R>(key: string, open: () => Promise<T>, fn: (client: T) => Promise<R>): Promise<R>;
  /** Closes and forgets the client for `key` (after it broke, so the next use opens a new one). */
  discard(key: string): Promise<void>;
  closeAll(): Promise<void>;
}

interface Entry<T> {
  client: Promise<T>;
  users: number;
  idle?: NodeJS.Timeout;
}

const everyPool = new Set<SharedClients<unknown>>();

/** A keyed set of shared clients; `close` ends one, `idleMs` is how long an unused one stays open. */
export function sharedClients<T>(close: (client: T) => Promise<void>, idleMs = 60_000): SharedClients<T> {
  const entries = new Map<string, Entry<T>>();

  async function drop(key: string, entry: Entry<T>) {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    clearTimeout(entry.idle);
    const client = await entry.client.catch(() => undefined);
    if (client !== undefined) await close(client).catch(() => {});
  }

  const pool: SharedClients<T> = {
    async use(key, open, fn) {
      let entry = entries.get(key);
      if (!entry) {
        const fresh: Entry<T> = { client: open(), users: 0 };
        entry = fresh;
        entries.set(key, fresh);
        fresh.client.catch(() => entries.get(key) === fresh && entries.delete(key));
      }
      clearTimeout(entry.idle);
      entry.users++;
      try {
        return await fn(await entry.client);
      } finally {
        entry.users--;
        if (entry.users === 0 && entries.get(key) === entry) {
          const idle = entry;
          idle.idle = setTimeout(() => void drop(key, idle), idleMs);
          idle.idle.unref();
        }
      }
    },
    async discard(key) {
      const entry = entries.get(key);
      if (entry) await drop(key, entry);
    },
    async closeAll() {
      await Promise.all([...entries].map(([key, entry]) => drop(key, entry)));
    },
  };
  everyPool.add(pool as SharedClients<unknown>);
  return pool;
}

/** Closes every node's shared clients (on shutdown). */
export async function closeSharedClients(): Promise<void> {
  await Promise.all([...everyPool].map((pool) => pool.closeAll()));
}

/** A stable key for credential data (a hash of its JSON with sorted keys), so equal credentials share a client. */
export function credentialKey(data: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(Object.keys(data).sort().map((k) => [k, data[k]]))).digest('hex');
}
