// A check runs a draft on a past run's trigger data without reaching outside Weft. A node with
// outside effects (a POST, a database write, a message sent) is never called: when the node and its
// input are what the past run had, the output that run recorded stands in for it; otherwise the
// check stops on that branch, and the node's error says why.
import { deepEqual, type WorkflowDefinition, type WorkflowNode } from '../../domain/index.ts';
import { hasOutsideEffects, NodeOperationError, type Item, type NodeType, type RunResult } from '../../engine/index.ts';
import { recordedInput } from './run-history.ts';

/** The error a check gives a node it did not call: the check report counts these as 'stopped'. */
export const CHECK_STOPPED = 'Not called during a check';

type StandIn = (node: WorkflowNode, input: (Item[] | null)[], runIndex: number) => Item[][] | undefined;

/** What makes two nodes the same for a check: everything but where they sit on the canvas. */
const comparable = ({ position: _position, ...rest }: WorkflowNode) => rest;
/** Items as a node sees them: paired-item links depend on the run, not on the data. */
const data = (items: Item[] | null | undefined) => (items ?? []).map(({ json, binary }) => ({ json, ...(binary ? { binary } : {}) }));

export function checkStandIn(source: RunResult, sourceDefinition: WorkflowDefinition, nodeType: (node: WorkflowNode) => NodeType | undefined): StandIn {
  const before = new Map(sourceDefinition.nodes.map((n) => [n.name, n]));
  return (node, input, runIndex) => {
    if (!hasOutsideEffects(nodeType(node), node)) return undefined;
    const was = before.get(node.name);
    const recorded = source.data.resultData.runData[node.name]?.[runIndex];
    if (!was || !recorded) {
      throw new NodeOperationError(node.name, `${CHECK_STOPPED}: it reaches outside Weft and the past run never ran it`);
    }
    if (!deepEqual(comparable(was), comparable(node))) {
      throw new NodeOperationError(node.name, `${CHECK_STOPPED}: it reaches outside Weft and the draft changed it`);
    }
    const sourceInput = recordedInput(source, node.name, runIndex);
    if (sourceInput !== undefined && !deepEqual(data(sourceInput), data(input[0]))) {
      throw new NodeOperationError(node.name, `${CHECK_STOPPED}: it reaches outside Weft and its input changed`);
    }
    if (recorded.error) throw new NodeOperationError(node.name, recorded.error.message);
    return (recorded.data?.main ?? []).map((items) => (items ?? []).map((item) => ({ ...item })));
  };
}
