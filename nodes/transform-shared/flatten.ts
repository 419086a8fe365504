// Field listings used to compare whole items: dotted leaf paths (n8n's flattenKeys) and lodash pick.
import type { JsonObject } from '../../engine/index.ts';
import { getPath, hasPath, setPath, toPath } from './path.ts';

function isObjectLike(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

/** `{a: {b: 1}, c: [2]}` → `{'a.b': 1, 'c.0': 2}`; empty objects and arrays vanish. */
export function flattenKeys(value: unknown, path: string[] = []): JsonObject {
  if (!isObjectLike(value)) return { [path.join('.')]: value };
  const result: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    Object.assign(result, flattenKeys(entry, [...path, key]));
  }
  return result;
}

/** lodash pick with paths: the listed (possibly nested) fields that exist in `json`. */
export function pickPaths(json: JsonObject, paths: string[]): JsonObject {
  const result: JsonObject = {};
  for (const path of paths) {
    const segments = toPath(path, json);
    if (hasPath(json, segments)) setPath(result, segments, getPath(json, segments));
  }
  return result;
}
