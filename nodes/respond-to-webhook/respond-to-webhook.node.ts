// Respond to Webhook (n8n-nodes-base.respondToWebhook v1–1.5): decides the answer to the call that
// started the run and sends it through the engine (recorded on the run, where the webhook server
// holding the call picks it up); its outputs are n8n's.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { respondToWebhookDescription, responseOutputs } from './respond-to-webhook.description.ts';
import type { WebhookResponse } from './webhook-response.ts';

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  const response = buildResponse(ctx, items);
  await ctx.sendResponse(response as unknown as JsonObject);
  const outputs: Item[][] = [items];
  if (responseOutputs(ctx.node.parameters ?? {}, ctx.node.typeVersion).length > 1) {
    outputs.push([{ json: { response: response.body.kind === 'json' || response.body.kind === 'text' ? response.body.value : null } as JsonObject }]);
  }
  return outputs;
}

export function buildResponse(ctx: ExecuteContext, items: Item[]): WebhookResponse {
  const node = ctx.node.name;
  const respondWith = String(ctx.getNodeParameter('respondWith', 0, 'firstIncomingItem'));
  const options = (ctx.getNodeParameter('options', 0, {}) ?? {}) as JsonObject;
  const headers: Record<string, string> = {};
  const entries = ((options.responseHeaders as JsonObject | undefined)?.entries ?? []) as { name?: string; value?: unknown }[];
  for (const e of entries) if (e.name) headers[e.name.toLowerCase()] = String(e.value ?? '');
  let statusCode = Number(options.responseCode ?? 200);
  const wrap = (value: unknown) => (typeof options.responseKey === 'string' && options.responseKey ? { [options.responseKey]: value } : value);

  switch (respondWith) {
    case 'allIncomingItems':
      return { statusCode, headers, body: { kind: 'json', value: wrap(items.map((i) => i.json)) } };
    case 'firstIncomingItem':
      return { statusCode, headers, body: { kind: 'json', value: wrap(items[0]?.json ?? {}) } };
    case 'json': {
      const raw = ctx.getNodeParameter('responseBody', 0, '{}');
      let value = raw;
      if (typeof raw === 'string') {
        try {
          value = raw.trim() === '' ? {} : JSON.parse(raw);
        } catch {
          throw new NodeOperationError(node, "Invalid JSON in 'Response Body' field");
        }
      }
      return { statusCode, headers, body: { kind: 'json', value } };
    }
    case 'text':
      return { statusCode, headers, body: { kind: 'text', value: String(ctx.getNodeParameter('responseBody', 0, '') ?? '') } };
    case 'binary': {
      const item = items[0];
      if (!item?.binary) throw new NodeOperationError(node, 'No binary data exists on the first item');
      const source = String(ctx.getNodeParameter('responseDataSource', 0, 'automatically'));
      const field = source === 'set' ? String(ctx.getNodeParameter('inputFieldName', 0, 'data')) : Object.keys(item.binary)[0];
      const binary = item.binary[field];
      if (!binary) throw new NodeOperationError(node, `The binary field '${field}' does not exist on the first item`);
      return { statusCode, headers, body: { kind: 'binary', data: binary.data, mimeType: binary.mimeType, fileName: binary.fileName } };
    }
    case 'redirect':
      statusCode = Number(options.responseCode ?? 307);
      headers.location = String(ctx.getNodeParameter('redirectURL', 0, ''));
      return { statusCode, headers, body: { kind: 'none' } };
    case 'noData':
      return { statusCode, headers, body: { kind: 'none' } };
    default:
      throw new NodeOperationError(node, `Responding with '${respondWith}' is not supported`);
  }
}

export const respondToWebhookNode: NodeType = { description: respondToWebhookDescription, execute };
