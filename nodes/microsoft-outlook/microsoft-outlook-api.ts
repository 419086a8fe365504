// Calls to Microsoft Graph v1.0 the way n8n's Outlook node makes them: a Bearer token from the
// OAuth2 credential, `/me` (or `/users/<principal>` for a shared mailbox), JSON bodies, lists
// followed through `@odata.nextLink`. Graph's error body ({error: {code, message}}) becomes the node
// error's description; a 429 is waited out (Retry-After).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { allGraphPages, graphBaseUrl, graphObject, sendGraph, type GraphAnswer, type GraphConnection } from '../shared/microsoft-graph.ts';

export interface GraphClient extends GraphConnection { mailbox: string }

export async function graphClient(ctx: ExecuteContext, transport: Dispatcher): Promise<GraphClient> {
  const credential = await ctx.credentials.get('microsoftOutlookOAuth2Api');
  const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The Microsoft Outlook OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  const shared = credential.useShared === true && typeof credential.userPrincipalName === 'string' && credential.userPrincipalName !== '';
  return { ctx, transport, token, mailbox: shared ? `/users/${encodeURIComponent(String(credential.userPrincipalName))}` : '/me' };
}

function queryString(query: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One call; `path` is under /v1.0 and may start with the mailbox, or is an absolute nextLink. */
export function graphCall(client: GraphClient, method: string, path: string, body?: unknown, query: JsonObject = {}): Promise<GraphAnswer> {
  const url = /^https?:\/\//.test(path) ? path : `${graphBaseUrl()}/v1.0${path}${queryString(query)}`;
  return sendGraph(client, method, url, { body });
}

export async function graphRequest(client: GraphClient, method: string, path: string, body?: unknown, query: JsonObject = {}): Promise<JsonObject> {
  return graphObject((await graphCall(client, method, path, body, query)).json);
}

/** Every page: `$top` 100 on the first call, then each `@odata.nextLink` as given. */
export async function graphRequestAll(client: GraphClient, path: string, query: JsonObject = {}, limit?: number): Promise<JsonObject[]> {
  const first = await graphRequest(client, 'GET', path, undefined, { ...query, $top: limit !== undefined ? Math.min(limit, 100) : 100 });
  return allGraphPages(first, (next) => graphRequest(client, 'GET', next), limit);
}
