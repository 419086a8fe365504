// v0 only: when a multi-input node first gets data on one input, n8n queues the highest ancestor of
// each other input that has not run and is not about to, so that input gets data too.
import type { Item } from '../node-sdk.ts';
import type { GraphLink } from './graph.ts';
import type { RunContext } from './run-context.ts';
import { taskSource } from './run-state.ts';

export function forceMissingParents(rc: RunContext, child: string, parent: string, outputIndex: number, output: Item[][] | null, runIndex: number): void {
  if (rc.order === 'v1') return;
  const { graph, state } = rc;
  const parentTargets = new Set((graph.outputs(parent) ?? []).flatMap((links) => (links ?? []).map((l) => l.node)));
  for (const links of graph.inputs(child) ?? []) {
    for (const input of links) {
      if (input.node === parent) continue;
      const onStack = new Set(state.stack.map((e) => e.node.name));
      // A sibling fed by the same parent will run anyway, unless its own input came out empty.
      if (parentTargets.has(input.node) && !incomingIsEmpty(rc, graph.inputs(input.node)?.[0] ?? [], runIndex)) continue;
      if (onStack.has(input.node) || state.runData[input.node] !== undefined) continue;

      let toAdd: string | undefined = input.node;
      const chain = graph.parentNodes(input.node);
      chain.push(input.node);
      chain.reverse();
      for (const candidate of chain) {
        if (candidate !== input.node && parentTargets.has(candidate)) {
          toAdd = undefined;
          break;
        }
        if (onStack.has(candidate)) {
          toAdd = undefined;
          break;
        }
        if (state.runData[candidate] !== undefined) break;
        toAdd = candidate;
      }
      // Never force a node below the parent whose output on this path was empty.
      if (toAdd !== undefined && output !== null && graph.ancestorSet(toAdd).has(parent) && output[outputIndex]?.length === 0) {
        toAdd = undefined;
      }
      if (toAdd === undefined) continue;
      const inputs = graph.inputs(toAdd);
      if (inputs !== undefined && !incomingIsEmpty(rc, inputs[0] ?? [], runIndex)) continue;
      // Only a node with no (non-empty) input gets forced, with one empty item as its input.
      state.stack.push({
        node: graph.nodes.get(toAdd)!,
        data: { main: [[{ json: {} }]] },
        source: { main: [taskSource(parent, outputIndex, runIndex)] },
      });
    }
  }
}

/** Whether none of these incoming links carried items in the given run of their source. */
function incomingIsEmpty(rc: RunContext, links: readonly GraphLink[], runIndex: number): boolean {
  for (const link of links) {
    const items = rc.state.runData[link.node]?.[runIndex]?.data?.main[link.index];
    if (items !== undefined && items !== null && items.length !== 0) return false;
  }
  return true;
}
