// Calls to Discord's HTTP API (v10) as n8n's Discord node makes them: `Authorization: Bot <token>`,
// JSON bodies or multipart ones (`payload_json` plus `files[n]`), webhook mode posting to the
// credential's URL. A 429 is waited out (Retry-After header, or `retry_after` in the body) a few
// times before it fails with Discord's message; other failures say what Discord answered.
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { send } from '../http-request/send.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { pause } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Longest wait we sleep through for one 429 (n8n caps at a minute too). */
const MAX_RETRY_AFTER_SECONDS = 60;

export const discordBaseUrl = () => serviceUrl('discord', 'https://discord.com/api/v10');

export interface DiscordFile { data: Buffer; fileName: string; contentType?: string }

export interface DiscordRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** An API path (`/channels/1/messages`) or an absolute URL (a webhook). */
  path: string;
  query?: JsonObject;
  json?: JsonObject;
  files?: DiscordFile[];
  /** Overrides the bot authorization (the OAuth2 user token for /users/@me/guilds; none for webhooks). */
  authorization?: string | null;
}

export interface DiscordClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  /** `Bot <token>`, or null in webhook mode. */
  authorization: string | null;
}

/** A failed Discord call: Discord's JSON error body is kept for the node to word its error. */
export class DiscordApiError extends NodeOperationError {
  constructor(node: string, message: string, readonly statusCode: number, readonly body: unknown, description: string) {
    super(node, message, { description });
  }
}

function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function multipartBody(payload: JsonObject, files: DiscordFile[]): { body: Buffer; contentType: string } {
  const boundary = `----weft${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(payload)}\r\n`)];
  files.forEach((file, index) => {
    const name = file.fileName.replace(/"/g, '%22');
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files[${index}]"; filename="${name}"\r\n`
      + `Content-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Seconds to wait before retrying a 429: the Retry-After header, else the body's `retry_after`. */
function retryAfterSeconds(header: unknown, body: unknown): number {
  const fromHeader = Number(Array.isArray(header) ? header[0] : header);
  if (Number.isFinite(fromHeader) && fromHeader >= 0 && header !== undefined) return fromHeader;
  const fromBody = Number((body as JsonObject | undefined)?.retry_after);
  return Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : 1;
}

function apiError(node: string, statusCode: number, body: unknown, text: string): DiscordApiError {
  const said = body && typeof body === 'object' ? (body as JsonObject) : undefined;
  const message = typeof said?.message === 'string' && said.message ? said.message : statusErrorMessage(statusCode);
  const detail = said?.errors !== undefined ? JSON.stringify(said.errors) : (said ? '' : text.slice(0, 500));
  const description = [`${statusErrorMessage(statusCode)} (${statusCode})`, said?.code !== undefined ? `Discord code ${String(said.code)}` : '', detail]
    .filter(Boolean).join(' - ');
  return new DiscordApiError(node, message, statusCode, body, description);
}

/** One call; answers Discord's JSON, or `{success: true}` for an empty answer (204), as n8n does. */
export async function discordRequest(client: DiscordClient, request: DiscordRequest): Promise<unknown> {
  const { ctx } = client;
  const url = (/^https?:\/\//.test(request.path) ? request.path : `${discordBaseUrl()}${request.path}`) + queryString(request.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = request.authorization === undefined ? client.authorization : request.authorization;
  if (authorization) headers.authorization = authorization;
  let body: Buffer | string | undefined;
  if (request.files?.length) {
    const multipart = multipartBody(request.json ?? {}, request.files);
    body = multipart.body;
    headers['content-type'] = multipart.contentType;
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    const answer = parse(text);
    if (response.statusCode === 429) {
      const seconds = retryAfterSeconds(response.headers['retry-after'], answer);
      if (attempt < MAX_RATE_LIMIT_RETRIES && seconds <= MAX_RETRY_AFTER_SECONDS) {
        await pause(seconds * 1000, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) throw apiError(ctx.node.name, response.statusCode, answer, text);
    return answer === undefined || answer === '' ? { success: true } : answer;
  }
}
