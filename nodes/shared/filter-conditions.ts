// The n8n "filter" parameter evaluator (IF v2, Filter v2, Switch v3): typed operators with
// strict or loose type validation, case sensitivity and an and/or combinator. Mirrors
// packages/workflow/src/node-parameters/filter-parameter.ts; values arrive already resolved.
import type { DateTime } from 'luxon';
import { validateFieldType, type ValidationResult } from './type-validation.ts';

export interface FilterOperator {
  type: string;
  operation: string;
  singleValue?: boolean;
  rightType?: string;
}

export interface FilterCondition {
  id?: string;
  leftValue?: unknown;
  rightValue?: unknown;
  operator: FilterOperator;
}

export interface FilterOptions {
  caseSensitive?: boolean;
  typeValidation?: 'strict' | 'loose';
  version?: number;
  leftValue?: string;
}

export interface FilterValue {
  options: FilterOptions;
  conditions: FilterCondition[];
  combinator: 'and' | 'or';
}

/** A type mismatch in a condition; `description` suggests the fix, as n8n's FilterError does. */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly description: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

export function isFilterValue(value: unknown): value is FilterValue {
  return typeof value === 'object' && value !== null && 'conditions' in value && 'combinator' in value;
}

function parseSingle(value: unknown, type: string, strict: boolean, version: number, zone?: string): ValidationResult {
  if (type === 'any' || value === null || value === undefined) return { valid: true, newValue: value };
  if (type === 'boolean' && !strict) {
    if (version >= 2) {
      const result = validateFieldType('filter', value, type);
      if (result.valid) return result;
    }
    return { valid: true, newValue: Boolean(value) };
  }
  if (type === 'number') {
    if (Number.isNaN(value)) return { valid: true, newValue: value };
    const emptyString = typeof value === 'string' && value.trim() === '';
    const emptyArray = Array.isArray(value) && value.length === 0;
    if ((emptyString || emptyArray) && version >= 3) return { valid: true, newValue: null };
  }
  return validateFieldType('filter', value, type, { strict, parseStrings: true, zone });
}

const withArticle = (noun: string) => `${'aeiou'.includes(noun.charAt(0)) ? 'an' : 'a'} ${noun}`;

function parseValues(condition: FilterCondition, options: FilterOptions, index: number, itemIndex: number, zone?: string) {
  const strict = options.typeValidation === 'strict';
  const version = options.version ?? 1;
  const { operator } = condition;
  const rightType = operator.rightType ?? operator.type;
  const left = parseSingle(condition.leftValue, operator.type, strict, version, zone);
  const right = parseSingle(condition.rightValue, rightType, strict, version, zone);
  const leftValid = left.valid;
  const rightValid = right.valid || !!operator.singleValue;
  const suffix = `[condition ${index}, item ${itemIndex}]`;
  const typeHint = strict
    ? "Try changing the type of comparison. Alternatively you can enable 'Convert types where required'."
    : 'Try changing the type of the comparison.';

  const invalidMessage = (type: string, value: unknown) => {
    const from = (typeof value).toLocaleLowerCase();
    return strict
      ? `Wrong type: '${String(value)}' is ${withArticle(from)} but was expecting ${withArticle(type)} ${suffix}`
      : `Conversion error: the ${from} '${String(value)}' can't be converted to ${withArticle(type)} ${suffix}`;
  };
  const invalidDescription = (type: string, position: 'first' | 'second') => {
    const conversion = { string: '.toString()', number: '.toNumber()', boolean: '.toBoolean()' }[type];
    if (!strict || !conversion) return typeHint;
    return `\n<p>Try either:</p>\n<ol>\n  <li>Enabling 'Convert types where required'</li>\n  <li>Converting the ${position} field to ${withArticle(type)} by adding <code>${conversion}</code></li>\n</ol>\n\t\t\t`;
  };

  if (!leftValid && !rightValid && typeof condition.leftValue === typeof condition.rightValue) {
    throw new FilterError(
      `Comparison type expects ${withArticle(operator.type)} but both fields are ${withArticle(typeof condition.leftValue)}`,
      typeHint,
    );
  }
  if (!leftValid) {
    throw new FilterError(invalidMessage(operator.type, condition.leftValue), invalidDescription(operator.type, 'first'));
  }
  if (!rightValid) {
    throw new FilterError(invalidMessage(rightType, condition.rightValue), invalidDescription(rightType, 'second'));
  }
  return {
    left: left.valid ? left.newValue : undefined,
    right: right.valid ? right.newValue : undefined,
  };
}

function parseRegex(pattern: string, ignoreCase: boolean): RegExp {
  const match = (pattern || '').match(/^\/(.*?)\/([gimusy]*)$/);
  if (!match) return new RegExp((pattern || '').toString(), ignoreCase ? 'i' : '');
  let flags = match[2];
  if (ignoreCase && !flags.includes('i')) flags += 'i';
  return new RegExp(match[1], flags);
}

