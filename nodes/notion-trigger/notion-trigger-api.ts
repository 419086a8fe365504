// The Notion calls of n8n's Notion Trigger: its database queries speak Notion-Version 2022-02-22
// (timestamp sorts and filters), with the Notion node's secret, base URL and error wording; a 429 is
// waited out (Retry-After) a few times.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { notionBaseUrl, notionDescription } from '../notion/notion-api.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';

const TIMEOUT_MS = 300_000;
export const NOTION_TRIGGER_VERSION = '2022-02-22';

/** One POST to Notion's API (`path` under /v1) answered as JSON. */
export async function notionPost(ctx: ExecuteContext, path: string, body: JsonObject): Promise<JsonObject> {
  const apiKey = String((await ctx.credentials.get('notionApi')).apiKey ?? '');
  const headers = { authorization: `Bearer ${apiKey}`, 'notion-version': NOTION_TRIGGER_VERSION, accept: 'application/json', 'content-type': 'application/json' };
  const spec = { method: 'POST', url: `${notionBaseUrl()}${path}`, headers, body: JSON.stringify(body) };
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await sendWaitingOutRateLimits(transport, spec, { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, oauth2: ctx });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, 0);
    }
    const text = response.body.toString('utf8');
    if (response.statusCode >= 400) {
      const description = notionDescription(text);
      throw new NodeOperationError(ctx.node.name, apiStatusMessage(response.statusCode), description ? { description } : {});
    }
    try {
      return text.trim() ? (JSON.parse(text) as JsonObject) : {};
    } catch {
      throw new NodeOperationError(ctx.node.name, 'Notion answered with something that is not JSON', { description: text.slice(0, 200) });
    }
  } finally {
    await transport.close();
  }
}
