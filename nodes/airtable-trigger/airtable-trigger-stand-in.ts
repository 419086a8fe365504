// Test support: a small stand-in for Airtable's "List records" endpoint, from Airtable's public
// reference (GET /v0/{baseId}/{tableIdOrName}): Bearer tokens, pageSize ≤ 100 with an opaque
// `offset`, maxRecords, fields[], view, filterByFormula, `{error: {type, message}}` bodies, 429
// "Rate limit exceeded" (with Retry-After when armed) and attachment URLs to download. Formulas it
// understands: IS_AFTER({F}, DATETIME_PARSE("<time>", "<format>")), {F} = 'v', and AND(a, b).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const AT_TOKEN = 'patTRIGGER';
export const AT_BASE = 'appTRIG';
export const AT_TABLE = 'tblEvents';
export interface AtRecord { id: string; createdTime: string; fields: Record<string, unknown> }
export interface AtSeen { method: string; path: string; query: URLSearchParams; authorization?: string }

export interface AirtableTriggerStandIn {
  url: string;
  apiUrl: string;
  seen: AtSeen[];
  records: AtRecord[];
  rateLimitOnce(retryAfter?: string): void;
  close(): Promise<void>;
}

type Filter = (record: AtRecord) => boolean;

/** Splits `a, b` at top-level commas (outside parentheses and quotes). */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

function formulaFilter(formula: string): Filter | undefined {
  const text = formula.trim();
  const and = /^AND\((.*)\)$/s.exec(text);
  if (and) {
    const parts = splitArgs(and[1]).map(formulaFilter);
    return parts.every(Boolean) ? (record) => parts.every((part) => part!(record)) : undefined;
  }
  const after = /^IS_AFTER\(\{([^}]+)\},\s*DATETIME_PARSE\("([^"]*)",\s*"[^"]*"\)\)$/.exec(text);
  if (after) {
    const since = Date.parse(after[2]);
    if (Number.isNaN(since)) return undefined;
    return (record) => {
      const value = record.fields[after[1]];
      return typeof value === 'string' && Date.parse(value) > since;
    };
  }
  const equals = /^\{([^}]+)\}\s*=\s*'([^']*)'$/.exec(text);
  if (equals) return (record) => String(record.fields[equals[1]] ?? '') === equals[2];
  return undefined;
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
const fail = (res: ServerResponse, status: number, type: string, message: string) => answer(res, status, { error: { type, message } });

export async function startAirtableTriggerStandIn(): Promise<AirtableTriggerStandIn> {
  const seen: AtSeen[] = [];
  const records: AtRecord[] = [];
  let limited: { retryAfter?: string } | undefined;
  let url = '';

  function handle(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? '/', 'http://stand-in');
    seen.push({ method: req.method ?? '', path: decodeURIComponent(target.pathname), query: target.searchParams, authorization: req.headers.authorization });
    if (target.pathname.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.from(`bytes of ${target.pathname.slice(7)}`));
    }
    if (limited) {
      const { retryAfter } = limited;
      limited = undefined;
      return answer(res, 429, { errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }] }, retryAfter ? { 'retry-after': retryAfter } : {});
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return fail(res, 401, 'AUTHENTICATION_REQUIRED', 'Authentication required');
    if (token !== AT_TOKEN) return fail(res, 401, 'UNAUTHORIZED', 'Invalid authentication token');
    const [version, base, table, extra] = target.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (version !== 'v0' || extra !== undefined || req.method !== 'GET') return answer(res, 404, { error: 'NOT_FOUND' });
    if (base !== AT_BASE) return fail(res, 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.');
    if (table !== AT_TABLE && table !== 'Events') return fail(res, 404, 'TABLE_NOT_FOUND', `Could not find table ${table} in application ${AT_BASE}`);
    const q = target.searchParams;
    const pageSize = Number(q.get('pageSize') ?? 100);
    if (!(pageSize >= 1 && pageSize <= 100)) return fail(res, 422, 'INVALID_REQUEST_UNKNOWN', 'Invalid request: parameter validation failed. Check your request data.');
    const view = q.get('view');
    if (view && view !== 'viwGrid' && view !== 'Grid view') return fail(res, 422, 'VIEW_NAME_NOT_FOUND', `Could not find view ${view} in table Events`);
    let rows = [...records];
    const formula = q.get('filterByFormula');
    if (formula) {
      const filter = formulaFilter(formula);
      if (!filter) return fail(res, 422, 'INVALID_FILTER_BY_FORMULA', `The formula for filtering records is invalid: ${formula}`);
      rows = rows.filter(filter);
    }
    const max = q.get('maxRecords');
    if (max) rows = rows.slice(0, Number(max));
    const fields = q.getAll('fields[]');
    const start = Number((q.get('offset') ?? 'itr0').replace(/^itr/, ''));
    const page = rows.slice(start, start + pageSize).map((row) => (fields.length
      ? { ...row, fields: Object.fromEntries(Object.entries(row.fields).filter(([key]) => fields.includes(key))) } : row));
    return answer(res, 200, { records: page, ...(start + pageSize < rows.length ? { offset: `itr${start + pageSize}` } : {}) });
  }

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, apiUrl: `${url}/v0`, seen, records,
    rateLimitOnce(retryAfter) { limited = { retryAfter }; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
