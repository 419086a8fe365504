// Test support: a local stand-in for Reddit's API, written from reddit.com/dev/api: the OAuth host
// (`/oauth` here) wants `Authorization: bearer <token>`, the public JSON host (`/www`) wants none;
// listings are `{kind: 'Listing', data: {after, children: [{kind, data}]}}` paged with `limit` and
// `after`; submit and comment answer `{json: {errors, data}}` (api_type=json); errors are
// `{message, error: <status>}`; a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'reddit-token';

export interface SeenRequest { method: string; host: 'oauth' | 'www'; path: string; query: Record<string, string>; authorization: string; userAgent: string; args: Record<string, string> }

export interface RedditStandIn {
  oauthUrl: string;
  wwwUrl: string;
  seen: SeenRequest[];
  rateLimitOnce(path: string, seconds: number): void;
  close(): Promise<void>;
}

const POSTS = Array.from({ length: 230 }, (_, i) => ({ id: `p${i + 1}`, name: `t3_p${i + 1}`, title: `Post ${i + 1}`, subreddit: 'n8n' }));
const COMMENTS = [{ id: 'c1', body: 'first' }, { id: 'c2', body: 'second' }];

function listing<T>(entries: T[], kind: string, query: Record<string, string>) {
  const limit = Math.min(Number(query.limit ?? 25) || 25, 100);
  const start = query.after ? entries.findIndex((e) => (e as { name?: string }).name === query.after) + 1 : 0;
  const page = entries.slice(start, start + limit);
  const after = start + limit < entries.length ? (page[page.length - 1] as { name?: string }).name ?? null : null;
  return { kind: 'Listing', data: { after, dist: page.length, children: page.map((data) => ({ kind, data })) } };
}

type Answer = [number, unknown];

function oauth(method: string, path: string, args: Record<string, string>): Answer {
  if (method === 'POST' && path === '/api/submit') {
    const errors = [];
    if (!args.sr) errors.push(['SUBREDDIT_REQUIRED', 'you must specify a subreddit', 'sr']);
    if (!args.title) errors.push(['NO_TEXT', 'we need something here', 'title']);
    if (errors.length) return [200, { json: { errors } }];
    return [200, { json: { errors: [], data: { url: `https://www.reddit.com/r/${args.sr}/comments/new1/x/`, drafts_count: 0, id: 'new1', name: 't3_new1' } } }];
  }
  if (method === 'POST' && path === '/api/del') return args.id ? [200, {}] : [400, { message: 'Bad Request', error: 400 }];
  if (method === 'POST' && path === '/api/comment') {
    if (!args.thing_id || !args.text) return [200, { json: { errors: [['NO_TEXT', 'we need something here', 'text']] } }];
    return [200, { json: { errors: [], data: { things: [{ kind: 't1', data: { id: 'newc', parent_id: args.thing_id, body: args.text } }] } } }];
  }
  if (method === 'GET' && path === '/api/v1/me') return [200, { name: 'ann', features: { chat: true } }];
  if (method === 'GET' && path === '/api/v1/me/trophies') return [200, { kind: 'TrophyList', data: { trophies: [{ kind: 't6', data: { name: 'Verified Email' } }] } }];
  if (method === 'GET' && path === '/api/v1/me/karma') return [200, { kind: 'KarmaList', data: [] }];
  return shared(method, path, args);
}

function shared(method: string, path: string, args: Record<string, string>): Answer {
  let m: RegExpExecArray | null;
  if (method !== 'GET') return [404, { message: 'Not Found', error: 404 }];
  if ((m = /^\/r\/([^/]+)\/comments\/([^/.]+)\.json$/.exec(path))) {
    if (m[2] === 'missing') return [404, { message: 'Not Found', error: 404 }];
    return [200, [listing([{ ...POSTS[0], id: m[2] }], 't3', {}), listing(COMMENTS, 't1', {})]];
  }
  if (/^\/r\/[^/]+(\/(hot|new|top|rising))?\.json$/.test(path) || /^(\/r\/[^/]+)?\/search\.json$/.test(path) || path === '/r/subreddits.json'
    || /^\/user\/[^/]+\/(saved|comments|submitted|overview|gilded)\.json$/.test(path)) return [200, listing(POSTS, 't3', args)];
  if ((m = /^\/r\/([^/]+)\/about\/(about|rules)\.json$/.exec(path))) {
    return m[2] === 'rules' ? [200, { rules: [{ short_name: 'Be nice' }], site_rules: [] }] : [200, { kind: 't5', data: { display_name: m[1], subscribers: 10 } }];
  }
  if ((m = /^\/user\/([^/]+)\/about\.json$/.exec(path))) return [200, { kind: 't2', data: { name: m[1], link_karma: 3 } }];
  if (path === '/api/trending_subreddits.json') return [200, { subreddit_names: ['a', 'b', 'c'], comment_count: 1 }];
  return [404, { message: 'Not Found', error: 404 }];
}

export async function startRedditStandIn(): Promise<RedditStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const host = url.pathname.startsWith('/oauth/') ? 'oauth' : 'www';
      const path = url.pathname.replace(/^\/(oauth|www)/, '');
      const query = Object.fromEntries(url.searchParams.entries());
      const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')).entries()) : {};
      const request: SeenRequest = { method: req.method ?? '', host, path, query, authorization: req.headers.authorization ?? '', userAgent: req.headers['user-agent'] ?? '', args: { ...query, ...form } };
      seen.push(request);
      const reply = ([status, body]: Answer, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
        res.end(JSON.stringify(body));
      };
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return reply([429, { message: 'Too Many Requests', error: 429 }], { 'retry-after': String(wait) });
      }
      if (host === 'oauth') {
        if (!/^bearer /i.test(request.authorization)) return reply([401, { message: 'Unauthorized', error: 401 }]);
        if (request.authorization.slice(7) !== GOOD_TOKEN) return reply([401, { message: 'Unauthorized', error: 401 }]);
        return reply(oauth(request.method, path, request.args));
      }
      reply(shared(request.method, path, request.args));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    oauthUrl: `${base}/oauth`, wwwUrl: `${base}/www`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
