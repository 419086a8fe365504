import { describe, expect, it } from 'vitest';
import { entriesEqual } from './fuzzy-compare.ts';

describe('Compare Datasets equality', () => {
  it('is strict deep equality without fuzzy compare', () => {
    const equal = entriesEqual(false);
    expect(equal({ a: [1] }, { a: [1] })).toBe(true);
    expect(equal(1, '1')).toBe(false);
  });

  it('tolerates type differences with fuzzy compare', () => {
    const equal = entriesEqual(true, 2.3);
    expect(equal(1, '1')).toBe(true);
    expect(equal(true, 'TRUE')).toBe(true);
    expect(equal(false, 0)).toBe(true);
    expect(equal(true, '1')).toBe(true);
    expect(equal(null, '')).toBe(true);
    expect(equal('', undefined)).toBe(true);
    expect(equal([1, 2], '[1,2]')).toBe(true);
    expect(equal(2, '3')).toBe(false);
  });

  it('treats null like 0 only from v2', () => {
    expect(entriesEqual(true, 2)(null, 0)).toBe(true);
    expect(entriesEqual(true, 1)(null, 0)).toBe(false);
  });
});
