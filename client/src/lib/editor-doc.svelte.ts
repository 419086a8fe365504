// The workflow being edited: every change is a pure edit of the definition (workflow-model.ts)
// applied here, with per-user undo and redo. A sync backend shares it: the collaborative room
// when the server offers one, else saving over REST (If-Match) and reloading on others' edits.
import { ApiError, type Api } from './api.ts';
import { definitionOf, type ApiWorkflow, type WorkflowDefinition } from './types.ts';
import { clone } from './workflow-model.ts';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'conflict' | 'error' | 'readonly';

/** Where a definition is kept in sync; the doc calls `push` after each local change. */
export interface SyncBackend {
  push(next: WorkflowDefinition, label: string, base: WorkflowDefinition): void;
  /** A backend with its own per-user history (Y.UndoManager) undoes and redoes itself. */
  undo?(): void;
  redo?(): void;
  destroy(): void;
}

const UNDO_LIMIT = 100;

export class EditorDoc {
  definition = $state.raw<WorkflowDefinition>({ name: '', nodes: [], connections: {}, settings: {} } as unknown as WorkflowDefinition);
  saveState = $state<SaveState>('saved');
  saveError = $state('');
  revision = $state(0);
  readOnly = $state(false);
  private undoStack: { label: string; before: WorkflowDefinition }[] = [];
  private redoStack: { label: string; before: WorkflowDefinition }[] = [];
  canUndo = $state(false);
  canRedo = $state(false);
  backend: SyncBackend | undefined;

  /** Applies a local edit; it becomes one undo step. */
  apply(label: string, edit: (def: WorkflowDefinition) => WorkflowDefinition): void {
    if (this.readOnly) return;
    const before = this.definition;
    const next = edit(before);
    if (next === before) return;
    this.undoStack.push({ label, before });
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.commit(next, label);
  }

  undo(): void {
    if (this.backend?.undo) {
      if (!this.readOnly) this.backend.undo();
      return;
    }
    const step = this.undoStack.pop();
    if (!step || this.readOnly) return;
    this.redoStack.push({ label: step.label, before: this.definition });
    this.commit(step.before, `undo ${step.label}`);
  }

  redo(): void {
    if (this.backend?.redo) {
      if (!this.readOnly) this.backend.redo();
      return;
    }
    const step = this.redoStack.pop();
    if (!step || this.readOnly) return;
    this.undoStack.push({ label: step.label, before: this.definition });
    this.commit(step.before, `redo ${step.label}`);
  }

  /** A change made by someone else: replaces the definition without touching my undo history. */
  receive(next: WorkflowDefinition): void {
    this.definition = next;
  }

  private commit(next: WorkflowDefinition, label: string): void {
    const base = this.definition;
    this.definition = next;
    this.canUndo = this.undoStack.length > 0;
    this.canRedo = this.redoStack.length > 0;
    this.backend?.push(next, label, base);
  }
}

/**
 * Saves over REST: changes are debounced into one PUT with If-Match; a stale revision (someone
 * else saved) reloads the server's version and re-applies nothing silently: the person sees a
 * conflict notice. `refresh` pulls a newer revision announced by the live feed.
 */
export function restBackend(api: Api, doc: EditorDoc, workflowId: string, debounceMs = 400) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: WorkflowDefinition | undefined;
  let inFlight: Promise<void> | undefined;
  let refreshAfterSave = false;
  /** The newest revision the live feed told us about. */
  let announced = 0;

  async function flush(): Promise<void> {
    if (!pending) return;
    const body = pending;
    pending = undefined;
    doc.saveState = 'saving';
    try {
      const { body: saved } = await api.requestWithHeaders<ApiWorkflow>(`/api/v1/workflows/${workflowId}`, {
        method: 'PUT', body, headers: { 'if-match': `"${doc.revision}"` },
      });
      doc.revision = saved.revision;
      doc.saveState = pending ? 'unsaved' : 'saved';
      doc.saveError = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        doc.saveState = 'conflict';
        doc.saveError = 'Someone else changed this workflow; their version is shown.';
        await refresh(true);
      } else {
        doc.saveState = 'error';
        doc.saveError = error instanceof Error ? error.message : String(error);
      }
    }
  }

  /**
   * Loads the stored workflow when it is newer than mine. `atLeast` is the revision the live feed
   * announced: the read model may trail the log by a moment, so ask again until it has it.
   */
  async function refresh(force = false, atLeast = 0): Promise<void> {
    announced = Math.max(announced, atLeast);
    if (!force && (pending || inFlight)) {
      // Mine is being saved: look again once it is (a newer revision then means someone else's).
      refreshAfterSave = true;
      return;
    }
    atLeast = announced;
    for (let attempt = 0; ; attempt++) {
      const { body } = await api.requestWithHeaders<ApiWorkflow>(`/api/v1/workflows/${workflowId}`);
      if (body.revision < atLeast && attempt < 20) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (!force && body.revision <= doc.revision) return;
      doc.revision = body.revision;
      doc.receive(clone(definitionOf(body)));
      return;
    }
  }

  const backend: SyncBackend & { refresh: typeof refresh; flush: () => Promise<void> } = {
    push(next) {
      pending = next;
      doc.saveState = 'unsaved';
      clearTimeout(timer);
      timer = setTimeout(() => {
        inFlight = (inFlight ?? Promise.resolve()).then(flush).finally(() => {
          inFlight = undefined;
          if (refreshAfterSave && !pending) {
            refreshAfterSave = false;
            void refresh().catch(() => undefined);
          }
        });
      }, debounceMs);
    },
    refresh,
    async flush() {
      clearTimeout(timer);
      await (inFlight ?? Promise.resolve());
      await flush();
    },
    destroy() {
      clearTimeout(timer);
      if (pending) void flush();
    },
  };
  return backend;
}
