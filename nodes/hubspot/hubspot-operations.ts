// The HubSpot node's operations: which endpoint each calls with which query and body, and what it
// outputs (n8n's choices: v1 contacts/companies/deals/engagements/tickets APIs, CRM v3 search).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { hubspotRequest, hubspotRequestAll, type HubspotClient } from './hubspot-api.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY, DEAL_PROPERTY, propertyList, TICKET_PROPERTY } from './hubspot-properties.ts';

type Out = JsonObject | JsonObject[] | undefined;

/** An ID from a resource locator (v2) or a plain value (v1). */
export function locatorValue(value: unknown): string {
  if (value && typeof value === 'object' && '__rl' in value) return String((value as { value?: unknown }).value ?? '');
  return String(value ?? '');
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? value.split(',') : []);

async function listOrSome(client: HubspotClient, i: number, property: string, method: string, endpoint: string, query: JsonObject, limitKey = 'count'): Promise<JsonObject[]> {
  if (param(client.ctx, 'returnAll', 0, false)) return hubspotRequestAll(client, property, method, endpoint, {}, query);
  const limit = param(client.ctx, 'limit', i, 100);
  const answer = (await hubspotRequest(client, method, endpoint, undefined, { ...query, [limitKey]: limit }) ?? {}) as JsonObject;
  return ((answer[property] as JsonObject[] | undefined) ?? []).slice(0, limit);
}

function searchBody(client: HubspotClient, i: number, defaults: string[]): JsonObject {
  const { ctx } = client;
  const options = collection(ctx, 'additionalFields', i);
  const groups = (collection(ctx, 'filterGroupsUi', i).filterGroupsValues ?? []) as JsonObject[];
  const body: JsonObject = {
    filterGroups: groups.map((group) => ({ filters: (((group.filtersUi as JsonObject | undefined)?.filterValues ?? []) as JsonObject[]).map((f) => ({
      propertyName: String(f.propertyName ?? '').split('|')[0], operator: f.operator ?? 'EQ', ...(f.value !== undefined && f.value !== '' ? { value: f.value } : {}),
    })) })),
    sorts: [{ propertyName: options.sortBy || 'createdate', direction: options.direction || 'DESCENDING' }],
    properties: Array.isArray(options.properties) && options.properties.length ? options.properties : defaults,
  };
  if (options.query) body.query = options.query;
  return body;
}

async function search(client: HubspotClient, i: number, objectType: string, defaults: string[]): Promise<JsonObject[]> {
  const endpoint = `/crm/v3/objects/${objectType}/search`;
  const body = searchBody(client, i, defaults);
  if (param(client.ctx, 'returnAll', 0, false)) return hubspotRequestAll(client, 'results', 'POST', endpoint, body);
  const answer = (await hubspotRequest(client, 'POST', endpoint, { ...body, limit: param(client.ctx, 'limit', i, 100) }) ?? {}) as JsonObject;
  return (answer.results as JsonObject[] | undefined) ?? [];
}

function contactReadQuery(fields: JsonObject): JsonObject {
  return {
    formSubmissionMode: fields.formSubmissionMode, showListMemberships: fields.listMemberships === undefined ? undefined : String(fields.listMemberships),
    property: fields.properties, propertyMode: fields.propertyMode,
  };
}

