// Test support: a local stand-in for Notion's API, written from Notion's public reference
// (developers.notion.com/reference): Bearer secret and required Notion-Version header, databases
// (retrieve, query with filter/sorts and cursor paging), pages (create, retrieve, update/archive),
// search, block children (list with cursors, append), users (list, retrieve, me), error objects
// `{object: 'error', status, code, message}` and 429 rate_limited with Retry-After.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenNotionRequest { method: string; path: string; query: URLSearchParams; body: Obj | undefined; headers: IncomingMessage['headers'] }

export interface NotionStandIn {
  url: string;
  apiUrl: string;
  seen: SeenNotionRequest[];
  pages: Obj[];
  blocks: Map<string, Obj[]>;
  reset(): void;
  /** Shares one more (empty) database with the integration, found by search only; an empty title stays untitled. Answers its id. */
  addDatabase(title: string): string;
  rateLimit(times: number, retryAfter: string): void;
  close(): Promise<void>;
}

export const DATABASE_ID = 'd9824bdc-8445-4327-be8b-5b47500af6ce';
export const PARENT_PAGE_ID = '6a1d4c2e-8b3f-4e5a-9c7d-1e2f3a4b5c6d';
const SECRET = 'secret_TEST';
const USERS = Array.from({ length: 3 }, (_, i) => ({ object: 'user', id: `0000000${i}-aaaa-4bbb-8ccc-000000000000`, type: 'person', name: `User ${i}`, person: { email: `user${i}@example.com` } }));
const SCHEMA: Obj = {
  Name: { id: 'title', type: 'title', title: {} },
  Notes: { id: 'n', type: 'rich_text', rich_text: {} },
  Price: { id: 'p', type: 'number', number: { format: 'dollar' } },
  Done: { id: 'd', type: 'checkbox', checkbox: {} },
  Stage: { id: 's', type: 'select', select: { options: [{ id: 's1', name: 'Open', color: 'green' }, { id: 's2', name: 'Closed', color: 'red' }] } },
  Tags: { id: 't', type: 'multi_select', multi_select: { options: [] } },
  Due: { id: 'du', type: 'date', date: {} },
  Link: { id: 'l', type: 'url', url: {} },
  Docs: { id: 'f', type: 'files', files: {} },
  'Created At': { id: 'c', type: 'created_time', created_time: {} },
};

const richText = (items: Obj[]) => items.map((item) => ({
  type: 'text', text: { content: item.text?.content ?? '', link: item.text?.link ?? null },
  annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default', ...(item.annotations ?? {}) },
  plain_text: item.text?.content ?? '', href: item.text?.link?.url ?? null,
}));

/** A written property value as Notion answers it (plain_text on texts, colors on options). */
function stored(name: string, value: Obj): Obj {
  const type = SCHEMA[name]?.type ?? Object.keys(value).find((key) => key !== 'type') ?? 'rich_text';
  const raw = value[type];
  let out: unknown = raw;
  if (type === 'title' || type === 'rich_text') out = richText(raw ?? []);
  if (type === 'select') out = raw ? { id: 'x', name: raw.name, color: 'default' } : null;
  if (type === 'multi_select') out = (raw ?? []).map((option: Obj) => ({ id: 'y', name: option.name, color: 'default' }));
  if (type === 'date') out = raw ? { start: raw.start, end: raw.end ?? null, time_zone: null } : null;
  return { id: SCHEMA[name]?.id ?? name, type, [type]: out };
}

const plain = (property: Obj | undefined): unknown => {
  if (!property) return undefined;
  const value = property[property.type];
  if (property.type === 'title' || property.type === 'rich_text') return value.map((t: Obj) => t.plain_text).join('');
  if (property.type === 'select') return value?.name;
  return value;
};

/** The filter forms the tests send: and/or of `{property, title|text|rich_text|number|checkbox|select: {condition: value}}`. */
function matches(page: Obj, filter: Obj | undefined): boolean {
  if (!filter) return true;
  if (filter.and) return filter.and.every((f: Obj) => matches(page, f));
  if (filter.or) return filter.or.some((f: Obj) => matches(page, f));
  const value = plain(page.properties[filter.property]);
  const [[, rule]] = Object.entries(filter).filter(([key]) => key !== 'property') as Array<[string, Obj]>;
  const [[condition, expected]] = Object.entries(rule);
  switch (condition) {
    case 'equals': return value === expected;
    case 'does_not_equal': return value !== expected;
    case 'contains': return String(value ?? '').includes(String(expected));
    case 'greater_than': return Number(value) > Number(expected);
    case 'less_than': return Number(value) < Number(expected);
    case 'is_empty': return value === undefined || value === null || value === '';
    case 'is_not_empty': return !(value === undefined || value === null || value === '');
    default: throw new Error(`unsupported condition ${condition}`);
  }
}

