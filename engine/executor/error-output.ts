// onError: 'continueErrorOutput': items a node marked as failed move from its regular outputs to the
// extra last output, enriched with the json of the input item they came from.
import type { Item, PairedItem } from '../node-sdk.ts';
import { extrasOf } from './node-type-extras.ts';
import type { RunContext } from './run-context.ts';
import type { StackEntry } from './run-state.ts';

/** How many regular main outputs the node has (the error output comes after them). */
export function regularOutputCount(rc: RunContext, entry: StackEntry): number {
  const type = rc.nodeType(entry.node);
  if (!type) return 1;
  const dynamic = extrasOf(type.description).outputsFor;
  const outputs = dynamic ? dynamic(rc.parameters(entry.node), entry.node.typeVersion) : type.description.outputs;
  return outputs.filter((o) => o === 'main').length;
}

export function routeErrorItems(rc: RunContext, entry: StackEntry, output: Item[][]): void {
  const regular = regularOutputCount(rc, entry);
  const errorItems: Item[] = [];
  for (let o = 0; o < regular; o++) {
    const success: Item[] = [];
    for (const item of output[o] ?? []) {
      const routed = errorItem(entry, item);
      if (routed) errorItems.push(routed);
      else success.push(item);
    }
    output[o] = success;
  }
  output[regular] = errorItems;
}

/** The item as it goes to the error output, or undefined when it is a regular item. */
function errorItem(entry: StackEntry, item: Item): Item | undefined {
  let routed: Item;
  if (item.error) {
    // The error moves into the json below; the field itself is dropped, as n8n clears it.
    const { error: _dropped, ...rest } = item;
    routed = rest;
  } else if (isErrorJson(item.json)) {
    routed = item;
  } else {
    return undefined;
  }
  const paired = firstPairedItem(item.pairedItem);
  if (entry.source === null || paired === undefined) return routed;
  const inputIndex = paired.input ?? 0;
  const inputItem = entry.source.main[inputIndex] ? entry.data.main[inputIndex]?.[paired.item] : undefined;
  if (!inputItem) return routed;
  return { ...routed, json: { ...inputItem.json, ...routed.json } };
}

/** `{error}` or `{error, message}`: what nodes emit per failed item when continuing on fail. */
function isErrorJson(json: Record<string, unknown>): boolean {
  if (!json?.error) return false;
  const keys = Object.keys(json).length;
  return keys === 1 || (keys === 2 && Boolean(json.message));
}

function firstPairedItem(pairedItem: Item['pairedItem']): PairedItem | undefined {
  if (pairedItem === null || typeof pairedItem !== 'object') return undefined;
  return Array.isArray(pairedItem) ? pairedItem[0] : pairedItem;
}
