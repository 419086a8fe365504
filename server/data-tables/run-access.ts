// The data tables a run's nodes see: only their workspace's, with writes made as whoever started
// the run. Each write gets its own request id, so two inserts of one run are two commands.
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/index.ts';
import type { DataTableRowFilter, DataTables, DataTableSummary } from '../../engine/index.ts';
import type { DataTableDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import type { DataTableService } from './data-table-service.ts';

const summary = (t: DataTableDoc): DataTableSummary => ({ id: t.id, name: t.name, columns: t.columns, rowCount: t.rowCount, createdAt: t.createdAt, updatedAt: t.updatedAt });

/** What a write sets: the row's own fields (id, createdAt, updatedAt) are the table's to keep. */
function writable(values: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = values;
  return rest;
}

export function dataTablesForRun(service: DataTableService, workspaceId: string, ctx: RequestContext): DataTables {
  const step = (): RequestContext => ({ ...ctx, requestId: randomUUID() });
  const own = async (tableId: string): Promise<DataTableDoc> => {
    const table = await service.get(tableId).catch(() => undefined);
    if (!table || table.workspaceId !== workspaceId) throw new NotFoundError('Data table', tableId);
    return table;
  };
  const matching = (tableId: string, filter: DataTableRowFilter) => service.queryRows(tableId, filter, { limit: 0 });

  return {
    async find(ref) {
      if (ref.by === 'name') {
        const table = await service.byName(workspaceId, ref.value.trim());
        if (!table) throw new NotFoundError('Data table', ref.value);
        return summary(table);
      }
      return summary(await own(ref.value));
    },
    async list(search) {
      return (await service.list(workspaceId, search)).map(summary);
    },
    async createTable(name, columns, reuseExisting) {
      const existing = reuseExisting ? await service.byName(workspaceId, name.trim()) : undefined;
      return summary(existing ?? (await service.create(workspaceId, { name, columns }, step())));
    },
    async renameTable(tableId, name) {
      await own(tableId);
      await service.rename(tableId, name, step());
    },
    async deleteTable(tableId) {
      await own(tableId);
      await service.delete(tableId, step());
    },
    async getRows(tableId, filter, limit) {
      await own(tableId);
      return service.queryRows(tableId, filter, { limit });
    },
    async insertRows(tableId, rows) {
      await own(tableId);
      return service.insertRows(tableId, rows.map(writable), step());
    },
    async updateRows(tableId, filter, values, dryRun) {
      await own(tableId);
      const before = await matching(tableId, filter);
      if (before.length === 0) return [];
      if (dryRun) return before.map((row) => ({ ...row, ...writable(values) }));
      return service.updateRows(tableId, before.map((row) => ({ id: row.id, values: writable(values) })), step());
    },
    async upsertRow(tableId, filter, values, dryRun) {
      await own(tableId);
      const before = await matching(tableId, filter);
      if (before.length === 0) {
        if (dryRun) return [{ ...writable(values) }];
        return service.insertRows(tableId, [writable(values)], step());
      }
      if (dryRun) return before.map((row) => ({ ...row, ...writable(values) }));
      return service.updateRows(tableId, before.map((row) => ({ id: row.id, values: writable(values) })), step());
    },
    async deleteRows(tableId, filter, dryRun) {
      await own(tableId);
      const before = await matching(tableId, filter);
      if (before.length > 0 && !dryRun) await service.deleteRows(tableId, before.map((row) => row.id), step());
      return before;
    },
  };
}
