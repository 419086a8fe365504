// The DataTable decider: given events, when a command, then events (or a refusal).
import { describe, expect, it } from 'vitest';
import { DATA_TABLE_BATCH_BYTES, dataTableDecider, fold, type DataTableEvent } from './index.ts';

const created: DataTableEvent = {
  type: 'DataTableCreated',
  data: { workspaceId: 'w', name: 'T', columns: [{ id: 'c1', name: 'name', type: 'string' }, { id: 'c2', name: 'n', type: 'number' }, { id: 'c3', name: 'at', type: 'date' }] },
};
const given = (...events: DataTableEvent[]) => fold(dataTableDecider, events);

describe('dataTableDecider', () => {
  it('numbers rows on from the last one and stores values as their column types', () => {
    const state = given(created, { type: 'DataTableRowsInserted', data: { rows: [{ id: 1, values: {} }, { id: 2, values: {} }] } });
    const events = dataTableDecider.decide({ type: 'InsertDataTableRows', rows: [{ name: 7, n: '3.5', at: '2026-01-01' }] }, state);
    expect(events).toEqual([{ type: 'DataTableRowsInserted', data: { rows: [{ id: 3, values: { name: '7', n: 3.5, at: '2026-01-01T00:00:00.000Z' } }] } }]);
  });

  it('refuses unknown columns, wrong types, reserved names and unknown rows', () => {
    const state = given(created);
    expect(() => dataTableDecider.decide({ type: 'InsertDataTableRows', rows: [{ other: 1 }] }, state)).toThrow(/no column 'other'/);
    expect(() => dataTableDecider.decide({ type: 'InsertDataTableRows', rows: [{ n: 'x' }] }, state)).toThrow(/holds number values/);
    expect(() => dataTableDecider.decide({ type: 'AddDataTableColumn', name: 'createdAt', columnType: 'date' }, state)).toThrow(/system column/);
    expect(() => dataTableDecider.decide({ type: 'UpdateDataTableRows', changes: [{ id: 5, values: { n: 1 } }] }, state)).toThrow(/Row/);
    expect(() => dataTableDecider.decide({ type: 'RenameDataTable', name: 'x' }, given(created, { type: 'DataTableDeleted', data: {} }))).toThrow(/Data table/);
  });

  it('splits a large insert into events under the batch size', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `row ${i} ${'x'.repeat(100)}`, n: i }));
    const events = dataTableDecider.decide({ type: 'InsertDataTableRows', rows }, given(created));
    expect(events.length).toBeGreaterThan(2);
    for (const e of events) expect(JSON.stringify(e.data).length).toBeLessThan(DATA_TABLE_BATCH_BYTES + 1024);
    const ids = events.flatMap((e) => (e.type === 'DataTableRowsInserted' ? e.data.rows.map((r) => r.id) : []));
    expect(ids).toEqual(rows.map((_, i) => i + 1));
  });

  it('keeps column ids across renames and never reuses one', () => {
    const state = given(created, { type: 'DataTableColumnRemoved', data: { columnId: 'c3', name: 'at' } });
    expect(dataTableDecider.decide({ type: 'AddDataTableColumn', name: 'at', columnType: 'date' }, state)).toEqual([{ type: 'DataTableColumnAdded', data: { column: { id: 'c4', name: 'at', type: 'date' } } }]);
    expect(dataTableDecider.decide({ type: 'RenameDataTableColumn', columnId: 'c1', name: 'title' }, state)).toEqual([{ type: 'DataTableColumnRenamed', data: { columnId: 'c1', from: 'name', name: 'title' } }]);
  });
});
