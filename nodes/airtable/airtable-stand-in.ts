// Test support: a local stand-in for Airtable's Web API, written from Airtable's public reference
// (airtable.com/developers/web/api): list records (pageSize ≤ 100, maxRecords, `offset` paging,
// fields[], sort[n][field|direction], filterByFormula, view), get/create/update/delete records
// (≤ 10 a request, typecast, performUpsert.fieldsToMergeOn), meta/bases (paged), base schema,
// meta/whoami, Bearer tokens, `{error: {type, message}}` bodies and 429 "Rate limit exceeded".
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Fields = Record<string, unknown>;
export interface StandInRecord { id: string; createdTime: string; fields: Fields }
export interface SeenRequest { method: string; path: string; query: URLSearchParams; body: unknown; authorization: string | undefined }

const FIELD_TYPES: Record<string, string> = { Name: 'singleLineText', Age: 'number', Status: 'singleSelect', Email: 'email', Photo: 'multipleAttachments' };

export interface AirtableStandIn {
  url: string;
  /** The API root to put in WEFT_AIRTABLE_API_URL. */
  apiUrl: string;
  seen: SeenRequest[];
  records: StandInRecord[];
  reset(records?: Array<Fields>): void;
  /** The next `times` calls answer 429, with this Retry-After (seconds) when given. */
  rateLimit(times: number, retryAfter?: string): void;
  close(): Promise<void>;
}

const TOKENS = new Set(['patTEST', 'oauthTEST']);
const BASES = Array.from({ length: 3 }, (_, i) => ({ id: `app${i === 0 ? 'TEST' : `Other${i}`}`, name: `Base ${i}`, permissionLevel: i === 2 ? 'read' : 'create' }));

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
const fail = (res: ServerResponse, status: number, type: string, message?: string) => answer(res, status, { error: message ? { type, message } : type });

/** `fields[]=a`, `fields[0]=a` → ['a']; `sort[0][field]=x` → [{field: 'x'}]. */
function arrayParam(query: URLSearchParams, name: string): string[] {
  return [...query.entries()].filter(([key]) => key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key)).map(([, value]) => value);
}
function sortParam(query: URLSearchParams): Array<{ field: string; direction: string }> {
  const rules: Array<{ field: string; direction: string }> = [];
  for (const [key, value] of query.entries()) {
    const match = /^sort\[(\d+)\]\[(field|direction)\]$/.exec(key);
    if (!match) continue;
    const rule = (rules[Number(match[1])] ??= { field: '', direction: 'asc' });
    rule[match[2] as 'field' | 'direction'] = value;
  }
  return rules.filter(Boolean);
}

/** The formulas the tests use: `{F} = 'v'`, `AND(…, …)`, `NOT({F} = '')`; anything else is invalid. */
function formulaFilter(formula: string): ((fields: Fields) => boolean) | undefined {
  const text = formula.trim();
  const and = /^AND\((.*)\)$/.exec(text);
  if (and) {
    const parts = and[1].split(/,(?=\s*\{)/).map(formulaFilter);
    return parts.every(Boolean) ? (fields) => parts.every((part) => part!(fields)) : undefined;
  }
  const not = /^NOT\((.*)\)$/.exec(text);
  if (not) {
    const inner = formulaFilter(not[1]);
    return inner ? (fields) => !inner(fields) : undefined;
  }
  const equals = /^\{([^}]+)\}\s*=\s*'([^']*)'$/.exec(text);
  if (equals) return (fields) => String(fields[equals[1]] ?? '') === equals[2];
  return undefined;
}

