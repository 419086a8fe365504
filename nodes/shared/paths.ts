// Dot/bracket property paths with lodash's get/set/unset semantics, which n8n nodes rely on
// ("a.b[0].c" creates nested objects and arrays; an existing literal key "a.b" wins).
type Container = Record<string, unknown> | unknown[];

const DEEP_PROP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const PLAIN_PROP = /^\w*$/;
const PROP_NAME = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isObjectLike(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function isKey(path: string, object: unknown): boolean {
  if (PLAIN_PROP.test(path) || !DEEP_PROP.test(path)) return true;
  return isObjectLike(object) && path in object;
}

/** lodash's stringToPath. */
export function toPath(path: string): string[] {
  const result: string[] = [];
  if (path.charCodeAt(0) === 46 /* . */) result.push('');
  path.replace(PROP_NAME, (match, number: string | undefined, quote: string | undefined, sub: string) => {
    if (quote) result.push(sub.replace(/\\(\\)?/g, '$1'));
    else result.push(number ?? match);
    return match;
  });
  return result;
}

function castPath(path: string, object: unknown): string[] {
  return isKey(path, object) ? [path] : toPath(path);
}

export function getPath(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of castPath(path, object)) {
    if (!isObjectLike(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const INDEX = /^(?:0|[1-9]\d*)$/;

export function setPath(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = castPath(path, object);
  let nested: Record<string, unknown> = object;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (UNSAFE_KEYS.has(key)) return;
    if (i === keys.length - 1) {
      nested[key] = value;
      return;
    }
    const existing = nested[key];
    const next = isObjectLike(existing) ? existing : INDEX.test(keys[i + 1]) ? [] : {};
    nested[key] = next;
    nested = next as Record<string, unknown>;
  }
}

export function unsetPath(object: Record<string, unknown>, path: string): void {
  const keys = castPath(path, object);
  const last = keys.pop();
  if (last === undefined) return;
  let parent: unknown = object;
  for (const key of keys) {
    if (!isObjectLike(parent)) return;
    parent = (parent as Record<string, unknown>)[key];
  }
  if (isObjectLike(parent)) delete (parent as Record<string, unknown>)[last];
}
