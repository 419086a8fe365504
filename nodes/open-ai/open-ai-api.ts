// Calls to OpenAI's REST API as n8n's legacy OpenAI node makes them: the credential's key as a
// Bearer token (and OpenAI-Organization when set), JSON bodies, 429 answers waited out a bounded
// number of times (Retry-After, retry-after-ms or the x-ratelimit-reset-* headers), and error bodies
// `{error: {message, type, code}}` turned into node errors: the status in n8n's words as message,
// OpenAI's own message as description.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { send, type HttpResponse } from '../http-request/send.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
/** How often a 429 is waited out before the node fails with OpenAI's message. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** The longest single wait a 429 may ask for; longer waits fail at once. */
const MAX_RETRY_WAIT_MS = 60_000;
/** OpenAI's own default when a 429 names no wait. */
const DEFAULT_RETRY_WAIT_MS = 1_000;
export const DEFAULT_OPENAI_URL = 'https://api.openai.com/v1';

export interface OpenAiCredentials { apiKey: string; organizationId: string; origin: string }

export interface OpenAiCall {
  transport: Dispatcher;
  signal: AbortSignal;
  blockPrivateNetworks: boolean;
  nodeName: string;
  itemIndex?: number;
}

/**
 * The credential's fields. n8n's node requests `/v1/...` paths on the credential URL minus its last
 * segment (`https://api.openai.com/v1` → `https://api.openai.com`), so a URL without `/v1` loses its
 * last segment there too.
 */
export function openAiCredentials(data: Record<string, unknown>): OpenAiCredentials {
  const url = (String(data.url ?? '').trim() || DEFAULT_OPENAI_URL).replace(/\/+$/, '');
  return { apiKey: String(data.apiKey ?? ''), organizationId: String(data.organizationId ?? '').trim(), origin: url.split('/').slice(0, -1).join('/') };
}

/** A failed OpenAI call: n8n's status wording as message, OpenAI's words as description. */
export class OpenAiApiError extends NodeOperationError {
  constructor(nodeName: string, readonly statusCode: number, readonly serviceMessage: string, itemIndex?: number) {
    super(nodeName, statusErrorMessage(statusCode), { description: serviceMessage, ...(itemIndex === undefined ? {} : { itemIndex }) });
  }
}

function parseJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function firstHeader(res: HttpResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** OpenAI's reset durations: "1s", "6m0s", "20ms", "1h2m3.5s". */
export function durationMs(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (!parts.length) return undefined;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return parts.reduce((total, [, amount, name]) => total + Number(amount) * unit[name], 0);
}

/** The wait a 429 asks for: retry-after-ms, Retry-After (seconds or a date), else the later x-ratelimit reset. */
export function retryWaitMs(res: HttpResponse): number {
  const ms = Number(firstHeader(res, 'retry-after-ms'));
  if (firstHeader(res, 'retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const asked = retryAfterMs(firstHeader(res, 'retry-after'));
  if (asked !== undefined) return asked;
  const resets = ['x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens']
    .map((name) => firstHeader(res, name)).map((value) => (value ? durationMs(value) : undefined)).filter((v): v is number => v !== undefined);
  return resets.length ? Math.max(...resets) : DEFAULT_RETRY_WAIT_MS;
}

/** OpenAI's words for a failed answer: `error.message`, else the body's text, else the status line. */
function serviceMessage(res: HttpResponse, json: unknown): string {
  const error = (json as JsonObject | undefined)?.error;
  if (error && typeof error === 'object' && typeof (error as JsonObject).message === 'string') return (error as JsonObject).message as string;
  if (typeof error === 'string') return error;
  return res.body.toString('utf8').slice(0, 500) || res.statusMessage || `status ${res.statusCode}`;
}

/** A quota that is used up will not come back by waiting: OpenAI marks it with this code. */
const isExhaustedQuota = (json: unknown) => ((json as JsonObject | undefined)?.error as JsonObject | undefined)?.code === 'insufficient_quota';

/** Sends one request to `<origin><path>` and answers OpenAI's JSON, waiting out 429s (bounded). */
export async function callOpenAi(call: OpenAiCall, credentials: OpenAiCredentials, method: 'GET' | 'POST', path: string, body?: JsonObject): Promise<JsonObject> {
  const headers: Record<string, string> = { authorization: `Bearer ${credentials.apiKey}`, accept: 'application/json' };
  if (credentials.organizationId) headers['openai-organization'] = credentials.organizationId;
  if (body) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt++) {
    const res = await send(call.transport, { method, url: `${credentials.origin}${path}`, headers, ...(body ? { body: JSON.stringify(body) } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 21, signal: call.signal, blockPrivateNetworks: call.blockPrivateNetworks,
    });
    const json = parseJson(res);
    if (res.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES && !isExhaustedQuota(json)) {
      const wait = retryWaitMs(res);
      if (wait <= MAX_RETRY_WAIT_MS) {
        await pause(wait, call.signal);
        continue;
      }
    }
    if (res.statusCode >= 400) throw new OpenAiApiError(call.nodeName, res.statusCode, serviceMessage(res, json), call.itemIndex);
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new NodeOperationError(call.nodeName, 'OpenAI answered with something that is not a JSON object', { description: res.body.toString('utf8').slice(0, 200), ...(call.itemIndex === undefined ? {} : { itemIndex: call.itemIndex }) });
    }
    return json as JsonObject;
  }
}
