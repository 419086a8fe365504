// Summarize (n8n-nodes-base.summarize v1, 1.1): sum, count, max, … across items, optionally split by fields.
import type { ExecuteContext, NodeType } from '../../engine/index.ts';
import { pairAll } from '../transform-shared/items.ts';
import { collection, fail, fixedCollectionEntries, param } from '../transform-shared/params.ts';
import { aggregateAndSplit, fieldGetter, flattenToItems, flattenToObject, type Aggregation, type Row, type SummarizeOptions } from '../transform-shared/summarize.ts';
import { summarizeProperties } from '../transform-shared/summarize-properties.ts';

export const summarizeNode: NodeType = {
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
    const rows: Row[] = ctx.getInputData().map(({ json }, i) => ({ ...json, _itemIndex: i }));
    const options = collection(ctx, 'options', 0) as SummarizeOptions;
    const splitBy = String(param(ctx, 'fieldsToSplitBy', 0, ''))
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field);
    const fields = fixedCollectionEntries(
      ctx, 'fieldsToSummarize', 'values', 0,
      { aggregation: 'count', field: '', includeEmpty: false, separateBy: ',', customSeparator: '' },
      { values: [{ aggregation: 'count', field: '' }] },
    ) as unknown as Aggregation[];
    if (!fields.some((entry) => entry.field !== '')) {
      fail(ctx, "You need to add at least one aggregation to 'Fields to Summarize' with non empty 'Field'");
    }
    const version = ctx.node.typeVersion;
    const get = fieldGetter(options.disableDotNotation);
    const result = aggregateAndSplit(splitBy, rows, fields, options, get, version === 1);
    const missing = fields.find((entry) => entry.field !== '' && !rows.some((row) => get(row, entry.field) !== undefined));
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
