// One call to a Google JSON API with the node's Google credential (an OAuth2 token or a service
// account), as the Google service nodes make them: query strings, JSON or raw bodies, a 429 waited
// out per Retry-After a few times, and Google's `{error: {code, message, errors}}` answer turned
// into a node error by the caller's wording.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { googleAccessToken } from '../google-shared/google-auth.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;

export type QueryValue = string | number | boolean | undefined | null;

export interface GoogleCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  raw?: { data: Buffer; contentType?: string };
  headers?: Record<string, string>;
}

export interface GoogleAnswer { status: number; headers: Record<string, string | string[]>; text: string; json: JsonObject }

/** What Google said in an error body: the message and the per-error messages, when there are any. */
export interface GoogleRefusal { status: number; message?: string; messages: string[]; text: string }

export interface GoogleClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  credentialType: string;
  scopes: readonly string[];
  /** The node error for a refusal, in the node's own words. */
  refusal?: (refusal: GoogleRefusal) => NodeOperationError;
}

export function readRefusal(status: number, text: string): GoogleRefusal {
  try {
    const error = (JSON.parse(text) as JsonObject).error as JsonObject | string | undefined;
    if (typeof error === 'string') return { status, message: error, messages: [error], text };
    const messages = Array.isArray(error?.errors) ? (error.errors as JsonObject[]).map((e) => String(e.message ?? '')).filter(Boolean) : [];
    return { status, message: typeof error?.message === 'string' ? error.message : undefined, messages, text };
  } catch {
    return { status, messages: [], text };
  }
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function googleCall(client: GoogleClient, call: GoogleCall): Promise<GoogleAnswer> {
  const { ctx } = client;
  const token = await googleAccessToken(ctx, client.transport, client.credentialType, client.scopes);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', ...call.headers };
  let body: Buffer | string | undefined;
  if (call.raw) {
    body = call.raw.data;
    if (call.raw.contentType) headers['content-type'] = call.raw.contentType;
  } else if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    headers['content-type'] = 'application/json';
  }
  const url = call.url + queryString(call.query);
  const response = await sendWaitingOutRateLimits(client.transport, { method: call.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) {
    const refusal = readRefusal(response.statusCode, text);
    if (client.refusal) throw client.refusal(refusal);
    throw new NodeOperationError(ctx.node.name, refusal.message ?? statusErrorMessage(response.statusCode), {
      description: refusal.message ? statusErrorMessage(response.statusCode) : text.slice(0, 500),
    });
  }
  let json: JsonObject = {};
  try {
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    json = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonObject) : { data: parsed };
  } catch {
    json = { data: text };
  }
  return { status: response.statusCode, headers: response.headers, text, json };
}
