// Calls to Microsoft Graph the way n8n's Teams node makes them: a Bearer token from the
// `microsoftTeamsOAuth2Api` credential, paths under /v1.0 (or /beta, which n8n uses for channel
// messages), JSON bodies, lists followed through `@odata.nextLink`. Graph's error body becomes the
// node error's description; a 429 is waited out (Retry-After); a refused token is renewed once.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { allGraphPages, graphBaseUrl, graphObject, sendGraph, type GraphConnection } from '../shared/microsoft-graph.ts';
import { queryString } from '../shared/rest-call.ts';
export const TEAMS_CREDENTIAL = 'microsoftTeamsOAuth2Api';

export type TeamsClient = GraphConnection;

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

export interface GraphCallOptions { body?: unknown; query?: JsonObject; headers?: Record<string, string> }

/** One call; `path` starts with the API version (`/v1.0/…`, `/beta/…`) or is an absolute nextLink. */
export async function graphRequest(client: TeamsClient, method: string, path: string, options: GraphCallOptions = {}): Promise<JsonObject> {
  const url = /^https?:\/\//.test(path) ? path : `${graphBaseUrl()}${path}${queryString(options.query)}`;
  return graphObject((await sendGraph(client, method, url, { body: options.body, headers: options.headers })).json);
}

/** Every page's `value`: the first call with `query`, then each `@odata.nextLink`, up to `limit` entries. */
export async function graphRequestAll(client: TeamsClient, path: string, query: JsonObject = {}, limit?: number): Promise<JsonObject[]> {
  return allGraphPages(await graphRequest(client, 'GET', path, { query }), (next) => graphRequest(client, 'GET', next), limit);
}

/** A path segment from an id the user gave (chat and channel ids hold `:` and `@`). */
export const segment = (id: string) => encodeURIComponent(id);
