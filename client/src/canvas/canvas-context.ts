// What custom canvas nodes may ask of the canvas (Svelte context, set by Canvas.svelte).
import { getContext, setContext } from 'svelte';

export interface CanvasActions {
  /** A sticky note was resized: store its new size and place. */
  resized(name: string, box: { x: number; y: number; width: number; height: number }): void;
  /** The + under a root's sub-node input: pick a sub-node of that type to wire in. */
  addSubNode(root: string, type: string, index: number): void;
  /** The + on a node's output: pick a node to add after it, linked from that output. */
  addAfter?(name: string, output: number): void;
  /** Sets or clears a step debugger breakpoint on a node (absent where none can be set). */
  toggleBreakpoint?(name: string, when: 'before' | 'after'): void;
  /** Whether the workflow may be edited here (not a viewer, an old version or a replay). */
  readonly editable: boolean;
}

const KEY = Symbol('weft-canvas');

export function provideCanvasActions(actions: CanvasActions): void {
  setContext(KEY, actions);
}

export function canvasActions(): CanvasActions | undefined {
  return getContext<CanvasActions | undefined>(KEY);
}
