// NocoDB (n8n-nodes-base.nocoDb, typeVersions 1, 2, 3) on the host of the credential. The "API
// Version" parameter picks the path shapes: before v0.90 `/nc/{project}/api/v1/{table}`, from v0.90
// `/api/v1/db/data/noco/{project}/{table}`, from v0.200 bulk writes under
// `/api/v1/db/data/bulk/noco/…`. Create, update and delete send every item's row in one bulk call,
// as n8n does; get and getAll call once per item.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { restCall, runPerItem, type HttpMethod } from '../shared/rest-call.ts';
import { nocoDbCredentials, nocoDbProperties } from './noco-db.description.ts';

interface NocoDb { ctx: ExecuteContext; transport: Dispatcher; apiVersion: number }

const readError = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const b = body as JsonObject;
  return typeof b.msg === 'string' ? b.msg : typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : undefined;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function request(api: NocoDb, method: HttpMethod, endpoint: string, body?: unknown, query: JsonObject = {}): Promise<any> {
  const kind = param(api.ctx, 'authentication', 0, api.ctx.node.typeVersion === 1 ? 'nocoDb' : 'nocoDbApiToken');
  const credential = await api.ctx.credentials.get(kind);
  const host = String(credential.host ?? '').replace(/\/+$/, '');
  const header = kind === 'nocoDbApiToken' ? 'xc-token' : 'xc-auth';
  const hasBody = body !== undefined && (Array.isArray(body) ? true : Object.keys(body as JsonObject).length > 0);
  return restCall(api.ctx, api.transport, {
    service: 'NocoDB',
    method, url: `${host}${endpoint}`, query, headers: { [header]: String(credential.apiToken ?? '') }, ...(hasBody ? { json: body } : {}),
  }, readError);
}

function paths(api: NocoDb): { rows: string; bulk: string } {
  const project = String(param(api.ctx, 'projectId', 0, ''));
  const table = String(param(api.ctx, 'table', 0, ''));
  if (api.apiVersion === 1) return { rows: `/nc/${project}/api/v1/${table}`, bulk: `/nc/${project}/api/v1/${table}/bulk` };
  if (api.apiVersion === 2) return { rows: `/api/v1/db/data/noco/${project}/${table}`, bulk: `/api/v1/db/data/noco/${project}/${table}/bulk` };
  return { rows: `/api/v1/db/data/noco/${project}/${table}`, bulk: `/api/v1/db/data/bulk/noco/${project}/${table}` };
}

/** Every page, 100 rows at a time by `offset`: API v1 answers a bare list (empty at the end), later ones `{list, pageInfo}`. */
async function requestAll(api: NocoDb, endpoint: string, query: JsonObject): Promise<JsonObject[]> {
  const q: JsonObject = { ...query, limit: 100, offset: query.offset ? Number(query.offset) : 0 };
  const all: JsonObject[] = [];
  for (;;) {
    const answer = await request(api, 'GET', endpoint, undefined, q);
    const rows = (api.apiVersion === 1 ? answer : answer.list) as JsonObject[];
    all.push(...rows);
    q.offset = Number(q.offset) + 100;
    if (api.apiVersion === 1 ? rows.length === 0 : answer.pageInfo?.isLastPage === true) return all;
  }
}

/** One item's row: its own JSON (less the ignored keys) or the fields defined below. */
function rowOf(ctx: ExecuteContext, item: Item, i: number): JsonObject {
  const row: JsonObject = {};
  if (param(ctx, 'dataToSend', i, 'defineBelow') === 'autoMapInputData') {
    const ignore = String(param(ctx, 'inputsToIgnore', i, '')).split(',').map((key) => key.trim());
    for (const [key, value] of Object.entries(item.json)) if (!ignore.includes(key)) row[key] = value;
    return row;
  }
  const fields = (collection(ctx, 'fieldsUi', i).fieldValues as JsonObject[] | undefined) ?? [];
  for (const field of fields) {
    if (field.binaryData || field.upload) throw new NodeOperationError(ctx.node.name, 'Uploading binary files to NocoDB is not supported yet', { itemIndex: i });
    row[String(field.fieldName)] = field.fieldValue;
  }
  return row;
}

function primaryKey(api: NocoDb): string {
  if (api.apiVersion !== 3) return 'id';
  const kind = param(api.ctx, 'primaryKey', 0, 'id');
  return kind === 'custom' ? String(param(api.ctx, 'customPrimaryKey', 0, '')) : kind;
}

const items = (rows: JsonObject[]): Item[][] => [rows.map((json, i) => ({ json, pairedItem: { item: i } }))];

