// Pipedrive (n8n-nodes-base.pipedrive v1) on Pipedrive's API v1: activities, deals (and their
// activities and products), files, leads, notes, organizations, persons and products. Each item builds one request (method, path, body, query) as
// n8n's v1 does; lists follow `start`/`limit` when Return All is on; custom fields may be written by
// name (encodeProperties) and read back by name (resolveProperties).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type LoadedOption, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { pipedriveRequest, pipedriveRequestAll, type PipedriveMethod } from './pipedrive-api.ts';
import { encodeCustomFields, FIELDS_ENDPOINT, resolveCustomFields, type PipedriveFields } from './pipedrive-custom-fields.ts';
import { pipedriveCredentials, pipedriveProperties } from './pipedrive.description.ts';

interface Call { method: PipedriveMethod; path: string; body: JsonObject; query: JsonObject; returnAll: boolean; form?: FormData }

/** n8n's addAdditionalFields: every entry as is, custom properties by their names. */
function addFields(target: JsonObject, fields: JsonObject): void {
  for (const [key, value] of Object.entries(fields)) {
    const properties = key === 'customProperties' ? ((value as JsonObject | undefined)?.property as JsonObject[] | undefined) : undefined;
    if (properties) for (const property of properties) target[String(property.name)] = property.value;
    else target[key] = value;
  }
}

const PATHS: Record<string, string> = { activity: '/activities', deal: '/deals', file: '/files', lead: '/leads', note: '/notes', organization: '/organizations', person: '/persons', product: '/products' };
const ID_PARAMS: Record<string, string> = { activity: 'activityId', deal: 'dealId', file: 'fileId', lead: 'leadId', note: 'noteId', organization: 'organizationId', person: 'personId' };

function leadBody(fields: JsonObject, body: JsonObject): void {
  const { value, expected_close_date: close, ...rest } = fields;
  Object.assign(body, rest);
  const amount = (value as JsonObject | undefined)?.valueProperties;
  if (amount) body.value = amount;
  if (typeof close === 'string' && close) body.expected_close_date = close.split('T')[0];
}

/** A deal's activities and products, under `/deals/<id>/…` as n8n's v1 calls them. */
function dealSubCall(ctx: ExecuteContext, resource: string, operation: string, i: number): Call | undefined {
  const deal = `/deals/${String(param<unknown>(ctx, 'dealId', i, ''))}`;
  const call: Call = { method: 'GET', path: '', body: {}, query: {}, returnAll: false };
  if (resource === 'dealActivity' && operation === 'getAll') {
    call.path = `${deal}/activities`;
    call.returnAll = param(ctx, 'returnAll', i, false);
    if (!call.returnAll) call.query.limit = param(ctx, 'limit', i, 100);
    const fields = collection(ctx, 'additionalFields', i);
    if (fields.exclude) call.query.exclude = fields.exclude;
    if (fields.done !== undefined) call.query.done = fields.done === true ? 1 : 0;
    return call;
  }
  if (resource !== 'dealProduct') return undefined;
  const attachment = () => `${deal}/products/${String(param<unknown>(ctx, 'productAttachmentId', i, ''))}`;
  switch (operation) {
    case 'add':
      Object.assign(call, { method: 'POST', path: `${deal}/products` });
      Object.assign(call.body, { product_id: param<unknown>(ctx, 'productId', i, ''), item_price: param<unknown>(ctx, 'item_price', i, 0), quantity: param<unknown>(ctx, 'quantity', i, 1) });
      addFields(call.body, collection(ctx, 'additionalFields', i));
      return call;
    case 'getAll':
      // n8n's v1 shows Return All and Limit here but reads neither: one page, as Pipedrive gives it.
      call.path = `${deal}/products`;
      return call;
    case 'remove':
      return { ...call, method: 'DELETE', path: attachment() };
    case 'update':
      addFields(call.body, collection(ctx, 'updateFields', i));
      return { ...call, method: 'PUT', path: attachment() };
    default:
      return undefined;
  }
}

