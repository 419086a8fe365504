// Item Lists (n8n-nodes-base.itemLists v1 – v3.1, legacy): split out, concatenate, limit, remove
// duplicates, sort and summarize in one node; replaced by the standalone transform nodes.
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { stampedInput } from '../transform-shared/items.ts';
import { param } from '../transform-shared/params.ts';
import { itemListsProperties } from './item-lists.description.ts';
import { concatenate, limit, removeDuplicates, sort, splitOutItems, summarize } from './item-lists-operations.ts';

const OPERATIONS: Partial<Record<string, (ctx: ExecuteContext, items: Item[]) => Item[] | Promise<Item[]>>> = {
  concatenateItems: concatenate,
  aggregateItems: concatenate,
  limit,
  removeDuplicates,
  sort,
  splitOutItems,
  summarize,
};

export const itemListsNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.itemLists',
    displayName: 'Item Lists',
    group: ['input'],
    version: [1, 2, 2.1, 2.2, 3, 3.1],
    description: 'Helper for working with lists of items and transforming arrays',
    defaults: { name: 'Item Lists' },
    inputs: ['main'],
    outputs: ['main'],
    properties: itemListsProperties,
  },
  async execute(ctx: ExecuteContext) {
    const operation = param(ctx, 'operation', 0, 'splitOutItems');
    const run = OPERATIONS[operation];
    const legacyName = ctx.node.typeVersion < 3 ? 'aggregateItems' : 'concatenateItems';
    if (!run || (operation !== legacyName && (operation === 'aggregateItems' || operation === 'concatenateItems'))) throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
    return [await run(ctx, stampedInput(ctx.getInputData()))];
  },
};
