// Translates normalised read-model queries to MongoDB query documents (`id` is stored as `_id`).
// Mongo matches a condition against array elements too; the port means the field itself, so
// scalar conditions also require "not an array" and `$has` uses $elemMatch (arrays only).
import type { Document } from 'mongodb';
import type { SortKey } from './read-model-store.ts';
import type { Condition } from './filter-query.ts';

export function mongoField(path: string): string {
  return path === 'id' ? '_id' : path;
}

function scalarOnly(field: string, clause: Document): Document {
  return field === '_id' ? clause : { $and: [{ [field]: { $not: { $type: 'array' } } }, clause] };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function condition(c: Condition): Document {
  const f = mongoField(c.path);
  switch (c.op) {
    case 'eq':
      return scalarOnly(f, { [f]: { $eq: c.value } });
    case 'ne':
      return { $nor: [scalarOnly(f, { [f]: { $eq: c.value } })] };
    case 'in':
      return scalarOnly(f, { [f]: { $in: c.value } });
    case 'gt': case 'gte': case 'lt': case 'lte':
      return scalarOnly(f, { [f]: { [`$${c.op}`]: c.value } });
    case 'exists': {
      const absent = scalarOnly(f, { [f]: { $eq: null } });
      return c.value ? { $nor: [absent] } : absent;
    }
    case 'has':
      return { [f]: { $elemMatch: { $eq: c.value } } };
    case 'contains':
      return scalarOnly(f, { [f]: { $regex: escapeRegex(c.value), $options: 'i' } });
  }
}

export function mongoQuery(conditions: Condition[]): Document {
  return conditions.length === 0 ? {} : { $and: conditions.map(condition) };
}

// BSON sort order of the types JSON documents can hold (null and missing sort first).
const TYPE_ORDER = ['number', 'string', 'object', 'array', 'binData', 'objectId', 'bool', 'date', 'timestamp', 'regex'];

function typeRank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 6;
  return Array.isArray(v) ? 3 : 2;
}

/**
 * Documents strictly after `after` in `sort` order. Mongo's $gt/$lt compare within one BSON type
 * only, so values of the types sorting beyond `after`'s are added explicitly.
 */
export function mongoAfter(sort: SortKey[], after: unknown[]): Document {
  const alternatives: Document[] = [];
  const tied: Document[] = [];
  sort.forEach((key, i) => {
    const f = mongoField(key.field);
    const a = after[i];
    let beyond: Document | undefined;
    if (a === null) {
      if (key.direction === 'asc') beyond = { [f]: { $ne: null } };
    } else {
      const rank = typeRank(a);
      const types = key.direction === 'asc' ? TYPE_ORDER.slice(rank + 1) : TYPE_ORDER.slice(0, rank);
      const ors: Document[] = [{ [f]: { [key.direction === 'asc' ? '$gt' : '$lt']: a } }];
      if (types.length > 0) ors.push({ [f]: { $type: types } });
      if (key.direction === 'desc') ors.push({ [f]: null });
      beyond = { $or: ors };
    }
    if (beyond) alternatives.push(tied.length === 0 ? beyond : { $and: [...tied, beyond] });
    tied.push({ [f]: { $eq: a } });
  });
  return alternatives.length === 0 ? { _id: { $exists: false } } : { $or: alternatives };
}

export function mongoSort(sort: SortKey[]): Record<string, 1 | -1> {
  return Object.fromEntries(sort.map((k) => [mongoField(k.field), k.direction === 'asc' ? 1 : -1]));
}
