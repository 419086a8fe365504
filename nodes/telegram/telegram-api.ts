// Calls to the Telegram Bot API (`<baseUrl>/bot<token>/<method>`) through the HTTP Request node's
// transport: JSON or multipart bodies, Telegram's `{ok:false, error_code, description}` answers
// turned into node errors, 429 answers waited out (bounded) before failing, and file downloads
// from `<baseUrl>/file/bot<token>/<file_path>`. The Telegram and Telegram Trigger nodes share it.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { send, type HttpResponse } from '../http-request/send.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { pause, retryAfterMs as retryAfterHeaderMs } from '../shared/rate-limit.ts';

export const DEFAULT_BASE_URL = 'https://api.telegram.org';
const TIMEOUT_MS = 300_000;
/** How often a 429 is waited out before the node fails with Telegram's message. */
const MAX_RATE_LIMIT_RETRIES = 2;
/** The longest single wait a 429 may ask for; longer waits fail at once. */
const MAX_RETRY_WAIT_MS = 60_000;

export interface TelegramCredentials {
  accessToken: string;
  baseUrl: string;
}

export interface TelegramCall {
  transport: Dispatcher;
  signal: AbortSignal;
  blockPrivateNetworks: boolean;
  nodeName: string;
  itemIndex?: number;
}

/** One part of a multipart upload: a text field, or a file. */
export type FormPart = string | { data: Buffer; fileName: string; mimeType?: string };

/** The credential's fields, with n8n's default base URL for credentials saved before it existed. */
export function telegramCredentials(data: Record<string, unknown>): TelegramCredentials {
  const baseUrl = String(data.baseUrl ?? '').trim() || DEFAULT_BASE_URL;
  return { accessToken: String(data.accessToken ?? ''), baseUrl: baseUrl.replace(/\/+$/, '') };
}

/** A Telegram API failure: n8n's status wording as message, Telegram's own `description` as description. */
export class TelegramApiError extends NodeOperationError {
  constructor(nodeName: string, readonly statusCode: number, readonly serviceMessage: string, itemIndex?: number) {
    super(nodeName, statusErrorMessage(statusCode), { description: serviceMessage, ...(itemIndex === undefined ? {} : { itemIndex }) });
  }
}

async function multipart(parts: Record<string, FormPart>): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, part] of Object.entries(parts)) {
    if (typeof part === 'string') form.append(name, part);
    else form.append(name, new Blob([new Uint8Array(part.data)], { type: part.mimeType || 'application/octet-stream' }), part.fileName);
  }
  // The fetch Response serializes the form with its boundary, which our transport then sends as bytes.
  const encoded = new Response(form);
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? 'multipart/form-data' };
}

function parseJson(res: HttpResponse): JsonObject | undefined {
  try {
    const value = JSON.parse(res.body.toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Seconds Telegram asks to wait: its `parameters.retry_after`, else the Retry-After header. */
function retryAfterMs(res: HttpResponse, body: JsonObject | undefined): number {
  const fromBody = Number((body?.parameters as JsonObject | undefined)?.retry_after);
  if (Number.isFinite(fromBody) && fromBody >= 0) return fromBody * 1000;
  return retryAfterHeaderMs(res.headers['retry-after']) ?? 1000;
}

/** Sends one request, waiting out 429 answers; answers the final response. */
async function exchange(call: TelegramCall, method: string, url: string, build: () => Promise<{ body?: Buffer | string; headers: Record<string, string> }>): Promise<{ res: HttpResponse; json: JsonObject | undefined }> {
  for (let attempt = 0; ; attempt++) {
    const { body, headers } = await build();
    const res = await send(call.transport, { method, url, headers, ...(body === undefined ? {} : { body }) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: call.signal, blockPrivateNetworks: call.blockPrivateNetworks,
    });
    const json = parseJson(res);
    if (res.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryAfterMs(res, json);
      if (wait <= MAX_RETRY_WAIT_MS) {
        await pause(wait, call.signal);
        continue;
      }
    }
    return { res, json };
  }
}

function failure(call: TelegramCall, res: HttpResponse, json: JsonObject | undefined): TelegramApiError {
  const said = typeof json?.description === 'string' ? json.description : res.body.toString('utf8').slice(0, 500) || res.statusMessage;
  const status = res.statusCode >= 400 ? res.statusCode : Number(json?.error_code) || 500;
  return new TelegramApiError(call.nodeName, status, said, call.itemIndex);
}

/**
 * Calls a Bot API method and answers Telegram's whole JSON answer (`{ok, result}`), as n8n's nodes
 * output it. `form` sends multipart/form-data (file uploads); otherwise the body goes as JSON;
 * `query` goes in the URL.
 */
export async function callTelegram(
  call: TelegramCall, credentials: TelegramCredentials, apiMethod: string,
  payload: { body?: JsonObject; form?: Record<string, FormPart>; httpMethod?: string; query?: Record<string, string> } = {},
): Promise<JsonObject> {
  const search = payload.query ? `?${new URLSearchParams(payload.query).toString()}` : '';
  const url = `${credentials.baseUrl}/bot${credentials.accessToken}/${apiMethod}${search}`;
  const { res, json } = await exchange(call, payload.httpMethod ?? 'POST', url, async (): Promise<{ body?: Buffer | string; headers: Record<string, string> }> => {
    if (payload.form) {
      const { body, contentType } = await multipart(payload.form);
      return { body, headers: { 'content-type': contentType, accept: 'application/json' } };
    }
    if (payload.body && Object.keys(payload.body).length > 0) {
      return { body: JSON.stringify(payload.body), headers: { 'content-type': 'application/json', accept: 'application/json' } };
    }
    return { headers: { accept: 'application/json' } };
  });
  if (res.statusCode >= 400 || !json || json.ok === false) throw failure(call, res, json);
  return json;
}

/** Downloads a file Telegram keeps (a getFile answer's `file_path`). */
export async function downloadTelegramFile(call: TelegramCall, credentials: TelegramCredentials, filePath: string): Promise<Buffer> {
  const url = `${credentials.baseUrl}/file/bot${credentials.accessToken}/${filePath}`;
  const { res, json } = await exchange(call, 'GET', url, async () => ({ headers: {} }));
  if (res.statusCode >= 400) throw failure(call, res, json);
  return res.body;
}
