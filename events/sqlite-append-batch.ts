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

export type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

type Known = { stream: string; revision: number; position: number } | undefined;

/**
 * Returns a function that writes a batch in one IMMEDIATE transaction (the write lock is taken up
 * front, so another process cannot make it fail half-way) and reports each append's outcome.
 *
 * Fast path: no savepoints, and event ids are looked up only when a revision check fails; a check
 * failure writes nothing, so it needs no rollback. If an insert fails anyway (an id already stored,
 * i.e. a retry with 'any'), the whole transaction is rolled back and the batch is redone on the
 * careful path: ids first, each append in its own savepoint. Later appends always see earlier ones.
 */
export function createBatchWriter(db: Database.Database, stmts: Statements): (batch: QueuedAppend[]) => Outcome[] {
  const fast = db.transaction((batch: QueuedAppend[]): Outcome[] => {
    const revisions = new Map<string, number>();
    return batch.map((p) => {
      try {
        return { ok: true, result: appendChecked(stmts, p, revisions) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error }; // raised before any insert
        throw error;
      }
    });
  });
  const careful1 = db.transaction((p: QueuedAppend) => appendChecked(stmts, p, undefined, true));
  const careful = db.transaction((batch: QueuedAppend[]): Outcome[] =>
    batch.map((p) => {
      try {
        return { ok: true, result: careful1(p) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  return (batch) => {
    try {
      return fast.immediate(batch);
    } catch (error) {
      if (!isConstraint(error)) throw error;
      return careful.immediate(batch);
    }
  };
}

function appendChecked(
  stmts: Statements,
  p: QueuedAppend,
  revisions: Map<string, number> | undefined,
  idsFirst = false,
): AppendResult {
  if (idsFirst) {
    const known = p.ids.map((id) => stmts.byId.get(id));
    if (known.some(Boolean)) return idempotentResult(p, known);
  }
  const current = revisions?.get(p.stream) ?? stmts.lastOfStream.get(p.stream)?.revision ?? -1;
  const ok =
    p.expected === 'any' ||
    (p.expected === 'no_stream' && current === -1) ||
    (p.expected === 'stream_exists' && current >= 0) ||
    p.expected === current;
  if (!ok) {
    // A retry of an append already written fails its revision check: answer it as a retry.
    const known = idsFirst ? [] : p.ids.map((id) => stmts.byId.get(id));
    if (known.some(Boolean)) return idempotentResult(p, known);
    throw new WrongExpectedRevisionError(p.stream, p.expected, current === -1 ? 'no_stream' : current);
  }
  let position = 0;
  p.rows.forEach((row, i) => {
    const info = stmts.insert.run(p.stream, current + 1 + i, p.ids[i], row.type, row.data, row.metadata);
    position = Number(info.lastInsertRowid);
  });
  const revision = current + p.rows.length;
  revisions?.set(p.stream, revision);
  return { revision, position };
}

/** A retry of an append already written returns its original result; any other overlap is a conflict. */
function idempotentResult(p: QueuedAppend, known: Known[]): AppendResult {
  const first = known[0];
  const sameAppend =
    first !== undefined &&
    known.every((k, i) => k !== undefined && k.stream === p.stream && k.revision === first.revision + i);
  if (!sameAppend) {
    const i = known.findIndex(Boolean);
    const k = known[i]!;
    throw new ConflictError(
      `Event id ${stringifyUuid(p.ids[i])} is already stored at '${k.stream}'@${k.revision}; an append may only be retried whole`,
      [{ path: `events.${i}.id`, message: 'already stored' }],
    );
  }
  const last = known[known.length - 1]!;
  return { revision: last.revision, position: last.position };
}

function isConstraint(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
