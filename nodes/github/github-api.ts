// Calls to GitHub's REST API through the HTTP Request node's transport: the token as
// `Authorization: token …` (n8n's header), JSON bodies, GitHub's `{message}` error answers turned
// into node errors, 429 and secondary rate limits (403 with Retry-After) waited out a bounded number
// of times, and Link-header pagination (`rel="next"`) for Return All.
import type { Dispatcher } from 'undici';
type JsonValue = unknown;
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { send, type HttpResponse } from '../http-request/send.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';

export const DEFAULT_SERVER = 'https://api.github.com';
const TIMEOUT_MS = 300_000;
/** How often a rate limit is waited out before the node fails with GitHub's message. */
const MAX_RATE_LIMIT_RETRIES = 2;
/** The longest single wait a rate limit may ask for; longer waits fail at once. */
const MAX_RETRY_WAIT_MS = 60_000;

export interface GithubConnection {
  server: string;
  token: string;
}

export interface GithubCall {
  transport: Dispatcher;
  signal: AbortSignal;
  blockPrivateNetworks: boolean;
  nodeName: string;
  itemIndex?: number;
}

export interface GithubRequest {
  method: string;
  endpoint: string;
  body?: JsonObject;
  query?: Record<string, JsonValue | undefined>;
}

/** A GitHub API failure: n8n's status wording as message, GitHub's own `message` as description. */
export class GithubApiError extends NodeOperationError {
  constructor(nodeName: string, readonly statusCode: number, readonly serviceMessage: string, itemIndex?: number) {
    super(nodeName, statusErrorMessage(statusCode), { description: serviceMessage, ...(itemIndex === undefined ? {} : { itemIndex }) });
  }
}

/** The server of a credential, n8n's default when empty; no trailing slash. */
export function githubServer(data: Record<string, unknown>): string {
  return (String(data.server ?? '').trim() || DEFAULT_SERVER).replace(/\/+$/, '');
}

function queryString(query: GithubRequest['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseJson(res: HttpResponse): JsonValue | undefined {
  const text = res.body.toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function header(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** How long GitHub asks to wait: Retry-After seconds, else until x-ratelimit-reset when none remain. */
function retryWaitMs(res: HttpResponse): number | undefined {
  const asked = retryAfterMs(header(res, 'retry-after'));
  if (asked !== undefined) return asked;
  if (header(res, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(res, 'x-ratelimit-reset'));
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - Date.now());
  }
  return res.statusCode === 429 ? 1000 : undefined;
}

function failure(call: GithubCall, res: HttpResponse, json: JsonValue | undefined): GithubApiError {
  const body = json && typeof json === 'object' && !Array.isArray(json) ? (json as JsonObject) : undefined;
  const listed = Array.isArray(body?.errors) ? (body.errors as unknown[]) : [];
  // Validation failures (422) list what was wrong in `errors`, as strings or {resource, field, code, message}.
  const errors = listed.map((e) => (e && typeof e === 'object' ? String((e as JsonObject).message ?? (e as JsonObject).code ?? '') : String(e))).filter(Boolean);
  const said = typeof body?.message === 'string' ? body.message : res.body.toString('utf8').slice(0, 500) || res.statusMessage;
  return new GithubApiError(call.nodeName, res.statusCode, errors.length ? `${said}: ${errors.join('; ')}` : said, call.itemIndex);
}

/** Sends one request (to an endpoint under the server, or a full URL), waiting out rate limits. */
async function exchange(call: GithubCall, connection: GithubConnection, method: string, url: string, body?: JsonObject): Promise<{ res: HttpResponse; json: JsonValue | undefined }> {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json', 'user-agent': 'n8n', authorization: `token ${connection.token}`,
  };
  // n8n sends a JSON body on every call, GET included, which GitHub ignores; we send one only when there is something in it.
  const payload = body && Object.keys(body).length > 0 ? JSON.stringify(body) : undefined;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt++) {
    const res = await send(call.transport, { method, url, headers, ...(payload === undefined ? {} : { body: payload }) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: call.signal, blockPrivateNetworks: call.blockPrivateNetworks,
    });
    const json = parseJson(res);
    const limited = res.statusCode === 429 || (res.statusCode === 403 && (header(res, 'retry-after') !== undefined || header(res, 'x-ratelimit-remaining') === '0'));
    if (limited && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryWaitMs(res);
      if (wait !== undefined && wait <= MAX_RETRY_WAIT_MS) {
        await pause(wait, call.signal);
        continue;
      }
    }
    if (res.statusCode >= 400) throw failure(call, res, json);
    return { res, json };
  }
}

/** One call; answers GitHub's JSON (an empty object for an empty answer, like a 204). */
export async function githubRequest(call: GithubCall, connection: GithubConnection, request: GithubRequest): Promise<JsonValue> {
  const { json } = await exchange(call, connection, request.method, `${connection.server}${request.endpoint}${queryString(request.query)}`, request.body);
  return json ?? {};
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(link: string | undefined): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1];
  }
  return undefined;
}

/** Every page of a list endpoint (100 a page), following the Link header's next page as n8n does. */
export async function githubRequestAll(call: GithubCall, connection: GithubConnection, request: GithubRequest): Promise<JsonValue[]> {
  const all: JsonValue[] = [];
  const origin = new URL(connection.server).origin;
  for (let page = 1; ; page++) {
    const url = `${connection.server}${request.endpoint}${queryString({ ...request.query, per_page: 100, page })}`;
    const { res, json } = await exchange(call, connection, request.method, url, request.body);
    if (Array.isArray(json)) all.push(...json);
    else if (json !== undefined) all.push(json);
    // The next page is asked by number against our own server, so a Link to another host never gets the token.
    const next = nextLink(header(res, 'link'));
    if (!next || new URL(next, origin).origin !== origin) break;
  }
  return all;
}
