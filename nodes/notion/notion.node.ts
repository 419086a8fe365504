// n8n's Notion node v2, 2.1 and 2.2 (n8n-nodes-base.notion): database pages (create, get, get many
// with filters and sorts, update), pages (create, archive, search), blocks (append, get children),
// databases (get, get many, search) and users, with n8n's "simple" outputs.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { prepareBinaryData } from '../n8n-api/binary-helpers.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { notionApi, type NotionApi } from './notion-api.ts';
import { formatBlocks, mapFilter, mapProperties, mapSorting, simplifyBlocks, simplifyObjects } from './notion-values.ts';
import { notionProperties } from './notion.description.ts';
import { notionMethods } from './notion-methods.ts';

const NOTION_ID = '[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}';
const BASE_URL = '(?:https|http)://www\\.notion\\.so/(?:[a-z0-9-]{2,}/)?';
const DATABASE_URL = new RegExp(`${BASE_URL}(${NOTION_ID})`);
const PAGE_URL = new RegExp(`${BASE_URL}(?:[a-zA-Z0-9-]{1,}-)?(${NOTION_ID})`);
const BLOCK_URL = new RegExp(`${BASE_URL}(?:[a-zA-Z0-9-]{2,}-)?(${NOTION_ID})`);

type Locator = { mode?: string; value?: unknown };
const locatorOf = (value: unknown): Locator => (value && typeof value === 'object' ? (value as Locator) : { mode: 'id', value });

interface Run {
  ctx: ExecuteContext;
  api: NotionApi;
  i: number;
  /** Each database's title property, read once a run (n8n reads it once, before the items). */
  titleKeys: Map<string, Promise<string>>;
}

/** A database locator's id: cut from a link in URL mode, and (n8n's extractDatabaseId) from a path or `?v=` link. */
function databaseId({ ctx, i }: Run): string {
  const { mode, value } = locatorOf(param<unknown>(ctx, 'databaseId', i, ''));
  let id = String(value ?? '');
  if (mode === 'url') id = DATABASE_URL.exec(id)?.[1] ?? id;
  if (id.includes('?v=')) id = id.split('?v=')[0].split('/').pop() ?? id;
  else if (id.includes('/')) id = id.split('/').pop() ?? id;
  return id;
}

/** n8n's getPageId: the id as given, the `p=` of a link, or the id at the end of a page link. */
function pageId({ ctx, i }: Run): string {
  const { mode, value } = locatorOf(param<unknown>(ctx, 'pageId', i, ''));
  const text = typeof value === 'string' ? value : '';
  const id = !text ? '' : mode === 'id' ? text : text.includes('p=') ? new URLSearchParams(text).get('p') ?? '' : PAGE_URL.exec(text)?.[1] ?? '';
  if (!id) throw new NodeOperationError(ctx.node.name, `Could not extract page ID from URL: ${String(value ?? '')}`, { itemIndex: i });
  return id;
}

/** n8n's extractPageId: the part after `p=`, or after the last dash of a link. */
const extractPageId = (page: string) => (page.includes('p=') ? page.split('p=')[1] : page.includes('-') && page.includes('https') ? page.split('-').pop()! : page);

function blockId({ ctx, i }: Run): string {
  const { mode, value } = locatorOf(param<unknown>(ctx, 'blockId', i, ''));
  const text = String(value ?? '');
  if (ctx.node.typeVersion < 2.2) return extractPageId(mode === 'url' ? BLOCK_URL.exec(text)?.[1] ?? text : text);
  if (mode === 'id') return text;
  const block = /https:\/\/www\.notion\.so\/.+\?pvs=[0-9]+#([a-f0-9]{2,})/.exec(text)?.[1];
  if (block) return block;
  const page = BLOCK_URL.exec(text)?.[1];
  if (!page) throw new NodeOperationError(ctx.node.name, 'Invalid URL, could not find block ID or page ID', { itemIndex: i });
  return extractPageId(page);
}

const rows = (ctx: ExecuteContext, name: string, key: string, i: number): JsonObject[] => {
  const value = collection(ctx, name, i)[key];
  return Array.isArray(value) ? (value as JsonObject[]) : [];
};

