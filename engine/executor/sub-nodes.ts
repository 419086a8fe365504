// n8n's sub-node model: a root node (AI Agent, a chain) asks the sub-nodes wired into one of its
// `ai_*` inputs to supply a model, tools or a memory (getInputConnectionData). Sub-nodes are not
// steps of the run; each use the root makes of one is recorded as a run of the sub-node, so the run
// data shows it as n8n's does and the editor can show it live.
import { isDisplayed, type WorkflowNode } from '../../domain/index.ts';
import {
  NodeOperationError, type AiUsage, type ExecuteContext, type Item, type JsonObject, type RecordedSubNodeCall, type SubNodeCall, type SubNodeInput,
  type SuppliedData, type SupplyDataContext,
} from '../node-sdk.ts';
import type { TaskData } from '../run-data.ts';
import { canonicalJson } from './canonical-json.ts';
import { toExecutionError } from './errors.ts';
import type { RunContext } from './run-context.ts';
import type { InputData, StackEntry } from './run-state.ts';

/** Builds an ExecuteContext for a node run; passed in to keep this module free of a cycle. */
export type ContextBuilder = (rc: RunContext, entry: StackEntry, runIndex: number, input: InputData, closers?: Closers, fromAI?: JsonObject) => ExecuteContext;

/** Sub-node answers to close once the root node's run is over, per root node run. */
export type Closers = Array<() => Promise<void>>;

/** The sub-node inputs of a node that hold for its parameters. */
export function activeSubNodeInputs(rc: RunContext, node: WorkflowNode): SubNodeInput[] {
  const declared = rc.nodeType(node)?.description.subNodeInputs ?? [];
  const parameters = rc.parameters(node);
  return declared.filter((input) => !input.displayOptions || isDisplayed(parameters, input, { typeVersion: node.typeVersion }, parameters));
}

/** The enabled nodes wired into `root`'s input of `type`, in connection order. */
function connectedSubNodes(rc: RunContext, root: string, type: string): WorkflowNode[] {
  const { definition } = rc.options;
  const found: WorkflowNode[] = [];
  for (const node of definition.nodes) {
    if (node.disabled === true) continue;
    const outputs = definition.connections[node.name]?.[type] ?? [];
    if (outputs.some((links) => links?.some((link) => link.node === root))) found.push(node);
  }
  return found;
}

export async function inputConnectionData(
  rc: RunContext, entry: StackEntry, runIndex: number, input: InputData, build: ContextBuilder, closers: Closers, type: string, itemIndex: number,
): Promise<unknown> {
  const root = entry.node;
  const declared = activeSubNodeInputs(rc, root).filter((i) => i.type === type);
  if (declared.length === 0) {
    throw new NodeOperationError(root.name, 'Node does not have input of type', { description: `"${root.name}" has no ${type} input`, itemIndex });
  }
  const subNodes = connectedSubNodes(rc, root.name, type);
  const single = declared.reduce((sum, i) => sum + (i.maxConnections ?? 0), 0) === 1;
  if (subNodes.length === 0) {
    const required = declared.find((i) => i.required);
    if (required) throw new NodeOperationError(root.name, `A ${required.displayName} sub-node must be connected and enabled`, { itemIndex });
    return single ? undefined : [];
  }
  if (single && subNodes.length > 1) {
    throw new NodeOperationError(root.name, `Only 1 ${declared[0].displayName} sub-node may be connected`, { itemIndex });
  }
  const supplied: unknown[] = [];
  for (const subNode of subNodes) {
    const data = await supplyFrom(rc, { ...entry, node: subNode }, root, runIndex, input, build, closers, itemIndex);
    supplied.push(data.response);
  }
  return single ? supplied[0] : supplied;
}

