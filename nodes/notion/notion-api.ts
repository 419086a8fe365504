// Calls to Notion's API (https://api.notion.com/v1) as n8n's Notion node v2 makes them: the
// integration secret as Bearer token, the Notion-Version its typeVersion pins, cursor paging
// (`start_cursor`/`next_cursor`/`has_more`), and a 429 waited out (Retry-After) a few times.
// Notion's error bodies (`{object: 'error', status, code, message}`) become node errors worded like
// n8n's NodeApiError: the status in words, Notion's message as description.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { pause } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** n8n's node v2 speaks Notion's 2021-08-16 API (blocks carry `text`, not `rich_text`). */
export const NOTION_VERSION = '2021-08-16';

export const notionBaseUrl = () => serviceUrl('notion', 'https://api.notion.com/v1');

export function notionDescription(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as JsonObject;
    if (typeof body.message === 'string' && body.message) return body.message;
    if (typeof body.code === 'string') return body.code;
  } catch { /* not JSON */ }
  return text.trim() ? text.slice(0, 500) : undefined;
}

function retryAfterMs(header: string | string[] | undefined): number {
  const value = Number(Array.isArray(header) ? header[0] : header);
  // Notion always sends Retry-After in seconds; without it wait a second.
  return Number.isFinite(value) && value >= 0 ? value * 1000 : 1000;
}

export interface NotionRequest { method: 'GET' | 'POST' | 'PATCH'; path: string; query?: JsonObject; body?: JsonObject }

export interface NotionApi {
  request(request: NotionRequest, itemIndex: number): Promise<JsonObject>;
  /** Every result of a paged list; the cursor goes in the query for GET, in the body for POST. Stops once `limit` are in. */
  requestAll(request: NotionRequest, itemIndex: number, limit?: number): Promise<JsonObject[]>;
  /** A file's bytes (files properties hold signed S3 links or external URLs), fetched without the secret as n8n does. */
  download(url: string, itemIndex: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function notionApi(ctx: ExecuteContext): NotionApi {
  const transport: Dispatcher = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  let secret: Promise<string> | undefined;

  async function request({ method, path, query, body }: NotionRequest, itemIndex: number): Promise<JsonObject> {
    const apiKey = await (secret ??= ctx.credentials.get('notionApi').then((data) => String(data.apiKey ?? '')));
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value));
    const search = params.toString();
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}`, 'notion-version': NOTION_VERSION, accept: 'application/json' };
    const hasBody = body && Object.keys(body).length > 0;
    if (hasBody) headers['content-type'] = 'application/json';
    const spec = { method, url: `${notionBaseUrl()}${path}${search ? `?${search}` : ''}`, headers, ...(hasBody ? { body: JSON.stringify(body) } : {}) };
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await send(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
      } catch (error) {
        throw serviceCallError(ctx.node.name, error, itemIndex);
      }
      const text = response.body.toString('utf8');
      if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
        const wait = retryAfterMs(response.headers['retry-after']);
        if (wait <= MAX_RATE_LIMIT_WAIT_MS) {
          await pause(wait, ctx.signal);
          continue;
        }
      }
      if (response.statusCode >= 400) {
        const description = notionDescription(text);
        throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { itemIndex, ...(description ? { description } : {}) });
      }
      try {
        return text.trim() ? (JSON.parse(text) as JsonObject) : {};
      } catch {
        throw new NodeOperationError(ctx.node.name, 'Notion answered with something that is not JSON', { description: text.slice(0, 200), itemIndex });
      }
    }
  }

  return {
    request,
    async requestAll(base, itemIndex, limit) {
      const results: JsonObject[] = [];
      const query = { ...(base.query ?? {}) };
      const body = { ...(base.body ?? {}) };
      for (;;) {
        const page = await request({ ...base, query, body }, itemIndex);
        results.push(...((page.results as JsonObject[] | undefined) ?? []));
        if (limit && results.length >= limit) return results;
        if (page.has_more === false || !page.next_cursor) return results;
        if (base.method === 'GET') query.start_cursor = page.next_cursor;
        else body.start_cursor = page.next_cursor;
      }
    },
    async download(url, itemIndex) {
      let response;
      try {
        response = await send(transport, { method: 'GET', url, headers: {} }, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
      } catch (error) {
        throw serviceCallError(ctx.node.name, error, itemIndex);
      }
      if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { itemIndex, description: url });
      return response.body;
    },
    close: () => transport.close(),
  };
}
