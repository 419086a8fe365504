// `helpers.httpRequest` (n8n's IHttpRequestOptions) and the legacy `helpers.request`
// (request-promise options) for community nodes, sent through the HTTP Request node's transport so
// the same redirect, timeout, abort and BLOCK_PRIVATE_NETWORKS rules apply to them.
import { createTransport, send, type HttpResponse } from '../http-request/send.ts';
import type { N8nHttpRequestOptions } from './n8n-types.ts';

export interface HttpEnv {
  signal: AbortSignal;
  blockPrivateNetworks: boolean;
}

/** An HTTP error in the shape community nodes inspect (axios-like `response`, request-like `statusCode`). */
export class N8nHttpError extends Error {
  readonly httpCode: string;
  constructor(readonly statusCode: number, readonly response: { status: number; statusText: string; headers: Record<string, unknown>; data: unknown }, message: string) {
    super(message);
    this.name = 'NodeApiError';
    this.httpCode = String(statusCode);
  }
  /** request-promise's StatusCodeError field: the parsed body. */
  get error(): unknown {
    return this.response.data;
  }
}

function appendQuery(url: URL, qs: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(qs ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
    else url.searchParams.append(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  }
}

function lowerHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

interface FormDataPackage { getBuffer(): Buffer; getHeaders(): Record<string, string> }

/** The wire form of a body: text and Buffers as they are, forms (npm form-data, web FormData) as multipart, objects as JSON. */
async function encodeBody(body: unknown, headers: Record<string, string>): Promise<Buffer | string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string') return body;
  const form = body as Partial<FormDataPackage>;
  if (typeof form.getBuffer === 'function' && typeof form.getHeaders === 'function') {
    for (const [k, v] of Object.entries(form.getHeaders())) headers[k.toLowerCase()] = v;
    return form.getBuffer();
  }
  if (body instanceof FormData || body instanceof Blob || body instanceof URLSearchParams) {
    // Response does the web platform's serialisation, boundary and content type included.
    const encoded = new Response(body);
    const type = encoded.headers.get('content-type');
    if (type) headers['content-type'] ??= type;
    return Buffer.from(await encoded.arrayBuffer());
  }
  if ((headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}

async function exchange(env: HttpEnv, method: string, url: URL, headers: Record<string, string>, body: Buffer | string | undefined, opts: { timeout?: number; followRedirects: boolean; insecure: boolean }): Promise<HttpResponse> {
  const dispatcher = createTransport({ allowUnauthorizedCerts: opts.insecure, blockPrivateNetworks: env.blockPrivateNetworks });
  try {
    return await send(dispatcher, { method, url: url.toString(), headers, ...(body === undefined ? {} : { body }) }, {
      timeoutMs: opts.timeout ?? 300_000, followRedirects: opts.followRedirects, maxRedirects: 21, signal: env.signal, blockPrivateNetworks: env.blockPrivateNetworks,
    });
  } finally {
    await dispatcher.close();
  }
}

function isJson(res: HttpResponse): boolean {
  const type = res.headers['content-type'];
  return /[/+]json\b/i.test(Array.isArray(type) ? type.join(',') : type ?? '');
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function statusError(res: HttpResponse, data: unknown, message: string): N8nHttpError {
  return new N8nHttpError(res.statusCode, { status: res.statusCode, statusText: res.statusMessage, headers: res.headers, data }, message);
}

/** n8n's `helpers.httpRequest`. */
export async function n8nHttpRequest(env: HttpEnv, options: N8nHttpRequestOptions): Promise<unknown> {
  // n8n joins baseURL and a relative url as text (a path in baseURL is kept, unlike URL resolution).
  const relative = options.baseURL !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(options.url);
  const url = new URL(relative ? options.baseURL!.replace(/\/$/, '') + (options.url === '' || options.url.startsWith('/') ? '' : '/') + options.url : options.url);
  appendQuery(url, options.qs);
  const headers = lowerHeaders(options.headers);
  if (options.auth) headers.authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
  const body = await encodeBody(options.body, headers);
  const res = await exchange(env, options.method ?? 'GET', url, headers, body, {
    timeout: options.timeout, followRedirects: !options.disableFollowRedirect, insecure: options.skipSslCertificateValidation === true,
  });
  const raw = options.encoding === 'arraybuffer' || options.encoding === 'stream' ? res.body : undefined;
  const text = raw ? '' : res.body.toString('utf8');
  const data = raw ?? (options.json || isJson(res) ? parseMaybeJson(text) : text === '' ? text : parseMaybeJson(text));
  if (res.statusCode >= 400 && !options.ignoreHttpStatusErrors) throw statusError(res, data, `Request failed with status code ${res.statusCode}`);
  if (options.returnFullResponse) return { body: data, headers: res.headers, statusCode: res.statusCode, statusMessage: res.statusMessage };
  return data;
}

/** The legacy request-promise options n8n still accepts in `helpers.request`. */
export interface LegacyRequestOptions {
  uri?: string;
  url?: string;
  baseURL?: string;
  method?: string;
  qs?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
  form?: Record<string, unknown>;
  /** multipart fields: values, Buffers, or `{ value, options: { filename, contentType } }`. */
  formData?: Record<string, unknown>;
  json?: boolean;
  encoding?: string | null;
  resolveWithFullResponse?: boolean;
  simple?: boolean;
  followRedirect?: boolean;
  rejectUnauthorized?: boolean;
  timeout?: number;
  auth?: { user?: string; username?: string; pass?: string; password?: string };
  [key: string]: unknown;
}

/** request's `formData` as a web FormData (files as Blobs with their names and types). */
function multipart(fields: Record<string, unknown>): FormData {
  const form = new FormData();
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    const file = value as { value?: unknown; options?: { filename?: string; contentType?: string } };
    if (Buffer.isBuffer(value)) form.append(name, new Blob([new Uint8Array(value)]), 'file');
    else if (typeof value === 'object' && 'value' in file && file.options) {
      const data = Buffer.isBuffer(file.value) ? file.value : Buffer.from(String(file.value));
      form.append(name, new Blob([new Uint8Array(data)], { type: file.options.contentType ?? 'application/octet-stream' }), file.options.filename ?? 'file');
    } else form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  };
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) add(name, v);
    else add(name, value);
  }
  return form;
}

