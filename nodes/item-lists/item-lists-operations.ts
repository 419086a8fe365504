// Item Lists' operations on top of the standalone transform nodes' logic, with the legacy
// differences of v1 – v3.1.
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { runAggregate, type FieldListReader } from '../transform-shared/aggregate-params.ts';
import type { FieldToAggregate } from '../transform-shared/aggregate.ts';
import { removeDuplicateInputItems } from '../transform-shared/dedupe-input.ts';
import { limitItems } from '../transform-shared/limit.ts';
import { collection, fail, fixedCollectionEntries, param, prepareFieldsArray } from '../transform-shared/params.ts';
import { getPath } from '../transform-shared/path.ts';
import { defaultSortCode, shuffle, sortByCode, sortSimple, type SortField } from '../transform-shared/sort.ts';
import { splitOutItem } from '../transform-shared/split-out.ts';
import { summarizeLegacy } from '../transform-shared/summarize-legacy.ts';
import { missingSummarizeField, readSummarizeInput } from '../transform-shared/summarize-params.ts';
import { splitOutItemsV1 } from './split-out-v1.ts';

const legacy = (ctx: ExecuteContext) => ctx.node.typeVersion < 3;

/** A field list: a comma list (v3) or `{fields: [{fieldName}]}` (v1/v2). */
function fieldList(ctx: ExecuteContext, name: string, label: string, itemIndex = 0): string[] {
  if (!legacy(ctx)) return prepareFieldsArray(ctx, param(ctx, name, itemIndex, ''), label);
  return fixedCollectionEntries(ctx, name, 'fields', itemIndex, { fieldName: '' }).map((entry) => String(entry.fieldName));
}

export function concatenate(ctx: ExecuteContext, items: Item[]): Item[] {
  const readList: FieldListReader = (name, label) => fieldList(ctx, name, label);
  const checkFields = (fields: FieldToAggregate[]) => {
    if (ctx.node.typeVersion >= 2.1) return;
    const options = collection(ctx, 'options', 0);
    const dotted = options.disableDotNotation !== true;
    for (const { fieldToAggregate } of fields) {
      if (fieldToAggregate === '') fail(ctx, 'Field to aggregate is blank', { description: 'Please add a field to aggregate' });
      const found = items.some((item) =>
        dotted ? getPath(item.json, fieldToAggregate) !== undefined : Object.prototype.hasOwnProperty.call(item.json, fieldToAggregate),
      );
      if (!found && !dotted && fieldToAggregate.includes('.')) {
        fail(ctx, `Couldn't find the field '${fieldToAggregate}' in the input data`, {
          description: "If you're trying to use a nested field, make sure you turn off 'disable dot notation' in the node options",
        });
      }
      if (!found && !options.keepMissing) fail(ctx, `Couldn't find the field '${fieldToAggregate}' in the input data`);
    }
  };
  const result = runAggregate(ctx, items, readList, checkFields);
  // v1 left the all-item-data item unpaired (the engine pairs it).
  if (ctx.node.typeVersion === 1 && param(ctx, 'aggregate', 0, 'aggregateIndividualFields') === 'aggregateAllItemData') delete result.pairedItem;
  return [result];
}

export function limit(ctx: ExecuteContext, items: Item[]): Item[] {
  return limitItems(items, param(ctx, 'maxItems', 0, 1), param(ctx, 'keep', 0, 'firstItems'));
}

export function removeDuplicates(ctx: ExecuteContext, items: Item[]): Item[] {
  const compare = param(ctx, 'compare', 0, 'allFields');
  const options = compare === 'allFields' ? {} : collection(ctx, 'options', 0);
  const v31 = ctx.node.typeVersion >= 3.1;
  return removeDuplicateInputItems(
    ctx,
    items,
    {
      compare,
      fieldsToExclude: () => fieldList(ctx, 'fieldsToExclude', 'Fields To Exclude'),
      fieldsToCompare: () => fieldList(ctx, 'fieldsToCompare', 'Fields To Compare'),
      disableDotNotation: options.disableDotNotation === true,
      removeOtherFields: options.removeOtherFields === true,
    },
    { skipNulls: false, typeCheck: v31 ? 'none' : 'plain', sortByType: v31 },
  );
}

export async function sort(ctx: ExecuteContext, items: Item[]): Promise<Item[]> {
  const type = param(ctx, 'type', 0, 'simple');
  if (type === 'random') return shuffle([...items]);
  if (type === 'simple') {
    const disableDotNotation = collection(ctx, 'options', 0).disableDotNotation === true;
    const fields = fixedCollectionEntries(ctx, 'sortFieldsUi', 'sortField', 0, { fieldName: '', order: 'ascending' });
    return sortSimple(ctx, items, fields as unknown as SortField[], disableDotNotation);
  }
  return sortByCode(ctx, items, param(ctx, 'code', 0, defaultSortCode));
}

export function splitOutItems(ctx: ExecuteContext, items: Item[]): Item[] {
  const version = ctx.node.typeVersion;
  if (version === 1) return splitOutItemsV1(ctx, items);
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const options: JsonObject = collection(ctx, 'options', i);
    if (legacy(ctx)) {
      // v1/v2 read dot notation from the first item's options and know no binary splitting.
      options.disableDotNotation = collection(ctx, 'options', 0).disableDotNotation;
      delete options.includeBinary;
    }
    output.push(
      ...splitOutItem(ctx, items[i], i, {
        fieldToSplitOut: param(ctx, 'fieldToSplitOut', i, ''),
        include: param(ctx, 'include', i, 'noOtherFields'),
        fieldsToInclude: () => fieldList(ctx, 'fieldsToInclude', 'Fields To Include', i),
        options,
        missingIsError: version < 2.1,
        scalarIsError: version < 2.2,
      }),
    );
  }
  return output;
}

export function summarize(ctx: ExecuteContext, items: Item[]): Item[] {
  const input = readSummarizeInput(ctx, items);
  if (ctx.node.typeVersion < 2.1) {
    const missing = missingSummarizeField(input);
    if (missing) fail(ctx, `The field '${missing.field}' does not exist in any items`);
  }
  return summarizeLegacy(input.rows, input.splitBy, input.fields, input.options, input.get);
}
