// One call to a service's REST API through the HTTP Request node's transport: a query string, a JSON
// or form body, the service's error body turned into a node error that says what it said, and a 429
// waited out (Retry-After) a few times before it fails, a 401 to an OAuth2 token renewing it once.
// Plus n8n's per-item loop for such nodes.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { sendWaitingOutRateLimits } from './rate-limit.ts';

const TIMEOUT_MS = 300_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RestRequest {
  /** Who answers, in error descriptions ('Trello answered 404: …'). */
  service: string;
  method: HttpMethod;
  url: string;
  query?: JsonObject;
  json?: unknown;
  form?: JsonObject;
  headers?: Record<string, string>;
  /** Arrays in the query as `key[]=a&key[]=b` (qs's brackets format) instead of `key=a&key=b`. */
  bracketArrays?: boolean;
}

/** The query string (with its `?`), leaving out undefined and null values. */
export function queryString(query: JsonObject | undefined, bracketArrays = false): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const entry of value) params.append(bracketArrays ? `${key}[]` : key, typeof entry === 'object' ? JSON.stringify(entry) : String(entry));
    } else params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What the service said in an error body: its message, error text or the whole body, shortened. */
export type ErrorReader = (body: unknown) => string | undefined;

export async function restCall(ctx: ExecuteContext, transport: Dispatcher, request: RestRequest, readError: ErrorReader): Promise<unknown> {
  const url = request.url + queryString(request.query, request.bracketArrays);
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  let body: string | undefined;
  if (request.form) {
    body = queryString(request.form).slice(1);
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
  }
  const response = await sendWaitingOutRateLimits(transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  const answer = parse(response.body.toString('utf8'));
  if (response.statusCode >= 400) {
    const said = readError(answer) ?? (typeof answer === 'string' ? answer.slice(0, 500) : JSON.stringify(answer ?? '').slice(0, 500));
    throw new NodeOperationError(ctx.node.name, `${apiStatusMessage(response.statusCode)}: ${said}`, {
      description: `${request.service} answered ${response.statusCode}: ${said}`,
    });
  }
  return answer;
}

/** n8n's per-item loop: each item's answer becomes items paired with it (a list gives one per entry); with continueOnFail an error becomes `{error}`. */
export async function runPerItem(ctx: ExecuteContext, handler: (itemIndex: number) => Promise<unknown>): Promise<Item[][]> {
  const output: Item[] = [];
  const count = ctx.getInputData().length;
  for (let itemIndex = 0; itemIndex < count; itemIndex++) {
    try {
      const answer = await handler(itemIndex);
      const entries = Array.isArray(answer) ? answer : [answer];
      for (const entry of entries) {
        output.push({ json: entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : { data: entry }, pairedItem: { item: itemIndex } });
      }
    } catch (error) {
      const failure = serviceCallError(ctx.node.name, error, itemIndex);
      if (!ctx.continueOnFail()) throw failure;
      output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: itemIndex } });
    }
  }
  return [output];
}