async function contact(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  const id = () => locatorValue(param<unknown>(ctx, 'contactId', i, ''));
  switch (operation) {
    case 'upsert': {
      const email = String(param<unknown>(ctx, 'email', i, ''));
      const fields = collection(ctx, 'additionalFields', i);
      const answer = await hubspotRequest(client, 'POST', `/contacts/v1/contact/createOrUpdate/email/${encodeURIComponent(email)}`,
        { properties: propertyList(fields, CONTACT_PROPERTY, 'property') }) as JsonObject;
      if (!param(ctx, 'resolveData', i, true)) return answer;
      const query: JsonObject = Array.isArray(fields.properties) && fields.properties.length ? { property: fields.properties } : {};
      return await hubspotRequest(client, 'GET', `/contacts/v1/contact/vid/${String(answer.vid)}/profile`, undefined, query) as JsonObject;
    }
    case 'get': return await hubspotRequest(client, 'GET', `/contacts/v1/contact/vid/${id()}/profile`, undefined, contactReadQuery(collection(ctx, 'additionalFields', i))) as JsonObject;
    case 'getAll': return listOrSome(client, i, 'contacts', 'GET', '/contacts/v1/lists/all/contacts/all', contactReadQuery(collection(ctx, 'additionalFields', i)));
    case 'getRecentlyCreatedUpdated':
      return listOrSome(client, i, 'contacts', 'GET', '/contacts/v1/lists/recently_updated/contacts/recent', contactReadQuery(collection(ctx, 'additionalFields', i)));
    case 'search': return search(client, i, 'contacts', ['firstname', 'lastname', 'email']);
    case 'delete': return (await hubspotRequest(client, 'DELETE', `/contacts/v1/contact/vid/${id()}`) as JsonObject | undefined) ?? { success: true };
  }
  return unsupported(client, 'contact', operation, i);
}

async function company(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  const id = () => locatorValue(param<unknown>(ctx, 'companyId', i, ''));
  switch (operation) {
    case 'create': {
      const fields = { name: param<unknown>(ctx, 'name', i, ''), ...collection(ctx, 'additionalFields', i) };
      return await hubspotRequest(client, 'POST', '/companies/v2/companies', { properties: propertyList(fields, COMPANY_PROPERTY, 'name') }) as JsonObject;
    }
    case 'update':
      return await hubspotRequest(client, 'PUT', `/companies/v2/companies/${id()}`, { properties: propertyList(collection(ctx, 'updateFields', i), COMPANY_PROPERTY, 'name') }) as JsonObject;
    case 'get': {
      const options = collection(ctx, 'additionalFields', i);
      return await hubspotRequest(client, 'GET', `/companies/v2/companies/${id()}`, undefined,
        options.includeMergeAudits === undefined ? {} : { includeMergeAudits: String(options.includeMergeAudits) }) as JsonObject;
    }
    case 'getAll': {
      const options = collection(ctx, 'options', i);
      return listOrSome(client, i, 'companies', 'GET', '/companies/v2/companies/paged', {
        properties: options.properties, propertiesWithHistory: options.propertiesWithHistory,
        ...(options.includeMergeAudits !== undefined ? { includeMergeAudits: String(options.includeMergeAudits) } : {}),
      }, 'limit');
    }
    case 'getRecentlyCreatedUpdated': {
      const options = collection(ctx, 'additionalFields', i);
      const since = typeof options.since === 'string' && options.since ? Date.parse(options.since) : undefined;
      return listOrSome(client, i, 'results', 'GET', '/companies/v2/companies/recent/modified', { since, propertiesWithHistory: options.propertiesWithHistory }, 'count');
    }
    // v1's two lists; n8n reads only Since of the filters.
    case 'getRecentlyCreated':
      return listOrSome(client, i, 'results', 'GET', '/companies/v2/companies/recent/created', {}, 'count');
    case 'getRecentlyModified': {
      const since = collection(ctx, 'filters', i).since;
      return listOrSome(client, i, 'results', 'GET', '/companies/v2/companies/recent/modified', typeof since === 'string' && since ? { since: Date.parse(since) } : {}, 'count');
    }
    case 'searchByDomain': {
      const domain = String(param<unknown>(ctx, 'domain', i, ''));
      const properties = list(collection(ctx, 'options', i).properties);
      const body: JsonObject = { requestOptions: { properties: properties.length ? properties : ['domain', 'name', 'website'] }, offset: { isPrimary: true, companyId: 0 } };
      const endpoint = `/companies/v2/domains/${encodeURIComponent(domain)}/companies`;
      if (param(ctx, 'returnAll', 0, false)) return hubspotRequestAll(client, 'results', 'POST', endpoint, body);
      const answer = (await hubspotRequest(client, 'POST', endpoint, { ...body, limit: param(ctx, 'limit', i, 100) }) ?? {}) as JsonObject;
      return (answer.results as JsonObject[] | undefined) ?? [];
    }
    case 'delete': return (await hubspotRequest(client, 'DELETE', `/companies/v2/companies/${id()}`) as JsonObject | undefined) ?? { success: true };
  }
  return unsupported(client, 'company', operation, i);
}

