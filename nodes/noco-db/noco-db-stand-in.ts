// Test support: a local stand-in for NocoDB's REST APIs, written from NocoDB's documentation
// (docs.nocodb.com, the v0.90+ `/api/v1/db/data/...` APIs and the legacy `/nc/{project}/api/v1/...`):
// `xc-token` (API token) or `xc-auth` (user token) headers (else 401 `{msg}`), row lists as
// `{list, pageInfo: {totalRows, page, pageSize, isFirstPage, isLastPage}}` paged by `limit`/`offset`
// (legacy: a bare array), bulk writes with a JSON array body, 404 `{msg}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKENS = { api: 'nc-api-token', user: 'nc-user-token' };

export interface SeenRequest { method: string; path: string; query: Record<string, string>; headers: Record<string, string | undefined>; body: unknown }
export interface NocoDbStandIn { url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

const ROWS = Array.from({ length: 230 }, (_, i) => ({ Id: i + 1, Title: `Row ${i + 1}` }));
type Answer = [number, unknown];

function page(q: Record<string, string>) {
  const limit = Math.min(Number(q.limit ?? 25), 1000);
  const offset = Number(q.offset ?? 0);
  return { rows: ROWS.slice(offset, offset + limit), limit, offset };
}

function route(method: string, path: string, q: Record<string, string>, body: unknown): Answer {
  let m: RegExpExecArray | null;
  const rows = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
  if ((m = /^\/nc\/(\w+)\/api\/v1\/(\w+)\/bulk$/.exec(path))) {
    if (method === 'POST') return [200, [100 + rows.length]];
    return [200, rows.map(() => 1)];
  }
  if ((m = /^\/nc\/(\w+)\/api\/v1\/(\w+)$/.exec(path)) && method === 'GET') return [200, page(q).rows];
  if ((m = /^\/api\/v1\/db\/data\/bulk\/noco\/(\w+)\/(\w+)$/.exec(path))) {
    if (method === 'POST') return [200, rows.map((_, i) => ({ id: 500 + i }))];
    return [200, rows.map((row) => (row.id === 'missing' ? 0 : 1))];
  }
  if ((m = /^\/api\/v1\/db\/data\/noco\/(\w+)\/(\w+)\/bulk$/.exec(path))) {
    if (method === 'POST') return [200, [300 + rows.length]];
    return [200, rows.map(() => 1)];
  }
  if ((m = /^\/api\/v1\/db\/data\/noco\/(\w+)\/(\w+)(\/views\/(\w+))?$/.exec(path)) && method === 'GET') {
    const { rows: list, limit, offset } = page(q);
    return [200, { list, pageInfo: { totalRows: ROWS.length, page: Math.floor(offset / limit) + 1, pageSize: limit, isFirstPage: offset === 0, isLastPage: offset + limit >= ROWS.length } }];
  }
  if ((m = /^\/api\/v1\/db\/data\/noco\/(\w+)\/(\w+)\/(\w+)$/.exec(path)) && method === 'GET') {
    const row = ROWS.find((r) => String(r.Id) === m![3]);
    return row ? [200, row] : [404, { msg: `Record '${m[3]}' not found` }];
  }
  if ((m = /^\/nc\/(\w+)\/api\/v1\/(\w+)\/(\w+)$/.exec(path)) && method === 'GET') return [200, ROWS[0]];
  if (path === '/api/v1/auth/user/me' && method === 'GET') return [200, { id: 'us_1', email: 'ann@acme.test' }];
  return [404, { msg: 'Not found' }];
}

export async function startNocoDbStandIn(): Promise<NocoDbStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const headers = { 'xc-token': req.headers['xc-token'] as string | undefined, 'xc-auth': req.headers['xc-auth'] as string | undefined };
      seen.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), headers, body });
      const reply = ([status, payload]: Answer, extra: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...extra });
        res.end(JSON.stringify(payload));
      };
      const wait = armed.get(url.pathname);
      if (wait !== undefined) {
        armed.delete(url.pathname);
        return reply([429, { msg: 'Too many requests' }], { 'retry-after': String(wait) });
      }
      if (headers['xc-token'] !== TOKENS.api && headers['xc-auth'] !== TOKENS.user) return reply([401, { msg: 'Authentication required - Invalid token' }]);
      reply(route(req.method ?? '', url.pathname, Object.fromEntries(url.searchParams.entries()), body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
