// What an expression can see while a node runs: the contract between the executor and the
// expression evaluator.
import type { WorkflowConnections, WorkflowNode } from '../domain/index.ts';
import type { ExecutionMode, Item, JsonObject } from './node-sdk.ts';
import type { RunData, TaskSource } from './run-data.ts';

export interface ExpressionContext {
  /** The node whose parameter is being resolved. */
  node: WorkflowNode;
  /** Items the node received, per input index (its current run). `$json` is input 0's item. */
  inputItems: Item[][];
  /** Which node fed each input, for `$prevNode` and paired-item lookups. */
  source: (TaskSource | null)[];
  itemIndex: number;
  runIndex: number;
  workflow: { id: string; name: string; active: boolean; nodes: WorkflowNode[]; connections: WorkflowConnections };
  /** Everything that ran so far in this execution. */
  runData: RunData;
  /**
   * The run's node/flow state (`getContext`), keyed `node:<name>` or `flow`, read live by
   * `$node["X"].context`, `$('X').context` and `$input.context`.
   */
  contextData?: Record<string, JsonObject>;
  /** Pinned data, which `$('Node')` treats as that node's output (manual runs only). */
  pinData?: Record<string, Item[]>;
  execution: { id: string; mode: ExecutionMode; resumeUrl?: string };
  /** The run's `$execution.customData`, changed in place by `set`/`setAll`; absent outside a run. */
  customData?: Record<string, string>;
  /**
   * The run's static data (`$getWorkflowStaticData` in code), keyed 'global' or `node:<name>`;
   * user code's changes are written back into it. Absent outside a run.
   */
  staticData?: JsonObject;
  /** Workspace variables for `$vars`. */
  vars: Record<string, string>;
  /** Environment for `$env`; undefined when configuration does not allow it (then `$env` throws). */
  env?: Record<string, string>;
  /** IANA zone for `$now`, `$today` and date extensions. */
  timezone: string;
  /** The arguments a model passed when it called this node as a tool: what `$fromAI()` answers. */
  fromAI?: JsonObject;
}

/** Where an expression sits, for error messages: the node, the parameter path and the text. */
export interface ExpressionLocation {
  parameter: string;
}

export interface ExpressionEvaluator {
  /**
   * Resolves a parameter value: a string starting with '=' is an expression (`={{ … }}` parts mixed
   * with text); objects and arrays are walked and their expressions resolved; anything else is
   * returned as is. Throws an ExpressionError naming the node, the parameter and the expression.
   */
  resolve(value: unknown, ctx: ExpressionContext, where: ExpressionLocation): unknown;
  /**
   * `resolve` for `count` items from `ctx.itemIndex` at once, each item's value or error apart (so
   * the caller throws an item's error only when that item is asked for). Optional: an evaluator
   * without it is asked item by item. May answer fewer items than asked (slow expressions), never none.
   */
  resolveItems?(value: unknown, ctx: ExpressionContext, where: ExpressionLocation, count: number): ItemOutcome[];
}

export type ItemOutcome = { value: unknown; error?: undefined } | { error: unknown; value?: undefined };

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly node: string,
    readonly parameter: string,
    readonly expression: string,
    readonly itemIndex?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}
