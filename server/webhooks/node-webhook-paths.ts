// Where a node type's own webhooks (community webhook nodes) answer under /webhook/, by n8n's
// path rules; shared by the trigger manager (which registers them) and the call handler.
import { normalizeWebhookPath, type WorkflowNode } from '../../domain/index.ts';
import type { NodeWebhook } from '../../engine/index.ts';

export interface NodeWebhookEntry {
  workflowId: string;
  node: string;
  webhook: NodeWebhook;
  path: string;
  dynamic: boolean;
}

/**
 * n8n's rule: a node with a webhookId answers on `<webhookId>/<path>` (the path as is when the
 * description says isFullPath); without one, on `<workflowId>/<node name>/<path>`.
 */
export function nodeWebhookPath(node: WorkflowNode, webhook: NodeWebhook, workflowId: string): { path: string; dynamic: boolean } {
  const raw = normalizeWebhookPath(webhook.path);
  const webhookId = typeof node.webhookId === 'string' && node.webhookId ? node.webhookId : undefined;
  let path: string;
  if (!webhookId) path = [workflowId, encodeURIComponent(node.name.toLowerCase()), raw].filter(Boolean).join('/');
  else if (webhook.isFullPath) path = raw || webhookId;
  else path = [webhookId, raw].filter(Boolean).join('/');
  return { path, dynamic: path.split('/').some((s) => s.startsWith(':')) };
}
