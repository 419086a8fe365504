// Small value helpers: a JSON-shaped deep copy, and whether a value holds an expression.

/** Copies plain objects and arrays; anything else is shared (parameters are JSON). */
export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v);
  return out as T;
}

/** Whether a value holds an expression (a string starting with '=') anywhere inside. */
export function containsExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.charAt(0) === '=';
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsExpression);
  for (const v of Object.values(value)) if (containsExpression(v)) return true;
  return false;
}
