// Which node a run starts from when the caller does not say (n8n's `getStartNode`), and which nodes
// a destination run may execute.
import { STARTING_NODE_TYPES, type WorkflowNode } from '../../domain/index.ts';
import type { NodeType } from '../node-sdk.ts';
import type { WorkflowGraph } from './graph.ts';
import { extrasOf } from './node-type-extras.ts';

const MANUAL_CHAT_TRIGGER = '@n8n/n8n-nodes-langchain.manualChatTrigger';

type TypeOf = (node: WorkflowNode) => NodeType | undefined;

export function findStartNode(graph: WorkflowGraph, typeOf: TypeOf, destination?: string): WorkflowNode | undefined {
  if (destination !== undefined) {
    const names = graph.highestNodes(destination);
    if (names.length === 0) names.push(destination);
    return pickStartNode(graph, typeOf, names) ?? graph.nodes.get(names[0]);
  }
  return pickStartNode(graph, typeOf, [...graph.nodes.keys()]);
}

function pickStartNode(graph: WorkflowGraph, typeOf: TypeOf, names: string[]): WorkflowNode | undefined {
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
  return sorted.find((node) => rank(node) !== -1 && node.disabled !== true);
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
