// The editor's keyboard shortcuts: which key press means which action (the list `?` shows).

export type Shortcut =
  | 'undo' | 'redo' | 'run' | 'save' | 'selectAll' | 'duplicate' | 'close' | 'addNode' | 'open' | 'rename'
  | 'toggleDisabled' | 'addSticky' | 'history' | 'fit' | 'zoomIn' | 'zoomOut' | 'help' | 'breakpoint' | 'tidyUp' | 'search';

/** The action of a key press on the canvas (not while typing in a field), if any. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'> & { code?: string }): Shortcut | undefined {
  const key = e.key.toLowerCase();
  // Shift+Alt+T as in n8n; by code, since on a Mac Alt turns the T into another character.
  if (e.altKey) return e.shiftKey && !e.metaKey && !e.ctrlKey && (e.code === 'KeyT' || key === 't') ? 'tidyUp' : undefined;
  if (e.metaKey || e.ctrlKey) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'enter') return 'run';
    if (key === 's') return 'save';
    if (key === 'a') return 'selectAll';
    if (key === 'd') return 'duplicate';
    if (key === 'f') return 'search';
    return undefined;
  }
  switch (e.key) {
    case 'Escape': return 'close';
    case 'Tab': return 'addNode';
    case 'Enter': return 'open';
    case 'F2': return 'rename';
    case '?': return 'help';
    case '+': case '=': return 'zoomIn';
    case '-': return 'zoomOut';
    case '1': return 'fit';
  }
  if (key === 'n') return 'addNode';
  if (key === 'd') return 'toggleDisabled';
  if (key === 's') return 'addSticky';
  if (key === 'h') return 'history';
  if (key === 'b') return 'breakpoint';
  return undefined;
}

/** Whether a key press lands in a text field, where keys are typing, not shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
