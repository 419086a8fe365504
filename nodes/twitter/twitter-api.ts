// Calls to X's APIs as n8n's X node makes them: v2 (`/2/...`, JSON, Bearer token of the OAuth2
// credential) and v1.1 (`/1.1/...`, signed with OAuth 1.0a HMAC-SHA1 by the oauth-1.0a library over
// the query and form parameters). A 429 is waited out until `x-rate-limit-reset` (or Retry-After) a few
// times; failures say what X answered (v2 problem `detail`/`errors`, v1.1 `errors[].message`).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send, type HttpResponse } from '../http-request/send.ts';
import { oauth1Authorization } from '../shared/oauth1.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_WAIT_MS = 60_000;

export const twitterBaseUrl = () => serviceUrl('twitter', 'https://api.twitter.com');
/** v1.1 media uploads live on their own host. */
export const twitterUploadUrl = () => serviceUrl('twitter_upload', 'https://upload.twitter.com');

export interface TwitterClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  /** v2: the OAuth2 bearer token; v1: the OAuth 1.0a consumer and token. */
  auth: { kind: 'bearer'; token: string } | { kind: 'oauth1'; consumer: { key: string; secret: string }; token: { key: string; secret: string } };
}

export async function twitterClient(ctx: ExecuteContext, version: 1 | 2): Promise<TwitterClient> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  if (version === 2) {
    const credential = await ctx.credentials.get('twitterOAuth2Api');
    const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The X OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return { ctx, transport, auth: { kind: 'bearer', token } };
  }
  const credential = await ctx.credentials.get('twitterOAuth1Api');
  const data = (credential.oauthTokenData ?? {}) as JsonObject;
  return { ctx, transport, auth: { kind: 'oauth1',
    consumer: { key: String(credential.consumerKey ?? ''), secret: String(credential.consumerSecret ?? '') },
    token: { key: String(data.oauth_token ?? ''), secret: String(data.oauth_token_secret ?? '') } } };
}

/** The OAuth 1.0a Authorization header for a request whose signed parameters are the URL's query and `form`. */
export function oauth1Header(consumer: { key: string; secret: string }, token: { key: string; secret: string }, method: string, url: string, form?: Record<string, string>): string {
  return oauth1Authorization({ consumerKey: consumer.key, consumerSecret: consumer.secret, token }, { method, url, ...(form ? { form } : {}) });
}

function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  const text = params.toString().replace(/\+/g, '%20');
  return text ? `?${text}` : '';
}

/** How long X asks us to wait: until x-rate-limit-reset (epoch seconds), else Retry-After. */
function rateLimitWait(response: HttpResponse): number {
  const reset = Number(response.headers['x-rate-limit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return retryAfterMs(response.headers['retry-after'] as string | undefined) ?? 1000;
}

function twitterError(ctx: ExecuteContext, status: number, answer: JsonObject | undefined): NodeOperationError {
  const errors = Array.isArray(answer?.errors) ? (answer.errors as JsonObject[]) : [];
  const first = typeof errors[0]?.message === 'string' ? String(errors[0].message) : '';
  if ((answer?.required_enrollment ?? '') === 'Appropriate Level of API Access') {
    return new NodeOperationError(ctx.node.name, 'The operation requires Twitter Api to be either Basic or Pro.');
  }
  if (first.includes('must be ')) return new NodeOperationError(ctx.node.name, first);
  const said = (typeof answer?.detail === 'string' && answer.detail) || first || apiStatusMessage(status);
  return new NodeOperationError(ctx.node.name, said, {
    description: `${apiStatusMessage(status)} (${status})${errors[0]?.code !== undefined ? ` - X error ${String(errors[0].code)}` : ''}`,
  });
}

export interface TwitterRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/2/tweets`, `/1.1/statuses/update.json`, … */
  path: string;
  query?: JsonObject;
  json?: JsonObject;
  form?: Record<string, string>;
  /** Another host than the API's (media uploads). */
  baseUrl?: string;
}

export async function twitterRequest(client: TwitterClient, request: TwitterRequest): Promise<JsonObject> {
  const { ctx, auth } = client;
  const url = `${request.baseUrl ?? twitterBaseUrl()}${request.path}${queryString(request.query)}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (request.form) {
    body = new URLSearchParams(request.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (request.json) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
  }
  for (let attempt = 0; ; attempt++) {
    // Signed per attempt: each signature carries a fresh nonce and timestamp.
    headers.authorization = auth.kind === 'bearer' ? `Bearer ${auth.token}` : oauth1Header(auth.consumer, auth.token, request.method, url, request.form);
    const response = await send(client.transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    let answer: JsonObject | undefined;
    try {
      answer = text ? (JSON.parse(text) as JsonObject) : undefined;
    } catch { /* not JSON */ }
    if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = rateLimitWait(response);
      if (wait <= MAX_WAIT_MS) {
        await pause(wait, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) throw twitterError(ctx, response.statusCode, answer);
    return answer ?? {};
  }
}
