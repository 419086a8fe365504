// Read model of data tables: each table with its columns and row count, and each row with its
// values keyed by column id (so renaming a column touches one document, not every row).
import {
  DATA_TABLE_CATEGORY, streamCategory, streamId,
  type DataTableColumn, type DataTableEvent, type DataTableValue, type DataTableValues, type RecordedEvent,
} from '../domain/index.ts';
import type { Projection } from './projection.ts';
import type { Collection } from './read-model-store.ts';

export const DATA_TABLES = 'tables';
export const DATA_TABLE_ROWS = 'rows';

export interface DataTableDoc {
  [k: string]: unknown;
  id: string;
  workspaceId: string;
  name: string;
  columns: DataTableColumn[];
  rowCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DataTableRowDoc {
  [k: string]: unknown;
  /** `<tableId>:<rowId>`. */
  id: string;
  tableId: string;
  rowId: number;
  /** By column id. */
  values: Record<string, DataTableValue>;
  createdAt: string;
  updatedAt: string;
}

export const dataTableRowKey = (tableId: string, rowId: number) => `${tableId}:${rowId}`;

/** Values keyed by column name (as events carry them) → keyed by column id. */
function byColumnId(columns: DataTableColumn[], values: DataTableValues): Record<string, DataTableValue> {
  const ids = new Map(columns.map((c) => [c.name, c.id]));
  const out: Record<string, DataTableValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const id = ids.get(name);
    if (id) out[id] = value;
  }
  return out;
}

async function dropRows(rows: Collection<DataTableRowDoc>, tableId: string): Promise<void> {
  for (;;) {
    const page = await rows.find({ filter: { tableId }, limit: 1000 });
    if (page.items.length === 0) return;
    for (const row of page.items) await rows.delete(row.id);
  }
}

export const dataTablesProjection: Projection = {
  name: 'dataTables',
  version: 1,
  collections: [
    { name: DATA_TABLES, indexes: [{ fields: ['workspaceId', 'name'] }] },
    { name: DATA_TABLE_ROWS, indexes: [{ fields: ['tableId', 'rowId'] }] },
  ],
  accepts: (event) => streamCategory(event.stream) === DATA_TABLE_CATEGORY,
  async apply(event: RecordedEvent, tx) {
    const tables = tx.collection<DataTableDoc>(DATA_TABLES);
    const rows = tx.collection<DataTableRowDoc>(DATA_TABLE_ROWS);
    const tableId = streamId(event.stream);
    const e = event as RecordedEvent & DataTableEvent;
    const at = event.metadata.at;
    if (e.type === 'DataTableCreated') {
      await tables.upsert({ id: tableId, workspaceId: e.data.workspaceId, name: e.data.name, columns: e.data.columns, rowCount: 0, createdAt: at, updatedAt: at });
      return;
    }
    const table = await tables.get(tableId);
    if (!table) return;
    switch (e.type) {
      case 'DataTableRenamed':
        await tables.patch(tableId, { name: e.data.name, updatedAt: at });
        return;
      case 'DataTableDeleted':
        await dropRows(rows, tableId);
        await tables.delete(tableId);
        return;
      case 'DataTableColumnAdded':
        await tables.patch(tableId, { columns: [...table.columns, e.data.column], updatedAt: at });
        return;
      case 'DataTableColumnRemoved':
        // Rows keep the removed column's values under its id; no later column reuses an id.
        await tables.patch(tableId, { columns: table.columns.filter((c) => c.id !== e.data.columnId), updatedAt: at });
        return;
      case 'DataTableColumnRenamed':
        await tables.patch(tableId, { columns: table.columns.map((c) => (c.id === e.data.columnId ? { ...c, name: e.data.name } : c)), updatedAt: at });
        return;
      case 'DataTableRowsInserted':
        for (const row of e.data.rows) {
          await rows.upsert({ id: dataTableRowKey(tableId, row.id), tableId, rowId: row.id, values: byColumnId(table.columns, row.values), createdAt: at, updatedAt: at });
        }
        await tables.patch(tableId, { rowCount: table.rowCount + e.data.rows.length, updatedAt: at });
        return;
      case 'DataTableRowsUpdated':
        for (const change of e.data.changes) {
          const key = dataTableRowKey(tableId, change.id);
          const doc = await rows.get(key);
          if (doc) await rows.patch(key, { values: { ...doc.values, ...byColumnId(table.columns, change.values) }, updatedAt: at });
        }
        await tables.patch(tableId, { updatedAt: at });
        return;
      case 'DataTableRowsDeleted': {
        let deleted = 0;
        for (const id of e.data.ids) if (await rows.delete(dataTableRowKey(tableId, id))) deleted++;
        await tables.patch(tableId, { rowCount: Math.max(0, table.rowCount - deleted), updatedAt: at });
        return;
      }
      default:
    }
  },
};
