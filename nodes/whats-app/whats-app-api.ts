// Calls to Meta's Graph API for WhatsApp Business Cloud as n8n's WhatsApp node makes them: the API
// version path n8n uses (v13.0), a Bearer token, JSON bodies or multipart uploads. A 429 is waited out
// (Retry-After) a few times; Graph errors `{error: {message, type, code, fbtrace_id}}` become node
// errors in n8n's words (its "(#100) " prefix dropped).
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 60_000;
export const GRAPH_VERSION = 'v13.0';

export const whatsAppBaseUrl = () => `${serviceUrl('whatsapp', 'https://graph.facebook.com')}/${GRAPH_VERSION}`;

export interface WhatsAppClient { ctx: ExecuteContext; transport: Dispatcher; token: string; businessAccountId: string }

export async function whatsAppClient(ctx: ExecuteContext): Promise<WhatsAppClient> {
  const credential = await ctx.credentials.get('whatsAppApi');
  return {
    ctx, transport: createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks }),
    token: String(credential.accessToken ?? ''), businessAccountId: String(credential.businessAccountId ?? ''),
  };
}

export interface UploadFile { data: Buffer; fileName: string; mimeType: string }

function multipart(fields: Record<string, string>, file: UploadFile): { body: Buffer; contentType: string } {
  const boundary = `----weft${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName.replace(/"/g, '%22')}"\r\n`
    + `Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n\r\n`), file.data, Buffer.from('\r\n'));
  for (const [key, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The node error for a Graph API failure, worded as n8n's WhatsApp node words it. */
function graphError(ctx: ExecuteContext, status: number, answer: JsonObject | undefined, messageType: string | undefined): NodeOperationError {
  const error = (answer?.error ?? {}) as JsonObject;
  const said = typeof error.message === 'string' ? error.message.replace(/^\(#\d+\) /, '') : '';
  if (status === 500 && messageType !== undefined) {
    return new NodeOperationError(ctx.node.name, 'Sending failed', {
      description: 'If you’re sending to a new test number, try sending a message to it from within the Meta developer portal first.' });
  }
  if (status === 400 && messageType !== undefined && said.endsWith('is not a valid whatsapp business account media attachment ID')) {
    return new NodeOperationError(ctx.node.name, `Invalid ${messageType} ID`, { description: said });
  }
  if (status === 400 && messageType !== undefined && said.endsWith('is not a valid URI.')) {
    return new NodeOperationError(ctx.node.name, `Invalid ${messageType} URL`, { description: said });
  }
  return new NodeOperationError(ctx.node.name, said || apiStatusMessage(status), {
    description: `${apiStatusMessage(status)} (${status})${error.code !== undefined ? ` - Graph API error ${String(error.code)}` : ''}`,
  });
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Relative to the versioned Graph URL (`/<phone-number-id>/messages`). */
  path: string;
  json?: JsonObject;
  upload?: { fields: Record<string, string>; file: UploadFile };
  query?: Record<string, string>;
  /** Set for message sends: errors then name the message type as n8n's do. */
  messageType?: string;
}

export async function graphRequest(client: WhatsAppClient, request: GraphRequest): Promise<JsonObject> {
  const { ctx } = client;
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const url = `${whatsAppBaseUrl()}${request.path}${query}`;
  const headers: Record<string, string> = { authorization: `Bearer ${client.token}`, accept: 'application/json' };
  let body: Buffer | string | undefined;
  if (request.upload) {
    const encoded = multipart(request.upload.fields, request.upload.file);
    body = encoded.body;
    headers['content-type'] = encoded.contentType;
  } else if (request.json) {
    body = JSON.stringify(request.json);
    headers['content-type'] = 'application/json';
  }
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) }, {
      timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks,
    });
    const text = response.body.toString('utf8');
    let answer: JsonObject | undefined;
    try {
      answer = JSON.parse(text) as JsonObject;
    } catch { /* not JSON */ }
    if (response.statusCode === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
      const wait = retryAfterMs(response.headers['retry-after'] as string | undefined) ?? 1000;
      if (wait <= MAX_RETRY_AFTER_MS) {
        await pause(wait, ctx.signal);
        continue;
      }
    }
    if (response.statusCode >= 400) throw graphError(ctx, response.statusCode, answer, request.messageType);
    return answer ?? { data: text };
  }
}
