// Calls to Typeform's Create API (https://api.typeform.com) as n8n's Typeform Trigger makes them:
// the token as `bearer` (or the OAuth2 access token), JSON bodies, `page`/`page_size` paging with
// `page_count`, and a 429 waited out (Retry-After) a few times. Typeform's error bodies
// (`{code, description}`) become node errors saying what Typeform said.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const typeformBaseUrl = () => serviceUrl('typeform', 'https://api.typeform.com');

/** What Typeform said in an error body: its description, else its code, else the text. */
export function typeformDescription(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    if (typeof body.description === 'string' && body.description) return body.description;
    if (typeof body.code === 'string') return body.code;
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 500) : undefined;
}

async function token(ctx: ExecuteContext): Promise<string> {
  if (param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2') {
    const data = (await ctx.credentials.get('typeformOAuth2Api')).oauthTokenData as JsonObject | undefined;
    const value = data?.access_token;
    if (typeof value !== 'string' || !value) throw new NodeOperationError(ctx.node.name, 'The Typeform OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return `Bearer ${value}`;
  }
  return `bearer ${String((await ctx.credentials.get('typeformApi')).accessToken ?? '')}`;
}

export async function typeformRequest(ctx: ExecuteContext, method: 'GET' | 'PUT' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<JsonObject> {
  const authorization = await token(ctx);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value));
  const search = params.toString();
  const headers: Record<string, string> = { authorization, accept: 'application/json' };
  if (body) headers['content-type'] = 'application/json';
  const spec = { method, url: `${typeformBaseUrl()}${path}${search ? `?${search}` : ''}`, headers, ...(body ? { body: JSON.stringify(body) } : {}) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, 0);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const description = typeformDescription(text);
      throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { ...(description ? { description } : {}) });
    }
    try {
      return text.trim() ? (JSON.parse(text) as JsonObject) : {};
    } catch {
      throw new NodeOperationError(ctx.node.name, 'Typeform answered with something that is not JSON', { description: text.slice(0, 200) });
    }
  } finally {
    await transport.close();
  }
}

/** Every entry of a paged list, n8n's way: `page_size` 200 and pages until `page_count`. */
export async function typeformRequestAll(ctx: ExecuteContext, path: string): Promise<JsonObject[]> {
  const items: JsonObject[] = [];
  for (let page = 1; ; page++) {
    const answer = await typeformRequest(ctx, 'GET', path, undefined, { page_size: 200, page });
    items.push(...((answer.items as JsonObject[] | undefined) ?? []));
    if (answer.page_count === undefined || Number(answer.page_count) <= page) return items;
  }
}