export async function startNotionStandIn(): Promise<NotionStandIn> {
  const seen: SeenNotionRequest[] = [];
  let pages: Obj[] = [];
  let databases: Obj[] = [];
  let blocks = new Map<string, Obj[]>();
  let counter = 0;
  let limited = 0;
  let retryAfter = '1';
  const newId = () => `${String(++counter).padStart(8, '0')}-1111-4222-8333-444444444444`;
  const stamp = () => new Date(Date.UTC(2024, 0, 1, 0, counter)).toISOString();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { object: 'error', status, code, message });

  /** Cursor paging over a list: `start_cursor` is the id to start at, 100 at most a page. */
  function page(list: Obj[], cursor: unknown, size: unknown) {
    const pageSize = Math.min(Number(size ?? 100) || 100, 100);
    const start = cursor ? list.findIndex((entry) => entry.id === cursor) : 0;
    const slice = list.slice(Math.max(start, 0), Math.max(start, 0) + pageSize);
    const next = list[Math.max(start, 0) + pageSize];
    return { object: 'list', results: slice, next_cursor: next ? next.id : null, has_more: !!next };
  }

  /** A written block as Notion answers it: ids, timestamps, and plain_text on its text. */
  function storedBlock(child: Obj): Obj {
    const content = child[child.type] ?? {};
    return {
      object: 'block', id: newId(), created_time: stamp(), last_edited_time: stamp(), has_children: false, archived: false, type: child.type,
      [child.type]: Array.isArray(content.text) ? { ...content, text: richText(content.text) } : content,
    };
  }

  function createPage(body: Obj): Obj {
    const id = newId();
    const properties: Obj = {};
    if (body.parent?.database_id) {
      for (const [name, value] of Object.entries(body.properties ?? {})) properties[name] = stored(name, value as Obj);
      properties['Created At'] = { id: 'c', type: 'created_time', created_time: stamp() };
    } else {
      properties.title = { id: 'title', type: 'title', title: richText(body.properties?.title ?? []) };
    }
    const parent = body.parent?.database_id ? { type: 'database_id', database_id: body.parent.database_id } : { type: 'page_id', page_id: body.parent?.page_id };
    const created = { object: 'page', id, created_time: stamp(), last_edited_time: stamp(), archived: false, icon: body.icon ?? null, parent, properties, url: `https://www.notion.so/${id.replace(/-/g, '')}` };
    pages.push(created);
    blocks.set(id, (body.children ?? []).map(storedBlock));
    return created;
  }

  function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = raw ? (JSON.parse(raw) as Obj) : undefined;
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body, headers: req.headers });
    if (url.pathname.startsWith('/files/')) {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(`file ${url.pathname.slice(7)}`);
    }
    if (limited > 0) {
      limited--;
      return send(res, 429, { object: 'error', status: 429, code: 'rate_limited', message: 'You have been rate limited. Please try again in a few minutes.' }, { 'retry-after': retryAfter });
    }
    if (req.headers.authorization?.trim() !== `Bearer ${SECRET}`) return error(res, 401, 'unauthorized', 'API token is invalid.');
    if (!req.headers['notion-version']) return error(res, 400, 'missing_version', 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.');
    const parts = url.pathname.split('/').filter(Boolean).slice(1);
    const method = req.method ?? 'GET';
    const [kind, id, sub] = parts;
    if (kind === 'users') {
      if (id === 'me') return send(res, 200, { object: 'user', id: 'bot', type: 'bot', name: 'Weft test', bot: {} });
      if (id) return USERS.find((user) => user.id === id) ? send(res, 200, USERS.find((user) => user.id === id)) : error(res, 404, 'object_not_found', `Could not find user with ID: ${id}.`);
      return send(res, 200, page(USERS, url.searchParams.get('start_cursor'), url.searchParams.get('page_size') ?? 2));
    }
    if (kind === 'databases') {
      if (id?.replace(/-/g, '') !== DATABASE_ID.replace(/-/g, '')) return error(res, 404, 'object_not_found', `Could not find database with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
      if (!sub && method === 'GET') return send(res, 200, { object: 'database', id: DATABASE_ID, title: richText([{ text: { content: 'Deals' } }]), properties: SCHEMA, url: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}` });
      if (sub === 'query' && method === 'POST') {
        let rows = pages.filter((p) => p.parent.database_id === DATABASE_ID && !p.archived);
        try { rows = rows.filter((p) => matches(p, body?.filter)); } catch (e) { return error(res, 400, 'validation_error', (e as Error).message); }
        for (const sort of [...(body?.sorts ?? [])].reverse()) {
          const sign = sort.direction === 'descending' ? -1 : 1;
          const key = (p: Obj) => (sort.timestamp ? p[sort.timestamp] : plain(p.properties[sort.property]));
          rows.sort((a, b) => sign * String(key(a) ?? '').localeCompare(String(key(b) ?? ''), 'en', { numeric: true }));
        }
        return send(res, 200, page(rows, body?.start_cursor, body?.page_size));
      }
    }
    if (kind === 'pages') {
      if (!id && method === 'POST') {
        if (body?.parent?.database_id && body.parent.database_id !== DATABASE_ID) return error(res, 404, 'object_not_found', `Could not find database with ID: ${body.parent.database_id}.`);
        for (const name of Object.keys(body?.properties ?? {})) {
          if (body?.parent?.database_id && !SCHEMA[name]) return error(res, 400, 'validation_error', `${name} is not a property that exists.`);
        }
        return send(res, 200, createPage(body ?? {}));
      }
      const found = pages.find((p) => p.id.replace(/-/g, '') === String(id).replace(/-/g, ''));
      if (!found) return error(res, 404, 'object_not_found', `Could not find page with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);
      if (method === 'GET') return send(res, 200, found);
      if (method === 'PATCH') {
        for (const [name, value] of Object.entries(body?.properties ?? {})) found.properties[name] = stored(name, value as Obj);
        if (body?.archived !== undefined) found.archived = body.archived;
        if (body?.icon) found.icon = body.icon;
        return send(res, 200, found);
      }
    }
    if (kind === 'search' && method === 'POST') {
      const database = { object: 'database', id: DATABASE_ID, title: richText([{ text: { content: 'Deals' } }]), properties: SCHEMA, parent: { type: 'workspace', workspace: true }, url: `https://www.notion.so/${DATABASE_ID.replace(/-/g, '')}` };
      let all: Obj[] = [database, ...databases, ...pages.filter((p) => !p.archived)];
      if (body?.filter?.property === 'object') all = all.filter((entry) => entry.object === body.filter.value);
      // Search matches titles: a database's own, a page's title property.
      const titleText = (entry: Obj) => (entry.object === 'database' ? entry.title : (Object.values(entry.properties) as Obj[]).find((p) => p.type === 'title')?.title ?? [])
        .map((t: Obj) => t.plain_text).join('');
      if (body?.query) all = all.filter((entry) => titleText(entry).includes(body.query));
      return send(res, 200, page(all, body?.start_cursor, body?.page_size ?? 2));
    }
    if (kind === 'blocks' && sub === 'children') {
      const children = blocks.get(id) ?? blocks.get([...blocks.keys()].find((key) => key.replace(/-/g, '') === id) ?? '');
      if (!children) return error(res, 404, 'object_not_found', `Could not find block with ID: ${id}.`);
      if (method === 'GET') return send(res, 200, page(children, url.searchParams.get('start_cursor'), url.searchParams.get('page_size')));
      if (method === 'PATCH') {
        const added = (body?.children ?? []).map(storedBlock);
        children.push(...added);
        return send(res, 200, { object: 'list', results: added, next_cursor: null, has_more: false });
      }
    }
    return error(res, 400, 'invalid_request_url', 'Invalid request URL.');
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, apiUrl: `${url}/v1`, seen,
    get pages() { return pages; },
    get blocks() { return blocks; },
    reset() { seen.length = 0; pages = []; databases = []; blocks = new Map(); counter = 0; limited = 0; },
    addDatabase(title) {
      const id = newId();
      databases.push({ object: 'database', id, title: title ? richText([{ text: { content: title } }]) : [], properties: { Name: SCHEMA.Name },
        parent: { type: 'workspace', workspace: true }, url: `https://www.notion.so/${id.replace(/-/g, '')}` });
      return id;
    },
    rateLimit(times, after) { limited = times; retryAfter = after; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
