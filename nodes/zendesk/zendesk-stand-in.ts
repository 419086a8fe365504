// Test support: a local stand-in for Zendesk's Support API (developer.zendesk.com/api-reference),
// written from its documentation: Basic `email/token:api_token` or Bearer auth (else 401
// `{error: "Couldn't authenticate you"}`), `.json` endpoints, bodies wrapped in their resource
// (`{ticket: …}`), offset paging with `per_page`/`page` and an absolute `next_page` URL (null on the
// last page), 404 `{error: "RecordNotFound", description: "Not found"}`, 422 RecordInvalid with
// details, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD = { subdomain: 'acme', email: 'ann@acme.test', apiToken: 'zd-token' };
export const GOOD_BEARER = 'zd-oauth-token';

export interface SeenRequest { method: string; path: string; query: Record<string, string | string[]>; authorization: string; body: unknown }
export interface ZendeskStandIn { url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

const TICKETS = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, subject: `Ticket ${i + 1}`, status: 'open', result_type: 'ticket' }));
const USERS = Array.from({ length: 3 }, (_, i) => ({ id: 100 + i, name: `User ${i + 1}`, role: i === 0 ? 'admin' : 'end-user' }));
const FIELDS = [{ id: 1, title: 'Subject', type: 'subject' }, { id: 2, title: 'Order number', type: 'integer' }, { id: 3, title: 'Notes', type: 'textarea' }];

type Answer = [number, unknown];
const notFound: Answer = [404, { error: 'RecordNotFound', description: 'Not found' }];

function paged(base: string, path: string, query: Record<string, string | string[]>, property: string, list: unknown[]): Answer {
  const perPage = Math.min(Number(query.per_page ?? 100), 100);
  const page = Number(query.page ?? 1);
  const entries = list.slice((page - 1) * perPage, page * perPage);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (k !== 'page') for (const value of [v].flat()) params.append(k, value);
  params.set('page', String(page + 1));
  const next = page * perPage < list.length ? `${base}${path}?${params.toString()}` : null;
  return [200, { [property]: entries, next_page: next, previous_page: page > 1 ? `${base}${path}?page=${page - 1}` : null, count: list.length }];
}

function route(base: string, method: string, path: string, q: Record<string, string | string[]>, body: Record<string, Record<string, unknown>> | undefined): Answer {
  let m: RegExpExecArray | null;
  const key = `${method} ${path}`;
  if (key === 'POST /tickets.json') {
    const t = body?.ticket;
    if (!t?.comment) return [422, { error: 'RecordInvalid', description: 'Record validation errors', details: { base: [{ description: 'Description: cannot be blank' }] } }];
    return [201, { ticket: { id: 500, ...t, status: t.status ?? 'new' } }];
  }
  if ((m = /^(GET|PUT|DELETE) \/tickets\/(\d+)\.json$/.exec(key))) {
    const ticket = TICKETS.find((t) => t.id === Number(m![2]));
    if (!ticket) return notFound;
    if (m[1] === 'DELETE') return [204, ''];
    return [200, { ticket: { ...ticket, ...(m[1] === 'PUT' ? body?.ticket : {}) } }];
  }
  if ((m = /^(GET|DELETE) \/suspended_tickets\/(\d+)\.json$/.exec(key))) return m[1] === 'DELETE' ? [204, ''] : [200, { suspended_ticket: { id: Number(m[2]), subject: 'Spam?' } }];
  if ((m = /^PUT \/suspended_tickets\/(\d+)\/recover\.json$/.exec(key))) return [200, { ticket: { id: 900, subject: 'Recovered' } }];
  if (key === 'GET /search.json') {
    if (!String(q.query ?? '').includes('type:ticket')) return [400, { error: 'InvalidSearch' }];
    return paged(base, '/search.json', q, 'results', TICKETS);
  }
  if (key === 'GET /ticket_fields.json') return paged(base, '/ticket_fields.json', q, 'ticket_fields', FIELDS);
  if ((m = /^GET \/ticket_fields\/(\d+)\.json$/.exec(key))) return [200, { ticket_field: FIELDS.find((f) => f.id === Number(m![1])) ?? FIELDS[0] }];
  if (key === 'POST /users.json') return [201, { user: { id: 200, ...body?.user } }];
  if (key === 'GET /users.json' || key === 'GET /users/search.json') return paged(base, path, q, 'users', USERS);
  if (key === 'GET /users/me.json') return [200, { user: { id: 100, name: 'User 1' } }];
  if ((m = /^(GET|PUT|DELETE) \/users\/(\d+)\.json$/.exec(key))) return [200, { user: { ...USERS[0], id: Number(m[2]), ...(m[1] === 'PUT' ? body?.user : {}), ...(m[1] === 'DELETE' ? { active: false } : {}) } }];
  if ((m = /^GET \/users\/(\d+)\/organizations\.json$/.exec(key))) return [200, { organizations: [{ id: 7, name: 'Acme' }] }];
  if ((m = /^GET \/users\/(\d+)\/related\.json$/.exec(key))) return [200, { user_related: { requested_tickets: 2 } }];
  if (key === 'POST /organizations.json') return [201, { organization: { id: 8, ...body?.organization } }];
  if (key === 'GET /organizations/count.json') return [200, { count: { value: 102, refreshed_at: '2026-12-07T10:00:00Z' } }];
  if (key === 'GET /organizations.json') return paged(base, path, q, 'organizations', [{ id: 7, name: 'Acme' }, { id: 8, name: 'Globex' }]);
  if ((m = /^(GET|PUT|DELETE) \/organizations\/(\d+)\.json$/.exec(key))) return m[1] === 'DELETE' ? [204, ''] : [200, { organization: { id: Number(m[2]), name: 'Acme', ...(body?.organization ?? {}) } }];
  if (key === 'GET /groups.json') return paged(base, path, q, 'groups', [{ id: 11, name: 'Support' }]);
  if (key === 'GET /tags.json') return paged(base, path, q, 'tags', [{ name: 'vip', count: 3 }]);
  return notFound;
}

export async function startZendeskStandIn(): Promise<ZendeskStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const path = url.pathname.replace(/^\/api\/v2/, '');
      const query: Record<string, string | string[]> = {};
      for (const k of new Set(url.searchParams.keys())) query[k] = url.searchParams.getAll(k).length > 1 || k.endsWith('[]') ? url.searchParams.getAll(k) : url.searchParams.get(k)!;
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const authorization = req.headers.authorization ?? '';
      seen.push({ method: req.method ?? '', path, query, authorization, body });
      const reply = ([status, payload]: Answer, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(status === 204 ? '' : JSON.stringify(payload));
      };
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return reply([429, { error: 'TooManyRequests', description: 'Rate limit exceeded' }], { 'retry-after': String(wait) });
      }
      const basic = `Basic ${Buffer.from(`${GOOD.email}/token:${GOOD.apiToken}`).toString('base64')}`;
      if (authorization !== basic && authorization !== `Bearer ${GOOD_BEARER}`) return reply([401, { error: "Couldn't authenticate you" }]);
      reply(route(base, req.method ?? '', path, query, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  return { url: base, seen, rateLimitOnce: (path, seconds) => armed.set(path, seconds), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
