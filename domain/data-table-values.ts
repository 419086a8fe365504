// Data table columns and values: n8n's four column types, names as n8n allows them, and how a
// given value becomes a stored one (or why it cannot).
import { ValidationError } from './errors.ts';

export const DATA_TABLE_COLUMN_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type DataTableColumnType = (typeof DATA_TABLE_COLUMN_TYPES)[number];

export interface DataTableColumn {
  /** Stable across renames (`c1`, `c2`…); rows in the read model are keyed by it. */
  id: string;
  name: string;
  type: DataTableColumnType;
}

/** Every row has these; they cannot be declared or written (n8n's system columns). */
export const DATA_TABLE_SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt'] as const;

/** A stored value: dates are ISO-8601 strings in UTC. */
export type DataTableValue = string | number | boolean | null;
export type DataTableValues = Record<string, DataTableValue>;

const COLUMN_NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;
/** One string value at most; keeps a row far below the event size cap. */
export const DATA_TABLE_MAX_TEXT = 64 * 1024;

export function checkColumnName(name: string, path = 'name'): string {
  if (!COLUMN_NAME.test(name)) {
    throw new ValidationError(`Column name '${name}' must start with a letter and hold only letters, digits and _ (at most 63)`, [{ path, message: 'invalid column name' }]);
  }
  if ((DATA_TABLE_SYSTEM_COLUMNS as readonly string[]).includes(name)) {
    throw new ValidationError(`'${name}' is a system column of every table`, [{ path, message: 'reserved column name' }]);
  }
  return name;
}

export function checkColumnType(type: string, path = 'type'): DataTableColumnType {
  if (!(DATA_TABLE_COLUMN_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(`Column type '${type}' is not one of ${DATA_TABLE_COLUMN_TYPES.join(', ')}`, [{ path, message: 'invalid column type' }]);
  }
  return type as DataTableColumnType;
}

/** The value as stored in a column of this type, or undefined when it does not fit. */
export function coerceColumnValue(type: DataTableColumnType, value: unknown): DataTableValue | undefined {
  if (value === null || value === undefined) return null;
  // An empty field means "no value" for every type but text.
  if (value === '' && type !== 'string') return null;
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value.length <= DATA_TABLE_MAX_TEXT ? value : undefined;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1) return true;
      if (value === 'false' || value === 0) return false;
      return undefined;
    case 'date': {
      const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
      return d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
    }
  }
}

/**
 * Checks one row's values against the columns (by name) and returns them as stored. Unknown
 * columns and values of the wrong type are refused, naming the row and column.
 */
export function coerceRowValues(columns: readonly DataTableColumn[], values: Record<string, unknown>, path: string): DataTableValues {
  if (!values || typeof values !== 'object' || Array.isArray(values)) throw new ValidationError(`${path} must be an object of column values`, [{ path, message: 'not an object' }]);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: DataTableValues = {};
  for (const [name, raw] of Object.entries(values)) {
    const column = byName.get(name);
    if (!column) throw new ValidationError(`The table has no column '${name}'`, [{ path: `${path}.${name}`, message: 'unknown column' }]);
    const value = coerceColumnValue(column.type, raw);
    if (value === undefined) {
      throw new ValidationError(`Column '${name}' holds ${column.type} values; ${JSON.stringify(raw)?.slice(0, 80)} is not one`, [{ path: `${path}.${name}`, message: `not a ${column.type}` }]);
    }
    out[name] = value;
  }
  return out;
}
