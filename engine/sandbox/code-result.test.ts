import { describe, expect, it } from 'vitest';
import { CodeResultError, normalizeCodeResult } from './code-result.ts';

const fails = (fn: () => unknown, message: string) => {
  expect(fn).toThrow(CodeResultError);
  expect(fn).toThrow(message);
};

describe('normalizeCodeResult, all items', () => {
  it('keeps items that have json and wraps plain objects', () => {
    expect(normalizeCodeResult([{ json: { a: 1 } }, { json: { a: 2 }, pairedItem: { item: 0 } }], 'runOnceForAllItems')).toEqual([
      { json: { a: 1 } },
      { json: { a: 2 }, pairedItem: { item: 0 } },
    ]);
    expect(normalizeCodeResult([{ a: 1 }, { b: 2 }], 'runOnceForAllItems')).toEqual([{ json: { a: 1 } }, { json: { b: 2 } }]);
    expect(normalizeCodeResult({ a: 1 }, 'runOnceForAllItems')).toEqual([{ json: { a: 1 } }]);
    expect(normalizeCodeResult([], 'runOnceForAllItems')).toEqual([]);
  });

  it("rejects what n8n rejects, with n8n's messages", () => {
    fails(() => normalizeCodeResult(undefined, 'runOnceForAllItems'), "Code doesn't return items properly");
    fails(() => normalizeCodeResult(5, 'runOnceForAllItems'), "Code doesn't return items properly");
    fails(() => normalizeCodeResult([1, 2], 'runOnceForAllItems'), "Code doesn't return items properly");
    fails(() => normalizeCodeResult([{ json: [1] }], 'runOnceForAllItems'), "A 'json' property isn't an object");
    fails(() => normalizeCodeResult([{ json: {}, extra: 1 }], 'runOnceForAllItems'), 'Invalid output format');
    fails(() => normalizeCodeResult([{ json: {}, binary: 'x' }], 'runOnceForAllItems'), "A 'binary' property isn't an object");
  });
});

describe('normalizeCodeResult, each item', () => {
  it('returns one item paired with its input item', () => {
    expect(normalizeCodeResult({ json: { a: 1 } }, 'runOnceForEachItem', 3)).toEqual([{ json: { a: 1 }, pairedItem: { item: 3 } }]);
    expect(normalizeCodeResult({ a: 1 }, 'runOnceForEachItem', 0)).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
  });

  it('rejects non-objects and arrays', () => {
    fails(() => normalizeCodeResult('x', 'runOnceForEachItem', 0), "Code doesn't return an object");
    fails(() => normalizeCodeResult([{ a: 1 }], 'runOnceForEachItem', 0), "Code doesn't return a single object");
  });
});
