// Subscriptions on the SQLite log: read pages by position, then sleep until a local commit or a poll.
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../domain/index.ts';
import type { EventHandler, SubscribeOptions, Subscription } from './event-store.ts';
import { matchesFilter } from './event-store.ts';
import { prepareFilteredRead, toRecorded, type EventRow } from './sqlite-schema.ts';
import { runSubscription } from './subscription-control.ts';

const PAGE_SIZE = 500;
/** How far behind the head a filtered subscription reads with its own query. */
const OWN_QUERY_BEHIND = 4 * PAGE_SIZE;

export interface SqliteSubscriptionSource {
  db: Database.Database;
  head(): number;
  /** Polling catches commits made by other processes on the same file. */
  pollIntervalMs: number;
  /** Calls the listener after each local commit; returns an unsubscribe function. */
  onCommit(listener: () => void): () => void;
  /** Reads a page of the whole log; shared by the subscriptions that have no filter. */
  readAll(after: number, limit: number): EventRow[];
  /** Parses a row of `readAll` (shared rows are parsed once for all subscriptions). */
  recordedOf(row: EventRow): RecordedEvent;
}

export function subscribeSqlite(
  source: SqliteSubscriptionSource,
  options: SubscribeOptions,
  handler: EventHandler,
): Subscription {
  const filtered = options.filter ? prepareFilteredRead(source.db, options.filter) : undefined;
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
        // Far behind, a filtered subscription lets SQLite skip what it does not want. Near the head
        // it reads the pages every whole-log subscription shares (one query and one JSON parse per
        // event for all of them, instead of a query per subscription after every commit).
        const headBefore = filtered ? source.head() : 0;
        const own = filtered && headBefore - last > OWN_QUERY_BEHIND ? filtered : undefined;
        const page = own ? own(last, PAGE_SIZE) : source.readAll(last, PAGE_SIZE);
        for (const row of page) {
          if (control.closed) return;
          if (matchesFilter(row, options.filter)) await handler(own ? toRecorded(row) : source.recordedOf(row));
          last = row.position;
        }
        if (page.length === PAGE_SIZE) continue;
        // A filtered read skipped what did not match up to the head: never scan that again.
        if (own) last = Math.max(last, headBefore);
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
