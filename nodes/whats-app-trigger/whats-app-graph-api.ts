// Calls to Meta's Graph API (v19.0) as n8n's WhatsApp Trigger makes them: an app access token from
// POST /oauth/access_token (client_credentials with the app's id and secret), then Bearer calls with
// form bodies on the app's /subscriptions edge. Graph's `{error: {message, …}}` bodies become node
// errors saying what Meta said; a 429 is waited out (Retry-After) a few times.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, type HttpResponse } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
export const GRAPH_VERSION = 'v19.0';

export const whatsAppGraphUrl = () => `${serviceUrl('whatsapp', 'https://graph.facebook.com')}/${GRAPH_VERSION}`;

/** What Graph said in an error body: its error.message, else the text. */
export function graphErrorDescription(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    const error = body.error as JsonObject | undefined;
    if (error && typeof error.message === 'string') return error.message;
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 500) : undefined;
}

interface Exchange { method: 'GET' | 'POST' | 'DELETE'; url: string; headers?: Record<string, string>; form?: JsonObject }

function formText(fields: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== null) params.append(key, String(value));
  return params.toString();
}

/** One exchange with 429s waited out; answers the parsed JSON or throws what Graph said. */
export async function graphExchange(nodeName: string, exchange: Exchange, options: { signal: AbortSignal; blockPrivateNetworks: boolean; timeoutMs?: number }): Promise<JsonObject> {
  const headers: Record<string, string> = { accept: 'application/json', ...exchange.headers };
  if (exchange.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  const spec = { method: exchange.method, url: exchange.url, headers, ...(exchange.form ? { body: formText(exchange.form) } : {}) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: options.blockPrivateNetworks });
  try {
    let response: HttpResponse;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: options.timeoutMs ?? TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: options.signal, blockPrivateNetworks: options.blockPrivateNetworks });
    } catch (error) {
      throw serviceCallError(nodeName, error, 0);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const description = graphErrorDescription(text);
      throw new NodeOperationError(nodeName, apiStatusMessage(response.statusCode), { ...(description ? { description } : {}) });
    }
    try {
      return text.trim() ? (JSON.parse(text) as JsonObject) : {};
    } catch {
      throw new NodeOperationError(nodeName, 'Meta answered with something that is not JSON', { description: text.slice(0, 200) });
    }
  } finally {
    await transport.close();
  }
}

/** The app access token for the credential's app (client_credentials grant). */
export async function appAccessToken(nodeName: string, credential: Record<string, unknown>, options: { signal: AbortSignal; blockPrivateNetworks: boolean; timeoutMs?: number }): Promise<string> {
  const answer = await graphExchange(nodeName, {
    method: 'POST', url: `${whatsAppGraphUrl()}/oauth/access_token`,
    form: { client_id: String(credential.clientId ?? ''), client_secret: String(credential.clientSecret ?? ''), grant_type: 'client_credentials' },
  }, options);
  if (typeof answer.access_token !== 'string') throw new NodeOperationError(nodeName, 'Meta did not answer with an app access token');
  return answer.access_token;
}

export interface AppSubscription { object: string; callback_url: string; active: boolean; fields: Array<{ name: string; version?: string }> }

async function appCall(ctx: ExecuteContext, method: 'GET' | 'POST' | 'DELETE', form?: JsonObject): Promise<JsonObject> {
  const credential = await ctx.credentials.get('whatsAppTriggerApi');
  const options = { signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks };
  const token = await appAccessToken(ctx.node.name, credential, options);
  const url = `${whatsAppGraphUrl()}/${encodeURIComponent(String(credential.clientId ?? ''))}/subscriptions`;
  return graphExchange(ctx.node.name, { method, url, headers: { authorization: `Bearer ${token}` }, ...(form ? { form } : {}) }, options);
}

export const listSubscriptions = async (ctx: ExecuteContext) => ((await appCall(ctx, 'GET')).data ?? []) as unknown as AppSubscription[];
export const createSubscription = (ctx: ExecuteContext, subscription: JsonObject) => appCall(ctx, 'POST', subscription);
export const deleteSubscription = (ctx: ExecuteContext, object: string) => appCall(ctx, 'DELETE', { object });
