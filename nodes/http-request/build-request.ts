// Builds one item's request from the HTTP Request node's parameters: URL, query, headers, body
// and the credential's authentication, kept structured so pagination can change single fields.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import type { HttpRequestSpec } from './send.ts';

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: JsonObject }
  | { kind: 'multipart'; parts: MultipartPart[] }
  | { kind: 'raw'; data: string; contentType: string }
  | { kind: 'binary'; data: Buffer; mimeType: string };

export type MultipartPart = { name: string; value: string } | { name: string; data: Buffer; mimeType: string; fileName: string };

export interface BuiltRequest {
  method: string;
  url: string;
  query: JsonObject;
  headers: Record<string, string>;
  body?: RequestBody;
  arrayFormat: 'repeat' | 'brackets' | 'indices';
}

type Pair = { name?: string; value?: unknown; parameterType?: string; inputDataFieldName?: string };

function param<T = unknown>(ctx: ExecuteContext, name: string, i: number, fallback: unknown): T {
  return ctx.getNodeParameter(name, i, fallback) as T;
}

function pairs(ctx: ExecuteContext, name: string, i: number): Pair[] {
  return ((param<JsonObject>(ctx, name, i, {}) ?? {}).parameters ?? []) as Pair[];
}

function toObject(list: Pair[]): JsonObject {
  const out: JsonObject = {};
  for (const p of list) {
    if (!p.name) continue;
    const prev = out[p.name];
    // A name given twice becomes an array of its values, as n8n does.
    out[p.name] = prev === undefined ? p.value : Array.isArray(prev) ? [...prev, p.value] : [prev, p.value];
  }
  return out;
}

function parseJson(ctx: ExecuteContext, value: unknown, field: string, i: number): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value);
  } catch {
    throw new NodeOperationError(ctx.node.name, `JSON parameter needs to be valid JSON`, { description: `The ${field} is not valid JSON`, itemIndex: i });
  }
}

function binaryOf(ctx: ExecuteContext, item: Item, field: string, i: number) {
  const binary = item.binary?.[field];
  if (!binary) throw new NodeOperationError(ctx.node.name, `The item has no binary field '${field}'`, { description: 'Check the Input Data Field Name', itemIndex: i });
  return { data: Buffer.from(binary.data, 'base64'), mimeType: binary.mimeType || 'application/octet-stream', fileName: binary.fileName ?? field };
}

export function buildRequest(ctx: ExecuteContext, i: number, item: Item): BuiltRequest {
  const method = String(param(ctx, 'method', i, 'GET')).toUpperCase();
  const url = String(param(ctx, 'url', i, '') ?? '').trim();
  if (!url) throw new NodeOperationError(ctx.node.name, 'The URL parameter is empty', { itemIndex: i });
  if (!/^https?:\/\//i.test(url)) {
    throw new NodeOperationError(ctx.node.name, `Invalid URL: ${url}. URL must start with "http" or "https".`, { itemIndex: i });
  }
  const request: BuiltRequest = {
    method, url, query: {}, headers: {},
    arrayFormat: param(ctx, 'options.queryParameterArrays', i, 'brackets') as BuiltRequest['arrayFormat'],
  };

  if (param(ctx, 'sendQuery', i, false)) {
    request.query = param(ctx, 'specifyQuery', i, 'keypair') === 'json'
      ? (parseJson(ctx, param(ctx, 'jsonQuery', i, '{}'), 'query JSON', i) as JsonObject)
      : toObject(pairs(ctx, 'queryParameters', i));
  }
  if (param(ctx, 'sendHeaders', i, false)) {
    const headers = param(ctx, 'specifyHeaders', i, 'keypair') === 'json'
      ? (parseJson(ctx, param(ctx, 'jsonHeaders', i, '{}'), 'headers JSON', i) as JsonObject)
      : toObject(pairs(ctx, 'headerParameters', i));
    const lower = param(ctx, 'options.lowercaseHeaders', i, true) !== false;
    for (const [k, v] of Object.entries(headers)) request.headers[lower ? k.toLowerCase() : k] = String(v);
  }
  if (param(ctx, 'sendBody', i, false)) request.body = buildBody(ctx, i, item);
  return request;
}

