// Subscriptions on the SQLite log: read pages by position, then sleep until a local commit or a poll.
import type Database from 'better-sqlite3';
import type { EventHandler, SubscribeOptions, Subscription } from './event-store.ts';
import { matchesFilter } from './event-store.ts';
import { prepareFilteredRead, toRecorded } from './sqlite-schema.ts';
import { runSubscription } from './subscription-control.ts';

const PAGE_SIZE = 500;

export interface SqliteSubscriptionSource {
  db: Database.Database;
  head(): number;
  /** Polling catches commits made by other processes on the same file. */
  pollIntervalMs: number;
  /** Calls the listener after each local commit; returns an unsubscribe function. */
  onCommit(listener: () => void): () => void;
}

export function subscribeSqlite(
  source: SqliteSubscriptionSource,
  options: SubscribeOptions,
  handler: EventHandler,
): Subscription {
  const read = prepareFilteredRead(source.db, options.filter);
  const startHead = source.head();
  const from = options.from ?? 'start';
  // Always read by position > last delivered (or skipped): positions only grow in commit order,
  // so nothing is missed and nothing is delivered twice.
  let last = from === 'start' ? 0 : from === 'end' ? startHead : from;

  return runSubscription(async (control) => {
    let wake: (() => void) | undefined;
    let committedSinceRead = false;
    const off = source.onCommit(() => {
      committedSinceRead = true;
      wake?.();
    });
    control.onClose(() => wake?.());
    try {
      while (!control.closed) {
        committedSinceRead = false;
        const page = read(last, PAGE_SIZE);
        for (const row of page) {
          if (control.closed) return;
          const event = toRecorded(row);
          if (matchesFilter(event, options.filter)) await handler(event);
          last = event.position;
        }
        if (page.length === PAGE_SIZE) continue;
        // A short page held every matching event up to a head at least as new as startHead.
        control.markCaughtUp();
        if (committedSinceRead || control.closed) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, source.pollIntervalMs);
          function done() {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
          wake = done;
        });
      }
    } finally {
      off();
    }
  });
}
