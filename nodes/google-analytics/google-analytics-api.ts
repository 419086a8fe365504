// Calls to Google's Analytics APIs as n8n's Google Analytics node makes them, with the
// `googleAnalyticsOAuth2` token: the Data API (GA4 runReport, metadata), the Reporting API v4
// (reports:batchGet, userActivity:search), the Admin API (accounts, properties) and the Management
// API v3 (views, column metadata). Google's error message becomes the node error (first line) and
// its description (the rest), as n8n splits it.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { googleCall, type GoogleCall, type GoogleClient, type QueryValue } from '../you-tube/google-call.ts';
import { ANALYTICS_SCOPES } from './google-analytics.credentials.ts';

export const analyticsUrls = {
  data: () => serviceUrl('google-analytics-data', 'https://analyticsdata.googleapis.com'),
  reporting: () => serviceUrl('google-analytics-reporting', 'https://analyticsreporting.googleapis.com'),
  admin: () => serviceUrl('google-analytics-admin', 'https://analyticsadmin.googleapis.com'),
  management: () => serviceUrl('google-analytics-management', 'https://www.googleapis.com'),
};

export function analyticsClient(ctx: ExecuteContext, transport: GoogleClient['transport']): GoogleClient {
  return {
    ctx, transport, credentialType: 'googleAnalyticsOAuth2', scopes: ANALYTICS_SCOPES,
    refusal: (refusal) => {
      if (!refusal.message) return new NodeOperationError(ctx.node.name, statusErrorMessage(refusal.status), { description: refusal.text.slice(0, 500) });
      const [first, ...rest] = refusal.message.split('\n');
      return new NodeOperationError(ctx.node.name, first, { description: rest.join('\n') || undefined });
    },
  };
}

export async function analyticsRequest(client: GoogleClient, method: GoogleCall['method'], url: string, json?: unknown, query?: Record<string, QueryValue>): Promise<JsonObject> {
  return (await googleCall(client, { method, url, json, query })).json;
}
