// Cross-process wake-ups for the embedded SQLite event store: when several processes share the
// file (a server and queue workers), each commit is announced on Redis so that the others'
// subscriptions (projections, the live feed) read at once instead of at their next poll.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CommitBus } from '../events/index.ts';

export function createRedisCommitBus(url: string, channel: string): CommitBus {
  const me = randomUUID();
  const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  const listeners = new Set<() => void>();
  publisher.on('error', () => undefined);
  subscriber.on('error', () => undefined);
  let subscribed = false;
  let inFlight = false;
  let again = false;

  // At most one announcement in flight; commits meanwhile are folded into the next one.
  const announce = () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    publisher.publish(channel, me).catch(() => undefined).finally(() => {
      inFlight = false;
      if (again) {
        again = false;
        announce();
      }
    });
  };

  return {
    publish: announce,
    onCommit(listener) {
      listeners.add(listener);
      if (!subscribed) {
        subscribed = true;
        subscriber.on('message', (_channel: string, from: string) => {
          if (from === me) return;
          for (const l of listeners) l();
        });
        // The first command connects; ioredis subscribes again by itself after a reconnect.
        void subscriber.subscribe(channel).catch(() => undefined);
      }
      return () => listeners.delete(listener);
    },
    close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
