import { describe, expect, it } from 'vitest';
import { assignWith, deepCopy, isEqual, merge, mergeWith } from './objects.ts';
import { getPath, setPath, toPath, unsetPath } from './paths.ts';
import { validateFieldType } from './type-validation.ts';
import { compareOperations, evaluateLegacyConditions } from './legacy-conditions.ts';

describe('paths (lodash semantics)', () => {
  it('parses dots, brackets and quoted keys', () => {
    expect(toPath('a.b[0].c')).toEqual(['a', 'b', '0', 'c']);
    expect(toPath("a['x.y']")).toEqual(['a', 'x.y']);
  });

  it('creates arrays for numeric segments and objects otherwise', () => {
    const target: Record<string, unknown> = {};
    setPath(target, 'data.person[0].name', 'Ann');
    expect(target).toEqual({ data: { person: [{ name: 'Ann' }] } });
  });

  it('prefers an existing literal key with dots', () => {
    expect(getPath({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    const target: Record<string, unknown> = { 'a.b': 1 };
    setPath(target, 'a.b', 2);
    expect(target).toEqual({ 'a.b': 2 });
  });

  it('unsets nested keys and refuses prototype keys', () => {
    const target: Record<string, unknown> = { a: { b: 1, c: 2 } };
    unsetPath(target, 'a.b');
    expect(target).toEqual({ a: { c: 2 } });
    setPath(target, '__proto__.polluted', true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('objects', () => {
  it('merges deeply, arrays by index, without overwriting with undefined', () => {
    expect(merge({}, { a: { x: 1 }, l: [1, 2, 3] }, { a: { y: 2 }, l: [9], u: undefined })).toEqual({ a: { x: 1, y: 2 }, l: [9, 2, 3], u: undefined });
    expect(merge({}, { a: 1 }, { a: undefined })).toEqual({ a: 1 });
  });

  it('lets a customizer keep values (Merge "minimize empty fields")', () => {
    const keep = (target: unknown, source: unknown) => (source === '' || source === null ? target : undefined);
    expect(mergeWith({ a: 'x', b: 'y' }, [{ a: '', b: 'z' }], keep)).toEqual({ a: 'x', b: 'z' });
    expect(assignWith({ a: 'x' }, [{ a: null }], keep)).toEqual({ a: 'x' });
  });

  it('copies deeply and serialises dates', () => {
    const source = { d: new Date('2024-01-01T00:00:00Z'), n: { list: [1] } };
    const copy = deepCopy(source);
    expect(copy).toEqual({ d: '2024-01-01T00:00:00.000Z', n: { list: [1] } });
    expect(copy.n).not.toBe(source.n);
  });

  it('compares structurally', () => {
    expect(isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(isEqual({ a: 1 }, { a: '1' })).toBe(false);
  });
});

describe('validateFieldType', () => {
  it('converts like n8n when not strict', () => {
    expect(validateFieldType('f', '12', 'number')).toEqual({ valid: true, newValue: 12 });
    expect(validateFieldType('f', 'TRUE', 'boolean')).toEqual({ valid: true, newValue: true });
    expect(validateFieldType('f', '[1,2]', 'array')).toEqual({ valid: true, newValue: [1, 2] });
    expect(validateFieldType('f', "{a: 'x'}", 'object')).toEqual({ valid: true, newValue: { a: 'x' } });
  });

  it('explains failures with the value', () => {
    expect(validateFieldType('count', 'abc', 'number')).toEqual({ valid: false, errorMessage: "'count' expects a number but we got 'abc'" });
    expect(validateFieldType('x', 'yes', 'boolean')).toEqual({ valid: false, errorMessage: "'x' expects a boolean but we got 'yes'" });
  });
});

describe('legacy conditions (IF 1, Filter 1)', () => {
  it('keeps the loose comparisons of the old operators', () => {
    expect(compareOperations.larger('40', 20)).toBe(true);
    expect(compareOperations.isEmpty({}, undefined)).toBe(true);
    expect(compareOperations.regex('Hello', '/hello/i')).toBe(true);
  });

  it('stops at the first decisive condition', () => {
    const conditions = { number: [{ value1: 1, operation: 'equal', value2: 2 }], string: [{ value1: 'a', operation: 'equal', value2: 'a' }] };
    expect(evaluateLegacyConditions('IF', conditions, true)).toBe(false);
    expect(evaluateLegacyConditions('IF', conditions, false)).toBe(true);
  });

  it('rejects dates it cannot read', () => {
    expect(() => evaluateLegacyConditions('IF', { dateTime: [{ value1: 'nope', value2: '2024-01-01' }] }, true)).toThrow(
      'The value "nope" is not a valid DateTime.',
    );
  });
});
