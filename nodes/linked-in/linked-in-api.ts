// Calls to LinkedIn's REST API as n8n's LinkedIn node makes them: `/rest/<endpoint>` (or `/v2/...`
// as given) with a Bearer token, `X-Restli-Protocol-Version: 2.0.0` and `LinkedIn-Version: 202404`;
// a 201 answers `{urn}` from the `x-restli-id` header; image bytes go to the upload URL LinkedIn hands
// out. A 429 is waited out (Retry-After) a few times; failures carry LinkedIn's `message`.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { param } from '../shared/params.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 60_000;

export const linkedInBaseUrl = () => serviceUrl('linkedin', 'https://api.linkedin.com');

export interface LinkedInClient { ctx: ExecuteContext; transport: Dispatcher; token: string; legacy: boolean }

export async function linkedInClient(ctx: ExecuteContext): Promise<LinkedInClient> {
  const standard = param(ctx, 'authentication', 0, 'standard') === 'standard';
  const credential = await ctx.credentials.get(standard ? 'linkedInOAuth2Api' : 'linkedInCommunityManagementOAuth2Api');
  const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The LinkedIn OAuth2 credential has no access token', { description: 'Connect the credential first' });
  return {
    ctx, transport: createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks }),
    token, legacy: standard && credential.legacy !== false,
  };
}

export interface LinkedInRequest {
  method: 'GET' | 'POST';
  /** `/posts` (→ /rest/posts), `/v2/userinfo` (as is), or an absolute upload URL. */
  endpoint: string;
  json?: JsonObject;
  upload?: { data: Buffer; contentType: string };
}

export async function linkedInRequest(client: LinkedInClient, request: LinkedInRequest): Promise<JsonObject> {
  const { ctx } = client;
  const absolute = /^https?:\/\//.test(request.endpoint);
  const url = absolute ? request.endpoint : `${linkedInBaseUrl()}${request.endpoint.includes('v2') ? '' : '/rest'}${request.endpoint}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${client.token}`, accept: 'application/json', 'x-restli-protocol-version': '2.0.0', 'linkedin-version': '202404',
  };
  let body: Buffer | string | undefined;
  if (request.upload) {
    body = request.upload.data;
    headers['content-type'] = request.upload.contentType;
  } else if (request.json) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
  }
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    let answer: JsonObject | undefined;
    try {
      answer = text ? (JSON.parse(text) as JsonObject) : undefined;
    } catch { /* not JSON */ }
    if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryAfterMs(response.headers['retry-after'] as string | undefined) ?? 1000;
      if (wait <= MAX_RETRY_AFTER_MS) {
        await pause(wait, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) {
      const said = typeof answer?.message === 'string' && answer.message ? answer.message : apiStatusMessage(response.statusCode);
      throw new NodeOperationError(ctx.node.name, said, {
        description: `${apiStatusMessage(response.statusCode)} (${response.statusCode})${typeof answer?.serviceErrorCode === 'number' ? ` - service error ${answer.serviceErrorCode}` : ''}`,
      });
    }
    // As n8n: a created entity answers its URN from the x-restli-id header.
    if (response.statusCode === 201) return { urn: response.headers['x-restli-id'] as string };
    return answer ?? {};
  }
}
