// Read models in one SQLite file: a JSON document table per collection, queries compiled to SQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError, ConflictError, UnavailableError, ValidationError } from '../domain/index.ts';
import type { Collection, CollectionSpec, Doc, FindOptions, Filter, Page, ReadModelStore, ReadModelTx } from './read-model-store.ts';
import { assertCollectionName, assertDoc, assertFieldPath, encodeCursor, normalizeFilter, normalizeFind, patchFields } from './filter-query.ts';
import { CONTAINS_FN, afterSql, orderSql, valueExpr, whereSql } from './filter-sql.ts';
import { createMutex } from './mutex.ts';

export interface SqliteReadModelStoreOptions {
  /** Path of the database file, created with its directory if missing (tests use a temp file). */
  file: string;
  /**
   * Overwrite deleted content with zeros (SQLite's secure_delete), so a deleted key does not
   * linger in free pages. The vault of secrets uses it.
   */
  secureDelete?: boolean;
}

type Conn = Database.Database;

function openConnection(file: string, secureDelete = false): Conn {
  const conn = new Database(file);
  conn.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): the executions and audit indexes of a busy server
  // outgrow the default, and every projection commit then read its index pages back from the file.
  conn.pragma('cache_size = -65536');
  // Takes effect on a new file only: pages freed by deletes (pruned runs) can then be given back.
  conn.pragma('auto_vacuum = INCREMENTAL');
  if (secureDelete) {
    // A rollback journal, deleted after each commit, rather than a WAL whose old frames would keep
    // copies of deleted rows; secure_delete zeroes them in the database file itself.
    conn.pragma('secure_delete = ON');
    conn.pragma('journal_mode = DELETE');
    conn.pragma('synchronous = FULL');
  } else {
    // Read models are rebuilt from the event log, so NORMAL durability is enough; checkpoints live in
    // the same file and stay consistent with the data they describe.
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = NORMAL');
  }
  conn.function(CONTAINS_FN, { deterministic: true }, (text: unknown, part: unknown) =>
    typeof text === 'string' && typeof part === 'string' && text.toLowerCase().includes(part.toLowerCase()) ? 1 : 0,
  );
  return conn;
}

