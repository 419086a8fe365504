// Zendesk (n8n-nodes-base.zendesk, v1) on the Support API (https://{subdomain}.zendesk.com/api/v2,
// `.json` endpoints): tickets (regular and suspended), ticket fields, users and organizations.
// Return All follows `next_page` until it is null; editor lists read every page too.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject, type LoadedOption, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { restCall, runPerItem, type HttpMethod } from '../shared/rest-call.ts';
import { zendeskCredentials, zendeskProperties } from './zendesk.description.ts';

/** The API base for a subdomain; `WEFT_ZENDESK_API_URL` replaces it (a proxy, or the tests' stand-in). */
export const zendeskBaseUrl = (subdomain: string) => serviceUrl('zendesk', `https://${subdomain}.zendesk.com/api/v2`);

interface Zendesk { ctx: ExecuteContext; transport: Dispatcher }

const readError = (body: unknown): string | undefined => {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : undefined;
  const b = body as JsonObject;
  if (b.error && typeof b.error === 'object') {
    const e = b.error as JsonObject;
    return [e.title, e.message].filter(Boolean).join(': ') || undefined;
  }
  const details = b.details ? ` ${JSON.stringify(b.details)}` : '';
  if (typeof b.description === 'string') return `${b.description}${details}`;
  return typeof b.error === 'string' ? b.error : undefined;
};

async function auth(ctx: ExecuteContext): Promise<{ base: string; authorization: string }> {
  if (param(ctx, 'authentication', 0, 'apiToken') === 'oAuth2') {
    const credential = await ctx.credentials.get('zendeskOAuth2Api');
    const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The Zendesk OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return { base: zendeskBaseUrl(String(credential.subdomain ?? '')), authorization: `Bearer ${token}` };
  }
  const credential = await ctx.credentials.get('zendeskApi');
  const basic = Buffer.from(`${String(credential.email ?? '')}/token:${String(credential.apiToken ?? '')}`).toString('base64');
  return { base: zendeskBaseUrl(String(credential.subdomain ?? '')), authorization: `Basic ${basic}` };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function request(api: Zendesk, method: HttpMethod, resource: string, body?: JsonObject, query: JsonObject = {}, url?: string): Promise<any> {
  const { base, authorization } = await auth(api.ctx);
  return restCall(api.ctx, api.transport, {
    service: 'Zendesk',
    method, url: url ?? `${base}${resource}.json`, query: url ? {} : query, bracketArrays: true,
    headers: { authorization }, ...(body && Object.keys(body).length ? { json: body } : {}),
  }, readError);
}

/** Every page (following `next_page`), or until `query.limit` entries are in. */
async function requestAll(api: Zendesk, property: string, resource: string, query: JsonObject = {}): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let next: string | undefined;
  for (;;) {
    const answer = await request(api, 'GET', resource, undefined, query, next);
    all.push(...((answer[property] as JsonObject[] | undefined) ?? []));
    if (query.limit && Number(query.limit) <= all.length) return all;
    if (answer.next_page === undefined || answer.next_page === null) return all;
    next = String(answer.next_page);
  }
}

function parseJson(ctx: ExecuteContext, text: string, i: number): JsonObject {
  try {
    return JSON.parse(text) as JsonObject;
  } catch {
    throw new NodeOperationError(ctx.node.name, 'Additional fields must be a valid JSON', { itemIndex: i });
  }
}

/** The ticket body from the fields collection (n8n's picks and renames) or from JSON. */
function ticketBody(ctx: ExecuteContext, i: number, fieldsName: string, jsonName: string, update: boolean): JsonObject {
  const body: JsonObject = {};
  if (param(ctx, 'jsonParameters', i, false)) {
    const text = String(param(ctx, jsonName, i, ''));
    if (text !== '') Object.assign(body, parseJson(ctx, text, i));
    return body;
  }
  const f = collection(ctx, fieldsName, i);
  if (f.type) body.type = f.type;
  if (f.externalId) body.external_id = f.externalId;
  if (f.subject) body.subject = f.subject;
  if (f.status) body.status = f.status;
  if (f.recipient) body.recipient = f.recipient;
  if (f.group) body.group = f.group;
  if (f.tags) body.tags = f.tags;
  if (f.customFieldsUi) body.custom_fields = (f.customFieldsUi as JsonObject).customFieldsValues;
  if (update) {
    if (f.assigneeEmail) body.assignee_email = f.assigneeEmail;
    if (f.internalNote) body.comment = { html_body: f.internalNote, public: false };
    if (f.publicReply) body.comment = { body: f.publicReply, public: true };
  }
  return body;
}

