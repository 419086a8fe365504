// Keeps the workflows that answer webhooks in memory, so a call does not re-read and re-parse the
// definition; entries are dropped on every event of their workflow.
import type { WorkflowDoc } from '../../projections/index.ts';

export function createWorkflowCache(load: (id: string) => Promise<WorkflowDoc | undefined>, maxEntries = 10_000) {
  const docs = new Map<string, Promise<WorkflowDoc | undefined>>();
  return {
    get(id: string): Promise<WorkflowDoc | undefined> {
      let hit = docs.get(id);
      if (!hit) {
        if (docs.size >= maxEntries) docs.delete(docs.keys().next().value!);
        hit = load(id);
        docs.set(id, hit);
        // A failed read is not remembered.
        hit.catch(() => docs.delete(id));
      }
      return hit;
    },
    invalidate(id: string): void {
      docs.delete(id);
    },
  };
}
