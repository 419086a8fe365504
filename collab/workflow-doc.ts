// The Y.Doc schema of a workflow and the converters between it and the n8n-shaped definition.
//
// One root Y.Map `workflow` holds `name`, `settings` (Y.Map, a key per setting), `nodes` and
// `connections` (Y.Map<id, Y.Map>, a key per field) and every other top-level field as a plain
// value. A node's `parameters` are nested Y.Maps down to the leaves; code parameters are Y.Text so
// two people can type in one Code node. Arrays stay plain values: a Y.Array of entities duplicates
// them under concurrent edits. Connections reference node ids, so a rename never breaks them.
import * as Y from 'yjs';
import { connectionId, nodeKey, type WorkflowDefinition, type WorkflowNode } from '../domain/index.ts';

export const ROOT = 'workflow';
/** Parameters edited as text by several people at once (Code, Function, Function Item nodes). */
export const CODE_PARAMETERS: ReadonlySet<string> = new Set(['jsCode', 'pythonCode', 'functionCode']);
/** Node map keys that are ours, not n8n fields: the node's place in the list and its output slots. */
export const ORDER = '$order';
export const OUTPUTS = '$outputs';

export type YNode = Y.Map<unknown>;

/** The fields of one connection row, `from`/`to` being node ids. */
export interface ConnectionRow {
  from: string;
  type: string;
  output: number;
  to: string;
  toType: string;
  input: number;
  /** Place among the targets of one output slot (ties broken by id). */
  rank: number;
}

export function rootOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT);
}

/** The nodes map; throws until the server has initialised the document (clients never create it). */
export function nodesOf(doc: Y.Doc): Y.Map<YNode> {
  const nodes = rootOf(doc).get('nodes');
  if (!(nodes instanceof Y.Map)) throw new Error('The workflow document is not initialised yet');
  return nodes as Y.Map<YNode>;
}

export function connectionsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  const connections = rootOf(doc).get('connections');
  if (!(connections instanceof Y.Map)) throw new Error('The workflow document is not initialised yet');
  return connections as Y.Map<Y.Map<unknown>>;
}

export function settingsOf(doc: Y.Doc): Y.Map<unknown> {
  const settings = rootOf(doc).get('settings');
  if (!(settings instanceof Y.Map)) throw new Error('The workflow document is not initialised yet');
  return settings as Y.Map<unknown>;
}

export function isInitialised(doc: Y.Doc): boolean {
  return rootOf(doc).get('nodes') instanceof Y.Map;
}

/** A JSON value as a Y value: objects become Y.Maps (deep), code strings Y.Text, the rest stays. */
export function toYValue(value: unknown, key: string): unknown {
  if (isObject(value)) return toYMap(value);
  if (typeof value === 'string' && CODE_PARAMETERS.has(key)) return new Y.Text(value);
  return value;
}

export function toYMap(obj: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) map.set(k, toYValue(v, k));
  return map;
}

/** A Y value back as JSON; plain values are copied so callers cannot change the document by accident. */
export function fromYValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value.entries()) out[k] = fromYValue(v);
    return out;
  }
  if (value instanceof Y.Text) return value.toString();
  if (typeof value === 'object' && value !== null) return structuredClone(value);
  return value;
}

/** Fills an empty document with a definition, in one transaction. */
export function definitionToDoc(definition: WorkflowDefinition, doc = new Y.Doc(), origin: unknown = null): Y.Doc {
  doc.transact(() => {
    const root = rootOf(doc);
    const nodes = new Y.Map<YNode>();
    const connections = new Y.Map<Y.Map<unknown>>();
    for (const [key, value] of Object.entries(definition)) {
      if (key === 'nodes' || key === 'connections' || value === undefined) continue;
      root.set(key, key === 'settings' && isObject(value) ? toYMap(value) : value);
    }
    root.set('nodes', nodes);
    root.set('connections', connections);
    definition.nodes.forEach((node, index) => nodes.set(nodeKey(node), nodeToY(node, index, outputShape(definition, node.name))));
    for (const row of connectionRows(definition)) connections.set(row.id, rowToY(row));
  }, origin);
  return doc;
}

export function nodeToY(node: WorkflowNode, order: number, shape: Record<string, string> = {}): YNode {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(node)) {
    if (k === 'id' || v === undefined) continue;
    map.set(k, k === 'parameters' && isObject(v) ? toYMap(v) : v);
  }
  map.set(ORDER, order);
  const outputs = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(shape)) outputs.set(k, v);
  map.set(OUTPUTS, outputs);
  return map;
}

export function rowToY(row: ConnectionRow): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(row)) if (k !== 'id') map.set(k, v);
  return map;
}

/**
 * The declared output slots of a node, so empty and null slots survive the round trip:
 * `*` the node has a connections entry, `t:<type>` it lists that type, `s:<type>:<i>` slot i
 * exists (`slot`, or `null` for n8n's null slot).
 */
