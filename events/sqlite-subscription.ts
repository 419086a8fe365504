// Subscriptions on the SQLite log: read pages by position, then sleep until a local commit or a poll.
import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../domain/index.ts';
import type { EventHandler, SubscribeOptions, Subscription } from './event-store.ts';
import { matchesFilter } from './event-store.ts';
import { prepareFilteredRead, toRecorded, type EventRow } from './sqlite-schema.ts';
import { runSubscription } from './subscription-control.ts';

const PAGE_SIZE = 500;

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
  const read = options.filter ? prepareFilteredRead(source.db, options.filter) : source.readAll;
  const parse = options.filter ? toRecorded : source.recordedOf;
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
        // Taken before the read, so the read sees at least everything up to it.
        const headBefore = options.filter ? source.head() : 0;
        const page = read(last, PAGE_SIZE);
        for (const row of page) {
          if (control.closed) return;
          const event = parse(row);
          if (matchesFilter(event, options.filter)) await handler(event);
          last = event.position;
        }
        if (page.length === PAGE_SIZE) continue;
        // A filtered read skipped what did not match up to the head: never scan that again.
        last = Math.max(last, headBefore);
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
