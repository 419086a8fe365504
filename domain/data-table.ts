// The data table aggregate (stream `datatable-<id>`): its name and typed columns, and every row
// change as an event, so a row's history and who made each change stay in the log. Row ids are
// numbers counted by the table (as n8n's), so deciding stays pure.
import { ConflictError, NotFoundError, ValidationError } from './errors.ts';
import type { Decider } from './decider.ts';
import { checkColumnName, checkColumnType, coerceRowValues, type DataTableColumn, type DataTableColumnType, type DataTableValues } from './data-table-values.ts';

export const DATA_TABLE_CATEGORY = 'datatable';

/** Rows per row event, and bytes of row JSON per event: far below the event store's 1 MiB cap. */
export const DATA_TABLE_BATCH_ROWS = 2000;
export const DATA_TABLE_BATCH_BYTES = 256 * 1024;
/** Rows one command may write (a REST call, one node run's batch). */
export const DATA_TABLE_MAX_ROWS_PER_COMMAND = 50_000;

export interface DataTableRowChange { id: number; values: DataTableValues }

export type DataTableCommand =
  | { type: 'CreateDataTable'; workspaceId: string; name: string; columns: Array<{ name: string; type: string }> }
  | { type: 'RenameDataTable'; name: string }
  | { type: 'DeleteDataTable' }
  | { type: 'AddDataTableColumn'; name: string; columnType: string }
  | { type: 'RemoveDataTableColumn'; columnId: string }
  | { type: 'RenameDataTableColumn'; columnId: string; name: string }
  | { type: 'InsertDataTableRows'; rows: Array<Record<string, unknown>> }
  | { type: 'UpdateDataTableRows'; changes: Array<{ id: number; values: Record<string, unknown> }> }
  | { type: 'DeleteDataTableRows'; ids: number[] };

export type DataTableEvent =
  | { type: 'DataTableCreated'; data: { workspaceId: string; name: string; columns: DataTableColumn[] } }
  | { type: 'DataTableRenamed'; data: { name: string } }
  | { type: 'DataTableDeleted'; data: Record<string, never> }
  | { type: 'DataTableColumnAdded'; data: { column: DataTableColumn } }
  | { type: 'DataTableColumnRemoved'; data: { columnId: string; name: string } }
  | { type: 'DataTableColumnRenamed'; data: { columnId: string; from: string; name: string } }
  | { type: 'DataTableRowsInserted'; data: { rows: DataTableRowChange[] } }
  | { type: 'DataTableRowsUpdated'; data: { changes: DataTableRowChange[] } }
  | { type: 'DataTableRowsDeleted'; data: { ids: number[] } };

export interface DataTableState {
  exists: boolean;
  deleted: boolean;
  workspaceId?: string;
  name?: string;
  columns: DataTableColumn[];
  nextColumn: number;
  nextRowId: number;
  rowIds: Set<number>;
}

function requireLive(state: DataTableState): void {
  if (!state.exists || state.deleted) throw new NotFoundError('Data table', 'this');
}

export function checkDataTableName(name: string): string {
  const clean = typeof name === 'string' ? name.trim() : '';
  if (!clean || clean.length > 128) throw new ValidationError('A table name has 1 to 128 characters', [{ path: 'name', message: 'invalid length' }]);
  return clean;
}

function newColumn(state: Pick<DataTableState, 'columns'>, number: number, name: string, type: string, path: string): DataTableColumn {
  const clean = checkColumnName(name, `${path}.name`);
  if (state.columns.some((c) => c.name === clean)) throw new ConflictError(`The table already has a column '${clean}'`);
  return { id: `c${number}`, name: clean, type: checkColumnType(type, `${path}.type`) };
}

function columnOf(state: DataTableState, columnId: string): DataTableColumn {
  const column = state.columns.find((c) => c.id === columnId);
  if (!column) throw new NotFoundError('Column', columnId);
  return column;
}

function checkRowCount(count: number): void {
  if (count === 0) throw new ValidationError('Give at least one row', [{ path: 'rows', message: 'empty' }]);
  if (count > DATA_TABLE_MAX_ROWS_PER_COMMAND) throw new ValidationError(`At most ${DATA_TABLE_MAX_ROWS_PER_COMMAND} rows at once`, [{ path: 'rows', message: 'too many' }]);
}

function checkRowIds(state: DataTableState, ids: number[], path: string): void {
  const seen = new Set<number>();
  ids.forEach((id, i) => {
    if (!state.rowIds.has(id)) throw new NotFoundError('Row', String(id));
    if (seen.has(id)) throw new ValidationError(`Row ${id} is named twice`, [{ path: `${path}[${i}]`, message: 'duplicate' }]);
    seen.add(id);
  });
}

