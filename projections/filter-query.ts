// Validates and normalises read-model queries once, so every adapter compiles the same checked shape.
import { ValidationError } from '../domain/index.ts';
import type { Doc, Filter, FindOptions, Scalar, SortKey } from './read-model-store.ts';

// Inner segments may start with a digit: they name object keys (custom data keys such as `2fa`).
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export type Op = 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists' | 'has' | 'contains';

/** One checked condition; `value`'s type matches the operator (see `normalizeFilter`). */
export type Condition =
  | { path: string; op: 'eq' | 'ne' | 'has'; value: Scalar }
  | { path: string; op: 'in'; value: Scalar[] }
  | { path: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { path: string; op: 'exists'; value: boolean }
  | { path: string; op: 'contains'; value: string };

export interface NormalFind {
  conditions: Condition[];
  /** The requested keys, cut after `id` or ending with `id asc` as the tie-breaker. */
  sort: SortKey[];
  limit: number;
  /** The last item's sort values (one per `sort` key) of the previous page. */
  after?: unknown[];
}

export function assertFieldPath(path: unknown, where = 'field'): asserts path is string {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new ValidationError(`Invalid ${where} path`, [{ path: where, message: `'${String(path)}' is not a dotted field path` }]);
  }
}

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new ValidationError('Invalid collection name', [
      { path: 'collection', message: `'${String(name)}' must be letters, digits and '_' (at most 64)` },
    ]);
  }
}

/** `_id` is reserved (MongoDB's key); `id` must be a non-empty string. */
export function assertDoc(doc: Doc): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new ValidationError('A document must be an object');
  if (typeof doc.id !== 'string' || doc.id === '') throw new ValidationError('A document needs a non-empty string id');
  if ('_id' in doc) throw new ValidationError("'_id' is reserved", [{ path: '_id', message: 'use id' }]);
}

/** Top-level fields to set, without `id` and undefined values; keys must not look like paths. */
export function patchFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (key === 'id' || value === undefined) continue;
    if (key === '_id' || key.startsWith('$') || key.includes('.')) {
      throw new ValidationError('Invalid patch field', [{ path: key, message: "must not be '_id', start with '$' or contain '.'" }]);
    }
    out[key] = value;
  }
  return out;
}

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function bad(path: string, message: string): never {
  throw new ValidationError('Invalid filter', [{ path, message }]);
}

function scalar(path: string, op: string, v: unknown): Scalar {
  return isScalar(v) ? v : bad(path, `${op} needs a string, finite number, boolean or null`);
}

function orderable(path: string, op: string, v: unknown): string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? v : bad(path, `${op} needs a string or finite number`);
}

export function normalizeFilter(filter: Filter | undefined): Condition[] {
  if (filter === undefined) return [];
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) bad('', 'a filter must be an object');
  const out: Condition[] = [];
  for (const [path, cond] of Object.entries(filter)) {
    assertFieldPath(path, 'filter');
    if (cond === undefined) continue;
    if (isScalar(cond)) {
      out.push({ path, op: 'eq', value: cond });
      continue;
    }
    if (typeof cond !== 'object' || Array.isArray(cond)) bad(path, 'expected a scalar or an operator object');
    for (const [key, v] of Object.entries(cond)) {
      if (v === undefined) continue;
      switch (key) {
        case '$eq': case '$ne': case '$has':
          out.push({ path, op: key.slice(1) as 'eq' | 'ne' | 'has', value: scalar(path, key, v) });
          break;
        case '$in':
          if (!Array.isArray(v)) bad(path, '$in needs an array');
          out.push({ path, op: 'in', value: v.map((x) => scalar(path, '$in', x)) });
          break;
        case '$gt': case '$gte': case '$lt': case '$lte':
          out.push({ path, op: key.slice(1) as 'gt' | 'gte' | 'lt' | 'lte', value: orderable(path, key, v) });
          break;
        case '$exists':
          if (typeof v !== 'boolean') bad(path, '$exists needs a boolean');
          out.push({ path, op: 'exists', value: v });
          break;
        case '$contains':
          if (typeof v !== 'string') bad(path, '$contains needs a string');
          out.push({ path, op: 'contains', value: v });
          break;
        default:
          bad(path, `unknown operator '${key}'`);
      }
    }
  }
  return out;
}

export function normalizeSort(sort: SortKey[] | undefined): SortKey[] {
  if (sort !== undefined && !Array.isArray(sort)) throw new ValidationError('Invalid sort', [{ path: 'sort', message: 'expected an array' }]);
  const out: SortKey[] = [];
  for (const key of sort ?? []) {
    assertFieldPath(key?.field, 'sort');
    if (key.direction !== 'asc' && key.direction !== 'desc') {
      throw new ValidationError('Invalid sort', [{ path: key.field, message: "direction must be 'asc' or 'desc'" }]);
    }
    out.push({ field: key.field, direction: key.direction });
    if (key.field === 'id') return out; // unique, so later keys could never matter
  }
  out.push({ field: 'id', direction: 'asc' });
  return out;
}

export function normalizeFind(options: FindOptions = {}): NormalFind {
  const { limit = DEFAULT_LIMIT } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ValidationError('Invalid limit', [{ path: 'limit', message: 'must be a positive integer' }]);
  }
  const sort = normalizeSort(options.sort);
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, sort);
  return { conditions: normalizeFilter(options.filter), sort, limit: Math.min(limit, MAX_LIMIT), after };
}

/** The value at a dotted path through nested objects; missing reads as null (as both backends sort it). */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let at: unknown = doc;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return at === undefined ? null : at;
}

function sortSignature(sort: SortKey[]): string {
  return sort.map((k) => (k.direction === 'desc' ? '-' : '') + k.field).join(',');
}

export function encodeCursor(doc: Doc, sort: SortKey[]): string {
  const v = sort.map((k) => valueAt(doc, k.field));
  return Buffer.from(JSON.stringify({ s: sortSignature(sort), v }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown, sort: SortKey[]): unknown[] {
  const invalid = (message: string) => new ValidationError('Invalid cursor', [{ path: 'cursor', message }]);
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('not a cursor returned by this query');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor returned by this query');
  }
  const c = parsed as { s?: unknown; v?: unknown };
  if (c === null || typeof c !== 'object' || !Array.isArray(c.v) || c.v.length !== sort.length) {
    throw invalid('not a cursor returned by this query');
  }
  if (c.s !== sortSignature(sort)) throw invalid('the cursor belongs to a different sort order');
  if (typeof c.v[c.v.length - 1] !== 'string') throw invalid('not a cursor returned by this query');
  return c.v;
}
