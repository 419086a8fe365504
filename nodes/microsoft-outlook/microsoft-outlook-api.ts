// Calls to Microsoft Graph v1.0 the way n8n's Outlook node makes them: a Bearer token from the
// OAuth2 credential, `/me` (or `/users/<principal>` for a shared mailbox), JSON bodies, lists
// followed through `@odata.nextLink`. Graph's error body ({error: {code, message}}) becomes the node
// error's description; a 429 is waited out (Retry-After).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { latestOAuth2Token } from '../shared/oauth2-retry.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const graphBaseUrl = () => serviceUrl('microsoft-graph', 'https://graph.microsoft.com');

export interface GraphClient { ctx: ExecuteContext; transport: Dispatcher; token: string; mailbox: string }

export async function graphClient(ctx: ExecuteContext, transport: Dispatcher): Promise<GraphClient> {
  const credential = await ctx.credentials.get('microsoftOutlookOAuth2Api');
  const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The Microsoft Outlook OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  const shared = credential.useShared === true && typeof credential.userPrincipalName === 'string' && credential.userPrincipalName !== '';
  return { ctx, transport, token, mailbox: shared ? `/users/${encodeURIComponent(String(credential.userPrincipalName))}` : '/me' };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function graphSaid(text: string): string {
  const error = (parse(text) as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (error?.message) return error.code ? `${error.code}: ${error.message}` : error.message;
  return text.slice(0, 500);
}

function queryString(query: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface GraphAnswer { json: unknown; body: Buffer; headers: Record<string, string | string[]> }

/** One call; `path` is under /v1.0 and may start with the mailbox, or is an absolute nextLink. */
export async function graphCall(client: GraphClient, method: string, path: string, body?: unknown, query: JsonObject = {}): Promise<GraphAnswer> {
  const { ctx } = client;
  const url = /^https?:\/\//.test(path) ? path : `${graphBaseUrl()}/v1.0${path}${queryString(query)}`;
  const headers: Record<string, string> = { authorization: `Bearer ${latestOAuth2Token(ctx, client.token)}`, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: graphSaid(text) });
  return { json: text === '' ? undefined : parse(text), body: response.body, headers: response.headers };
}

export async function graphRequest(client: GraphClient, method: string, path: string, body?: unknown, query: JsonObject = {}): Promise<JsonObject> {
  const answer = (await graphCall(client, method, path, body, query)).json;
  return answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as JsonObject) : {};
}

/** Every page: `$top` 100 on the first call, then each `@odata.nextLink` as given. */
export async function graphRequestAll(client: GraphClient, path: string, query: JsonObject = {}, limit?: number): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let answer = await graphRequest(client, 'GET', path, undefined, { ...query, $top: limit !== undefined ? Math.min(limit, 100) : 100 });
  for (;;) {
    all.push(...((answer.value as JsonObject[] | undefined) ?? []));
    if (limit !== undefined && all.length >= limit) return all.slice(0, limit);
    const next = answer['@odata.nextLink'];
    if (typeof next !== 'string' || !next) return all;
    answer = await graphRequest(client, 'GET', next);
  }
}
