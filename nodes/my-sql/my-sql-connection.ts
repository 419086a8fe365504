// MySQL/MariaDB connections for the MySQL node: one mysql2 pool per credential (shared between
// items, runs and nodes, closed when idle and at shutdown), driver errors turned into node errors
// that carry the server's own message.
import mysql from 'mysql2/promise';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';
import type { SqlQuery } from '../shared/sql-build.ts';
import type { SqlSession, SqlStatementResult } from '../shared/sql-run.ts';

/** A MySQL identifier, quoted per part (`db.table` stays two parts). */
export const mySqlIdent = (name: string) => String(name).split('.').map((part) => `\`${part.replace(/`/g, '``')}\``).join('.');

const pools = sharedClients<mysql.Pool>((pool) => pool.end());

export interface MySqlUseOptions {
  connectTimeoutMs?: number;
  connectionLimit?: number;
  largeNumbersOutput?: string;
}

function poolConfig(credentials: Record<string, unknown>, options: MySqlUseOptions): mysql.PoolOptions {
  const numbers = options.largeNumbersOutput === 'numbers';
  return {
    host: String(credentials.host ?? 'localhost'),
    port: Number(credentials.port ?? 3306),
    database: String(credentials.database ?? ''),
    user: String(credentials.user ?? ''),
    password: typeof credentials.password === 'string' ? credentials.password : '',
    ssl: credentials.ssl ? {} : undefined,
    connectTimeout: options.connectTimeoutMs || 10_000,
    connectionLimit: options.connectionLimit || 10,
    // n8n's MySQL node allows several statements in one query.
    multipleStatements: true,
    // "Output Large-Format Numbers As": text keeps BIGINT/DECIMAL exact.
    supportBigNumbers: true,
    bigNumberStrings: !numbers,
    decimalNumbers: numbers,
    dateStrings: false,
  };
}

function outputRow(row: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = Number.isNaN(value.getTime()) ? null : value.toISOString();
    else if (Buffer.isBuffer(value)) out[key] = value.toString('utf8');
    else out[key] = value;
  }
  return out;
}

const isHeader = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value) && 'affectedRows' in value;

function toResult(result: unknown): SqlStatementResult {
  // Several statements answer a list of results, each rows or a header.
  const multi = Array.isArray(result) && result.length > 0 && (Array.isArray(result[0]) || isHeader(result[0]));
  const parts = multi ? (result as unknown[]) : [result];
  const rowSets = parts.filter((p): p is JsonObject[] => Array.isArray(p));
  const headers = parts.filter(isHeader) as Array<{ affectedRows: number; insertId?: number; changedRows?: number }>;
  const last = headers[headers.length - 1];
  return {
    rows: rowSets.length > 0 ? rowSets.flat().map((row) => outputRow({ ...row })) : undefined,
    ...(last ? { affectedRows: last.affectedRows, info: { affectedRows: last.affectedRows, insertId: last.insertId ?? 0, changedRows: last.changedRows ?? 0 } } : {}),
  };
}

/** A session that also answers the driver's own result (MySQL v1 outputs the server's OK packet as is). */
export interface MySqlSession extends SqlSession {
  /** Rows (dates as ISO text) or the write's header as a plain object; a list of them for several statements. */
  raw(query: SqlQuery): Promise<unknown>;
}

function plain(result: unknown): unknown {
  if (Array.isArray(result)) return result.map((part) => (part !== null && typeof part === 'object' && !Array.isArray(part) && !isHeader(part) ? outputRow({ ...(part as JsonObject) }) : plain(part)));
  return result !== null && typeof result === 'object' ? { ...result } : result;
}

/** Runs `fn` with one pooled connection of the credential's pool. */
export async function withMySql<R>(credentials: Record<string, unknown>, options: MySqlUseOptions, fn: (session: MySqlSession) => Promise<R>): Promise<R> {
  const config = poolConfig(credentials, options);
  const key = credentialKey({ ...credentials, ...options });
  return pools.use(key, async () => mysql.createPool(config), async (pool) => {
    const connection = await pool.getConnection();
    let broken = false;
    try {
      const session: MySqlSession = {
        async run(query: SqlQuery) {
          const [result] = await connection.query({ sql: query.text, values: query.values });
          return toResult(result);
        },
        async raw(query: SqlQuery) {
          const [result] = await connection.query({ sql: query.text, values: query.values });
          return plain(result);
        },
      };
      return await fn(session);
    } catch (error) {
      broken = /ECONN|PROTOCOL_CONNECTION_LOST|EPIPE/.test(String((error as { code?: string }).code ?? ''));
      throw error;
    } finally {
      if (broken) connection.destroy();
      else connection.release();
    }
  });
}

/** The node error for a MySQL failure: the server's message, its code and which item. */
export function mySqlError(node: string, error: unknown, query: SqlQuery | undefined, itemIndex: number): NodeOperationError {
  const e = error as Error & { code?: string; sqlMessage?: string; address?: string; port?: number; errors?: Error[] };
  const message = e.sqlMessage ?? e.message ?? e.errors?.[0]?.message ?? String(error);
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) {
    return new NodeOperationError(node, 'Connection refused', { itemIndex, description: `The MySQL server refused the connection (${e.errors?.[0]?.message ?? message})` });
  }
  if (e.code === 'ENOTFOUND') return new NodeOperationError(node, 'Host not found', { itemIndex, description: message });
  if (e.code === 'ETIMEDOUT') return new NodeOperationError(node, 'Connection timed out', { itemIndex, description: message });
  const description = [query ? `sql: ${query.text}` : undefined, e.code ? `code: ${e.code}` : undefined].filter(Boolean).join(', ');
  return new NodeOperationError(node, message, { itemIndex, description });
}