function icon(options: JsonObject, typed: boolean): JsonObject | undefined {
  if (!options.icon) return undefined;
  if (options.iconType === 'file') return typed ? { type: 'external', external: { url: options.icon } } : { external: { url: options.icon } };
  return typed ? { type: 'emoji', emoji: options.icon } : { emoji: options.icon };
}

const simpleOr = (run: Run, value: JsonObject | JsonObject[], name = 'simple') => (param(run.ctx, name, run.i, true) ? simplifyObjects(value) : value);

async function listOrLimit(run: Run, request: Parameters<NotionApi['request']>[0], pageSizeIn: 'body' | 'query'): Promise<JsonObject[]> {
  if (param(run.ctx, 'returnAll', run.i, false)) return run.api.requestAll(request, run.i);
  const limit = param(run.ctx, 'limit', run.i, 50);
  const sized = pageSizeIn === 'body' ? { ...request, body: { ...request.body, page_size: limit } } : { ...request, query: { ...request.query, page_size: limit } };
  return ((await run.api.request(sized, run.i)).results as JsonObject[] | undefined) ?? [];
}

/** Search, users: n8n reads every page and keeps the first `limit`. */
async function allThenLimit(run: Run, request: Parameters<NotionApi['request']>[0]): Promise<JsonObject[]> {
  if (param(run.ctx, 'returnAll', run.i, false)) return run.api.requestAll(request, run.i);
  const limit = param(run.ctx, 'limit', run.i, 50);
  return (await run.api.requestAll(request, run.i, limit)).slice(0, limit);
}

async function downloadFiles(run: Run, pages: JsonObject[]): Promise<Item[]> {
  const items: Item[] = [];
  for (const page of pages) {
    const item: Item = { json: page, binary: {}, pairedItem: { item: run.i } };
    for (const [key, property] of Object.entries((page.properties as Record<string, JsonObject>) ?? {})) {
      if (property.type !== 'files') continue;
      for (const [index, file] of ((property.files as JsonObject[]) ?? []).entries()) {
        const url = ((file.file as JsonObject | undefined)?.url ?? (file.external as JsonObject | undefined)?.url) as string;
        item.binary![`${key}_${index}`] = await prepareBinaryData(await run.api.download(url, run.i));
      }
    }
    if (!Object.keys(item.binary!).length) delete item.binary;
    items.push(item);
  }
  return items;
}

type Handler = (run: Run) => Promise<JsonObject | JsonObject[] | Item[]>;

