// Brings a live document to a new definition with targeted changes (REST writes, restores, the
// CLI): only what changed from `base` to `target` is written, so edits in flight survive.
import * as Y from 'yjs';
import { deepEqual, nodeKey, ownValue, type WorkflowDefinition, type WorkflowNode } from '../domain/index.ts';
import {
  CODE_PARAMETERS, connectionRows, connectionsOf, docToDefinition, fromYValue, isObject, nodesOf, nodeToY, ORDER,
  orderedNodes, OUTPUTS, outputShape, readRow, rootOf, rowToY, settingsOf, toYMap, toYValue, type YNode,
} from './workflow-doc.ts';

/**
 * Applies `target` to the document as a three-way merge from `base` (the definition the writer
 * started from; default: what the document holds now, which makes the document equal `target`).
 * Where the document and the write changed the same field, the write wins.
 */
export function applyDefinitionToDoc(doc: Y.Doc, target: WorkflowDefinition, base?: WorkflowDefinition, origin: unknown = null): void {
  doc.transact(() => {
    const from = base ?? docToDefinition(doc);
    applyWorkflowFields(doc, from, target);
    applyNodes(doc, from, target);
    applyConnections(doc, from, target);
    fixOrder(doc, target);
  }, origin);
}

function applyWorkflowFields(doc: Y.Doc, base: WorkflowDefinition, target: WorkflowDefinition): void {
  const root = rootOf(doc);
  const b = base as Record<string, unknown>;
  const t = target as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(t)])) {
    if (key === 'nodes' || key === 'connections') continue;
    if (key === 'settings') {
      const settings = settingsOf(doc);
      const bs = isObject(b.settings) ? b.settings : {};
      const ts = isObject(t.settings) ? t.settings : {};
      for (const k of new Set([...Object.keys(bs), ...Object.keys(ts)])) applyValue(settings, k, ownValue(bs, k), ownValue(ts, k), false);
      continue;
    }
    applyValue(root, key, ownValue(b, key), ownValue(t, key), false);
  }
}

function applyNodes(doc: Y.Doc, base: WorkflowDefinition, target: WorkflowDefinition): void {
  const nodes = nodesOf(doc);
  const baseNodes = new Map(base.nodes.map((n) => [nodeKey(n), n]));
  const maxOrder = Math.max(-1, ...[...nodes.values()].map((n) => (n.get(ORDER) as number) ?? 0));
  target.nodes.forEach((node, index) => {
    const key = nodeKey(node);
    const old = baseNodes.get(key);
    const shape = outputShape(target, node.name);
    const current = nodes.get(key);
    if (!current) {
      // New, or deleted by an editor meanwhile: the write brings it (back) when it changed it.
      if (!old || !deepEqual(old, node)) nodes.set(key, nodeToY(node, maxOrder + 1 + index, shape));
      return;
    }
    applyNode(current, old, node);
    applyShape(current, old ? outputShape(base, old.name) : {}, shape);
  });
  for (const key of baseNodes.keys()) {
    if (!target.nodes.some((n) => nodeKey(n) === key) && nodes.has(key)) nodes.delete(key);
  }
}

function applyNode(map: YNode, base: WorkflowNode | undefined, target: WorkflowNode): void {
  const b = (base ?? {}) as Record<string, unknown>;
  const t = target as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(t)])) {
    if (key === 'id') continue;
    applyValue(map, key, ownValue(b, key), ownValue(t, key), key === 'parameters');
  }
}

function applyShape(map: YNode, base: Record<string, string>, target: Record<string, string>): void {
  let outputs = map.get(OUTPUTS);
  if (!(outputs instanceof Y.Map)) {
    outputs = new Y.Map<unknown>();
    map.set(OUTPUTS, outputs);
  }
  const out = outputs as Y.Map<unknown>;
  for (const [k, v] of Object.entries(target)) if (base[k] !== v && out.get(k) !== v) out.set(k, v);
  for (const k of Object.keys(base)) if (!(k in target) && out.has(k)) out.delete(k);
}

