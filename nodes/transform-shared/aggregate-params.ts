// Reads Aggregate's parameters (shared by the Aggregate node and Item Lists' concatenate operation).
import type { ExecuteContext, Item } from '../../engine/index.ts';
import { addBinaries, aggregateAllItemData, aggregateIndividualFields, type AggregateOptions, type FieldToAggregate } from './aggregate.ts';
import { collection, fixedCollectionEntries, param, prepareFieldsArray } from './params.ts';

/** Reads a field-list parameter (a comma list here; Item Lists v1/v2 store a fixedCollection). */
export type FieldListReader = (name: 'fieldsToExclude' | 'fieldsToInclude', label: string) => string[];

export function runAggregate(ctx: ExecuteContext, items: Item[], readList?: FieldListReader, checkFields?: (fields: FieldToAggregate[]) => void): Item {
  const list: FieldListReader = readList ?? ((name, label) => prepareFieldsArray(ctx, param(ctx, name, 0, ''), label));
  const options = collection(ctx, 'options', 0) as AggregateOptions;
  let result: Item;
  if (param(ctx, 'aggregate', 0, 'aggregateIndividualFields') === 'aggregateIndividualFields') {
    const fields = fixedCollectionEntries(ctx, 'fieldsToAggregate', 'fieldToAggregate', 0, { fieldToAggregate: '', renameField: false }, {
      fieldToAggregate: [{ fieldToAggregate: '', renameField: false }],
    }).map((entry) => {
      const field = { ...entry } as unknown as FieldToAggregate;
      if (field.renameField) field.outputFieldName ??= '';
      else delete field.outputFieldName;
      return field;
    });
    checkFields?.(fields);
    result = aggregateIndividualFields(ctx, items, fields, options);
  } else {
    const include = param(ctx, 'include', 0, 'allFields');
    const fieldsToExclude = include === 'allFieldsExcept' ? list('fieldsToExclude', 'Fields To Exclude') : [];
    const fieldsToInclude = include === 'specifiedFields' ? list('fieldsToInclude', 'Fields To Include') : [];
    result = aggregateAllItemData(items, param(ctx, 'destinationFieldName', 0, 'data'), fieldsToInclude, fieldsToExclude);
  }
  if (options.includeBinaries) {
    const paired = (result.pairedItem ?? []) as { item: number }[];
    addBinaries(result, paired.map((p) => items[p.item]), options.keepOnlyUnique === true);
  }
  return result;
}