export function outputShape(definition: WorkflowDefinition, name: string): Record<string, string> {
  const entry = Object.hasOwn(definition.connections, name) ? definition.connections[name] : undefined;
  if (!entry) return {};
  const shape: Record<string, string> = { '*': 'source' };
  for (const [type, outputs] of Object.entries(entry)) {
    shape[`t:${type}`] = 'type';
    outputs.forEach((slot, i) => (shape[`s:${type}:${i}`] = slot === null ? 'null' : 'slot'));
  }
  return shape;
}

/** Every connection of a definition as a row with its deterministic id. */
export function connectionRows(definition: WorkflowDefinition): (ConnectionRow & { id: string })[] {
  const keyOf = new Map(definition.nodes.map((n) => [n.name, nodeKey(n)]));
  const rows: (ConnectionRow & { id: string })[] = [];
  for (const [source, byType] of Object.entries(definition.connections)) {
    const from = keyOf.get(source) ?? `name:${source}`;
    for (const [type, outputs] of Object.entries(byType)) {
      outputs.forEach((targets, output) => {
        (targets ?? []).forEach((t, rank) => {
          const to = keyOf.get(t.node) ?? `name:${t.node}`;
          const toType = t.type ?? type;
          rows.push({ id: connectionId(from, type, output, to, toType, t.index), from, type, output, to, toType, input: t.index, rank });
        });
      });
    }
  }
  return rows;
}

export function readRow(map: Y.Map<unknown>): ConnectionRow {
  return {
    from: map.get('from') as string, type: map.get('type') as string, output: map.get('output') as number,
    to: map.get('to') as string, toType: map.get('toType') as string, input: map.get('input') as number, rank: (map.get('rank') as number) ?? 0,
  };
}

/** The nodes in their canonical order: by `$order`, ties (concurrent additions) by id. */
export function orderedNodes(doc: Y.Doc): [string, YNode][] {
  return [...nodesOf(doc).entries()].sort(([ka, a], [kb, b]) => ((a.get(ORDER) as number) ?? 0) - ((b.get(ORDER) as number) ?? 0) || (ka < kb ? -1 : ka > kb ? 1 : 0));
}

/** The canonical definition a document holds. Rows pointing at missing nodes are left out. */
export function docToDefinition(doc: Y.Doc): WorkflowDefinition {
  const root = rootOf(doc);
  const definition: Record<string, unknown> = { name: root.get('name') };
  const ordered = orderedNodes(doc);
  const names = new Map(ordered.map(([key, node]) => [key, node.get('name') as string]));
  definition.nodes = ordered.map(([key, map]) => {
    const node: Record<string, unknown> = key.startsWith('name:') ? {} : { id: key };
    for (const [k, v] of map.entries()) if (k !== ORDER && k !== OUTPUTS) node[k] = fromYValue(v);
    return node;
  });
  definition.connections = buildConnections(doc, ordered, names);
  for (const [k, v] of root.entries()) {
    if (k === 'name' || k === 'nodes' || k === 'connections') continue;
    definition[k] = fromYValue(v);
  }
  return definition as WorkflowDefinition;
}

function buildConnections(doc: Y.Doc, ordered: [string, YNode][], names: Map<string, string>): WorkflowDefinition['connections'] {
  const bySource = new Map<string, (ConnectionRow & { id: string })[]>();
  for (const [id, map] of connectionsOf(doc).entries()) {
    const row = readRow(map);
    if (!names.has(row.from) || !names.has(row.to)) continue;
    const list = bySource.get(row.from) ?? [];
    list.push({ ...row, id });
    bySource.set(row.from, list);
  }
  const connections: WorkflowDefinition['connections'] = {};
  for (const [key, node] of ordered) {
    const shape = node.get(OUTPUTS) instanceof Y.Map ? [...(node.get(OUTPUTS) as Y.Map<string>).entries()] : [];
    const rows = bySource.get(key) ?? [];
    if (shape.length === 0 && rows.length === 0) continue;
    const types = new Map<string, Map<number, string>>();
    for (const [k, v] of shape) {
      if (k.startsWith('t:')) types.set(k.slice(2), types.get(k.slice(2)) ?? new Map());
      const m = /^s:(.*):(\d+)$/.exec(k);
      if (m) types.set(m[1], (types.get(m[1]) ?? new Map()).set(Number(m[2]), v));
    }
    for (const row of rows) if (!types.has(row.type)) types.set(row.type, new Map());
    const entry: Record<string, ({ node: string; type: string; index: number }[] | null)[]> = {};
    for (const [type, slots] of types) {
      const ofType = rows.filter((r) => r.type === type).sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const length = Math.max(-1, ...slots.keys(), ...ofType.map((r) => r.output)) + 1;
      entry[type] = Array.from({ length }, (_, i) => {
        const targets = ofType.filter((r) => r.output === i);
        if (targets.length === 0 && slots.get(i) === 'null') return null;
        return targets.map((r) => ({ node: names.get(r.to)!, type: r.toType, index: r.input }));
      });
    }
    connections[names.get(key)!] = entry;
  }
  return connections;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