/** Splits row changes into events of at most DATA_TABLE_BATCH_ROWS rows and about DATA_TABLE_BATCH_BYTES. */
export function batchRows<T>(rows: T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (current.length > 0 && (current.length >= DATA_TABLE_BATCH_ROWS || bytes + size > DATA_TABLE_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export const dataTableDecider: Decider<DataTableCommand, DataTableEvent, DataTableState> = {
  initialState: () => ({ exists: false, deleted: false, columns: [], nextColumn: 1, nextRowId: 1, rowIds: new Set() }),
  decide(command, state) {
    if (command.type === 'CreateDataTable') {
      if (state.exists) throw new ConflictError('The data table already exists');
      const columns: DataTableColumn[] = [];
      command.columns.forEach((c, i) => columns.push(newColumn({ columns }, i + 1, c.name, c.type, `columns[${i}]`)));
      return [{ type: 'DataTableCreated', data: { workspaceId: command.workspaceId, name: checkDataTableName(command.name), columns } }];
    }
    requireLive(state);
    switch (command.type) {
      case 'RenameDataTable': {
        const name = checkDataTableName(command.name);
        return name === state.name ? [] : [{ type: 'DataTableRenamed', data: { name } }];
      }
      case 'DeleteDataTable':
        return [{ type: 'DataTableDeleted', data: {} }];
      case 'AddDataTableColumn':
        return [{ type: 'DataTableColumnAdded', data: { column: newColumn(state, state.nextColumn, command.name, command.columnType, 'column') } }];
      case 'RemoveDataTableColumn': {
        const column = columnOf(state, command.columnId);
        return [{ type: 'DataTableColumnRemoved', data: { columnId: column.id, name: column.name } }];
      }
      case 'RenameDataTableColumn': {
        const column = columnOf(state, command.columnId);
        const name = checkColumnName(command.name);
        if (name === column.name) return [];
        if (state.columns.some((c) => c.name === name)) throw new ConflictError(`The table already has a column '${name}'`);
        return [{ type: 'DataTableColumnRenamed', data: { columnId: column.id, from: column.name, name } }];
      }
      case 'InsertDataTableRows': {
        checkRowCount(command.rows.length);
        const rows = command.rows.map((values, i) => ({ id: state.nextRowId + i, values: coerceRowValues(state.columns, values, `rows[${i}]`) }));
        return batchRows(rows).map((batch) => ({ type: 'DataTableRowsInserted' as const, data: { rows: batch } }));
      }
      case 'UpdateDataTableRows': {
        checkRowCount(command.changes.length);
        checkRowIds(state, command.changes.map((c) => c.id), 'changes');
        const changes = command.changes.map((c, i) => ({ id: c.id, values: coerceRowValues(state.columns, c.values, `changes[${i}].values`) }));
        return batchRows(changes).map((batch) => ({ type: 'DataTableRowsUpdated' as const, data: { changes: batch } }));
      }
      case 'DeleteDataTableRows': {
        checkRowCount(command.ids.length);
        checkRowIds(state, command.ids, 'ids');
        const batches: number[][] = [];
        for (let i = 0; i < command.ids.length; i += DATA_TABLE_BATCH_ROWS * 10) batches.push(command.ids.slice(i, i + DATA_TABLE_BATCH_ROWS * 10));
        return batches.map((ids) => ({ type: 'DataTableRowsDeleted' as const, data: { ids } }));
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DataTableCreated':
        return { ...state, exists: true, workspaceId: event.data.workspaceId, name: event.data.name, columns: event.data.columns, nextColumn: event.data.columns.length + 1 };
      case 'DataTableRenamed':
        return { ...state, name: event.data.name };
      case 'DataTableDeleted':
        return { ...state, deleted: true };
      case 'DataTableColumnAdded':
        return { ...state, columns: [...state.columns, event.data.column], nextColumn: state.nextColumn + 1 };
      case 'DataTableColumnRemoved':
        return { ...state, columns: state.columns.filter((c) => c.id !== event.data.columnId) };
      case 'DataTableColumnRenamed':
        return { ...state, columns: state.columns.map((c) => (c.id === event.data.columnId ? { ...c, name: event.data.name } : c)) };
      case 'DataTableRowsInserted': {
        // Folding owns the state it builds: the set is extended in place rather than copied per batch.
        for (const row of event.data.rows) state.rowIds.add(row.id);
        const last = event.data.rows[event.data.rows.length - 1];
        return { ...state, nextRowId: Math.max(state.nextRowId, (last?.id ?? 0) + 1) };
      }
      case 'DataTableRowsDeleted':
        for (const id of event.data.ids) state.rowIds.delete(id);
        return { ...state };
      default:
        return state;
    }
  },
};

export type { DataTableColumnType };
