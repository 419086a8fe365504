// Item helpers shared by the flow nodes: positional pairing as n8n's engine stamps it.
import type { Item, PairedItem } from '../../engine/index.ts';

/**
 * The input items as n8n hands them to a node: each stamped with its position in that input
 * (`{item}` on input 0, `{item, input}` on the others). Copies; the inputs are left untouched.
 */
export function stampedInput(items: Item[], input = 0): Item[] {
  return items.map((item, index) => ({
    ...item,
    pairedItem: input ? { item: index, input } : { item: index },
  }));
}

/** pairedItem as a list (n8n's preparePairedItemDataArray). */
export function pairedItemList(pairedItem: Item['pairedItem']): PairedItem[] {
  if (pairedItem === undefined) return [];
  if (typeof pairedItem === 'number') return [{ item: pairedItem }];
  return Array.isArray(pairedItem) ? pairedItem : [pairedItem];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
