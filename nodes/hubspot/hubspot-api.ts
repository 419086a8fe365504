// Calls to HubSpot's API the way n8n's HubSpot node makes them: JSON to api.hubapi.com with the
// legacy API key as `hapikey`, or a Bearer token (app token, OAuth2); paginated lists followed by
// `offset`/`vid-offset` with `has-more`/`hasMore`, and the CRM v3 search by `paging.next.after`.
// HubSpot's error body ({status, message, category}) becomes the node error's description; a 429
// is waited out (Retry-After, else a second).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const hubspotBaseUrl = () => serviceUrl('hubspot', 'https://api.hubapi.com');

export interface HubspotClient { ctx: ExecuteContext; transport: Dispatcher }

type Auth = { query?: Record<string, string>; header?: string };

async function authFor(ctx: ExecuteContext): Promise<Auth> {
  const method = param(ctx, 'authentication', 0, 'apiKey');
  if (method === 'apiKey') return { query: { hapikey: String((await ctx.credentials.get('hubspotApi')).apiKey ?? '') } };
  if (method === 'appToken') return { header: `Bearer ${String((await ctx.credentials.get('hubspotAppToken')).appToken ?? '')}` };
  const token = ((await ctx.credentials.get('hubspotOAuth2Api')).oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The HubSpot OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return { header: `Bearer ${token}` };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What HubSpot said in a failed answer: its message (with the category), else the text. */
export function hubspotSaid(text: string): string {
  const json = parse(text) as JsonObject | undefined;
  if (json && typeof json.message === 'string') return json.category ? `${json.message} (${String(json.category)})` : json.message;
  return text.slice(0, 500);
}

/** HubSpot wants repeated keys for lists (`property=a&property=b`), as n8n's useQuerystring sends them. */
function queryString(query: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, String(one));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function hubspotRequest(client: HubspotClient, method: string, endpoint: string, body?: unknown, query: JsonObject = {}): Promise<unknown> {
  const { ctx } = client;
  const auth = await authFor(ctx);
  const url = `${hubspotBaseUrl()}${endpoint}${queryString({ ...query, ...(auth.query ?? {}) })}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (auth.header) headers.authorization = auth.header;
  const hasBody = body !== undefined && !(typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
  if (hasBody) headers['content-type'] = 'application/json';
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(hasBody ? { body: JSON.stringify(body) } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: hubspotSaid(text) });
  return text === '' ? undefined : (parse(text) ?? text);
}

/**
 * Every page of a list, n8n's way: `limit` 250 and `count` 100 in the query (`limit` 100 in a
 * search body), then `offset`/`vidOffset` from the answer, or the search's `paging.next.after`,
 * while the answer says there is more.
 */
export async function hubspotRequestAll(client: HubspotClient, property: string, method: string, endpoint: string, body: JsonObject = {}, query: JsonObject = {}): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  const q: JsonObject = { ...query, limit: query.limit ?? 250, count: 100 };
  const b: JsonObject = method === 'GET' ? {} : { ...body, limit: body.limit ?? 100 };
  for (;;) {
    const answer = (await hubspotRequest(client, method, endpoint, method === 'GET' ? undefined : b, q) ?? {}) as JsonObject;
    q.offset = answer.offset;
    q.vidOffset = answer['vid-offset'];
    const paging = answer.paging as { next?: { after?: string } } | undefined;
    if (paging?.next?.after !== undefined) b.after = paging.next.after;
    if (method !== 'GET' && answer.offset !== undefined) b.offset = answer.offset;
    const entries = answer[property];
    if (Array.isArray(entries)) all.push(...(entries as JsonObject[]));
    if (!(answer.hasMore || answer['has-more'] || paging?.next?.after !== undefined)) return all;
  }
}
