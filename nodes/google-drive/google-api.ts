// Calls to Google's REST APIs (Drive v3, Docs v1, Sheets v4) for the Drive, Docs and trigger nodes:
// a Bearer token from the node's Google credential, JSON or raw bodies, Google's
// `{error: {code, message}}` answers turned into node errors that repeat Google's message, a 429
// waited out a few times as Retry-After asks, and a 401 to an OAuth2 token renewed once (shared loop).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { createTransport, type HttpResponse } from '../http-request/send.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { googleMessage } from '../google-shared/google-errors.ts';

const TIMEOUT_MS = 300_000;

export const driveBaseUrl = () => serviceUrl('google-drive', 'https://www.googleapis.com');
export const docsBaseUrl = () => serviceUrl('google-docs', 'https://docs.googleapis.com');

export interface GoogleClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  /** The credential type the node's `authentication` picked. */
  credentialType: string;
  scopes: readonly string[];
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface GoogleCall {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** An absolute URL (base included). */
  url: string;
  query?: Query;
  json?: unknown;
  /** A raw body with its content type (uploads). */
  raw?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
}

/** Runs `work` with a client on a fresh transport, closing it afterwards. */
export async function withGoogleClient<T>(ctx: ExecuteContext, credentialType: string, scopes: readonly string[], work: (client: GoogleClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work({ ctx, transport, credentialType, scopes });
  } finally {
    await transport.close();
  }
}

export function withQuery(url: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') search.append(key, String(value));
  return search.size ? `${url}${url.includes('?') ? '&' : '?'}${search.toString()}` : url;
}

/** One call; answers the raw response (any status below 400). */
export async function googleRaw(client: GoogleClient, call: GoogleCall): Promise<HttpResponse> {
  const { ctx } = client;
  const token = await googleAccessToken(ctx, client.transport, client.credentialType, client.scopes);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', ...call.headers };
  let body: Buffer | string | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] = 'application/json';
  } else if (call.raw) {
    body = call.raw.data;
    headers['content-type'] = call.raw.contentType;
  }
  const url = withQuery(call.url, call.query);
  const response = await sendWaitingOutRateLimits(client.transport, { method: call.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  if (response.statusCode >= 400) {
    const text = response.body.toString('utf8');
    const said = googleMessage(text);
    // As n8n's NodeApiError: the status's wording, Google's own message as the description.
    throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: said ?? text.slice(0, 500) });
  }
  return response;
}

/** One call answered with JSON (an empty body is `{}`). */
export async function googleJson(client: GoogleClient, call: GoogleCall): Promise<JsonObject> {
  const response = await googleRaw(client, call);
  const text = response.body.toString('utf8');
  if (!text.trim()) return {};
  return JSON.parse(text) as JsonObject;
}

/** Follows `nextPageToken` until the list ends (or `max` entries are in). */
export async function googleAll(client: GoogleClient, call: GoogleCall, key: string, max = Infinity): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let pageToken: string | undefined;
  do {
    const page = await googleJson(client, { ...call, query: { ...call.query, pageToken } });
    all.push(...((page[key] as JsonObject[] | undefined) ?? []));
    pageToken = typeof page.nextPageToken === 'string' && page.nextPageToken ? page.nextPageToken : undefined;
  } while (pageToken && all.length < max);
  return all.slice(0, max);
}