function applyConnections(doc: Y.Doc, base: WorkflowDefinition, target: WorkflowDefinition): void {
  const connections = connectionsOf(doc);
  const baseRows = new Map(connectionRows(base).map((r) => [r.id, r]));
  const targetRows = connectionRows(target);
  const targetIds = new Set(targetRows.map((r) => r.id));
  for (const row of targetRows) {
    if (!baseRows.has(row.id) && !connections.has(row.id)) connections.set(row.id, rowToY(row));
  }
  for (const id of baseRows.keys()) if (!targetIds.has(id) && connections.has(id)) connections.delete(id);
}

/** Makes the document list nodes, and targets within each slot, in the target's order. */
function fixOrder(doc: Y.Doc, target: WorkflowDefinition): void {
  const ordered = orderedNodes(doc).map(([k]) => k);
  const wanted = target.nodes.map(nodeKey).filter((k) => ordered.includes(k));
  const seen = ordered.filter((k) => wanted.includes(k));
  if (!deepEqual(seen, wanted)) {
    const final = [...wanted, ...ordered.filter((k) => !wanted.includes(k))];
    const nodes = nodesOf(doc);
    final.forEach((k, i) => {
      const node = nodes.get(k)!;
      if (node.get(ORDER) !== i) node.set(ORDER, i);
    });
  }
  const connections = connectionsOf(doc);
  const slots = new Map<string, string[]>();
  for (const row of connectionRows(target)) {
    const slot = JSON.stringify([row.from, row.type, row.output]);
    slots.set(slot, [...(slots.get(slot) ?? []), row.id]);
  }
  for (const [slot, wantedIds] of slots) {
    const [from, type, output] = JSON.parse(slot) as [string, string, number];
    const inDoc = [...connections.entries()]
      .map(([id, m]) => ({ id, row: readRow(m), map: m }))
      .filter(({ row }) => row.from === from && row.type === type && row.output === output)
      .sort((a, b) => a.row.rank - b.row.rank || (a.id < b.id ? -1 : 1));
    const present = wantedIds.filter((id) => connections.has(id));
    if (deepEqual(inDoc.map((r) => r.id).filter((id) => present.includes(id)), present)) continue;
    const final = [...present, ...inDoc.map((r) => r.id).filter((id) => !present.includes(id))];
    final.forEach((id, rank) => {
      const m = connections.get(id)!;
      if (m.get('rank') !== rank) m.set('rank', rank);
    });
  }
}

/** Writes one field if the write changed it; objects (parameters) are merged key by key. */
function applyValue(parent: Y.Map<unknown>, key: string, base: unknown, target: unknown, deep: boolean): void {
  if (deepEqual(base, target)) return;
  const current = parent.get(key);
  if (target === undefined) {
    if (parent.has(key)) parent.delete(key);
    return;
  }
  if (deep && isObject(target)) {
    if (current instanceof Y.Map) {
      const b = isObject(base) ? base : {};
      for (const k of new Set([...Object.keys(b), ...Object.keys(target)])) applyValue(current, k, ownValue(b, k), ownValue(target, k), true);
    } else {
      parent.set(key, toYMap(target));
    }
    return;
  }
  if (deep && typeof target === 'string' && CODE_PARAMETERS.has(key)) {
    if (current instanceof Y.Text) replaceText(current, target);
    else parent.set(key, new Y.Text(target));
    return;
  }
  if (!deepEqual(fromYValue(current), target) || current instanceof Y.AbstractType) parent.set(key, deep ? toYValue(target, key) : target);
}

/** Replaces only the middle part that differs, so concurrent typing elsewhere in the text survives. */
export function replaceText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  // Never cut a surrogate pair in two.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  if (end > 0 && isHighSurrogate(prev.charCodeAt(prev.length - end - 1))) end--;
  if (prev.length - start - end > 0) text.delete(start, prev.length - start - end);
  if (next.length - start - end > 0) text.insert(start, next.slice(start, next.length - end));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
