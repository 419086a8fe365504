// Item helpers shared by the transform nodes: positional pairing and common option properties.
import type { PairedItem } from '../../engine/index.ts';

export { pairedItemList, stampedInput } from '../shared/items.ts';
export { disableDotNotationOption } from '../shared/match-properties.ts';

export function pairAll(count: number): PairedItem[] {
  return Array.from({ length: count }, (_, item) => ({ item }));
}
