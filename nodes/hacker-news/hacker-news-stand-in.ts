// Test support: a local stand-in for the Algolia Hacker News Search API (hn.algolia.com/api), written
// from its public documentation: GET /api/v1/search (query, tags, hitsPerPage, page; answers hits,
// nbHits, page, nbPages, hitsPerPage), /api/v1/items/:id (the item with its `children` comments),
// /api/v1/users/:username; a 404 `{status, error}` for unknown ids, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HnSeen { method: string; path: string; query: Record<string, string> }

export interface HnStandIn { url: string; seen: HnSeen[]; rateLimitOnce(seconds: number): void; close(): Promise<void> }

const STORIES = Array.from({ length: 250 }, (_, i) => ({
  objectID: String(1000 + i), title: `Story ${i + 1}`, author: i % 2 ? 'pg' : 'dang', points: i, _tags: ['story', `author_${i % 2 ? 'pg' : 'dang'}`, ...(i < 30 ? ['front_page'] : [])],
}));

export async function startHackerNewsStandIn(): Promise<HnStandIn> {
  const seen: HnSeen[] = [];
  let armed: number | undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams.entries());
    seen.push({ method: req.method ?? '', path: url.pathname, query });
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (armed !== undefined) {
      const seconds = armed;
      armed = undefined;
      return reply(429, { status: 429, error: 'Too Many Requests' }, { 'retry-after': String(seconds) });
    }
    if (req.method !== 'GET') return reply(404, { status: 404, error: 'Not Found' });
    if (url.pathname === '/api/v1/search') {
      const tags = (query.tags ?? '').split(',').filter(Boolean);
      const words = (query.query ?? '').toLowerCase();
      const matching = STORIES.filter((s) => tags.every((t) => s._tags.includes(t)) && s.title.toLowerCase().includes(words));
      const perPage = Math.min(Math.max(Number(query.hitsPerPage ?? 20), 1), 1000);
      const page = Number(query.page ?? 0);
      const nbPages = Math.ceil(matching.length / perPage);
      return reply(200, { hits: matching.slice(page * perPage, (page + 1) * perPage), nbHits: matching.length, page, nbPages, hitsPerPage: perPage, query: query.query ?? '' });
    }
    const item = /^\/api\/v1\/items\/(\d+)$/.exec(url.pathname);
    if (item) {
      if (item[1] !== '8863') return reply(404, { status: 404, error: 'Not Found' });
      return reply(200, { id: 8863, type: 'story', author: 'dhouston', title: 'My YC app: Dropbox', points: 111, parent_id: null,
        children: [{ id: 9224, type: 'comment', author: 'BrandonM', text: 'Not impressed', children: [] }] });
    }
    const user = /^\/api\/v1\/users\/([^/]+)$/.exec(url.pathname);
    if (user) {
      if (user[1] !== 'pg') return reply(404, { status: 404, error: 'Not Found' });
      return reply(200, { username: 'pg', about: 'Bug fixer.', karma: 157236 });
    }
    reply(404, { status: 404, error: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/api/v1`, seen, rateLimitOnce: (s) => { armed = s; }, close: () => new Promise<void>((r) => server.close(() => r())) };
}
