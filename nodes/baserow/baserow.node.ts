// Baserow (n8n-nodes-base.baserow, v1): rows of a table (create, get, getAll, update, delete). As
// n8n does, the table's fields are read first so output rows carry field names instead of
// `field_<id>` keys, and auto-mapped input keys named like fields are sent as their `field_<id>`.
import type { Dispatcher } from 'undici';
import type { ExecuteContext, Item, JsonObject, LoadedOption, NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { baserowLogin, baserowRequest, baserowRequestAll, type BaserowClient } from './baserow-api.ts';
import { baserowProperties } from './baserow.description.ts';

interface Field { id: number; name: string }

/** Maps `field_<id>` keys to field names and back (n8n's TableFieldMapper). */
function fieldMapper(fields: Field[]) {
  const idToName = new Map(fields.map((f) => [`field_${f.id}`, f.name]));
  const nameToId = new Map(fields.map((f) => [f.name, `field_${f.id}`]));
  const rename = (row: JsonObject, map: Map<string, string>): JsonObject => {
    for (const [key, value] of Object.entries(row)) {
      const renamed = map.get(key);
      if (renamed === undefined) continue;
      delete row[key];
      row[renamed] = value;
    }
    return row;
  };
  return { idsToNames: (row: JsonObject) => rename(row, idToName), namesToIds: (row: JsonObject) => rename(row, nameToId) };
}

function rowBody(ctx: ExecuteContext, item: Item, i: number, mapper: ReturnType<typeof fieldMapper>): JsonObject {
  const body: JsonObject = {};
  if (param(ctx, 'dataToSend', 0, 'defineBelow') === 'autoMapInputData') {
    const ignore = String(param<unknown>(ctx, 'inputsToIgnore', i, '')).split(',').map((c) => c.trim());
    for (const [key, value] of Object.entries(item.json)) if (!ignore.includes(key)) body[key] = value;
    return mapper.namesToIds(body);
  }
  const values = collection(ctx, 'fieldsUi', i).fieldValues;
  for (const field of Array.isArray(values) ? (values as JsonObject[]) : []) body[`field_${String(field.fieldId)}`] = field.fieldValue;
  return body;
}

function listQuery(ctx: ExecuteContext, i: number): JsonObject {
  const options = collection(ctx, 'additionalOptions', i);
  const query: JsonObject = {};
  const order = ((options.order as JsonObject | undefined)?.fields ?? []) as JsonObject[];
  if (order.length) query.order_by = order.map((o) => `${String(o.direction ?? '')}${String(o.field)}`).join(',');
  for (const filter of ((options.filters as JsonObject | undefined)?.fields ?? []) as JsonObject[]) {
    query[`filter__field_${String(filter.field)}__${String(filter.operator ?? 'equal')}`] = filter.value ?? '';
  }
  if (options.filterType) query.filter_type = options.filterType;
  if (options.search) query.search = options.search;
  return query;
}

async function run(client: BaserowClient, operation: string, tableId: string, item: Item, i: number, mapper: ReturnType<typeof fieldMapper>): Promise<JsonObject[]> {
  const { ctx } = client;
  const rows = `/api/database/rows/table/${tableId}/`;
  const rowPath = () => `${rows}${String(param<unknown>(ctx, 'rowId', i, ''))}/`;
  switch (operation) {
    case 'getAll': {
      const limit = param(ctx, 'returnAll', 0, false) ? undefined : param(ctx, 'limit', 0, 50);
      return (await baserowRequestAll(client, rows, listQuery(ctx, i), limit)).map(mapper.idsToNames);
    }
    case 'get': return [mapper.idsToNames(await baserowRequest(client, 'GET', rowPath()) as JsonObject)];
    case 'create': return [mapper.idsToNames(await baserowRequest(client, 'POST', rows, rowBody(ctx, item, i, mapper)) as JsonObject)];
    case 'update': return [mapper.idsToNames(await baserowRequest(client, 'PATCH', rowPath(), rowBody(ctx, item, i, mapper)) as JsonObject)];
    case 'delete':
      await baserowRequest(client, 'DELETE', rowPath());
      return [{ success: true }];
    default: throw new Error(`The operation "${operation}" is not supported`);
  }
}

async function withClient<T>(ctx: ExecuteContext, work: (client: BaserowClient) => Promise<T>): Promise<T> {
  const transport: Dispatcher = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work(await baserowLogin(ctx, transport));
  } finally {
    await transport.close();
  }
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const operation = param(ctx, 'operation', 0, 'getAll');
  const tableId = String(param<unknown>(ctx, 'tableId', 0, ''));
  const output: Item[] = [];
  await withClient(ctx, async (client) => {
    const fields = await baserowRequest(client, 'GET', `/api/database/fields/table/${tableId}/`) as Field[];
    const mapper = fieldMapper(Array.isArray(fields) ? fields : []);
    for (let i = 0; i < items.length; i++) {
      try {
        for (const row of await run(client, operation, tableId, items[i], i, mapper)) output.push({ json: row, pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  }).catch((error: unknown) => {
    throw serviceCallError(ctx.node.name, error, 0);
  });
  return [output];
}

const toOptions = (list: unknown): LoadedOption[] =>
  (Array.isArray(list) ? (list as Array<{ id: number; name: string }>) : []).map(({ id, name }) => ({ name, value: id }));

export const baserowNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.baserow', displayName: 'Baserow', icon: 'file:baserow.svg', group: ['output'], version: [1],
    description: 'Consume the Baserow API', defaults: { name: 'Baserow' }, inputs: ['main'], outputs: ['main'],
    credentials: [{ name: 'baserowApi', required: true }], properties: baserowProperties,
  },
  execute,
  methods: {
    loadOptions: {
      getDatabaseIds: (ctx) => withClient(ctx, async (client) => toOptions(await baserowRequest(client, 'GET', '/api/applications/'))),
      getTableIds: (ctx) => withClient(ctx, async (client) =>
        toOptions(await baserowRequest(client, 'GET', `/api/database/tables/database/${String(ctx.getNodeParameter('databaseId', 0))}/`))),
      getTableFields: (ctx) => withClient(ctx, async (client) =>
        toOptions(await baserowRequest(client, 'GET', `/api/database/fields/table/${String(ctx.getNodeParameter('tableId', 0))}/`))),
    },
  },
};
