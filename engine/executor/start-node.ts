// Which node a run starts from when the caller does not say (n8n's `getStartNode`), and which nodes
// a destination run may execute.
import { STARTING_NODE_TYPES, type WorkflowNode } from '../../domain/index.ts';
import type { NodeType } from '../node-sdk.ts';
import type { WorkflowGraph } from './graph.ts';
import { extrasOf } from './node-type-extras.ts';

const MANUAL_CHAT_TRIGGER = '@n8n/n8n-nodes-langchain.manualChatTrigger';

type TypeOf = (node: WorkflowNode) => NodeType | undefined;

/** `pinned`: nodes with pinned data (a manual run), which lets a webhook trigger (Telegram, GitHub, …) start it, as n8n's editor does. */
export function findStartNode(graph: WorkflowGraph, typeOf: TypeOf, destination?: string, pinned: ReadonlySet<string> = new Set()): WorkflowNode | undefined {
  if (destination !== undefined) {
    const names = graph.highestNodes(destination);
    if (names.length === 0) names.push(destination);
    return pickStartNode(graph, typeOf, names, pinned) ?? graph.nodes.get(names[0]);
  }
  return pickStartNode(graph, typeOf, [...graph.nodes.keys()], pinned);
}

function pickStartNode(graph: WorkflowGraph, typeOf: TypeOf, names: string[], pinned: ReadonlySet<string>): WorkflowNode | undefined {
  // The first enabled trigger or poll node among the candidates, in workflow order.
  for (const name of names) {
    const node = graph.nodes.get(name);
    if (!node) continue;
    if (names.length === 1 && !node.disabled) return node;
    const type = typeOf(node);
    if (!type || type.description.name === MANUAL_CHAT_TRIGGER) continue;
    const kind = extrasOf(type.description).triggerKind;
    if ((kind === 'trigger' || kind === 'poll') && node.disabled !== true) return node;
  }
  // Else a starting type, by its rank in the list; n8n looks at every node here, not only candidates.
  const rank = (node: WorkflowNode) => STARTING_NODE_TYPES.indexOf(node.type);
  const sorted = [...graph.nodes.values()].sort((a, b) => rank(a) - rank(b));
  const ranked = sorted.find((node) => rank(node) !== -1 && node.disabled !== true);
  if (ranked) return ranked;
  // Else a webhook trigger whose event is pinned: the run starts from that event.
  const pinnedWebhook = (node: WorkflowNode | undefined): node is WorkflowNode => {
    const type = node && !node.disabled && pinned.has(node.name) ? typeOf(node) : undefined;
    return type !== undefined && extrasOf(type.description).triggerKind === 'webhook';
  };
  return names.map((name) => graph.nodes.get(name)).find(pinnedWebhook);
}

/** Nodes allowed to run when stopping at `destination`: it and its ancestors. */
export function destinationFilter(graph: WorkflowGraph, destination: string): Set<string> {
  return new Set([...graph.ancestorSet(destination), destination]);
}

/** Nodes a run from `start` (or up to `destination`) may reach, for the upfront type check. */
export function nodesToCheck(graph: WorkflowGraph, start: string, destination?: string): string[] {
  if (destination !== undefined) return [...destinationFilter(graph, destination)];
  return [start, ...graph.descendantSet(start)];
}
