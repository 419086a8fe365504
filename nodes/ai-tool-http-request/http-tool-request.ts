// Fills the HTTP Request Tool's request with the model's arguments, sends it (with the node's
// credential, through HTTP Request's transport and private-network guard) and makes the answer,
// optimized as the node's settings ask.
import * as cheerio from 'cheerio';
import { convert } from 'html-to-text';
import type { ExecuteContext, JsonObject } from '../../engine/index.ts';
import { authenticate } from '../http-request/authenticate.ts';
import { toSpec, type BuiltRequest } from '../http-request/build-request.ts';
import { createTransport, send } from '../http-request/send.ts';
import type { RequestTemplate, ToolParameter } from './http-tool-parameters.ts';

/** A value written into text: strings as they are, anything else as JSON. */
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Fills `{name}` in JSON text: a quoted placeholder takes the JSON value, one inside a string its escaped text. */
function fillJson(raw: string, args: JsonObject): unknown {
  let text = raw;
  for (const [name, value] of Object.entries(args)) {
    text = text.split(`"{${name}}"`).join(JSON.stringify(value));
    text = text.split(`{${name}}`).join(typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value));
  }
  return JSON.parse(text);
}

function fillText(text: string, args: JsonObject, encode = false): string {
  return text.replace(/\{([^{}\s"]+)\}/g, (whole, name: string) => (name in args ? (encode ? encodeURIComponent(asText(args[name])) : asText(args[name])) : whole));
}

export function buildToolRequest(template: RequestTemplate, parameters: ToolParameter[], args: JsonObject): BuiltRequest {
  const missing = parameters.filter((p) => p.required && args[p.name] === undefined).map((p) => p.name);
  if (missing.length) throw new Error(`Missing required parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  const parts = { qs: {} as JsonObject, headers: {} as JsonObject, body: {} as JsonObject };
  for (const part of ['qs', 'headers', 'body'] as const) {
    if (template.byModel.has(part)) {
      const given = args[part];
      parts[part] = typeof given === 'string' ? (JSON.parse(given) as JsonObject) : ((given ?? {}) as JsonObject);
      continue;
    }
    if (template.raw[part]) parts[part] = fillJson(template.raw[part], args) as JsonObject;
    for (const [key, value] of Object.entries(template.fields[part])) parts[part][key] = fillText(String(value), args);
    for (const p of parameters) if (p.sendIn === part && p.key && !(p.key in template.fields[part]) && args[p.name] !== undefined) parts[part][p.key] = args[p.name];
  }
  const hasBody = Object.keys(parts.body).length > 0;
  return {
    method: template.method,
    url: fillText(template.url, args, true),
    query: parts.qs,
    headers: Object.fromEntries(Object.entries(parts.headers).map(([k, v]) => [k, asText(v)])),
    ...(hasBody ? { body: { kind: 'json' as const, value: parts.body } } : {}),
    arrayFormat: 'brackets',
  };
}

/** Sends the request signed with the node's credential; fails on an error status with the server's text. */
export async function sendToolRequest(ctx: ExecuteContext, itemIndex: number, request: BuiltRequest): Promise<unknown> {
  await authenticate(ctx, itemIndex, request);
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const res = await send(transport, toSpec(request), { timeoutMs: 300_000, followRedirects: true, maxRedirects: 21, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const text = res.body.toString('utf8');
    if (res.statusCode >= 400) throw new Error(`${res.statusCode} - ${text.slice(0, 500)}`);
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json')) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    return text;
  } finally {
    await transport.close();
  }
}

function pick(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as JsonObject)[key] : undefined), value);
}

function selectFields(value: unknown, fields: string[], keep: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => selectFields(v, fields, keep));
  if (!value || typeof value !== 'object') return value;
  if (keep) return Object.fromEntries(fields.filter((f) => pick(value, f) !== undefined).map((f) => [f, pick(value, f)]));
  return Object.fromEntries(Object.entries(value).filter(([k]) => !fields.includes(k)));
}

/** n8n's response optimizer: what of the response the model reads. */
export function optimizeResponse(ctx: ExecuteContext, itemIndex: number, response: unknown): string {
  const param = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
  if (!param('optimizeResponse', false)) return typeof response === 'string' ? response : JSON.stringify(response, null, 2);
  const type = param('responseType', 'json');
  const truncate = (text: string) => (param('truncateResponse', false) ? text.slice(0, param('maxLength', 1000)) : text);
  if (type === 'json') {
    let data = typeof response === 'string' ? (JSON.parse(response) as unknown) : response;
    const field = param('dataField', '');
    if (field) data = pick(data, field);
    const include = param('fieldsToInclude', 'all');
    const fields = param('fields', '').split(',').map((f) => f.trim()).filter(Boolean);
    if (include !== 'all' && fields.length) data = selectFields(data, fields, include === 'selected');
    return JSON.stringify(data, null, 2);
  }
  const text = typeof response === 'string' ? response : JSON.stringify(response);
  if (type === 'text') return truncate(text);
  const $ = cheerio.load(text);
  const omit = param('elementsToOmit', '').split(',').map((s) => s.trim()).filter(Boolean);
  const found: string[] = [];
  $(param('cssSelector', 'body')).each((_, el) => {
    let value = $(el).html() ?? '';
    if (param('onlyContent', false)) value = convert(value, omit.length ? { selectors: omit.map((selector) => ({ selector, format: 'skip' })) } : {});
    value = value.replace(/\s+/g, ' ').trim();
    if (value) found.push(value);
  });
  return truncate(JSON.stringify(found, null, 2));
}
