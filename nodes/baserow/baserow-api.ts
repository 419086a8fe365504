// Calls to Baserow's REST API the way n8n's Baserow node makes them: a JWT from
// /api/user/token-auth/ with the credential's username and password, sent as `Authorization: JWT
// <token>` to the credential's host; JSON in and out; `page`/`size` pagination following `next`.
// Baserow's error body ({error, detail}) becomes the node error's description; a 429 is waited out.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;

export interface BaserowClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  host: string;
  token: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What Baserow said: `detail` (text or field errors), `error`, or a login's non_field_errors. */
export function baserowSaid(text: string): string {
  const json = parse(text) as JsonObject | undefined;
  if (!json || typeof json !== 'object') return text.slice(0, 500);
  const parts = [json.error, json.detail, json.non_field_errors].filter((v) => v !== undefined)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return parts.length ? parts.join(': ') : text.slice(0, 500);
}

async function call(ctx: ExecuteContext, transport: Dispatcher, method: string, url: string, headers: Record<string, string>, body?: string): Promise<unknown> {
  const response = await sendWaitingOutRateLimits(transport, { method, url, headers, ...(body !== undefined ? { body } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
  });
  const text = response.body.toString('utf8');
  if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: baserowSaid(text) });
  return text === '' ? {} : (parse(text) ?? text);
}

/** Logs in with the credential (n8n does so on every run) and answers a client holding the JWT. */
export async function baserowLogin(ctx: ExecuteContext, transport: Dispatcher): Promise<BaserowClient> {
  const credential = await ctx.credentials.get('baserowApi');
  const host = String(credential.host ?? 'https://api.baserow.io').replace(/\/+$/, '');
  const answer = await call(ctx, transport, 'POST', `${host}/api/user/token-auth/`, { 'content-type': 'application/json', accept: 'application/json' },
    JSON.stringify({ username: credential.username ?? '', password: credential.password ?? '' })) as JsonObject;
  const token = answer.token ?? answer.access_token;
  if (typeof token !== 'string') throw new NodeOperationError(ctx.node.name, 'Baserow gave no token for the credential');
  return { ctx, transport, host, token };
}

function queryString(query: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function baserowRequest(client: BaserowClient, method: string, endpoint: string, body?: JsonObject, query: JsonObject = {}): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `JWT ${client.token}`, accept: 'application/json' };
  const hasBody = body !== undefined && Object.keys(body).length > 0;
  if (hasBody) headers['content-type'] = 'application/json';
  return call(client.ctx, client.transport, method, `${client.host}${endpoint}${queryString(query)}`, headers, hasBody ? JSON.stringify(body) : undefined);
}

/** Pages of 100 (`page`, `size`) until `next` is null, or until `limit` rows are in hand. */
export async function baserowRequestAll(client: BaserowClient, endpoint: string, query: JsonObject, limit?: number): Promise<JsonObject[]> {
  const rows: JsonObject[] = [];
  for (let page = 1; ; page++) {
    const answer = await baserowRequest(client, 'GET', endpoint, undefined, { ...query, page, size: 100 }) as JsonObject;
    rows.push(...((answer.results as JsonObject[] | undefined) ?? []));
    if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
    if (answer.next === null || answer.next === undefined) return rows;
  }
}
