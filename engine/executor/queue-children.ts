// After a node ran: which children get queued, in which order (v1: top-left first, depth first;
// v0: connection order, breadth first), and how each arrival is queued or parked.
import type { Item } from '../node-sdk.ts';
import type { GraphLink } from './graph.ts';
import { forceMissingParents } from './force-parents.ts';
import type { RunContext } from './run-context.ts';
import { taskSource, type StackEntry } from './run-state.ts';

export function queueChildren(rc: RunContext, parent: string, output: Item[][], runIndex: number): void {
  const outputs = rc.graph.outputs(parent);
  if (!outputs) return;
  const v1 = rc.order === 'v1';
  const toAdd: { link: GraphLink; output: number; x: number; y: number }[] = [];
  outputs.forEach((links, o) => {
    for (const link of links ?? []) {
      const child = rc.graph.nodes.get(link.node);
      if (!child) continue;
      const data = output[o];
      // v0 also feeds an empty output into a later input, so a Merge's second input gets [].
      if (!data || (data.length === 0 && (v1 || link.index === 0))) continue;
      if (v1) toAdd.push({ link, output: o, x: child.position[0], y: child.position[1] });
      else addNodeToBeExecuted(rc, link, o, parent, output, runIndex);
    }
  });
  if (!v1) return;
  // Each child is unshifted, so sorting bottom-right first leaves the top-left one in front.
  toAdd.sort((a, b) => b.y - a.y || b.x - a.x);
  for (const add of toAdd) addNodeToBeExecuted(rc, add.link, add.output, parent, output, runIndex);
}

/**
 * n8n's `addNodeToBeExecuted`: a child with several inputs parks the data in a waiting slot until
 * every input has something; others go straight onto the stack.
 */
export function addNodeToBeExecuted(rc: RunContext, link: GraphLink, outputIndex: number, parent: string, output: Item[][] | null, runIndex: number): void {
  const { state } = rc;
  const enqueue = (entry: StackEntry) => (rc.order === 'v1' ? state.stack.unshift(entry) : state.stack.push(entry));
  const childName = link.node;
  const child = rc.graph.nodes.get(childName)!;
  const inputCount = rc.graph.inputs(childName)?.length ?? 0;
  const data = output === null ? null : output[outputIndex];
  const source = output === null ? null : taskSource(parent, outputIndex, runIndex);

  if (inputCount <= 1) {
    const main: (Item[] | null)[] = [];
    for (let i = link.index; i >= 0; i--) main[i] = null;
    main[link.index] = data;
    enqueue({ node: child, data: { main }, source: { main: [taskSource(parent, outputIndex, runIndex)] } });
    return;
  }

  const wasWaiting = state.waiting[childName] !== undefined;
  const slots = (state.waiting[childName] ??= {});
  const slotSources = (state.waitingSource[childName] ??= {});
  // The first parked run still missing this input takes the data; otherwise a new run is parked.
  let index: number | undefined;
  for (const key of Object.keys(slots)) {
    if (!slots[Number(key)].main[link.index]) {
      index = Number(key);
      break;
    }
  }
  if (index === undefined) {
    // n8n numbers a new slot by the count of slots, even if that number is still taken.
    index = Object.keys(slots).length;
    slots[index] = { main: new Array<Item[] | null>(inputCount).fill(null) };
    slotSources[index] = { main: new Array<null>(inputCount).fill(null) };
  }
  slots[index].main[link.index] = data;
  slotSources[index].main[link.index] = source;

  if (slots[index].main.every((d) => d !== null)) {
    enqueue({ node: child, data: slots[index], source: slotSources[index] });
    delete slots[index];
    delete slotSources[index];
    if (Object.keys(slots).length === 0) {
      delete state.waiting[childName];
      delete state.waitingSource[childName];
    }
    return;
  }
  if (!wasWaiting) forceMissingParents(rc, childName, parent, outputIndex, output, runIndex);
}
