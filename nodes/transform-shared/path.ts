// Field paths as lodash reads them (`a.b[0]["c.d"]`), the way n8n's transform nodes address fields.
import type { JsonObject } from '../../engine/index.ts';

const DEEP_PROP = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const PLAIN_PROP = /^\w*$/;
const PROP_NAME = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const ESCAPE_CHAR = /\\(\\)?/g;
const INDEX = /^(?:0|[1-9]\d*)$/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** A key that is used as is: no dots or brackets, or an existing own-or-inherited key of `object`. */
function isKey(path: string, object: unknown): boolean {
  if (PLAIN_PROP.test(path) || !DEEP_PROP.test(path)) return true;
  return object != null && path in Object(object);
}

function stringToPath(path: string): string[] {
  const result: string[] = [];
  if (path.charCodeAt(0) === 46) result.push('');
  path.replace(PROP_NAME, (match: string, num?: string, quote?: string, sub?: string) => {
    result.push(quote ? (sub ?? '').replace(ESCAPE_CHAR, '$1') : (num ?? match));
    return match;
  });
  return result;
}

/** The segments of a path, resolved against `object` as lodash's castPath does. */
export function toPath(path: string | string[], object?: unknown): string[] {
  if (Array.isArray(path)) return path;
  return isKey(path, object) ? [path] : stringToPath(path);
}

export function getPath(object: unknown, path: string | string[]): unknown {
  const segments = toPath(path, object);
  let current: unknown = object;
  let i = 0;
  for (; current != null && i < segments.length; i++) {
    current = (current as Record<string, unknown>)[segments[i]];
  }
  // Stopping early (at null or undefined) means "not found", as lodash's get.
  return i > 0 && i === segments.length ? current : undefined;
}

/** True when every segment of the path exists (inherited keys included, as lodash's hasIn). */
export function hasPath(object: unknown, path: string | string[]): boolean {
  const segments = toPath(path, object);
  let current: unknown = object;
  for (const segment of segments) {
    if (current == null || !(segment in Object(current))) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return segments.length > 0;
}

/** Sets a value, creating objects (or arrays before numeric segments) on the way. */
export function setPath<T extends object>(object: T, path: string | string[], value: unknown): T {
  const segments = toPath(path, object);
  let nested = object as Record<string, unknown>;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i];
    if (UNSAFE_KEYS.has(key)) return object;
    if (i === segments.length - 1) {
      nested[key] = value;
      break;
    }
    const existing = nested[key];
    const next = isObjectLike(existing) ? existing : INDEX.test(segments[i + 1]) ? [] : {};
    nested[key] = next;
    nested = next as Record<string, unknown>;
  }
  return object;
}

export function unsetPath(object: unknown, path: string | string[]): boolean {
  const segments = toPath(path, object);
  if (segments.some((key) => UNSAFE_KEYS.has(key))) return false;
  const parent = segments.length > 1 ? getPath(object, segments.slice(0, -1)) : object;
  if (parent == null) return true;
  return delete (parent as Record<string, unknown>)[segments[segments.length - 1]];
}

/** Reads a field by dot path, or by its literal name when dot notation is disabled. */
export function readField(json: JsonObject, field: string, disableDotNotation: boolean): unknown {
  return disableDotNotation ? json[field] : getPath(json, field);
}