/** A user or organization body: the collection as is, with its field pairs folded into `<kind>_fields`. */
function withCustomFields(fields: JsonObject, ui: string, group: string, target: string): JsonObject {
  const { [ui]: pairs, ...rest } = fields;
  const values = (pairs as JsonObject | undefined)?.[group] as Array<{ field: string; value: unknown }> | undefined;
  if (values?.length) rest[target] = Object.fromEntries(values.map((entry) => [entry.field, entry.value]));
  return rest;
}

async function run(api: Zendesk, resource: string, operation: string, i: number): Promise<unknown> {
  const { ctx } = api;
  const id = () => String(param(ctx, 'id', i, ''));
  const all = () => param(ctx, 'returnAll', i, false);
  const limit = () => param(ctx, 'limit', i, 100);
  if (resource === 'ticket') {
    const regular = param(ctx, 'ticketType', i, 'regular') === 'regular';
    switch (operation) {
      case 'create': {
        const body = { comment: { body: String(param(ctx, 'description', i, '')) }, ...ticketBody(ctx, i, 'additionalFields', 'additionalFieldsJson', false) };
        return (await request(api, 'POST', '/tickets', { ticket: body })).ticket;
      }
      case 'update': return (await request(api, 'PUT', `/tickets/${id()}`, { ticket: ticketBody(ctx, i, 'updateFields', 'updateFieldsJson', true) })).ticket;
      case 'get': {
        const answer = await request(api, 'GET', regular ? `/tickets/${id()}` : `/suspended_tickets/${id()}`);
        return answer.ticket ?? answer.suspended_ticket;
      }
      case 'getAll': {
        const options = collection(ctx, 'options', i);
        const query: JsonObject = { query: 'type:ticket' };
        if (options.query) query.query += ` ${String(options.query)}`;
        if (options.status) query.query += ` status:${String(options.status)}`;
        if (options.group) query.query += ` group:${String(options.group)}`;
        if (options.sortBy) query.sort_by = options.sortBy;
        if (options.sortOrder) query.sort_order = options.sortOrder;
        const [path, property] = regular ? ['/search', 'results'] : ['/suspended_tickets', 'suspended_tickets'];
        if (all()) return requestAll(api, property, path, query);
        const answer = await request(api, 'GET', path, undefined, { ...query, per_page: limit() });
        return answer.results ?? answer.suspended_tickets;
      }
      case 'delete':
        await request(api, 'DELETE', regular ? `/tickets/${id()}` : `/suspended_tickets/${id()}`);
        return { success: true };
      case 'recover': return (await request(api, 'PUT', `/suspended_tickets/${id()}/recover`)).ticket;
    }
  }
  if (resource === 'ticketField') {
    if (operation === 'get') return (await request(api, 'GET', `/ticket_fields/${String(param(ctx, 'ticketFieldId', i, ''))}`)).ticket_field;
    if (operation === 'getAll') {
      if (all()) return requestAll(api, 'ticket_fields', '/ticket_fields');
      return (await requestAll(api, 'ticket_fields', '/ticket_fields', { limit: limit() })).slice(0, limit());
    }
  }
  if (resource === 'user') {
    switch (operation) {
      case 'create': {
        const body = withCustomFields({ name: param(ctx, 'name', i, ''), ...collection(ctx, 'additionalFields', i) }, 'userFieldsUi', 'userFieldValues', 'user_fields');
        return (await request(api, 'POST', '/users', { user: body })).user;
      }
      case 'update': {
        const body = withCustomFields(collection(ctx, 'updateFields', i), 'userFieldsUi', 'userFieldValues', 'user_fields');
        return (await request(api, 'PUT', `/users/${id()}`, { user: body })).user;
      }
      case 'get': return (await request(api, 'GET', `/users/${id()}`)).user;
      case 'getAll':
      case 'search': {
        const path = operation === 'getAll' ? '/users' : '/users/search';
        const query = { ...collection(ctx, 'filters', i) };
        if (all()) return requestAll(api, 'users', path, query);
        return (await request(api, 'GET', path, undefined, { ...query, per_page: limit() })).users;
      }
      case 'getOrganizations': return (await request(api, 'GET', `/users/${id()}/organizations`)).organizations;
      case 'delete': return (await request(api, 'DELETE', `/users/${id()}`)).user;
      case 'getRelatedData': return (await request(api, 'GET', `/users/${id()}/related`)).user_related;
    }
  }
  if (resource === 'organization') {
    const organizationBody = (fields: JsonObject) => withCustomFields(fields, 'organizationFieldsUi', 'organizationFieldValues', 'organization_fields');
    switch (operation) {
      case 'create': {
        const body = organizationBody({ name: param(ctx, 'name', i, ''), ...collection(ctx, 'additionalFields', i) });
        return (await request(api, 'POST', '/organizations', { organization: body })).organization;
      }
      case 'delete':
        await request(api, 'DELETE', `/organizations/${id()}`);
        return { success: true };
      case 'count': return (await request(api, 'GET', '/organizations/count')).count;
      case 'get': return (await request(api, 'GET', `/organizations/${id()}`)).organization;
      case 'getAll':
        if (all()) return requestAll(api, 'organizations', '/organizations');
        return (await request(api, 'GET', '/organizations', undefined, { per_page: limit() })).organizations;
      case 'getRelatedData': return (await request(api, 'GET', `/organizations/${id()}/related`)).organization_related;
      case 'update': return (await request(api, 'PUT', `/organizations/${id()}`, { organization: organizationBody(collection(ctx, 'updateFields', i)) })).organization;
    }
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
}

async function withTransport<T>(ctx: ExecuteContext, work: (api: Zendesk) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work({ ctx, transport });
  } finally {
    await transport.close();
  }
}