function dealBody(fields: JsonObject): JsonObject {
  const body: JsonObject = { properties: propertyList(fields, DEAL_PROPERTY, 'name') };
  const companies = list(fields.associatedCompany);
  const vids = list(fields.associatedVids);
  if (companies.length || vids.length) body.associations = { associatedCompanyIds: companies, associatedVids: vids };
  return body;
}

async function deal(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  const id = () => locatorValue(param<unknown>(ctx, 'dealId', i, ''));
  switch (operation) {
    case 'create': return await hubspotRequest(client, 'POST', '/deals/v1/deal', dealBody({ stage: param<unknown>(ctx, 'stage', i, ''), ...collection(ctx, 'additionalFields', i) })) as JsonObject;
    case 'update': return await hubspotRequest(client, 'PUT', `/deals/v1/deal/${id()}`, dealBody(collection(ctx, 'updateFields', i))) as JsonObject;
    case 'get': {
      const options = collection(ctx, 'additionalFields', i);
      return await hubspotRequest(client, 'GET', `/deals/v1/deal/${id()}`, undefined,
        options.includePropertyVersions === undefined ? {} : { includePropertyVersions: String(options.includePropertyVersions) }) as JsonObject;
    }
    case 'getAll': {
      const filters = collection(ctx, 'filters', i);
      return listOrSome(client, i, 'deals', 'GET', '/deals/v1/deal/paged', {
        properties: filters.properties, propertiesWithHistory: filters.propertiesWithHistory,
        ...(filters.includeAssociations !== undefined ? { includeAssociations: String(filters.includeAssociations) } : {}),
      }, 'limit');
    }
    case 'getRecentlyCreatedUpdated': {
      const filters = collection(ctx, 'filters', i);
      const since = typeof filters.since === 'string' && filters.since ? Date.parse(filters.since) : undefined;
      return listOrSome(client, i, 'results', 'GET', '/deals/v1/deal/recent/modified', {
        since, ...(filters.includePropertyVersions !== undefined ? { includePropertyVersions: String(filters.includePropertyVersions) } : {}),
      }, 'count');
    }
    case 'search': return search(client, i, 'deals', ['dealname', 'amount', 'pipeline', 'closedate', 'dealstage', 'hubspot_owner_id']);
    case 'delete': return (await hubspotRequest(client, 'DELETE', `/deals/v1/deal/${id()}`) as JsonObject | undefined) ?? { success: true };
  }
  return unsupported(client, 'deal', operation, i);
}

const ids = (value: unknown): number[] => list(value).map((v) => Number(String(v).trim())).filter((n) => Number.isFinite(n));

async function engagement(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  switch (operation) {
    case 'create': {
      const type = String(param<unknown>(ctx, 'type', i, '')).toUpperCase();
      const metadata = collection(ctx, 'metadata', i);
      for (const key of ['startTime', 'endTime']) if (typeof metadata[key] === 'string') metadata[key] = Date.parse(metadata[key] as string);
      const a = (collection(ctx, 'additionalFields', i).associations ?? {}) as JsonObject;
      const associations = { contactIds: ids(a.contactIds), companyIds: ids(a.companyIds), dealIds: ids(a.dealIds), ownerIds: ids(a.ownerIds), ticketIds: ids(a.ticketIds) };
      return await hubspotRequest(client, 'POST', '/engagements/v1/engagements', { engagement: { type }, metadata, associations }) as JsonObject;
    }
    case 'get': return await hubspotRequest(client, 'GET', `/engagements/v1/engagements/${String(param<unknown>(ctx, 'engagementId', i, ''))}`) as JsonObject;
    case 'getAll': return listOrSome(client, i, 'results', 'GET', '/engagements/v1/engagements/paged', {}, 'limit');
    case 'delete':
      return (await hubspotRequest(client, 'DELETE', `/engagements/v1/engagements/${String(param<unknown>(ctx, 'engagementId', i, ''))}`) as JsonObject | undefined) ?? { success: true };
  }
  return unsupported(client, 'engagement', operation, i);
}

