// Small value helpers: lodash-style path lookup, deep equality and a JSON-shaped deep copy.

const pathCache = new Map<string, string[]>();

/** Splits `a.b[0].c` and `a["b.c"]` into keys, like lodash's `get` does for the paths nodes use. */
export function pathKeys(path: string): string[] {
  let keys = pathCache.get(path);
  if (keys) return keys;
  keys = [];
  let i = 0;
  let current = '';
  let pending = false; // a key has started (so `a..b` keeps its empty key)
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      keys.push(current);
      current = '';
      pending = true;
      i++;
    } else if (ch === '[') {
      if (current !== '' || (pending && keys.length === 0)) keys.push(current);
      current = '';
      const close = path.indexOf(']', i);
      if (close < 0) {
        current = path.slice(i);
        break;
      }
      let inner = path.slice(i + 1, close);
      const quote = inner.charAt(0);
      if ((quote === '"' || quote === "'") && inner.endsWith(quote) && inner.length >= 2) inner = inner.slice(1, -1);
      keys.push(inner);
      i = close + 1;
      if (path[i] === '.') i++;
      pending = false;
    } else {
      current += ch;
      pending = true;
      i++;
    }
  }
  if (pending || current !== '') keys.push(current);
  if (pathCache.size < 10_000) pathCache.set(path, keys);
  return keys;
}

/** lodash `get`: a direct own key wins over a path, as there. */
export function getPath(object: unknown, path: string): unknown {
  if (object === null || object === undefined) return undefined;
  if (typeof object === 'object' && Object.hasOwn(object, path)) return (object as Record<string, unknown>)[path];
  let current: unknown = object;
  for (const key of pathKeys(path)) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

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
