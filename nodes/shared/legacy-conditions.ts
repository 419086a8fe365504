// The comparison table of the pre-filter condition lists (IF v1, Filter v1): per-type
// `conditions.{boolean,dateTime,number,string}[{value1, operation, value2}]`.
import { NodeOperationError, type ExecuteContext, type NodeProperty } from '../../engine/index.ts';
import { param } from './params.ts';

type Value = unknown;

const isDateObject = (value: Value) => Object.prototype.toString.call(value) === '[object Date]';
const isDateInvalid = (value: Value) => (value as { toString?: () => string })?.toString?.() === 'Invalid Date';

function isEmpty(value: Value): boolean {
  if ([undefined, null, ''].includes(value as string) || Number.isNaN(value)) return true;
  if (typeof value === 'object' && value !== null && !isDateObject(value)) return Object.entries(value).length === 0;
  return isDateObject(value) && isDateInvalid(value);
}

function regexFrom(pattern: Value): RegExp {
  const text = ((pattern || '') as string).toString();
  const match = text.match(/^\/(.*?)\/([gimusy]*)$/);
  return match ? new RegExp(match[1], match[2]) : new RegExp(text);
}

const str = (value: Value) => ((value || '') as string).toString();
const num = (value: Value) => (value || 0) as number;

export const compareOperations: Record<string, (a: Value, b: Value) => boolean> = {
  after: (a, b) => num(a) > num(b),
  before: (a, b) => num(a) < num(b),
  contains: (a, b) => str(a).includes(str(b)),
  notContains: (a, b) => !str(a).includes(str(b)),
  endsWith: (a, b) => (a as string).endsWith(b as string),
  notEndsWith: (a, b) => !(a as string).endsWith(b as string),
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  larger: (a, b) => num(a) > num(b),
  largerEqual: (a, b) => num(a) >= num(b),
  smaller: (a, b) => num(a) < num(b),
  smallerEqual: (a, b) => num(a) <= num(b),
  startsWith: (a, b) => (a as string).startsWith(b as string),
  notStartsWith: (a, b) => !(a as string).startsWith(b as string),
  isEmpty: (a) => isEmpty(a),
  isNotEmpty: (a) => !isEmpty(a),
  regex: (a, b) => !!str(a).match(regexFrom(b)),
  notRegex: (a, b) => !str(a).match(regexFrom(b)),
};

/** Date values become epoch numbers for comparison; anything unparseable is an error. */
export function convertDateTime(nodeName: string, value: Value): number {
  let result: number | undefined;
  if (typeof value === 'string') result = new Date(value).getTime();
  else if (typeof value === 'number') result = value;
  if (value instanceof Date) result = value.getTime();
  else if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
    result = (value as { toMillis: () => number }).toMillis();
  }
  if (result === undefined || Number.isNaN(result)) {
    throw new NodeOperationError(nodeName, `The value "${String(value)}" is not a valid DateTime.`);
  }
  return result;
}

export const LEGACY_DATA_TYPES = ['boolean', 'dateTime', 'number', 'string'] as const;

/** Whether one item passes the condition lists, combined with ALL/ANY (first decisive wins). */
export function evaluateLegacyConditions(
  nodeName: string,
  conditions: Record<string, unknown>,
  combineAll: boolean,
): boolean {
  for (const dataType of LEGACY_DATA_TYPES) {
    const list = conditions[dataType];
    if (!Array.isArray(list)) continue;
    for (const entry of list as Array<Record<string, unknown>>) {
      let value1 = entry.value1 ?? legacyDefault(dataType);
      let value2 = entry.value2 ?? legacyDefault(dataType);
      if (dataType === 'dateTime') {
        value1 = convertDateTime(nodeName, value1);
        value2 = convertDateTime(nodeName, value2);
      }
      const operation = (entry.operation as string | undefined) ?? OPERATION_DEFAULTS[dataType];
      const compare = compareOperations[operation];
      if (!compare) throw new TypeError('compareOperationFunctions[compareData.operation] is not a function');
      const result = compare(value1, value2);
      if (result && !combineAll) return true;
      if (!result && combineAll) return false;
    }
  }
  return combineAll;
}

