// Google Analytics (n8n-nodes-base.googleAnalytics): v2 runs GA4 reports (Analytics Data API
// runReport) or Universal Analytics reports (Reporting API v4 batchGet) and user activity searches;
// v1 the Reporting API v4 only. Each item runs the operation; rows become items.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import type { GoogleClient } from '../you-tube/google-call.ts';
import { analyticsClient } from './google-analytics-api.ts';
import { analyticsV1Methods, analyticsV2Methods } from './google-analytics-methods.ts';
import { runGa4Report, runUniversalReport, runV1Report, searchUserActivity } from './google-analytics-report.ts';
import { analyticsV1Properties } from './google-analytics-v1.description.ts';
import { analyticsV2Properties } from './google-analytics-v2.description.ts';

function run(client: GoogleClient, version: number, resource: string, operation: string, i: number): Promise<JsonObject[]> {
  if (resource === 'userActivity' && operation === 'search') return searchUserActivity(client, i);
  if (resource === 'report' && operation === 'get') {
    if (version < 2) return runV1Report(client, i);
    return param(client.ctx, 'propertyType', 0, 'ga4') === 'ga4' ? runGa4Report(client, i) : runUniversalReport(client, i);
  }
  throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'report');
  const operation = param(ctx, 'operation', 0, resource === 'userActivity' ? 'search' : 'get');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client = analyticsClient(ctx, transport);
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        for (const json of await run(client, ctx.node.typeVersion, resource, operation, i)) output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
        output.push({ json: { error: errorMessage(serviceCallError(ctx.node.name, error, i)) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

const base = {
  name: 'n8n-nodes-base.googleAnalytics', displayName: 'Google Analytics', icon: 'fa:chart-line', group: ['transform'],
  description: 'Use the Google Analytics API', defaults: { name: 'Google Analytics' }, inputs: ['main'], outputs: ['main'],
  credentials: [{ name: 'googleAnalyticsOAuth2', required: true }],
};

export const googleAnalyticsNode: NodeType = {
  description: { ...base, version: [2], properties: analyticsV2Properties },
  execute,
  methods: analyticsV2Methods,
};

export const googleAnalyticsNodeV1: NodeType = {
  description: { ...base, version: [1], properties: analyticsV1Properties },
  execute,
  methods: analyticsV1Methods,
};
