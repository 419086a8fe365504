// n8n's Airtable node v2 and 2.1 (n8n-nodes-base.airtable): records (create, upsert, update,
// delete, get, search) and bases (get many, get schema) through Airtable's Web API.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { airtableApi, type AirtableApi } from './airtable-api.ts';
import { locatorParam } from './airtable-params.ts';
import { RECORD_OPERATIONS } from './airtable-records.ts';
import { airtableV2Credentials, airtableV2Properties } from './airtable-v2.description.ts';
import { airtableV2Methods } from './airtable-v2-methods.ts';

async function getManyBases(ctx: ExecuteContext, api: AirtableApi, items: Item[]): Promise<Item[]> {
  let bases: JsonObject[] = [];
  if (param(ctx, 'returnAll', 0, true)) {
    let offset: unknown;
    do {
      const page = await api.request({ method: 'GET', path: 'meta/bases', ...(offset ? { query: { offset } } : {}) }, 0);
      bases.push(...((page.bases as JsonObject[] | undefined) ?? []));
      offset = page.offset;
    } while (offset);
  } else {
    const page = await api.request({ method: 'GET', path: 'meta/bases' }, 0);
    bases = ((page.bases as JsonObject[] | undefined) ?? []).slice(0, param(ctx, 'limit', 0, 100));
  }
  const levels = collection(ctx, 'options', 0).permissionLevel;
  if (Array.isArray(levels) && levels.length) bases = bases.filter((base) => levels.includes(base.permissionLevel));
  const pairedItem = items.map((_, item) => ({ item }));
  return bases.map((json) => ({ json, pairedItem }));
}

async function getSchema(ctx: ExecuteContext, api: AirtableApi, items: Item[]): Promise<Item[]> {
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const base = locatorParam(ctx, 'base', i);
      const answer = await api.request({ method: 'GET', path: `meta/bases/${base}/tables` }, i);
      output.push(...((answer.tables as JsonObject[] | undefined) ?? []).map((json) => ({ json, pairedItem: { item: i } })));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return output;
}

async function route(ctx: ExecuteContext, api: AirtableApi, items: Item[]): Promise<Item[]> {
  const resource = param(ctx, 'resource', 0, 'record');
  const operation = param(ctx, 'operation', 0, resource === 'base' ? 'getMany' : 'get');
  if (resource === 'base') {
    if (operation === 'getMany') return getManyBases(ctx, api, items);
    if (operation === 'getSchema') return getSchema(ctx, api, items);
  } else if (resource === 'record' && RECORD_OPERATIONS[operation]) {
    const base = locatorParam(ctx, 'base', 0);
    // n8n encodes the table (a name may hold spaces) with encodeURI.
    const table = encodeURI(locatorParam(ctx, 'table', 0));
    return RECORD_OPERATIONS[operation](ctx, api, items, { base, table });
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
}

export const airtableV2Node: NodeType = {
  methods: airtableV2Methods,
  description: {
    name: 'n8n-nodes-base.airtable',
    displayName: 'Airtable',
    icon: 'fa:table',
    group: ['input'],
    version: [2, 2.1],
    description: 'Read, update, write and delete data from Airtable',
    defaults: { name: 'Airtable' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: airtableV2Credentials,
    properties: airtableV2Properties,
  },
  async execute(ctx) {
    const api = airtableApi(ctx, 'airtableTokenApi');
    try {
      return [await route(ctx, api, ctx.getInputData())];
    } catch (error) {
      // n8n's router points at the Typecast option when Airtable refuses a value's type.
      if (error instanceof NodeOperationError && error.details.description?.includes('cannot accept the provided value')) {
        error.details.description = `${error.details.description}. Consider using 'Typecast' option`;
      }
      throw error;
    } finally {
      await api.close();
    }
  },
};
