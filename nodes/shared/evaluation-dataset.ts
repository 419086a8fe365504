// The rows an Evaluation Trigger feeds through its workflow, read from a Weft data table with the
// trigger's own parameters (n8n's dataTableId, limitRows/maxRows, filterRows/filters/matchType).
// Used by the node in editor runs and by the server's evaluation runs, so both see the same rows.
import type { DataTableConditionKind, DataTableRow, DataTableRowFilter, DataTables } from '../../engine/index.ts';
import { locatorValue } from './sql-build.ts';

/** n8n's default for Max Rows to Process. */
export const DEFAULT_MAX_ROWS = 10;

export interface DatasetParameters {
  source?: unknown;
  dataTableId?: unknown;
  limitRows?: unknown;
  maxRows?: unknown;
  filterRows?: unknown;
  filters?: unknown;
  matchType?: unknown;
}

/** Why a dataset cannot be read, in words for the node's error or the API's 400. */
export class DatasetError extends Error {}

function conditionsOf(filters: unknown): DataTableRowFilter['conditions'] {
  const raw = filters && typeof filters === 'object' ? (filters as Record<string, unknown>).conditions : undefined;
  const entries = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return entries.map((e) => {
    const entry = e as Record<string, unknown>;
    // n8n writes a column as `name` or `name (type)`.
    const column = String(entry.keyName ?? '').replace(/ \((string|number|boolean|date)\)$/, '');
    return { column, condition: String(entry.condition ?? 'eq') as DataTableConditionKind, value: entry.keyValue };
  });
}

export async function readDataset(tables: DataTables, parameters: DatasetParameters): Promise<DataTableRow[]> {
  const source = parameters.source ?? 'dataTable';
  if (source !== 'dataTable') throw new DatasetError(`The dataset source '${String(source)}' is not supported: use a data table`);
  const ref = parameters.dataTableId;
  const value = locatorValue(ref).trim();
  if (!value) throw new DatasetError('Choose the data table that holds the dataset');
  const by = ref && typeof ref === 'object' && (ref as Record<string, unknown>).mode === 'name' ? 'name' : 'id';
  const table = await tables.find({ by, value }).catch(() => {
    throw new DatasetError(`No data table ${by === 'name' ? 'named' : 'with id'} '${value}' in this workspace`);
  });
  const filter: DataTableRowFilter = {
    conditions: parameters.filterRows === true ? conditionsOf(parameters.filters) : [],
    matchType: parameters.matchType === 'allConditions' ? 'allConditions' : 'anyCondition',
  };
  const limit = parameters.limitRows === true ? Math.max(1, Math.floor(Number(parameters.maxRows ?? DEFAULT_MAX_ROWS)) || DEFAULT_MAX_ROWS) : 0;
  return tables.getRows(table.id, filter, limit);
}
