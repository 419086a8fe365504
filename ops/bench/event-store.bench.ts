// Append throughput of the SQLite event store (each append acknowledged after a WAL fdatasync): one writer, then 16 writers
// whose appends are group-committed. Run: [WRITERS=16] npx tsx ops/bench/event-store.bench.ts [seconds]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import type { NewEvent } from '../../domain/index.ts';
import { createSqliteEventStore } from '../../events/index.ts';
import type { SqliteEventStore } from '../../events/index.ts';

const seconds = Number(process.argv[2] ?? 5);
const WRITERS = Number(process.env.WRITERS ?? 16);
const TARGET = 20_000;

const metadata = {
  actor: { kind: 'system' as const, id: 'bench' },
  correlationId: uuid(),
  causationId: uuid(),
  at: new Date().toISOString(),
  schemaVersion: 1,
};
const event = (n: number): NewEvent => ({ id: uuid(), type: 'BenchEventRecorded', data: { n, note: 'x'.repeat(100) }, metadata });

/** Each writer appends one event at a time to its own stream, awaiting each append. */
async function run(store: SqliteEventStore, label: string, writers: number): Promise<number> {
  const start = store.stats();
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const writer = async (w: number) => {
    const stream = `bench-${label}${w}`;
    for (let i = 0; performance.now() < deadline; i++) {
      await store.append(stream, [event(i)], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  const elapsed = (performance.now() - t0) / 1000;
  const end = store.stats();
  const events = end.events - start.events;
  const transactions = end.transactions - start.transactions;
  const rate = events / elapsed;
  console.log(
    `${label.padEnd(34)} ${String(Math.round(rate)).padStart(7)} events/s  ` +
      `${events} events in ${elapsed.toFixed(1)} s, ${transactions} transactions ` +
      `(${(events / Math.max(transactions, 1)).toFixed(1)} events/transaction)`,
  );
  return rate;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-events-'));
const store = createSqliteEventStore({ file: path.join(dir, 'events.db') });
try {
  const { journalMode, synchronous } = store.stats();
  console.log(`SQLite event store, journal_mode=${journalMode}, synchronous=${synchronous} (1 = NORMAL, plus the store's own fdatasync per batch, off the event loop), ${seconds} s per run`);
  await run(store, '(a) 1 writer, sequential appends', 1);
  const grouped = await run(store, `(b) ${WRITERS} concurrent writers`, WRITERS);
  // Reported, not enforced: the figure depends on the disk's fsync latency and on machine load.
  console.log(`target for (b): >= ${TARGET} events/s: ${grouped >= TARGET ? 'met' : 'NOT met'}`);
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
