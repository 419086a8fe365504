// The embedded event store: one SQLite file (WAL) with group commit of appends, each acknowledged
// once an fdatasync of the WAL off the event loop has made it durable (see wal-sync.ts).
import { parse as parseUuid } from 'uuid';
import { AppError, UnavailableError } from '../domain/index.ts';
import type { NewEvent, RecordedEvent } from '../domain/index.ts';
import { MAX_EVENT_BYTES, type AppendResult, type EventStore, type ReadAllOptions, type ReadStreamOptions } from './event-store.ts';
import { openEventDb, prepareStatements, toRecorded, type EventRow } from './sqlite-schema.ts';
import { createBatchWriter } from './sqlite-append-batch.ts';
import type { Outcome, QueuedAppend } from './sqlite-append-batch.ts';
import { createPageCache } from './sqlite-page-cache.ts';
import { reclaimSpace } from './sqlite-reclaim.ts';
import { subscribeSqlite } from './sqlite-subscription.ts';
import { validateAppend } from './validate-append.ts';
import { createWalSync } from './wal-sync.ts';

export interface SqliteEventStoreOptions {
  /** Path of the database file; its directory is created if missing. */
  file: string;
  logger?: { warn(...args: unknown[]): void; info(...args: unknown[]): void };
  /**
   * How often subscriptions look for events written by other processes, in ms.
   * @defaultValue 200
   */
  pollIntervalMs?: number;
  /**
   * Tells other processes on the same file that something was committed, so their subscriptions
   * read at once instead of at the next poll (a Redis channel when REDIS_URL is set).
   */
  commitBus?: CommitBus;
}

export interface CommitBus {
  publish(): void;
  /** Calls back when another process committed; returns an unsubscribe function. */
  onCommit(listener: () => void): () => void;
  close(): void;
}

export interface SqliteEventStoreStats {
  /** Transactions that wrote events. */
  transactions: number;
  /** fdatasyncs of the WAL; one covers every transaction written while the previous one ran. */
  walSyncs: number;
  /** The last position on disk: every append acknowledged so far is at or below it. */
  durablePosition: number;
  /** append() calls that wrote events (retries of stored appends excluded). */
  appends: number;
  /** Events written. */
  events: number;
  journalMode: string;
  synchronous: number;
}

export interface SqliteEventStore extends EventStore {
  stats(): SqliteEventStoreStats;
}

