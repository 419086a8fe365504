// Fine-grained, past-tense edits between two definitions (what collaborative editing records),
// and how each one changes a definition, so that folding the edits reproduces the target exactly.
import { deepEqual } from './workflow-diff.ts';
import type { WorkflowConnections, WorkflowDefinition, WorkflowNode } from './workflow-definition.ts';

/** Users whose changes an edit carries. */
interface Attributed {
  authors?: string[];
}

interface NodeRef {
  nodeId: string;
  /** The node's name when the edit applies (its new name for edits after a rename). */
  name: string;
}

export interface ConnectionEnds {
  from: string;
  type: string;
  output: number;
  to: string;
  /** The `type` of the target entry (n8n repeats it: usually the same as `type`). */
  toType: string;
  input: number;
}

export type WorkflowEditEvent =
  | { type: 'WorkflowNodeAdded'; data: Attributed & { node: WorkflowNode; index: number } }
  | { type: 'WorkflowNodeRemoved'; data: Attributed & NodeRef & { node: WorkflowNode } }
  | { type: 'WorkflowNodeRenamed'; data: Attributed & { nodeId: string; from: string; to: string } }
  | { type: 'WorkflowNodeMoved'; data: Attributed & NodeRef & { from: [number, number]; to: [number, number] } }
  | { type: 'WorkflowNodeDisabled'; data: Attributed & NodeRef }
  /** `explicit`: the node now says `disabled: false` rather than leaving the field out. */
  | { type: 'WorkflowNodeEnabled'; data: Attributed & NodeRef & { explicit?: boolean } }
  /** `path` is the key path inside `parameters`; a missing `before`/`after` means absent. */
  | { type: 'WorkflowNodeParameterChanged'; data: Attributed & NodeRef & { path: string[]; before?: unknown; after?: unknown } }
  | { type: 'WorkflowNodeCredentialsChanged'; data: Attributed & NodeRef & { before?: unknown; after?: unknown } }
  /** Any other node field (type, typeVersion, notes, retryOnFail, onError, …). */
  | { type: 'WorkflowNodeFieldChanged'; data: Attributed & NodeRef & { field: string; before?: unknown; after?: unknown } }
  | { type: 'WorkflowConnectionAdded'; data: Attributed & ConnectionEnds & { index: number } }
  | { type: 'WorkflowConnectionRemoved'; data: Attributed & ConnectionEnds }
  /**
   * The output slots of a node changed without a connection changing (an empty slot left behind or
   * declared): `before`/`after` are its whole `connections` entry, absent when it has none.
   */
  | { type: 'WorkflowNodeOutputsChanged'; data: Attributed & NodeRef & { before?: unknown; after?: unknown } }
  | { type: 'WorkflowSettingsChanged'; data: Attributed & { before: unknown; after: unknown } }
  /** A top-level field other than name, nodes, connections and settings (pinData, meta, …). */
  | { type: 'WorkflowFieldChanged'; data: Attributed & { field: string; before?: unknown; after?: unknown } };

export type WorkflowEditEventType = WorkflowEditEvent['type'];

export const WORKFLOW_EDIT_EVENT_TYPES: readonly WorkflowEditEventType[] = [
  'WorkflowNodeAdded', 'WorkflowNodeRemoved', 'WorkflowNodeRenamed', 'WorkflowNodeMoved', 'WorkflowNodeDisabled',
  'WorkflowNodeEnabled', 'WorkflowNodeParameterChanged', 'WorkflowNodeCredentialsChanged', 'WorkflowNodeFieldChanged',
  'WorkflowConnectionAdded', 'WorkflowConnectionRemoved', 'WorkflowNodeOutputsChanged', 'WorkflowSettingsChanged', 'WorkflowFieldChanged',
];

/** A rename is an edit of its own (`WorkflowRenamed`), shared with the REST rename. */
export type WorkflowRenameEdit = { type: 'WorkflowRenamed'; data: Attributed & { from: string; to: string } };

