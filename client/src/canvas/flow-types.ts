// The data each canvas node carries: what WorkflowNode.svelte draws.
import type { Node, Edge } from '@xyflow/svelte';
import type { NodeRunState } from '../lib/live.svelte.ts';

export type DiffMark = 'added' | 'changed' | 'removed' | undefined;

export interface Editor {
  name: string;
  color: string;
}

export type WeftNodeData = {
  name: string;
  type: string;
  typeLabel: string;
  icon: string;
  /** A community node's own picture (see lib/node-icon.ts); `icon` is the fallback. */
  iconUrl?: string;
  color: string;
  inputs: string[];
  outputs: string[];
  disabled: boolean;
  /** What keeps the node from running (domain's nodeIssues; empty for a disabled node): the server refuses activation for these. */
  issues: string[];
  trigger: boolean;
  run?: NodeRunState;
  pinned: boolean;
  editors: Editor[];
  diff: DiffMark;
  notes?: string;
  /** n8n's "display note in flow": the note shows under the node. */
  notesInFlow?: boolean;
  /** Sticky notes: the markdown text, and its size. */
  content?: string;
  width?: number;
  height?: number;
};

export type WeftNode = Node<WeftNodeData, 'weft' | 'sticky'>;
export type WeftEdge = Edge<{ count?: number | null; diff?: DiffMark }>;

/** A short glyph for an n8n icon name (`fa:code`), so the canvas needs no icon font. */
export function glyph(icon: string | undefined, name: string): string {
  // Only glyphs every system font has; anything else gets the type's initials.
  const known: Record<string, string> = {
    'fa:mouse-pointer': '▶', 'fa:play': '▶', 'fa:code': '{}', 'fa:pen': '✎', 'fa:arrow-right': '→', 'fa:exclamation-triangle': '⚠',
    'fa:sync': '⟳', 'fa:th-large': '▦', 'fa:sign-in-alt': '⇥', 'fa:sign-out-alt': '⇤', 'fa:filter': '▽', 'fa:code-branch': '⤨',
  };
  const byType: Record<string, string> = { 'n8n-nodes-base.if': 'IF', 'n8n-nodes-base.switch': 'SW', 'n8n-nodes-base.merge': '⤨' };
  if (byType[name]) return byType[name];
  if (icon && known[icon]) return known[icon];
  return name.replace(/^n8n-nodes-base\./, '').slice(0, 2).toUpperCase();
}
