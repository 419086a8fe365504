// Data tables: commands on the DataTable aggregate, reads from its read model, a row's history
// from the log, and the workspace-bound view a run's Data Table node gets.
import { randomUUID } from 'node:crypto';
import {
  ConflictError, DATA_TABLE_CATEGORY, dataTableDecider, NotFoundError, streamName,
  type DataTableCommand, type DataTableEvent, type DataTableRowChange, type DataTableValue,
} from '../../domain/index.ts';
import type { DataTableRowFilter } from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import { DATA_TABLE_ROWS, DATA_TABLES, type DataTableDoc, type DataTableRowDoc, type ProjectionRunner, type SortKey } from '../../projections/index.ts';
import type { RequestContext, RunCommand } from '../commands.ts';
import { columnPath, findRows } from './row-query.ts';

export interface DataTableServiceDeps {
  events: EventStore;
  run: RunCommand;
  /** The dataTables read model; writes wait for it (also in processes that only attach to it). */
  tables: ProjectionRunner;
  readYourWritesTimeoutMs: number;
}

/** A row as n8n answers it: id, values by column name, createdAt, updatedAt. */
export type RowJson = Record<string, unknown> & { id: number };

export interface RowHistoryEntry {
  type: 'inserted' | 'updated' | 'deleted';
  values?: Record<string, DataTableValue>;
  at: string;
  actor: { kind: string; id: string; name?: string };
  revision: number;
}

export type DataTableService = ReturnType<typeof createDataTableService>;

export function toRowJson(table: DataTableDoc, row: DataTableRowDoc): RowJson {
  const json: RowJson = { id: row.rowId };
  for (const column of table.columns) json[column.name] = row.values[column.id] ?? null;
  json.createdAt = row.createdAt;
  json.updatedAt = row.updatedAt;
  return json;
}

