// Sort (n8n-nodes-base.sort v1): orders items by fields, randomly, or with a JS comparator.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { stampedInput } from '../transform-shared/items.ts';
import { collection, fixedCollectionEntries, param } from '../transform-shared/params.ts';
import { defaultSortCode, shuffle, sortByCode, sortProperties, sortSimple, type SortField } from '../transform-shared/sort.ts';

export const sortNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.sort',
    displayName: 'Sort',
    group: ['transform'],
    version: [1],
    description: 'Change items order',
    defaults: { name: 'Sort' },
    inputs: ['main'],
    outputs: ['main'],
    properties: sortProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = stampedInput(ctx.getInputData());
    const type = param(ctx, 'type', 0, 'simple');
    if (type === 'random') return [shuffle([...items])];
    if (type === 'simple') {
      const disableDotNotation = collection(ctx, 'options', 0).disableDotNotation === true;
      const fields = fixedCollectionEntries(ctx, 'sortFieldsUi', 'sortField', 0, { fieldName: '', order: 'ascending' });
      return [sortSimple(ctx, items, fields as unknown as SortField[], disableDotNotation)];
    }
    return [await sortByCode(ctx, items, param(ctx, 'code', 0, defaultSortCode))];
  },
};
