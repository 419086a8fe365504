// Calls to Dropbox's API v2 the way n8n's Dropbox node makes them: RPC endpoints on
// api.dropboxapi.com with JSON bodies, content endpoints on content.dropboxapi.com with the
// arguments in the Dropbox-API-Arg header and the file bytes as the body, a Bearer token, and, for
// apps with full access, the account's root namespace in Dropbox-API-Path-Root. Dropbox's error
// body ({error_summary, error}) becomes the node error's description; a 429 is waited out.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { latestOAuth2Token } from '../shared/oauth2-retry.ts';
import { param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;

export const dropboxApiUrl = () => serviceUrl('dropbox-api', 'https://api.dropboxapi.com');
export const dropboxContentUrl = () => serviceUrl('dropbox-content', 'https://content.dropboxapi.com');

export interface DropboxClient {
  ctx: ExecuteContext;
  transport: Dispatcher;
  /** Dropbox-API-Path-Root for full-access apps, once known. */
  pathRoot?: string;
}

export interface DropboxCall {
  /** `rpc` answers JSON; `content` takes and answers bytes, with the arguments in a header. */
  host: 'rpc' | 'content';
  path: string;
  args?: JsonObject;
  /** Bytes to send (content uploads). */
  data?: Buffer;
}

export interface DropboxAnswer { body: Buffer; headers: Record<string, string | string[]> }

/** The credential of the node's authentication: the token and the app's access type. */
export async function dropboxCredential(ctx: ExecuteContext): Promise<{ token: string; accessType: string }> {
  const oauth = param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2';
  const credential = await ctx.credentials.get(oauth ? 'dropboxOAuth2Api' : 'dropboxApi');
  const token = oauth ? (credential.oauthTokenData as JsonObject | undefined)?.access_token : credential.accessToken;
  if (typeof token !== 'string' || !token) {
    throw new NodeOperationError(ctx.node.name, oauth ? 'The Dropbox OAuth2 credential has no access token' : 'The Dropbox credential has no access token',
      { description: oauth ? 'Connect the credential first' : 'Set the access token in the credential' });
  }
  return { token, accessType: String(credential.accessType ?? 'full') };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What Dropbox said in a failed answer: its error_summary, else the text (400s are plain text). */
export function dropboxSaid(body: Buffer): string {
  const text = body.toString('utf8');
  const json = parse(text) as JsonObject | undefined;
  if (json && typeof json.error_summary === 'string') return json.error_summary;
  if (json && typeof json.error === 'string') return json.error;
  return text.slice(0, 500);
}

export async function dropboxCall(client: DropboxClient, call: DropboxCall, token: string): Promise<DropboxAnswer> {
  const { ctx } = client;
  const base = call.host === 'rpc' ? dropboxApiUrl() : dropboxContentUrl();
  const headers: Record<string, string> = { authorization: `Bearer ${latestOAuth2Token(ctx, token)}` };
  if (client.pathRoot) headers['dropbox-api-path-root'] = client.pathRoot;
  let body: Buffer | string | undefined;
  if (call.host === 'content') {
    // Header values must be ASCII: Dropbox asks for non-ASCII characters as \uXXXX escapes.
    headers['dropbox-api-arg'] = JSON.stringify(call.args ?? {}).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    if (call.data) {
      headers['content-type'] = 'application/octet-stream';
      body = call.data;
    }
  } else if (call.args) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.args);
  }
  const response = await sendWaitingOutRateLimits(client.transport, { method: 'POST', url: `${base}${call.path}`, headers, ...(body !== undefined ? { body } : {}) }, {
    timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx,
  });
  if (response.statusCode >= 400) {
    throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), { description: dropboxSaid(response.body) });
  }
  return { body: response.body, headers: response.headers };
}

/** An RPC call answering JSON. */
export async function dropboxRpc(client: DropboxClient, path: string, args: JsonObject | undefined, token: string): Promise<JsonObject> {
  const answer = await dropboxCall(client, { host: 'rpc', path, ...(args ? { args } : {}) }, token);
  const json = parse(answer.body.toString('utf8'));
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as JsonObject) : {};
}

/** Every page of a listing: the first call, then `<path>/continue` with the cursor while has_more. */
export async function dropboxRpcAll(client: DropboxClient, path: string, continuePath: string, args: JsonObject, property: string, token: string): Promise<unknown[]> {
  const all: unknown[] = [];
  let answer = await dropboxRpc(client, path, args, token);
  for (;;) {
    const entries = answer[property];
    if (Array.isArray(entries)) all.push(...entries);
    if (answer.has_more !== true || typeof answer.cursor !== 'string') return all;
    answer = await dropboxRpc(client, continuePath, { cursor: answer.cursor }, token);
  }
}