async function supplyFrom(
  rc: RunContext, entry: StackEntry, root: WorkflowNode, runIndex: number, input: InputData, build: ContextBuilder, closers: Closers, itemIndex: number,
): Promise<SuppliedData> {
  const subNode = entry.node;
  const type = rc.nodeType(subNode);
  if (!type) throw new NodeOperationError(root.name, `Unrecognized node type: ${subNode.type}`, { description: `The sub-node "${subNode.name}" has a type this instance does not know` });
  if (!type.supplyData) {
    throw new NodeOperationError(root.name, `"${subNode.name}" cannot be used as a sub-node`, { description: `Its type ${subNode.type} supplies nothing to other nodes` });
  }
  // A sub-node used for one item sees that item only (a tool node run for it runs once).
  const itemInput: InputData = input.map((items) => (items ? items.slice(itemIndex, itemIndex + 1) : items));
  const itemEntry: StackEntry = { ...entry, data: { main: entry.data.main.map((items) => (items ? items.slice(itemIndex, itemIndex + 1) : items)) } };
  const base = build(rc, entry, runIndex, input, closers);
  const ctx: SupplyDataContext = {
    ...base,
    rootNode: root,
    startCall: (connectionType, callInput) => startCall(rc, subNode.name, root.name, connectionType, callInput),
    withToolArguments: (args) => build(rc, itemEntry, runIndex, itemInput, closers, args),
    recordedAnswer: (connectionType, callInput) => recordedAnswer(rc, subNode.name, connectionType, callInput),
    reusesRecordedAnswers: (rc.options.recordedCalls?.length ?? 0) > 0,
  };
  try {
    const data = await type.supplyData(ctx, itemIndex);
    if (data.closeFunction) closers.push(data.closeFunction);
    return data;
  } catch (thrown) {
    // n8n records the failure on the sub-node too, so the editor marks the one that broke.
    await startCall(rc, subNode.name, root.name, 'main', {}).fail(thrown);
    throw thrown;
  }
}

/** The successful sub-node uses an execution's events recorded: what a re-run can reuse. */
export function recordedSubNodeCalls(events: Iterable<{ type: string; data: unknown }>): RecordedSubNodeCall[] {
  const calls: RecordedSubNodeCall[] = [];
  for (const event of events) {
    if (event.type !== 'SubNodeCallFinished') continue;
    const { node, taskData } = event.data as { node: string; taskData: TaskData };
    if (taskData.executionStatus !== 'success') continue;
    for (const [connectionType, inputs] of Object.entries(taskData.inputOverride ?? {})) {
      const input = inputs[0]?.[0]?.json;
      const output = taskData.data?.[connectionType]?.[0]?.[0]?.json;
      if (input && output) calls.push({ node, connectionType, input, output });
    }
  }
  return calls;
}

/** The first unused recorded use of this sub-node with the same input, its output. */
function recordedAnswer(rc: RunContext, node: string, connectionType: string, input: JsonObject): JsonObject | undefined {
  const recorded = rc.options.recordedCalls;
  if (!recorded) return undefined;
  const wanted = canonicalJson(input);
  const index = recorded.findIndex((call, i) => !rc.state.recordedCallsUsed.has(i) && call.node === node && call.connectionType === connectionType && canonicalJson(call.input) === wanted);
  if (index < 0) return undefined;
  rc.state.recordedCallsUsed.add(index);
  return recorded[index].output;
}

/**
 * Records one use of a sub-node: SubNodeCallStarted now, SubNodeCallFinished when it ends. `own`: a
 * model call a root node makes itself (no sub-node): recorded and counted the same way, but not a
 * run of the node in the run data, which its own step holds.
 */
export function startCall(rc: RunContext, node: string, rootNode: string, connectionType: string, input: JsonObject, own = false): SubNodeCall {
  const { state } = rc;
  const counter = own ? `${node}\u0000own` : node;
  const runIndex = state.subNodeRuns[counter] ?? 0;
  state.subNodeRuns[counter] = runIndex + 1;
  const executionIndex = state.nextExecutionIndex++;
  const startTime = rc.now();
  const mark = own ? { own: true as const } : {};
  const started = rc.options.recorder.record('SubNodeCallStarted', { node, runIndex, rootNode, connectionType, executionIndex, startTime, input, ...mark });
  const finish = async (output: JsonObject | undefined, error: unknown, usage?: AiUsage) => {
    await started;
    const items = (json: JsonObject): Item[][] => [[{ json }]];
    const task: TaskData = {
      startTime,
      executionIndex,
      executionTime: rc.now() - startTime,
      executionStatus: error === undefined ? 'success' : 'error',
      source: [{ previousNode: rootNode }],
      data: { main: [], ...(output !== undefined ? { [connectionType]: items(output) } : {}) },
      inputOverride: { [connectionType]: items(input) },
      ...(error !== undefined ? { error: toExecutionError(error, node) } : {}),
      ...(usage ? { aiUsage: usage } : {}),
    };
    if (!own) (state.runData[node] ??= [])[runIndex] = task;
    await rc.options.recorder.record('SubNodeCallFinished', { node, runIndex, taskData: task, ...mark });
  };
  return {
    end: (output, usage) => finish(output, undefined, usage),
    fail: (error) => finish(undefined, error ?? new Error('The sub-node failed')),
  };
}
