// Summarize's aggregations and grouping (n8n Summarize v1/1.1): pivot-table style summaries.
import type { Item, JsonObject, PairedItem } from '../../engine/index.ts';
import { getPath } from './path.ts';

export interface Aggregation {
  aggregation: string;
  field: string;
  includeEmpty?: boolean;
  separateBy?: string;
  customSeparator?: string;
}

export interface SummarizeOptions {
  disableDotNotation?: boolean;
  outputFormat?: string;
  skipEmptySplitFields?: boolean;
  continueIfFieldNotFound?: boolean;
}

/** An input item's json plus its input position. */
export type Row = JsonObject & { _itemIndex: number };
export type Getter = (row: JsonObject, field: string) => unknown;

const PREFIX: Record<string, string> = {
  append: 'appended_', average: 'average_', concatenate: 'concatenated_', count: 'count_',
  countUnique: 'unique_count_', max: 'max_', min: 'min_', sum: 'sum_',
};

export const NUMERICAL_AGGREGATIONS = ['average', 'sum'];

export const isEmptyField = (value: unknown) => value === undefined || value === null || value === '';

export function normalizeFieldName(name: string): string {
  return name.replace(/[\]["]/g, '').replace(/[ .]/g, '_');
}

export function outputKey(entry: Aggregation): string {
  return `${PREFIX[entry.aggregation] ?? PREFIX.count}${entry.field}`;
}

export function fieldGetter(disableDotNotation: boolean | undefined): Getter {
  return disableDotNotation ? (row, field) => row[field] : (row, field) => getPath(row, field);
}

function extreme(values: unknown[], better: (a: never, b: never) => boolean): unknown {
  let best: unknown;
  for (const value of values) {
    if (isEmptyField(value)) continue;
    if (best === undefined || better(value as never, best as never)) best = value;
  }
  return best ?? null;
}

/** One aggregation over rows; `countEmpty` lets count/countUnique honour includeEmpty (Summarize node). */
export function aggregate(rows: JsonObject[], entry: Aggregation, get: Getter, countEmpty = true): unknown {
  const { aggregation, field } = entry;
  let data = rows;
  if (NUMERICAL_AGGREGATIONS.includes(aggregation)) {
    data = data.filter((row) => typeof get(row, field) === 'number' && !isEmptyField(get(row, field)));
  }
  const values = () => data.map((row) => get(row, field));
  const nonEmpty = () => values().filter((value) => !isEmptyField(value));
  switch (aggregation) {
    case 'append':
      return entry.includeEmpty ? values() : nonEmpty();
    case 'concatenate': {
      const separator = entry.separateBy === 'other' ? entry.customSeparator : entry.separateBy;
      return (entry.includeEmpty ? values() : nonEmpty())
        .map((value) => (typeof value === 'object' ? JSON.stringify(value) : value === undefined ? 'undefined' : value))
        .join(separator);
    }
    case 'average':
      return (values() as number[]).reduce((sum, value) => sum + value, 0) / data.length;
    case 'sum':
      return (values() as number[]).reduce((sum, value) => sum + value, 0);
    case 'min':
      return extreme(values(), (a, b) => a < b);
    case 'max':
      return extreme(values(), (a, b) => a > b);
    case 'countUnique':
      return new Set(countEmpty && entry.includeEmpty ? values() : nonEmpty()).size;
    default:
      return countEmpty && entry.includeEmpty ? data.length : nonEmpty().length;
  }
}

interface Leaf {
  returnData: JsonObject;
  pairedItems?: number[];
}
interface Split {
  fieldName: string;
  splits: Map<unknown, Result>;
}
export type Result = Leaf | Split;

function aggregateRows(rows: Row[], fields: Aggregation[], options: SummarizeOptions, get: Getter): Leaf {
  const returnData = Object.fromEntries(
    fields.map((entry) => [normalizeFieldName(outputKey(entry)), aggregate(rows, entry, get)]),
  );
  if (options.outputFormat === 'singleItem') return { returnData };
  return { returnData, pairedItems: rows.map((row) => row._itemIndex) };
}

/** Groups rows by each split key in turn (a Map keeps key types; v1 turns keys into strings). */
export function aggregateAndSplit(splitKeys: string[], rows: Row[], fields: Aggregation[], options: SummarizeOptions, get: Getter, keysToString: boolean): Result {
  if (!splitKeys.length) return aggregateRows(rows, fields, options, get);
  const [first, ...rest] = splitKeys;
  const groups = new Map<unknown, Row[]>();
  for (const row of rows) {
    let key = get(row, first);
    if (key && typeof key === 'object') key = JSON.stringify(key);
    if (keysToString) key = String(key);
    if (options.skipEmptySplitFields && typeof key !== 'number' && !key) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const splits = new Map<unknown, Result>();
  for (const [key, group] of groups) splits.set(key, aggregateAndSplit(rest, group, fields, options, get, keysToString));
  return { fieldName: first, splits };
}

export function flattenToObject(result: Result): JsonObject {
  if ('splits' in result) {
    return Object.fromEntries([...result.splits].map(([key, value]) => [String(key), flattenToObject(value)]));
  }
  return result.returnData;
}

export function flattenToItems(result: Result): Item[] {
  const leaves = flattenToLeaves(result);
  return leaves.map(({ returnData, pairedItems }) => ({
    json: returnData,
    pairedItem: (pairedItems ?? []).map((item): PairedItem => ({ item })),
  }));
}

function flattenToLeaves(result: Result): Leaf[] {
  if (!('splits' in result)) return [result];
  return [...result.splits].flatMap(([value, inner]) =>
    flattenToLeaves(inner).map((leaf) => {
      leaf.returnData[normalizeFieldName(result.fieldName)] = value;
      return leaf;
    }),
  );
}
