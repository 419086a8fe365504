// Calls to JotForm's API (https://api.jotform.com or the EU domain of the credential) as n8n's JotForm
// Trigger makes them: the key in the APIKEY header, form-encoded bodies, and JotForm's envelope
// `{responseCode, message, content}`. Failures become node errors saying what JotForm said; a 429 is
// waited out (Retry-After) a few times.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

/** The credential's API domain (api.jotform.com when unset); WEFT_JOTFORM_API_URL overrides it. */
export const jotFormBaseUrl = (credential: Record<string, unknown>) =>
  serviceUrl('jotform', `https://${typeof credential.apiDomain === 'string' && credential.apiDomain ? credential.apiDomain : 'api.jotform.com'}`);

/** What JotForm said in an error body: its message, else the text. */
export function jotFormDescription(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    if (typeof body.message === 'string' && body.message) return body.message.trim();
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 500) : undefined;
}

export interface JotFormCall { nodeName: string; signal: AbortSignal; blockPrivateNetworks: boolean; timeoutMs?: number }

export async function jotFormExchange(call: JotFormCall, credential: Record<string, unknown>, method: 'GET' | 'POST' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<JsonObject> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value));
  const search = params.toString();
  const headers: Record<string, string> = { apikey: String(credential.apiKey ?? ''), accept: 'application/json' };
  let payload: string | undefined;
  if (body && Object.keys(body).length) {
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(body)) if (value !== undefined && value !== null) form.append(key, String(value));
    payload = form.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const spec = { method, url: `${jotFormBaseUrl(credential)}${path}${search ? `?${search}` : ''}`, headers, ...(payload !== undefined ? { body: payload } : {}) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: call.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: call.timeoutMs ?? TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: call.signal, blockPrivateNetworks: call.blockPrivateNetworks });
    } catch (error) {
      throw serviceCallError(call.nodeName, error, 0);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const description = jotFormDescription(text);
      throw new NodeOperationError(call.nodeName, apiStatusMessage(response.statusCode), { ...(description ? { description } : {}) });
    }
    try {
      return text.trim() ? (JSON.parse(text) as JsonObject) : {};
    } catch {
      throw new NodeOperationError(call.nodeName, 'JotForm answered with something that is not JSON', { description: text.slice(0, 200) });
    }
  } finally {
    await transport.close();
  }
}

/** One call with the node's jotFormApi credential. */
export async function jotFormRequest(ctx: ExecuteContext, method: 'GET' | 'POST' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<JsonObject> {
  const credential = await ctx.credentials.get('jotFormApi');
  return jotFormExchange({ nodeName: ctx.node.name, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks }, credential, method, path, body, query);
}