/** One bulk call for all items; with continueOnFail a failure becomes one error item, as n8n's. */
async function bulk(api: NocoDb, work: () => Promise<JsonObject[]>): Promise<Item[][]> {
  try {
    return items(await work());
  } catch (error) {
    const failure = serviceCallError(api.ctx.node.name, error, 0);
    if (!api.ctx.continueOnFail()) throw failure;
    return [[{ json: { error: errorMessage(failure) }, pairedItem: { item: 0 } }]];
  }
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const operation = param(ctx, 'operation', 0, 'get');
  const apiVersion = Number(param(ctx, 'version', 0, ctx.node.typeVersion));
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const api: NocoDb = { ctx, transport, apiVersion };
  const input = ctx.getInputData();
  const { rows, bulk: bulkPath } = paths(api);
  try {
    if (param(ctx, 'downloadAttachments', 0, false) && (operation === 'get' || operation === 'getAll')) {
      throw new NodeOperationError(ctx.node.name, 'Downloading NocoDB attachments is not supported yet');
    }
    switch (operation) {
      case 'create': return await bulk(api, async () => {
        const body = input.map((item, i) => rowOf(ctx, item, i));
        const answer = await request(api, 'POST', bulkPath, body);
        if (apiVersion === 3 && Array.isArray(answer)) body.forEach((row, i) => { row.id = (answer[i] as JsonObject | undefined)?.id; });
        else {
          // The older APIs answer the last new id only: n8n counts back from it.
          let id = Number(Array.isArray(answer) ? answer[0] : answer);
          for (let i = body.length - 1; i >= 0; i--) body[i].id = id--;
        }
        return body;
      });
      case 'update': return await bulk(api, async () => {
        const key = primaryKey(api);
        const body = input.map((item, i) => ({ [key]: param(ctx, 'id', i, ''), ...rowOf(ctx, item, i) }));
        const answer = await request(api, apiVersion === 1 ? 'PUT' : 'PATCH', bulkPath, body);
        if (apiVersion === 3 && Array.isArray(answer)) {
          answer.forEach((count, i) => {
            if (count === 0) throw new NodeOperationError(ctx.node.name, `The row with the ID "${String(body[i][key])}" could not be updated. It probably doesn't exist.`, { itemIndex: i });
          });
        }
        return body;
      });
      case 'delete': return await bulk(api, async () => {
        const key = primaryKey(api);
        const body = input.map((_, i) => ({ [key]: param(ctx, 'id', i, '') }));
        const answer = await request(api, 'DELETE', bulkPath, body);
        if (apiVersion === 3 && Array.isArray(answer)) {
          answer.forEach((count, i) => {
            if (count === 0) throw new NodeOperationError(ctx.node.name, `The row with the ID "${String(body[i][key])}" could not be deleted. It probably doesn't exist.`, { itemIndex: i });
          });
        }
        return apiVersion === 1 ? input.map((item) => item.json) : body.map((row) => ({ ...row, success: true }));
      });
      case 'get': return await runPerItem(ctx, (i) => request(api, 'GET', `${rows}/${String(param(ctx, 'id', i, ''))}`));
      case 'getAll': return await runPerItem(ctx, async (i) => {
        const options = collection(ctx, 'options', i);
        const query: JsonObject = { ...options };
        const sort = (options.sort as JsonObject | undefined)?.property as Array<{ field: string; direction: string }> | undefined;
        if (sort) query.sort = sort.map((rule) => `${rule.direction === 'asc' ? '' : '-'}${rule.field}`).join(',');
        else delete query.sort;
        if (Array.isArray(options.fields)) query.fields = options.fields.join(',');
        const endpoint = options.viewId ? `${rows}/views/${String(options.viewId)}` : rows;
        delete query.viewId;
        if (param(ctx, 'returnAll', 0, false)) return requestAll(api, endpoint, query);
        const answer = await request(api, 'GET', endpoint, undefined, { ...query, limit: param(ctx, 'limit', 0, 50) });
        return apiVersion === 1 ? answer : answer.list;
      });
      default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
    }
  } finally {
    await transport.close();
  }
}

const describe = (version: number) => ({
  name: 'n8n-nodes-base.nocoDb', displayName: 'NocoDB', icon: 'file:nocodb.svg', group: ['input'], version: [version],
  description: 'Read, update, write and delete data from NocoDB', defaults: { name: 'NocoDB' }, inputs: ['main'], outputs: ['main'],
  credentials: nocoDbCredentials, properties: nocoDbProperties(version),
});

export const nocoDbNodeV1: NodeType = { description: describe(1), execute };
export const nocoDbNodeV2: NodeType = { description: describe(2), execute };
export const nocoDbNodeV3: NodeType = { description: describe(3), execute };
