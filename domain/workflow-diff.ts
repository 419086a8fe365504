// Field-level differences between two workflow definitions: what history rows and diffs show.
import type { WorkflowConnections, WorkflowDefinition } from './workflow-definition.ts';

export interface FieldChange {
  /** Dotted path inside the node (`parameters.url`, `position`). */
  path: string;
  before: unknown;
  after: unknown;
}

export interface ConnectionRef {
  from: string;
  type: string;
  output: number;
  to: string;
  input: number;
}

export interface WorkflowDiff {
  nodesAdded: string[];
  nodesRemoved: string[];
  nodesModified: { name: string; changes: FieldChange[] }[];
  connectionsAdded: ConnectionRef[];
  connectionsRemoved: ConnectionRef[];
  /** Top-level fields other than nodes and connections that changed (name, settings, pinData…). */
  fieldsChanged: FieldChange[];
}

export function isDiffEmpty(diff: WorkflowDiff): boolean {
  return (
    diff.nodesAdded.length + diff.nodesRemoved.length + diff.nodesModified.length +
      diff.connectionsAdded.length + diff.connectionsRemoved.length + diff.fieldsChanged.length === 0
  );
}

/** Compares by node name, the key n8n uses everywhere. A renamed node shows as removed + added. */
export function diffDefinitions(before: WorkflowDefinition | undefined, after: WorkflowDefinition): WorkflowDiff {
  const beforeNodes = new Map((before?.nodes ?? []).map((n) => [n.name, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.name, n]));
  const nodesModified: WorkflowDiff['nodesModified'] = [];
  for (const [name, node] of afterNodes) {
    const old = beforeNodes.get(name);
    if (!old) continue;
    const changes = diffValues(old, node, '');
    if (changes.length > 0) nodesModified.push({ name, changes });
  }
  const beforeEdges = connectionKeys(before?.connections ?? {});
  const afterEdges = connectionKeys(after.connections);
  const fieldsChanged: FieldChange[] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'nodes' || key === 'connections') continue;
    const a = (before as Record<string, unknown> | undefined)?.[key];
    const b = (after as Record<string, unknown>)[key];
    if (!deepEqual(a, b)) fieldsChanged.push({ path: key, before: a, after: b });
  }
  return {
    nodesAdded: [...afterNodes.keys()].filter((n) => !beforeNodes.has(n)),
    nodesRemoved: [...beforeNodes.keys()].filter((n) => !afterNodes.has(n)),
    nodesModified,
    connectionsAdded: [...afterEdges].filter(([k]) => !beforeEdges.has(k)).map(([, c]) => c),
    connectionsRemoved: [...beforeEdges].filter(([k]) => !afterEdges.has(k)).map(([, c]) => c),
    fieldsChanged,
  };
}

/** A one-line, human-readable summary of a diff, for history lists. */
export function summarizeDiff(diff: WorkflowDiff): string {
  const parts: string[] = [];
  const list = (verb: string, names: string[]) => {
    if (names.length > 0) parts.push(`${verb} ${names.map((n) => `'${n}'`).join(', ')}`);
  };
  list('added', diff.nodesAdded);
  list('removed', diff.nodesRemoved);
  list('changed', diff.nodesModified.map((m) => m.name));
  if (diff.connectionsAdded.length) parts.push(`${diff.connectionsAdded.length} connection(s) added`);
  if (diff.connectionsRemoved.length) parts.push(`${diff.connectionsRemoved.length} connection(s) removed`);
  if (diff.fieldsChanged.length) parts.push(`changed ${diff.fieldsChanged.map((f) => f.path).join(', ')}`);
  return parts.join('; ') || 'no changes';
}

function connectionKeys(connections: WorkflowConnections): Map<string, ConnectionRef> {
  const edges = new Map<string, ConnectionRef>();
  for (const [from, byType] of Object.entries(connections)) {
    for (const [type, outputs] of Object.entries(byType)) {
      outputs.forEach((targets, output) => {
        for (const t of targets ?? []) {
          const ref = { from, type, output, to: t.node, input: t.index };
          edges.set(JSON.stringify([from, type, output, t.node, t.index]), ref);
        }
      });
    }
  }
  return edges;
}

function diffValues(a: unknown, b: unknown, path: string): FieldChange[] {
  if (deepEqual(a, b)) return [];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => diffValues(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return [{ path, before: a, after: b }];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values; `undefined` fields count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

