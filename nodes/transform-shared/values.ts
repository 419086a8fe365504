// Value semantics of the lodash helpers n8n's transform nodes rely on: deep equality, `<`, emptiness.

function isObjectLike(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** Deep equality for JSON-like data (lodash isEqual): NaN equals NaN, key order is ignored. */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (!isObjectLike(a) || !isObjectLike(b)) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && isEqual(a.getTime(), b.getTime());
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => isEqual(value, other[i]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) => Object.prototype.hasOwnProperty.call(b, key) && isEqual((a as Record<string, unknown>)[key], bRecord[key]),
  );
}

/** lodash toNumber: objects go through valueOf/string, strings are trimmed, binary/octal literals parsed. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'symbol') return NaN;
  let v: unknown = value;
  if (isObjectLike(v)) {
    const valueOf = (v as { valueOf?: () => unknown }).valueOf;
    const other = typeof valueOf === 'function' ? valueOf.call(v) : v;
    v = isObjectLike(other) ? String(other) : other;
  }
  if (typeof v !== 'string') return v === 0 ? v : Number(v);
  const trimmed = v.trim();
  if (/^0b[01]+$/i.test(trimmed)) return parseInt(trimmed.slice(2), 2);
  if (/^0o[0-7]+$/i.test(trimmed)) return parseInt(trimmed.slice(2), 8);
  if (/^[-+]0x[0-9a-f]+$/i.test(trimmed)) return NaN;
  return Number(trimmed);
}

/** lodash lt: strings compare as strings, anything else as numbers. */
export function lessThan(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  return toNumber(a) < toNumber(b);
}

/** lodash isEmpty: null, empty strings/arrays/objects, and every number or boolean are "empty". */
export function isEmptyValue(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return true;
}

/** A deep copy of JSON-like data (n8n's deepCopy); Dates are kept as Dates. */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((entry) => deepCopy(entry)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = deepCopy(entry);
  return copy as T;
}