function ticketBody(fields: JsonObject): JsonObject[] {
  return propertyList(fields, TICKET_PROPERTY, 'name');
}

async function ticket(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  const id = () => String(param<unknown>(ctx, 'ticketId', i, ''));
  const readQuery = () => {
    const fields = collection(ctx, 'additionalFields', i);
    return { properties: fields.properties, propertiesWithHistory: fields.propertiesWithHistory, ...(fields.includeDeleted !== undefined ? { includeDeletes: String(fields.includeDeleted) } : {}) };
  };
  switch (operation) {
    case 'create': {
      const fields = { pipelineId: param<unknown>(ctx, 'pipelineId', i, ''), stageId: param<unknown>(ctx, 'stageId', i, ''), ticketName: param<unknown>(ctx, 'ticketName', i, ''),
        ...collection(ctx, 'additionalFields', i) };
      const created = await hubspotRequest(client, 'POST', '/crm-objects/v1/objects/tickets', ticketBody(fields)) as JsonObject;
      await associateTicket(client, created, fields);
      return created;
    }
    case 'update': return await hubspotRequest(client, 'PUT', `/crm-objects/v1/objects/tickets/${id()}`, ticketBody(collection(ctx, 'updateFields', i))) as JsonObject;
    case 'get': return await hubspotRequest(client, 'GET', `/crm-objects/v1/objects/tickets/${id()}`, undefined, readQuery()) as JsonObject;
    case 'getAll': return listOrSome(client, i, 'objects', 'GET', '/crm-objects/v1/objects/tickets/paged', readQuery(), 'limit');
    case 'delete': return (await hubspotRequest(client, 'DELETE', `/crm-objects/v1/objects/tickets/${id()}`) as JsonObject | undefined) ?? { success: true };
  }
  return unsupported(client, 'ticket', operation, i);
}

/** Tickets link to companies and contacts through the associations API, as n8n does after creating. */
async function associateTicket(client: HubspotClient, created: JsonObject, fields: JsonObject): Promise<void> {
  const links = [
    ...ids(fields.associatedCompanyIds).map((toObjectId) => ({ toObjectId, category: 'HUBSPOT_DEFINED', definitionId: 26 })),
    ...ids(fields.associatedContactIds).map((toObjectId) => ({ toObjectId, category: 'HUBSPOT_DEFINED', definitionId: 16 })),
  ];
  for (const link of links) {
    await hubspotRequest(client, 'PUT', '/crm-associations/v1/associations', { fromObjectId: created.objectId, ...link });
  }
}

async function contactList(client: HubspotClient, operation: string, i: number): Promise<Out> {
  const { ctx } = client;
  const listId = String(param<unknown>(ctx, 'listId', i, ''));
  if (operation === 'add') {
    const body = param(ctx, 'by', i, 'email') === 'id' ? { vids: [Number(param<unknown>(ctx, 'id', i, ''))] } : { emails: [String(param<unknown>(ctx, 'email', i, ''))] };
    return await hubspotRequest(client, 'POST', `/contacts/v1/lists/${listId}/add`, body) as JsonObject;
  }
  if (operation === 'remove') return await hubspotRequest(client, 'POST', `/contacts/v1/lists/${listId}/remove`, { vids: [Number(param<unknown>(ctx, 'id', i, ''))] }) as JsonObject;
  return unsupported(client, 'contactList', operation, i);
}

function unsupported(client: HubspotClient, resource: string, operation: string, itemIndex: number): never {
  throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" is not known for resource "${resource}"`, { itemIndex });
}

export const HUBSPOT_RESOURCES: Record<string, (client: HubspotClient, operation: string, i: number) => Promise<Out>> = {
  contact, company, deal, engagement, ticket, contactList,
};

export const DEFAULT_OPERATION: Record<string, string> = { contact: 'upsert', company: 'create', deal: 'create', engagement: 'create', ticket: 'create', contactList: 'add' };
