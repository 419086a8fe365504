// Test support: a local stand-in for the WordPress REST API v2, written from WordPress's REST API
// handbook (developer.wordpress.org/rest-api): Basic auth with an application password, JSON bodies,
// `page`/`per_page` (default 10, at most 100) with X-WP-Total and X-WP-TotalPages headers, error bodies
// `{code, message, data: {status}}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const USER = 'editor';
export const APP_PASSWORD = 'abcd EFGH 1234 ijkl MNOP 6789';
export const WPCOM_TOKEN = 'wpcom-token';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; contentType: string; cacheControl: string; body?: Record<string, unknown> }
export interface WordpressStandIn { url: string; seen: SeenRequest[]; rateLimit(path: string, seconds: number): void; close(): Promise<void> }

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const wpError = (status: number, code: string, message: string): Answer => ({ status, body: { code, message, data: { status } } });

export async function startWordpressStandIn(): Promise<WordpressStandIn> {
  const seen: SeenRequest[] = [];
  const limits = new Map<string, number>();
  const posts: Array<Record<string, unknown>> = Array.from({ length: 23 }, (_, i) => ({
    id: i + 1, status: 'publish', title: { rendered: `Post ${i + 1}` }, content: { rendered: '' }, author: 1, categories: [1], tags: [], slug: `post-${i + 1}` }));
  const pages: Array<Record<string, unknown>> = [{ id: 100, status: 'publish', title: { rendered: 'About' }, parent: 0, menu_order: 0 }];
  const users: Array<Record<string, unknown>> = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: `Author ${i + 1}`, slug: `author-${i + 1}` }));
  const categories = [{ id: 1, name: 'Uncategorized' }, { id: 2, name: 'News' }];
  const tags = [{ id: 5, name: 'release' }];
  let next = 1000;

  function list(rows: unknown[], query: Record<string, string>): Answer {
    const perPage = Number(query.per_page ?? 10);
    const page = Number(query.page ?? 1);
    if (!(perPage >= 1 && perPage <= 100)) return wpError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
    const totalPages = Math.ceil(rows.length / perPage);
    if (page > Math.max(totalPages, 1)) return wpError(400, 'rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.');
    return { status: 200, body: rows.slice((page - 1) * perPage, page * perPage), headers: { 'x-wp-total': String(rows.length), 'x-wp-totalpages': String(totalPages) } };
  }

  function route(r: SeenRequest): Answer {
    const expected = `Basic ${Buffer.from(`${USER}:${APP_PASSWORD}`).toString('base64')}`;
    // WordPress.com's public API serves the same routes under /wp/v2/sites/<site> for an OAuth2 token.
    const dotCom = /^\/wp\/v2\/sites\/[^/]+/.exec(r.path);
    if (dotCom ? r.authorization !== `Bearer ${WPCOM_TOKEN}` : r.authorization !== expected) {
      return dotCom ? wpError(403, 'unauthorized', 'User cannot view post') : wpError(401, 'incorrect_password', 'The provided password is an invalid application password.');
    }
    const path = dotCom ? r.path.slice(dotCom[0].length) : r.path.replace(/^\/wp-json\/wp\/v2/, '');
    const body = r.body ?? {};
    if (path === '/categories' && r.method === 'GET') return list(categories, r.query);
    if (path === '/tags' && r.method === 'GET') return list(tags, r.query);
    for (const [base, rows, kind] of [['/posts', posts, 'post'], ['/pages', pages, 'page']] as const) {
      if (path === base && r.method === 'GET') {
        const filtered = r.query.status ? rows.filter((p) => p.status === r.query.status) : rows;
        return list(filtered, r.query);
      }
      if (path === base && r.method === 'POST') {
        if (!body.title && !body.content) return wpError(400, 'empty_content', 'Content, title, and excerpt are empty.');
        const created = { id: ++next, status: 'draft', ...body, title: { raw: body.title, rendered: body.title } };
        rows.push(created);
        return { status: 201, body: created };
      }
      const m = new RegExp(`^${base}/(\\d+)$`).exec(path);
      if (m) {
        const found = rows.find((p) => p.id === Number(m[1]));
        if (!found) return wpError(404, `rest_${kind}_invalid_id`, `Invalid ${kind} ID.`);
        if (r.method === 'GET') return { status: 200, body: found };
        if (r.method === 'POST') { Object.assign(found, body, body.title ? { title: { raw: body.title, rendered: body.title } } : {}); return { status: 200, body: found }; }
        if (r.method === 'DELETE') return r.query.force === 'true' ? { status: 200, body: { deleted: true, previous: found } } : { status: 200, body: { ...found, status: 'trash' } };
      }
    }
    if (path === '/users' && r.method === 'GET') return list(r.query.search ? users.filter((u) => String(u.name).includes(r.query.search)) : users, r.query);
    if (path === '/users' && r.method === 'POST') {
      for (const key of ['username', 'email', 'password']) if (!body[key]) return wpError(400, 'rest_missing_callback_param', `Missing parameter(s): ${key}`);
      if (users.some((u) => u.slug === body.username)) return wpError(500, 'existing_user_login', 'Sorry, that username already exists!');
      const created = { id: ++next, name: body.name, slug: body.username, first_name: body.first_name, last_name: body.last_name, email: body.email };
      users.push(created);
      return { status: 201, body: created };
    }
    if (path === '/users/me' && r.method === 'DELETE') {
      if (r.query.force !== 'true') return wpError(501, 'rest_trash_not_supported', 'Users do not support trashing. Set \'force=true\' to delete.');
      if (!r.query.reassign) return wpError(400, 'rest_missing_callback_param', 'Missing parameter(s): reassign');
      return { status: 200, body: { deleted: true, previous: users[0] } };
    }
    const m = /^\/users\/(\d+)$/.exec(path);
    if (m) {
      const found = users.find((u) => u.id === Number(m[1]));
      if (!found) return wpError(404, 'rest_user_invalid_id', 'Invalid user ID.');
      if (r.method === 'GET') return { status: 200, body: found };
      if (r.method === 'POST') { Object.assign(found, body); return { status: 200, body: found }; }
    }
    return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()),
        authorization: req.headers.authorization ?? '', contentType: req.headers['content-type'] ?? '', cacheControl: req.headers['cache-control'] ?? '', ...(raw ? { body: JSON.parse(raw) as Record<string, unknown> } : {}) };
      seen.push(request);
      const limited = limits.get(request.path);
      let answer: Answer;
      if (limited !== undefined) {
        limits.delete(request.path);
        answer = { status: 429, headers: { 'retry-after': String(limited) }, body: { code: 'too_many_requests', message: 'Too many requests', data: { status: 429 } } };
      } else answer = route(request);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimit: (path, seconds) => { limits.set(path, seconds); },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
