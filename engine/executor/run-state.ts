// The mutable state of one run, shaped like n8n's `executionData` so that the scheduling rules
// (stack order, waiting slots) can be followed step by step.
import type { WorkflowNode } from '../../domain/index.ts';
import type { Item, JsonObject } from '../node-sdk.ts';
import type { RunData, TaskSource } from '../run-data.ts';

/** Input data per input index; null means "nothing arrived on this input (yet)". */
export type InputData = (Item[] | null)[];
export type InputSources = (TaskSource | null)[];

/** One queued node run (n8n's `IExecuteData`). `source` is null for the start node. */
export interface StackEntry {
  node: WorkflowNode;
  data: { main: InputData };
  source: { main: InputSources } | null;
}

export interface RunState {
  /** Front is next. v1 unshifts children; v0 pushes them. */
  stack: StackEntry[];
  /** Partial input of multi-input nodes: node → waiting index → inputs. Key order matters. */
  waiting: Record<string, Record<number, { main: InputData }>>;
  waitingSource: Record<string, Record<number, { main: InputSources }>>;
  runData: RunData;
  lastNodeExecuted?: string;
  /** Per-execution node/flow state (`getContext`): `node:<name>` or `flow`. */
  contextData: Record<string, JsonObject>;
  /** `$execution.customData` of the whole run (n8n's `resultData.metadata`). */
  customData: Record<string, string>;
  /** `customData` as last recorded, to record it again only after a node changed it. */
  customDataRecorded: string;
  /** Context keys a node used during its step (recorded with its outcome). */
  contextTouched: Set<string>;
  /** The parked node being resumed: it passes its input (or the resume data) on. */
  resumeNode?: string;
  /** Set by a node that parks the run (`putExecutionToWait`). */
  waitTill?: Date;
  /** Next global `executionIndex`; every dequeued entry takes one, as in n8n. */
  nextExecutionIndex: number;
  /** Uses of each sub-node so far (the next use's run index). */
  subNodeRuns: Record<string, number>;
  /** Indexes of the recorded sub-node uses already given back (options.recordedCalls). */
  recordedCallsUsed: Set<number>;
}

export function createRunState(): RunState {
  return { stack: [], waiting: {}, waitingSource: {}, runData: {}, contextData: {}, customData: {}, customDataRecorded: '{}', contextTouched: new Set(), nextExecutionIndex: 0, subNodeRuns: {}, recordedCallsUsed: new Set() };
}

/** A zero index is left out of a source, as n8n does. */
export function taskSource(previousNode: string, output: number, run: number): TaskSource {
  const source: TaskSource = { previousNode };
  if (output) source.previousNodeOutput = output;
  if (run) source.previousNodeRun = run;
  return source;
}

/** What is needed to continue a parked run later: the stack and waiting slots, nodes by name. */
export interface QueueSnapshot {
  stack: { node: string; data: { main: InputData }; source: { main: InputSources } | null }[];
  waiting: RunState['waiting'];
  waitingSource: RunState['waitingSource'];
  contextData: RunState['contextData'];
}

export function queueSnapshot(state: RunState): QueueSnapshot {
  return {
    stack: state.stack.map((e) => ({ node: e.node.name, data: e.data, source: e.source })),
    waiting: state.waiting,
    waitingSource: state.waitingSource,
    contextData: state.contextData,
  };
}
