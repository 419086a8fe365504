// n8n's rules for what a Code node may return, turning the returned value into items.
import type { Item } from '../node-sdk.ts';

export type CodeMode = 'runOnceForAllItems' | 'runOnceForEachItem';

/** A Code node returned something that is not items; message and description as n8n words them. */
export class CodeResultError extends Error {
  constructor(
    message: string,
    readonly description: string,
    readonly itemIndex?: number,
  ) {
    super(message);
    this.name = 'CodeResultError';
  }
}

const ITEM_KEYS = new Set(['json', 'binary', 'pairedItem', 'error', 'index']);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkTopLevelKeys(item: Record<string, unknown>, itemIndex: number): void {
  const keys = Object.keys(item);
  const reserved = keys.find((k) => ITEM_KEYS.has(k));
  const unknown = keys.filter((k) => !ITEM_KEYS.has(k));
  if (unknown.length === 0) return;
  if (reserved) {
    throw new CodeResultError(
      'Invalid output format',
      `An output item contains the reserved key <code>${reserved}</code>. To get around this, please wrap each item in an object, under a key called <code>json</code>.`,
      itemIndex,
    );
  }
  throw new CodeResultError(`Unknown top-level item key: ${unknown[0]}`, 'Access the properties of an item under `.json`, e.g. `item.json`', itemIndex);
}

function checkItem(item: Item, itemIndex: number): void {
  if (!isObject(item.json)) {
    throw new CodeResultError("A 'json' property isn't an object", "In the returned data, every key named 'json' must point to an object.", itemIndex);
  }
  if (item.binary !== undefined && !isObject(item.binary)) {
    throw new CodeResultError("A 'binary' property isn't an object", "In the returned data, every key named 'binary' must point to an object.", itemIndex);
  }
}

/** Items either all carry `json` (kept as they are) or none do (each is wrapped as `{json}`). */
function normalizeItems(list: Record<string, unknown>[]): Item[] {
  if (list.every((i) => 'json' in i)) return list as unknown as Item[];
  if (list.some((i) => 'json' in i)) throw new CodeResultError('Inconsistent item format', 'Either every returned item has a `json` key or none does.');
  return list.map((json) => ({ json }));
}

/**
 * Validates and normalises a Code node's return value as n8n does: an array of objects (or one
 * object) for all items; one object per item, which gets `pairedItem` pointing at its input item.
 */
export function normalizeCodeResult(result: unknown, mode: CodeMode, itemIndex = 0): Item[] {
  if (mode === 'runOnceForEachItem') {
    if (typeof result !== 'object' || result === null) {
      throw new CodeResultError("Code doesn't return an object", `Please return an object representing the output item. ('${String(result)}' was returned instead.)`, itemIndex);
    }
    if (Array.isArray(result)) {
      const first = result.length > 0 ? `An array of ${typeof result[0]}s was returned.` : 'An empty array was returned.';
      throw new CodeResultError(
        "Code doesn't return a single object",
        `${first} If you need to output multiple items, please use the 'Run Once for All Items' mode instead.`,
        itemIndex,
      );
    }
    const [item] = normalizeItems([result as Record<string, unknown>]);
    checkItem(item, itemIndex);
    checkTopLevelKeys(item as unknown as Record<string, unknown>, itemIndex);
    return [{ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } }];
  }
  const notItems = () =>
    new CodeResultError("Code doesn't return items properly", 'Please return an array of objects, one for each item you would like to output.');
  if (typeof result !== 'object' || result === null) throw notItems();
  const list = Array.isArray(result) ? result : [result];
  if (!list.every(isObject)) throw notItems();
  if (list.some((item) => Object.keys(item).some((k) => ITEM_KEYS.has(k)))) list.forEach((item, i) => checkTopLevelKeys(item, i));
  const items = normalizeItems(list);
  items.forEach((item, i) => checkItem(item, i));
  return items;
}
