// Calls to the WordPress REST API v2 (`<url>/wp-json/wp/v2/...`) as n8n's Wordpress node makes them:
// Basic auth with the user and application password (or, for WordPress.com, its public API at
// /wp/v2/sites/<site> with an OAuth2 token), JSON bodies, `page`/`per_page` pagination that
// stops at the page X-WP-TotalPages names. A 429 is waited out (Retry-After) a few times; failures
// say what WordPress answered (its `{code, message}` body).
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send, type HttpResponse } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { param } from '../shared/params.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 60_000;

export interface WordpressClient { ctx: ExecuteContext; transport: Dispatcher; baseUrl: string; authorization: string }

export function wordpressBase(url: unknown): string {
  return `${String(url ?? '').trim().replace(/\/+$/, '')}/wp-json/wp/v2`;
}

export const basicAuth = (user: unknown, password: unknown) => `Basic ${Buffer.from(`${String(user ?? '')}:${String(password ?? '')}`).toString('base64')}`;

/** The WordPress.com site name of an OAuth2 credential: a URL's host name, else up to the first slash. */
export function wordpressComSite(site: unknown): string {
  const text = String(site ?? '').trim();
  try {
    return new URL(text).hostname;
  } catch {
    return text.split('/')[0];
  }
}

export async function wordpressClient(ctx: ExecuteContext): Promise<WordpressClient> {
  if (param(ctx, 'authType', 0, 'basicAuth') === 'oAuth2') {
    // WordPress.com sites: its public API with the OAuth2 access token.
    const credential = await ctx.credentials.get('wordpressOAuth2Api');
    const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The WordPress.com OAuth2 credential has no access token', { description: 'Connect the credential first' });
    const baseUrl = `${serviceUrl('wordpress_com', 'https://public-api.wordpress.com')}/wp/v2/sites/${encodeURIComponent(wordpressComSite(credential.wordpressSite))}`;
    return { ctx, transport: createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks }), baseUrl, authorization: `Bearer ${token}` };
  }
  const credential = await ctx.credentials.get('wordpressApi');
  if (!String(credential.url ?? '').trim()) throw new NodeOperationError(ctx.node.name, 'The Wordpress credential has no URL');
  const transport = createTransport({ allowUnauthorizedCerts: credential.allowUnauthorizedCerts === true, blockPrivateNetworks: ctx.blockPrivateNetworks });
  return { ctx, transport, baseUrl: wordpressBase(credential.url), authorization: basicAuth(credential.username, credential.password) };
}

/** WordPress's query form: arrays as repeated `key[]`-free comma lists, as its REST API accepts. */
function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, Array.isArray(value) ? value.join(',') : String(value));
  }
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

/** One call; answers the parsed body and the raw response (for the paging headers). */
export async function wordpressCall(client: WordpressClient, method: 'GET' | 'POST' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<{ answer: unknown; response: HttpResponse }> {
  const { ctx } = client;
  const url = `${client.baseUrl}${path}${queryString(query)}`;
  const headers: Record<string, string> = { authorization: client.authorization, accept: 'application/json' };
  // As n8n: some caching plugins answer writes from their GET cache unless told not to.
  if (method !== 'GET') headers['cache-control'] = 'no-cache';
  const sendsBody = body !== undefined && Object.keys(body).length > 0;
  if (sendsBody) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method, url, headers, ...(sendsBody ? { body: JSON.stringify(body) } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    const answer = parse(text);
    if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryAfterMs(response.headers['retry-after'] as string | undefined) ?? 1000;
      if (wait <= MAX_RETRY_AFTER_MS) {
        await pause(wait, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) {
      const said = answer && typeof answer === 'object' ? (answer as JsonObject) : undefined;
      const message = typeof said?.message === 'string' && said.message ? said.message : apiStatusMessage(response.statusCode);
      throw new NodeOperationError(ctx.node.name, message, {
        description: `${apiStatusMessage(response.statusCode)} (${response.statusCode})${typeof said?.code === 'string' ? ` - ${said.code}` : ''}`,
      });
    }
    return { answer: answer ?? {}, response };
  }
}

export async function wordpressRequest(client: WordpressClient, method: 'GET' | 'POST' | 'DELETE', path: string, body?: JsonObject, query?: JsonObject): Promise<unknown> {
  return (await wordpressCall(client, method, path, body, query)).answer;
}

/** Every page, n8n's way: per_page 10 from page 1 until the page X-WP-TotalPages names (or it is absent/0). */
export async function wordpressRequestAll(client: WordpressClient, path: string, query: JsonObject = {}): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let page = 1; ; page++) {
    const { answer, response } = await wordpressCall(client, 'GET', path, undefined, { ...query, per_page: 10, page });
    if (Array.isArray(answer)) all.push(...answer);
    const total = response.headers['x-wp-totalpages'];
    const pages = Array.isArray(total) ? total[0] : total;
    if (pages === undefined || pages === '0' || Number(pages) <= page) return all;
  }
}
