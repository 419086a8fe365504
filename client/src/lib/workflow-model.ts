// Pure edits of an n8n workflow definition: every canvas action is one of these, so the same
// change can be applied to a local copy or to the shared collaborative document.
import { uniqueNodeName } from '../../../domain/index.ts';
import type { WorkflowConnections, WorkflowDefinition, WorkflowNode } from './types.ts';

export interface Link {
  from: string;
  output: number;
  to: string;
  input: number;
  type: string;
}

/** A deep copy (definitions are plain JSON). */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Every connection as a flat list. */
export function links(connections: WorkflowConnections): Link[] {
  const out: Link[] = [];
  for (const [from, byType] of Object.entries(connections ?? {})) {
    for (const [type, outputs] of Object.entries(byType ?? {})) {
      (outputs ?? []).forEach((targets, output) => {
        for (const t of targets ?? []) out.push({ from, output, to: t.node, input: t.index ?? 0, type: t.type ?? type });
      });
    }
  }
  return out;
}

/** Rebuilds n8n's nested connections object from a flat list. */
export function connectionsOf(list: Link[]): WorkflowConnections {
  const result: WorkflowConnections = {};
  for (const l of list) {
    const byType = (result[l.from] ??= {});
    const outputs = (byType[l.type] ??= []);
    while (outputs.length <= l.output) outputs.push([]);
    (outputs[l.output] ??= []).push({ node: l.to, type: l.type, index: l.input });
  }
  return result;
}

export function linkKey(l: Link): string {
  return `${l.from}\u0000${l.type}\u0000${l.output}\u0000${l.to}\u0000${l.input}`;
}

/** A name not used by any node yet (domain's rule, shared with import). */
export const uniqueName = uniqueNodeName;

export function newId(): string {
  return crypto.randomUUID();
}

export function addNodes(def: WorkflowDefinition, nodes: WorkflowNode[], extraLinks: Link[] = []): WorkflowDefinition {
  return { ...def, nodes: [...def.nodes, ...nodes], connections: connectionsOf([...links(def.connections), ...extraLinks]) };
}

export function removeNodes(def: WorkflowDefinition, names: Set<string>): WorkflowDefinition {
  const pinData = def.pinData ? Object.fromEntries(Object.entries(def.pinData).filter(([k]) => !names.has(k))) : undefined;
  return {
    ...def,
    nodes: def.nodes.filter((n) => !names.has(n.name)),
    connections: connectionsOf(links(def.connections).filter((l) => !names.has(l.from) && !names.has(l.to))),
    ...(pinData ? { pinData } : {}),
  };
}

export function updateNode(def: WorkflowDefinition, name: string, patch: (node: WorkflowNode) => WorkflowNode): WorkflowDefinition {
  return { ...def, nodes: def.nodes.map((n) => (n.name === name ? patch(clone(n)) : n)) };
}

export function moveNodes(def: WorkflowDefinition, positions: Map<string, [number, number]>): WorkflowDefinition {
  return { ...def, nodes: def.nodes.map((n) => (positions.has(n.name) ? { ...n, position: positions.get(n.name)! } : n)) };
}

/** Renames a node and every connection naming it (n8n keys connections by name). */
export function renameNode(def: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to) return def;
  const renamed = links(def.connections).map((l) => ({ ...l, from: l.from === from ? to : l.from, to: l.to === from ? to : l.to }));
  const pinData = def.pinData && from in def.pinData
    ? Object.fromEntries(Object.entries(def.pinData).map(([k, v]) => [k === from ? to : k, v]))
    : def.pinData;
  return {
    ...def,
    nodes: def.nodes.map((n) => (n.name === from ? { ...n, name: to } : n)),
    connections: connectionsOf(renamed),
    ...(pinData ? { pinData } : {}),
  };
}

export function connect(def: WorkflowDefinition, link: Link): WorkflowDefinition {
  const all = links(def.connections);
  if (all.some((l) => linkKey(l) === linkKey(link))) return def;
  return { ...def, connections: connectionsOf([...all, link]) };
}

export function disconnect(def: WorkflowDefinition, remove: Link[]): WorkflowDefinition {
  const keys = new Set(remove.map(linkKey));
  return { ...def, connections: connectionsOf(links(def.connections).filter((l) => !keys.has(linkKey(l)))) };
}

/** Sets a value at a dotted path inside a node's parameters (creating objects on the way). */
export function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const root = clone(target) ?? {};
  let cursor: Record<string, unknown> = root;
  path.slice(0, -1).forEach((key) => {
    const next = cursor[key];
    if (typeof next !== 'object' || next === null) cursor[key] = {};
    cursor = cursor[key] as Record<string, unknown>;
  });
  const last = path[path.length - 1]!;
  if (value === undefined) delete cursor[last];
  else cursor[last] = value;
  return root;
}

export function getPath(target: unknown, path: string[]): unknown {
  let cursor = target;
  for (const key of path) {
    if (typeof cursor !== 'object' || cursor === null) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

export function setPinData(def: WorkflowDefinition, node: string, items: unknown[] | undefined): WorkflowDefinition {
  const pinData = { ...(def.pinData ?? {}) };
  if (items === undefined) delete pinData[node];
  else pinData[node] = items;
  return { ...def, pinData };
}

/** The nearest place at or below `wanted` (snapped to a 20 px grid) where no node sits yet. */
export function freeSpot(def: WorkflowDefinition, wanted: { x: number; y: number }): [number, number] {
  const snap = (v: number) => Math.round(v / 20) * 20;
  let x = snap(wanted.x);
  let y = snap(wanted.y);
  const taken = (px: number, py: number) => def.nodes.some((n) => n.type !== 'n8n-nodes-base.stickyNote' && Math.abs(n.position[0] - px) < 160 && Math.abs(n.position[1] - py) < 140);
  for (let i = 0; i < 50 && taken(x, y); i++) y += 160;
  return [x, y];
}
