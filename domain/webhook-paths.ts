// Where a workflow's Webhook nodes answer, by n8n's path rules. The server registers these paths;
// the editor shows them as test and production URLs: one rule for both.
import type { WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';

export const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

/** A webhook as a definition declares it, before registration. */
export interface WebhookEntry {
  method: string;
  path: string;
  node: string;
  dynamic: boolean;
  webhookId?: string;
  segments: number;
}

export function normalizeWebhookPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** `httpMethod` (GET by default), or an array of them with `multipleMethods`. */
export function webhookMethods(params: Record<string, unknown>): string[] {
  const value = params.httpMethod ?? 'GET';
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((m) => String(m).toUpperCase()).filter((m) => METHODS.includes(m)))];
}

/**
 * The path one Webhook node answers on, after `/webhook/` or `/webhook-test/`: a path with
 * `:params` is prefixed by the node's webhookId, an empty path is the webhookId, and a node without
 * webhookId (older workflows) uses `<workflowId>/<node name>/<path>`.
 */
export function webhookPathOf(node: WorkflowNode, workflowId: string): { path: string; dynamic: boolean; webhookId?: string } {
  const params = (node.parameters ?? {}) as Record<string, unknown>;
  const raw = normalizeWebhookPath(typeof params.path === 'string' ? params.path : '');
  const webhookId = typeof node.webhookId === 'string' && node.webhookId ? node.webhookId : undefined;
  const dynamic = raw.split('/').some((s) => s.startsWith(':'));
  let path: string;
  if (!webhookId) path = [workflowId, encodeURIComponent(node.name.toLowerCase()), raw].filter(Boolean).join('/');
  else if (raw === '') path = webhookId;
  else if (dynamic) path = `${webhookId}/${raw}`;
  else path = raw;
  return { path, dynamic, ...(webhookId ? { webhookId } : {}) };
}

/** Every enabled Webhook node's method + path. */
export function webhooksOf(definition: WorkflowDefinition, workflowId: string): WebhookEntry[] {
  const out: WebhookEntry[] = [];
  for (const node of definition.nodes) {
    if (node.type !== WEBHOOK_NODE_TYPE || node.disabled) continue;
    const { path, dynamic, webhookId } = webhookPathOf(node, workflowId);
    for (const method of webhookMethods((node.parameters ?? {}) as Record<string, unknown>)) {
      out.push({ method, path, node: node.name, dynamic, segments: path.split('/').length, ...(webhookId ? { webhookId } : {}) });
    }
  }
  return out;
}
