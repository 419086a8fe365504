// What custom canvas nodes may ask of the canvas (Svelte context, set by Canvas.svelte).
import { getContext, setContext } from 'svelte';

export interface CanvasActions {
  /** A sticky note was resized: store its new size and place. */
  resized(name: string, box: { x: number; y: number; width: number; height: number }): void;
}

const KEY = Symbol('weft-canvas');

export function provideCanvasActions(actions: CanvasActions): void {
  setContext(KEY, actions);
}

export function canvasActions(): CanvasActions | undefined {
  return getContext<CanvasActions | undefined>(KEY);
}
