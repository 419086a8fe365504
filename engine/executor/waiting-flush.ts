// When the stack runs dry while multi-input nodes still wait for some inputs, n8n runs one of them
// with [] for the missing inputs, provided no ancestor is itself waiting and (v1) its
// `requiredInputs` are met. Waiting runs that got only empty data are dropped.
import type { Item } from '../node-sdk.ts';
import { extrasOf, type RequiredInputs } from './node-type-extras.ts';
import type { RunContext } from './run-context.ts';

export function runWaitingNodeIfStackEmpty(rc: RunContext): void {
  const { state, graph } = rc;
  if (state.stack.length !== 0) return;
  let waitingNodes = Object.keys(state.waiting);
  for (let i = 0; i < waitingNodes.length; i++) {
    const name = waitingNodes[i];
    const node = graph.nodes.get(name);
    if (!node) continue;
    const type = rc.nodeType(node);
    const inputTotal = type?.description.inputs.length ?? 0;
    const required = rc.order === 'v1' ? requiredInputs(rc, name) : undefined;
    // A node that needs every input never runs with a missing one.
    if (required !== undefined && (Array.isArray(required) ? required.length : required) === inputTotal) continue;

    const ancestors = graph.ancestorSet(name);
    if (waitingNodes.some((w) => ancestors.has(w))) continue;

    // Waiting indexes are sorted as strings, as n8n does (so "10" comes before "2").
    const first = Number(Object.keys(state.waiting[name]).sort()[0]);
    const slot = state.waiting[name][first].main;
    const arrived = slot.flatMap((items, index) => (items === null ? [] : [index]));
    if (Array.isArray(required) ? required.some((r) => !arrived.includes(r)) : required !== undefined && arrived.length < required) {
      continue;
    }

    const main: Item[][] = slot.map((items) => items ?? []);
    const hasItems = main.some((items) => items.length > 0);
    if (hasItems) {
      while (main.length < inputTotal) main.push([]);
      state.stack.push({ node, data: { main }, source: state.waitingSource[name][first] });
    }
    delete state.waiting[name][first];
    delete state.waitingSource[name][first];
    if (Object.keys(state.waiting[name]).length === 0) {
      delete state.waiting[name];
      delete state.waitingSource[name];
    }
    if (hasItems) return;
    // Only an all-empty run was dropped: look again from the start.
    waitingNodes = Object.keys(state.waiting);
    i = -1;
  }
}

function requiredInputs(rc: RunContext, name: string): RequiredInputs | undefined {
  const node = rc.graph.nodes.get(name)!;
  const type = rc.nodeType(node);
  const declared = type ? extrasOf(type.description).requiredInputs : undefined;
  if (typeof declared !== 'function') return declared;
  return declared(rc.parameters(node), node.typeVersion);
}