/** Fields of a node that have an edit of their own. */
const NODE_OWN_FIELDS = new Set(['id', 'name', 'position', 'disabled', 'credentials', 'parameters']);
const WORKFLOW_OWN_FIELDS = new Set(['name', 'nodes', 'connections', 'settings']);

/** The key collaboration uses for a node: its id (every stored node has one), else its name. */
export function nodeKey(node: Pick<WorkflowNode, 'id' | 'name'>): string {
  return node.id ?? `name:${node.name}`;
}

/** Deterministic id of one connection between two nodes (by node keys, so renames keep it). */
export function connectionId(fromKey: string, type: string, output: number, toKey: string, toType: string, input: number): string {
  return JSON.stringify([fromKey, type, output, toKey, toType, input]);
}

/** Which entity an edit is about, for attributing it to the users who touched that entity. */
export function editEntity(edit: WorkflowEditEvent | WorkflowRenameEdit, keys: { fromKey?: string; toKey?: string } = {}): string {
  const d = edit.data as unknown as Record<string, unknown>;
  switch (edit.type) {
    case 'WorkflowRenamed': return 'name';
    case 'WorkflowSettingsChanged': return 'settings';
    case 'WorkflowFieldChanged': return `field:${String(d.field)}`;
    case 'WorkflowNodeAdded': return `node:${nodeKey(edit.data.node)}`;
    case 'WorkflowConnectionAdded':
    case 'WorkflowConnectionRemoved': {
      const c = edit.data;
      return `connection:${connectionId(keys.fromKey ?? c.from, c.type, c.output, keys.toKey ?? c.to, c.toType, c.input)}`;
    }
    default: return `node:${String(d.nodeId)}`;
  }
}

interface Edge extends ConnectionEnds {
  id: string;
  fromKey: string;
  toKey: string;
  /** Position of the target within its output slot. */
  index: number;
}

function edgesOf(definition: WorkflowDefinition): Map<string, Edge> {
  const keyByName = new Map(definition.nodes.map((n) => [n.name, nodeKey(n)]));
  const edges = new Map<string, Edge>();
  for (const [from, byType] of Object.entries(definition.connections)) {
    for (const [type, outputs] of Object.entries(byType)) {
      outputs.forEach((targets, output) => {
        (targets ?? []).forEach((t, index) => {
          const fromKey = keyByName.get(from) ?? `name:${from}`;
          const toKey = keyByName.get(t.node) ?? `name:${t.node}`;
          const toType = t.type ?? type;
          const id = connectionId(fromKey, type, output, toKey, toType, t.index);
          edges.set(id, { id, from, type, output, to: t.node, toType, input: t.index, fromKey, toKey, index });
        });
      });
    }
  }
  return edges;
}

/** Leaf differences inside two JSON values; plain objects are walked, arrays compared whole. */
export function leafChanges(a: unknown, b: unknown, path: string[] = []): { path: string[]; before?: unknown; after?: unknown }[] {
  if (deepEqual(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => leafChanges(ownValue(a, k), ownValue(b, k), [...path, k]));
  }
  return [{ path, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) }];
}

