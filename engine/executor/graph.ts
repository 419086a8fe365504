// The workflow's main-connection graph, indexed both ways, with the ancestor queries n8n's engine
// makes. Order-sensitive queries mirror n8n's traversal order, because v0 scheduling depends on it.
import type { WorkflowDefinition, WorkflowNode } from '../../domain/index.ts';

/** One end of a main connection: the other node and the output (source) or input (dest) index. */
export interface GraphLink {
  node: string;
  index: number;
}

export interface WorkflowGraph {
  readonly nodes: ReadonlyMap<string, WorkflowNode>;
  /** Outgoing links per output index (n8n's `connectionsBySourceNode[name].main`). */
  outputs(name: string): readonly (readonly GraphLink[] | null | undefined)[] | undefined;
  /** Incoming links per input index, links naming the source node and its output index. */
  inputs(name: string): readonly GraphLink[][] | undefined;
  /** All main ancestors in n8n's `getParentNodes` order. */
  parentNodes(name: string): string[];
  /** The same nodes as a set (cached; for membership tests). */
  ancestorSet(name: string): ReadonlySet<string>;
  /** All main descendants (cached set). */
  descendantSet(name: string): ReadonlySet<string>;
  /** n8n's `getHighestNode`: the top-most enabled ancestors (optionally through one input only). */
  highestNodes(name: string, inputIndex?: number): string[];
  /** Whether some enabled node feeds this input, directly or further up (cached). */
  hasEnabledAncestor(name: string, inputIndex: number): boolean;
}

export function buildGraph(definition: WorkflowDefinition): WorkflowGraph {
  const nodes = new Map(definition.nodes.map((node) => [node.name, node]));
  const bySource = new Map<string, (GraphLink[] | null)[]>();
  const byDest = new Map<string, GraphLink[][]>();

  // Like n8n's `connectionsByDestinationNode`: inputs are padded with [] up to the highest used
  // index, so a node wired only on input 1 counts as having two inputs.
  for (const [source, byType] of Object.entries(definition.connections)) {
    const main = byType.main;
    if (!main) continue;
    bySource.set(source, main.map((links) => links?.map((l) => ({ node: l.node, index: l.index })) ?? null));
    main.forEach((links, output) => {
      for (const link of links ?? []) {
        let inputs = byDest.get(link.node);
        if (!inputs) byDest.set(link.node, (inputs = []));
        while (inputs.length <= link.index) inputs.push([]);
        inputs[link.index].push({ node: source, index: output });
      }
    });
  }

  const ancestorCache = new Map<string, Set<string>>();
  const descendantCache = new Map<string, Set<string>>();
  const enabledCache = new Map<string, boolean>();

  const reach = (start: string, next: (n: string) => Iterable<string>): Set<string> => {
    const seen = new Set<string>();
    const todo = [...next(start)];
    while (todo.length > 0) {
      const name = todo.pop()!;
      if (name === start || seen.has(name)) continue;
      seen.add(name);
      todo.push(...next(name));
    }
    return seen;
  };
  const sourcesOf = (name: string) => (byDest.get(name) ?? []).flat().map((l) => l.node);
  const targetsOf = (name: string) => (bySource.get(name) ?? []).flatMap((ls) => ls ?? []).map((l) => l.node);

  return {
    nodes,
    outputs: (name) => bySource.get(name),
    inputs: (name) => byDest.get(name),
    parentNodes: (name) => parentNodesInOrder(byDest, name, []),
    ancestorSet(name) {
      let set = ancestorCache.get(name);
      if (!set) ancestorCache.set(name, (set = reach(name, sourcesOf)));
      return set;
    },
    descendantSet(name) {
      let set = descendantCache.get(name);
      if (!set) descendantCache.set(name, (set = reach(name, targetsOf)));
      return set;
    },
    highestNodes: (name, inputIndex) => highestNodes(nodes, byDest, name, inputIndex, []),
    hasEnabledAncestor(name, inputIndex) {
      const direct = byDest.get(name)?.[inputIndex] ?? [];
      // Nearly always a direct parent is enabled: answer without walking or caching.
      for (const link of direct) if (link.node !== name && nodes.get(link.node)?.disabled !== true) return true;
      const key = `${inputIndex}:${name}`;
      let found = enabledCache.get(key);
      if (found === undefined) {
        const seen = new Set<string>();
        const todo = direct.map((l) => l.node);
        found = false;
        while (todo.length > 0 && !found) {
          const n = todo.pop()!;
          if (n === name || seen.has(n)) continue;
          seen.add(n);
          if (nodes.get(n)?.disabled !== true) found = true;
          todo.push(...sourcesOf(n));
        }
        enabledCache.set(key, found);
      }
      return found;
    },
  };
}

/** n8n's `getConnectedNodes` over incoming links: nearest parents last, deeper ancestors first. */
function parentNodesInOrder(byDest: Map<string, GraphLink[][]>, name: string, checkedIn: string[]): string[] {
  const inputs = byDest.get(name);
  if (!inputs) return [];
  if (checkedIn.includes(name)) return [];
  const checked = [...checkedIn, name];
  const result: string[] = [];
  for (const links of inputs) {
    for (const link of links) {
      if (checked.includes(link.node)) continue;
      result.unshift(link.node);
      const further = parentNodesInOrder(byDest, link.node, checked);
      for (let i = further.length - 1; i >= 0; i--) {
        const at = result.indexOf(further[i]);
        if (at !== -1) result.splice(at, 1);
        result.unshift(further[i]);
      }
    }
  }
  return result;
}

/** n8n's `getHighestNode`; `checked` is shared across the whole walk, as there. */
function highestNodes(
  nodes: ReadonlyMap<string, WorkflowNode>,
  byDest: Map<string, GraphLink[][]>,
  name: string,
  inputIndex: number | undefined,
  checked: string[],
): string[] {
  const self = nodes.get(name);
  const current = self && self.disabled === false ? [name] : [];
  const inputs = byDest.get(name);
  if (!inputs || checked.includes(name)) return current;
  checked.push(name);
  const result: string[] = [];
  inputs.forEach((links, index) => {
    if (inputIndex !== undefined && inputIndex !== index) return;
    for (const link of links) {
      if (checked.includes(link.node)) continue;
      let found = highestNodes(nodes, byDest, link.node, undefined, checked);
      if (found.length === 0 && nodes.get(link.node)?.disabled !== true) found = [link.node];
      for (const n of found) if (!result.includes(n)) result.push(n);
    }
  });
  return result;
}
