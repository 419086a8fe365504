// Tidy up (n8n's Shift+Alt+T): lays the workflow out left to right with dagre. AI sub-nodes are
// not ranked in the flow: they sit in a row under the root they plug into, as when added.
// Sticky notes keep their place. Pure: the caller applies the positions as one edit.
import { Graph, layout } from '@dagrejs/dagre';
import type { WorkflowDefinition } from '../lib/types.ts';
import { links } from '../lib/workflow-model.ts';
import { STICKY_TYPE } from '../lib/node-catalog.ts';

/** The room a node takes on the canvas, its caption under it included. */
const NODE = { width: 100, height: 120 };
/** How far under a root its sub-nodes go, and how far apart they sit (addNode uses the same drop). */
const SUB_DROP = 240;
const SUB_STEP = 120;
const GRID = 20;

export function tidyUpPositions(def: WorkflowDefinition): Map<string, [number, number]> {
  const all = links(def.connections);
  const placed = def.nodes.filter((n) => n.type !== STICKY_TYPE);
  const names = new Set(placed.map((n) => n.name));
  // A sub-node has typed outgoing links only and no main connection at all.
  const onMain = new Set(all.filter((l) => l.type === 'main').flatMap((l) => [l.from, l.to]));
  const rootOf = new Map<string, string>();
  for (const l of all) {
    if (l.type !== 'main' && !onMain.has(l.from) && names.has(l.to) && !rootOf.has(l.from)) rootOf.set(l.from, l.to);
  }
  const subsOf = new Map<string, string[]>();
  for (const n of placed) {
    const root = rootOf.get(n.name);
    if (root) subsOf.set(root, [...(subsOf.get(root) ?? []), n.name]);
  }
  const ranked = placed.filter((n) => !rootOf.has(n.name));
  if (ranked.length === 0) return new Map();

  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 60, ranksep: 100 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of ranked) {
    const subs = subsOf.get(n.name)?.length ?? 0;
    // A root reserves the room of its sub-node row under it.
    g.setNode(n.name, subs ? { width: Math.max(NODE.width, subs * SUB_STEP), height: NODE.height + SUB_DROP } : { ...NODE });
  }
  for (const l of all) if (l.type === 'main' && g.hasNode(l.from) && g.hasNode(l.to) && l.from !== l.to) g.setEdge(l.from, l.to);
  layout(g);

  const laidOut = new Map<string, [number, number]>();
  // Sub-nodes may have their own (a vector store's embeddings): each row goes under its root.
  const placeSubs = (root: string, [x, y]: [number, number]) => {
    (subsOf.get(root) ?? []).forEach((sub, i) => {
      if (laidOut.has(sub)) return;
      const at: [number, number] = [x + i * SUB_STEP, y + SUB_DROP];
      laidOut.set(sub, at);
      placeSubs(sub, at);
    });
  };
  for (const n of ranked) {
    const box = g.node(n.name);
    const at: [number, number] = [box.x - box.width / 2, box.y - box.height / 2];
    laidOut.set(n.name, at);
    placeSubs(n.name, at);
  }
  // Keep the workflow where it was on the canvas: the laid-out graph starts at its old top left.
  const before = placed.filter((n) => laidOut.has(n.name));
  const dx = Math.min(...before.map((n) => n.position[0])) - Math.min(...[...laidOut.values()].map((p) => p[0]));
  const dy = Math.min(...before.map((n) => n.position[1])) - Math.min(...[...laidOut.values()].map((p) => p[1]));
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  return new Map([...laidOut].map(([name, [x, y]]) => [name, [snap(x + dx), snap(y + dy)]]));
}
