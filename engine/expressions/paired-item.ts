// `$('X').item`: follows pairedItem links from the current input item back through the run
// data to the item of node X it came from (n8n's getPairedItem, N8N-SEMANTICS §3.4).
import type { ExpressionContext } from '../expression-context.ts';
import type { Item, PairedItem } from '../node-sdk.ts';
import type { TaskSource } from '../run-data.ts';
import { ancestors } from './graph.ts';
import { DataLookupError } from './host-error.ts';
import { connectionInput, nodeExists, nodeMissing, notExecuted, outputKey, pinnedItems, type OutputRef } from './node-data.ts';

export interface ItemLocation {
  key: string;
  index: number;
}

type Result = { ok: true; loc: ItemLocation } | { ok: false; error: unknown };

function normalize(paired: Item['pairedItem'] | null | undefined): PairedItem[] {
  if (paired === null || paired === undefined) return [];
  return (Array.isArray(paired) ? paired : [paired]).map((p) => (typeof p === 'number' ? { item: p } : p));
}

const cantGetData = (description: string, type = 'paired_item_invalid_info') =>
  new DataLookupError("Can't get data for expression", description, type);

function missingPairedItem(ctx: ExpressionContext, node: string, method: string): DataLookupError {
  const message = pinnedItems(ctx, node)
    ? `Using the ${method} method doesn't work with pinned data in this scenario. Please unpin '${node}' and try again.`
    : `Paired item data for ${method} from node '${node}' is unavailable. Ensure '${node}' is providing the required output.`;
  return new DataLookupError(message, `Missing pairedItem data (node '${node}' probably didn't supply it)`, 'paired_item_no_info');
}

const noConnection = () => new DataLookupError('Invalid expression', 'No path back to referenced node', 'paired_item_no_connection');

function follow(ctx: ExpressionContext, dest: string, source: TaskSource | null | undefined, paired: PairedItem, method: string): ItemLocation {
  if (!source) throw new DataLookupError('Paired item resolution failed', `Could not trace back to node '${dest}'`, 'paired_item_no_info');
  const prev = source.previousNode;
  const output = source.previousNodeOutput ?? 0;
  const task = ctx.runData[prev]?.[source.previousNodeRun ?? 0];
  const pinned = task ? undefined : pinnedItems(ctx, prev);
  const ref: OutputRef = { node: prev, run: task ? (source.previousNodeRun ?? 0) : -1, output: task ? output : 0 };
  const items = task ? task.data?.main?.[output] : pinned;
  if (!items) throw cantGetData(`Expected output #${output} from node ${prev}`, 'internal');
  if (prev === dest) {
    if (paired.item >= items.length) throw cantGetData('Expression info invalid');
    return { key: outputKey(ref), index: paired.item };
  }
  const item = items[paired.item];
  if (!item) throw cantGetData('Expression info invalid');
  const next = normalize(item.pairedItem);
  if (next.length === 0) throw missingPairedItem(ctx, prev, method);
  const sources = task?.source ?? [];
  const results: Result[] = next.flatMap((p): Result[] => {
    const input = p.input ?? 0;
    if (input >= sources.length) return [];
    try {
      return [{ ok: true, loc: follow(ctx, dest, sources[input], { ...p, input }, method) }];
    } catch (error) {
      return [{ ok: false, error }];
    }
  });
  const found = results.filter((r): r is Extract<Result, { ok: true }> => r.ok).map((r) => r.loc);
  if (results.length > 0 && found.length === 0) throw (results[0] as { error: unknown }).error;
  if (found.length === 0) {
    if (sources.length === 0) throw noConnection();
    throw new DataLookupError('Branch not found', `Item ${paired.item} in node ${prev} references a branch that doesn't exist.`, 'paired_item_invalid_info');
  }
  const [first, ...rest] = found;
  if (rest.some((r) => r.key !== first.key || r.index !== first.index)) {
    throw new DataLookupError('Multiple matches found', `Multiple matching items for item [${paired.item}]`, 'paired_item_multiple_matches');
  }
  return first;
}

/** Resolves `$('name').item` (or `.itemMatching(itemIndex)`) for the current node. */
export function resolvePairedItem(ctx: ExpressionContext, name: string, itemIndex: number, method: string): ItemLocation {
  if (!nodeExists(ctx, name)) throw nodeMissing();
  if (!ancestors(ctx.workflow.connections, ctx.node.name).has(name)) throw noConnection();
  if (!ctx.runData[name] && !pinnedItems(ctx, name)) throw notExecuted(name);
  const { items, index: inputIndex } = connectionInput(ctx);
  if (items.length === 0 && pinnedItems(ctx, name)) return { key: outputKey({ node: name, run: -1, output: 0 }), index: itemIndex };
  const input = items[itemIndex];
  if (!input) {
    throw new DataLookupError(
      "Can't get data for expression",
      `Some intermediate nodes between '${name}' and '${ctx.node.name}' have not executed yet.`,
      'paired_item_intermediate_nodes',
    );
  }
  // The engine stamps every input item with its position; tolerate an unstamped one the same way.
  const stamped = normalize(input.pairedItem)[0] ?? { item: itemIndex, input: inputIndex };
  const source = ctx.source[stamped.input ?? inputIndex] ?? ctx.source[0];
  return follow(ctx, name, source, stamped, method);
}
