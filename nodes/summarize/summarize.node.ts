// Summarize (n8n-nodes-base.summarize v1, 1.1): sum, count, max, … across items, optionally split by fields.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { pairAll } from '../transform-shared/items.ts';
import { fail } from '../transform-shared/params.ts';
import { aggregateAndSplit, flattenToItems, flattenToObject } from '../transform-shared/summarize.ts';
import { missingSummarizeField, readSummarizeInput } from '../transform-shared/summarize-params.ts';
import { summarizeProperties } from '../transform-shared/summarize-properties.ts';

export const summarizeNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.summarize',
    displayName: 'Summarize',
    group: ['transform'],
    version: [1, 1.1],
    description: 'Sum, count, max, etc. across items',
    defaults: { name: 'Summarize' },
    inputs: ['main'],
    outputs: ['main'],
    properties: summarizeProperties,
  },
  async execute(ctx: ExecuteContext) {
    const input = readSummarizeInput(ctx, ctx.getInputData());
    const { rows, options, splitBy, fields, get } = input;
    const version = ctx.node.typeVersion;
    const result = aggregateAndSplit(splitBy, rows, fields, options, get, version === 1);
    const missing = missingSummarizeField(input);
    // v1 fails on a field no item has, unless told to continue; later versions only hint.
    if (missing && version === 1 && !options.continueIfFieldNotFound) {
      fail(ctx, `The field '${missing.field}' does not exist in any items`);
    }
    if (options.outputFormat === 'singleItem') {
      return [[{ json: flattenToObject(result), pairedItem: pairAll(rows.length) }]];
    }
    return [flattenToItems(result)];
  },
};
