// The production webhook registry: which active workflow and node answer each method + path,
// folded from workflow events so every server process answers the same calls.
import {
  productionDefinition, streamCategory, streamId, webhooksOf, WORKFLOW_CATEGORY, workflowDecider,
  type RecordedEvent, type WebhookEntry, type WorkflowDefinition, type WorkflowEvent, type WorkflowState,
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

/** Per-workflow state the registry needs: whether it is active and which webhooks it declares. */
export interface WebhookOwnerDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  active: boolean;
  deleted: boolean;
  /** The current definition (the draft), to follow fine-grained edits. */
  definition: WorkflowDefinition;
  /** The published definition, once there is one: its webhooks are the ones served. */
  published?: WorkflowDefinition;
  webhooks: WebhookEntry[];
}

export const WEBHOOKS = 'webhooks';
export const WEBHOOK_OWNERS = 'owners';

export function webhookKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

export const webhooksProjection: Projection = {
  name: 'webhooks',
  version: 3,
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
      ? { exists: true, deleted: before.deleted, active: before.active, definition: before.definition, published: before.published, tags: [], workspaceId: before.workspaceId, sharedWith: [] }
      : workflowDecider.initialState();
    const next = workflowDecider.evolve(state, event as unknown as WorkflowEvent);
    if (!next.definition) return;
    if (before && next.definition === before.definition && next.published === before.published && next.active === before.active && next.deleted === before.deleted) return;
    const served = productionDefinition(next)!;
    const webhooks = before && served === productionDefinition(before) ? before.webhooks : webhooksOf(served, id);
    const after: WebhookOwnerDoc = {
      id, workspaceId: next.workspaceId, active: next.active, deleted: next.deleted, definition: next.definition, webhooks,
      ...(next.published ? { published: next.published } : {}),
    };
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
