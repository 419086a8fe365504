// Optional node-type capabilities the executor understands beyond node-sdk.ts. They are read
// structurally so node types can declare them today; they are proposed for the SDK proper.
import type { ExecuteContext, JsonObject, NodeDescription } from '../node-sdk.ts';
import type { TaskSource } from '../run-data.ts';

/** What a node's `requiredInputs` resolves to: a count of inputs, or the input indexes needed. */
export type RequiredInputs = number | number[];

export interface NodeDescriptionExtras {
  /**
   * n8n's `requiredInputs` (v1 order only): which inputs must have received data before a waiting
   * multi-input node may run with `[]` for the others once nothing else is left to run. Merge
   * declares `(p) => p.mode === 'chooseBranch' ? [0, 1] : 1`. Undefined means any input will do.
   */
  requiredInputs?: RequiredInputs | ((parameters: Record<string, unknown>, typeVersion: number) => RequiredInputs);
  /**
   * n8n's `trigger`/`poll`/`webhook` methods. Trigger and poll nodes are preferred as start nodes
   * and, outside manual runs, pass their (injected) input through instead of executing; webhook
   * nodes always pass their input through, on every output.
   */
  triggerKind?: 'trigger' | 'poll' | 'webhook';
  /** Outputs that depend on parameters (Switch rules); defaults to `outputs`. */
  outputsFor?: (parameters: Record<string, unknown>, typeVersion: number) => string[];
}

/** The ExecuteContext this executor builds: the SDK's, plus what n8n nodes also use (proposed for the SDK). */
export interface EngineExecuteContext extends ExecuteContext {
  /**
   * Parks the whole execution until `until` (n8n's `putExecutionToWait`). The node still returns its
   * output; the run then stops with status 'waiting' and this node first on the stack.
   */
  putExecutionToWait(until: Date): void;
  /** State kept for this execution only (n8n's `getContext`): per node, or shared by the flow. */
  getContext(type: 'node' | 'flow'): JsonObject;
  /** Which node, output and run fed an input of this run; undefined for the start node. */
  getInputSourceData(inputIndex?: number): TaskSource | undefined;
  /** Resolves `{{ }}` text (without the leading '=') for one item, like a parameter value. */
  evaluateExpression(expression: string, itemIndex: number): unknown;
}

export function extrasOf(description: NodeDescription): NodeDescriptionExtras {
  return description as NodeDescription & NodeDescriptionExtras;
}
