// The Notion node's (v2) editor methods: databases shared with the integration (POST /search
// filtered to databases, every page) and a database's properties for the key dropdowns, whose
// values are `name|type` as n8n's node reads them.
import type { ExecuteContext, JsonObject, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { notionApi } from './notion-api.ts';

const NOTION_ID = /[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/;

/** The database locator's id: as given, or cut out of a notion.so link (with or without `?v=`). */
function databaseId(ctx: ExecuteContext): string {
  const raw = param<unknown>(ctx, 'databaseId', 0, '');
  const locator = raw && typeof raw === 'object' ? (raw as { mode?: string; value?: unknown }) : { mode: 'id', value: raw };
  let id = String(locator.value ?? '');
  if (id.includes('?v=')) id = id.split('?v=')[0];
  if (locator.mode === 'url' || id.includes('/')) id = NOTION_ID.exec(id.split('/').pop() ?? id)?.[0] ?? id;
  return id;
}

async function withApi<T>(ctx: ExecuteContext, fn: (api: ReturnType<typeof notionApi>) => Promise<T>): Promise<T> {
  const api = notionApi(ctx);
  try {
    return await fn(api);
  } finally {
    await api.close();
  }
}

async function databaseProperties(ctx: ExecuteContext): Promise<Array<[string, string]>> {
  const database = await withApi(ctx, (api) => api.request({ method: 'GET', path: `/databases/${databaseId(ctx)}` }, 0));
  return Object.entries((database.properties as Record<string, JsonObject> | undefined) ?? {}).map(([name, spec]) => [name, String(spec?.type ?? '')]);
}

const lower = (a: { name: string }, b: { name: string }) => {
  const [x, y] = [a.name.toLocaleLowerCase(), b.name.toLocaleLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Properties Notion computes itself cannot be written. */
const READ_ONLY = new Set(['created_time', 'last_edited_time', 'created_by', 'last_edited_by', 'formula', 'rollup']);

export const notionMethods: NodeMethods = {
  listSearch: {
    async getDatabases(ctx, filter) {
      const body: JsonObject = { page_size: 100, filter: { property: 'object', value: 'database' }, ...(filter ? { query: filter } : {}) };
      const databases = await withApi(ctx, (api) => api.requestAll({ method: 'POST', path: '/search', body }, 0));
      const results = databases.map((database) => {
        const title = (database.title as Array<{ plain_text?: string }> | undefined)?.[0]?.plain_text;
        return { name: title || String(database.id), value: String(database.id), ...(typeof database.url === 'string' ? { url: database.url } : {}) };
      });
      return { results: results.sort(lower) };
    },
  },
  loadOptions: {
    async getDatabaseProperties(ctx): Promise<LoadedOption[]> {
      return (await databaseProperties(ctx)).filter(([, type]) => !READ_ONLY.has(type)).map(([name, type]) => ({ name, value: `${name}|${type}` })).sort(lower);
    },
    async getFilterProperties(ctx): Promise<LoadedOption[]> {
      return (await databaseProperties(ctx)).map(([name, type]) => ({ name, value: `${name}|${type}` })).sort(lower);
    },
  },
};
