// Webhook (n8n-nodes-base.webhook v1–2.1): starts a run from an HTTP call. The server does the
// HTTP work (server/webhooks); inside a run the node hands on the request item it was given.
import type { ExecuteContext, NodeOutput, NodeType } from '../../engine/index.ts';
import { webhookDescription } from './webhook.description.ts';

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  // Injected request data passes through; a plain manual run with no call gets one empty item.
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const webhookNode: NodeType = { description: webhookDescription, execute };
