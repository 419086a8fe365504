// n8n's Airtable node v1 (n8n-nodes-base.airtable): append, delete, list, read and update on one
// table, writes sent in batches of up to 10 records, outputs Airtable's records as they are.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { airtableApi, type AirtableApi } from './airtable-api.ts';
import { recordsWithAttachments } from './airtable-attachments.ts';
import { locatorParam } from './airtable-params.ts';
import { airtableV1Credentials, airtableV1Properties } from './airtable-v1.description.ts';

interface Target { ctx: ExecuteContext; api: AirtableApi; items: Item[]; path: string }

const errorItem = (error: unknown, item: number): Item => ({ json: { error: errorMessage(error) }, pairedItem: { item } });
const paired = (records: JsonObject[], item: number): Item[] => records.map((json) => ({ json, pairedItem: { item } }));
const recordsOf = (answer: JsonObject) => (answer.records as JsonObject[] | undefined) ?? [];

/** The fields an item sends: all of its json but `id`, or only the named ones. */
function itemFields(json: JsonObject, all: boolean, names: unknown): JsonObject {
  if (all) {
    const { id: _id, ...fields } = json;
    return fields;
  }
  const list = Array.isArray(names) ? names.map(String) : [];
  return Object.fromEntries(list.map((name) => [name, json[name]]));
}

async function append({ ctx, api, items, path }: Target): Promise<Item[]> {
  const output: Item[] = [];
  const rows: JsonObject[] = [];
  const body: JsonObject = {};
  let bulkSize = 10;
  for (let i = 0; i < items.length; i++) {
    try {
      const options = collection(ctx, 'options', i);
      bulkSize = Number(options.bulkSize) || bulkSize;
      rows.push({ fields: itemFields(items[i].json, param(ctx, 'addAllFields', i, true), param<unknown>(ctx, 'fields', i, [])) });
      if (rows.length === bulkSize || i === items.length - 1) {
        if (options.typecast === true) body.typecast = true;
        body.records = [...rows];
        rows.length = 0;
        // n8n pairs a batch's records with the item that closed the batch.
        output.push(...paired(recordsOf(await api.request({ method: 'POST', path, body }, i)), i));
      }
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(errorItem(error, i));
    }
  }
  return output;
}

async function remove({ ctx, api, items, path }: Target): Promise<Item[]> {
  const output: Item[] = [];
  const ids: string[] = [];
  const bulkSize = Number(collection(ctx, 'options', 0).bulkSize) || 10;
  for (let i = 0; i < items.length; i++) {
    try {
      ids.push(String(param<unknown>(ctx, 'id', i, '') ?? ''));
      if (ids.length === bulkSize || i === items.length - 1) {
        const records = [...ids];
        ids.length = 0;
        output.push(...paired(recordsOf(await api.request({ method: 'DELETE', path, query: { records } }, i)), i));
      }
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(errorItem(error, i));
    }
  }
  return output;
}

async function list({ ctx, api, items, path }: Target): Promise<Item[]> {
  const pairedItem = items.map((_, item) => ({ item }));
  try {
    const query: JsonObject = {};
    for (const [key, value] of Object.entries(collection(ctx, 'additionalOptions', 0))) {
      const sortRules = key === 'sort' ? (value as JsonObject | undefined)?.property : undefined;
      query[key] = sortRules !== undefined ? sortRules : value;
    }
    let records: JsonObject[];
    if (param(ctx, 'returnAll', 0, true)) {
      records = await api.requestAllRecords(path, query, 0);
    } else {
      query.maxRecords = param(ctx, 'limit', 0, 100);
      records = recordsOf(await api.request({ method: 'GET', path, query }, 0));
    }
    if (param(ctx, 'downloadAttachments', 0, false)) {
      // v1 splits the names on commas as they are, and keeps the records unflattened.
      const names = String(param<unknown>(ctx, 'downloadFieldNames', 0, '')).split(',');
      return await recordsWithAttachments(ctx, api, records, names, pairedItem, 0, false);
    }
    return records.map((json) => ({ json, pairedItem }));
  } catch (error) {
    if (!ctx.continueOnFail()) throw error;
    return [errorItem(error, 0)];
  }
}

async function read({ ctx, api, items, path }: Target): Promise<Item[]> {
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const id = String(param<unknown>(ctx, 'id', i, '') ?? '');
      output.push(...paired([await api.request({ method: 'GET', path: `${path}/${id}` }, i)], i));
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(errorItem(error, i));
    }
  }
  return output;
}

async function update({ ctx, api, items, path }: Target): Promise<Item[]> {
  const output: Item[] = [];
  const rows: JsonObject[] = [];
  let bulkSize = 10;
  for (let i = 0; i < items.length; i++) {
    try {
      const options = collection(ctx, 'options', i);
      bulkSize = Number(options.bulkSize) || bulkSize;
      const all = param(ctx, 'updateAllFields', i, true);
      let fields = itemFields(items[i].json, all, param<unknown>(ctx, 'fields', i, []));
      if (all && typeof options.ignoreFields === 'string' && options.ignoreFields) {
        const ignored = options.ignoreFields.split(',').map((field) => field.trim()).filter(Boolean);
        fields = Object.fromEntries(Object.entries(fields).filter(([key]) => !ignored.includes(key)));
      }
      rows.push({ id: String(param<unknown>(ctx, 'id', i, '') ?? ''), fields });
      if (rows.length === bulkSize || i === items.length - 1) {
        const body = { records: [...rows], typecast: Boolean(options.typecast) };
        rows.length = 0;
        output.push(...paired(recordsOf(await api.request({ method: 'PATCH', path, body }, i)), i));
      }
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push(errorItem(error, i));
    }
  }
  return output;
}

const OPERATIONS: Record<string, (target: Target) => Promise<Item[]>> = { append, delete: remove, list, read, update };

export const airtableV1Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.airtable',
    displayName: 'Airtable',
    icon: 'fa:table',
    group: ['input'],
    version: [1],
    description: 'Read, update, write and delete data from Airtable',
    defaults: { name: 'Airtable' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: airtableV1Credentials,
    properties: airtableV1Properties,
  },
  async execute(ctx) {
    if (param(ctx, 'authentication', 0, 'airtableApi') === 'airtableApi') {
      throw new NodeOperationError(ctx.node.name, 'The API Key connection was deprecated by Airtable, please use Access Token or OAuth2 instead.');
    }
    const operation = param(ctx, 'operation', 0, 'read');
    const run = OPERATIONS[operation];
    if (!run) throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`);
    const api = airtableApi(ctx, 'airtableApi');
    try {
      const base = locatorParam(ctx, 'application', 0);
      const path = `${base}/${encodeURI(locatorParam(ctx, 'table', 0))}`;
      return [await run({ ctx, api, items: ctx.getInputData(), path })];
    } finally {
      await api.close();
    }
  },
};
