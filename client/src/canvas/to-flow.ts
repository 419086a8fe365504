// Turns an n8n definition into Svelte Flow nodes and edges, keeping what the canvas owns
// (selection, measured size, a drag in progress) from the previous frame.
import type { Catalog } from '../lib/node-catalog.ts';
import { inputsOf, outputsOf, STICKY_TYPE } from '../lib/node-catalog.ts';
import type { NodeRunState } from '../lib/live.svelte.ts';
import type { DiffBadge } from '../lib/replay-diff.ts';
import { nodeIssues } from '../../../domain/index.ts';
import type { WorkflowDefinition, WorkflowNode } from '../lib/types.ts';
import { links } from '../lib/workflow-model.ts';
import { nodeIconUrl } from '../lib/node-icon.ts';
import { activeSubNodeInputs, isSubNode, subNodeOutputsOf } from '../lib/sub-nodes.ts';
import { glyph, handleId, parseHandle, type DiffMark, type Editor, type WeftEdge, type WeftNode } from './flow-types.ts';

export interface FlowDecorations {
  run?: Record<string, NodeRunState>;
  editorsByNode?: Map<string, Editor[]>;
  diff?: Map<string, DiffMark>;
  /** Where other people are dragging nodes right now. */
  dragged?: Map<string, [number, number]>;
  /** Nodes the shown version lacks, drawn faintly with their diff mark (history view). */
  ghosts?: WorkflowNode[];
  /** A replay's badges by node name (its diff with the run it came from). */
  replayDiff?: Map<string, DiffBadge>;
  /** Step debugger breakpoints by node name, and where the shown run is paused. */
  breakpoints?: Record<string, ('before' | 'after')[]>;
  paused?: { node: string; when: 'before' | 'after' };
}

export const nodeIdOf = (n: WorkflowNode) => n.id ?? `name:${n.name}`;

export function toFlow(def: WorkflowDefinition, catalog: Catalog | undefined, previous: WeftNode[], deco: FlowDecorations = {}): { nodes: WeftNode[]; edges: WeftEdge[] } {
  const prev = new Map(previous.map((n) => [n.id, n]));
  const all = [...def.nodes, ...(deco.ghosts ?? [])];
  // The server's activation check, run against the editor's catalog (once it has loaded).
  const issues = new Map<string, string[]>();
  for (const issue of catalog ? nodeIssues(def, (type, version) => catalog.describe(type, version), catalog.credentialName) : []) {
    issues.set(issue.node, [...(issues.get(issue.node) ?? []), `${issue.node}: ${issue.message}`]);
  }
  const linked = new Map<string, number[]>();
  for (const l of links(def.connections)) if (l.type === 'main') linked.set(l.from, [...(linked.get(l.from) ?? []), l.output]);
  const nodes: WeftNode[] = all.map((n) => {
    const id = nodeIdOf(n);
    const old = prev.get(id);
    const description = catalog?.describe(n.type, n.typeVersion);
    const sticky = n.type === STICKY_TYPE;
    const p = n.parameters as Record<string, unknown>;
    const theirs = deco.dragged?.get(n.name);
    const position = old?.dragging ? old.position : theirs ? { x: theirs[0], y: theirs[1] } : { x: n.position[0], y: n.position[1] };
    const ghost = deco.ghosts?.includes(n) ?? false;
    const subNode = isSubNode(description);
    return {
      id,
      type: sticky ? 'sticky' : 'weft',
      position,
      selected: old?.selected ?? false,
      measured: old?.measured,
      dragging: old?.dragging,
      draggable: !ghost,
      class: ghost ? 'ghost' : undefined,
      zIndex: sticky ? -1 : 0,
      ...(sticky ? { width: Number(p.width ?? 240), height: Number(p.height ?? 160) } : {}),
      data: {
        name: n.name,
        type: n.type,
        typeLabel: description?.displayName ?? n.type,
        icon: glyph(description?.icon, n.type),
        iconUrl: nodeIconUrl(n.type, description?.icon),
        color: description?.defaults.color ?? '#5b5bd6',
        inputs: inputsOf(description),
        outputs: subNode ? [] : description || !sticky ? outputsOf(n, description) : [],
        linkedOutputs: linked.get(n.name) ?? [],
        subNode,
        subInputs: activeSubNodeInputs(n, description).map((s) => ({ ...s, handle: handleId('in', s.type, s.index) })),
        subOutputs: subNodeOutputsOf(description).map((s) => ({ ...s, handle: handleId('out', s.type, s.index) })),
        disabled: n.disabled === true,
        issues: ghost ? [] : issues.get(n.name) ?? [],
        trigger: description ? description.inputs.length === 0 && !subNode : /trigger/i.test(n.type),
        run: deco.run?.[n.name],
        pinned: def.pinData?.[n.name] !== undefined,
        editors: deco.editorsByNode?.get(n.name) ?? [],
        diff: deco.diff?.get(n.name) ?? (ghost ? 'added' : undefined),
        replayDiff: deco.replayDiff?.get(n.name),
        breakpoints: deco.breakpoints?.[n.name],
        paused: deco.paused?.node === n.name ? deco.paused.when : undefined,
        notes: n.notes,
        notesInFlow: n.notesInFlow === true,
        content: sticky ? String(p.content ?? '') : undefined,
      },
    } satisfies WeftNode;
  });
  const ids = new Map(all.map((n) => [n.name, nodeIdOf(n)]));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: WeftEdge[] = [];
  for (const l of links(def.connections)) {
    const source = ids.get(l.from);
    const target = ids.get(l.to);
    if (!source || !target) continue;
    const id = [l.from, l.type, l.output, l.to, l.input].join('\u0000');
    const sourceHandle = handleId('out', l.type, l.output);
    const targetHandle = handleId('in', l.type, l.input);
    if (l.type !== 'main') {
      // A typed connection is drawn between a sub-node's top and a root's shown input only; one
      // whose input is hidden by the root's parameters stays in the JSON, as in n8n.
      const from = byId.get(source)?.data;
      const to = byId.get(target)?.data;
      if (!from?.subOutputs.some((h) => h.handle === sourceHandle) || !to?.subInputs.some((h) => h.handle === targetHandle)) continue;
      edges.push({ id, source, target, sourceHandle, targetHandle, class: `typed type-${l.type}`, data: { type: l.type } });
      continue;
    }
    const counts = deco.run?.[l.from]?.itemCounts;
    const count = counts?.[l.output];
    edges.push({
      id, source, target, sourceHandle, targetHandle,
      label: count !== undefined && count !== null ? `${count} item${count === 1 ? '' : 's'}` : undefined,
      class: count ? 'has-items' : undefined,
      data: { count, type: 'main' },
    });
  }
  return { nodes, edges };
}

/** Parses an edge id back into n8n's connection terms. */
export function edgeLink(edge: { id: string }): { from: string; output: number; to: string; input: number; type: string } | undefined {
  const [from, type, output, to, input] = edge.id.split('\u0000');
  if (from === undefined || type === undefined || to === undefined) return undefined;
  return { from, output: Number(output), to, input: Number(input), type };
}

/** A drawn connection in n8n's terms, from the handles it joins; undefined when their types differ. */
export function connectionLink(from: string, to: string, sourceHandle: string | null | undefined, targetHandle: string | null | undefined) {
  const out = parseHandle(sourceHandle);
  const into = parseHandle(targetHandle);
  if (out.type !== into.type) return undefined;
  return { from, output: out.index, to, input: into.index, type: out.type };
}
