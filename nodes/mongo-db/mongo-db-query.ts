// Query JSON for the MongoDB node (n8n's rules): parse the text, then put the Query Parameters in
// for `$1`, `$2` … where one makes up a whole value or a whole key, so a parameter can carry a
// value or a field name but never add operators or clauses of its own.
import { ObjectId } from 'mongodb';

/** A mistake in what the user wrote; the node reports it for the item, with the hint as description. */
export class MongoInputError extends Error {
  constructor(message: string, readonly description?: string) {
    super(message);
    this.name = 'MongoInputError';
  }
}

type Json = unknown;
const PLACEHOLDER = /^\$(\d+)$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value) || value instanceof Date;
}

/** Query text (or an expression's object) as JSON; `label` names the parameter in the error. */
export function parseJson(text: unknown, label = 'Query'): Json {
  if (typeof text !== 'string') {
    if (text !== null && typeof text === 'object') return text;
    throw new MongoInputError(`Invalid JSON in '${label}'`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new MongoInputError(`Invalid JSON in '${label}'`);
  }
}

function parseParameters(raw: unknown, label: string): unknown[] {
  let parameters = raw ?? [];
  if (typeof parameters === 'string') {
    try {
      parameters = JSON.parse(parameters);
    } catch {
      throw new MongoInputError(`${label} Parameters must be valid JSON`, 'Enter the parameters as a JSON array');
    }
  }
  if (!Array.isArray(parameters)) throw new MongoInputError(`${label} Parameters must be a JSON array`, 'Enter the parameters as a JSON array');
  parameters.forEach((value, index) => {
    if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) return;
    throw new MongoInputError(`${label} parameter ${index + 1} must be a scalar or an array of scalars`, 'Objects and nested arrays are not supported');
  });
  return parameters;
}

/** The parsed query with its placeholders replaced by `rawParameters` (a JSON array or its text). */
export function resolveQuery(query: unknown, rawParameters: unknown, label = 'Query'): Json {
  const parsed = parseJson(query, label);
  const parameters = parseParameters(rawParameters, label);
  if (parameters.length === 0) return parsed;
  const used = new Set<number>();
  const take = (placeholder: string, index: number) => {
    if (index < 0 || index >= parameters.length) {
      throw new MongoInputError(`${label} placeholder ${placeholder} has no matching value`, `Add a value for ${placeholder} to ${label} Parameters`);
    }
    used.add(index);
    return parameters[index];
  };
  const resolveKey = (key: string): string => {
    const match = PLACEHOLDER.exec(key);
    if (!match) return key;
    const value = take(key, Number(match[1]) - 1);
    if (typeof value !== 'string' || value === '' || value.startsWith('$') || RESERVED_KEYS.has(value)) {
      throw new MongoInputError(`${label} placeholder ${key} is not a valid field name`,
        'A placeholder for a field name must become a non-empty string that does not start with "$" and is not a reserved property name');
    }
    return value;
  };
  const resolve = (value: Json): Json => {
    if (typeof value === 'string') {
      const match = PLACEHOLDER.exec(value);
      return match ? take(value, Number(match[1]) - 1) : value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, Json> = {};
    for (const [key, entry] of Object.entries(value)) {
      const name = resolveKey(key);
      // A bound field name must not silently replace a clause the author wrote.
      if (Object.hasOwn(out, name)) {
        throw new MongoInputError(`${label} field name "${name}" is used more than once`, 'A parameter used as a field name must not repeat another field name of the same object');
      }
      out[name] = resolve(entry);
    }
    return out;
  };
  const resolved = resolve(parsed);
  const unused = parameters.findIndex((_, index) => !used.has(index));
  if (unused !== -1) {
    throw new MongoInputError(`${label} parameter ${unused + 1} is not used`, `Add $${unused + 1} to the query or remove the unused parameter`);
  }
  return resolved;
}

/** n8n's one ObjectId rule for Find and Aggregate: a top-level string `_id` is matched as an ObjectId. */
export function withObjectIdMatch(query: Json): Json {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) return query;
  const { _id: id } = query as Record<string, unknown>;
  return typeof id === 'string' && id !== '' ? { ...query, _id: new ObjectId(id) } : query;
}

/** A non-empty plain object (n8n ignores `{}` and anything else for sort and projection). */
export function isNonEmptyObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length > 0;
}