function arrayContains(array: unknown[], value: unknown, ignoreCase: boolean): boolean {
  if (ignoreCase && typeof value === 'string') {
    return array.some((item) => typeof item === 'string' && item.toLocaleLowerCase() === value.toLocaleLowerCase());
  }
  return array.includes(value);
}

function compareString(operation: string, leftValue: unknown, rightValue: unknown, ignoreCase: boolean): boolean | undefined {
  const isRegex = operation === 'regex' || operation === 'notRegex';
  if (ignoreCase && !isRegex) {
    if (typeof leftValue === 'string') leftValue = leftValue.toLocaleLowerCase();
    if (typeof rightValue === 'string') rightValue = rightValue.toLocaleLowerCase();
  }
  const left = (leftValue ?? '') as string;
  const right = (rightValue ?? '') as string;
  switch (operation) {
    case 'empty': return left.length === 0;
    case 'notEmpty': return left.length !== 0;
    case 'equals': return left === right;
    case 'notEquals': return left !== right;
    case 'contains': return left.includes(right);
    case 'notContains': return !left.includes(right);
    case 'startsWith': return left.startsWith(right);
    case 'notStartsWith': return !left.startsWith(right);
    case 'endsWith': return left.endsWith(right);
    case 'notEndsWith': return !left.endsWith(right);
    case 'regex': return parseRegex(right, ignoreCase).test(left);
    case 'notRegex': return !parseRegex(right, ignoreCase).test(left);
  }
  return undefined;
}

function compareOrdered(operation: string, left: number, right: number): boolean | undefined {
  switch (operation) {
    case 'equals': return left === right;
    case 'notEquals': return left !== right;
    case 'gt': case 'after': return left > right;
    case 'lt': case 'before': return left < right;
    case 'gte': case 'afterOrEquals': return left >= right;
    case 'lte': case 'beforeOrEquals': return left <= right;
  }
  return undefined;
}

function compareArray(operation: string, leftValue: unknown, right: unknown, ignoreCase: boolean): boolean | undefined {
  const left = (leftValue ?? []) as unknown[];
  const length = right as number;
  switch (operation) {
    case 'contains': return arrayContains(left, right, ignoreCase);
    case 'notContains': return !arrayContains(left, right, ignoreCase);
    case 'lengthEquals': return left.length === length;
    case 'lengthNotEquals': return left.length !== length;
    case 'lengthGt': return left.length > length;
    case 'lengthLt': return left.length < length;
    case 'lengthGte': return left.length >= length;
    case 'lengthLte': return left.length <= length;
    case 'empty': return left.length === 0;
    case 'notEmpty': return left.length !== 0;
  }
  return undefined;
}

export interface FilterContext {
  index?: number;
  itemIndex?: number;
  /** Zone for date strings without an offset. */
  zone?: string;
}

export function executeFilterCondition(condition: FilterCondition, options: FilterOptions, ctx: FilterContext = {}): boolean {
  const ignoreCase = !options.caseSensitive;
  const { type, operation } = condition.operator;
  const { left, right } = parseValues(condition, options, ctx.index ?? 0, ctx.itemIndex ?? 0, ctx.zone);
  const exists = left !== undefined && left !== null && !Number.isNaN(left);
  if (operation === 'exists') return exists;
  if (operation === 'notExists') return !exists;

  let result: boolean | undefined;
  switch (type) {
    case 'string':
      result = compareString(operation, left, right, ignoreCase);
      break;
    case 'number':
      if (operation === 'empty') return !exists;
      if (operation === 'notEmpty') return exists;
      result = compareOrdered(operation, left as number, right as number);
      break;
    case 'dateTime':
      if (operation === 'empty') return !exists;
      if (operation === 'notEmpty') return exists;
      if (!left || !right) return false;
      result = compareOrdered(operation, (left as DateTime).toMillis(), (right as DateTime).toMillis());
      break;
    case 'boolean':
      if (operation === 'empty') return !exists;
      if (operation === 'notEmpty') return exists;
      if (operation === 'true') return left as boolean;
      if (operation === 'false') return !left;
      if (operation === 'equals') return left === right;
      if (operation === 'notEquals') return left !== right;
      break;
    case 'array':
      result = compareArray(operation, left, right, ignoreCase);
      break;
    case 'object':
      if (operation === 'empty') return !left || Object.keys(left).length === 0;
      if (operation === 'notEmpty') return !!left && Object.keys(left).length !== 0;
      break;
  }
  return result ?? false;
}

/**
 * Evaluates a resolved filter parameter for one item. A value that is not a filter (the
 * parameter's `{}` default) counts by truthiness, as in n8n.
 */
export function executeFilter(value: unknown, ctx: FilterContext = {}): boolean {
  if (!isFilterValue(value)) return Boolean(value);
  const options = value.options ?? {};
  const pass = (condition: FilterCondition, index: number) => executeFilterCondition(condition, options, { ...ctx, index });
  if (value.combinator === 'and') return value.conditions.every(pass);
  if (value.combinator === 'or') return value.conditions.some(pass);
  return false;
}
