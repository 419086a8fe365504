// Turns an HTTP response into items the way n8n's HTTP Request v4 does: JSON arrays become one
// item per element, text goes under a field, files become binary, or the full response.
import type { BinaryData, Item, JsonObject } from '../../engine/index.ts';
import type { HttpResponse } from './send.ts';
import { STATUS_MESSAGES } from '../shared/http-status-messages.ts';

export type ResponseFormat = 'autodetect' | 'json' | 'text' | 'file';

export interface ResponseOptions {
  format: ResponseFormat;
  fullResponse: boolean;
  outputPropertyName: string;
}

const BINARY_TYPES = [
  'image/', 'audio/', 'video/', 'application/octet-stream', 'application/pdf', 'application/zip', 'application/gzip',
  'application/x-gzip', 'application/x-bzip', 'application/x-bzip2', 'application/vnd.rar', 'application/x-7z-compressed',
  'application/epub+zip', 'application/msword', 'application/vnd.ms-', 'application/vnd.openxmlformats', 'font/',
];

export function header(res: HttpResponse, name: string): string {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** Which format an autodetect response has, from its content type. */
export function detectFormat(res: HttpResponse): Exclude<ResponseFormat, 'autodetect'> {
  const type = header(res, 'content-type').toLowerCase();
  if (type.includes('application/json') || /\+json\b/.test(type)) return 'json';
  if (BINARY_TYPES.some((t) => type.startsWith(t))) return 'file';
  return 'text';
}

/** The parsed body as `$response.body` sees it: JSON when it parses, else text. */
export function parsedBody(res: HttpResponse, format: ResponseFormat): unknown {
  const effective = format === 'autodetect' ? detectFormat(res) : format;
  if (effective === 'file') return res.body.toString('base64');
  const text = res.body.toString('utf8');
  if (effective === 'json') {
    if (text.trim() === '') return format === 'json' ? {} : '';
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function fileName(res: HttpResponse): string | undefined {
  const disposition = header(res, 'content-disposition');
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  if (match) return decodeURIComponent(match[1]);
  const last = new URL(res.url).pathname.split('/').pop();
  return last || undefined;
}

export function toBinary(res: HttpResponse): BinaryData {
  const mimeType = header(res, 'content-type').split(';')[0].trim() || 'application/octet-stream';
  const name = fileName(res);
  const ext = name?.includes('.') ? name.split('.').pop() : undefined;
  return {
    data: res.body.toString('base64'),
    mimeType,
    fileSize: `${res.body.length} B`,
    ...(name ? { fileName: name } : {}),
    ...(ext ? { fileExtension: ext } : {}),
  };
}

const paired = (i: number) => ({ item: i });

export function responseItems(res: HttpResponse, options: ResponseOptions, itemIndex: number): Item[] {
  const format = options.format === 'autodetect' ? detectFormat(res) : options.format;
  const meta = { headers: res.headers as JsonObject, statusCode: res.statusCode, statusMessage: res.statusMessage };
  if (format === 'file') {
    return [{ json: options.fullResponse ? meta : {}, binary: { [options.outputPropertyName]: toBinary(res) }, pairedItem: paired(itemIndex) }];
  }
  const body = parsedBody(res, format);
  if (options.format === 'json' && typeof body === 'string') {
    throw new Error('Response body is not valid JSON. Change "Response Format" to "Text"');
  }
  if (options.fullResponse) return [{ json: { body, ...meta }, pairedItem: paired(itemIndex) }];
  if (format === 'json' && Array.isArray(body)) {
    return body.map((entry) => ({ json: isObject(entry) ? entry : { [options.outputPropertyName]: entry }, pairedItem: paired(itemIndex) }));
  }
  if (format === 'json' && isObject(body)) return [{ json: body, pairedItem: paired(itemIndex) }];
  return [{ json: { [options.outputPropertyName]: body }, pairedItem: paired(itemIndex) }];
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/** n8n's NodeApiError wording for a status code. */
export function statusErrorMessage(statusCode: number): string {
  return STATUS_MESSAGES[statusCode] ?? `Request failed with status code ${statusCode}`;
}
