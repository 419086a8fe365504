// Calls to Calendly as n8n's Calendly Trigger makes them. API v2 (https://api.calendly.com) with a
// personal access token or OAuth2 access token as Bearer; the legacy v1 API
// (https://calendly.com/api/v1) with an old API key as X-TOKEN, chosen as n8n chooses: a key
// without dots is a legacy key. 429s are waited out a few times (Retry-After); Calendly's error
// bodies (`{title, message, details}`) become node errors with n8n's wording for the status.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

export const calendlyBaseUrl = () => serviceUrl('calendly', 'https://api.calendly.com');
export const calendlyLegacyUrl = () => serviceUrl('calendly-v1', 'https://calendly.com/api/v1');

const TIMEOUT_MS = 60_000;

/** n8n's getAuthenticationType: an access token is a JWT (it has dots); anything else is a v1 key. */
export const keyKind = (key: string): 'accessToken' | 'apiKey' => (key.includes('.') ? 'accessToken' : 'apiKey');

export interface CalendlyAuth {
  kind: 'accessToken' | 'apiKey';
  headers: Record<string, string>;
}

export async function calendlyAuth(ctx: ExecuteContext): Promise<CalendlyAuth> {
  if (param(ctx, 'authentication', 0, 'apiKey') === 'oAuth2') {
    const token = ((await ctx.credentials.get('calendlyOAuth2Api')).oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The Calendly OAuth2 credential has no access token', { description: 'Connect the credential first' });
    return { kind: 'accessToken', headers: { authorization: `Bearer ${token}` } };
  }
  const key = String((await ctx.credentials.get('calendlyApi')).apiKey ?? '');
  return keyKind(key) === 'accessToken'
    ? { kind: 'accessToken', headers: { authorization: `Bearer ${key}` } }
    : { kind: 'apiKey', headers: { 'x-token': key } };
}

/** What Calendly said: `message` plus the details' messages, or `title`. */
export function calendlyDescription(body: unknown, text: string): string | undefined {
  const object = body && typeof body === 'object' ? (body as JsonObject) : undefined;
  const message = typeof object?.message === 'string' ? object.message : typeof object?.title === 'string' ? object.title : undefined;
  const details = Array.isArray(object?.details)
    ? (object.details as JsonObject[]).map((d) => [d?.parameter, d?.message].filter(Boolean).join(': ')).filter(Boolean) : [];
  if (message) return details.length ? `${message} (${details.join('; ')})` : message;
  return text.trim() ? text.slice(0, 300) : undefined;
}

export interface CalendlyCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path under the API root, or an absolute resource URI (v2 resources are named by URI). */
  path: string;
  query?: Record<string, string>;
  body?: JsonObject;
}

export class CalendlyClient {
  private readonly transport: Dispatcher;
  constructor(private readonly ctx: ExecuteContext, readonly auth: CalendlyAuth) {
    this.transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  }

  /** A v2 resource URI onto the configured API root (the same path under WEFT_CALENDLY_API_URL). */
  private urlOf(path: string): string {
    const root = this.auth.kind === 'apiKey' ? calendlyLegacyUrl() : calendlyBaseUrl();
    const pathname = /^https?:\/\//.test(path) ? new URL(path).pathname : path;
    return `${root.replace(/\/$/, '')}${pathname}`;
  }

  async request(call: CalendlyCall): Promise<JsonObject> {
    const query = new URLSearchParams(call.query ?? {}).toString();
    const headers: Record<string, string> = { ...this.auth.headers, accept: 'application/json' };
    if (call.body) headers['content-type'] = 'application/json';
    const spec = { method: call.method, url: `${this.urlOf(call.path)}${query ? `?${query}` : ''}`, headers, ...(call.body ? { body: JSON.stringify(call.body) } : {}) };
    let response;
    try {
      response = await sendWaitingOutRateLimits(this.transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: this.ctx.signal, blockPrivateNetworks: this.ctx.blockPrivateNetworks, oauth2: this.ctx });
    } catch (error) {
      throw serviceCallError(this.ctx.node.name, error, 0);
    }
    const text = response.body.toString('utf8');
    let body: unknown;
    try { body = text.trim() ? JSON.parse(text) : {}; } catch { body = undefined; }
    if (response.statusCode >= 400) {
      const description = calendlyDescription(body, text);
      throw new NodeOperationError(this.ctx.node.name, apiStatusMessage(response.statusCode), description ? { description } : {});
    }
    if (body === undefined) throw new NodeOperationError(this.ctx.node.name, 'Calendly answered with something that is not JSON', { description: text.slice(0, 200) });
    return body as JsonObject;
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

export async function withCalendly<T>(ctx: ExecuteContext, run: (client: CalendlyClient) => Promise<T>): Promise<T> {
  const client = new CalendlyClient(ctx, await calendlyAuth(ctx));
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}
