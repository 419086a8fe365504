// Item helpers shared by the transform nodes: positional pairing and common option properties.
import type { Item, NodeProperty, PairedItem } from '../../engine/index.ts';

/**
 * The input items as n8n hands them to a node: each stamped with its position in that input
 * (`{item}` on input 0, `{item, input}` on the others).
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

export function pairAll(count: number): PairedItem[] {
  return Array.from({ length: count }, (_, item) => ({ item }));
}

export const disableDotNotationOption: NodeProperty = {
  displayName: 'Disable Dot Notation',
  name: 'disableDotNotation',
  type: 'boolean',
  default: false,
  description: 'Whether to disallow referencing child fields using `parent.child` in the field name',
};
