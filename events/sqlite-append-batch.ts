// Writes one group-commit batch of appends in a single SQLite transaction, each checked on its own.
import type Database from 'better-sqlite3';
import { stringify as stringifyUuid } from 'uuid';
import { AppError, ConflictError, WrongExpectedRevisionError } from '../domain/index.ts';
import type { ExpectedRevision } from '../domain/index.ts';
import type { AppendResult } from './event-store.ts';
import type { Statements } from './sqlite-schema.ts';

export interface QueuedAppend {
  stream: string;
  /** Event ids as 16-byte UUIDs. */
  ids: Uint8Array[];
  rows: Array<{ type: string; data: string; metadata: string }>;
  expected: ExpectedRevision;
}

/** `written` is 0 when the append was a retry of one already stored. */
export type Outcome = { ok: true; result: AppendResult; written: number } | { ok: false; error: unknown };

/**
 * How far back an append with 'any' or 'stream_exists' looks for a retry of itself. Appends with a
 * revision need no window: their retry is found exactly where the original was written.
 */
export const RETRY_WINDOW = 100;

/**
 * Returns a function that writes a batch in one IMMEDIATE transaction (the write lock is taken up
 * front, so another process cannot make it fail half-way) and reports each append's outcome. A
 * failed check throws before anything of its append is inserted, so no savepoints are needed, and
 * later appends in the batch see the earlier ones.
 */
export function createBatchWriter(db: Database.Database, stmts: Statements): (batch: QueuedAppend[]) => Outcome[] {
  const write = db.transaction((batch: QueuedAppend[]): Outcome[] => {
    const revisions = new Map<string, number>();
    return batch.map((p) => {
      try {
        return { ok: true, ...appendChecked(stmts, p, revisions) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error };
        throw error;
      }
    });
  });
  return (batch) => write.immediate(batch);
}

function appendChecked(
  stmts: Statements,
  p: QueuedAppend,
  revisions: Map<string, number>,
): { result: AppendResult; written: number } {
  const current = revisions.get(p.stream) ?? stmts.lastOfStream.get(p.stream)?.revision ?? -1;
  const stored = findStoredRetry(stmts, p, current);
  if (stored) return { result: stored, written: 0 };
  const ok =
    p.expected === 'any' ||
    (p.expected === 'no_stream' && current === -1) ||
    (p.expected === 'stream_exists' && current >= 0) ||
    p.expected === current;
  if (!ok) throw new WrongExpectedRevisionError(p.stream, p.expected, current === -1 ? 'no_stream' : current);
  let position = 0;
  p.rows.forEach((row, i) => {
    const info = stmts.insert.run(p.stream, current + 1 + i, p.ids[i], row.type, row.data, row.metadata);
    position = Number(info.lastInsertRowid);
  });
  const revision = current + p.rows.length;
  revisions.set(p.stream, revision);
  return { result: { revision, position }, written: p.rows.length };
}

/**
 * If this append was already written to its stream (a retry), returns the original result. Only a
 * whole, identical append counts; an overlap in part is a conflict.
 */
function findStoredRetry(stmts: Statements, p: QueuedAppend, current: number): AppendResult | undefined {
  if (current < 0) return undefined;
  let from: number;
  if (typeof p.expected === 'number' || p.expected === 'no_stream') {
    from = p.expected === 'no_stream' ? 0 : p.expected + 1;
    // The stream has not moved past the expected revision: the append cannot be there yet.
    if (from > current) return undefined;
  } else {
    const window = stmts.idsFrom.all(p.stream, Math.max(0, current - RETRY_WINDOW + 1), RETRY_WINDOW);
    const hit = window.find((row) => sameId(row.id, p.ids[0]));
    if (!hit) {
      const partial = p.ids.findIndex((id) => window.some((row) => sameId(row.id, id)));
      if (partial > 0) throw overlap(p, partial);
      return undefined;
    }
    from = hit.revision;
  }
  const rows = stmts.idsFrom.all(p.stream, from, p.ids.length);
  const matches = rows.filter((row, i) => sameId(row.id, p.ids[i])).length;
  if (matches === 0) return undefined;
  if (matches < p.ids.length || rows.length < p.ids.length) throw overlap(p, 0);
  const last = rows[rows.length - 1];
  return { revision: last.revision, position: last.position };
}

function overlap(p: QueuedAppend, i: number): ConflictError {
  return new ConflictError(
    `Event id ${stringifyUuid(p.ids[i])} is already stored in '${p.stream}'; an append may only be retried whole`,
    [{ path: `events.${i}.id`, message: 'already stored' }],
  );
}

function sameId(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}
