// Calls to Mattermost's REST API v4 as n8n's Mattermost node makes them: `<baseUrl>/api/v4/<endpoint>`
// from the credential, a Bearer token, JSON bodies, `page`/`per_page` pagination. A 429 is waited out
// (Retry-After) a few times; other failures say what Mattermost answered (its `message`).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { createTransport, send } from '../http-request/send.ts';
import { pause } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_SECONDS = 60;

export interface MattermostClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  baseUrl: string;
  token: string;
}

export async function mattermostClient(ctx: ExecuteContext): Promise<MattermostClient> {
  const credential = await ctx.credentials.get('mattermostApi');
  const baseUrl = String(credential.baseUrl ?? '').trim().replace(/\/+$/, '');
  if (!baseUrl) throw new NodeOperationError(ctx.node.name, 'The Mattermost credential has no Base URL');
  const transport = createTransport({ allowUnauthorizedCerts: credential.allowUnauthorizedCerts === true, blockPrivateNetworks: ctx.blockPrivateNetworks });
  return { ctx, transport, baseUrl, token: String(credential.accessToken ?? '') };
}

function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parse(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One call to `endpoint` (relative to /api/v4); answers Mattermost's JSON. */
export async function mattermostRequest(client: MattermostClient, method: 'GET' | 'POST' | 'PUT' | 'DELETE', endpoint: string, body?: unknown, query?: JsonObject): Promise<unknown> {
  const { ctx } = client;
  const url = `${client.baseUrl}/api/v4/${endpoint.replace(/^\/+/, '')}${queryString(query)}`;
  const headers: Record<string, string> = { authorization: `Bearer ${client.token}`, accept: 'application/json' };
  const sendsBody = body !== undefined && method !== 'GET' && !(body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  if (sendsBody) headers['content-type'] = 'application/json; charset=utf-8';
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method, url, headers, ...(sendsBody ? { body: JSON.stringify(body) } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    const answer = parse(text);
    if (response.statusCode === 429) {
      const header = Number(response.headers['retry-after']);
      const seconds = Number.isFinite(header) && header >= 0 ? header : 1;
      if (attempt < MAX_RATE_LIMIT_RETRIES && seconds <= MAX_RETRY_AFTER_SECONDS) {
        await pause(seconds * 1000, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) {
      const said = answer && typeof answer === 'object' ? (answer as JsonObject) : undefined;
      const message = typeof said?.message === 'string' && said.message ? said.message : statusErrorMessage(response.statusCode);
      const detail = [said?.id, said?.detailed_error].filter((part) => typeof part === 'string' && part).join(': ');
      throw new NodeOperationError(ctx.node.name, message, {
        description: [`${statusErrorMessage(response.statusCode)} (${response.statusCode})`, detail || (said ? '' : text.slice(0, 500))].filter(Boolean).join(' - '),
      });
    }
    return answer ?? {};
  }
}

/** Every page (`page` from 0, `per_page` 100) until an empty one, as n8n's apiRequestAllItems. */
export async function mattermostRequestAll(client: MattermostClient, method: 'GET' | 'POST', endpoint: string, body?: unknown, query: JsonObject = {}): Promise<unknown[]> {
  const all: unknown[] = [];
  const q: JsonObject = { ...query, page: 0, per_page: 100 };
  for (;;) {
    const page = await mattermostRequest(client, method, endpoint, body, q);
    if (!Array.isArray(page) || page.length === 0) return all;
    all.push(...page);
    q.page = Number(q.page) + 1;
  }
}
