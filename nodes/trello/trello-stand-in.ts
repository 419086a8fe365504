// Test support: a local stand-in for Trello's REST API (developer.atlassian.com/cloud/trello/rest),
// written from its documentation: `key` and `token` query parameters on every call (a bad pair is a
// 401 "invalid token" in plain text), arguments in the query, JSON answers, a 404 "The requested
// resource was not found." in plain text, `limit`/`before` on a list's cards, /search for boards and
// cards, and a 429 `{error: "API_TOKEN_LIMIT_EXCEEDED"}` with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD = { apiKey: 'trello-key', apiToken: 'trello-token' };

export interface SeenRequest { method: string; path: string; query: Record<string, string>; body: unknown }

export interface TrelloStandIn { url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

// Trello ids are 24 hex digits; newest first when sorted by -id.
const hex = (n: number) => n.toString(16).padStart(24, '0');
const CARDS = Array.from({ length: 65 }, (_, i) => ({ id: hex(1000 - i), name: `Card ${i + 1}`, idList: 'list1' }));
const BOARD = { id: hex(1), name: 'Roadmap', url: 'https://trello.com/b/AbCd1234/roadmap', desc: '' };

type Answer = [number, unknown];
const notFound: Answer = [404, 'The requested resource was not found.'];

function route(method: string, path: string, q: Record<string, string>): Answer {
  let m: RegExpExecArray | null;
  const key = `${method} ${path}`;
  if (key === 'POST /1/boards') return q.name ? [200, { ...BOARD, name: q.name, desc: q.desc ?? '' }] : [400, 'invalid value for name'];
  if ((m = /^(GET|PUT|DELETE) \/1\/boards\/([^/]+)$/.exec(key))) {
    if (m[2] !== BOARD.id && m[2] !== 'AbCd1234') return [400, 'invalid id'];
    return m[1] === 'DELETE' ? [200, { _value: null }] : [200, { ...BOARD, ...(m[1] === 'PUT' && q.name ? { name: q.name } : {}) }];
  }
  if (key === 'POST /1/cards') return q.idList ? [200, { id: hex(2000), name: q.name, desc: q.desc, idList: q.idList, due: q.due ?? null }] : [400, 'invalid value for idList'];
  if ((m = /^(GET|PUT|DELETE) \/1\/cards\/([^/]+)$/.exec(key))) {
    if (m[2] === 'missing') return notFound;
    return m[1] === 'DELETE' ? [200, { limits: {} }] : [200, { id: m[2], name: q.name ?? 'Card 1', idList: q.idList ?? 'list1' }];
  }
  if ((m = /^GET \/1\/lists\/([^/]+)\/cards$/.exec(key))) {
    const limit = Math.min(Number(q.limit ?? 1000), 1000);
    const list = q.before ? CARDS.filter((c) => c.id < q.before) : CARDS;
    return [200, list.slice(0, limit)];
  }
  if ((m = /^GET \/1\/boards\/([^/]+)\/lists$/.exec(key))) return [200, [{ id: 'list1', name: 'To Do' }, { id: 'list2', name: 'Doing' }, { id: 'list3', name: 'Done' }]];
  if ((m = /^PUT \/1\/lists\/([^/]+)\/closed$/.exec(key))) return [200, { id: m[1], closed: q.value === 'true' }];
  if (key === 'POST /1/lists') return [200, { id: 'list9', name: q.name, idBoard: q.idBoard }];
  if ((m = /^POST \/1\/cards\/([^/]+)\/actions\/comments$/.exec(key))) return [200, { id: 'action1', type: 'commentCard', data: { text: q.text, card: { id: m[1] } } }];
  if ((m = /^(PUT|DELETE) \/1\/cards\/([^/]+)\/actions\/([^/]+)\/comments$/.exec(key))) return [200, m[1] === 'PUT' ? { id: m[3], data: { text: q.text } } : { _value: null }];
  if ((m = /^POST \/1\/cards\/([^/]+)\/checklists$/.exec(key))) return [200, { id: 'cl1', name: q.name, idCard: m[1], checkItems: [] }];
  if ((m = /^POST \/1\/checklists\/([^/]+)\/checkItems$/.exec(key))) return [200, { id: 'ci1', name: q.name, idChecklist: m[1], state: q.checked === 'true' ? 'complete' : 'incomplete' }];
  if ((m = /^POST \/1\/cards\/([^/]+)\/attachments$/.exec(key))) return [200, { id: 'att1', url: q.url, name: q.name ?? q.url }];
  if ((m = /^GET \/1\/board\/([^/]+)\/labels$/.exec(key))) return [200, [{ id: 'lab1', name: 'Bug', color: 'red' }]];
  if (key === 'POST /1/labels') return [200, { id: 'lab2', idBoard: q.idBoard, name: q.name, color: q.color === 'null' ? null : q.color }];
  if ((m = /^POST \/1\/cards\/([^/]+)\/idLabels$/.exec(key))) return [200, [q.value]];
  if (key === 'GET /1/search') {
    const hit = (name: string) => name.toLowerCase().includes((q.query ?? '').toLowerCase());
    return [200, { options: {}, boards: q.modelTypes === 'boards' && hit(BOARD.name) ? [BOARD] : [],
      cards: q.modelTypes === 'cards' ? CARDS.filter((c) => hit(c.name)).slice(0, Number(q.cards_limit ?? 10)).map((c) => ({ ...c, url: `https://trello.com/c/${c.id.slice(-8)}` })) : [] }];
  }
  if ((m = /^GET \/1\/tokens\/([^/]+)\/member$/.exec(key))) return [200, { id: 'me', username: 'ann' }];
  if ((m = /^GET \/1\/boards\/([^/]+)\/members$/.exec(key))) return [200, [{ id: 'm1', fullName: 'Ann' }, { id: 'm2', fullName: 'Bob' }].slice(0, Number(q.limit ?? 100))];
  if ((m = /^PUT \/1\/boards\/([^/]+)\/members(\/([^/]+))?$/.exec(key))) return m[3] || q.email ? [200, { id: m[1], members: [{ id: m[3] ?? 'new' }] }] : [400, 'invalid email'];
  return notFound;
}

export async function startTrelloStandIn(): Promise<TrelloStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const query = Object.fromEntries(url.searchParams.entries());
      const raw = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', path: url.pathname, query, body: raw ? JSON.parse(raw) : undefined });
      const reply = ([status, body]: Answer, headers: Record<string, string> = {}) => {
        const text = typeof body === 'string';
        res.writeHead(status, { 'content-type': text ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', ...headers });
        res.end(text ? body : JSON.stringify(body));
      };
      const wait = armed.get(url.pathname);
      if (wait !== undefined) {
        armed.delete(url.pathname);
        return reply([429, { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }], { 'retry-after': String(wait) });
      }
      if (!query.key) return reply([401, 'invalid key']);
      if (query.key !== GOOD.apiKey || query.token !== GOOD.apiToken) return reply([401, 'invalid token']);
      reply(route(req.method ?? '', url.pathname, query));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/1`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
