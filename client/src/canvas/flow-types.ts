// The data each canvas node carries: what WorkflowNode.svelte draws.
import type { Node, Edge } from '@xyflow/svelte';
import type { NodeRunState } from '../lib/live.svelte.ts';
import type { DiffBadge } from '../lib/replay-diff.ts';

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
  /** The main outputs that already lead somewhere (their + shows on hover only, as in n8n). */
  linkedOutputs: number[];
  /** An AI sub-node: drawn round, its typed outputs on top, no main input. */
  subNode: boolean;
  /** Typed inputs drawn under a root node (the active ones of its subNodeInputs). */
  subInputs: { type: string; index: number; label: string; required: boolean; handle: string }[];
  /** Typed outputs drawn on top of a sub-node. */
  subOutputs: { type: string; index: number; handle: string }[];
  disabled: boolean;
  /** What keeps the node from running (domain's nodeIssues; empty for a disabled node): the server refuses activation for these. */
  issues: string[];
  trigger: boolean;
  run?: NodeRunState;
  pinned: boolean;
  editors: Editor[];
  diff: DiffMark;
  /** On a replay: how this node's output compares with the run it came from. */
  replayDiff?: DiffBadge;
  /** Step debugger breakpoints set on the node, and whether the shown run is paused at it. */
  breakpoints?: ('before' | 'after')[];
  paused?: 'before' | 'after';
  notes?: string;
  /** n8n's "display note in flow": the note shows under the node. */
  notesInFlow?: boolean;
  /** Sticky notes: the markdown text, and its size. */
  content?: string;
  width?: number;
  height?: number;
};

export type WeftNode = Node<WeftNodeData, 'weft' | 'sticky'>;
export type WeftEdge = Edge<{ count?: number | null; diff?: DiffMark; type?: string }>;

/**
 * A handle's id: `in-0`/`out-1` for main connections, `in-ai_tool-0` for typed ones (n8n's
 * connection types have no dash), so a connection's handles say its type and index.
 */
export function handleId(side: 'in' | 'out', type: string, index: number): string {
  return type === 'main' ? `${side}-${index}` : `${side}-${type}-${index}`;
}

export function parseHandle(id: string | null | undefined): { type: string; index: number } {
  const parts = (id ?? '').split('-');
  if (parts.length === 3) return { type: parts[1]!, index: Number(parts[2]) || 0 };
  return { type: 'main', index: Number(parts[1]) || 0 };
}

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
  // The type's own name, without its package (`@n8n/n8n-nodes-langchain.agent` → AG).
  return name.slice(name.lastIndexOf('.') + 1).slice(0, 2).toUpperCase();
}
