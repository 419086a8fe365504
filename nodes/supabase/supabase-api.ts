// Calls to a Supabase project's REST API (PostgREST under `<host>/rest/v1`) as n8n's Supabase node
// makes them: the service role secret as apikey and Bearer token, `Prefer: return=representation`
// so writes answer the rows, the schema profile headers for a custom schema, 429s waited out a
// bounded number of times (Retry-After), and PostgREST's error bodies `{code, details, hint,
// message}` turned into node errors: the status in n8n's words, PostgREST's message as description.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { send, type HttpResponse } from '../http-request/send.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** The longest single wait a 429 may ask for; longer waits fail at once with the service's message. */
const MAX_RETRY_WAIT_MS = 60_000;
const DEFAULT_RETRY_WAIT_MS = 1_000;

export interface SupabaseCredentials { host: string; serviceRole: string }

export interface SupabaseCall {
  transport: Dispatcher;
  signal: AbortSignal;
  blockPrivateNetworks: boolean;
  nodeName: string;
  itemIndex?: number;
  /** Accept-Profile / Content-Profile, for tables outside the public schema. */
  schema?: string;
}

export interface SupabaseRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path under /rest/v1: `/<table>`, or `/` for the API's description. */
  path: string;
  /** A PostgREST filter string the user wrote (`name=eq.john&age=gt.3`), sent as written but URI-encoded. */
  filterString?: string;
  query?: Array<[string, string]>;
  body?: unknown;
}

export function supabaseCredentials(data: Record<string, unknown>): SupabaseCredentials {
  return { host: String(data.host ?? '').trim().replace(/\/+$/, ''), serviceRole: String(data.serviceRole ?? '') };
}

/** A failed Supabase call: n8n's status wording as message, PostgREST's message as description. */
export class SupabaseApiError extends NodeOperationError {
  constructor(nodeName: string, readonly statusCode: number, readonly serviceMessage: string, itemIndex?: number) {
    super(nodeName, statusErrorMessage(statusCode), { description: serviceMessage, ...(itemIndex === undefined ? {} : { itemIndex }) });
  }
}

function parseJson(res: HttpResponse): unknown {
  const text = res.body.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function serviceMessage(res: HttpResponse, json: unknown): string {
  const body = json && typeof json === 'object' ? (json as JsonObject) : undefined;
  for (const key of ['message', 'msg', 'error_description', 'error']) {
    if (typeof body?.[key] === 'string' && body[key]) return body[key] as string;
  }
  return res.body.toString('utf8').slice(0, 500) || res.statusMessage || `status ${res.statusCode}`;
}

function retryWaitMs(res: HttpResponse): number {
  return retryAfterMs(res.headers['retry-after']) ?? DEFAULT_RETRY_WAIT_MS;
}

export function supabaseUrl(credentials: SupabaseCredentials, request: SupabaseRequest): string {
  const parts = [request.filterString ? encodeURI(request.filterString) : '', new URLSearchParams(request.query ?? []).toString()].filter(Boolean);
  return `${credentials.host}/rest/v1${request.path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/** Sends one request and answers PostgREST's JSON (rows for table requests), waiting out 429s. */
export async function callSupabase(call: SupabaseCall, credentials: SupabaseCredentials, request: SupabaseRequest): Promise<unknown> {
  const headers: Record<string, string> = {
    apikey: credentials.serviceRole, authorization: `Bearer ${credentials.serviceRole}`, prefer: 'return=representation', accept: 'application/json',
  };
  if (call.schema) headers[request.method === 'GET' ? 'accept-profile' : 'content-profile'] = call.schema;
  const hasBody = request.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt++) {
    const res = await send(call.transport, { method: request.method, url: supabaseUrl(credentials, request), headers, ...(hasBody ? { body: JSON.stringify(request.body) } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: call.signal, blockPrivateNetworks: call.blockPrivateNetworks,
    });
    const json = parseJson(res);
    if (res.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryWaitMs(res);
      if (wait <= MAX_RETRY_WAIT_MS) {
        await pause(wait, call.signal);
        continue;
      }
    }
    if (res.statusCode >= 400) throw new SupabaseApiError(call.nodeName, res.statusCode, serviceMessage(res, json), call.itemIndex);
    return json;
  }
}