export function createDataTableService(deps: DataTableServiceDeps) {
  const tables = () => deps.tables.collection<DataTableDoc>(DATA_TABLES);
  const rows = () => deps.tables.collection<DataTableRowDoc>(DATA_TABLE_ROWS);

  async function command(id: string, cmd: DataTableCommand, ctx: RequestContext, workspaceId: string) {
    const result = await deps.run(dataTableDecider, streamName(DATA_TABLE_CATEGORY, id), cmd, ctx, { workspaceId, step: cmd.type });
    // A process that only attaches to the read model (an execution thread) waits here itself.
    if (result.position !== undefined) await deps.tables.waitFor(result.position, deps.readYourWritesTimeoutMs);
    return result;
  }

  async function get(id: string): Promise<DataTableDoc> {
    const doc = await tables().get(id);
    if (!doc) throw new NotFoundError('Data table', id);
    return doc;
  }

  async function byName(workspaceId: string, name: string): Promise<DataTableDoc | undefined> {
    return (await tables().find({ filter: { workspaceId, name }, limit: 1 })).items[0];
  }

  async function list(workspaceId: string, search?: string): Promise<DataTableDoc[]> {
    const all: DataTableDoc[] = [];
    let cursor: string | undefined;
    do {
      const page = await tables().find({ filter: { workspaceId, ...(search ? { name: { $contains: search } } : {}) }, sort: [{ field: 'name', direction: 'asc' }], limit: 1000, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  async function rowsById(table: DataTableDoc, ids: number[]): Promise<RowJson[]> {
    const out: RowJson[] = [];
    for (const id of ids) {
      const row = await rows().get(`${table.id}:${id}`);
      if (row) out.push(toRowJson(table, row));
    }
    return out;
  }

  async function insertRows(tableId: string, values: Array<Record<string, unknown>>, ctx: RequestContext): Promise<RowJson[]> {
    const table = await get(tableId);
    const result = await command(tableId, { type: 'InsertDataTableRows', rows: values }, ctx, table.workspaceId);
    const ids = (result.events as Array<{ data: { rows: DataTableRowChange[] } }>).flatMap((e) => e.data.rows.map((r) => r.id));
    return rowsById(await get(tableId), ids);
  }

  async function updateRows(tableId: string, changes: Array<{ id: number; values: Record<string, unknown> }>, ctx: RequestContext): Promise<RowJson[]> {
    const table = await get(tableId);
    await command(tableId, { type: 'UpdateDataTableRows', changes }, ctx, table.workspaceId);
    return rowsById(table, changes.map((c) => c.id));
  }

  async function deleteRows(tableId: string, ids: number[], ctx: RequestContext): Promise<void> {
    const table = await get(tableId);
    await command(tableId, { type: 'DeleteDataTableRows', ids }, ctx, table.workspaceId);
  }

  async function queryRows(tableId: string, filter: DataTableRowFilter, options: { sort?: { column: string; direction: 'asc' | 'desc' }; limit: number; offset?: number }): Promise<RowJson[]> {
    const table = await get(tableId);
    const sort: SortKey[] | undefined = options.sort ? [{ field: columnPath(table, options.sort.column).path, direction: options.sort.direction }] : undefined;
    const found = await findRows(rows(), table, filter, { limit: options.limit, offset: options.offset, ...(sort ? { sort } : {}) });
    return found.map((row) => toRowJson(table, row));
  }

  return {
    get,
    list,
    byName,
    async create(workspaceId: string, body: { name: string; columns: Array<{ name: string; type: string }> }, ctx: RequestContext): Promise<DataTableDoc> {
      if (await byName(workspaceId, body.name.trim())) throw new ConflictError(`A data table named '${body.name.trim()}' already exists in this workspace`);
      const id = randomUUID();
      await command(id, { type: 'CreateDataTable', workspaceId, name: body.name, columns: body.columns }, ctx, workspaceId);
      return get(id);
    },
    async rename(id: string, name: string, ctx: RequestContext): Promise<DataTableDoc> {
      const table = await get(id);
      const other = await byName(table.workspaceId, name.trim());
      if (other && other.id !== id) throw new ConflictError(`A data table named '${name.trim()}' already exists in this workspace`);
      await command(id, { type: 'RenameDataTable', name }, ctx, table.workspaceId);
      return get(id);
    },
    async delete(id: string, ctx: RequestContext): Promise<void> {
      const table = await get(id);
      await command(id, { type: 'DeleteDataTable' }, ctx, table.workspaceId);
    },
    async addColumn(id: string, column: { name: string; type: string }, ctx: RequestContext): Promise<DataTableDoc> {
      const table = await get(id);
      await command(id, { type: 'AddDataTableColumn', name: column.name, columnType: column.type }, ctx, table.workspaceId);
      return get(id);
    },
    async renameColumn(id: string, columnId: string, name: string, ctx: RequestContext): Promise<DataTableDoc> {
      const table = await get(id);
      await command(id, { type: 'RenameDataTableColumn', columnId, name }, ctx, table.workspaceId);
      return get(id);
    },
    async removeColumn(id: string, columnId: string, ctx: RequestContext): Promise<DataTableDoc> {
      const table = await get(id);
      await command(id, { type: 'RemoveDataTableColumn', columnId }, ctx, table.workspaceId);
      return get(id);
    },
    insertRows,
    updateRows,
    deleteRows,
    queryRows,
    async getRow(tableId: string, rowId: number): Promise<RowJson> {
      const table = await get(tableId);
      const [row] = await rowsById(table, [rowId]);
      if (!row) throw new NotFoundError('Row', String(rowId));
      return row;
    },
    /** Every event that touched the row, oldest first, with who and when (also after it was deleted). */
    async rowHistory(tableId: string, rowId: number): Promise<RowHistoryEntry[]> {
      await get(tableId);
      const history: RowHistoryEntry[] = [];
      for (const event of await deps.events.readStream(streamName(DATA_TABLE_CATEGORY, tableId))) {
        const e = event as unknown as DataTableEvent;
        const base = { at: event.metadata.at, actor: event.metadata.actor, revision: event.revision };
        if (e.type === 'DataTableRowsInserted') {
          const row = e.data.rows.find((r) => r.id === rowId);
          if (row) history.push({ type: 'inserted', values: row.values, ...base });
        } else if (e.type === 'DataTableRowsUpdated') {
          const change = e.data.changes.find((c) => c.id === rowId);
          if (change) history.push({ type: 'updated', values: change.values, ...base });
        } else if (e.type === 'DataTableRowsDeleted' && e.data.ids.includes(rowId)) {
          history.push({ type: 'deleted', ...base });
        }
      }
      if (history.length === 0) throw new NotFoundError('Row', String(rowId));
      return history;
    },
  };
}