const CUSTOM_FIELD_TYPES = ['text', 'textarea', 'date', 'integer', 'decimal', 'regexp', 'multiselect', 'tagger'];
const listed = (property: string, path: string, option: (entry: JsonObject) => LoadedOption | undefined) => (ctx: ExecuteContext) =>
  withTransport(ctx, async (api) => (await requestAll(api, property, path)).map(option).filter((entry): entry is LoadedOption => entry !== undefined));

const DEFAULT_OPERATION: Record<string, string> = { ticket: 'create', ticketField: 'get', user: 'create', organization: 'create' };

export const zendeskNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.zendesk', displayName: 'Zendesk', icon: 'file:zendesk.svg', group: ['output'], version: [1],
    description: 'Consume Zendesk API', defaults: { name: 'Zendesk' }, inputs: ['main'], outputs: ['main'],
    credentials: zendeskCredentials, properties: zendeskProperties,
  },
  methods: {
    loadOptions: {
      getCustomFields: listed('ticket_fields', '/ticket_fields', (f) => (CUSTOM_FIELD_TYPES.includes(String(f.type)) ? { name: String(f.title), value: f.id as number } : undefined)),
      getGroups: listed('groups', '/groups', (g) => ({ name: String(g.name), value: g.id as number })),
      getTags: listed('tags', '/tags', (t) => ({ name: String(t.name), value: String(t.name) })),
      getLocales: listed('locales', '/locales', (l) => ({ name: `${String(l.locale)} - ${String(l.name)}`, value: String(l.locale) })),
      getUserFields: listed('user_fields', '/user_fields', (f) => ({ name: String(f.title), value: String(f.key) })),
      getOrganizationFields: listed('organization_fields', '/organization_fields', (f) => ({ name: String(f.title), value: String(f.key) })),
      getOrganizations: listed('organizations', '/organizations', (o) => ({ name: String(o.name), value: o.id as number })),
    },
  },
  async execute(ctx) {
    const resource = param(ctx, 'resource', 0, 'ticket');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'get');
    return withTransport(ctx, (api) => runPerItem(ctx, (i) => run(api, resource, operation, i)));
  },
};
