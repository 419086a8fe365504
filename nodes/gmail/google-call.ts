// One JSON call to a Google REST API (Gmail, Calendar) as n8n's Google nodes make it: a Bearer token
// from the node's credential (service account or OAuth2), repeated query keys for arrays, and
// Google's `{error: {code, message}}` turned into a node error. The shared loop waits out a 429 a
// few times and, for an OAuth2 credential, renews a token Google refuses with 401 and sends once more
// (a service account's token is not the node's OAuth2 token, so it is never "renewed" that way).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { latestOAuth2Token } from '../shared/oauth2-retry.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { googleMessage } from '../google-shared/google-errors.ts';

const TIMEOUT_MS = 300_000;

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

export interface GoogleClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  credentialType: string;
  scopes: readonly string[];
  baseUrl: string;
  /** The service's own wording for a failed call (n8n's per-node error messages); default n8n's by status. */
  describe?: (status: number, said: string | undefined) => string | undefined;
}

export function queryString(query: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const entry of Array.isArray(value) ? value : [value]) search.append(key, String(entry));
  }
  return search.size ? `?${search.toString()}` : '';
}

export async function googleCall(client: GoogleClient, method: string, path: string,
  options: { body?: unknown; query?: Record<string, QueryValue> } = {}): Promise<JsonObject> {
  const { ctx } = client;
  // A token renewed earlier in this run replaces the one read from the credential, should it lag behind.
  const token = latestOAuth2Token(ctx, await googleAccessToken(ctx, client.transport, client.credentialType, client.scopes));
  const url = `${client.baseUrl}${path}${queryString(options.query ?? {})}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(payload !== undefined ? { body: payload } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) {
    const said = googleMessage(text);
    const message = client.describe?.(response.statusCode, said) ?? apiStatusMessage(response.statusCode);
    throw new NodeOperationError(ctx.node.name, message, { description: said ?? text.slice(0, 500) });
  }
  if (!text.trim()) return {};
  return JSON.parse(text) as JsonObject;
}

/** Every page of a list call (`pageToken` / `nextPageToken`), the `property` arrays joined. */
export async function googleCallAll(client: GoogleClient, path: string, property: string,
  query: Record<string, QueryValue> = {}, pageSize = 100): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let pageToken: string | undefined;
  do {
    const page = await googleCall(client, 'GET', path, { query: { ...query, maxResults: pageSize, pageToken } });
    all.push(...((page[property] as JsonObject[] | undefined) ?? []));
    pageToken = typeof page.nextPageToken === 'string' && page.nextPageToken ? page.nextPageToken : undefined;
  } while (pageToken);
  return all;
}
