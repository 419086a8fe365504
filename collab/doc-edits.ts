// The edits an editor makes on a live workflow document, each one transaction that keeps the
// schema's rules (a node and its sub-maps created together, its connections removed with it).
import * as Y from 'yjs';
import { connectionId, type WorkflowNode } from '../domain/index.ts';
import { replaceText } from './apply-definition.ts';
import {
  CODE_PARAMETERS, connectionsOf, isObject, nodesOf, nodeToY, ORDER, OUTPUTS, readRow, rootOf, rowToY, settingsOf, toYValue,
} from './workflow-doc.ts';

export interface ConnectionEndsById {
  from: string;
  type?: string;
  output?: number;
  to: string;
  toType?: string;
  input?: number;
}

/** Adds a node (with an `id`) after the others; returns its id. */
export function addNode(doc: Y.Doc, node: WorkflowNode & { id: string }, origin: unknown = null): string {
  doc.transact(() => {
    const nodes = nodesOf(doc);
    const last = Math.max(-1, ...[...nodes.values()].map((n) => (n.get(ORDER) as number) ?? 0));
    nodes.set(node.id, nodeToY(node, last + 1));
  }, origin);
  return node.id;
}

/** Removes a node and every connection from or to it. */
export function removeNode(doc: Y.Doc, nodeId: string, origin: unknown = null): void {
  doc.transact(() => {
    nodesOf(doc).delete(nodeId);
    const connections = connectionsOf(doc);
    for (const [id, map] of [...connections.entries()]) {
      const row = readRow(map);
      if (row.from === nodeId || row.to === nodeId) connections.delete(id);
    }
  }, origin);
}

/** Sets one plain node field (name, position, disabled, credentials, notes, …); undefined removes it. */
export function setNodeField(doc: Y.Doc, nodeId: string, field: string, value: unknown, origin: unknown = null): void {
  if (field === 'parameters' || field === 'id' || field === ORDER || field === OUTPUTS) throw new Error(`Use the dedicated edit for '${field}'`);
  const node = nodesOf(doc).get(nodeId);
  if (!node) return;
  doc.transact(() => {
    if (value === undefined) node.delete(field);
    else node.set(field, value);
  }, origin);
}

export const renameNode = (doc: Y.Doc, nodeId: string, name: string, origin: unknown = null) => setNodeField(doc, nodeId, 'name', name, origin);
/** Call once at the end of a drag; positions during the drag belong in awareness. */
export const moveNode = (doc: Y.Doc, nodeId: string, position: [number, number], origin: unknown = null) => setNodeField(doc, nodeId, 'position', position, origin);

/** Sets a parameter at a key path, creating the maps on the way; undefined removes it. */
export function setParameter(doc: Y.Doc, nodeId: string, path: string[], value: unknown, origin: unknown = null): void {
  const node = nodesOf(doc).get(nodeId);
  if (!node || path.length === 0) return;
  doc.transact(() => {
    let map = node.get('parameters');
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      node.set('parameters', map);
    }
    let parent = map as Y.Map<unknown>;
    for (const key of path.slice(0, -1)) {
      let next = parent.get(key);
      if (!(next instanceof Y.Map)) {
        next = new Y.Map<unknown>();
        parent.set(key, next);
      }
      parent = next as Y.Map<unknown>;
    }
    const key = path[path.length - 1];
    const current = parent.get(key);
    if (value === undefined) parent.delete(key);
    else if (typeof value === 'string' && CODE_PARAMETERS.has(key) && current instanceof Y.Text) replaceText(current, value);
    else parent.set(key, isObject(value) || typeof value === 'string' ? toYValue(value, key) : value);
  }, origin);
}

/** The Y.Text of a code parameter, for binding an editor to it (created when missing). */
export function codeText(doc: Y.Doc, nodeId: string, key: string): Y.Text | undefined {
  const params = nodesOf(doc).get(nodeId)?.get('parameters');
  if (!(params instanceof Y.Map)) return undefined;
  const text = params.get(key);
  if (text instanceof Y.Text) return text;
  const created = new Y.Text(typeof text === 'string' ? text : '');
  doc.transact(() => params.set(key, created));
  return created;
}

/** Connects two nodes (by id); returns the connection's deterministic id. */
export function connect(doc: Y.Doc, ends: ConnectionEndsById, origin: unknown = null): string {
  const type = ends.type ?? 'main';
  const output = ends.output ?? 0;
  const toType = ends.toType ?? type;
  const input = ends.input ?? 0;
  const id = connectionId(ends.from, type, output, ends.to, toType, input);
  const source = nodesOf(doc).get(ends.from);
  const connections = connectionsOf(doc);
  if (!source || !nodesOf(doc).has(ends.to) || connections.has(id)) return id;
  doc.transact(() => {
    const rank = 1 + Math.max(-1, ...[...connections.values()].map(readRow).filter((r) => r.from === ends.from && r.type === type && r.output === output).map((r) => r.rank));
    connections.set(id, rowToY({ from: ends.from, type, output, to: ends.to, toType, input, rank }));
    // Declare the slot: removing the connection later leaves it empty, as n8n does.
    const outputs = source.get(OUTPUTS);
    if (outputs instanceof Y.Map) {
      if (!outputs.has('*')) outputs.set('*', 'source');
      if (!outputs.has(`t:${type}`)) outputs.set(`t:${type}`, 'type');
      if (outputs.get(`s:${type}:${output}`) !== 'slot') outputs.set(`s:${type}:${output}`, 'slot');
    }
  }, origin);
  return id;
}

export function disconnect(doc: Y.Doc, connectionIdToRemove: string, origin: unknown = null): void {
  doc.transact(() => connectionsOf(doc).delete(connectionIdToRemove), origin);
}

export function renameWorkflow(doc: Y.Doc, name: string, origin: unknown = null): void {
  doc.transact(() => rootOf(doc).set('name', name), origin);
}

export function setSetting(doc: Y.Doc, key: string, value: unknown, origin: unknown = null): void {
  doc.transact(() => {
    if (value === undefined) settingsOf(doc).delete(key);
    else settingsOf(doc).set(key, value);
  }, origin);
}
