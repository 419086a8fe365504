// Calls to Slack's Web API the way n8n's Slack node makes them: a Bearer token, JSON bodies (or form
// and multipart ones where a method wants them), and Slack's habit of answering HTTP 200 with
// `{ok: false, error}`, which becomes a node error naming the code. A 429 is waited out (Retry-After)
// a few times before it fails.
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { statusErrorMessage } from '../http-request/response.ts';
import { send } from '../http-request/send.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { param } from '../shared/params.ts';
import { pause } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Longest Retry-After we sleep through; a longer one fails at once with Slack's message. */
const MAX_RETRY_AFTER_SECONDS = 60;

export interface MultipartFile { field: string; data: Buffer; fileName?: string; contentType?: string }

export interface SlackRequest {
  method: 'GET' | 'POST';
  /** A Web API method path (`/chat.postMessage`) or an absolute URL Slack handed out (upload URLs). */
  path: string;
  query?: JsonObject;
  json?: JsonObject;
  form?: JsonObject;
  multipart?: { fields: JsonObject; files: MultipartFile[] };
}

export interface SlackClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  /** n8n's V1 and V2 word their errors and outputs differently. */
  legacy: boolean;
}

export const slackBaseUrl = () => serviceUrl('slack', 'https://slack.com/api');

/** The token of the node's credential: an access token, or the user token of the OAuth2 exchange. */
async function accessToken(ctx: ExecuteContext): Promise<string> {
  const oauth = param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2';
  if (!oauth) return String((await ctx.credentials.get('slackApi')).accessToken ?? '');
  const credential = await ctx.credentials.get('slackOAuth2Api');
  const data = credential.oauthTokenData as JsonObject | undefined;
  // n8n takes Slack's user token (`authed_user.access_token`) unless told to use the bot's.
  const userToken = credential.useBotToken === true ? undefined : (data?.authed_user as JsonObject | undefined)?.access_token;
  const token = userToken ?? data?.access_token;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, 'The Slack OAuth2 credential has no access token', { description: 'Connect the credential first' });
  }
  return token;
}

function queryString(query: JsonObject | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function formText(fields: JsonObject): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return params.toString();
}

function multipartBody(fields: JsonObject, files: MultipartFile[]): { body: Buffer; contentType: string } {
  const boundary = `----weft${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${text}\r\n`));
  }
  for (const file of files) {
    const name = (file.fileName ?? 'file').replace(/"/g, '%22');
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${name}"\r\n`
      + `Content-Type: ${file.contentType || 'application/octet-stream'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function encode(request: SlackRequest): { body?: Buffer | string; contentType?: string } {
  if (request.multipart) return multipartBody(request.multipart.fields, request.multipart.files);
  if (request.form) return { body: formText(request.form), contentType: 'application/x-www-form-urlencoded' };
  if (request.json && Object.keys(request.json).length > 0) return { body: JSON.stringify(request.json), contentType: 'application/json; charset=utf-8' };
  return {};
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Slack's `{ok: false}` answer as n8n words it. */
function slackError(client: SlackClient, answer: JsonObject): NodeOperationError {
  const { ctx } = client;
  if (answer.error === 'paid_teams_only') {
    return new NodeOperationError(ctx.node.name, `Your current Slack plan does not include the resource '${param(ctx, 'resource', 0, 'message')}'`, {
      description: 'Hint: Upgrade to a Slack plan that includes the functionality you want to use.',
    });
  }
  if (answer.error === 'missing_scope' && !client.legacy) {
    return new NodeOperationError(ctx.node.name, 'Your Slack credential is missing required Oauth Scopes', {
      description: `Add the following scope(s) to your Slack App: ${String(answer.needed ?? '')}`,
    });
  }
  return new NodeOperationError(ctx.node.name, `Slack error response: ${JSON.stringify(client.legacy ? answer : answer.error)}`);
}

/** One Web API call; answers Slack's JSON (V2: a top-level `ts` renamed `message_timestamp`, as n8n does). */
export async function slackRequest(client: SlackClient, request: SlackRequest): Promise<JsonObject> {
  const { ctx } = client;
  const token = await accessToken(ctx);
  const url = (/^https?:\/\//.test(request.path) ? request.path : `${slackBaseUrl()}${request.path}`) + queryString(request.query);
  const { body, contentType } = encode(request);
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (contentType) headers['content-type'] = contentType;
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    const answer = parse(text);
    if (response.statusCode === 429) {
      const retryAfter = Number(response.headers['retry-after'] ?? 1);
      const seconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 1;
      if (attempt < MAX_RATE_LIMIT_RETRIES && seconds <= MAX_RETRY_AFTER_SECONDS) {
        await pause(seconds * 1000, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) {
      const said = answer && typeof answer === 'object' ? (answer as JsonObject).error : undefined;
      throw new NodeOperationError(ctx.node.name, statusErrorMessage(response.statusCode), {
        description: typeof said === 'string' ? `Slack error response: ${JSON.stringify(said)}` : text.slice(0, 500),
      });
    }
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return { data: answer };
    const json = answer as JsonObject;
    if (json.ok === false) throw slackError(client, json);
    if (!client.legacy && json.ts !== undefined) {
      json.message_timestamp = json.ts;
      delete json.ts;
    }
    return json;
  }
}

/**
 * Every page of a list method, n8n's way: `limit` 100 (`count` for files.list), following
 * `response_metadata.next_cursor` or classic `paging` until the last page; the entries under
 * `property` (or its `matches`, for search) are gathered.
 */
export async function slackRequestAll(client: SlackClient, property: string, method: 'GET' | 'POST', path: string, query: JsonObject = {}): Promise<unknown[]> {
  const all: unknown[] = [];
  const q: JsonObject = { ...query, page: 1, ...(path.includes('files.list') ? { count: 100 } : { limit: 100 }) };
  for (;;) {
    const answer = await slackRequest(client, { method, path, query: q });
    const cursor = (answer.response_metadata as JsonObject | undefined)?.next_cursor;
    const list = answer[property] as JsonObject | unknown[] | undefined;
    const entries = (list && !Array.isArray(list) ? (list.matches as unknown[] | undefined) : undefined) ?? list;
    if (Array.isArray(entries)) all.push(...entries);
    const paging = answer.paging as JsonObject | undefined;
    const innerPaging = list && !Array.isArray(list) ? (list.paging as JsonObject | undefined) : undefined;
    const morePages = (p?: JsonObject) => p?.pages !== undefined && p.page !== undefined && Number(p.page) < Number(p.pages);
    if (!(typeof cursor === 'string' && cursor !== '') && !morePages(paging) && !morePages(innerPaging)) return all;
    q.cursor = typeof cursor === 'string' && cursor ? cursor : undefined;
    q.page = Number(q.page) + 1;
  }
}
