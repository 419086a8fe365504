import { describe, expect, it } from 'vitest';
import { executeFilter, executeFilterCondition, FilterError, type FilterCondition, type FilterOptions } from './filter-conditions.ts';

const strict: FilterOptions = { caseSensitive: true, typeValidation: 'strict', version: 2 };
const loose: FilterOptions = { ...strict, typeValidation: 'loose' };

function check(type: string, operation: string, leftValue: unknown, rightValue?: unknown, options = strict, extra = {}): boolean {
  const condition: FilterCondition = { leftValue, rightValue, operator: { type, operation, ...extra } };
  return executeFilterCondition(condition, options);
}

describe('string operators', () => {
  it.each([
    ['equals', 'abc', 'abc', true],
    ['notEquals', 'abc', 'abd', true],
    ['contains', 'hello world', 'lo w', true],
    ['notContains', 'hello', 'x', true],
    ['startsWith', 'hello', 'he', true],
    ['notStartsWith', 'hello', 'he', false],
    ['endsWith', 'hello', 'lo', true],
    ['notEndsWith', 'hello', 'lo', false],
    ['regex', 'order-123', '/\\d{3}$/', true],
    ['regex', 'ABC', 'abc', false],
    ['notRegex', 'abc', '^x', true],
  ])('%s(%j, %j) is %s', (operation, left, right, expected) => {
    expect(check('string', operation, left, right)).toBe(expected);
  });

  it('ignores case when not case sensitive, regex included', () => {
    const options = { ...strict, caseSensitive: false };
    expect(check('string', 'equals', 'ABC', 'abc', options)).toBe(true);
    expect(check('string', 'regex', 'ABC', '/^abc$/', options)).toBe(true);
    expect(check('string', 'equals', 'ABC', 'abc')).toBe(false);
  });

  it('treats a missing value as empty', () => {
    expect(check('string', 'empty', undefined, undefined, strict, { singleValue: true })).toBe(true);
    expect(check('string', 'notEmpty', 'x', undefined, strict, { singleValue: true })).toBe(true);
  });
});

describe('type validation', () => {
  it('rejects a string for a number comparison when strict, naming condition and item', () => {
    const run = () => executeFilterCondition({ leftValue: '5', rightValue: 3, operator: { type: 'number', operation: 'gt' } }, strict, { index: 1, itemIndex: 4 });
    expect(run).toThrow(FilterError);
    expect(run).toThrow("Wrong type: '5' is a string but was expecting a number [condition 1, item 4]");
  });

  it('converts where allowed when loose', () => {
    expect(check('number', 'gt', '5', 3, loose)).toBe(true);
    expect(() => check('number', 'gt', 'abc', 3, loose)).toThrow("Conversion error: the string 'abc' can't be converted to a number");
  });

  it('reports when both sides have the same wrong type', () => {
    expect(() => check('number', 'equals', 'a', 'b')).toThrow('Comparison type expects a number but both fields are a string');
  });

  it('parses loose booleans by filter version', () => {
    expect(check('boolean', 'true', 'false', undefined, { ...loose, version: 1 }, { singleValue: true })).toBe(true);
    expect(check('boolean', 'true', 'false', undefined, { ...loose, version: 2 }, { singleValue: true })).toBe(false);
  });

  it('treats empty strings as empty numbers from version 3', () => {
    expect(check('number', 'empty', '', undefined, { ...strict, version: 3 }, { singleValue: true })).toBe(true);
    expect(() => check('number', 'empty', '', undefined, { ...strict, version: 2 }, { singleValue: true })).toThrow(FilterError);
  });
});

describe('other types', () => {
  it('compares numbers', () => {
    expect(check('number', 'gte', 5, 5)).toBe(true);
    expect(check('number', 'lt', 4, 5)).toBe(true);
    expect(check('number', 'notEmpty', 0, undefined, strict, { singleValue: true })).toBe(true);
  });

  it('compares dates in any ISO form', () => {
    expect(check('dateTime', 'after', '2024-01-02', '2024-01-01T23:00:00Z')).toBe(true);
    expect(check('dateTime', 'equals', '2024-01-01T10:00:00+02:00', '2024-01-01T08:00:00Z')).toBe(true);
    expect(check('dateTime', 'before', undefined, '2024-01-01')).toBe(false);
  });

  it('checks arrays by content and length', () => {
    expect(check('array', 'contains', ['A', 'b'], 'a', { ...strict, caseSensitive: false }, { rightType: 'any' })).toBe(true);
    expect(check('array', 'lengthGt', [1, 2, 3], 2, strict, { rightType: 'number' })).toBe(true);
    expect(check('array', 'empty', [], undefined, strict, { singleValue: true })).toBe(true);
  });

  it('checks objects and existence', () => {
    expect(check('object', 'empty', {}, undefined, strict, { singleValue: true })).toBe(true);
    expect(check('object', 'notEmpty', { a: 1 }, undefined, strict, { singleValue: true })).toBe(true);
    expect(check('string', 'exists', null, undefined, strict, { singleValue: true })).toBe(false);
    expect(check('number', 'notExists', undefined, undefined, strict, { singleValue: true })).toBe(true);
  });
});

describe('executeFilter', () => {
  const conditions = [
    { leftValue: 1, rightValue: 1, operator: { type: 'number', operation: 'equals' } },
    { leftValue: 'a', rightValue: 'b', operator: { type: 'string', operation: 'equals' } },
  ];

  it('combines with and/or', () => {
    expect(executeFilter({ options: strict, conditions, combinator: 'and' })).toBe(false);
    expect(executeFilter({ options: strict, conditions, combinator: 'or' })).toBe(true);
  });

  it('counts a value that is not a filter by its truthiness', () => {
    expect(executeFilter({})).toBe(true);
    expect(executeFilter('')).toBe(false);
  });
});