/** n8n's legacy `helpers.request` (also accepts `(uri, options)`). */
export async function legacyRequest(env: HttpEnv, uriOrOptions: string | LegacyRequestOptions, maybeOptions: LegacyRequestOptions = {}): Promise<unknown> {
  const options = typeof uriOrOptions === 'string' ? { ...maybeOptions, uri: uriOrOptions } : uriOrOptions;
  const target = options.uri ?? options.url ?? '';
  const url = options.baseURL ? new URL(options.baseURL.replace(/\/$/, '') + target) : new URL(target);
  appendQuery(url, options.qs);
  const headers = lowerHeaders(options.headers);
  if (options.auth) {
    const user = options.auth.user ?? options.auth.username ?? '';
    const pass = options.auth.pass ?? options.auth.password ?? '';
    headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
  }
  if (options.form) headers['content-type'] ??= 'application/x-www-form-urlencoded';
  const body = await encodeBody(options.formData ? multipart(options.formData) : options.form ?? options.body, headers);
  if (options.json) headers.accept ??= 'application/json';
  const res = await exchange(env, (options.method ?? 'GET').toUpperCase(), url, headers, body, {
    timeout: options.timeout, followRedirects: options.followRedirect !== false, insecure: options.rejectUnauthorized === false,
  });
  const data: unknown = options.encoding === null ? res.body : options.json ? parseMaybeJson(res.body.toString('utf8')) : res.body.toString('utf8');
  if (res.statusCode >= 400 && options.simple !== false) {
    throw statusError(res, data, `${res.statusCode} - ${typeof data === 'string' ? JSON.stringify(data) : Buffer.isBuffer(data) ? '"<binary>"' : JSON.stringify(data)}`);
  }
  if (options.resolveWithFullResponse) return { body: data, headers: res.headers, statusCode: res.statusCode, statusMessage: res.statusMessage, request: { uri: url } };
  return data;
}
