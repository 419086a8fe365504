// Test support: a local stand-in for the parts of Notion's API the Notion Trigger uses, written
// from Notion's public reference (developers.notion.com/reference): Bearer secret and a required
// Notion-Version, database query with a timestamp sort and a timestamp filter (`on_or_after`),
// `page_size`/`start_cursor` paging (`has_more`, `next_cursor`), search filtered to databases,
// error objects `{object: 'error', status, code, message}` and a 429 with Retry-After when armed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenNotionCall { method: string; path: string; body: Obj; headers: IncomingMessage['headers'] }

export interface NotionTriggerStandIn {
  apiUrl: string;
  seen: SeenNotionCall[];
  /** Database pages, any order; the query sorts them. */
  pages: Obj[];
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

export const NT_SECRET = 'secret_TRIGGER';
export const NT_DATABASE_ID = '0fe2f7de-558b-471e-ab07-e9d871cdf4a9';

export function notionPage(id: string, name: string, created: string, edited = created): Obj {
  return {
    object: 'page', id, created_time: created, last_edited_time: edited, archived: false,
    parent: { type: 'database_id', database_id: NT_DATABASE_ID }, url: `https://www.notion.so/${id.replace(/-/g, '')}`,
    properties: {
      Name: { id: 'title', type: 'title', title: [{ type: 'text', text: { content: name, link: null }, plain_text: name, href: null }] },
      Done: { id: 'd', type: 'checkbox', checkbox: false },
    },
  };
}

const error = (status: number, code: string, message: string) => ({ object: 'error', status, code, message });

export async function startNotionTriggerStandIn(): Promise<NotionTriggerStandIn> {
  const seen: SeenNotionCall[] = [];
  const pages: Obj[] = [];
  let armed: number | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const url = new URL(req.url ?? '/', 'http://stand-in');
      let body: Obj = {};
      try { body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as Obj : {}; } catch { return reply(400, error(400, 'invalid_json', 'Error parsing JSON body.')); }
      seen.push({ method: req.method ?? '', path: url.pathname, body, headers: req.headers });
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, error(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.'), { 'retry-after': String(wait) });
      }
      if (req.headers.authorization !== `Bearer ${NT_SECRET}`) return reply(401, error(401, 'unauthorized', 'API token is invalid.'));
      if (!req.headers['notion-version']) return reply(400, error(400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined.'));
      if (req.method === 'POST' && url.pathname === '/v1/search') {
        const databases = [{ object: 'database', id: NT_DATABASE_ID, title: [{ plain_text: 'Tasks' }], url: `https://www.notion.so/${NT_DATABASE_ID.replace(/-/g, '')}` },
          { object: 'database', id: '11111111-2222-4333-8444-555555555555', title: [{ plain_text: 'Bugs' }], url: 'https://www.notion.so/11111111222243338444555555555555' }];
        if (body.filter?.value !== 'database' || body.filter?.property !== 'object') return reply(400, error(400, 'validation_error', 'body.filter.value should be "page" or "database"'));
        const q = String(body.query ?? '').toLowerCase();
        return reply(200, { object: 'list', results: databases.filter((d) => d.title[0].plain_text.toLowerCase().includes(q)), next_cursor: null, has_more: false });
      }
      const query = /^\/v1\/databases\/([^/]+)\/query$/.exec(url.pathname);
      if (req.method === 'POST' && query) {
        if (query[1] !== NT_DATABASE_ID) return reply(404, error(404, 'object_not_found', `Could not find database with ID: ${query[1]}.`));
        let list = [...pages];
        const filter = body.filter as Obj | undefined;
        if (filter) {
          const stamp = filter.timestamp as string;
          const after = Date.parse(filter[stamp]?.on_or_after);
          if (!['created_time', 'last_edited_time'].includes(stamp) || Number.isNaN(after)) return reply(400, error(400, 'validation_error', 'body.filter failed validation.'));
          list = list.filter((page) => Date.parse(page[stamp]) >= after);
        }
        const sort = (body.sorts as Obj[] | undefined)?.[0];
        if (sort) {
          const sign = sort.direction === 'descending' ? -1 : 1;
          list.sort((a, b) => sign * (Date.parse(a[sort.timestamp]) - Date.parse(b[sort.timestamp])));
        }
        const size = Number(body.page_size ?? 100);
        if (size < 1 || size > 100) return reply(400, error(400, 'validation_error', 'body.page_size should be ≤ 100.'));
        const start = body.start_cursor ? list.findIndex((page) => page.id === body.start_cursor) : 0;
        const slice = list.slice(start, start + size);
        const next = list[start + size];
        return reply(200, { object: 'list', results: slice, next_cursor: next ? next.id : null, has_more: Boolean(next) });
      }
      reply(404, error(404, 'invalid_request_url', 'Invalid request URL.'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/v1`, seen, pages,
    rateLimitOnce: (seconds) => { armed = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
