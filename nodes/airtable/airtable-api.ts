// Calls to Airtable's Web API (https://api.airtable.com/v0) as n8n's Airtable node makes them: the
// node's credential as a Bearer token, JSON bodies, query arrays in bracket form, list pages
// followed by `offset`, and a 429 waited out a few times (Retry-After, else Airtable's documented
// 30 seconds) before it fails. Error bodies (`{error: {type, message}}` or `{error: 'NOT_FOUND'}`)
// become node errors worded like n8n's NodeApiError: the status in words, the service's text as
// description.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Airtable asks clients to wait 30 s after a 429 and sends no Retry-After. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 30_000;
/** A Retry-After longer than this fails at once with Airtable's message instead of holding the run. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

export const airtableBaseUrl = () => serviceUrl('airtable', 'https://api.airtable.com/v0');

/** The wait after a 429 without Retry-After; WEFT_AIRTABLE_RATE_LIMIT_WAIT_MS shortens it (tests, proxies that queue). */
function defaultRateLimitWaitMs(): number {
  const configured = Number(process.env.WEFT_AIRTABLE_RATE_LIMIT_WAIT_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : DEFAULT_RATE_LIMIT_WAIT_MS;
}

/** A failed Airtable call: n8n's message for the status, Airtable's own words as description. */
export class AirtableApiError extends NodeOperationError {
  constructor(nodeName: string, message: string, readonly httpCode: number, description: string | undefined, itemIndex?: number) {
    super(nodeName, message, { ...(description ? { description } : {}), ...(itemIndex !== undefined ? { itemIndex } : {}) });
  }
}

/** What Airtable said: `error.message` (or its type), a bare `error` code, `errors[].message`, or a top-level `message`. */
export function serviceDescription(body: unknown, text: string): string | undefined {
  const object = body && typeof body === 'object' ? (body as JsonObject) : undefined;
  const error = object?.error;
  if (error && typeof error === 'object') {
    const { message, type } = error as JsonObject;
    if (typeof message === 'string' && message) return message;
    if (typeof type === 'string' && type) return type;
  }
  if (typeof error === 'string' && error) return error;
  if (Array.isArray(object?.errors)) {
    const messages = (object.errors as JsonObject[]).map((entry) => entry?.message ?? entry?.error).filter((m) => typeof m === 'string' && m);
    if (messages.length) return messages.join(', ');
  }
  if (typeof object?.message === 'string' && object.message) return object.message;
  return text.trim() ? text.slice(0, 500) : undefined;
}

function appendQuery(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      // Objects need their index (sort[0][field]); plain values take Airtable's documented `fields[]`.
      if (entry !== null && typeof entry === 'object') appendQuery(params, `${key}[${index}]`, entry);
      else appendQuery(params, `${key}[]`, entry);
    });
  } else if (typeof value === 'object') {
    for (const [inner, entry] of Object.entries(value as JsonObject)) appendQuery(params, `${key}[${inner}]`, entry);
  } else {
    params.append(key, String(value));
  }
}

export function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) appendQuery(params, key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface AirtableRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A path under /v0 (`appX/tblY`, `meta/bases`) or an absolute URL (attachment downloads). */
  path: string;
  query?: JsonObject;
  body?: JsonObject;
}

export interface AirtableApi {
  /** The parsed JSON answer. */
  request(request: AirtableRequest, itemIndex: number): Promise<JsonObject>;
  /** Every record of a list, page after page (`offset`), 100 a page. */
  requestAllRecords(path: string, query: JsonObject, itemIndex: number): Promise<JsonObject[]>;
  /** The bytes at an absolute URL (attachments), signed like the other calls as n8n does. */
  download(url: string, itemIndex: number): Promise<Buffer>;
  close(): Promise<void>;
}

async function bearerToken(ctx: ExecuteContext, authentication: string): Promise<string> {
  if (authentication === 'airtableApi') {
    throw new NodeOperationError(ctx.node.name, 'The API Key connection was deprecated by Airtable, please use Access Token or OAuth2 instead.');
  }
  if (authentication === 'airtableOAuth2Api') {
    const token = ((await ctx.credentials.get('airtableOAuth2Api')).oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) {
      throw new NodeOperationError(ctx.node.name, 'The Airtable OAuth2 credential has no access token', { description: 'Connect the credential first' });
    }
    return token;
  }
  if (authentication !== 'airtableTokenApi') throw new NodeOperationError(ctx.node.name, `Authentication "${authentication}" is not supported`);
  return String((await ctx.credentials.get('airtableTokenApi')).accessToken ?? '');
}

/** A client for one node run; `defaultAuthentication` is the node version's default choice. */
export function airtableApi(ctx: ExecuteContext, defaultAuthentication: string): AirtableApi {
  const transport: Dispatcher = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  let token: Promise<string> | undefined;
  const authorization = async () => `Bearer ${await (token ??= bearerToken(ctx, param(ctx, 'authentication', 0, defaultAuthentication)))}`;

  async function exchange(request: AirtableRequest, itemIndex: number, raw: boolean) {
    const url = /^https?:\/\//.test(request.path) ? request.path : `${airtableBaseUrl()}/${request.path}`;
    const headers: Record<string, string> = { authorization: await authorization(), accept: raw ? '*/*' : 'application/json' };
    if (request.body) headers['content-type'] = 'application/json';
    const spec = { method: request.method, url: `${url}${queryString(request.query)}`, headers, ...(request.body ? { body: JSON.stringify(request.body) } : {}) };
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await send(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
      } catch (error) {
        throw serviceCallError(ctx.node.name, error, itemIndex);
      }
      if (response.statusCode < 400) return response;
      const text = response.body.toString('utf8');
      if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
        const wait = retryAfterMs(response.headers['retry-after']) ?? defaultRateLimitWaitMs();
        if (wait <= MAX_RATE_LIMIT_WAIT_MS) {
          await pause(wait, ctx.signal);
          continue;
        }
      }
      let body: unknown;
      try { body = JSON.parse(text); } catch { body = undefined; }
      throw new AirtableApiError(ctx.node.name, apiStatusMessage(response.statusCode), response.statusCode, serviceDescription(body, text), itemIndex);
    }
  }

  async function request(request: AirtableRequest, itemIndex: number): Promise<JsonObject> {
    const response = await exchange(request, itemIndex, false);
    const text = response.body.toString('utf8');
    if (!text.trim()) return {};
    try {
      return JSON.parse(text) as JsonObject;
    } catch {
      throw new NodeOperationError(ctx.node.name, 'Airtable answered with something that is not JSON', { description: text.slice(0, 200), itemIndex });
    }
  }

  return {
    request,
    async requestAllRecords(path, query, itemIndex) {
      const records: JsonObject[] = [];
      const pageQuery: JsonObject = { ...query, pageSize: 100 };
      for (;;) {
        const page = await request({ method: 'GET', path, query: pageQuery }, itemIndex);
        records.push(...((page.records as JsonObject[] | undefined) ?? []));
        if (page.offset === undefined || page.offset === null || page.offset === '') return records;
        pageQuery.offset = page.offset;
      }
    },
    async download(url, itemIndex) {
      return (await exchange({ method: 'GET', path: url }, itemIndex, true)).body;
    },
    close: () => transport.close(),
  };
}