function change<T extends object>(before: unknown, after: unknown, rest: T) {
  return { ...rest, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

/**
 * The edits that turn `before` into `after`, in an order that applies cleanly: connections and
 * nodes removed, nodes renamed and changed, nodes and connections added, then workflow fields.
 * Folding them with `applyEdit` gives `after`, except for the rare reorderings a fine-grained
 * edit cannot say (the caller checks and records a full replacement then).
 */
export function computeEdits(before: WorkflowDefinition, after: WorkflowDefinition): (WorkflowEditEvent | WorkflowRenameEdit)[] {
  const edits: (WorkflowEditEvent | WorkflowRenameEdit)[] = [];
  const beforeNodes = new Map(before.nodes.map((n) => [nodeKey(n), n]));
  const afterNodes = new Map(after.nodes.map((n) => [nodeKey(n), n]));
  const beforeEdges = edgesOf(before);
  const afterEdges = edgesOf(after);

  for (const [id, e] of beforeEdges) {
    if (!afterEdges.has(id)) edges(edits, 'WorkflowConnectionRemoved', e);
  }
  for (const [key, node] of beforeNodes) {
    if (!afterNodes.has(key)) edits.push({ type: 'WorkflowNodeRemoved', data: { nodeId: key, name: node.name, node } });
  }
  for (const [key, node] of afterNodes) {
    const old = beforeNodes.get(key);
    if (old && old.name !== node.name) edits.push({ type: 'WorkflowNodeRenamed', data: { nodeId: key, from: old.name, to: node.name } });
  }
  for (const [key, node] of afterNodes) {
    const old = beforeNodes.get(key);
    if (old) edits.push(...nodeChanges(key, old, node));
  }
  after.nodes.forEach((node, index) => {
    if (!beforeNodes.has(nodeKey(node))) edits.push({ type: 'WorkflowNodeAdded', data: { node, index } });
  });
  const added = [...afterEdges.values()].filter((e) => !beforeEdges.has(e.id)).sort((a, b) => a.index - b.index);
  for (const e of added) edges(edits, 'WorkflowConnectionAdded', e);

  if (before.name !== after.name) edits.push({ type: 'WorkflowRenamed', data: { from: before.name, to: after.name } });
  if (!deepEqual(before.settings, after.settings)) edits.push({ type: 'WorkflowSettingsChanged', data: { before: before.settings, after: after.settings } });
  const fields = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !WORKFLOW_OWN_FIELDS.has(k)));
  for (const field of fields) {
    const a = ownValue(before as Record<string, unknown>, field);
    const b = ownValue(after as Record<string, unknown>, field);
    if (!deepEqual(a, b)) edits.push({ type: 'WorkflowFieldChanged', data: change(a, b, { field }) });
  }
  return edits;
}

function edges(edits: (WorkflowEditEvent | WorkflowRenameEdit)[], type: 'WorkflowConnectionAdded' | 'WorkflowConnectionRemoved', e: Edge): void {
  const ends: ConnectionEnds = { from: e.from, type: e.type, output: e.output, to: e.to, toType: e.toType, input: e.input };
  if (type === 'WorkflowConnectionAdded') edits.push({ type, data: { ...ends, index: e.index } });
  else edits.push({ type, data: ends });
}

function nodeChanges(nodeId: string, old: WorkflowNode, node: WorkflowNode): WorkflowEditEvent[] {
  const ref = { nodeId, name: node.name };
  const out: WorkflowEditEvent[] = [];
  if (!deepEqual(old.position, node.position)) out.push({ type: 'WorkflowNodeMoved', data: { ...ref, from: old.position, to: node.position } });
  if (old.disabled !== node.disabled) {
    if (node.disabled === true) out.push({ type: 'WorkflowNodeDisabled', data: ref });
    else if (old.disabled === true) out.push({ type: 'WorkflowNodeEnabled', data: { ...ref, ...(node.disabled === false ? { explicit: true } : {}) } });
    else out.push({ type: 'WorkflowNodeFieldChanged', data: change(old.disabled, node.disabled, { ...ref, field: 'disabled' }) });
  }
  if (!deepEqual(old.credentials, node.credentials)) out.push({ type: 'WorkflowNodeCredentialsChanged', data: change(old.credentials, node.credentials, ref) });
  for (const c of leafChanges(old.parameters ?? {}, node.parameters ?? {})) {
    out.push({ type: 'WorkflowNodeParameterChanged', data: { ...ref, ...c } });
  }
  if (old.parameters === undefined || node.parameters === undefined) {
    if ((old.parameters === undefined) !== (node.parameters === undefined)) {
      out.push({ type: 'WorkflowNodeFieldChanged', data: change(old.parameters, node.parameters, { ...ref, field: 'parameters' }) });
    }
  }
  const fields = new Set([...Object.keys(old), ...Object.keys(node)].filter((k) => !NODE_OWN_FIELDS.has(k)));
  for (const field of fields) {
    const a = ownValue(old as Record<string, unknown>, field);
    const b = ownValue(node as Record<string, unknown>, field);
    if (!deepEqual(a, b)) out.push({ type: 'WorkflowNodeFieldChanged', data: change(a, b, { ...ref, field }) });
  }
  return out;
}

