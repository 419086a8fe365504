// Test support: a local stand-in for Baserow's REST API, written from Baserow's API documentation
// (api.baserow.io/api/redoc): POST /api/user/token-auth/ answers a JWT for a good username and
// password, other calls need `Authorization: JWT <token>`; applications, tables and fields lists;
// rows with `field_<id>` keys, `page`/`size` pagination answering {count, next, previous, results},
// `filter__field_<id>__<type>`, `filter_type`, `search` and `order_by`; errors as {error, detail};
// a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const USER = { username: 'ann@example.com', password: 'secret' };
const TOKEN = 'jwt-abc.def.ghi';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; body: unknown }

export interface BaserowStandIn {
  url: string;
  seen: SeenRequest[];
  rateLimitOnce(path: string, seconds: number): void;
  close(): Promise<void>;
}

export const FIELDS = [{ id: 101, name: 'Name', type: 'text', primary: true }, { id: 102, name: 'Age', type: 'number', primary: false }];

export async function startBaserowStandIn(): Promise<BaserowStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const rows = new Map<number, Record<string, unknown>>();
  for (let id = 1; id <= 130; id++) rows.set(id, { id, order: `${id}.00000000000000000000`, field_101: `Person ${id}`, field_102: String(20 + (id % 50)) });
  let nextId = 131;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return reply(400, { error: 'ERROR_REQUEST_BODY_VALIDATION', detail: 'Invalid JSON body' });
      }
      const request: SeenRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization ?? '', body };
      seen.push(request);
      const wait = armed.get(url.pathname);
      if (wait !== undefined) {
        armed.delete(url.pathname);
        return reply(429, { detail: 'Request was throttled.' }, { 'retry-after': String(wait) });
      }
      if (url.pathname === '/api/user/token-auth/' && req.method === 'POST') {
        const login = (body ?? {}) as Record<string, unknown>;
        if (login.username === USER.username && login.password === USER.password) return reply(200, { token: TOKEN, access_token: TOKEN, user: { first_name: 'Ann', username: USER.username } });
        return reply(400, { error: 'ERROR_INVALID_CREDENTIALS', detail: 'Unable to log in with provided credentials.' });
      }
      if (request.authorization !== `JWT ${TOKEN}`) return reply(401, { error: 'ERROR_INVALID_ACCESS_TOKEN', detail: 'Access token is expired or invalid.' });
      if (url.pathname === '/api/applications/') return reply(200, [{ id: 7, name: 'CRM', type: 'database', tables: [] }]);
      if (url.pathname === '/api/database/tables/database/7/') return reply(200, [{ id: 42, name: 'People', order: 1, database_id: 7 }]);
      if (url.pathname === '/api/database/fields/table/42/') return reply(200, FIELDS);
      const match = /^\/api\/database\/rows\/table\/(\d+)\/(?:(\d+)\/)?$/.exec(url.pathname);
      if (!match) return reply(404, { error: 'URL_NOT_FOUND', detail: `URL ${url.pathname} not found.` });
      if (match[1] !== '42') return reply(404, { error: 'ERROR_TABLE_DOES_NOT_EXIST', detail: `The table ${match[1]} does not exist.` });
      const rowId = match[2] ? Number(match[2]) : undefined;
      const values = (body ?? {}) as Record<string, unknown>;
      const badKey = Object.keys(values).find((k) => !/^field_\d+$/.test(k) || !FIELDS.some((f) => `field_${f.id}` === k));
      if (rowId === undefined && req.method === 'GET') {
        let list = [...rows.values()];
        const filters = [...url.searchParams].filter(([k]) => k.startsWith('filter__'));
        const tests = filters.map(([key, value]) => {
          const [, field, type] = /^filter__field_(\d+)__(\w+)$/.exec(key) ?? [];
          return (row: Record<string, unknown>) => {
            const cell = String(row[`field_${field}`] ?? '');
            if (type === 'equal') return cell === value;
            if (type === 'contains') return cell.toLowerCase().includes(value.toLowerCase());
            if (type === 'higher_than') return Number(cell) > Number(value);
            return true;
          };
        });
        if (tests.length) list = list.filter((row) => (url.searchParams.get('filter_type') === 'OR' ? tests.some((t) => t(row)) : tests.every((t) => t(row))));
        const search = url.searchParams.get('search');
        if (search) list = list.filter((row) => Object.values(row).some((v) => String(v).includes(search)));
        const order = url.searchParams.get('order_by');
        if (order) {
          const desc = order.startsWith('-');
          const field = `field_${order.replace(/[^0-9]/g, '')}`;
          list.sort((a, b) => String(a[field]).localeCompare(String(b[field]), undefined, { numeric: true }) * (desc ? -1 : 1));
        }
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('size') ?? 100);
        if (size > 200) return reply(400, { error: 'ERROR_PAGE_SIZE_LIMIT', detail: 'The page size is limited to 200.' });
        const results = list.slice((page - 1) * size, page * size);
        if (results.length === 0 && page > 1) return reply(400, { error: 'ERROR_INVALID_PAGE', detail: `Invalid page ${page}` });
        const more = page * size < list.length;
        return reply(200, { count: list.length, next: more ? `http://stand-in${url.pathname}?page=${page + 1}&size=${size}` : null, previous: page > 1 ? 'prev' : null, results });
      }
      if (rowId === undefined && req.method === 'POST') {
        if (badKey) return reply(400, { error: 'ERROR_REQUEST_BODY_VALIDATION', detail: { [badKey]: [{ error: 'Unknown field.', code: 'invalid' }] } });
        const row = { id: nextId, order: `${nextId}.00000000000000000000`, field_101: '', field_102: null, ...values };
        rows.set(nextId++, row);
        return reply(200, row);
      }
      const row = rowId !== undefined ? rows.get(rowId) : undefined;
      if (!row || rowId === undefined) return reply(404, { error: 'ERROR_ROW_DOES_NOT_EXIST', detail: `The row id ${String(rowId)} does not exist.` });
      if (req.method === 'GET') return reply(200, row);
      if (req.method === 'PATCH') {
        if (badKey) return reply(400, { error: 'ERROR_REQUEST_BODY_VALIDATION', detail: { [badKey]: [{ error: 'Unknown field.', code: 'invalid' }] } });
        Object.assign(row, values);
        return reply(200, row);
      }
      if (req.method === 'DELETE') {
        rows.delete(rowId);
        return reply(204);
      }
      return reply(405, { detail: `Method "${req.method}" not allowed.` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
