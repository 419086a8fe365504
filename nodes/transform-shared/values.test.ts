import { describe, expect, it } from 'vitest';
import { compareBySortFields } from './sort.ts';
import { isEmptyValue, isEqual, lessThan, toNumber } from './values.ts';

describe('lodash value semantics', () => {
  it('compares deeply, ignoring key order', () => {
    expect(isEqual({ a: [1, { b: 2 }], c: 3 }, { c: 3, a: [1, { b: 2 }] })).toBe(true);
    expect(isEqual({ a: undefined }, {})).toBe(false);
    expect(isEqual(NaN, NaN)).toBe(true);
    expect(isEqual([1], { 0: 1 })).toBe(false);
  });

  it('converts like lodash toNumber', () => {
    expect(toNumber(' 12 ')).toBe(12);
    expect(toNumber('0b101')).toBe(5);
    expect(toNumber('-0x1f')).toBeNaN();
    expect(toNumber(null)).toBe(0);
    expect(toNumber(undefined)).toBeNaN();
    expect(toNumber([7])).toBe(7);
    expect(toNumber(true)).toBe(1);
  });

  it('compares strings as strings and the rest as numbers', () => {
    expect(lessThan('10', '9')).toBe(true);
    expect(lessThan('10', 9)).toBe(false);
    expect(lessThan(null, 1)).toBe(true);
    expect(lessThan(undefined, 1)).toBe(false);
  });

  it('calls numbers and booleans empty, as lodash isEmpty does', () => {
    expect([null, '', [], {}, 5, true].map(isEmptyValue)).toEqual([true, true, true, true, true, true]);
    expect([' ', [0], { a: 1 }].map(isEmptyValue)).toEqual([false, false, false]);
  });

  it('sorts like n8n: lower-cased strings, ties kept in order, missing values last ascending', () => {
    const items = [{ json: { v: 'b' } }, { json: { v: 'A' } }, { json: {} }, { json: { v: 'a' } }];
    const sorted = [...items].sort(compareBySortFields([{ fieldName: 'v', order: 'ascending' }], false));
    expect(sorted.map((item) => item.json.v)).toEqual(['A', 'a', 'b', undefined]);
  });
});
