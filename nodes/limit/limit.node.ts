// Limit (n8n-nodes-base.limit v1): restricts the number of items, keeping the first or the last.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { stampedInput } from '../transform-shared/items.ts';
import { limitItems, limitProperties } from '../transform-shared/limit.ts';
import { param } from '../transform-shared/params.ts';

export const limitNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.limit',
    displayName: 'Limit',
    group: ['transform'],
    version: [1],
    description: 'Restrict the number of items',
    defaults: { name: 'Limit' },
    inputs: ['main'],
    outputs: ['main'],
    properties: limitProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = stampedInput(ctx.getInputData());
    const maxItems = param(ctx, 'maxItems', 0, 1);
    const keep = param(ctx, 'keep', 0, 'firstItems');
    return [limitItems(items, maxItems, keep)];
  },
};
