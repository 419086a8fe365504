// Reads Summarize's parameters (shared by the Summarize node and Item Lists' summarize operation).
import type { ExecuteContext, Item } from '../../engine/index.ts';
import { collection, fail, fixedCollectionEntries, param } from './params.ts';
import { fieldGetter, type Aggregation, type Getter, type Row, type SummarizeOptions } from './summarize.ts';

export interface SummarizeInput {
  rows: Row[];
  options: SummarizeOptions;
  splitBy: string[];
  fields: Aggregation[];
  get: Getter;
}

/** The input rows and the summarize parameters; fails when no aggregation names a field. */
export function readSummarizeInput(ctx: ExecuteContext, items: Item[]): SummarizeInput {
  const rows: Row[] = items.map(({ json }, i) => ({ ...json, _itemIndex: i }));
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
  return { rows, options, splitBy, fields, get: fieldGetter(options.disableDotNotation) };
}

/** The first aggregation whose field no row has. */
export function missingSummarizeField({ rows, fields, get }: SummarizeInput): Aggregation | undefined {
  return fields.find((entry) => entry.field !== '' && !rows.some((row) => get(row, entry.field) !== undefined));
}
