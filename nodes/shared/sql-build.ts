// Building the statements of n8n's SQL nodes (Postgres, MySQL) from their parameters. Identifiers
// are quoted by the dialect and every value travels as a bound parameter: item data never becomes
// SQL text.
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';

export interface SqlDialect {
  /** A quoted identifier (`"a""b"` in Postgres, `` `a``b` `` in MySQL). */
  ident(name: string): string;
  /** The placeholder for the n-th bound value (1-based): `$n` or `?`. */
  placeholder(n: number): string;
  /** Whether INSERT/UPDATE can answer with RETURNING. */
  returning: boolean;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
  /** Set on updates that must change a row: the description of the error when none matched. */
  mustAffectRows?: string;
}

export interface WhereClause {
  column: string;
  condition: string;
  value?: unknown;
}

export interface SortRule {
  column: string;
  direction?: string;
}

const NUMERIC_OPERATORS = ['>', '<', '>=', '<='];
const OPERATORS = new Set(['=', '!=', 'LIKE', 'IS NULL', 'IS NOT NULL', ...NUMERIC_OPERATORS]);

/** Collects bound values and hands out their placeholders in order. */
export class BoundValues {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: SqlDialect) {}
  add(value: unknown): string {
    this.values.push(bindable(value));
    return this.dialect.placeholder(this.values.length);
  }
}

/** Objects and arrays are sent as JSON text (the drivers would otherwise format them their own way). */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/** A resource locator's value (`{__rl, mode, value}`) or a plain name. */
export function locatorValue(value: unknown): string {
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value ?? '');
  return value === undefined || value === null ? '' : String(value);
}

/** n8n's "Select Rows" conditions as a WHERE clause ('' when there are none). */
export function whereSql(dialect: SqlDialect, bound: BoundValues, clauses: WhereClause[], combine: string, node: string, itemIndex: number): string {
  if (clauses.length === 0) return '';
  const parts = clauses.map((clause, index) => {
    const condition = clause.condition === 'equal' || clause.condition === undefined ? '=' : clause.condition;
    if (!OPERATORS.has(condition)) throw new NodeOperationError(node, `Unknown operator '${condition}' in entry ${index + 1} of 'Select Rows'`, { itemIndex });
    const column = dialect.ident(clause.column);
    if (condition === 'IS NULL' || condition === 'IS NOT NULL') return `${column} ${condition}`;
    let value = clause.value;
    if (NUMERIC_OPERATORS.includes(condition)) {
      value = Number(clause.value);
      if (Number.isNaN(value)) {
        throw new NodeOperationError(node, `Operator in entry ${index + 1} of 'Select Rows' works with numbers, but value ${String(clause.value)} is not a number`, { itemIndex });
      }
    }
    return `${column} ${condition} ${bound.add(value)}`;
  });
  return ` WHERE ${parts.join(combine === 'OR' ? ' OR ' : ' AND ')}`;
}

export function orderBySql(dialect: SqlDialect, rules: SortRule[]): string {
  if (rules.length === 0) return '';
  return ` ORDER BY ${rules.map((rule) => `${dialect.ident(rule.column)} ${rule.direction === 'DESC' ? 'DESC' : 'ASC'}`).join(', ')}`;
}

/** `RETURNING *` or the chosen output columns (dialects without RETURNING get nothing). */
export function returningSql(dialect: SqlDialect, outputColumns: string[]): string {
  if (!dialect.returning) return '';
  if (outputColumns.length === 0 || outputColumns.includes('*')) return ' RETURNING *';
  return ` RETURNING ${outputColumns.map((c) => dialect.ident(c)).join(', ')}`;
}

/** The columns an insert/update writes for one item, from n8n's versioned mapping parameters. */
export interface ColumnMapping {
  /** 'autoMapInputData' (the item's fields) or 'defineBelow' (values set on the node). */
  mode: string;
  /** The values set on the node (defineBelow). */
  values: JsonObject;
  /** The columns identifying the row (update/upsert). */
  matchingColumns: string[];
}

/** n8n's "Replace Empty Strings with NULL". */
export function emptyStringsToNull(row: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? null : v]));
}

/** The row to write: the item's json, or the values defined on the node. */
export function rowFor(mapping: ColumnMapping, itemJson: JsonObject): JsonObject {
  return { ...(mapping.mode === 'autoMapInputData' ? itemJson : mapping.values) };
}

/** Fails like n8n when the row names a column the table does not have (columns known) or nulls a NOT NULL one. */
export function checkRowAgainstColumns(row: JsonObject, columns: Map<string, { nullable: boolean }>, node: string, itemIndex: number): void {
  if (columns.size === 0) return;
  for (const [key, value] of Object.entries(row)) {
    const column = columns.get(key);
    if (!column) throw new NodeOperationError(node, `Column '${key}' does not exist in selected table`, { itemIndex });
    if (value === null && !column.nullable) throw new NodeOperationError(node, `Column '${key}' is not nullable`, { itemIndex });
  }
}

export function insertSql(dialect: SqlDialect, target: string, row: JsonObject, bound: BoundValues): string {
  const keys = Object.keys(row);
  if (keys.length === 0) return `INSERT INTO ${target} DEFAULT VALUES`;
  return `INSERT INTO ${target} (${keys.map((k) => dialect.ident(k)).join(', ')}) VALUES (${keys.map((k) => bound.add(row[k])).join(', ')})`;
}

export function updateSql(dialect: SqlDialect, target: string, row: JsonObject, match: string[], bound: BoundValues, node: string, itemIndex: number): string {
  const updates = Object.keys(row).filter((k) => !match.includes(k));
  if (updates.length === 0) {
    throw new NodeOperationError(node, "Add values to update to the input item or set the 'Data Mode' to 'Define Below' to define the values to update.", { itemIndex });
  }
  const set = updates.map((k) => `${dialect.ident(k)} = ${bound.add(row[k])}`).join(', ');
  const where = match.map((k) => `${dialect.ident(k)} = ${bound.add(row[k])}`).join(' AND ');
  return `UPDATE ${target} SET ${set} WHERE ${where}`;
}

/** Whether every statement of a query reads (n8n then outputs nothing instead of `{success: true}` for no rows). */
export function isSelectQuery(text: string): boolean {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((s) => s.replace(/^\s*(--[^\n]*\n\s*)*/g, '').trim())
    .filter((s) => s && !s.startsWith('--'))
    .every((s) => /^(select|with|show|values|table|explain|describe)\b/i.test(s));
}

/** Splits comma-separated query parameters as n8n does ("a, b" → ['a', 'b']). */
export function splitReplacements(raw: string): string[] {
  return raw.split(',').filter((entry) => entry).map((entry) => entry.trim());
}

/** The `{{ … }}` parts of a text (n8n resolves them in SQL query text even without a leading '='). */
export function resolvables(text: string): string[] {
  return text.match(/\{\{[\s\S]*?\}\}/g) ?? [];
}