interface PendingAppend extends QueuedAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const db = openEventDb(options.file);
  const stmts = prepareStatements(db);
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const counters = { transactions: 0, appends: 0, events: 0 };
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const commitListeners = new Set<() => void>();
  const subscriptions = new Set<{ close(): Promise<void> }>();
  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  // A written batch is waiting for its sync: the next batch is written when that sync ends, so
  // appends arriving meanwhile share one transaction and one sync (group commit at disk speed).
  let syncing = false;
  let closing: Promise<void> | undefined; // set by close(): no new subscriptions
  let acceptingAppends = true;
  let closed = false;

  const writeBatch = createBatchWriter(db, stmts);
  const walSync = createWalSync(options.file === ':memory:' ? undefined : `${options.file}-wal`);
  // First positions of the transactions written but not yet synced, oldest first. Whole-log reads
  // (projections, the live feed) stop before them, so nothing acts on an event a power cut could
  // still take back; appends' own checks do see them, which keeps the log's order.
  const unsynced: number[] = [];
  let durablePosition = head(); // the log as found on opening
  const visible = (rows: EventRow[]): EventRow[] => {
    if (unsynced.length === 0) return rows;
    const cut = rows.findIndex((row) => row.position >= unsynced[0]);
    return cut < 0 ? rows : rows.slice(0, cut);
  };
  const pages = createPageCache((after, limit) => visible(stmts.all.all(after, limit)));
  // The page cache hands the same rows to every whole-log subscription (each projection, the live
  // feed): parse each row's JSON once for all of them. Events are read-only to their handlers.
  const parsed = new WeakMap<EventRow, RecordedEvent>();
  const recordedOf = (row: EventRow): RecordedEvent => {
    let event = parsed.get(row);
    if (!event) parsed.set(row, (event = toRecorded(row)));
    return event;
  };
  // The write path waits for a busy lock itself (see flush); reads in WAL mode never wait for it.
  db.pragma('busy_timeout = 0');
  let busySince: number | undefined;

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    // setImmediate, not a microtask: writers resuming from the previous batch's promises all
    // get to queue their next append before this batch is written.
    setImmediate(flush);
  }

  function flush(): void {
    flushScheduled = false;
    if (queue.length === 0 || closed || syncing) return;
    const batch = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = writeBatch(batch);
      busySince = undefined;
    } catch (error) {
      if (isBusy(error)) {
        // Another process holds the write lock: try again in a moment, without blocking this
        // process meanwhile (SQLite's own busy wait sleeps the whole thread, in growing steps).
        busySince ??= Date.now();
        if (Date.now() - busySince < BUSY_GIVE_UP_MS) {
          queue = batch.concat(queue);
          flushScheduled = true;
          setTimeout(flush, 1);
          return;
        }
        busySince = undefined;
      }
      const failure = isBusy(error) ? new UnavailableError(`event store is busy: ${(error as Error).message}`) : error;
      for (const p of batch) p.reject(failure);
      return;
    }
    let written = 0;
    let first = Number.MAX_SAFE_INTEGER;
    let last = 0;
    for (const outcome of outcomes) {
      if (!outcome.ok || outcome.written === 0) continue;
      counters.appends += 1;
      written += outcome.written;
      first = Math.min(first, outcome.result.position - outcome.written + 1);
      last = Math.max(last, outcome.result.position);
    }
    if (written > 0) {
      counters.transactions += 1;
      counters.events += written;
      unsynced.push(first);
    }
    // Every outcome waits for the sync, failures and retries too: they may rest on rows written by
    // this very transaction.
    syncing = true;
    walSync.afterSync((syncError) => {
      syncing = false;
      if (queue.length > 0) scheduleFlush();
      if (written > 0) {
        unsynced.shift();
        durablePosition = Math.max(durablePosition, last);
      }
      if (syncError) {
        options.logger?.warn({ err: syncError }, 'event store: the WAL could not be synced to disk');
        const failure = new UnavailableError(`event store could not sync its log to disk: ${syncError.message}`);
        for (const p of batch) p.reject(failure);
      } else {
        outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.result) : batch[i].reject(outcome.error)));
      }
      if (written === 0) return;
      pages.invalidate();
      for (const listener of commitListeners) listener();
      options.commitBus?.publish();
    });
  }

  function head(): number {
    return stmts.head.get()?.head ?? 0;
  }

  const store: SqliteEventStore = {
    append(stream, events, appendOptions = {}) {
      const expected = appendOptions.expectedRevision ?? 'any';
      return new Promise<AppendResult>((resolve, reject) => {
        if (!acceptingAppends) throw new UnavailableError('event store is closed');
        validateAppend(stream, events, expected);
        queue.push({ stream, expected, resolve, reject, ...serialize(stream, events) });
        if (!syncing) scheduleFlush();
      });
    },

    async readStream(stream, readOptions: ReadStreamOptions = {}) {
      const limit = readOptions.limit ?? -1;
      if (limit === 0) return [];
      const rows =
        readOptions.direction === 'backwards'
          ? stmts.streamBackwards.all(stream, readOptions.from ?? Number.MAX_SAFE_INTEGER, limit)
          : stmts.streamForwards.all(stream, readOptions.from ?? 0, limit);
      return rows.map(toRecorded);
    },

    async streamRevision(stream) {
      return stmts.lastOfStream.get(stream)?.revision ?? -1;
    },

    async readAll(readOptions: ReadAllOptions = {}) {
      return visible(stmts.all.all(readOptions.after ?? 0, readOptions.limit ?? 1000)).map(toRecorded);
    },

    async headPosition() {
      return head();
    },

    async deleteStream(stream) {
      if (closed) throw new UnavailableError('event store is closed');
      const { changes } = await whileBusy(() => stmts.deleteStream.run(stream));
      if (changes > 0) pages.clear();
    },

    async reclaimSpace() {
      if (closed) throw new UnavailableError('event store is closed');
      const result = await whileBusy(() => reclaimSpace(db));
      options.logger?.info({ file: options.file, ...result }, 'event store space reclaimed');
    },

    subscribe(subscribeOptions, handler) {
      if (closing) throw new UnavailableError('event store is closed');
      const subscription = subscribeSqlite(
        {
          db,
          head,
          pollIntervalMs,
          readAll: pages.read,
          recordedOf,
          onCommit(listener) {
            commitListeners.add(listener);
            const offBus = options.commitBus?.onCommit(() => {
              pages.invalidate();
              listener();
            });
            return () => {
              commitListeners.delete(listener);
              offBus?.();
            };
          },
        },
        subscribeOptions,
        handler,
      );
      subscriptions.add(subscription);
      subscription.done.then(
        () => subscriptions.delete(subscription),
        (error) => {
          subscriptions.delete(subscription);
          options.logger?.warn({ err: error }, 'event store subscription stopped: its handler threw');
        },
      );
      return subscription;
    },

    async ping() {
      db.prepare('SELECT 1').get();
    },

    close() {
      closing ??= (async () => {
        // Subscriptions first: their handlers may still append, and those appends must be written.
        await Promise.all([...subscriptions].map((s) => s.close()));
        acceptingAppends = false;
        flush();
        // Appends waiting for another process's write lock are written (or given up) first.
        while (queue.length > 0) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          flush();
        }
        await walSync.close();
        closed = true;
        db.close();
        options.logger?.info({ file: options.file, ...counters }, 'event store closed');
      })();
      return closing;
    },

    stats() {
      return { ...counters, walSyncs: walSync.syncs(), durablePosition, journalMode, synchronous };
    },
  };
  options.logger?.info({ file: options.file, head: head() }, 'event store opened');
  return store;
}

function serialize(stream: string, events: NewEvent[]): Pick<QueuedAppend, 'ids' | 'rows'> {
  return {
    ids: events.map((e) => parseUuid(e.id)),
    // Serialized before queuing so unserializable data fails only its own append.
    rows: events.map((e, i) => {
      const row = { type: e.type, data: JSON.stringify(e.data ?? null), metadata: JSON.stringify(e.metadata ?? null) };
      // String length bounds the UTF-8 size from below; only near the cap is the exact size worth counting.
      if (row.data.length + row.metadata.length > MAX_EVENT_BYTES / 3) {
        const bytes = Buffer.byteLength(row.data) + Buffer.byteLength(row.metadata);
        if (bytes > MAX_EVENT_BYTES) {
          throw new AppError('payload_too_large', `Event ${i} (${e.type}) of an append to '${stream}' is ${bytes} bytes; an event may be at most ${MAX_EVENT_BYTES} bytes (larger payloads go to the blob store)`);
        }
      }
      return row;
    }),
  };
}

/** How long appends keep trying while other processes hold the write lock. */
const BUSY_GIVE_UP_MS = 5_000;

/** Runs a write now, or again a moment later while another process holds the write lock. */
async function whileBusy<T>(write: () => T): Promise<T> {
  const since = Date.now();
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() - since >= BUSY_GIVE_UP_MS) throw new UnavailableError(`event store is busy: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
