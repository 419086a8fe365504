// Turning what user code returned into items, with the rules and messages of n8n's Code node
// (task-runner path: result-validation.ts, normalize-items.ts).
import type { Item, JsonObject } from '../../engine/index.ts';

/** A returned value that is not valid output; the message carries n8n's [line]/[item] suffix. */
export class CodeValidationError extends Error {
  constructor(
    message: string,
    readonly description: string,
    readonly itemIndex?: number,
    readonly lineNumber?: number,
  ) {
    let suffix = '';
    if (lineNumber !== undefined && itemIndex !== undefined) suffix = ` [line ${lineNumber}, for item ${itemIndex}]`;
    else if (lineNumber !== undefined) suffix = ` [line ${lineNumber}]`;
    else if (itemIndex !== undefined) suffix = ` [item ${itemIndex}]`;
    super(`${message}${suffix}`);
    this.name = 'ValidationError';
  }
}

const ITEM_KEYS = new Set(['json', 'binary', 'pairedItem', 'error', 'index']);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function validateTopLevelKeys(item: Record<string, unknown>, itemIndex: number): void {
  const keys = Object.keys(item);
  const reserved = keys.find((key) => ITEM_KEYS.has(key));
  const unknown = keys.filter((key) => !ITEM_KEYS.has(key));
  if (unknown.length === 0) return;
  if (reserved) {
    throw new CodeValidationError(
      'Invalid output format',
      `An output item contains the reserved key <code>${reserved}</code>. To get around this, please wrap each item in an object, under a key called <code>json</code>. <a href="https://docs.n8n.io/data/data-structure/#data-structure" target="_blank">Example</a>`,
      itemIndex,
    );
  }
  throw new CodeValidationError(`Unknown top-level item key: ${unknown[0]}`, 'Access the properties of an item under `.json`, e.g. `item.json`', itemIndex);
}

/** What n8n calls a returned object in its messages: 'object' for JavaScript, 'dictionary' for Python. */
export interface ResultWords {
  singular: string;
  plural: string;
}

const OBJECT_WORDS: ResultWords = { singular: 'object', plural: 'objects' };
/** n8n's wording for Python code (PYTHON_TEXT_KEYS). */
export const PYTHON_WORDS: ResultWords = { singular: 'dictionary', plural: 'dictionaries' };

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function validateItem(item: Item, itemIndex: number, words: ResultWords = OBJECT_WORDS): void {
  const one = `${article(words.singular)} ${words.singular}`;
  if (item.json === undefined || !isObject(item.json)) {
    throw new CodeValidationError(`A 'json' property isn't ${one}`, `In the returned data, every key named 'json' must point to ${one}.`, itemIndex);
  }
  if (item.binary !== undefined && !isObject(item.binary)) {
    throw new CodeValidationError(`A 'binary' property isn't ${one}`, `In the returned data, every key named 'binary' must point to ${one}.`, itemIndex);
  }
}

/** n8n's normalizeItems: all wrapped in `json`, all bare (wrapped here), or an error. */
export function normalizeItems(data: unknown): Item[] {
  let list = data as Array<Record<string, unknown>>;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const single = data as Record<string, unknown>;
    list = single.json ? [single] : [{ json: single }];
  }
  if (list.every((item) => typeof item === 'object' && 'json' in item)) return list as unknown as Item[];
  if (list.some((item) => typeof item === 'object' && 'json' in item)) throw new Error('Inconsistent item format');
  if (list.every((item) => typeof item === 'object' && 'binary' in item)) {
    return list.map((item) => {
      const { binary, ...json } = item;
      return { json, binary } as Item;
    });
  }
  if (list.some((item) => typeof item === 'object' && 'binary' in item)) throw new Error('Inconsistent item format');
  return list.map((item) => ({ json: item as JsonObject }));
}

/** Output data as it comes back from n8n's task runner: JSON-serialised (Dates become strings). */
export function serialised<T>(value: T): T {
  try {
    return JSON.parse(JSON.stringify(value)) as T;
  } catch {
    return value;
  }
}

const notItems = (words: ResultWords) =>
  new CodeValidationError("Code doesn't return items properly", `Please return an array of ${words.plural}, one for each item you would like to output.`);

/** Run Once for All Items: null means no items; otherwise an object or an array of objects. */
export function itemsFromAllItemsResult(result: unknown, words: ResultWords = OBJECT_WORDS): Item[] {
  if (result === null) return [];
  if (typeof result !== 'object' || result === undefined) throw notItems(words);
  if (Array.isArray(result)) {
    if (!result.every(isObject)) throw notItems(words);
    if (result.some((item) => Object.keys(item).some((key) => ITEM_KEYS.has(key)))) {
      result.forEach((item, index) => validateTopLevelKeys(item, index));
    }
  } else if (!isObject(result)) {
    throw notItems(words);
  }
  const items = normalizeItems(serialised(result));
  items.forEach((item, index) => validateItem(item, index, words));
  return items;
}

/**
 * Run Once for Each Item: `null` drops the item; anything else must be one object (or an item
 * with `json`), which becomes the item paired with its input item.
 */
export function itemFromEachItemResult(result: unknown, itemIndex: number, words: ResultWords = OBJECT_WORDS): Item | undefined {
  if (result === null) return undefined;
  const one = `${article(words.singular)} ${words.singular}`;
  if (typeof result !== 'object' || result === undefined) {
    throw new CodeValidationError(
      `Code doesn't return ${one}`,
      `Please return ${one} representing the output item. ('${String(result)}' was returned instead.)`,
      itemIndex,
    );
  }
  if (Array.isArray(result)) {
    const first = result.length > 0 ? `An array of ${typeof result[0]}s was returned.` : 'An empty array was returned.';
    throw new CodeValidationError(
      `Code doesn't return a single ${words.singular}`,
      `${first} If you need to output multiple items, please use the 'Run Once for All Items' mode instead.`,
      itemIndex,
    );
  }
  const [normalized] = normalizeItems([result]);
  validateItem(normalized, itemIndex, words);
  validateTopLevelKeys(normalized as unknown as Record<string, unknown>, itemIndex);
  const item = { json: normalized.json, pairedItem: { item: itemIndex }, ...(normalized.binary ? { binary: normalized.binary } : {}) } as Item;
  return serialised(item);
}

/** The per-item mode offers only the current item; n8n rejects the all-items accessors. */
export function checkNoAllItemsAccess(code: string, itemIndex: number): void {
  const match = code.match(/\$input\.(?<method>first|last|all|itemMatching)/);
  const method = match?.groups?.method;
  if (!method) return;
  const line = code.split('\n').findIndex((text) => text.includes(method) && !text.startsWith('//') && !text.startsWith('*')) + 1;
  if (line !== 0) {
    throw new CodeValidationError(`Can't use .${method}() here`, "This is only available in 'Run Once for All Items' mode", itemIndex, line);
  }
}