/** Applies one edit to a definition without changing the original (read models keep it). */
export function applyEdit(definition: WorkflowDefinition, edit: WorkflowEditEvent | WorkflowRenameEdit): WorkflowDefinition {
  switch (edit.type) {
    case 'WorkflowNodeAdded': {
      const nodes = [...definition.nodes];
      nodes.splice(Math.min(edit.data.index, nodes.length), 0, edit.data.node);
      return { ...definition, nodes };
    }
    case 'WorkflowNodeRemoved': {
      const name = definition.nodes.find((n) => nodeKey(n) === edit.data.nodeId)?.name ?? edit.data.name;
      const { [name]: _gone, ...connections } = definition.connections;
      return {
        ...definition,
        nodes: definition.nodes.filter((n) => nodeKey(n) !== edit.data.nodeId),
        connections: mapTargets(connections, (t) => t.node !== name, (t) => t),
      };
    }
    case 'WorkflowNodeRenamed': {
      const { from, to } = edit.data;
      const connections: WorkflowConnections = {};
      for (const [source, byType] of Object.entries(definition.connections)) connections[source === from ? to : source] = byType;
      return {
        ...definition,
        nodes: updateNode(definition, edit.data.nodeId, (n) => ({ ...n, name: to })),
        connections: mapTargets(connections, () => true, (t) => (t.node === from ? { ...t, node: to } : t)),
      };
    }
    case 'WorkflowNodeMoved':
      return { ...definition, nodes: updateNode(definition, edit.data.nodeId, (n) => ({ ...n, position: edit.data.to })) };
    case 'WorkflowNodeDisabled':
      return { ...definition, nodes: updateNode(definition, edit.data.nodeId, (n) => ({ ...n, disabled: true })) };
    case 'WorkflowNodeEnabled':
      return {
        ...definition,
        nodes: updateNode(definition, edit.data.nodeId, (n) => withField(n, 'disabled', edit.data.explicit ? false : undefined)),
      };
    case 'WorkflowNodeParameterChanged':
      return {
        ...definition,
        nodes: updateNode(definition, edit.data.nodeId, (n) => ({ ...n, parameters: setIn(n.parameters ?? {}, edit.data.path, edit.data.after) as WorkflowNode['parameters'] })),
      };
    case 'WorkflowNodeCredentialsChanged':
      return { ...definition, nodes: updateNode(definition, edit.data.nodeId, (n) => withField(n, 'credentials', edit.data.after)) };
    case 'WorkflowNodeFieldChanged':
      return { ...definition, nodes: updateNode(definition, edit.data.nodeId, (n) => withField(n, edit.data.field, edit.data.after)) };
    case 'WorkflowConnectionAdded':
      return { ...definition, connections: addConnection(definition.connections, edit.data) };
    case 'WorkflowConnectionRemoved':
      return { ...definition, connections: removeConnection(definition.connections, edit.data) };
    case 'WorkflowNodeOutputsChanged':
      return { ...definition, connections: withField(definition.connections, edit.data.name, edit.data.after) };
    case 'WorkflowSettingsChanged':
      return { ...definition, settings: edit.data.after as WorkflowDefinition['settings'] };
    case 'WorkflowRenamed':
      return { ...definition, name: edit.data.to };
    case 'WorkflowFieldChanged':
      return withField(definition, edit.data.field, edit.data.after);
  }
}

function updateNode(definition: WorkflowDefinition, nodeId: string, f: (n: WorkflowNode) => WorkflowNode): WorkflowNode[] {
  return definition.nodes.map((n) => (nodeKey(n) === nodeId ? f(n) : n));
}

function withField<T extends object>(obj: T, field: string, value: unknown): T {
  const copy = { ...obj } as Record<string, unknown>;
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return copy as T;
}

