// Test support: a local stand-in for a Supabase project's REST API, written from the PostgREST and
// Supabase documentation (postgrest.org "Tables and Views", supabase.com/docs/guides/api): apikey
// and Bearer headers, `/rest/v1/<table>` with horizontal filters (`column=op.value`, `or=(…)`,
// `and=(…)`), limit/offset with a max-rows cap, inserts, updates and deletes answering the rows
// with `Prefer: return=representation`, schemas chosen by Accept-Profile/Content-Profile, the
// OpenAPI description at `/rest/v1/`, PostgREST error bodies `{code, details, hint, message}`, and
// 429 with Retry-After.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Row = Record<string, unknown>;
export interface SeenSupabaseRequest { method: string; path: string; search: string; query: URLSearchParams; body: unknown; headers: IncomingMessage['headers'] }

export interface SupabaseStandIn {
  url: string;
  seen: SeenSupabaseRequest[];
  /** Tables by `schema.table`. */
  tables: Map<string, { columns: string[]; rows: Row[] }>;
  reset(): void;
  rateLimit(times: number, retryAfter: string): void;
  close(): Promise<void>;
}

export const SERVICE_ROLE = 'service-role-test-secret';
/** Supabase's default max-rows: no answer holds more rows than this. */
export const MAX_ROWS = 1000;

const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'or', 'and', 'on_conflict', 'columns']);

function seedTables(): SupabaseStandIn['tables'] {
  const contacts = [
    { id: 1, name: 'Ann Lee', email: 'ann@example.com', age: 34, bio: 'cat lover and runner', active: true },
    { id: 2, name: 'Bob Stone', email: 'bob@example.com', age: 17, bio: 'dog walker', active: false },
    { id: 3, name: 'Cleo Ray', email: null, age: 52, bio: 'gardens and cats', active: true },
  ];
  return new Map([
    ['public.contacts', { columns: ['id', 'name', 'email', 'age', 'bio', 'active'], rows: contacts }],
    ['public.events', { columns: ['id', 'kind'], rows: Array.from({ length: 2345 }, (_, i) => ({ id: i + 1, kind: i % 2 ? 'click' : 'view' })) }],
    ['crm.deals', { columns: ['id', 'title', 'amount'], rows: [{ id: 1, title: 'Big one', amount: 5000 }] }],
  ]);
}

class PostgrestError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: string | null = null, readonly hint: string | null = null) { super(message); }
}

const numeric = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined);

function compare(a: unknown, b: string): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x - y;
  return String(a).localeCompare(b);
}

