// Compiles normalised read-model queries to SQLite SQL over `(id, doc JSON)` tables aliased `t`.
// Field paths are validated before they get here and are inlined as JSON-path literals (so that
// expression indexes on json_extract(doc, '$.path') match); every value is a bound parameter.
import type { SortKey } from './read-model-store.ts';
import type { Condition } from './filter-query.ts';

export interface Sql {
  sql: string;
  params: unknown[];
}

/** Name of the SQL function the adapter registers for `$contains` (Unicode-aware, no wildcards). */
export const CONTAINS_FN = 'weft_icontains';

const NUMBER = `IN ('integer','real')`;

/** The SQL value at a path: json_extract gives SQL NULL for missing and JSON null, 0/1 for booleans. */
export function valueExpr(path: string, table = 't.'): string {
  return path === 'id' ? `${table}id` : `json_extract(${table}doc, '$.${path}')`;
}

/** json_type at a path: 'null', 'true', 'false', 'integer', 'real', 'text', 'array', 'object', or NULL if missing. */
function typeExpr(path: string): string {
  return path === 'id' ? `'text'` : `json_type(t.doc, '$.${path}')`;
}

/** SQLite cannot bind booleans or objects: booleans as 0/1 (how json_extract yields them), objects as JSON text. */
export function bindable(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v === undefined ? null : v;
}

/** Equality that tells JSON true from 1 and "1" from 1 (json_extract alone does not). */
function equals(value: string, type: string, v: unknown, params: unknown[]): string {
  if (v === null) return `${value} IS NULL`;
  params.push(bindable(v));
  if (typeof v === 'boolean') return `(${value} = ? AND ${type} = '${v ? 'true' : 'false'}')`;
  return `(${value} = ? AND ${type} ${typeof v === 'number' ? NUMBER : `= 'text'`})`;
}

function condition(c: Condition, params: unknown[]): string {
  const value = valueExpr(c.path);
  const type = typeExpr(c.path);
  switch (c.op) {
    case 'eq':
      return equals(value, type, c.value, params);
    case 'ne':
      return c.value === null ? `${value} IS NOT NULL` : `NOT COALESCE(${equals(value, type, c.value, params)}, 0)`;
    case 'in': {
      const parts: string[] = [];
      for (const [kind, test] of [['string', `= 'text'`], ['number', NUMBER]] as const) {
        const same = c.value.filter((v) => typeof v === kind);
        if (same.length === 0) continue;
        params.push(JSON.stringify(same));
        parts.push(`(${type} ${test} AND ${value} IN (SELECT value FROM json_each(?)))`);
      }
      for (const v of new Set(c.value.filter((v) => v === null || typeof v === 'boolean'))) parts.push(equals(value, type, v, params));
      return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
    }
    case 'gt': case 'gte': case 'lt': case 'lte': {
      const sign = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
      params.push(c.value);
      return `(${value} ${sign} ? AND ${type} ${typeof c.value === 'number' ? NUMBER : `= 'text'`})`;
    }
    case 'exists':
      return `${value} ${c.value ? 'IS NOT NULL' : 'IS NULL'}`;
    case 'has': {
      const v = c.value;
      let element: string;
      if (v === null) element = `j.type = 'null'`;
      else if (typeof v === 'boolean') element = `j.type = '${v ? 'true' : 'false'}'`;
      else {
        params.push(v);
        element = `(j.value = ? AND j.type ${typeof v === 'number' ? NUMBER : `= 'text'`})`;
      }
      return `(${type} = 'array' AND EXISTS (SELECT 1 FROM json_each(t.doc, '$.${c.path}') AS j WHERE ${element}))`;
    }
    case 'contains':
      params.push(c.value);
      return `(${type} = 'text' AND ${CONTAINS_FN}(${value}, ?))`;
  }
}

export function whereSql(conditions: Condition[]): Sql {
  const params: unknown[] = [];
  const parts = conditions.map((c) => condition(c, params));
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
}

/**
 * Rows strictly after `after` in `sort` order. SQLite orders NULL (missing or null) first
 * ascending and last descending, like MongoDB; ties fall through to the next key and finally `id`.
 */
export function afterSql(sort: SortKey[], after: unknown[]): Sql {
  const params: unknown[] = [];
  const alternatives: string[] = [];
  const tied: string[] = [];
  const tiedParams: unknown[] = [];
  sort.forEach((key, i) => {
    const value = valueExpr(key.field);
    const a = after[i];
    let beyond: string | undefined;
    const own: unknown[] = [];
    if (key.direction === 'asc') {
      beyond = a === null ? `${value} IS NOT NULL` : `${value} > ?`;
    } else if (a !== null) {
      beyond = `(${value} < ? OR ${value} IS NULL)`;
    }
    if (a !== null) own.push(bindable(a));
    if (beyond !== undefined) {
      alternatives.push(`(${[...tied, beyond].join(' AND ')})`);
      params.push(...tiedParams, ...own);
    }
    tied.push(a === null ? `${value} IS NULL` : `${value} = ?`);
    if (a !== null) tiedParams.push(bindable(a));
  });
  return { sql: alternatives.length === 0 ? '0' : `(${alternatives.join(' OR ')})`, params };
}

export function orderSql(sort: SortKey[]): string {
  return sort.map((k) => `${valueExpr(k.field)} ${k.direction === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
}
