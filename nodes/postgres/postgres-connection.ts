// Postgres connections for the Postgres nodes: one pg pool per credential (shared between items,
// runs and nodes, closed when idle and at shutdown), driver errors turned into node errors that
// carry the server's own message.
import pg from 'pg';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { credentialKey, sharedClients } from '../shared/shared-clients.ts';
import type { SqlQuery } from '../shared/sql-build.ts';
import type { SqlSession, SqlStatementResult } from '../shared/sql-run.ts';
import { pgConfig } from '../shared/pg-config.ts';

export { pgConfig };

const pools = sharedClients<pg.Pool>((pool) => pool.end());

const NUMERIC_TYPES = new Set([20, 1700]); // int8, numeric: pg gives text, n8n's "numbers" option parses them

/** n8n's output values: dates as ISO text, large numbers as text unless asked for numbers. */
function outputRow(row: JsonObject, fields: pg.FieldDef[], largeNumbersAsNumbers: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(row)) {
    const field = fields.find((f) => f.name === key);
    if (value instanceof Date) out[key] = Number.isNaN(value.getTime()) ? null : value.toISOString();
    else if (largeNumbersAsNumbers && field && NUMERIC_TYPES.has(field.dataTypeID) && typeof value === 'string') out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}

function toResult(result: pg.QueryResult | pg.QueryResult[], largeNumbersAsNumbers: boolean): SqlStatementResult {
  // A text without parameters may hold several statements: their rows come out together (n8n ≥ 2.3).
  const results = Array.isArray(result) ? result : [result];
  const withRows = results.filter((r) => r.fields && r.fields.length > 0);
  const last = results[results.length - 1];
  return {
    rows: withRows.length > 0 ? withRows.flatMap((r) => r.rows.map((row) => outputRow(row as JsonObject, r.fields, largeNumbersAsNumbers))) : undefined,
    affectedRows: last?.rowCount ?? undefined,
  };
}

export interface PostgresUseOptions {
  connectionTimeout?: number;
  largeNumbersOutput?: string;
}

/** Runs `fn` with one pooled connection of the credential's pool. */
export async function withPostgres<R>(credentials: Record<string, unknown>, options: PostgresUseOptions, fn: (session: SqlSession, client: pg.PoolClient) => Promise<R>): Promise<R> {
  const config = pgConfig(credentials, options.connectionTimeout ?? 30);
  const key = credentialKey({ ...credentials, connectionTimeout: config.connectionTimeoutMillis });
  const open = async () => {
    const pool = new pg.Pool({ ...config, max: 10, idleTimeoutMillis: 30_000 });
    pool.on('error', () => {}); // an idle client dropped by the server: the pool replaces it
    return pool;
  };
  return pools.use(key, open, async (pool) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const numbers = options.largeNumbersOutput === 'numbers';
      const session: SqlSession = {
        async run(query: SqlQuery) {
          const result = await client.query(query.values.length > 0 ? { text: query.text, values: query.values } : query.text);
          return toResult(result as pg.QueryResult | pg.QueryResult[], numbers);
        },
      };
      return await fn(session, client);
    } catch (error) {
      if (isConnectionError(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  });
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return /^(ECONN|EPIPE|ETIMEDOUT|57P0)/.test(code) || /Connection terminated/i.test((error as Error).message ?? '');
}

/** The node error for a Postgres failure: the server's message, where in the query, and which item. */
export function postgresError(node: string, error: unknown, query: SqlQuery | undefined, itemIndex: number): NodeOperationError {
  const e = error as Error & { code?: string; detail?: string; hint?: string; position?: string; address?: string; port?: number };
  const message = e.message ?? String(error);
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(message)) {
    return new NodeOperationError(node, 'Connection refused', { itemIndex, description: `The Postgres server at ${e.address ?? '?'}:${e.port ?? '?'} refused the connection (${message})` });
  }
  if (e.code === 'ENOTFOUND') return new NodeOperationError(node, 'Host not found', { itemIndex, description: message });
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(message)) return new NodeOperationError(node, 'Connection timed out', { itemIndex, description: message });
  const parts: string[] = [];
  if (e.position && query) {
    const at = Number(e.position);
    const line = query.text.slice(0, at).split('\n').length;
    parts.push(`at position ${at} (line ${line}) of: ${query.text}`);
  } else if (query) parts.push(`Failed query: ${query.text}`);
  if (e.detail) parts.push(e.detail);
  if (e.hint) parts.push(`Hint: ${e.hint}`);
  const positioned = e.position ? `${message} at position ${e.position}` : message;
  return new NodeOperationError(node, positioned, { itemIndex, description: parts.join('\n') });
}
