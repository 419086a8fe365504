// What a node may do with its workspace's data tables (the Data Table node): the engine passes the
// server's implementation through, so nodes never reach storage themselves.

/** A row or a set of values, as JSON. */
export type DataTableRow = Record<string, unknown>;

export type DataTableColumnKind = 'string' | 'number' | 'boolean' | 'date';

export interface DataTableSummary {
  id: string;
  name: string;
  columns: Array<{ id: string; name: string; type: DataTableColumnKind }>;
  rowCount?: number;
  createdAt?: string;
  updatedAt?: string;
}

/** n8n's row conditions; a column is named as in the table (or id, createdAt, updatedAt). */
export type DataTableConditionKind = 'eq' | 'neq' | 'like' | 'ilike' | 'gt' | 'gte' | 'lt' | 'lte' | 'isEmpty' | 'isNotEmpty' | 'isTrue' | 'isFalse';

export interface DataTableCondition {
  column: string;
  condition: DataTableConditionKind;
  value?: unknown;
}

export interface DataTableRowFilter {
  conditions: DataTableCondition[];
  /** n8n's matchType: any condition (OR) or all of them (AND). */
  matchType: 'anyCondition' | 'allConditions';
}

/**
 * The workspace's data tables for one run. Rows come back as n8n returns them: `{id, ...values,
 * createdAt, updatedAt}`. Writes are attributed to whoever started the run.
 */
export interface DataTables {
  /** A table by id or by name; fails naming what was asked for when there is none. */
  find(ref: { by: 'id' | 'name'; value: string }): Promise<DataTableSummary>;
  list(search?: string): Promise<DataTableSummary[]>;
  /** Creates a table; with `reuseExisting`, answers the table of that name when there is one. */
  createTable(name: string, columns: Array<{ name: string; type: string }>, reuseExisting: boolean): Promise<DataTableSummary>;
  renameTable(tableId: string, name: string): Promise<void>;
  deleteTable(tableId: string): Promise<void>;
  /** Matching rows by id; `limit` 0 means all. */
  getRows(tableId: string, filter: DataTableRowFilter, limit: number): Promise<DataTableRow[]>;
  insertRows(tableId: string, rows: DataTableRow[]): Promise<DataTableRow[]>;
  /** Sets `values` on every matching row; answers the rows after the change. */
  updateRows(tableId: string, filter: DataTableRowFilter, values: DataTableRow, dryRun?: boolean): Promise<DataTableRow[]>;
  /** Updates the matching rows, or inserts `values` as a new row when none matches. */
  upsertRow(tableId: string, filter: DataTableRowFilter, values: DataTableRow, dryRun?: boolean): Promise<DataTableRow[]>;
  /** Deletes the matching rows; answers them as they were. */
  deleteRows(tableId: string, filter: DataTableRowFilter, dryRun?: boolean): Promise<DataTableRow[]>;
}
