// Opens the SQLite event log: one table, durable WAL settings, statements prepared once.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { stringify as stringifyUuid } from 'uuid';
import type { RecordedEvent } from '../domain/index.ts';

export interface EventRow {
  position: number;
  stream: string;
  revision: number;
  id: Uint8Array;
  type: string;
  data: string;
  metadata: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream   TEXT    NOT NULL,
    revision INTEGER NOT NULL,
    -- The UUID's 16 bytes. Not indexed on its own: ids are checked per stream (as EventStoreDB does),
    -- and a global index on random ids dirtied one random page per event, capping group commit.
    id       BLOB    NOT NULL,
    type     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    metadata TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
`;

const COLUMNS = 'position, stream, revision, id, type, data, metadata';

export function openEventDb(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Another process may hold the write lock for a moment; wait for it rather than fail.
  const db = new Database(file, { timeout: 5_000 });
  // Before any table exists, so a new file can give back the pages of deleted streams (retention).
  // An older file keeps auto_vacuum NONE until reclaimSpace converts it (see sqlite-reclaim.ts).
  db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  // NORMAL: no fsync inside the commit, which would block the event loop. The store acknowledges an
  // append only after its own fdatasync of the WAL (wal-sync.ts), so a power cut still loses nothing
  // acknowledged; checkpoints keep syncing as SQLite does them.
  db.pragma('synchronous = NORMAL');
  // Checkpoint every 4000 pages (16 MiB of WAL) rather than 1000: hot pages (index tails) are copied
  // back to the database once per checkpoint, so fewer checkpoints write less (about +10% appends/s).
  db.pragma('wal_autocheckpoint = 4000');
  db.exec(SCHEMA);
  return db;
}

export function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<[string, number, Uint8Array, string, string, string]>(
      'INSERT INTO events (stream, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    /** Events of a stream from a revision on, with just what a retry check needs. */
    idsFrom: db.prepare<[string, number, number], Pick<EventRow, 'id' | 'revision' | 'position'>>(
      'SELECT id, revision, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
    ),
    lastOfStream: db.prepare<[string], Pick<EventRow, 'revision' | 'position'>>(
      'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    ),
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    all: db.prepare<[number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
    ),
    deleteStream: db.prepare<[string]>('DELETE FROM events WHERE stream = ?'),
    head: db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

/**
 * A statement reading events after a position that match a subscription filter, filtering in SQL so
 * a narrow subscription does not parse the whole log. Callers still re-check with matchesFilter.
 */
export function prepareFilteredRead(
  db: Database.Database,
  filter: { streamPrefixes?: string[]; eventTypes?: string[] } | undefined,
): (after: number, limit: number) => EventRow[] {
  const where = ['position > ?'];
  const params: Array<string | number> = [];
  if (filter?.streamPrefixes) {
    const prefixes = filter.streamPrefixes;
    // instr(...) = 1 is "starts with", in characters, whatever the prefix contains (no LIKE escaping).
    where.push(prefixes.length ? `(${prefixes.map(() => 'instr(stream, ?) = 1').join(' OR ')})` : '0');
    params.push(...prefixes);
  }
  if (filter?.eventTypes) {
    const types = filter.eventTypes;
    where.push(types.length ? `type IN (${types.map(() => '?').join(', ')})` : '0');
    params.push(...types);
  }
  const stmt = db.prepare<unknown[], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position ASC LIMIT ?`,
  );
  return (after, limit) => stmt.all(after, ...params, limit);
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: stringifyUuid(row.id),
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  };
}
