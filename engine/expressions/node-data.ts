// Host-side reads of run data for expressions: a node's output by run and branch (with pinned
// data in manual runs), and the current node's input. Items are addressed by an output key so
// the isolate can cache each output it has seen.
import type { ExpressionContext } from '../expression-context.ts';
import type { Item } from '../node-sdk.ts';
import type { TaskSource } from '../run-data.ts';
import { connectionOutputIndex } from './graph.ts';
import { DataLookupError } from './host-error.ts';

/** Run -1 stands for pinned data. */
export interface OutputRef {
  node: string;
  run: number;
  output: number;
}

export const outputKey = (r: OutputRef): string => JSON.stringify([r.node, r.run, r.output]);

export function parseOutputKey(key: string): OutputRef {
  const [node, run, output] = JSON.parse(key) as [string, number, number];
  return { node, run, output };
}

/** Pinned data counts as a node's output only in manual runs, as in n8n. */
export function pinnedItems(ctx: ExpressionContext, node: string): Item[] | undefined {
  return ctx.execution.mode === 'manual' ? ctx.pinData?.[node] : undefined;
}

export function itemsOf(ctx: ExpressionContext, ref: OutputRef): Item[] {
  if (ref.run === -1) return pinnedItems(ctx, ref.node) ?? [];
  return ctx.runData[ref.node]?.[ref.run]?.data?.main?.[ref.output] ?? [];
}

export function nodeExists(ctx: ExpressionContext, name: string): boolean {
  return ctx.workflow.nodes.some((n) => n.name === name);
}

export function notExecuted(name: string): DataLookupError {
  return new DataLookupError(
    `Node '${name}' hasn't been executed`,
    `An expression references this node, but the node is unexecuted. Consider re-wiring your nodes or checking for execution first, i.e. {{ $if( $("${name}").isExecuted, <action_if_executed>, "") }}`,
    'no_execution_data',
  );
}

export const nodeMissing = (): DataLookupError =>
  new DataLookupError("Referenced node doesn't exist", 'Make sure to double-check the node name for typos', 'node_not_found');

/**
 * n8n's getNodeExecutionData: the items of one output of one run of `name`. Without an output
 * index the output connected (directly or indirectly) to the current node is used.
 */
export function locateOutput(ctx: ExpressionContext, name: string, outputIndex?: number, runIndex?: number): OutputRef {
  if (!nodeExists(ctx, name)) throw nodeMissing();
  const runs = ctx.runData[name];
  if (!runs) {
    if (pinnedItems(ctx, name)) return { node: name, run: -1, output: 0 };
    throw notExecuted(name);
  }
  const run = runIndex === undefined || runIndex === -1 ? runs.length - 1 : runIndex;
  if (runs.length <= run) throw new DataLookupError(`Run ${run} of node "${name}" not found`);
  const main = runs[run].data?.main;
  if (!main?.length || main[0] === null) throw new DataLookupError('No data found from `main` input');
  let output = outputIndex;
  if (output === undefined) {
    output = connectionOutputIndex(ctx.workflow.connections, ctx.node.name, name);
    if (output === undefined) throw new DataLookupError(`connect "${ctx.node.name}" to "${name}"`);
  }
  if (main.length <= output) throw new DataLookupError(`Node "${name}" has no branch with index ${output}.`);
  return { node: name, run, output };
}

/** `$('X').first()/last()/all()`: branch defaults to the connected output, else 0; pins as fallback. */
export function locateForAccessor(ctx: ExpressionContext, name: string, branch?: number, run?: number): OutputRef {
  if (!nodeExists(ctx, name)) throw nodeMissing();
  if (!ctx.runData[name] && !pinnedItems(ctx, name)) throw notExecuted(name);
  const output = branch ?? connectionOutputIndex(ctx.workflow.connections, ctx.node.name, name) ?? 0;
  try {
    return locateOutput(ctx, name, output, run);
  } catch (e) {
    if (pinnedItems(ctx, name)) return { node: name, run: -1, output: 0 };
    throw e;
  }
}

/** The input the node works on: its first non-empty input (n8n v1), else input 0. */
export function connectionInput(ctx: ExpressionContext): { items: Item[]; index: number } {
  const index = ctx.inputItems.findIndex((items) => items && items.length > 0);
  return index === -1 ? { items: ctx.inputItems[0] ?? [], index: 0 } : { items: ctx.inputItems[index], index };
}

export function normalizeSource(s: TaskSource | null | undefined): Required<TaskSource> | null {
  return s ? { previousNode: s.previousNode, previousNodeOutput: s.previousNodeOutput ?? 0, previousNodeRun: s.previousNodeRun ?? 0 } : null;
}