function table(name: string): string {
  assertCollectionName(name);
  return `rm_${name}`;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createSqliteReadModelStore(options: SqliteReadModelStoreOptions): ReadModelStore {
  // Two connections to one file: ':memory:' would give two unrelated databases.
  if (!options.file || options.file === ':memory:' || options.file.startsWith('file:')) {
    throw new ValidationError('The SQLite read-model store needs a file path');
  }
  mkdirSync(dirname(options.file), { recursive: true });
  const writer = openConnection(options.file, options.secureDelete);
  // Reads outside transactions use their own connection: WAL gives them the last committed state,
  // never the uncommitted writes of a transaction in progress on the writer, and they never wait.
  const reader = openConnection(options.file, options.secureDelete);
  reader.pragma('query_only = ON');
  const exclusive = createMutex();
  const inTransaction = new AsyncLocalStorage<true>();
  const statements = new Map<Conn, Map<string, Database.Statement>>();
  const knownTables = new Set<string>();
  /** Tables created by the transaction in progress (not to be remembered until it commits). */
  const createdInTransaction = new Set<string>();

  function prepare(conn: Conn, sql: string): Database.Statement {
    let cache = statements.get(conn);
    if (!cache) statements.set(conn, (cache = new Map()));
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 500) cache.clear();
      cache.set(sql, (stmt = conn.prepare(sql)));
    }
    return stmt;
  }

  function hasTable(conn: Conn, name: string): boolean {
    if (knownTables.has(name)) return true;
    const found = prepare(conn, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
    // A table created inside the open transaction may still be rolled back: remember only the others.
    if (found && !createdInTransaction.has(name)) knownTables.add(name);
    return found;
  }

  function createTable(conn: Conn, name: string): void {
    if (hasTable(conn, name)) return;
    conn.exec(`CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    if (conn.inTransaction) createdInTransaction.add(name);
  }

  function refuseReentry(): void {
    if (inTransaction.getStore()) {
      throw new AppError('internal', 'Inside a read-model transaction, use its tx handle, not the store (it would wait for itself)');
    }
  }

  /** How a collection reaches the database: directly inside a transaction, through the mutex outside. */
  interface Access {
    read<T>(work: (conn: Conn) => T): Promise<T>;
    write<T>(work: (conn: Conn) => T): Promise<T>;
  }

  const outside: Access = {
    read: async (work) => work(reader),
    write: async (work) => {
      refuseReentry();
      return exclusive(() => work(writer));
    },
  };

  function collection(name: string, access: Access): Collection<Doc> {
    const t = table(name);
    const write = <T>(work: (conn: Conn) => T) =>
      access.write((conn) => {
        createTable(conn, t);
        try {
          return work(conn);
        } catch (err) {
          if (isUniqueViolation(err)) throw new ConflictError(`A unique index of '${name}' already holds this value`);
          throw err;
        }
      });
    const read = <T>(missing: T, work: (conn: Conn) => T) => access.read((conn) => (hasTable(conn, t) ? work(conn) : missing));

    return {
      async upsert(doc) {
        assertDoc(doc);
        const json = JSON.stringify(doc);
        await write((conn) =>
          prepare(conn, `INSERT INTO "${t}" (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`).run(doc.id, json),
        );
      },
      async patch(id, fields) {
        const set = patchFields(fields);
        return write((conn) => {
          const row = prepare(conn, `SELECT doc FROM "${t}" WHERE id = ?`).get(id) as { doc: string } | undefined;
          if (!row) return false;
          const doc = { ...(JSON.parse(row.doc) as Doc), ...set, id };
          prepare(conn, `UPDATE "${t}" SET doc = ? WHERE id = ?`).run(JSON.stringify(doc), id);
          return true;
        });
      },
      async delete(id) {
        return write((conn) => prepare(conn, `DELETE FROM "${t}" WHERE id = ?`).run(id).changes > 0);
      },
      async get(id) {
        return read(undefined, (conn) => {
          const row = prepare(conn, `SELECT doc FROM "${t}" WHERE id = ?`).get(id) as { doc: string } | undefined;
          return row ? (JSON.parse(row.doc) as Doc) : undefined;
        });
      },
      async find(options?: FindOptions): Promise<Page<Doc>> {
        const q = normalizeFind(options);
        const where = whereSql(q.conditions);
        const after = q.after ? afterSql(q.sort, q.after) : { sql: '1', params: [] };
        const sql = `SELECT t.doc FROM "${t}" AS t WHERE ${where.sql} AND ${after.sql} ORDER BY ${orderSql(q.sort)} LIMIT ?`;
        const rows = await read([], (conn) => prepare(conn, sql).all(...where.params, ...after.params, q.limit + 1) as { doc: string }[]);
        const items = rows.slice(0, q.limit).map((r) => JSON.parse(r.doc) as Doc);
        return rows.length > q.limit ? { items, nextCursor: encodeCursor(items[items.length - 1], q.sort) } : { items };
      },
      async count(filter?: Filter) {
        const where = whereSql(normalizeFilter(filter));
        const sql = `SELECT count(*) AS n FROM "${t}" AS t WHERE ${where.sql}`;
        return read(0, (conn) => (prepare(conn, sql).get(...where.params) as { n: number }).n);
      },
      async drop() {
        await access.write((conn) => {
          if (hasTable(conn, t)) prepare(conn, `DELETE FROM "${t}"`).run();
        });
      },
    };
  }

  return {
    collection<D extends Doc = Doc>(name: string): Collection<D> {
      return collection(name, outside) as Collection<D>;
    },

    async ensureCollection(spec: CollectionSpec) {
      const t = table(spec.name);
      const indexes = (spec.indexes ?? []).flatMap((index) => {
        if (!Array.isArray(index.fields) || index.fields.length === 0) {
          throw new ValidationError(`An index of '${spec.name}' needs at least one field`);
        }
        const columns = index.fields.map((f) => {
          const field = f.startsWith('-') ? f.slice(1) : f;
          assertFieldPath(field, 'index');
          return `${valueExpr(field, '')}${f.startsWith('-') ? ' DESC' : ''}`;
        });
        if (columns[0] === 'id' || columns[0] === 'id DESC') return []; // the primary key serves it
        // Named after the spec, so declaring the same index again finds it.
        const hash = createHash('sha256').update(JSON.stringify([index.fields, !!index.unique])).digest('hex').slice(0, 16);
        return [`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${t}__${hash}" ON "${t}" (${columns.join(', ')})`];
      });
      await outside.write((conn) => {
        try {
          conn.transaction(() => {
            createTable(conn, t);
            for (const sql of indexes) conn.exec(sql);
          })();
        } catch (err) {
          if (isUniqueViolation(err)) throw new ConflictError(`'${spec.name}' holds duplicates for a declared unique index`);
          throw err;
        }
      });
    },

    async transaction<T>(work: (tx: ReadModelTx) => Promise<T>): Promise<T> {
      refuseReentry();
      return exclusive(async () => {
        let open = true;
        const inside: Access = {
          read: async (w) => {
            if (!open) throw new AppError('internal', 'This read-model transaction has already ended');
            return w(writer);
          },
          write: async (w) => inside.read(w),
        };
        const tx: ReadModelTx = {
          collection: <D extends Doc = Doc>(name: string) => collection(name, inside) as Collection<D>,
        };
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await inTransaction.run(true, () => work(tx));
          writer.exec('COMMIT');
          createdInTransaction.clear();
          return result;
        } catch (err) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          createdInTransaction.clear();
          throw err;
        } finally {
          open = false;
        }
      });
    },

    async ping() {
      try {
        reader.prepare('SELECT 1').get();
      } catch (err) {
        throw new UnavailableError(`SQLite read-model store is not usable: ${(err as Error).message}`);
      }
    },

    async reclaimSpace() {
      await exclusive(() => {
        if (Number(writer.pragma('auto_vacuum', { simple: true })) === 2) writer.pragma('incremental_vacuum');
        // A file made before incremental auto-vacuum reuses its free pages instead.
        writer.pragma('wal_checkpoint(TRUNCATE)');
      });
    },

    async close() {
      await exclusive(() => undefined);
      reader.close();
      writer.close();
    },
  };
}
