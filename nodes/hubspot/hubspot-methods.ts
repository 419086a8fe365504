// The HubSpot node's editor methods: dropdowns loaded from HubSpot's property definitions,
// pipelines, owners and objects, and the resource locators' searches (CRM v3 search, paged by `after`).
import type { ExecuteContext, JsonObject, ListSearchPage, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { hubspotRequest, hubspotRequestAll, type HubspotClient } from './hubspot-api.ts';

async function withClient<T>(ctx: ExecuteContext, work: (client: HubspotClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work({ ctx, transport });
  } finally {
    await transport.close();
  }
}

type Property = { name: string; label: string; hubspotDefined?: boolean | null; options?: Array<{ label: string; value: string }> };
const properties = (client: HubspotClient, objectType: string) => hubspotRequest(client, 'GET', `/properties/v2/${objectType}/properties`) as Promise<Property[]>;
const sorted = (options: LoadedOption[]) => options.sort((a, b) => a.name.localeCompare(b.name));

const allProperties = (objectType: string) => (ctx: ExecuteContext) => withClient(ctx, async (client) =>
  sorted((await properties(client, objectType)).map((p) => ({ name: p.label, value: p.name }))));
const customProperties = (objectType: string) => (ctx: ExecuteContext) => withClient(ctx, async (client) =>
  sorted((await properties(client, objectType)).filter((p) => !p.hubspotDefined).map((p) => ({ name: p.label, value: p.name }))));
const propertyOptions = (objectType: string, property: string) => (ctx: ExecuteContext) => withClient(ctx, async (client) =>
  ((await properties(client, objectType)).find((p) => p.name === property)?.options ?? []).map((o) => ({ name: o.label, value: o.value })));

type Pipeline = { pipelineId: string; label: string; stages?: Array<{ stageId: string; label: string }> };
const pipelines = async (client: HubspotClient, objectType: string) =>
  ((await hubspotRequest(client, 'GET', `/crm-pipelines/v1/pipelines/${objectType}`) as JsonObject | undefined)?.results ?? []) as Pipeline[];

/** A resource locator's list: CRM v3 search on `objectType`, `label` naming each result. */
const searchList = (objectType: string, label: string) => (ctx: ExecuteContext, filter?: string, paginationToken?: string): Promise<ListSearchPage> =>
  withClient(ctx, async (client) => {
    const body: JsonObject = { properties: [label], sorts: [{ propertyName: label, direction: 'ASCENDING' }], limit: 100 };
    if (filter) body.filterGroups = [{ filters: [{ propertyName: label, operator: 'CONTAINS_TOKEN', value: `*${filter}*` }] }];
    if (paginationToken) body.after = paginationToken;
    const answer = (await hubspotRequest(client, 'POST', `/crm/v3/objects/${objectType}/search`, body) ?? {}) as JsonObject;
    const results = ((answer.results ?? []) as Array<{ id: string; properties?: JsonObject }>)
      .map((r) => ({ name: String(r.properties?.[label] ?? r.id), value: r.id }));
    const after = (answer.paging as { next?: { after?: string } } | undefined)?.next?.after;
    return { results, ...(after ? { paginationToken: after } : {}) };
  });

export const hubspotMethods: NodeMethods = {
  loadOptions: {
    getContactProperties: allProperties('contacts'),
    getCompanyProperties: allProperties('companies'),
    getDealProperties: allProperties('deals'),
    getTicketProperties: allProperties('tickets'),
    getContactCustomProperties: customProperties('contacts'),
    getCompanyCustomProperties: customProperties('companies'),
    getDealCustomProperties: customProperties('deals'),
    getContactLeadStatuses: propertyOptions('contacts', 'hs_lead_status'),
    getContactLifeCycleStages: propertyOptions('contacts', 'lifecyclestage'),
    getCompanyIndustries: propertyOptions('companies', 'industry'),
    getCompanylifecycleStages: propertyOptions('companies', 'lifecyclestage'),
    getDealTypes: propertyOptions('deals', 'dealtype'),
    getDealStages: (ctx) => withClient(ctx, async (client) =>
      (await pipelines(client, 'deals')).flatMap((p) => (p.stages ?? []).map((s) => ({ name: s.label, value: s.stageId })))),
    getTicketPipelines: (ctx) => withClient(ctx, async (client) => (await pipelines(client, 'tickets')).map((p) => ({ name: p.label, value: p.pipelineId }))),
    getTicketStages: (ctx) => withClient(ctx, async (client) => {
      const id = String(ctx.getNodeParameter('pipelineId', 0, ''));
      return ((await pipelines(client, 'tickets')).find((p) => p.pipelineId === id)?.stages ?? []).map((s) => ({ name: s.label, value: s.stageId }));
    }),
    getOwners: (ctx) => withClient(ctx, async (client) =>
      (((await hubspotRequest(client, 'GET', '/crm/v3/owners') as JsonObject | undefined)?.results ?? []) as Array<{ id: string; email: string }>)
        .map((o) => ({ name: o.email, value: o.id }))),
    getCompanies: (ctx) => withClient(ctx, async (client) =>
      sorted((await hubspotRequestAll(client, 'companies', 'GET', '/companies/v2/companies/paged', {}, { properties: 'name' }))
        .map((c) => ({ name: String(((c.properties as JsonObject | undefined)?.name as JsonObject | undefined)?.value ?? c.companyId), value: Number(c.companyId) })))),
    getContacts: (ctx) => withClient(ctx, async (client) =>
      (await hubspotRequestAll(client, 'contacts', 'GET', '/contacts/v1/lists/all/contacts/all', {}, { property: ['firstname', 'lastname', 'email'] }))
        .map((c) => {
          const p = (c.properties ?? {}) as Record<string, { value?: string }>;
          const name = [p.firstname?.value, p.lastname?.value].filter(Boolean).join(' ') || p.email?.value || String(c.vid);
          return { name, value: Number(c.vid) };
        })),
  },
  listSearch: {
    searchContacts: searchList('contacts', 'email'),
    searchCompanies: searchList('companies', 'name'),
    searchDeals: searchList('deals', 'dealname'),
  },
};