const HANDLERS: Record<string, Record<string, Handler>> = {
  block: {
    async append(run) {
      return run.api.request({ method: 'PATCH', path: `/blocks/${blockId(run)}/children`, body: { children: formatBlocks(rows(run.ctx, 'blockUi', 'blockValues', run.i)) } }, run.i);
    },
    async getAll(run) {
      const id = blockId(run);
      let blocks = await listOrLimit(run, { method: 'GET', path: `/blocks/${id}/children` }, 'query');
      if (param(run.ctx, 'fetchNestedBlocks', run.i, false)) {
        const limit = param(run.ctx, 'returnAll', run.i, false) ? undefined : param(run.ctx, 'limit', run.i, 50);
        blocks = await withChildren(run, blocks, [], limit);
      }
      blocks = blocks.map((block) => ({ object: block.object, parent_id: id, ...block }));
      return run.ctx.node.typeVersion > 2 && param(run.ctx, 'simplifyOutput', run.i, true) ? simplifyBlocks(blocks, id) : blocks;
    },
  },
  database: {
    async get(run) {
      const database = await run.api.request({ method: 'GET', path: `/databases/${databaseId(run)}` }, run.i);
      return param(run.ctx, 'simple', 0, true) ? simplifyObjects(database)[0] : database;
    },
    async getAll(run) {
      const found = await listOrLimit(run, { method: 'POST', path: '/search', body: { filter: { property: 'object', value: 'database' } } }, 'body');
      return param(run.ctx, 'simple', 0, true) ? simplifyObjects(found) : found;
    },
    async search(run) {
      const body: JsonObject = { filter: { property: 'object', value: 'database' } };
      const text = String(param<unknown>(run.ctx, 'text', run.i, '') ?? '');
      if (text) body.query = text;
      const sort = collection(run.ctx, 'options', run.i).sort as JsonObject | undefined;
      if (sort) body.sort = sort.sortValue ?? {};
      return simpleOr(run, await allThenLimit(run, { method: 'POST', path: '/search', body }));
    },
  },
  databasePage: {
    async create(run) {
      const id = databaseId(run);
      if (!run.titleKeys.has(id)) {
        run.titleKeys.set(id, run.api.request({ method: 'GET', path: `/databases/${id}` }, run.i).then(({ properties }) =>
          Object.entries((properties as Record<string, JsonObject>) ?? {}).filter(([, p]) => p.type === 'title').map(([key]) => key).pop() ?? ''));
      }
      const titleKey = await run.titleKeys.get(id)!;
      const title = String(param<unknown>(run.ctx, 'title', run.i, '') ?? '');
      const body: JsonObject = { parent: { database_id: id }, properties: title !== '' ? { [titleKey]: { title: [{ text: { content: title } }] } } : {} };
      Object.assign(body.properties as JsonObject, propertiesOf(run));
      body.children = formatBlocks(rows(run.ctx, 'blockUi', 'blockValues', run.i));
      const pageIcon = icon(collection(run.ctx, 'options', run.i), false);
      if (pageIcon) body.icon = pageIcon;
      return simpleOr(run, await run.api.request({ method: 'POST', path: '/pages', body }, run.i));
    },
    async get(run) {
      return simpleOr(run, await run.api.request({ method: 'GET', path: `/pages/${pageId(run)}` }, run.i));
    },
    async getAll(run) {
      const { ctx, i } = run;
      const body: JsonObject = {};
      const filterType = param(ctx, 'filterType', 0, 'none');
      if (filterType === 'manual') {
        const conditions = rows(ctx, 'filters', 'conditions', i).map((row) => mapFilter(row, ctx.timezone));
        const combine = param(ctx, 'matchType', 0, 'anyFilter') === 'allFilters' ? 'and' : 'or';
        body.filter = { [combine]: conditions };
      } else if (filterType === 'json') {
        const text = param<unknown>(ctx, 'filterJson', i, '');
        let filter: unknown = text;
        if (typeof text === 'string') {
          try { filter = JSON.parse(text); } catch { throw new NodeOperationError(ctx.node.name, 'Filters (JSON) must be a valid json', { itemIndex: i }); }
        }
        body.filter = filter;
      }
      if (body.filter && typeof body.filter === 'object' && !Object.keys(body.filter).length) delete body.filter;
      const options = collection(ctx, 'options', i);
      const sorts = (options.sort as JsonObject | undefined)?.sortValue;
      if (Array.isArray(sorts)) body.sorts = mapSorting(sorts as JsonObject[]);
      const pages = await listOrLimit(run, { method: 'POST', path: `/databases/${databaseId(run)}/query`, body }, 'body');
      const simple = param(ctx, 'simple', 0, true);
      if (collection(ctx, 'options', 0).downloadFiles) {
        const items = await downloadFiles(run, pages);
        return simple ? items.map((item) => ({ ...item, json: simplifyObjects(item.json)[0] ?? item.json })) : items;
      }
      return simple ? simplifyObjects(pages) : pages;
    },
    async update(run) {
      const body: JsonObject = { properties: propertiesOf(run) };
      const pageIcon = icon(collection(run.ctx, 'options', run.i), true);
      if (pageIcon) body.icon = pageIcon;
      return simpleOr(run, await run.api.request({ method: 'PATCH', path: `/pages/${pageId(run)}`, body }, run.i));
    },
  },
  page: {
    async archive(run) {
      return simpleOr(run, await run.api.request({ method: 'PATCH', path: `/pages/${pageId(run)}`, body: { archived: true } }, run.i));
    },
    async create(run) {
      const body: JsonObject = {
        parent: { page_id: pageId(run) },
        properties: { title: [{ text: { content: param<unknown>(run.ctx, 'title', run.i, '') } }] },
        children: formatBlocks(rows(run.ctx, 'blockUi', 'blockValues', run.i)),
      };
      const pageIcon = icon(collection(run.ctx, 'options', run.i), false);
      if (pageIcon) body.icon = pageIcon;
      return simpleOr(run, await run.api.request({ method: 'POST', path: '/pages', body }, run.i));
    },
    async search(run) {
      const body: JsonObject = {};
      const text = String(param<unknown>(run.ctx, 'text', run.i, '') ?? '');
      if (text) body.query = text;
      const options = collection(run.ctx, 'options', run.i);
      if (options.filter) body.filter = (options.filter as JsonObject).filters ?? [];
      if (options.sort) body.sort = (options.sort as JsonObject).sortValue ?? {};
      return simpleOr(run, await allThenLimit(run, { method: 'POST', path: '/search', body }));
    },
  },
  user: {
    async get(run) {
      return run.api.request({ method: 'GET', path: `/users/${String(param<unknown>(run.ctx, 'userId', run.i, ''))}` }, run.i);
    },
    async getAll(run) {
      return allThenLimit(run, { method: 'GET', path: '/users' });
    },
  },
};

