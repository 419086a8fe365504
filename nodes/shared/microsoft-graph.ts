// What every Microsoft Graph node shares (Outlook, Teams, the Teams Trigger): the base URL, one call
// with a Bearer token (a 429 waited out, a refused token renewed once), Graph's error body as the
// node error's description, and lists followed through `@odata.nextLink`.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { apiStatusMessage } from './http-status-messages.ts';
import { latestOAuth2Token } from './oauth2-retry.ts';
import { sendWaitingOutRateLimits } from './rate-limit.ts';
import { serviceUrl } from './service-url.ts';

const TIMEOUT_MS = 300_000;

export const graphBaseUrl = () => serviceUrl('microsoft-graph', 'https://graph.microsoft.com');

/** A node's way to Graph: its context, a transport, and the credential's access token. */
export interface GraphConnection { ctx: ExecuteContext; transport: Dispatcher; token: string }

export interface GraphAnswer { json: unknown; body: Buffer; headers: Record<string, string | string[]> }

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What Graph said in an error body ({error: {code, message}}), else the body's start. */
export function graphSaid(text: string): string {
  const error = (parse(text) as { error?: { code?: string; message?: string } } | undefined)?.error;
  if (error?.message) return error.code ? `${error.code}: ${error.message}` : error.message;
  return text.slice(0, 500);
}

/** One call to a full URL; a JSON `body` is sent as such. */
export async function sendGraph(client: GraphConnection, method: string, url: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<GraphAnswer> {
  const { ctx } = client;
  const headers: Record<string, string> = { authorization: `Bearer ${latestOAuth2Token(ctx, client.token)}`, accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: graphSaid(text) });
  return { json: text === '' ? undefined : parse(text), body: response.body, headers: response.headers };
}

/** An answer as an object (an empty one when Graph sent none or something else). */
export const graphObject = (json: unknown): JsonObject =>
  json && typeof json === 'object' && !Array.isArray(json) ? (json as JsonObject) : {};

/**
 * Every page's `value` (n8n's microsoftApiRequestAllItems): from the first page, each
 * `@odata.nextLink` as given, stopping once `limit` entries are in.
 */
export async function allGraphPages(first: JsonObject, next: (link: string) => Promise<JsonObject>, limit?: number): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let answer = first;
  for (;;) {
    all.push(...((answer.value as JsonObject[] | undefined) ?? []));
    if (limit !== undefined && all.length >= limit) return all.slice(0, limit);
    const link = answer['@odata.nextLink'];
    if (typeof link !== 'string' || !link) return all;
    answer = await next(link);
  }
}
