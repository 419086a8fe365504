import { describe, expect, it } from 'vitest';
import { checkNoAllItemsAccess, itemFromEachItemResult, itemsFromAllItemsResult, normalizeItems } from './code-result.ts';

describe('all items', () => {
  it('wraps plain objects and keeps items', () => {
    expect(itemsFromAllItemsResult([{ a: 1 }])).toEqual([{ json: { a: 1 } }]);
    expect(itemsFromAllItemsResult({ a: 1 })).toEqual([{ json: { a: 1 } }]);
    expect(itemsFromAllItemsResult([{ json: { a: 1 }, pairedItem: { item: 0 } }])).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
    expect(itemsFromAllItemsResult(null)).toEqual([]);
  });

  it('serialises values as the task runner does', () => {
    expect(itemsFromAllItemsResult([{ d: new Date('2024-01-01T00:00:00Z'), u: undefined }])).toEqual([{ json: { d: '2024-01-01T00:00:00.000Z' } }]);
  });

  it('rejects what is not items, with n8n messages', () => {
    expect(() => itemsFromAllItemsResult(5)).toThrow("Code doesn't return items properly");
    expect(() => itemsFromAllItemsResult(undefined)).toThrow("Code doesn't return items properly");
    expect(() => itemsFromAllItemsResult([1, 2])).toThrow("Code doesn't return items properly");
    expect(() => itemsFromAllItemsResult([{ json: {}, foo: 1 }])).toThrow('Invalid output format [item 0]');
    expect(() => itemsFromAllItemsResult([{ json: 'x' }])).toThrow("A 'json' property isn't an object [item 0]");
  });

  it('refuses a mix of wrapped and bare items', () => {
    expect(() => normalizeItems([{ json: {} }, { a: 1 }])).toThrow('Inconsistent item format');
  });
});

describe('each item', () => {
  it('pairs the result with its input item', () => {
    expect(itemFromEachItemResult({ a: 1 }, 2)).toEqual({ json: { a: 1 }, pairedItem: { item: 2 } });
    expect(itemFromEachItemResult({ json: { a: 1 }, binary: { f: { data: 'x', mimeType: 'text/plain' } } }, 0)).toEqual({
      json: { a: 1 },
      pairedItem: { item: 0 },
      binary: { f: { data: 'x', mimeType: 'text/plain' } },
    });
  });

  // n8n 1.x (vm2 sandbox): only null drops the item; result-validation.ts validateRunCodeEachItem rejects the rest.
  it('drops null and rejects everything that is not one object', () => {
    expect(itemFromEachItemResult(null, 0)).toBeUndefined();
    expect(() => itemFromEachItemResult(undefined, 0)).toThrow("Code doesn't return an object [item 0]");
    expect(() => itemFromEachItemResult('text', 1)).toThrow("Code doesn't return an object [item 1]");
    expect(() => itemFromEachItemResult([{ a: 1 }], 2)).toThrow("Code doesn't return a single object [item 2]");
    expect(() => itemFromEachItemResult({ json: 'text' }, 3)).toThrow("A 'json' property isn't an object [item 3]");
  });

  it('rejects the all-items accessors, naming the item', () => {
    expect(() => checkNoAllItemsAccess('const x = 1;\nreturn $input.first();', 4)).toThrow("Can't use .first() here [line 2, for item 4]");
    expect(() => checkNoAllItemsAccess('return $input.item;', 0)).not.toThrow();
  });
});