function propertiesOf({ ctx, i }: Run): JsonObject {
  return mapProperties(rows(ctx, 'propertiesUi', 'propertyValues', i), ctx.timezone, (id) => {
    throw new NodeOperationError(ctx.node.name, `The relation id "${id}" is not a valid uuid with optional dashes.`, { itemIndex: i });
  });
}

/** n8n's notionApiRequestGetBlockChildrens: blocks followed by their nested blocks (not into child pages), up to `limit`. */
async function withChildren(run: Run, blocks: JsonObject[], out: JsonObject[], limit?: number): Promise<JsonObject[]> {
  for (const block of blocks) {
    out.push(block);
    if (block.type !== 'child_page' && block.has_children) {
      const children = await run.api.requestAll({ method: 'GET', path: `/blocks/${String(block.id)}/children` }, run.i);
      await withChildren(run, children.map((child) => ({ object: child.object, parent_id: block.id, ...child })), out);
    }
    if (limit && out.length >= limit) return out.slice(0, limit);
  }
  return out;
}

const isItem = (value: unknown): value is Item => !!value && typeof value === 'object' && 'json' in value && typeof (value as Item).json === 'object';

export const notionNode: NodeType = {
  methods: notionMethods,
  description: {
    name: 'n8n-nodes-base.notion',
    displayName: 'Notion',
    icon: 'fa:book',
    group: ['output'],
    version: [2, 2.1, 2.2],
    description: 'Consume Notion API',
    defaults: { name: 'Notion' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'notionApi', required: true }],
    properties: notionProperties,
  },
  async execute(ctx) {
    const resource = param(ctx, 'resource', 0, 'page');
    const defaults: Record<string, string> = { block: 'append', database: 'get', databasePage: 'create', page: 'create', user: 'get' };
    const operation = param(ctx, 'operation', 0, defaults[resource] ?? '');
    const handler = HANDLERS[resource]?.[operation];
    if (!handler) throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of "${resource}" is not supported`);
    const api = notionApi(ctx);
    const output: Item[] = [];
    const titleKeys = new Map<string, Promise<string>>();
    try {
      const items = ctx.getInputData();
      for (let i = 0; i < items.length; i++) {
        try {
          const result = await handler({ ctx, api, i, titleKeys });
          for (const entry of Array.isArray(result) ? result : [result]) {
            output.push(isItem(entry) ? { ...entry, pairedItem: { item: i } } : { json: entry, pairedItem: { item: i } });
          }
        } catch (error) {
          if (!ctx.continueOnFail()) throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.node.name, errorMessage(error), { itemIndex: i });
          output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
        }
      }
    } finally {
      await api.close();
    }
    return [output];
  },
};