const OPERATION_DEFAULTS: Record<string, string> = { boolean: 'equal', dateTime: 'after', number: 'smaller', string: 'equal' };

function legacyDefault(dataType: string): unknown {
  if (dataType === 'boolean') return false;
  if (dataType === 'number') return 0;
  return '';
}

const option = (name: string, value: string) => ({ name, value });
const value = (type: NodeProperty['type'], name: string, display: string, def: unknown, extra: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName: display, name, type, default: def, ...extra });

/** The `conditions` fixedCollection of IF v1 and Filter v1. */
export const legacyConditionsProperty: NodeProperty = {
  displayName: 'Conditions',
  name: 'conditions',
  placeholder: 'Add Condition',
  type: 'fixedCollection',
  typeOptions: { multipleValues: true, sortable: true },
  description: 'The type of values to compare',
  default: {},
  options: [
    { name: 'boolean', displayName: 'Boolean', values: [
      value('boolean', 'value1', 'Value 1', false),
      value('options', 'operation', 'Operation', 'equal', { options: [option('Equal', 'equal'), option('Not Equal', 'notEqual')] }),
      value('boolean', 'value2', 'Value 2', false),
    ] },
    { name: 'dateTime', displayName: 'Date & Time', values: [
      value('dateTime', 'value1', 'Value 1', ''),
      value('options', 'operation', 'Operation', 'after', { options: [option('Occurred After', 'after'), option('Occurred Before', 'before')] }),
      value('dateTime', 'value2', 'Value 2', ''),
    ] },
    { name: 'number', displayName: 'Number', values: [
      value('number', 'value1', 'Value 1', 0),
      value('options', 'operation', 'Operation', 'smaller', { options: [
        option('Smaller', 'smaller'), option('Smaller or Equal', 'smallerEqual'), option('Equal', 'equal'),
        option('Not Equal', 'notEqual'), option('Larger', 'larger'), option('Larger or Equal', 'largerEqual'),
        option('Is Empty', 'isEmpty'), option('Is Not Empty', 'isNotEmpty'),
      ] }),
      value('number', 'value2', 'Value 2', 0, { displayOptions: { hide: { operation: ['isEmpty', 'isNotEmpty'] } } }),
    ] },
    { name: 'string', displayName: 'String', values: [
      value('string', 'value1', 'Value 1', ''),
      value('options', 'operation', 'Operation', 'equal', { options: [
        option('Contains', 'contains'), option('Not Contains', 'notContains'), option('Ends With', 'endsWith'),
        option('Not Ends With', 'notEndsWith'), option('Equal', 'equal'), option('Not Equal', 'notEqual'),
        option('Regex Match', 'regex'), option('Regex Not Match', 'notRegex'), option('Starts With', 'startsWith'),
        option('Not Starts With', 'notStartsWith'), option('Is Empty', 'isEmpty'), option('Is Not Empty', 'isNotEmpty'),
      ] }),
      value('string', 'value2', 'Value 2', '', { displayOptions: { hide: { operation: ['isEmpty', 'isNotEmpty', 'regex', 'notRegex'] } } }),
      value('string', 'value2', 'Regex', '', { placeholder: '/text/i', displayOptions: { show: { operation: ['regex', 'notRegex'] } } }),
    ] },
  ],
};

/**
 * Whether one item passes an IF v1 / Filter v1 node's conditions; `combineParam` names the
 * AND/OR option, `all` is its value meaning "every condition must match".
 */
export function passesLegacyConditions(ctx: ExecuteContext, itemIndex: number, combineParam: string, all: string): boolean {
  const combine = param(ctx, combineParam, itemIndex, all);
  const conditions = param<Record<string, unknown>>(ctx, 'conditions', itemIndex, {});
  return evaluateLegacyConditions(ctx.node.name, conditions ?? {}, combine === all);
}