function buildCall(ctx: ExecuteContext, resource: string, operation: string, i: number): Call {
  const sub = dealSubCall(ctx, resource, operation, i);
  if (sub) return sub;
  const call: Call = { method: 'GET', path: PATHS[resource] ?? '', body: {}, query: {}, returnAll: false };
  const id = () => param<unknown>(ctx, ID_PARAMS[resource], i, resource === 'lead' ? '' : 0);
  const limited = () => {
    call.returnAll = param(ctx, 'returnAll', i, false);
    if (!call.returnAll) call.query.limit = param(ctx, 'limit', i, 100);
  };
  if (!PATHS[resource]) throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`, { itemIndex: i });
  switch (operation) {
    case 'create':
      call.method = 'POST';
      if (resource === 'file') {
        // The bytes of the item's binary field as `file`, the additional fields beside it.
        const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], param(ctx, 'binaryPropertyName', i, 'data'), i);
        call.form = new FormData();
        call.form.append('file', new Blob([new Uint8Array(buffer)], { type: binary.mimeType }), binary.fileName ?? 'file');
        for (const [key, value] of Object.entries(collection(ctx, 'additionalFields', i))) call.form.append(key, String(value));
        return call;
      }
      if (resource === 'activity') {
        Object.assign(call.body, { subject: param(ctx, 'subject', i, ''), done: param(ctx, 'done', i, '0'), type: param(ctx, 'type', i, '') });
      } else if (resource === 'deal' || resource === 'lead') {
        call.body.title = param(ctx, 'title', i, '');
        if (param(ctx, 'associateWith', i, 'organization') === 'organization') {
          const name = resource === 'deal' ? 'org_id' : 'organization_id';
          call.body[name] = param<unknown>(ctx, name, i, 0);
        } else {
          call.body.person_id = param<unknown>(ctx, 'person_id', i, 0);
        }
      } else if (resource === 'note') {
        call.body.content = param(ctx, 'content', i, '');
      } else {
        call.body.name = param(ctx, 'name', i, '');
      }
      if (resource === 'lead') leadBody(collection(ctx, 'additionalFields', i), call.body);
      else addFields(call.body, collection(ctx, 'additionalFields', i));
      return call;
    case 'delete':
      call.method = 'DELETE';
      call.path += `/${String(id())}`;
      return call;
    case 'duplicate':
      call.method = 'POST';
      call.path += `/${String(id())}/duplicate`;
      return call;
    case 'get':
      call.path += `/${String(id())}`;
      return call;
    case 'update': {
      call.method = resource === 'lead' ? 'PATCH' : 'PUT';
      call.path += `/${String(id())}`;
      const fields = collection(ctx, 'updateFields', i);
      if (resource === 'lead') leadBody(fields, call.body);
      else addFields(call.body, fields);
      if (call.body.label === 'null') call.body.label = null;
      return call;
    }
    case 'getAll': {
      limited();
      if (resource === 'activity') {
        addFields(call.query, collection(ctx, 'additionalFields', i));
        if (call.query.filterId !== undefined) { call.query.filter_id = call.query.filterId; delete call.query.filterId; }
        if (Array.isArray(call.query.type)) call.query.type = call.query.type.join(',');
      } else if (resource === 'deal') {
        addFields(call.query, collection(ctx, 'filters', i));
      } else if (resource === 'lead') {
        Object.assign(call.query, collection(ctx, 'filters', i));
      } else if (resource === 'note') {
        addFields(call.query, collection(ctx, 'additionalFields', i));
      } else if (resource === 'organization' || resource === 'person') {
        const filters = collection(ctx, resource === 'organization' ? 'filters' : 'additionalFields', i);
        if (filters.filterId) call.query.filter_id = filters.filterId;
        if (filters.firstChar) call.query.first_char = resource === 'organization' ? String(filters.firstChar).substring(0, 1) : filters.firstChar;
        if (resource === 'person' && filters.sort) call.query.sort = filters.sort;
      }
      return call;
    }
    case 'search': {
      call.path += '/search';
      call.query.term = param(ctx, 'term', i, '');
      if (resource === 'deal') call.query.exact_match = param(ctx, 'exactMatch', i, false);
      limited();
      const more = collection(ctx, 'additionalFields', i);
      if (more.fields) call.query.fields = Array.isArray(more.fields) ? more.fields.join(',') : more.fields;
      if (more.exactMatch) call.query.exact_match = more.exactMatch;
      if (more.organizationId) call.query.organization_id = parseInt(String(more.organizationId), 10);
      if (more.personId) call.query.person_id = parseInt(String(more.personId), 10);
      if (more.includeFields) call.query.include_fields = more.includeFields;
      if (more.status) call.query.status = more.status;
      return call;
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
  }
}

async function customFields(ctx: ExecuteContext, resource: string): Promise<PipedriveFields> {
  const { data } = await pipedriveRequest(ctx, 'GET', FIELDS_ENDPOINT[resource]);
  return Object.fromEntries(((data ?? []) as PipedriveFields[string][]).map((field) => [field.key, field]));
}

const DEFAULT_OPERATION: Record<string, string> = { product: 'getAll', dealActivity: 'getAll', dealProduct: 'add' };

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const resource = param(ctx, 'resource', 0, 'deal');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'create');
  let fields: PipedriveFields | undefined;
  if (['get', 'getAll', 'update'].includes(operation) && FIELDS_ENDPOINT[resource]) {
    const wanted = operation === 'update' ? param(ctx, 'encodeProperties', 0, false) : param(ctx, 'resolveProperties', 0, false);
    if (wanted) fields = await customFields(ctx, resource);
  }
  const output: Item[] = [];
  const items = ctx.getInputData();
  for (let i = 0; i < items.length; i++) {
    try {
      const call = buildCall(ctx, resource, operation, i);
      let data: unknown;
      if (call.returnAll) {
        data = await pipedriveRequestAll(ctx, call.method, call.path, call.body, call.query, i);
      } else {
        if (fields) encodeCustomFields(fields, call.body);
        data = (await pipedriveRequest(ctx, call.method, call.path, call.body, call.query, i, call.form)).data;
      }
      if (operation === 'search' && data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as JsonObject).items)) {
        const found = (data as JsonObject).items as JsonObject[];
        data = collection(ctx, 'additionalFields', i).rawData === true ? found : found.map((entry) => ({ result_score: entry.result_score, ...(entry.item as JsonObject) }));
      }
      if (data === true) data = { success: true };
      for (const json of Array.isArray(data) ? data : [data]) {
        output.push({ json: (json && typeof json === 'object' ? json : { data: json }) as JsonObject, pairedItem: { item: i } });
      }
    } catch (error) {
      if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  if (fields) for (const item of output) resolveCustomFields(fields, item.json);
  return [output];
}

const sorted = (options: LoadedOption[]) => options.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
async function list(ctx: ExecuteContext, path: string): Promise<JsonObject[]> {
  const { data } = await pipedriveRequest(ctx, 'GET', path);
  return Array.isArray(data) ? (data as JsonObject[]) : [];
}
/** The options of a fields endpoint's `label` field (and "No Label" when updating). */
async function labels(ctx: ExecuteContext, path: string): Promise<LoadedOption[]> {
  const field = (await list(ctx, path)).find((f) => f.key === 'label');
  const options = sorted(((field?.options ?? []) as JsonObject[]).map((o) => ({ name: String(o.label), value: o.id as number })));
  if (param(ctx, 'operation', 0, '') === 'update') options.push({ name: 'No Label', value: 'null' });
  return options;
}

export const pipedriveNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.pipedrive',
    displayName: 'Pipedrive',
    icon: 'fa:funnel-dollar',
    group: ['transform'],
    version: [1],
    description: 'Create and edit data in Pipedrive',
    defaults: { name: 'Pipedrive' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: pipedriveCredentials,
    properties: pipedriveProperties,
  },
  execute,
  methods: {
    loadOptions: {
      getUserIds: async (ctx) => sorted((await list(ctx, '/users')).filter((u) => u.active_flag !== false).map((u) => ({ name: String(u.name), value: u.id as number }))),
      getOrganizationIds: async (ctx) => sorted((await list(ctx, '/organizations')).map((o) => ({ name: String(o.name), value: o.id as number }))),
      getStageIds: async (ctx) => sorted((await list(ctx, '/stages')).map((s) => ({ name: `${String(s.pipeline_name)} > ${String(s.name)}`, value: s.id as number }))),
      getDeals: async (ctx) => sorted((await list(ctx, '/deals')).map((d) => ({ name: String(d.title), value: d.id as number }))),
      getProducts: async (ctx) => sorted((await list(ctx, '/products')).map((p) => ({ name: String(p.name), value: p.id as number }))),
      getProductsDeal: async (ctx) => sorted((await list(ctx, `/deals/${String(param<unknown>(ctx, 'dealId', 0, ''))}/products`)).map((p) => ({ name: String(p.name), value: p.id as number }))),
      getActivityTypes: async (ctx) => sorted((await list(ctx, '/activityTypes')).map((t) => ({ name: String(t.name), value: String(t.key_string) }))),
      getLeadLabels: async (ctx) => sorted((await list(ctx, '/leadLabels')).map((l) => ({ name: String(l.name), value: String(l.id) }))),
      getDealLabels: (ctx) => labels(ctx, '/dealFields'),
      getPersonLabels: (ctx) => labels(ctx, '/personFields'),
      getOrganizationLabels: (ctx) => labels(ctx, '/organizationFields'),
    },
  },
};
