// Removing items repeated within the input (Remove Duplicates, Item Lists "removeDuplicates").
import type { ExecuteContext, Item } from '../../engine/index.ts';
import { flattenKeys, pickPaths } from './flatten.ts';
import { fail } from './params.ts';
import { getPath } from './path.ts';
import { isEqual, lessThan } from './values.ts';

/** The version differences between the nodes that share this logic. */
export interface DedupeFlavor {
  /** Null values pass the type check (Remove Duplicates ≥ 1.1). */
  skipNulls: boolean;
  /** Mixed types are an error; `withIndices` names the items (Remove Duplicates ≥ 1.1). */
  typeCheck: 'none' | 'plain' | 'withIndices';
  /** Items are first ordered by value type (Item Lists ≥ 3.1). */
  sortByType: boolean;
}

export interface DedupeSettings {
  compare: string;
  fieldsToExclude: () => string[];
  fieldsToCompare: () => string[];
  disableDotNotation: boolean;
  removeOtherFields: boolean;
}

const TYPE_ORDER: Record<string, number> = { string: 1, number: 2, bigint: 3, boolean: 4, symbol: 5, undefined: 6, object: 7, function: 8 };

function typeToNumber(value: unknown): number {
  if (Array.isArray(value)) return 9;
  if (value === null) return 10;
  if (value instanceof Date) return 11;
  return TYPE_ORDER[typeof value];
}

function fieldKeys(ctx: ExecuteContext, items: Item[], settings: DedupeSettings): string[] {
  const keysOf = (item: Item) => Object.keys(settings.disableDotNotation ? item.json : flattenKeys(item.json));
  const keys = keysOf(items[0]);
  for (const item of items) for (const key of keysOf(item)) if (!keys.includes(key)) keys.push(key);
  if (settings.compare === 'allFieldsExcept') {
    const exclude = settings.fieldsToExclude();
    if (!exclude.length) fail(ctx, 'No fields specified. Please add a field to exclude from comparison');
    const base = settings.disableDotNotation ? keys : Object.keys(flattenKeys(items[0].json));
    return base.filter((key) => !exclude.includes(key));
  }
  if (settings.compare === 'selectedFields') {
    const selected = settings.fieldsToCompare();
    if (!selected.length) fail(ctx, 'No fields specified. Please add a field to compare on');
    return selected.map((key) => key.trim());
  }
  return keys;
}

export function removeDuplicateInputItems(ctx: ExecuteContext, items: Item[], settings: DedupeSettings, flavor: DedupeFlavor): Item[] {
  if (!items.length) return [];
  const keys = fieldKeys(ctx, items, settings);
  const read = (item: Item, key: string) => (settings.disableDotNotation ? item.json[key] : getPath(item.json, key));
  const order = items.map((item, index) => ({ item, index }));
  order.sort((a, b) => {
    for (const key of keys) {
      const aValue = read(a.item, key);
      const bValue = read(b.item, key);
      if (flavor.sortByType) {
        const difference = typeToNumber(aValue) - typeToNumber(bValue);
        if (difference !== 0) return difference;
      }
      if (!isEqual(aValue, bValue)) return lessThan(aValue, bValue) ? -1 : 1;
    }
    return 0;
  });
  validate(ctx, order.map((entry) => entry.item), keys, settings.disableDotNotation, flavor);

  const removed = new Set<number>();
  let kept = order[0];
  for (let i = 1; i < order.length; i++) {
    if (keys.every((key) => isEqual(read(order[i].item, key), read(kept.item, key)))) removed.add(order[i].index);
    else kept = order[i];
  }
  const survivors = items.filter((_, index) => !removed.has(index));
  if (!settings.removeOtherFields) return survivors;
  // n8n pairs the trimmed items with their position among the survivors, not in the input.
  return survivors.map((item, index) => ({ json: pickPaths(item.json, keys), pairedItem: { item: index } }));
}

function validate(ctx: ExecuteContext, items: Item[], keys: string[], disableDotNotation: boolean, flavor: DedupeFlavor): void {
  for (const key of keys) {
    let type: string | undefined;
    for (const [i, item] of items.entries()) {
      if (key === '') fail(ctx, 'Name of field to compare is blank');
      const value = disableDotNotation ? item.json[key] : getPath(item.json, key);
      if (value === null && flavor.skipNulls) continue;
      if (value === undefined) {
        const hint = disableDotNotation && key.includes('.')
          ? { description: "If you're trying to use a nested field, make sure you turn off 'disable dot notation' in the node options" }
          : {};
        fail(ctx, `'${key}' field is missing from some input items`, hint);
      }
      if (flavor.typeCheck !== 'none' && type !== undefined && type !== typeof value) {
        const where = flavor.typeCheck === 'withIndices' ? `, in item [${i - 1}] it's a ${type} and in item [${i}] it's a ${typeof value} ` : '';
        fail(ctx, `'${key}' isn't always the same type`, { description: `The type of this field varies between items${where}` });
      }
      type = typeof value;
    }
  }
}
