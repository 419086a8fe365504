// Calls to Pipedrive's API v1 (https://api.pipedrive.com/v1) as n8n's Pipedrive node v1 makes them:
// the API token as `api_token` query parameter (OAuth2: a Bearer token), JSON or multipart bodies, answers
// `{success, data, additional_data}` where `success: false` or a failed status becomes a node error
// saying Pipedrive's `error`, `start`/`limit` paging (`additional_data.pagination`), and a 429 waited
// out (Retry-After) a few times.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const pipedriveBaseUrl = () => serviceUrl('pipedrive', 'https://api.pipedrive.com/v1');

export type PipedriveMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface PipedriveAnswer { data: unknown; additionalData?: JsonObject }

/** What Pipedrive said in an error body (`error`, with `error_info` when given). */
export function pipedriveSaid(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    if (typeof body.error === 'string') return typeof body.error_info === 'string' && body.error_info ? `${body.error} (${body.error_info})` : body.error;
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 300) : undefined;
}

async function auth(ctx: ExecuteContext): Promise<{ query: Record<string, string>; headers: Record<string, string> }> {
  if (param(ctx, 'authentication', 0, 'apiToken') === 'apiToken') {
    return { query: { api_token: String((await ctx.credentials.get('pipedriveApi')).apiToken ?? '') }, headers: {} };
  }
  const data = (await ctx.credentials.get('pipedriveOAuth2Api')).oauthTokenData as JsonObject | undefined;
  if (typeof data?.access_token !== 'string' || !data.access_token) {
    throw new NodeOperationError(ctx.node.name, 'The Pipedrive OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return { query: {}, headers: { authorization: `Bearer ${data.access_token}` } };
}

/** A multipart form (a file upload) as bytes and its content type, boundary included. */
async function encodeForm(form: FormData): Promise<{ bytes: Buffer; contentType: string }> {
  const encoded = new Response(form);
  return { bytes: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' };
}

export async function pipedriveRequest(ctx: ExecuteContext, method: PipedriveMethod, path: string, body: JsonObject = {}, query: JsonObject = {}, itemIndex = 0, form?: FormData): Promise<PipedriveAnswer> {
  const credential = await auth(ctx);
  const multipart = form ? await encodeForm(form) : undefined;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(key, String(value));
  for (const [key, value] of Object.entries(credential.query)) params.append(key, value);
  const hasBody = Object.keys(body).length > 0;
  const headers: Record<string, string> = { accept: 'application/json', ...credential.headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) };
  if (multipart) headers['content-type'] = multipart.contentType;
  const payload = multipart ? { body: multipart.bytes } : hasBody ? { body: JSON.stringify(body) } : {};
  const spec = { method, url: `${pipedriveBaseUrl()}${path}?${params.toString()}`, headers, ...payload };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, itemIndex);
    }
    const text = response.body.toString('utf8');
    let answer: JsonObject | undefined;
    try { answer = JSON.parse(text) as JsonObject; } catch { answer = undefined; }
    if (response.statusCode >= 400 || !answer || answer.success === false) {
      const said = pipedriveSaid(text);
      throw new NodeOperationError(ctx.node.name, response.statusCode >= 400 ? apiStatusMessage(response.statusCode) : (said ?? 'Pipedrive did not answer with JSON'), {
        itemIndex, ...(said ? { description: said } : {}),
      });
    }
    return { data: answer.data === null ? [] : answer.data, additionalData: answer.additional_data as JsonObject | undefined };
  } finally {
    await transport.close();
  }
}

/** Every page, n8n's way: `limit` 100 from `start` 0, on to `next_start` while more items are in the collection. */
export async function pipedriveRequestAll(ctx: ExecuteContext, method: PipedriveMethod, path: string, body: JsonObject, query: JsonObject, itemIndex = 0): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  const q: JsonObject = { ...query, limit: 100, start: 0 };
  for (;;) {
    const { data, additionalData } = await pipedriveRequest(ctx, method, path, body, q, itemIndex);
    const items = data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as JsonObject).items) ? (data as JsonObject).items : data;
    if (Array.isArray(items)) all.push(...(items as JsonObject[]));
    const pagination = additionalData?.pagination as JsonObject | undefined;
    q.start = pagination?.next_start;
    if (pagination?.more_items_in_collection !== true) return all;
  }
}
