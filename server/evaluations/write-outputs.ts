// n8n's Set Outputs with a data table as source: an evaluated row's outputs are written back to the
// dataset row (by its id) in the node's data table, into the columns the table has.
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { DataTables } from '../../engine/index.ts';
import { EVALUATION_NODE_TYPE } from '../../nodes/index.ts';

/** Set Outputs' default source: a data table from 4.8 on, Google Sheets before (not written here). */
const sourceOf = (parameters: Record<string, unknown>, typeVersion: number) => parameters.source ?? (typeVersion >= 4.8 ? 'dataTable' : 'googleSheets');

function tableRef(value: unknown): { by: 'id' | 'name'; value: string } | undefined {
  const ref = value && typeof value === 'object' ? (value as { mode?: unknown; value?: unknown }) : { value };
  const name = String(ref.value ?? '').trim();
  return name ? { by: ref.mode === 'name' ? 'name' : 'id', value: name } : undefined;
}

/** Outputs without a column of that name stay on the evaluation run only. */
export async function writeOutputs(tables: DataTables, definition: WorkflowDefinition, rowId: number, outputs: Record<string, unknown>): Promise<void> {
  for (const node of definition.nodes) {
    const parameters = (node.parameters ?? {}) as Record<string, unknown>;
    if (node.type !== EVALUATION_NODE_TYPE || node.disabled || parameters.operation !== 'setOutputs') continue;
    const ref = sourceOf(parameters, node.typeVersion) === 'dataTable' ? tableRef(parameters.dataTableId) : undefined;
    if (!ref) continue;
    const table = await tables.find(ref);
    const columns = new Set(table.columns.map((c) => c.name));
    const values = Object.fromEntries(Object.entries(outputs).filter(([name]) => columns.has(name)));
    if (Object.keys(values).length > 0) await tables.updateRows(table.id, { conditions: [{ column: 'id', condition: 'eq', value: rowId }], matchType: 'allConditions' }, values);
  }
}
