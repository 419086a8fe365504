// Graph questions expressions ask: is X upstream of this node, and which output of X leads here.
import type { WorkflowConnections } from '../../domain/index.ts';

interface Edge {
  source: string;
  output: number;
  input: number;
}

const reverseCache = new WeakMap<WorkflowConnections, Map<string, Edge[]>>();

/** Incoming main connections per destination node (n8n's connectionsByDestinationNode). */
function incoming(connections: WorkflowConnections): Map<string, Edge[]> {
  let map = reverseCache.get(connections);
  if (map) return map;
  map = new Map();
  for (const [source, byType] of Object.entries(connections)) {
    (byType.main ?? []).forEach((targets, output) => {
      for (const t of targets ?? []) {
        if ((t.type ?? 'main') !== 'main') continue;
        const list = map!.get(t.node) ?? [];
        list.push({ source, output, input: t.index });
        map!.set(t.node, list);
      }
    });
  }
  reverseCache.set(connections, map);
  return map;
}

/** Every node upstream of `node` through main connections (not the node itself, unless in a loop). */
export function ancestors(connections: WorkflowConnections, node: string): Set<string> {
  const map = incoming(connections);
  const seen = new Set<string>();
  const queue = [node];
  while (queue.length) {
    for (const e of map.get(queue.shift()!) ?? []) {
      if (!seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
    }
  }
  return seen;
}

/**
 * The output of `parent` whose connection leads (directly or through other nodes) to `node`,
 * searching breadth-first from `node` upwards, as n8n's getNodeConnectionIndexes does.
 */
export function connectionOutputIndex(connections: WorkflowConnections, node: string, parent: string): number | undefined {
  const map = incoming(connections);
  const seen = new Set<string>([node]);
  const queue = [node];
  while (queue.length) {
    for (const e of map.get(queue.shift()!) ?? []) {
      if (e.source === parent) return e.output;
      if (!seen.has(e.source)) {
        seen.add(e.source);
        queue.push(e.source);
      }
    }
  }
  return undefined;
}