const likeRegex = (pattern: string, flags: string) => new RegExp(`^${pattern.split(/[*%]/).map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, flags);

function test(row: Row, column: string, expression: string, table: string, columns: string[]): boolean {
  if (!columns.includes(column)) throw new PostgrestError(400, '42703', `column ${table}.${column} does not exist`);
  let negate = false;
  let rest = expression;
  if (rest.startsWith('not.')) { negate = true; rest = rest.slice(4); }
  const dot = rest.indexOf('.');
  if (dot < 0) throw new PostgrestError(400, 'PGRST100', `"failed to parse filter (${expression})" (line 1, column ${expression.length + 1})`);
  const operator = rest.slice(0, dot);
  const value = rest.slice(dot + 1);
  const actual = row[column];
  const outcome = ((): boolean => {
    switch (operator) {
      case 'eq': return actual !== null && compare(actual, value) === 0;
      case 'neq': return actual !== null && compare(actual, value) !== 0;
      case 'gt': return actual !== null && compare(actual, value) > 0;
      case 'gte': return actual !== null && compare(actual, value) >= 0;
      case 'lt': return actual !== null && compare(actual, value) < 0;
      case 'lte': return actual !== null && compare(actual, value) <= 0;
      case 'like': return actual !== null && likeRegex(value, '').test(String(actual));
      case 'ilike': return actual !== null && likeRegex(value, 'i').test(String(actual));
      case 'is': return value === 'null' ? actual === null : value === 'true' ? actual === true : value === 'false' ? actual === false : false;
      case 'in': return value.replace(/^\(|\)$/g, '').split(',').some((v) => compare(actual, v) === 0);
      case 'fts': case 'plfts': case 'phfts': case 'wfts': {
        const words = value.toLowerCase().split(/[\s&|]+/).filter(Boolean);
        const text = String(actual ?? '').toLowerCase();
        return words.every((w) => text.includes(w.replace(/s$/, '')));
      }
      default: throw new PostgrestError(400, 'PGRST100', `"failed to parse filter (${expression})" (line 1, column 1)`, `unexpected "${operator}" expecting operator`);
    }
  })();
  return negate ? !outcome : outcome;
}

/** `(a.eq.1,b.gt.2)` → ['a.eq.1', 'b.gt.2'] (commas inside nested parentheses stay). */
function splitList(list: string): string[] {
  const inner = list.replace(/^\(/, '').replace(/\)$/, '');
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of inner) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) { parts.push(current); current = ''; } else current += char;
  }
  if (current) parts.push(current);
  return parts;
}

function rowFilter(query: URLSearchParams, table: string, columns: string[]): (row: Row) => boolean {
  const checks: Array<(row: Row) => boolean> = [];
  for (const [key, value] of query) {
    if (key === 'or' || key === 'and') {
      const parts = splitList(value).map((part) => {
        const dot = part.indexOf('.');
        return { column: part.slice(0, dot), expression: part.slice(dot + 1) };
      });
      checks.push((row) => (key === 'or' ? parts.some : parts.every).call(parts, (p) => test(row, p.column, p.expression, table, columns)));
    } else if (!RESERVED.has(key)) {
      checks.push((row) => test(row, key, value, table, columns));
    }
  }
  return (row) => checks.every((check) => check(row));
}

function openApi(tables: SupabaseStandIn['tables'], schema: string): Row {
  const paths: Row = { '/': {} };
  const definitions: Row = {};
  for (const [name, table] of tables) {
    const [tableSchema, tableName] = name.split('.');
    if (tableSchema !== schema) continue;
    paths[`/${tableName}`] = {};
    definitions[tableName] = { type: 'object', properties: Object.fromEntries(table.columns.map((c) => [c, { type: c === 'id' || c === 'age' || c === 'amount' ? 'integer' : c === 'active' ? 'boolean' : 'string' }])) };
  }
  return { swagger: '2.0', info: { title: 'standard public schema', version: '12.2.0' }, paths, definitions };
}

function handle(standIn: SupabaseStandIn, req: IncomingMessage, url: URL, body: unknown): { status: number; body?: unknown } {
  const method = req.method ?? 'GET';
  const profile = String((method === 'GET' ? req.headers['accept-profile'] : req.headers['content-profile']) ?? 'public');
  if (!['public', 'crm'].includes(profile)) throw new PostgrestError(406, 'PGRST106', 'The schema must be one of the following: public, crm');
  const path = url.pathname.replace(/^\/rest\/v1/, '');
  if (path === '/' || path === '') return { status: 200, body: openApi(standIn.tables, profile) };
  const tableName = decodeURIComponent(path.slice(1));
  const table = standIn.tables.get(`${profile}.${tableName}`);
  if (!table) throw new PostgrestError(404, 'PGRST205', `Could not find the table '${profile}.${tableName}' in the schema cache`, null, null);
  const representation = String(req.headers.prefer ?? '').includes('return=representation');
  const answer = (status: number, rows: Row[]) => (representation ? { status, body: rows } : { status: status === 200 ? 204 : status });
  if (method === 'POST') {
    const records = (Array.isArray(body) ? body : [body]) as Row[];
    for (const record of records) {
      const unknown = Object.keys(record).find((key) => !table.columns.includes(key));
      if (unknown) throw new PostgrestError(400, 'PGRST204', `Could not find the '${unknown}' column of '${tableName}' in the schema cache`);
    }
    let next = Math.max(0, ...table.rows.map((r) => Number(r.id) || 0)) + 1;
    const created = records.map((record) => ({ ...Object.fromEntries(table.columns.map((c) => [c, null])), id: next++, ...record }));
    table.rows.push(...created);
    return answer(201, created);
  }
  const matches = rowFilter(url.searchParams, tableName, table.columns);
  if (method === 'GET') {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? MAX_ROWS), MAX_ROWS);
    return { status: 200, body: table.rows.filter(matches).slice(offset, offset + limit) };
  }
  if (method === 'PATCH') {
    const changes = body as Row;
    const unknown = Object.keys(changes ?? {}).find((key) => !table.columns.includes(key));
    if (unknown) throw new PostgrestError(400, 'PGRST204', `Could not find the '${unknown}' column of '${tableName}' in the schema cache`);
    const updated = table.rows.filter(matches);
    for (const row of updated) Object.assign(row, changes);
    return answer(200, updated);
  }
  if (method === 'DELETE') {
    const deleted = table.rows.filter(matches);
    table.rows = table.rows.filter((row) => !deleted.includes(row));
    return answer(200, deleted);
  }
  throw new PostgrestError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
}

export async function startSupabaseStandIn(): Promise<SupabaseStandIn> {
  let limited = { times: 0, retryAfter: '0' };
  const standIn: SupabaseStandIn = {
    url: '', seen: [], tables: seedTables(),
    reset() { standIn.tables = seedTables(); standIn.seen.length = 0; },
    rateLimit(times, retryAfter) { limited = { times, retryAfter }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try { body = raw ? JSON.parse(raw) : undefined; } catch { return send(res, 400, { code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' }); }
      standIn.seen.push({ method: req.method ?? '', path: url.pathname, search: url.search, query: url.searchParams, body, headers: req.headers });
      if (req.headers.apikey !== SERVICE_ROLE || req.headers.authorization !== `Bearer ${SERVICE_ROLE}`) {
        return send(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
      }
      if (limited.times > 0) {
        limited.times--;
        return send(res, 429, { message: 'API rate limit exceeded' }, { 'retry-after': limited.retryAfter });
      }
      try {
        const result = handle(standIn, req, url, body);
        send(res, result.status, result.body);
      } catch (error) {
        if (!(error instanceof PostgrestError)) throw error;
        send(res, error.status, { code: error.code, details: error.details, hint: error.hint, message: error.message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}
