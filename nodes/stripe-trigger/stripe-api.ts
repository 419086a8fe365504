// Calls to Stripe's API (https://api.stripe.com/v1) as n8n's Stripe nodes make them: the secret key
// as `Bearer`, form-encoded bodies (arrays as `key[]`, objects as `key[sub]`), lists paged with
// `has_more` + `starting_after`, and a 429 waited out (Retry-After) a few times. Stripe's error
// bodies (`{error: {type, code, message}}`) become node errors saying what Stripe said.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const stripeBaseUrl = () => serviceUrl('stripe', 'https://api.stripe.com');

/** Stripe's form encoding: nested objects as `a[b]`, arrays as `a[]` (objects in arrays as `a[0][b]`). */
export function stripeForm(data: JsonObject): string {
  const params = new URLSearchParams();
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((entry, index) => (entry !== null && typeof entry === 'object' ? add(`${key}[${index}]`, entry) : add(`${key}[]`, entry)));
    } else if (typeof value === 'object') {
      for (const [sub, entry] of Object.entries(value as JsonObject)) add(`${key}[${sub}]`, entry);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(data)) add(key, value);
  return params.toString();
}

/** What Stripe said in an error body: `error.message`, else its code or type, else the text. */
export function stripeErrorMessage(text: string): { message?: string; code?: string } {
  try {
    const error = (JSON.parse(text) as JsonObject).error as JsonObject | undefined;
    if (error && typeof error === 'object') {
      return { message: typeof error.message === 'string' ? error.message : String(error.code ?? error.type ?? ''), code: typeof error.code === 'string' ? error.code : undefined };
    }
  } catch { /* not JSON */ }
  return { message: text.trim() ? text.slice(0, 500) : undefined };
}

export async function stripeRequest(ctx: ExecuteContext, method: 'GET' | 'POST' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<JsonObject> {
  const key = String((await ctx.credentials.get('stripeApi')).secretKey ?? '');
  const search = query ? stripeForm(query) : '';
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
  const form = body ? stripeForm(body) : '';
  if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  const spec = { method, url: `${stripeBaseUrl()}/v1${path}${search ? `?${search}` : ''}`, headers, ...(method === 'POST' ? { body: form } : {}) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, 0);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const said = stripeErrorMessage(text);
      const error = new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), said.message ? { description: said.message } : {});
      throw Object.assign(error, { httpCode: String(response.statusCode), stripeCode: said.code });
    }
    try {
      return text.trim() ? (JSON.parse(text) as JsonObject) : {};
    } catch {
      throw new NodeOperationError(ctx.node.name, 'Stripe answered with something that is not JSON', { description: text.slice(0, 200) });
    }
  } finally {
    await transport.close();
  }
}

/** Entries of a Stripe list, following `has_more` with `starting_after` (100 a page) until `limit` when given. */
export async function stripeRequestAll(ctx: ExecuteContext, path: string, query: JsonObject = {}, limit?: number): Promise<JsonObject[]> {
  const items: JsonObject[] = [];
  let after: string | undefined;
  for (;;) {
    const page = limit === undefined ? 100 : Math.min(100, limit - items.length);
    const answer = await stripeRequest(ctx, 'GET', path, undefined, { ...query, limit: page, ...(after ? { starting_after: after } : {}) });
    const data = (answer.data as JsonObject[] | undefined) ?? [];
    items.push(...data);
    if (!answer.has_more || !data.length || (limit !== undefined && items.length >= limit)) return limit === undefined ? items : items.slice(0, limit);
    after = String(data[data.length - 1].id);
  }
}
