// Behaviour only the SQLite adapter has: group commit, durability on disk, WAL, several processes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { v4 as uuid } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, WrongExpectedRevisionError } from '../domain/index.ts';
import type { NewEvent, RecordedEvent } from '../domain/index.ts';
import { createSqliteEventStore } from './index.ts';
import type { SqliteEventStore } from './index.ts';

const ev = (type = 'Happened', data: unknown = {}): NewEvent => ({
  id: uuid(),
  type,
  data,
  metadata: {
    actor: { kind: 'system', id: 'test' },
    correlationId: 'c',
    causationId: 'c',
    at: new Date(0).toISOString(),
    schemaVersion: 1,
  },
});

describe('SQLite event store', () => {
  let dir: string;
  let file: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: { pollIntervalMs?: number } = {}) => {
    const store = createSqliteEventStore({ file, ...options });
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-sqlite-events-'));
    file = path.join(dir, 'nested', 'dir', 'events.db');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directory, uses WAL with its own fdatasync off the event loop', async () => {
    const store = openStore();
    expect(fs.existsSync(file)).toBe(true);
    expect(store.stats()).toMatchObject({ journalMode: 'wal', synchronous: 1 }); // 1 = NORMAL: no fsync inside the commit
    await store.append('s-1', [ev()]);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('acknowledges an append, and shows it to subscriptions, only once a WAL sync has put it on disk', async () => {
    const store = openStore({ pollIntervalMs: 1 });
    const seen: number[] = [];
    const subscription = store.subscribe({ from: 'start' }, async (event) => {
      // A subscription polling every millisecond would read a row that is written but not yet synced.
      expect(event.position).toBeLessThanOrEqual(store.stats().durablePosition);
      seen.push(event.position);
    });
    const writer = async (w: number) => {
      for (let i = 0; i < 50; i++) {
        const result = await store.append(`synced-${w}`, [ev('Wrote', { i }), ev('Wrote', { i })]);
        expect(result.position).toBeLessThanOrEqual(store.stats().durablePosition);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    const stats = store.stats();
    expect(stats.durablePosition).toBe(800);
    // One batch is written while the previous one syncs, so every transaction has its own sync.
    expect(stats.walSyncs).toBeGreaterThanOrEqual(stats.transactions);
    expect(stats.transactions).toBeLessThan(400);
    await expect.poll(() => seen.length).toBe(800);
    await subscription.close();
  });

  it('group-commits concurrent appends: 16 writers x 100 appends share transactions', async () => {
    const store = openStore();
    const writer = async (w: number) => {
      for (let i = 0; i < 100; i++) {
        const result = await store.append(`writer-${w}`, [ev('Wrote', { i })], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
        expect(result.revision).toBe(i);
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => writer(w)));
    const stats = store.stats();
    expect(stats.appends).toBe(1600);
    expect(stats.events).toBe(1600);
    expect(stats.transactions).toBeLessThanOrEqual(200); // ~16 appends per fsync: about 100
    expect(await store.headPosition()).toBe(1600);

    const before = stats.transactions;
    const burst = await Promise.all(Array.from({ length: 1600 }, (_, i) => store.append(`burst-${i % 16}`, [ev()])));
    expect(store.stats().transactions - before).toBe(1);
    expect(new Set(burst.map((r) => r.position)).size).toBe(1600);
  });

  it('checks each append of a batch on its own, seeing earlier ones', async () => {
    const store = openStore();
    await store.append('s-1', [ev()]);
    const before = store.stats().transactions;
    const [a, b, c, d] = await Promise.allSettled([
      store.append('s-1', [ev()], { expectedRevision: 0 }),
      store.append('s-1', [ev()], { expectedRevision: 0 }), // loses to the first
      store.append('s-1', [ev()], { expectedRevision: 1 }), // sees the first
      store.append('s-2', [ev()], { expectedRevision: 'no_stream' }),
    ]);
    expect(store.stats().transactions - before).toBe(1);
    expect(a).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((b as PromiseRejectedResult).reason).toMatchObject({ expected: 0, actual: 1 });
    expect(c).toMatchObject({ status: 'fulfilled', value: { revision: 2 } });
    expect(d).toMatchObject({ status: 'fulfilled', value: { revision: 0 } });
    expect((await store.readStream('s-1')).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('treats a duplicate in the same batch as a retry', async () => {
    const store = openStore();
    const events = [ev(), ev()];
    const [first, retry] = await Promise.all([store.append('s-1', events), store.append('s-1', events)]);
    expect(retry).toEqual(first);
    expect(await store.readStream('s-1')).toHaveLength(2);
  });

  it('refuses a partial overlap of event ids; ids are checked per stream, as EventStoreDB does', async () => {
    const store = openStore();
    const [a, b] = [ev(), ev()];
    await store.append('s-1', [a, b]);
    const partial = store.append('s-1', [b, ev()]);
    await expect(partial).rejects.toBeInstanceOf(ConflictError);
    await expect(partial).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.append('s-1', [b, a])).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.append('s-1', [a, ev()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.readStream('s-1')).toHaveLength(2);
    await store.append('s-2', [a, b]);
    expect(await store.streamRevision('s-2')).toBe(1);
  });

  it('keeps data across close and reopen, and close() writes queued appends', async () => {
    const first = createSqliteEventStore({ file });
    await first.append('s-1', [ev('A', { n: 1 })]);
    const queued = first.append('s-1', [ev('B', { n: 2 })]); // not flushed yet
    await first.close();
    await expect(queued).resolves.toMatchObject({ revision: 1 });
    await expect(first.append('s-1', [ev()])).rejects.toMatchObject({ code: 'unavailable' });

    const reopened = openStore();
    const read = await reopened.readStream('s-1');
    expect(read.map((e) => [e.type, e.data])).toEqual([['A', { n: 1 }], ['B', { n: 2 }]]);
    const next = await reopened.append('s-2', [ev()]);
    expect(next.position).toBe(3);
  });

  it('a second store on the same file sees the first one’s events by polling', async () => {
    const writer = openStore();
    const reader = openStore({ pollIntervalMs: 50 });
    await writer.append('s-1', [ev()]);
    const seen: RecordedEvent[] = [];
    const sub = reader.subscribe({ from: 'start' }, (e) => {
      seen.push(e);
    });
    await sub.caughtUp;
    expect(seen).toHaveLength(1);
    await writer.append('s-1', [ev(), ev()]);
    await writer.append('s-2', [ev()]);
    const deadline = Date.now() + 5_000;
    while (seen.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await sub.close();
    expect(seen.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    // The reader can also write: both instances share one sequence of positions.
    expect(await reader.append('s-3', [ev()])).toEqual({ revision: 0, position: 5 });
  });

  it('a filtered subscription far behind reads with its own query, then near the head from the shared pages, with no gap or duplicate', async () => {
    const store = openStore();
    // 6,000 events, one in three on the stream the subscription wants; more arrive while it runs.
    for (let i = 0; i < 60; i++) await store.append(`noise-${i}`, Array.from({ length: 66 }, () => ev()));
    for (let i = 0; i < 30; i++) await store.append('wanted-1', Array.from({ length: 66 }, () => ev('Wanted')));
    const seen: RecordedEvent[] = [];
    const everything: RecordedEvent[] = [];
    const sub = store.subscribe({ from: 'start', filter: { streamPrefixes: ['wanted-'], eventTypes: ['Wanted'] } }, (e) => {
      seen.push(e);
    });
    const all = store.subscribe({ from: 'start' }, (e) => {
      everything.push(e);
    });
    await store.append('wanted-1', [ev('Wanted'), ev('Other')]);
    await store.append('noise-x', [ev('Wanted')]);
    await store.append('wanted-2', [ev('Wanted')]);
    const deadline = Date.now() + 10_000;
    while ((seen.length < 1982 || everything.length < 5944) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await sub.close();
    await all.close();
    expect(seen.map((e) => e.stream)).toEqual([...Array(1981).fill('wanted-1'), 'wanted-2']);
    expect(seen.every((e) => e.type === 'Wanted')).toBe(true);
    const positions = seen.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    // The whole-log subscription reading the same pages alongside it saw every event once, in order.
    expect(everything.map((e) => e.position)).toEqual(Array.from({ length: 5944 }, (_, i) => i + 1));
  });

  it('close() stops subscriptions after their in-flight handler', async () => {
    const store = createSqliteEventStore({ file });
    await store.append('s-1', [ev(), ev()]);
    let finished = 0;
    let started!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const sub = store.subscribe({}, async () => {
      started();
      await new Promise((r) => setTimeout(r, 20));
      finished += 1;
    });
    await inFlight;
    await store.close();
    await expect(sub.done).resolves.toBeUndefined();
    expect(finished).toBe(1);
  });

  describe('deleting streams', () => {
    const big = () => ev('Big', { text: 'x'.repeat(20_000) });
    const fileBytes = () => fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

    it('removes the rows from the log and gives the pages back to the file system', async () => {
      const store = openStore();
      for (let i = 0; i < 40; i++) await store.append(`run-${i}`, [big(), big()]);
      await store.append('kept-1', [ev('Small')]);
      const tail = await store.append('tail', [ev('Small')]);
      await store.reclaimSpace();
      const before = fileBytes();
      for (let i = 0; i < 40; i++) await store.deleteStream(`run-${i}`);
      await store.deleteStream('tail');
      const left = await store.readAll({ limit: 1000 });
      expect(left.map((e) => e.stream)).toEqual(['kept-1']);
      await store.reclaimSpace();
      expect(fileBytes()).toBeLessThan(before / 4);
      // Positions are never reused, not even the deleted head's.
      const next = await store.append('kept-2', [ev('Small')]);
      expect(next.position).toBeGreaterThan(tail.position);
    });

    it('converts a file made without incremental auto-vacuum once most of it is free', async () => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const legacy = new Database(file);
      legacy.pragma('auto_vacuum = NONE');
      legacy.pragma('journal_mode = WAL');
      legacy.exec('CREATE TABLE marker (x)');
      legacy.close();
      const store = openStore();
      for (let i = 0; i < 30; i++) await store.append(`run-${i}`, [big()]);
      await store.reclaimSpace();
      const before = fileBytes();
      for (let i = 0; i < 30; i++) await store.deleteStream(`run-${i}`);
      await store.reclaimSpace();
      expect(fileBytes()).toBeLessThan(before / 4);
      const check = new Database(file, { readonly: true });
      expect(check.pragma('auto_vacuum', { simple: true })).toBe(2);
      check.close();
    });
  });
});

