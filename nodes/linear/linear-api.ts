// Calls to Linear's GraphQL API (POST {base}/graphql) as n8n's Linear node makes them: the API key
// as the bare Authorization header (OAuth2: a Bearer token), `errors` in an answer becoming a node
// error with Linear's message and its userPresentableMessage as description, cursor paging
// (`first`/`after`, `pageInfo.endCursor`/`hasNextPage`, 50 a page), and a 429 waited out.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import type { OAuth2RetryContext } from '../shared/oauth2-retry.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const linearBaseUrl = () => serviceUrl('linear', 'https://api.linear.app');

async function authorization(ctx: ExecuteContext): Promise<string> {
  if (param(ctx, 'authentication', 0, 'apiToken') === 'apiToken') return String((await ctx.credentials.get('linearApi')).apiKey ?? '');
  const data = (await ctx.credentials.get('linearOAuth2Api')).oauthTokenData as JsonObject | undefined;
  if (typeof data?.access_token !== 'string' || !data.access_token) {
    throw new NodeOperationError(ctx.node.name, 'The Linear OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return `Bearer ${data.access_token}`;
}

/** Linear's first error as n8n words it: its message, and the text meant for people as description. */
export function linearError(nodeName: string, errors: unknown, fallback: string, itemIndex?: number): NodeOperationError {
  const first = (Array.isArray(errors) ? errors[0] : undefined) as JsonObject | undefined;
  const presentable = (first?.extensions as JsonObject | undefined)?.userPresentableMessage;
  return new NodeOperationError(nodeName, typeof first?.message === 'string' ? first.message : fallback, {
    ...(itemIndex !== undefined ? { itemIndex } : {}), ...(typeof presentable === 'string' ? { description: presentable } : {}),
  });
}

/** One GraphQL call with the raw Authorization value; `oauth2`, the running node, renews a refused OAuth2 token once. */
export async function linearPost(ctx: Pick<ExecuteContext, 'signal' | 'blockPrivateNetworks'> & { node: { name: string } }, auth: string, body: JsonObject, itemIndex = 0, oauth2?: OAuth2RetryContext): Promise<JsonObject> {
  const spec = { method: 'POST', url: `${linearBaseUrl()}/graphql`, headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2 });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, itemIndex);
    }
    const text = response.body.toString('utf8');
    let answer: JsonObject | undefined;
    try { answer = text.trim() ? (JSON.parse(text) as JsonObject) : {}; } catch { answer = undefined; }
    if (answer?.errors) throw linearError(ctx.node.name, answer.errors, 'Unknown API error', itemIndex);
    if (response.statusCode >= 400 || !answer) {
      throw new NodeOperationError(ctx.node.name, response.statusCode >= 400 ? apiStatusMessage(response.statusCode) : 'Linear answered with something that is not JSON', { itemIndex, description: text.slice(0, 300) });
    }
    return answer;
  } finally {
    await transport.close();
  }
}

export async function linearRequest(ctx: ExecuteContext, query: string, variables: JsonObject, itemIndex = 0): Promise<JsonObject> {
  return linearPost(ctx, await authorization(ctx), { query, variables }, itemIndex, ctx);
}

/**
 * The nodes of a paged connection under `data.<field>`, 50 a page (`limit` when smaller). Like n8n
 * it stops once `limit` are in but keeps the whole last page (a limit of 60 gives 100).
 */
export async function linearRequestAll(ctx: ExecuteContext, field: string, query: string, variables: JsonObject, itemIndex = 0, limit?: number): Promise<JsonObject[]> {
  const nodes: JsonObject[] = [];
  const vars: JsonObject = { ...variables, first: limit && limit < 50 ? limit : 50, after: null };
  for (;;) {
    const answer = await linearRequest(ctx, query, vars, itemIndex);
    const connection = ((answer.data as JsonObject | undefined)?.[field] ?? {}) as JsonObject;
    nodes.push(...((connection.nodes ?? []) as JsonObject[]));
    const info = (connection.pageInfo ?? {}) as JsonObject;
    vars.after = info.endCursor ?? null;
    if (limit && nodes.length >= limit) return nodes;
    if (info.hasNextPage !== true) return nodes;
  }
}
