// Calls to Twilio's REST API (2010-04-01) as n8n's Twilio node makes them: form-encoded POSTs under
// /Accounts/<AccountSid>/, HTTP Basic auth with the account SID and auth token (or an API key's SID
// and secret). A 429 is waited out (Retry-After) a few times; failures carry Twilio's `message`.
import type { Dispatcher } from 'undici';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport, send } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { pause, retryAfterMs } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';

const TIMEOUT_MS = 300_000;
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 60_000;

export const twilioBaseUrl = () => serviceUrl('twilio', 'https://api.twilio.com');

/** Basic auth as n8n's twilioApi credential builds it: the API key pair, else SID and auth token. */
export function twilioAuthorization(credential: Record<string, unknown>): string {
  const pair = credential.authType === 'apiKey'
    ? `${String(credential.apiKeySid ?? '')}:${String(credential.apiKeySecret ?? '')}`
    : `${String(credential.accountSid ?? '')}:${String(credential.authToken ?? '')}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

export interface TwilioClient { ctx: ExecuteContext; transport: Dispatcher; accountSid: string; authorization: string }

export async function twilioClient(ctx: ExecuteContext): Promise<TwilioClient> {
  const credential = await ctx.credentials.get('twilioApi');
  return {
    ctx, transport: createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks }),
    accountSid: String(credential.accountSid ?? ''), authorization: twilioAuthorization(credential),
  };
}

/** POSTs `form` to `/2010-04-01/Accounts/<sid><endpoint>` and answers Twilio's JSON. */
export async function twilioPost(client: TwilioClient, endpoint: string, form: JsonObject): Promise<JsonObject> {
  const { ctx } = client;
  const url = `${twilioBaseUrl()}/2010-04-01/Accounts/${encodeURIComponent(client.accountSid)}${endpoint}`;
  const body = new URLSearchParams(Object.entries(form).map(([k, v]) => [k, v === undefined || v === null ? '' : String(v)])).toString();
  const headers = { authorization: client.authorization, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  for (let attempt = 0; ; attempt++) {
    const response = await send(client.transport, { method: 'POST', url, headers, body }, {
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
    if (response.statusCode >= 400) {
      const message = typeof answer?.message === 'string' && answer.message ? answer.message : apiStatusMessage(response.statusCode);
      const detail = [answer?.code !== undefined ? `Twilio error ${String(answer.code)}` : '', typeof answer?.detail === 'string' ? answer.detail : '', typeof answer?.more_info === 'string' ? answer.more_info : '']
        .filter(Boolean).join(' - ');
      throw new NodeOperationError(ctx.node.name, message, { description: detail || `${apiStatusMessage(response.statusCode)} (${response.statusCode})` });
    }
    return answer ?? { data: text };
  }
}
