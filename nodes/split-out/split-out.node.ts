// Split Out (n8n-nodes-base.splitOut v1): turns a list inside each item into separate items.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { collection, param } from '../transform-shared/params.ts';
import { splitOutItem, splitOutProperties } from '../transform-shared/split-out.ts';

export const splitOutNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.splitOut',
    displayName: 'Split Out',
    group: ['transform'],
    version: [1],
    description: 'Turn a list inside item(s) into separate items',
    defaults: { name: 'Split Out' },
    inputs: ['main'],
    outputs: ['main'],
    properties: splitOutProperties,
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      output.push(
        ...splitOutItem(ctx, items[i], i, {
          fieldToSplitOut: param(ctx, 'fieldToSplitOut', i, ''),
          include: param(ctx, 'include', i, 'noOtherFields'),
          fieldsToInclude: () => param(ctx, 'fieldsToInclude', i, ''),
          options: collection(ctx, 'options', i),
        }),
      );
    }
    return [output];
  },
};