type Target = WorkflowConnections[string][string][number] extends (infer T)[] | null ? T : never;

function mapTargets(connections: WorkflowConnections, keep: (t: Target) => boolean, f: (t: Target) => Target): WorkflowConnections {
  const out: WorkflowConnections = {};
  for (const [source, byType] of Object.entries(connections)) {
    out[source] = Object.fromEntries(
      Object.entries(byType).map(([type, outputs]) => [type, outputs.map((slot) => (slot === null ? null : slot.filter(keep).map(f)))]),
    );
  }
  return out;
}

function addConnection(connections: WorkflowConnections, c: ConnectionEnds & { index: number }): WorkflowConnections {
  const byType = { ...(ownValue(connections, c.from) ?? {}) };
  const outputs = [...(ownValue(byType, c.type) ?? [])];
  while (outputs.length <= c.output) outputs.push([]);
  const slot = [...(outputs[c.output] ?? [])];
  slot.splice(Math.min(c.index, slot.length), 0, { node: c.to, type: c.toType, index: c.input });
  outputs[c.output] = slot;
  byType[c.type] = outputs;
  return { ...connections, [c.from]: byType };
}

function removeConnection(connections: WorkflowConnections, c: ConnectionEnds): WorkflowConnections {
  const entry = ownValue(connections, c.from);
  const slot = entry && ownValue(entry, c.type)?.[c.output];
  if (!slot) return connections;
  const outputs = [...connections[c.from][c.type]];
  outputs[c.output] = slot.filter((t) => !(t.node === c.to && (t.type ?? c.type) === c.toType && t.index === c.input));
  return { ...connections, [c.from]: { ...connections[c.from], [c.type]: outputs } };
}

/** A copy of `obj` with the value at `path` set (or removed when `value` is undefined). */
function setIn(obj: Record<string, unknown>, path: string[], value: unknown): unknown {
  if (path.length === 0) return value === undefined ? {} : value;
  const [head, ...rest] = path;
  const copy = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = Object.hasOwn(copy, head) && isObject(copy[head]) ? (copy[head] as Record<string, unknown>) : {};
  copy[head] = setIn(child, rest, value);
  return copy;
}

/** An own property only: node names such as `toString` must not find Object.prototype's. */
export function ownValue<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A one-line account of an edit, for history lists. `parameterName` names a changed parameter
 * (its display name, where the caller knows the node's type); by default its path.
 */
export function describeEdit(edit: WorkflowEditEvent, parameterName: (path: string[]) => string = (path) => path.join('.')): string {
  const d = edit.data as unknown as Record<string, unknown>;
  const node = `'${String(d.name)}'`;
  switch (edit.type) {
    case 'WorkflowNodeAdded': return `added node '${edit.data.node.name}'`;
    case 'WorkflowNodeRemoved': return `removed node ${node}`;
    case 'WorkflowNodeRenamed': return `renamed node '${edit.data.from}' to '${edit.data.to}'`;
    case 'WorkflowNodeMoved': return `moved ${node}`;
    case 'WorkflowNodeDisabled': return `disabled ${node}`;
    case 'WorkflowNodeEnabled': return `enabled ${node}`;
    case 'WorkflowNodeParameterChanged': return `changed ${node} parameter ${parameterName(edit.data.path)}`;
    case 'WorkflowNodeCredentialsChanged': return `changed credentials of ${node}`;
    case 'WorkflowNodeFieldChanged': return `changed ${node} ${edit.data.field}`;
    case 'WorkflowConnectionAdded': return `connected '${edit.data.from}' to '${edit.data.to}'`;
    case 'WorkflowConnectionRemoved': return `disconnected '${edit.data.from}' from '${edit.data.to}'`;
    case 'WorkflowNodeOutputsChanged': return `changed the outputs of ${node}`;
    case 'WorkflowSettingsChanged': return 'changed settings';
    case 'WorkflowFieldChanged': return `changed ${edit.data.field}`;
  }
}
