// The Airtable node's (v2) editor methods: bases (meta/bases, paged by `offset`), a base's tables
// and a table's views (the base schema), and a table's fields for the column dropdowns, as n8n.
import { NodeOperationError, type ExecuteContext, type JsonObject, type ListSearchPage, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { airtableApi } from './airtable-api.ts';
import { locatorParam } from './airtable-params.ts';

async function call(ctx: ExecuteContext, path: string, query?: JsonObject): Promise<JsonObject> {
  const api = airtableApi(ctx, 'airtableTokenApi');
  try {
    return await api.request({ method: 'GET', path, ...(query ? { query } : {}) }, 0);
  } finally {
    await api.close();
  }
}

type Entry = { id?: unknown; name?: unknown };

/** Entries whose name contains the filter (any case), with Airtable's web link; Airtable's offset as token. */
function page(entries: Entry[], filter: string | undefined, url: (entry: Entry) => string, offset?: unknown): ListSearchPage {
  const needle = filter?.toLowerCase();
  const results = entries
    .filter((entry) => !needle || String(entry.name ?? '').toLowerCase().includes(needle))
    .map((entry) => ({ name: String(entry.name), value: String(entry.id), url: url(entry) }));
  return typeof offset === 'string' && offset ? { results, paginationToken: offset } : { results };
}

/** The chosen table's schema (fields and views) from the base's schema. */
async function tableSchema(ctx: ExecuteContext): Promise<{ base: string; table: string; schema: JsonObject }> {
  const base = locatorParam(ctx, 'base', 0);
  const table = encodeURI(locatorParam(ctx, 'table', 0));
  const answer = await call(ctx, `meta/bases/${base}/tables`);
  const schema = ((answer.tables as JsonObject[] | undefined) ?? []).find((entry) => entry.id === table);
  if (!schema) throw new NodeOperationError(ctx.node.name, 'Table information could not be found!');
  return { base, table, schema };
}

/** Fields as choices: their names are the values before typeVersion 2.2 (ours are 2 and 2.1). */
async function fields(ctx: ExecuteContext, keep: (type: string) => boolean): Promise<LoadedOption[]> {
  const { schema } = await tableSchema(ctx);
  return ((schema.fields as JsonObject[] | undefined) ?? [])
    .filter((field) => keep(String(field.type ?? '')))
    .map((field) => ({ name: String(field.name), value: ctx.node.typeVersion >= 2.2 ? String(field.id) : String(field.name), description: `Type: ${String(field.type)}` }));
}

export const airtableV2Methods: NodeMethods = {
  listSearch: {
    async baseSearch(ctx, filter, paginationToken) {
      const answer = await call(ctx, 'meta/bases', paginationToken ? { offset: paginationToken } : undefined);
      return page((answer.bases as Entry[] | undefined) ?? [], filter, (base) => `https://airtable.com/${String(base.id)}`, answer.offset);
    },
    async tableSearch(ctx, filter, paginationToken) {
      const base = locatorParam(ctx, 'base', 0);
      const answer = await call(ctx, `meta/bases/${base}/tables`, paginationToken ? { offset: paginationToken } : undefined);
      return page((answer.tables as Entry[] | undefined) ?? [], filter, (table) => `https://airtable.com/${base}/${String(table.id)}`, answer.offset);
    },
    async viewSearch(ctx, filter) {
      const { base, table, schema } = await tableSchema(ctx);
      return page((schema.views as Entry[] | undefined) ?? [], filter, (view) => `https://airtable.com/${base}/${table}/${String(view.id)}`);
    },
  },
  loadOptions: {
    getColumns: (ctx) => fields(ctx, () => true),
    getAttachmentColumns: (ctx) => fields(ctx, (type) => type.toLowerCase().includes('attachment')),
  },
};
