// Finds a table's rows by n8n's conditions: what the read model can answer (equality, comparison,
// emptiness) is asked of it; LIKE patterns are checked here; "any condition" is a union of queries.
import { coerceColumnValue, ValidationError, type DataTableValue } from '../../domain/index.ts';
import type { DataTableCondition, DataTableRowFilter } from '../../engine/index.ts';
import type { Collection, FieldCondition, Filter, SortKey, DataTableDoc, DataTableRowDoc } from '../../projections/index.ts';

type RowTest = (row: DataTableRowDoc) => boolean;

/** Where a column lives in a row document, and its type. */
export function columnPath(table: DataTableDoc, name: string): { path: string; type: 'string' | 'number' | 'boolean' | 'date' } {
  if (name === 'id') return { path: 'rowId', type: 'number' };
  if (name === 'createdAt' || name === 'updatedAt') return { path: name, type: 'date' };
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new ValidationError(`The table '${table.name}' has no column '${name}'`, [{ path: 'filter.column', message: 'unknown column' }]);
  return { path: `values.${column.id}`, type: column.type };
}

function read(row: DataTableRowDoc, path: string): unknown {
  if (path.startsWith('values.')) return row.values[path.slice(7)];
  return row[path];
}

function likeTest(pattern: string, caseless: boolean): (value: unknown) => boolean {
  const source = pattern.split('').map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`, caseless ? 'is' : 's');
  return (value) => typeof value === 'string' && re.test(value);
}

const STORE_OPERATORS: Partial<Record<DataTableCondition['condition'], keyof FieldCondition>> = { eq: '$eq', neq: '$ne', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' };

/** The store filter and the in-memory tests that together select the rows matching all conditions. */
export function compileAll(table: DataTableDoc, conditions: DataTableCondition[]): { filter: Filter; tests: RowTest[] } {
  const filter: Filter = { tableId: table.id };
  const tests: RowTest[] = [];
  const add = (path: string, op: keyof FieldCondition, value: unknown, fallback: RowTest) => {
    const existing = (filter[path] ?? {}) as FieldCondition;
    if (op in existing) tests.push(fallback);
    else filter[path] = { ...existing, [op]: value };
  };
  for (const c of conditions) {
    const { path, type } = columnPath(table, c.column);
    const value = () => {
      const v = coerceColumnValue(type, c.value);
      if (v === undefined || v === null) throw new ValidationError(`Condition on '${c.column}' needs a ${type} value, not ${JSON.stringify(c.value)}`, [{ path: 'filter.value', message: `not a ${type}` }]);
      return v;
    };
    switch (c.condition) {
      case 'isEmpty':
        tests.push((row) => { const v = read(row, path); return v === null || v === undefined || v === ''; });
        break;
      case 'isNotEmpty':
        add(path, '$exists', true, (row) => read(row, path) !== null && read(row, path) !== undefined);
        if (type === 'string') tests.push((row) => read(row, path) !== '');
        break;
      case 'isTrue':
      case 'isFalse': {
        const want = c.condition === 'isTrue';
        add(path, '$eq', want, (row) => read(row, path) === want);
        break;
      }
      case 'like':
      case 'ilike': {
        const test = likeTest(String(c.value ?? ''), c.condition === 'ilike');
        tests.push((row) => test(read(row, path)));
        break;
      }
      default: {
        const op = STORE_OPERATORS[c.condition];
        if (!op) throw new ValidationError(`Unknown condition '${String(c.condition)}'`, [{ path: 'filter.condition', message: 'unknown condition' }]);
        const v = value() as DataTableValue;
        add(path, op, v, (row) => compareOp(c.condition, read(row, path), v));
      }
    }
  }
  return { filter, tests };
}

function compareOp(condition: DataTableCondition['condition'], a: unknown, b: DataTableValue): boolean {
  if (a === null || a === undefined) return false;
  switch (condition) {
    case 'eq': return a === b;
    case 'neq': return a !== b;
    case 'gt': return (a as number) > (b as number);
    case 'gte': return (a as number) >= (b as number);
    case 'lt': return (a as number) < (b as number);
    case 'lte': return (a as number) <= (b as number);
    default: return false;
  }
}

/** Every row matching all conditions, in `sort` order, stopping once `max` are found (0: all). */
async function allMatching(rows: Collection<DataTableRowDoc>, table: DataTableDoc, conditions: DataTableCondition[], sort: SortKey[], max: number): Promise<DataTableRowDoc[]> {
  const { filter, tests } = compileAll(table, conditions);
  const found: DataTableRowDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await rows.find({ filter, sort, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const row of page.items) {
      if (tests.every((t) => t(row))) found.push(row);
      if (max > 0 && found.length >= max) return found;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

function compareRows(sort: SortKey[]): (a: DataTableRowDoc, b: DataTableRowDoc) => number {
  return (a, b) => {
    for (const key of [...sort, { field: 'rowId', direction: 'asc' as const }]) {
      const x = read(a, key.field) as DataTableValue | undefined;
      const y = read(b, key.field) as DataTableValue | undefined;
      if (x === y) continue;
      const order = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
      return key.direction === 'asc' ? order : -order;
    }
    return 0;
  };
}

/**
 * The rows matching a filter (no conditions: every row), sorted (default by id), skipping `offset`
 * and answering at most `limit` (0: all).
 */
export async function findRows(
  rows: Collection<DataTableRowDoc>, table: DataTableDoc, filter: DataTableRowFilter,
  options: { sort?: SortKey[]; limit: number; offset?: number },
): Promise<DataTableRowDoc[]> {
  const sort = options.sort ?? [{ field: 'rowId', direction: 'asc' }];
  const offset = options.offset ?? 0;
  const want = options.limit > 0 ? offset + options.limit : 0;
  let matched: DataTableRowDoc[];
  if (filter.matchType === 'anyCondition' && filter.conditions.length > 1) {
    const union = new Map<number, DataTableRowDoc>();
    for (const condition of filter.conditions) {
      for (const row of await allMatching(rows, table, [condition], sort, 0)) union.set(row.rowId, row);
    }
    matched = [...union.values()].sort(compareRows(sort));
  } else {
    matched = await allMatching(rows, table, filter.conditions, sort, want);
  }
  return matched.slice(offset, want > 0 ? want : undefined);
}
