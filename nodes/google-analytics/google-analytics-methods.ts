// The Google Analytics node's editor lists: views (Management API), UA column metadata, GA4
// properties (Admin API, per account) and a property's GA4 dimensions and metrics (Data API metadata).
import type { ExecuteContext, JsonObject, ListSearchPage, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import type { GoogleClient } from '../you-tube/google-call.ts';
import { analyticsClient, analyticsRequest, analyticsUrls } from './google-analytics-api.ts';
import { locatorId } from './google-analytics-report.ts';

async function withClient<T>(ctx: ExecuteContext, run: (client: GoogleClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await run(analyticsClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

const byName = <T extends { name: string }>(list: T[]): T[] => [...list].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));

const views = (client: GoogleClient) => analyticsRequest(client, 'GET', `${analyticsUrls.management()}/analytics/v3/management/accounts/~all/webproperties/~all/profiles`)
  .then((answer) => (answer.items as JsonObject[] | undefined) ?? []);

async function columns(client: GoogleClient, type: 'DIMENSION' | 'METRIC'): Promise<LoadedOption[]> {
  const answer = await analyticsRequest(client, 'GET', `${analyticsUrls.management()}/analytics/v3/metadata/ga/columns`);
  return byName(((answer.items as JsonObject[] | undefined) ?? [])
    .filter((c) => (c.attributes as JsonObject | undefined)?.type === type && (c.attributes as JsonObject).status !== 'DEPRECATED')
    .map((c) => ({ name: String((c.attributes as JsonObject).uiName), value: String(c.id), description: String((c.attributes as JsonObject).description ?? '') })));
}

async function properties(client: GoogleClient): Promise<Array<{ name: string; id: string }>> {
  const accounts = ((await analyticsRequest(client, 'GET', `${analyticsUrls.admin()}/v1alpha/accounts`)).accounts as JsonObject[] | undefined) ?? [];
  const found: Array<{ name: string; id: string }> = [];
  for (const account of accounts) {
    const answer = await analyticsRequest(client, 'GET', `${analyticsUrls.admin()}/v1alpha/properties`, undefined, { filter: `parent:${String(account.name)}` });
    for (const property of (answer.properties as JsonObject[] | undefined) ?? []) {
      found.push({ name: String(property.displayName), id: String(property.name).split('/')[1] ?? String(property.name) });
    }
  }
  return found;
}

async function ga4Metadata(ctx: ExecuteContext, client: GoogleClient, kind: 'dimensions' | 'metrics'): Promise<LoadedOption[]> {
  const propertyId = locatorId(ctx.getNodeParameter('propertyId', 0, ''), /analytics\.google\.com\/analytics.*\/p([0-9]+)/).replace(/^properties\//, '');
  const answer = await analyticsRequest(client, 'GET', `${analyticsUrls.data()}/v1beta/properties/${encodeURIComponent(propertyId)}/metadata`, undefined, { fields: kind });
  return byName(((answer[kind] as JsonObject[] | undefined) ?? []).map((e) => ({ name: String(e.uiName), value: String(e.apiName), description: String(e.description ?? '') })));
}

const getViews = (ctx: ExecuteContext) => withClient(ctx, async (client) =>
  byName((await views(client)).map((v) => ({ name: String(v.name), value: String(v.id), description: String(v.websiteUrl ?? '') }))));
const getDimensions = (ctx: ExecuteContext) => withClient(ctx, (client) => columns(client, 'DIMENSION'));

export const analyticsV1Methods: NodeMethods = { loadOptions: { getViews, getDimensions } };

export const analyticsV2Methods: NodeMethods = {
  loadOptions: {
    getViews,
    getDimensions,
    getMetrics: (ctx) => withClient(ctx, (client) => columns(client, 'METRIC')),
    getProperties: (ctx) => withClient(ctx, async (client) => byName((await properties(client)).map((p) => ({ name: p.name, value: `properties/${p.id}` })))),
    getDimensionsGA4: (ctx) => withClient(ctx, (client) => ga4Metadata(ctx, client, 'dimensions')),
    getMetricsGA4: (ctx) => withClient(ctx, (client) => ga4Metadata(ctx, client, 'metrics')),
  },
  listSearch: {
    searchProperties: (ctx) => withClient(ctx, async (client): Promise<ListSearchPage> => ({
      results: byName((await properties(client)).map((p) => ({ name: p.name, value: p.id, url: `https://analytics.google.com/analytics/web/#/p${p.id}/` }))),
    })),
    searchViews: (ctx) => withClient(ctx, async (client): Promise<ListSearchPage> => ({
      results: byName((await views(client)).map((v) => ({ name: `${String(v.name)} [${String(v.websiteUrl)}]`, value: String(v.id),
        url: `https://analytics.google.com/analytics/web/#/report-home/a${String(v.accountId)}w${String(v.internalWebPropertyId)}p${String(v.id)}` }))),
    })),
  },
};
