// One try of one node run (n8n's `runNode`): disabled pass-through, trigger/webhook pass-through,
// the "no input, not executed" rule, executeOnce, then the node's own execute().
import type { Item } from '../node-sdk.ts';
import { EngineError } from './errors.ts';
import { buildExecuteContext } from './execute-context.ts';
import { extrasOf } from './node-type-extras.ts';
import type { RunContext } from './run-context.ts';
import type { Closers } from './sub-nodes.ts';
import type { InputData, StackEntry } from './run-state.ts';

/**
 * The node's raw output: `undefined` when it did not run for lack of input (or a disabled node got
 * nothing on input 0), `null` when it ran and returned nothing.
 */
export async function executeNodeOnce(rc: RunContext, entry: StackEntry, runIndex: number): Promise<Item[][] | null | undefined> {
  const { node } = entry;
  const input = entry.data.main;
  if (node.disabled === true) {
    // A disabled node hands input 0 on unchanged, whatever outputs it has (IF, Switch…).
    if (input.length === 0 || input[0] === null) return undefined;
    return [input[0]];
  }
  const type = rc.nodeType(node);
  if (!type) throw new EngineError(`Unrecognized node type: ${node.type}`);

  const kind = extrasOf(type.description).triggerKind;
  const passesThrough = kind === 'webhook' ? type.description.executesTriggerInput !== true : (kind === 'trigger' || kind === 'poll') && rc.options.mode !== 'manual';
  if (passesThrough) {
    // The request or trigger data was injected as this node's input: it is the output, on the output
    // the trigger chose (a Webhook listening to several methods has one per method).
    const output = input.map((items) => items ?? []);
    const at = entry.source === null && node.name === rc.options.startNode ? rc.options.triggerOutput ?? 0 : 0;
    return at > 0 ? [...Array.from({ length: at }, () => []), ...output] : output;
  }
  if (kind === undefined && connectionInput(rc, input) === undefined) return undefined;

  const given = node.executeOnce === true ? input.map((items) => items && items.slice(0, 1)) : input;
  if (!type.execute) throw new EngineError(`"${node.name}" is a sub-node`, 'It runs only when a root node (an AI Agent, a chain) it is connected to uses it');
  const closers: Closers = [];
  let result: unknown;
  try {
    result = await type.execute(buildExecuteContext(rc, entry, runIndex, given, closers));
  } finally {
    await Promise.allSettled(closers.map((close) => close()));
  }
  // A node that returns undefined counts as not executed (no lastNodeExecuted), as in n8n.
  if (result === undefined || result === null) return result;
  if (!Array.isArray(result) || !result.every((items) => items === null || Array.isArray(items))) {
    throw new EngineError(`Node "${node.name}" returned invalid output`, 'A node must return one array of items per output, or null');
  }
  return result as Item[][];
}

/**
 * The input a node's items come from: input 0 in v0; in v1 the first non-empty input, because
 * v1 runs multi-input nodes even when some inputs got nothing. Undefined when all are empty.
 */
export function connectionInput(rc: RunContext, input: InputData): Item[] | undefined {
  if (input.length === 0) return undefined;
  let chosen = input[0];
  if (rc.order === 'v1') {
    for (const items of input) {
      if (items?.length) {
        chosen = items;
        break;
      }
    }
  }
  return chosen && chosen.length > 0 ? chosen : undefined;
}
