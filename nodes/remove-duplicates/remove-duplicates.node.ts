// Remove Duplicates (n8n-nodes-base.removeDuplicates v1, 1.1, 2): drops repeated items; v2 can also
// drop items seen in earlier executions.
import type { ExecuteContext, Item, NodeOutput, NodeType } from '../../engine/index.ts';
import { clearHistory, keepHigherValues, keepLaterDates, keepNewValues } from '../transform-shared/dedupe-history.ts';
import { removeDuplicateInputItems } from '../transform-shared/dedupe-input.ts';
import { removeDuplicatesProperties } from '../transform-shared/dedupe-properties.ts';
import { stampedInput } from '../transform-shared/items.ts';
import { collection, param, prepareFieldsArray } from '../transform-shared/params.ts';

function dedupeInput(ctx: ExecuteContext, items: Item[]): Item[] {
  const version = ctx.node.typeVersion;
  const compare = param(ctx, 'compare', 0, 'allFields');
  // v1's options exist only for the field-list compare modes.
  const options = version < 2 && compare === 'allFields' ? {} : collection(ctx, 'options', 0);
  return removeDuplicateInputItems(
    ctx,
    items,
    {
      compare,
      fieldsToExclude: () => prepareFieldsArray(ctx, param(ctx, 'fieldsToExclude', 0, ''), 'Fields To Exclude'),
      fieldsToCompare: () => prepareFieldsArray(ctx, param(ctx, 'fieldsToCompare', 0, ''), 'Fields To Compare'),
      disableDotNotation: options.disableDotNotation === true,
      removeOtherFields: options.removeOtherFields === true,
    },
    { skipNulls: version > 1, typeCheck: version > 1 ? 'withIndices' : 'plain', sortByType: false },
  );
}

function dedupeAcrossExecutions(ctx: ExecuteContext, items: Item[]): Item[][] {
  const logic = param(ctx, 'logic', 0, 'removeItemsWithAlreadySeenKeyValues');
  const options = collection(ctx, 'options', 0);
  const scope = String(options.scope ?? 'node');
  if (logic === 'removeItemsWithAlreadySeenKeyValues') {
    const historySize = Number(options.historySize ?? 10000);
    return keepNewValues(ctx, items, scope, historySize, (i) => param(ctx, 'dedupeValue', i, ''));
  }
  if (logic === 'removeItemsUpToStoredIncrementalKey') {
    return keepHigherValues(ctx, items, scope, (i) => param<unknown>(ctx, 'incrementalDedupeValue', i, ''));
  }
  if (logic === 'removeItemsUpToStoredDate') {
    return keepLaterDates(ctx, items, scope, (i) => param<unknown>(ctx, 'dateDedupeValue', i, ''));
  }
  return [items];
}

export const removeDuplicatesNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.removeDuplicates',
    displayName: 'Remove Duplicates',
    group: ['transform'],
    version: [1, 1.1, 2],
    description: 'Delete items with matching field values',
    defaults: { name: 'Remove Duplicates' },
    inputs: ['main'],
    outputs: ['main'],
    outputNames: ['Kept', 'Discarded'],
    properties: removeDuplicatesProperties,
  },
  async execute(ctx: ExecuteContext): Promise<NodeOutput> {
    const items = stampedInput(ctx.getInputData());
    const operation = ctx.node.typeVersion < 2 ? 'removeDuplicateInputItems' : param(ctx, 'operation', 0, 'removeDuplicateInputItems');
    try {
      if (operation === 'removeDuplicateInputItems') return [dedupeInput(ctx, items)];
      if (operation === 'removeItemsSeenInPreviousExecutions') return dedupeAcrossExecutions(ctx, items);
      if (operation === 'clearDeduplicationHistory' && param(ctx, 'mode', 0, 'cleanDatabase') === 'cleanDatabase') {
        clearHistory(ctx, String(collection(ctx, 'options', 0).scope ?? 'node'));
      }
      return [items];
    } catch (error) {
      if (ctx.node.typeVersion < 2 || !ctx.continueOnFail()) throw error;
      return [[{ json: items[0]?.json ?? {}, error }]];
    }
  },
};
