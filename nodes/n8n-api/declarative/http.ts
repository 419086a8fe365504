// A plain fetch-based `httpRequest` with n8n's option shape (baseURL + url, qs, JSON or text
// body, basic auth, returnFullResponse, ignoreHttpStatusErrors, arraybuffer encoding). The n8n-api
// layer's helpers replace it at run time (network guard, proxies); it lets the declarative runner
// and credential tests run on their own, e.g. in tests against a local server.
import type { N8nHttpRequestOptions } from '../n8n-types.ts';
import type { N8nFullResponse } from './functions.ts';

/** A status error shaped like n8n's: the status and the parsed body stay reachable. */
export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    readonly response: N8nFullResponse,
  ) {
    super(`Request failed with status code ${statusCode}`);
    this.name = 'HttpStatusError';
  }
}

export function buildUrl(options: N8nHttpRequestOptions): URL {
  const base = options.baseURL ?? '';
  const joined = /^https?:\/\//i.test(options.url) || !base ? options.url : base.replace(/\/+$/, '') + '/' + options.url.replace(/^\/+/, '');
  const url = new URL(joined);
  for (const [key, value] of Object.entries(options.qs ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.append(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  }
  return url;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '' || (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0);
}

export async function fetchHttpRequest(options: N8nHttpRequestOptions): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = String(v);
  if (options.auth) headers.authorization = 'Basic ' + Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64');
  let body: string | Blob | undefined;
  // n8n sends no body for GET/HEAD and drops an empty object body.
  if (!isEmptyBody(options.body) && method !== 'GET' && method !== 'HEAD') {
    if (typeof options.body === 'string') body = options.body;
    else if (Buffer.isBuffer(options.body)) body = new Blob([new Uint8Array(options.body)]);
    else {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
  }
  const res = await fetch(buildUrl(options), {
    method,
    headers,
    body,
    redirect: options.disableFollowRedirect ? 'manual' : 'follow',
    signal: options.abortSignal ?? (options.timeout ? AbortSignal.timeout(options.timeout) : undefined),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  let parsed: unknown = raw;
  if (options.encoding !== 'arraybuffer') {
    const text = raw.toString('utf8');
    parsed = text;
    if (options.json !== false && (type.includes('json') || /^\s*[[{]/.test(text))) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
  }
  const full: N8nFullResponse = { body: parsed, headers: Object.fromEntries(res.headers.entries()), statusCode: res.status, statusMessage: res.statusText };
  if (res.status >= 400 && !options.ignoreHttpStatusErrors) throw new HttpStatusError(res.status, full);
  return options.returnFullResponse ? full : parsed;
}
