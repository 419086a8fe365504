// The production webhook registry: which active workflow and node answer each method + path,
// folded from workflow events so every server process answers the same calls.
import {
  streamCategory, streamId, WORKFLOW_CATEGORY, workflowDecider,
  type RecordedEvent, type WorkflowDefinition, type WorkflowEvent, type WorkflowState,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { Collection } from './read-model-store.ts';

/** One registered webhook: `id` is `<METHOD> <path>` for static paths. */
export interface WebhookDoc {
  [k: string]: unknown;
  id: string;
  method: string;
  /** Normalised path without leading or trailing slashes; dynamic ones start with the webhookId. */
  path: string;
  workflowId: string;
  workspaceId: string;
  node: string;
  /** True when the path has `:params`; matched by webhookId and segment count. */
  dynamic: boolean;
  webhookId?: string;
  segments: number;
}

/** A webhook as a definition declares it, before registration. */
export interface WebhookEntry {
  method: string;
  path: string;
  node: string;
  dynamic: boolean;
  webhookId?: string;
  segments: number;
}

/** Per-workflow state the registry needs: whether it is active and which webhooks it declares. */
export interface WebhookOwnerDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  active: boolean;
  deleted: boolean;
  /** The current definition, to follow fine-grained edits. */
  definition: WorkflowDefinition;
  webhooks: WebhookEntry[];
}

export const WEBHOOKS = 'webhooks';
export const WEBHOOK_OWNERS = 'owners';

const WEBHOOK_NODE = 'n8n-nodes-base.webhook';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

export function webhookKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export function normalizeWebhookPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The webhooks a definition declares, with n8n's path rules: a path with `:params` is prefixed by
 * the node's webhookId, an empty path is the webhookId, and a node without webhookId (older
 * workflows) uses `<workflowId>/<node name>/<path>`.
 */
export function webhooksOf(definition: WorkflowDefinition, workflowId: string): WebhookOwnerDoc['webhooks'] {
  const out: WebhookOwnerDoc['webhooks'] = [];
  for (const node of definition.nodes) {
    if (node.type !== WEBHOOK_NODE || node.disabled) continue;
    const params = (node.parameters ?? {}) as Record<string, unknown>;
    const raw = normalizeWebhookPath(typeof params.path === 'string' ? params.path : '');
    const webhookId = typeof node.webhookId === 'string' && node.webhookId ? node.webhookId : undefined;
    const dynamic = raw.split('/').some((s) => s.startsWith(':'));
    let path: string;
    if (!webhookId) path = [workflowId, encodeURIComponent(node.name.toLowerCase()), raw].filter(Boolean).join('/');
    else if (raw === '') path = webhookId;
    else if (dynamic) path = `${webhookId}/${raw}`;
    else path = raw;
    for (const method of webhookMethods(params)) {
      out.push({ method, path, node: node.name, dynamic, segments: path.split('/').length, ...(webhookId ? { webhookId } : {}) });
    }
  }
  return out;
}

/** `httpMethod` (GET by default), or an array of them with `multipleMethods`. */
export function webhookMethods(params: Record<string, unknown>): string[] {
  const value = params.httpMethod ?? 'GET';
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((m) => String(m).toUpperCase()).filter((m) => METHODS.includes(m)))];
}

export const webhooksProjection: Projection = {
  name: 'webhooks',
  version: 2,
  collections: [
    { name: WEBHOOKS, indexes: [{ fields: ['workflowId'] }, { fields: ['webhookId', 'method'] }] },
    { name: WEBHOOK_OWNERS },
  ],
  accepts: (event) => streamCategory(event.stream) === WORKFLOW_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const owners = tx.collection<WebhookOwnerDoc>(WEBHOOK_OWNERS);
    const hooks: Collection<WebhookDoc> = tx.collection<WebhookDoc>(WEBHOOKS);
    const id = streamId(event.stream);
    const before = await owners.get(id);
    // The aggregate's own evolve: every way a definition changes (replacements, collaborative
    // edits, restored versions) reaches the registry without listing them here.
    const state: WorkflowState = before
      ? { exists: true, deleted: before.deleted, active: before.active, definition: before.definition, tags: [], workspaceId: before.workspaceId, sharedWith: [] }
      : workflowDecider.initialState();
    const next = workflowDecider.evolve(state, event as unknown as WorkflowEvent);
    if (!next.definition) return;
    if (before && next.definition === before.definition && next.active === before.active && next.deleted === before.deleted) return;
    const webhooks = next.definition === before?.definition ? before.webhooks : webhooksOf(next.definition, id);
    const after: WebhookOwnerDoc = { id, workspaceId: next.workspaceId, active: next.active, deleted: next.deleted, definition: next.definition, webhooks };
    await owners.upsert(after);
    const wasServing = before?.active === true && !before.deleted;
    const serving = after.active && !after.deleted;
    if (wasServing && serving && JSON.stringify(before.webhooks) === JSON.stringify(after.webhooks)) return;
    if (wasServing) await unregister(hooks, id);
    if (serving) {
      for (const w of after.webhooks) {
        const key = webhookKey(w.method, w.path);
        const holder = await hooks.get(key);
        // First come keeps the path: activation refuses taken paths, so this only settles races.
        if (holder && holder.workflowId !== id) continue;
        await hooks.upsert({ ...w, id: key, workflowId: id, workspaceId: after.workspaceId } as WebhookDoc);
      }
    }
  },
};

async function unregister(hooks: Collection<WebhookDoc>, workflowId: string): Promise<void> {
  for (;;) {
    const page = await hooks.find({ filter: { workflowId }, limit: 200 });
    for (const doc of page.items) await hooks.delete(doc.id);
    if (page.items.length < 200) return;
  }
}
