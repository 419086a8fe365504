// Limit: keep the first or last N items (n8n Limit v1, Item Lists "limit").
import type { Item, NodeProperty } from '../../engine/index.ts';

export const limitProperties: NodeProperty[] = [
  {
    displayName: 'Max Items',
    name: 'maxItems',
    type: 'number',
    typeOptions: { minValue: 1 },
    default: 1,
    description: 'If there are more items than this number, some are removed',
  },
  {
    displayName: 'Keep',
    name: 'keep',
    type: 'options',
    options: [
      { name: 'First Items', value: 'firstItems' },
      { name: 'Last Items', value: 'lastItems' },
    ],
    default: 'firstItems',
    description: 'When removing items, whether to keep the ones at the start or the ending',
  },
];

export function limitItems(items: Item[], maxItems: number, keep: string): Item[] {
  if (maxItems > items.length) return items;
  return keep === 'firstItems' ? items.slice(0, maxItems) : items.slice(items.length - maxItems, items.length);
}
