// Plain-data helpers with the semantics n8n gets from lodash (merge, assign, isEqual) and from
// its own deepCopy, so merged and copied items come out exactly as n8n shapes them.
export type Obj = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** n8n's deepCopy: plain data copied, objects with toJSON (Dates, DateTimes) serialised. */
export function deepCopy<T>(source: T, seen = new WeakMap<object, unknown>()): T {
  if (typeof source !== 'object' || source === null) return source;
  const withJson = source as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return withJson.toJSON() as T;
  if (seen.has(source)) return seen.get(source) as T;
  if (Array.isArray(source)) {
    const copy: unknown[] = [];
    seen.set(source, copy);
    for (const value of source) copy.push(deepCopy(value, seen));
    return copy as T;
  }
  const copy: Obj = {};
  seen.set(source, copy);
  for (const [key, value] of Object.entries(source)) copy[key] = deepCopy(value, seen);
  return copy as T;
}

/** lodash isEqual for JSON-like data (plus Dates). */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, i) => isEqual(value, b[i]));
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && isEqual((a as Obj)[key], (b as Obj)[key]));
}

export type MergeCustomizer = (targetValue: unknown, sourceValue: unknown) => unknown;

function mergeInto(target: Obj | unknown[], source: Obj | unknown[], customizer?: MergeCustomizer): void {
  for (const key of Object.keys(source)) {
    const srcValue = (source as Obj)[key];
    const objValue = (target as Obj)[key];
    const custom = customizer?.(objValue, srcValue);
    let newValue: unknown;
    if (custom !== undefined) {
      newValue = custom;
    } else if (Array.isArray(srcValue)) {
      newValue = Array.isArray(objValue) ? objValue : [];
      mergeInto(newValue as unknown[], srcValue, customizer);
    } else if (isPlainObject(srcValue)) {
      newValue = isPlainObject(objValue) || Array.isArray(objValue) ? objValue : {};
      mergeInto(newValue as Obj, srcValue, customizer);
    } else {
      newValue = srcValue;
    }
    if (newValue !== undefined || !(key in target)) (target as Obj)[key] = newValue;
  }
}

/** lodash merge / mergeWith: deep, arrays merged by index, undefined never overwrites. */
export function merge(target: Obj, ...sources: Array<Obj | undefined>): Obj {
  for (const source of sources) if (source && typeof source === 'object') mergeInto(target, source);
  return target;
}

export function mergeWith(target: Obj, sources: Array<Obj | undefined>, customizer: MergeCustomizer): Obj {
  for (const source of sources) if (source && typeof source === 'object') mergeInto(target, source, customizer);
  return target;
}

/** lodash assign / assignWith: shallow, own enumerable keys. */
export function assignWith(target: Obj, sources: Array<Obj | undefined>, customizer?: MergeCustomizer): Obj {
  for (const source of sources) {
    if (!source || typeof source !== 'object') continue;
    for (const key of Object.keys(source)) {
      const custom = customizer?.(target[key], source[key]);
      target[key] = custom === undefined ? source[key] : custom;
    }
  }
  return target;
}
