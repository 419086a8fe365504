// Data Table (n8n-nodes-base.dataTable v1): rows of the workspace's data tables — insert, get,
// update, upsert, delete, and pass items on when a row does or does not exist — and the tables
// themselves (create, list, rename, delete). The tables are reached through the run's
// `dataTables`, never directly.
import {
  NodeOperationError,
  type DataTableCondition, type DataTableConditionKind, type DataTableRowFilter, type DataTableSummary,
  type ExecuteContext, type Item, type JsonObject, type NodeType,
} from '../../engine/index.ts';
import { tableSearch, tablesOf } from '../shared/data-table-fields.ts';
import { locatorValue } from '../shared/sql-build.ts';
import { collection, fixedCollectionEntries, param } from '../transform-shared/params.ts';
import { dataTableProperties } from './data-table.description.ts';

const SYSTEM_COLUMNS = new Set(['id', 'createdAt', 'updatedAt']);
const CONDITIONS = new Set<DataTableConditionKind>(['eq', 'neq', 'like', 'ilike', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty', 'isTrue', 'isFalse']);

async function tableFor(ctx: ExecuteContext, i: number, cache: Map<string, DataTableSummary>): Promise<DataTableSummary> {
  const raw = param<unknown>(ctx, 'dataTableId', i, { mode: 'list', value: '' });
  const mode = raw && typeof raw === 'object' && (raw as JsonObject).mode === 'name' ? 'name' : 'id';
  const value = locatorValue(raw).trim();
  if (!value) throw new NodeOperationError(ctx.node.name, 'Choose a data table', { itemIndex: i });
  const key = `${mode}:${value}`;
  let table = cache.get(key);
  if (!table) {
    table = await tablesOf(ctx).find({ by: mode, value }).catch((err: Error) => {
      throw new NodeOperationError(ctx.node.name, `No data table ${mode === 'name' ? 'named' : 'with id'} '${value}' in this workspace`, { itemIndex: i, description: err.message });
    });
    cache.set(key, table);
  }
  return table;
}

/** n8n writes a condition's column as `name` or, in newer versions, `name (type)`. */
function columnName(keyName: unknown): string {
  return String(keyName ?? '').replace(/ \((string|number|boolean|date)\)$/, '');
}

function rowFilter(ctx: ExecuteContext, i: number): DataTableRowFilter {
  const matchType = param(ctx, 'matchType', i, 'anyCondition');
  if (matchType !== 'anyCondition' && matchType !== 'allConditions') throw new NodeOperationError(ctx.node.name, `Unknown match type '${matchType}'`, { itemIndex: i });
  const conditions: DataTableCondition[] = fixedCollectionEntries(ctx, 'filters', 'conditions', i, { keyName: 'id', condition: 'eq', keyValue: '' }).map((entry) => {
    const condition = String(entry.condition ?? 'eq') as DataTableConditionKind;
    if (!CONDITIONS.has(condition)) throw new NodeOperationError(ctx.node.name, `Unknown condition '${condition}'`, { itemIndex: i });
    return { column: columnName(entry.keyName), condition, value: entry.keyValue };
  });
  return { conditions, matchType };
}

function requireConditions(ctx: ExecuteContext, filter: DataTableRowFilter, i: number): void {
  if (filter.conditions.length === 0) throw new NodeOperationError(ctx.node.name, 'At least one condition is required', { itemIndex: i });
}

/** The values an item writes: the mapped columns, or (auto-map) the item's fields that are columns. */
function rowValues(ctx: ExecuteContext, i: number, table: DataTableSummary, item: Item): JsonObject {
  const columns = param<JsonObject>(ctx, 'columns', i, { mappingMode: 'defineBelow', value: null });
  const names = new Set(table.columns.map((c) => c.name));
  if (columns.mappingMode === 'autoMapInputData') {
    return Object.fromEntries(Object.entries(item.json).filter(([key]) => names.has(key) && !SYSTEM_COLUMNS.has(key))) as JsonObject;
  }
  const value = (columns.value ?? {}) as JsonObject;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as JsonObject;
}

const out = (rows: JsonObject[], i: number): Item[] => rows.map((json) => ({ json, pairedItem: { item: i } }));

async function runItem(ctx: ExecuteContext, operation: string, i: number, item: Item, cache: Map<string, DataTableSummary>): Promise<Item[]> {
  const tables = tablesOf(ctx);
  const table = await tableFor(ctx, i, cache);
  const dryRun = collection(ctx, 'options', i).dryRun === true;
  switch (operation) {
    case 'insert':
      return out(await tables.insertRows(table.id, [rowValues(ctx, i, table, item)]), i);
    case 'get': {
      const returnAll = param(ctx, 'returnAll', i, false);
      const limit = returnAll ? 0 : Math.max(1, Number(param(ctx, 'limit', i, 50)));
      return out(await tables.getRows(table.id, rowFilter(ctx, i), limit), i);
    }
    case 'update': {
      const filter = rowFilter(ctx, i);
      requireConditions(ctx, filter, i);
      return out(await tables.updateRows(table.id, filter, rowValues(ctx, i, table, item), dryRun), i);
    }
    case 'upsert': {
      const filter = rowFilter(ctx, i);
      requireConditions(ctx, filter, i);
      return out(await tables.upsertRow(table.id, filter, rowValues(ctx, i, table, item), dryRun), i);
    }
    case 'deleteRows': {
      const filter = rowFilter(ctx, i);
      requireConditions(ctx, filter, i);
      return out(await tables.deleteRows(table.id, filter, dryRun), i);
    }
    case 'rowExists':
    case 'rowNotExists': {
      const found = await tables.getRows(table.id, rowFilter(ctx, i), 1);
      const pass = operation === 'rowExists' ? found.length > 0 : found.length === 0;
      return pass ? [{ json: item.json, pairedItem: { item: i } }] : [];
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation '${operation}' is not supported`, { itemIndex: i });
  }
}

/** Inserts every item's row with one write per table, so 10,000 items are a few events, not 10,000 commands. */
async function insertAll(ctx: ExecuteContext, items: Item[], cache: Map<string, DataTableSummary>): Promise<Item[]> {
  const groups = new Map<string, Array<{ i: number; values: JsonObject }>>();
  for (let i = 0; i < items.length; i++) {
    const table = await tableFor(ctx, i, cache);
    const group = groups.get(table.id) ?? [];
    group.push({ i, values: rowValues(ctx, i, table, items[i]) });
    groups.set(table.id, group);
  }
  const byItem: Item[][] = items.map(() => []);
  for (const [tableId, group] of groups) {
    const rows = await tablesOf(ctx).insertRows(tableId, group.map((g) => g.values));
    group.forEach((g, k) => byItem[g.i].push(...out([rows[k]], g.i)));
  }
  return byItem.flat();
}

const READS = new Set(['get', 'rowExists', 'rowNotExists', 'list']);

/** Table operations (resource 'table'): one output item per input item, or the list. */
async function runTableItem(ctx: ExecuteContext, operation: string, i: number, cache: Map<string, DataTableSummary>): Promise<Item[]> {
  const tables = tablesOf(ctx);
  switch (operation) {
    case 'create': {
      const name = String(param(ctx, 'tableName', i, '')).trim();
      if (!name) throw new NodeOperationError(ctx.node.name, 'Give the table a name', { itemIndex: i });
      const columns = fixedCollectionEntries(ctx, 'columns', 'column', i, { name: '', type: 'string' }).map((c) => ({ name: String(c.name), type: String(c.type) }));
      const reuse = collection(ctx, 'options', i).createIfNotExists !== false;
      return out([{ ...(await tables.createTable(name, columns, reuse)) }], i);
    }
    case 'list': {
      const options = collection(ctx, 'options', i);
      const field = ['createdAt', 'updatedAt', 'name'].includes(String(options.sortField)) ? String(options.sortField) : 'name';
      const direction = options.sortDirection === 'desc' ? -1 : 1;
      const listed = (await tables.list(options.filterName ? String(options.filterName) : undefined))
        .sort((a, b) => direction * String((a as unknown as JsonObject)[field] ?? '').localeCompare(String((b as unknown as JsonObject)[field] ?? '')));
      const limit = param(ctx, 'returnAll', i, true) ? listed.length : Math.max(1, Number(param(ctx, 'limit', i, 50)));
      return out(listed.slice(0, limit).map((t) => ({ ...t })), i);
    }
    case 'update': {
      const table = await tableFor(ctx, i, cache);
      const name = String(param(ctx, 'newName', i, '')).trim();
      await tables.renameTable(table.id, name);
      cache.clear();
      return out([{ success: true, name }], i);
    }
    case 'delete': {
      const table = await tableFor(ctx, i, cache);
      await tables.deleteTable(table.id);
      cache.clear();
      return out([{ success: true, deletedTableId: table.id }], i);
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation '${operation}' is not supported`, { itemIndex: i });
  }
}

export const dataTableNode: NodeType = {
  // Reads stay inside; writes change tables people and other workflows use, so a check of a draft
  // must not repeat them (it takes the recorded output instead).
  outsideEffects: (node) => !READS.has(String(node.parameters?.operation ?? (node.parameters?.resource === 'table' ? 'list' : 'insert'))),
  description: {
    name: 'n8n-nodes-base.dataTable',
    displayName: 'Data Table',
    icon: 'fa:table',
    group: ['transform'],
    version: [1],
    description: 'Save data across workflow executions in a table',
    defaults: { name: 'Data Table' },
    inputs: ['main'],
    outputs: ['main'],
    properties: dataTableProperties,
  },
  methods: {
    listSearch: {
      tableSearch,
    },
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const resource = param(ctx, 'resource', 0, 'row');
    const operation = param(ctx, 'operation', 0, resource === 'table' ? 'list' : 'insert');
    const cache = new Map<string, DataTableSummary>();
    if (resource === 'row' && operation === 'insert' && !ctx.continueOnFail()) return [await insertAll(ctx, items, cache)];
    const output: Item[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        output.push(...(resource === 'table' ? await runTableItem(ctx, operation, i, cache) : await runItem(ctx, operation, i, items[i], cache)));
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
      }
    }
    return [output];
  },
};