function buildBody(ctx: ExecuteContext, i: number, item: Item): RequestBody {
  const contentType = String(param(ctx, 'contentType', i, 'json'));
  switch (contentType) {
    case 'json':
      return param(ctx, 'specifyBody', i, 'keypair') === 'json'
        ? { kind: 'json', value: parseJson(ctx, param(ctx, 'jsonBody', i, ''), 'JSON body', i) }
        : { kind: 'json', value: toObject(pairs(ctx, 'bodyParameters', i)) };
    case 'form-urlencoded':
      if (param(ctx, 'specifyBody', i, 'keypair') === 'string') {
        return { kind: 'raw', data: String(param(ctx, 'body', i, '')), contentType: 'application/x-www-form-urlencoded' };
      }
      return { kind: 'form', fields: toObject(pairs(ctx, 'bodyParameters', i)) };
    case 'multipart-form-data':
      return {
        kind: 'multipart',
        parts: pairs(ctx, 'bodyParameters', i).filter((p) => p.name).map((p): MultipartPart => {
          if (p.parameterType === 'formBinaryData') return { name: p.name!, ...binaryOf(ctx, item, String(p.inputDataFieldName ?? 'data'), i) };
          return { name: p.name!, value: String(p.value ?? '') };
        }),
      };
    case 'binaryData': {
      const { data, mimeType } = binaryOf(ctx, item, String(param(ctx, 'inputDataFieldName', i, 'data')), i);
      return { kind: 'binary', data, mimeType };
    }
    case 'raw':
      return { kind: 'raw', data: String(param(ctx, 'body', i, '')), contentType: String(param(ctx, 'rawContentType', i, '')) || 'text/plain' };
    default:
      throw new NodeOperationError(ctx.node.name, `Unknown body content type '${contentType}'`, { itemIndex: i });
  }
}

function appendQuery(search: URLSearchParams, key: string, value: unknown, format: BuiltRequest['arrayFormat']): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((v, n) => appendQuery(search, format === 'repeat' ? key : format === 'indices' ? `${key}[${n}]` : `${key}[]`, v, format));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) appendQuery(search, `${key}[${k}]`, v, format);
  } else {
    search.append(key, value === null ? '' : String(value));
  }
}

/** The wire form: URL with the query, headers, and the encoded body. */
export function toSpec(request: BuiltRequest): HttpRequestSpec {
  const url = new URL(request.url);
  for (const [k, v] of Object.entries(request.query)) appendQuery(url.searchParams, k, v, request.arrayFormat);
  const headers = { ...request.headers };
  const hasHeader = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  const setType = (type: string) => {
    if (!hasHeader('content-type')) headers['content-type'] = type;
  };
  const body = request.body;
  let payload: Buffer | string | undefined;
  if (body?.kind === 'json') {
    setType('application/json');
    payload = JSON.stringify(body.value);
  } else if (body?.kind === 'form') {
    setType('application/x-www-form-urlencoded');
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body.fields)) appendQuery(form, k, v, request.arrayFormat);
    payload = form.toString();
  } else if (body?.kind === 'raw') {
    setType(body.contentType);
    payload = body.data;
  } else if (body?.kind === 'binary') {
    setType(body.mimeType);
    payload = body.data;
  } else if (body?.kind === 'multipart') {
    const boundary = `----WeftFormBoundary${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
    for (const h of Object.keys(headers)) if (h.toLowerCase() === 'content-type') delete headers[h];
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    payload = encodeMultipart(body.parts, boundary);
  }
  return { method: request.method, url: url.toString(), headers, ...(payload === undefined ? {} : { body: payload }) };
}

function encodeMultipart(parts: MultipartPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  const quote = (s: string) => s.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
  for (const part of parts) {
    if ('data' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"; filename="${quote(part.fileName)}"\r\nContent-Type: ${part.mimeType}\r\n\r\n`));
      chunks.push(part.data, Buffer.from('\r\n'));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
