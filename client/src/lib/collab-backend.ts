// Keeps the editor's definition in the shared Y.Doc of the workflow's room: local edits are
// written as targeted changes (collab's applyDefinitionToDoc) under a local origin, so
// Y.UndoManager undoes only my own changes; everyone else's arrive through the observer.
import * as Y from 'yjs';
import { applyDefinitionToDoc, docToDefinition, rootOf } from '../../../collab/index.ts';
import type { EditorDoc, SyncBackend } from './editor-doc.svelte.ts';

export function collabBackend(doc: EditorDoc, ydoc: Y.Doc): SyncBackend {
  const local = { origin: 'local-editor' };
  const root = rootOf(ydoc);
  const undoManager = new Y.UndoManager(root, { trackedOrigins: new Set([local]), captureTimeout: 500 });
  const refreshUndo = () => {
    doc.canUndo = undoManager.undoStack.length > 0;
    doc.canRedo = undoManager.redoStack.length > 0;
  };
  const observer = (_events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === local) return;
    doc.receive(docToDefinition(ydoc));
    refreshUndo();
  };
  root.observeDeep(observer);
  undoManager.on('stack-item-added', refreshUndo);
  undoManager.on('stack-item-popped', refreshUndo);
  doc.receive(docToDefinition(ydoc));
  doc.saveState = 'saved';
  let lastLabel = '';
  return {
    push(next, label, base) {
      // Typing into one field merges into one undo step; a different action always starts a new one.
      if (label !== lastLabel) undoManager.stopCapturing();
      lastLabel = label;
      applyDefinitionToDoc(ydoc, next, base, local);
      refreshUndo();
    },
    undo() {
      undoManager.undo();
    },
    redo() {
      undoManager.redo();
    },
    destroy() {
      root.unobserveDeep(observer);
      undoManager.destroy();
    },
  };
}
