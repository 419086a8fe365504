// Item Lists' summarize operation (v1 – v3.1): Summarize's aggregations, but groups are plain
// object keys (strings, integer-like keys first) and split fields lead the output item.
import type { Item, JsonObject } from '../../engine/index.ts';
import { aggregate, normalizeFieldName, outputKey, type Aggregation, type Getter, type Row, type SummarizeOptions } from './summarize.ts';

type Tree = JsonObject & { pairedItems?: number[] };

function aggregateRows(rows: Row[], fields: Aggregation[], options: SummarizeOptions, get: Getter): Tree {
  const data: Tree = {};
  for (const entry of fields) data[outputKey(entry)] = aggregate(rows, entry, get, false);
  renameKeys(data);
  if (options.outputFormat === 'singleItem') return data;
  return { ...data, pairedItems: rows.map((row) => row._itemIndex) };
}

/** Brackets and quotes dropped, spaces and dots turned into underscores (keys move to the end). */
function renameKeys(data: JsonObject): void {
  const passes: Array<[RegExp, string]> = [[/[\]["]/g, ''], [/[ .]/g, '_']];
  for (const [pattern, replacement] of passes) {
    for (const key of Object.keys(data)) {
      if (!key.match(pattern)) continue;
      data[key.replace(pattern, replacement)] = data[key];
      delete data[key];
    }
  }
}

export function splitData(splitKeys: string[], rows: Row[], fields: Aggregation[], options: SummarizeOptions, get: Getter): Tree {
  if (!splitKeys.length) return aggregateRows(rows, fields, options, get);
  const [first, ...rest] = splitKeys;
  const groups: Record<string, Row[]> = {};
  for (const row of rows) {
    let key = get(row, first);
    if (typeof key === 'object') key = JSON.stringify(key);
    if (options.skipEmptySplitFields && typeof key !== 'number' && !key) continue;
    (groups[String(key)] ??= []).push(row);
  }
  const result: Tree = {};
  for (const key of Object.keys(groups)) result[key] = splitData(rest, groups[key], fields, options, get);
  return result;
}

function toRows(tree: Tree, splitKeys: string[], previous: JsonObject = {}): Tree[] {
  const names = splitKeys.map(normalizeFieldName);
  const [name] = names;
  return Object.keys(tree).flatMap((key) =>
    names.length === 1
      ? [{ ...previous, [name]: key, ...(tree[key] as Tree) }]
      : toRows(tree[key] as Tree, splitKeys.slice(1), { ...previous, [name]: key }),
  );
}

export function summarizeLegacy(rows: Row[], splitKeys: string[], fields: Aggregation[], options: SummarizeOptions, get: Getter): Item[] {
  const tree = splitData(splitKeys, rows, fields, options, get);
  if (options.outputFormat === 'singleItem') {
    return [{ json: tree, pairedItem: rows.map((_, item) => ({ item })) }];
  }
  const entries = splitKeys.length ? toRows(tree, splitKeys) : [tree];
  return entries.map(({ pairedItems, ...json }) => ({ json, pairedItem: (pairedItems ?? []).map((item) => ({ item })) }));
}
