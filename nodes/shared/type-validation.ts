// n8n's field type validation (packages/workflow type-validation): checks a value against a
// type and converts it where n8n would (Set node fields, filter conditions).
import { DateTime } from 'luxon';

export type FieldType = 'string' | 'number' | 'boolean' | 'dateTime' | 'array' | 'object' | 'any' | string;

export type ValidationResult = { valid: true; newValue?: unknown } | { valid: false; errorMessage: string };

export interface ValidateOptions {
  strict?: boolean;
  parseStrings?: boolean;
  /** Zone used for date strings without an offset. */
  zone?: string;
}

export function getValueDescription(value: unknown): string {
  if (typeof value === 'object') {
    if (value === null) return "'null'";
    return Array.isArray(value) ? 'array' : 'object';
  }
  return `'${String(value)}'`;
}

function toNumber(value: unknown): number {
  const number = Number(value);
  if (Number.isNaN(number)) throw new Error('Failed to parse value to number');
  return number;
}

export function toStringValue(value: unknown): string {
  if (typeof value === 'object') return JSON.stringify(value);
  if (value === undefined) return '';
  return String(value);
}

export function toBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) {
    return value.toLowerCase() === 'true';
  }
  if (!(typeof value === 'string' && value.trim() === '')) {
    const number = Number(value);
    if (number === 0) return false;
    if (number === 1) return true;
  }
  throw new Error('Failed to parse value as boolean');
}

export function toDateTime(value: unknown, zone?: string): DateTime {
  if (DateTime.isDateTime(value) && value.isValid) return value;
  if (value instanceof Date) {
    const fromDate = DateTime.fromJSDate(value, { zone });
    if (fromDate.isValid) return fromDate;
  }
  const text = String(value).trim();
  const opts = { zone, setZone: true };
  for (const parsed of [
    DateTime.fromISO(text, opts),
    DateTime.fromHTTP(text, opts),
    DateTime.fromRFC2822(text, opts),
    DateTime.fromSQL(text, opts),
    DateTime.fromMillis(Date.parse(text), { zone }),
  ]) {
    if (parsed.isValid) return parsed;
  }
  throw new Error('Value is not a valid date');
}

/** Parses a JSON object, also accepting JS-style literals (unquoted keys, single quotes). */
export function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const relaxed = text
      .replace(/'/g, '"')
      .replace(/([{,]\s*)([a-zA-Z0-9_$]+)\s*:/g, '$1"$2":')
      .replace(/,\s*([\]}])/g, '$1');
    try {
      return JSON.parse(relaxed);
    } catch {
      throw error;
    }
  }
}

function toArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch {
    parsed = JSON.parse(String(value).replace(/'/g, '"'));
  }
  if (!Array.isArray(parsed)) throw new Error('Value is not a valid array');
  return parsed;
}

function toObject(value: unknown): object {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  const parsed = parseLooseJson(String(value));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('Value is not a valid object');
  }
  return parsed;
}

/** n8n's validateFieldType. */
export function validateFieldType(
  fieldName: string,
  value: unknown,
  type: FieldType,
  options: ValidateOptions = {},
): ValidationResult {
  if (value === null || value === undefined) return { valid: true };
  const strict = options.strict ?? false;
  const fail = { valid: false as const, errorMessage: `'${fieldName}' expects a ${type} but we got ${getValueDescription(value)}` };
  try {
    switch (type.toLowerCase()) {
      case 'string':
        if (!options.parseStrings) return { valid: true, newValue: value };
        if (strict && typeof value !== 'string') return fail;
        return { valid: true, newValue: toStringValue(value) };
      case 'number':
        if (strict && typeof value !== 'number') return fail;
        return { valid: true, newValue: toNumber(value) };
      case 'boolean':
        if (strict && typeof value !== 'boolean') return fail;
        return { valid: true, newValue: toBoolean(value) };
      case 'datetime':
        return { valid: true, newValue: toDateTime(value, options.zone) };
      case 'object':
        if (strict && (typeof value !== 'object' && typeof value !== 'function')) return fail;
        return { valid: true, newValue: toObject(value) };
      case 'array':
        if (strict && !Array.isArray(value)) return fail;
        return { valid: true, newValue: toArray(value) };
      default:
        return { valid: true, newValue: value };
    }
  } catch {
    return fail;
  }
}
