// Calls to Microsoft Graph the way n8n's Teams node makes them: a Bearer token from the
// `microsoftTeamsOAuth2Api` credential, paths under /v1.0 (or /beta, which n8n uses for channel
// messages), JSON bodies, lists followed through `@odata.nextLink`. Graph's error body becomes the
// node error's description; a 429 is waited out (Retry-After); a refused token is renewed once.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { latestOAuth2Token } from '../shared/oauth2-retry.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { queryString } from '../shared/rest-call.ts';
import { graphBaseUrl, graphSaid } from '../microsoft-outlook/microsoft-outlook-api.ts';

const TIMEOUT_MS = 300_000;
export const TEAMS_CREDENTIAL = 'microsoftTeamsOAuth2Api';

export interface TeamsClient { ctx: ExecuteContext; transport: Dispatcher; token: string }

export async function teamsClient(ctx: ExecuteContext, transport: Dispatcher): Promise<TeamsClient> {
  const credential = await ctx.credentials.get(TEAMS_CREDENTIAL);
  const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The Microsoft Teams OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return { ctx, transport, token };
}

/** Runs `work` with a client on a transport of its own, closed afterwards (runs and editor methods alike). */
export async function withTeamsClient<T>(ctx: ExecuteContext, work: (client: TeamsClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await work(await teamsClient(ctx, transport));
  } finally {
    await transport.close();
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface GraphCallOptions { body?: unknown; query?: JsonObject; headers?: Record<string, string> }

/** One call; `path` starts with the API version (`/v1.0/…`, `/beta/…`) or is an absolute nextLink. */
export async function graphRequest(client: TeamsClient, method: string, path: string, options: GraphCallOptions = {}): Promise<JsonObject> {
  const { ctx } = client;
  const url = /^https?:\/\//.test(path) ? path : `${graphBaseUrl()}${path}${queryString(options.query)}`;
  const headers: Record<string, string> = { authorization: `Bearer ${latestOAuth2Token(ctx, client.token)}`, accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await sendWaitingOutRateLimits(client.transport, { method, url, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: graphSaid(text) });
  const answer = text === '' ? undefined : parse(text);
  return answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as JsonObject) : {};
}

/**
 * Every page's `value` (n8n's microsoftApiRequestAllItems): the first call with `query`, then each
 * `@odata.nextLink` as given, stopping once `limit` entries are in.
 */
export async function graphRequestAll(client: TeamsClient, path: string, query: JsonObject = {}, limit?: number): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  let answer = await graphRequest(client, 'GET', path, { query });
  for (;;) {
    all.push(...((answer.value as JsonObject[] | undefined) ?? []));
    if (limit !== undefined && all.length >= limit) return all.slice(0, limit);
    const next = answer['@odata.nextLink'];
    if (typeof next !== 'string' || !next) return all;
    answer = await graphRequest(client, 'GET', next);
  }
}

/** A path segment from an id the user gave (chat and channel ids hold `:` and `@`). */
export const segment = (id: string) => encodeURIComponent(id);