export async function startAirtableStandIn(): Promise<AirtableStandIn> {
  const seen: SeenRequest[] = [];
  let records: StandInRecord[] = [];
  let counter = 0;
  let rateLimited = 0;
  let retryAfter: string | undefined;
  const newId = () => `rec${String(++counter).padStart(14, '0')}`;
  const make = (fields: Fields): StandInRecord => ({ id: newId(), createdTime: new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString(), fields });

  /** Airtable's checks of written fields: known names, numbers for number fields unless typecast. */
  function invalidFields(fields: Fields, typecast: boolean): string | undefined {
    for (const [name, value] of Object.entries(fields)) {
      if (!FIELD_TYPES[name]) return `Unknown field name: "${name}"`;
      if (FIELD_TYPES[name] === 'number' && typeof value !== 'number' && value !== null) {
        if (!typecast || Number.isNaN(Number(value))) return `Field "${name}" cannot accept the provided value`;
        fields[name] = Number(value);
      }
    }
    return undefined;
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    let body: unknown;
    try { body = raw ? JSON.parse(raw) : undefined; } catch { return fail(res, 400, 'INVALID_REQUEST_BODY', 'Could not parse request body'); }
    seen.push({ method: req.method ?? '', path: decodeURIComponent(url.pathname), query: url.searchParams, body, authorization: req.headers.authorization });
    if (url.pathname.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(Buffer.from(`bytes of ${url.pathname.slice(7)}`));
    }
    if (rateLimited > 0) {
      rateLimited--;
      return answer(res, 429, { errors: [{ error: 'RATE_LIMIT_REACHED', message: 'Rate limit exceeded. Please try again later' }] }, retryAfter ? { 'retry-after': retryAfter } : {});
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return fail(res, 401, 'AUTHENTICATION_REQUIRED', 'Authentication required');
    if (!TOKENS.has(token)) return fail(res, 401, 'UNAUTHORIZED', 'Invalid authentication token');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v0') return fail(res, 404, 'NOT_FOUND');
    const [, first, second, third, fourth] = parts;
    if (first === 'meta') return meta(res, url.searchParams, second, third, fourth);
    if (first !== 'appTEST') return fail(res, 403, 'INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND', 'Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.');
    if (second !== 'tblPeople' && second !== 'People') return fail(res, 404, 'TABLE_NOT_FOUND', `Could not find table ${second} in application appTEST`);
    return recordsRoute(req.method ?? 'GET', res, url.searchParams, body as Fields | undefined, third);
  }

  function meta(res: ServerResponse, query: URLSearchParams, what?: string, baseId?: string, tables?: string) {
    if (what === 'whoami') return answer(res, 200, { id: 'usrTEST', scopes: ['data.records:read'], email: 'ann@example.com' });
    if (what === 'bases' && !baseId) {
      // Two bases a page, so a listing of three takes an offset.
      const start = Number(query.get('offset') ?? 0);
      const page = BASES.slice(start, start + 2);
      return answer(res, 200, { bases: page, ...(start + 2 < BASES.length ? { offset: String(start + 2) } : {}) });
    }
    if (what === 'bases' && tables === 'tables') {
      if (baseId !== 'appTEST') return fail(res, 404, 'NOT_FOUND');
      return answer(res, 200, { tables: [{ id: 'tblPeople', name: 'People', primaryFieldId: 'fldName', fields: Object.entries(FIELD_TYPES).map(([name, type]) => ({ id: `fld${name}`, name, type })), views: [{ id: 'viwAll', name: 'All', type: 'grid' }] }] });
    }
    return fail(res, 404, 'NOT_FOUND');
  }

  function list(res: ServerResponse, query: URLSearchParams) {
    const pageSize = Number(query.get('pageSize') ?? 100);
    if (pageSize > 100) return fail(res, 422, 'INVALID_PAGE_SIZE', 'pageSize must be at most 100');
    let rows = [...records];
    const formula = query.get('filterByFormula');
    if (formula) {
      const filter = formulaFilter(formula);
      if (!filter) return fail(res, 422, 'INVALID_FILTER_BY_FORMULA', `The formula for filtering records is invalid: ${formula}`);
      rows = rows.filter((row) => filter(row.fields));
    }
    if (query.get('view') && query.get('view') !== 'viwAll' && query.get('view') !== 'All') return fail(res, 422, 'VIEW_NAME_NOT_FOUND', `Could not find view ${query.get('view')} in table People`);
    for (const rule of sortParam(query).reverse()) {
      const sign = rule.direction === 'desc' ? -1 : 1;
      rows.sort((a, b) => sign * String(a.fields[rule.field] ?? '').localeCompare(String(b.fields[rule.field] ?? ''), 'en', { numeric: true }));
    }
    const maxRecords = query.get('maxRecords');
    if (maxRecords) rows = rows.slice(0, Number(maxRecords));
    const fields = arrayParam(query, 'fields');
    const start = Number(query.get('offset') ?? 0);
    const page = rows.slice(start, start + pageSize).map((row) => (fields.length
      ? { ...row, fields: Object.fromEntries(Object.entries(row.fields).filter(([key]) => fields.includes(key))) } : row));
    return answer(res, 200, { records: page, ...(start + pageSize < rows.length ? { offset: `itr${start + pageSize}` } : {}) });
  }

  function recordsRoute(method: string, res: ServerResponse, query: URLSearchParams, body: Fields | undefined, recordId?: string) {
    const find = (id: unknown) => records.find((row) => row.id === id);
    if (recordId) {
      const record = find(recordId);
      if (!record) return fail(res, 404, 'NOT_FOUND');
      if (method === 'GET') return answer(res, 200, record);
      if (method === 'DELETE') {
        records = records.filter((row) => row !== record);
        return answer(res, 200, { id: record.id, deleted: true });
      }
      return fail(res, 404, 'NOT_FOUND');
    }
    if (method === 'GET') {
      // The offset Airtable hands out is opaque; the stand-in's is `itr<n>`.
      const own = new URLSearchParams(query);
      const offset = own.get('offset');
      if (offset) own.set('offset', offset.replace(/^itr/, ''));
      return list(res, own);
    }
    if (method === 'DELETE') {
      const ids = arrayParam(query, 'records');
      if (!ids.length || ids.length > 10) return fail(res, 422, 'INVALID_REQUEST_UNKNOWN', 'You must provide an array of up to 10 record objects');
      const missing = ids.find((id) => !find(id));
      if (missing) return fail(res, 404, 'NOT_FOUND');
      records = records.filter((row) => !ids.includes(row.id));
      return answer(res, 200, { records: ids.map((id) => ({ id, deleted: true })) });
    }
    const typecast = body?.typecast === true;
    if (method === 'POST') {
      const many = Array.isArray(body?.records);
      const inputs = many ? (body!.records as Array<{ fields: Fields }>) : [{ fields: (body?.fields ?? {}) as Fields }];
      if (many && (inputs.length === 0 || inputs.length > 10)) return fail(res, 422, 'INVALID_RECORDS', 'You must provide an array of up to 10 record objects');
      for (const input of inputs) {
        const invalid = invalidFields(input.fields, typecast);
        if (invalid) return fail(res, 422, invalid.startsWith('Unknown') ? 'UNKNOWN_FIELD_NAME' : 'INVALID_VALUE_FOR_COLUMN', invalid);
      }
      const created = inputs.map((input) => make({ ...input.fields }));
      records.push(...created);
      return answer(res, 200, many ? { records: created } : created[0]);
    }
    if (method === 'PATCH') {
      const inputs = (body?.records ?? []) as Array<{ id?: string; fields: Fields }>;
      if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > 10) return fail(res, 422, 'INVALID_RECORDS', 'You must provide an array of up to 10 record objects');
      const mergeOn = ((body?.performUpsert as { fieldsToMergeOn?: string[] } | undefined)?.fieldsToMergeOn) ?? undefined;
      const out: StandInRecord[] = [];
      const createdRecords: string[] = [];
      const updatedRecords: string[] = [];
      for (const input of inputs) {
        const invalid = invalidFields(input.fields ?? {}, typecast);
        if (invalid) return fail(res, 422, 'INVALID_VALUE_FOR_COLUMN', invalid);
        let target: StandInRecord | undefined;
        // With upserting on, a record that names its id is updated by it; the others merge on fields.
        if (mergeOn && !input.id) {
          const matches = records.filter((row) => mergeOn.every((field) => row.fields[field] === input.fields[field]));
          if (matches.length > 1) return fail(res, 422, 'INVALID_VALUE_FOR_COLUMN', 'Cannot update more than one record with the same values in fieldsToMergeOn');
          target = matches[0];
          if (!target) {
            target = make({ ...input.fields });
            records.push(target);
            createdRecords.push(target.id);
            out.push(target);
            continue;
          }
        } else {
          target = find(input.id);
          if (!target) return fail(res, 422, 'ROW_DOES_NOT_EXIST', `Record ID ${String(input.id)} does not exist in this table`);
        }
        Object.assign(target.fields, input.fields);
        updatedRecords.push(target.id);
        out.push(target);
      }
      return answer(res, 200, { records: out, ...(mergeOn ? { createdRecords, updatedRecords } : {}) });
    }
    return fail(res, 404, 'NOT_FOUND');
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/v0`,
    seen,
    get records() { return records; },
    reset(initial = []) {
      counter = 0;
      seen.length = 0;
      rateLimited = 0;
      records = initial.map((fields) => make({ ...fields }));
    },
    rateLimit(times, after) { rateLimited = times; retryAfter = after; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
