// Test support: a local stand-in for ClickUp's API v2 (clickup.com/api), written from its
// documentation: the token as the whole Authorization header (else 401 `{err: "Token invalid",
// ECODE: "OAUTH_025"}`), JSON bodies, `GET /list/{id}/task` paged by `page` (100 a page, an empty page
// past the end), array filters as `statuses[]=…`, 404 `{err, ECODE}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'pk_123_ABC';

export interface SeenRequest { method: string; path: string; query: Record<string, string | string[]>; authorization: string; body: unknown }
export interface ClickUpStandIn { url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

const TASKS = Array.from({ length: 130 }, (_, i) => ({ id: `t${i + 1}`, name: `Task ${i + 1}`, status: { status: 'to do' } }));
type Answer = [number, unknown];

function route(method: string, path: string, q: Record<string, string | string[]>, body: Record<string, unknown> | undefined): Answer {
  let m: RegExpExecArray | null;
  const key = `${method} ${path}`;
  if (key === 'GET /team') return [200, { teams: [{ id: '9', name: 'Acme' }] }];
  // Time tracking (developer.clickup.com/reference/gettimeentrieswithinadaterange and neighbours): times in Unix ms, answers in `data`.
  if (key === 'GET /team/9/time_entries/tags') return [200, { data: [{ name: 'billing', tag_bg: '#000', tag_fg: '#fff', creator: 42 }] }];
  if (key === 'GET /team/9/time_entries/current') return [200, { data: { id: 'te-run', task: { id: 't1' }, start: '1700000000000', duration: '-5000' } }];
  if (key === 'POST /team/9/time_entries/stop') return [200, { data: { id: 'te-run', duration: '60000' } }];
  if (key === 'POST /team/9/time_entries/start') return body?.tid ? [200, { data: { id: 'te-new', task: { id: body.tid }, description: body.description ?? '', billable: body.billable ?? false } }] : [400, { err: 'tid missing', ECODE: 'TIMEENTRY_001' }];
  if (key === 'GET /team/9/time_entries') {
    const entries = Array.from({ length: 8 }, (_, n) => ({ id: `te${n + 1}`, start: String(1700000000000 + n * 3600_000), duration: '1800000' }));
    const from = Number(q.start_date ?? 0);
    return [200, { data: entries.filter((e) => Number(e.start) >= from) }];
  }
  if (key === 'POST /team/9/time_entries') {
    if (typeof body?.start !== 'number' || typeof body?.duration !== 'number') return [400, { err: 'start and duration must be Unix milliseconds', ECODE: 'TIMEENTRY_002' }];
    return [200, { data: { id: 'te-created', ...body } }];
  }
  if ((m = /^(GET|PUT|DELETE) \/team\/9\/time_entries\/([\w-]+)$/.exec(key))) {
    if (m[2] === 'missing') return [404, { err: 'Time entry not found', ECODE: 'TIMEENTRY_404' }];
    return [200, { data: { id: m[2], ...(m[1] === 'PUT' ? body : {}) } }];
  }
  if ((m = /^GET \/team\/(\w+)\/space$/.exec(key))) return [200, { spaces: [{ id: 's1', name: 'Engineering' }] }];
  if ((m = /^GET \/space\/(\w+)\/folder$/.exec(key))) return [200, { folders: [{ id: 'f1', name: 'Sprints' }, { id: 'f2', name: 'Backlog' }] }];
  if ((m = /^POST \/space\/(\w+)\/folder$/.exec(key))) return [200, { id: 'f3', name: body?.name, space: { id: m[1] } }];
  if ((m = /^GET \/folder\/(\w+)\/list$/.exec(key))) return [200, { lists: [{ id: 'l1', name: 'Sprint 1' }] }];
  if ((m = /^GET \/list\/(\w+)$/.exec(key))) return [200, { id: m[1], name: 'Sprint 1', statuses: [{ status: 'to do' }, { status: 'done' }] }];
  if ((m = /^GET \/list\/(\w+)\/member$/.exec(key))) return [200, { members: [{ id: 42, username: 'ann' }] }];
  if ((m = /^POST \/list\/(\w+)\/task$/.exec(key))) {
    if (!body?.name) return [400, { err: 'Task name invalid', ECODE: 'INPUT_005' }];
    return [200, { id: 'new1', ...body, list: { id: m[1] } }];
  }
  if ((m = /^GET \/list\/(\w+)\/task$/.exec(key))) {
    const page = Number(q.page ?? 0);
    return [200, { tasks: TASKS.slice(page * 100, page * 100 + 100), last_page: (page + 1) * 100 >= TASKS.length }];
  }
  if ((m = /^(GET|PUT|DELETE) \/task\/(\w+)$/.exec(key))) {
    if (m[2] === 'missing') return [404, { err: 'Task not found, deleted', ECODE: 'ITEM_013' }];
    if (m[1] === 'DELETE') return [204, ''];
    return [200, { ...TASKS[0], id: m[2], ...(m[1] === 'PUT' ? body : {}) }];
  }
  if ((m = /^GET \/task\/(\w+)\/member$/.exec(key))) return [200, { members: [{ id: 42, username: 'ann' }, { id: 43, username: 'bob' }] }];
  if ((m = /^POST \/task\/(\w+)\/field\/([\w-]+)$/.exec(key))) return [200, {}];
  if ((m = /^POST \/(task|list|view)\/(\w+)\/comment$/.exec(key))) return [200, { id: '458', hist_id: 'h1', date: 1700000000000 }];
  if ((m = /^GET \/(task|list|view)\/(\w+)\/comment$/.exec(key))) return [200, { comments: [{ id: 'c1', comment_text: 'a' }, { id: 'c2', comment_text: 'b' }, { id: 'c3', comment_text: 'c' }] }];
  if ((m = /^(PUT|DELETE) \/comment\/(\w+)$/.exec(key))) return [200, {}];
  if ((m = /^POST \/task\/(\w+)\/checklist$/.exec(key))) return [200, { checklist: { id: 'cl1', task_id: m[1], name: body?.name, items: [] } }];
  if ((m = /^POST \/(folder|space)\/(\w+)\/list$/.exec(key))) return [200, { id: 'l9', name: body?.name, [m[1]]: { id: m[2] } }];
  if ((m = /^GET \/space\/(\w+)\/list$/.exec(key))) return [200, { lists: [{ id: 'l7', name: 'Loose' }, { id: 'l8', name: 'Ends' }] }];
  if ((m = /^GET \/list\/(\w+)\/field$/.exec(key))) return [200, { fields: [{ id: 'cf1', name: 'Effort', type: 'number' }] }];
  if ((m = /^(PUT|DELETE) \/list\/(\w+)$/.exec(key))) return [200, m[1] === 'PUT' ? { id: m[2], ...body } : {}];
  if ((m = /^(POST|DELETE) \/task\/(\w+)\/tag\/([^/]+)$/.exec(key))) return [200, {}];
  if ((m = /^(POST|DELETE) \/list\/(\w+)\/task\/(\w+)$/.exec(key))) return [200, {}];
  if ((m = /^(POST|DELETE) \/task\/(\w+)\/dependency$/.exec(key))) return (m[1] === 'POST' ? body?.depends_on : q.depends_on) ? [200, {}] : [400, { err: 'depends_on missing', ECODE: 'DEP_001' }];
  if ((m = /^POST \/checklist\/(\w+)\/checklist_item$/.exec(key))) return [200, { checklist: { id: m[1], items: [{ id: 'ci1', name: body?.name, assignee: body?.assignee ?? null }] } }];
  if (key === 'GET /user') return [200, { user: { id: 42, username: 'ann' } }];
  return [404, { err: 'Route not found', ECODE: 'APP_001' }];
}

export async function startClickUpStandIn(): Promise<ClickUpStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const path = url.pathname.replace(/^\/api\/v2/, '');
      const query: Record<string, string | string[]> = {};
      for (const k of new Set(url.searchParams.keys())) query[k] = k.endsWith('[]') ? url.searchParams.getAll(k) : url.searchParams.get(k)!;
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) : undefined;
      const authorization = req.headers.authorization ?? '';
      seen.push({ method: req.method ?? '', path, query, authorization, body });
      const reply = ([status, payload]: Answer, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(status === 204 ? '' : JSON.stringify(payload));
      };
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return reply([429, { err: 'Rate limit reached', ECODE: 'APP_002' }], { 'retry-after': String(wait) });
      }
      if (authorization !== GOOD_TOKEN) return reply([401, { err: 'Token invalid', ECODE: 'OAUTH_025' }]);
      reply(route(req.method ?? '', path, query, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
