// What the nodes that read or write Weft data tables share (Data Table, Evaluation Trigger,
// Evaluation): the run's data tables, the table picker's modes and list search, and n8n's
// row-condition fields.
import { NodeOperationError, type DataTables, type ExecuteContext, type ListSearchPage, type NodeProperty } from '../../engine/index.ts';

export function tablesOf(ctx: ExecuteContext): DataTables {
  if (!ctx.dataTables) throw new NodeOperationError(ctx.node.name, 'Data tables are not available here', { description: 'This engine was started without data tables' });
  return ctx.dataTables;
}

/** The `tableSearch` list search behind the table pickers below. */
export async function tableSearch(ctx: ExecuteContext, filter?: string): Promise<ListSearchPage> {
  const tables = await tablesOf(ctx).list(filter || undefined);
  return { results: tables.map((t) => ({ name: t.name, value: t.id })) };
}

/** A `dataTableId` resource locator's modes: from the list, by name, by id. */
export const dataTableLocatorModes = (namePlaceholder: string): NodeProperty['modes'] => [
  { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'tableSearch', searchable: true } },
  { displayName: 'By Name', name: 'name', type: 'string', placeholder: namePlaceholder },
  { displayName: 'ID', name: 'id', type: 'string' },
];

/** The fields of one row condition (n8n's `filters.conditions`): column, condition, value. */
export const dataTableConditionFields = (column: Partial<NodeProperty> = {}): NodeProperty[] => [
  { displayName: 'Column', name: 'keyName', type: 'string', default: 'id', ...column },
  {
    displayName: 'Condition', name: 'condition', type: 'options', default: 'eq',
    options: [
      { name: 'Equals', value: 'eq' }, { name: 'Not Equals', value: 'neq' }, { name: 'Like', value: 'like' }, { name: 'Like (Ignore Case)', value: 'ilike' },
      { name: 'Greater Than', value: 'gt' }, { name: 'Greater Than or Equal', value: 'gte' }, { name: 'Less Than', value: 'lt' },
      { name: 'Less Than or Equal', value: 'lte' }, { name: 'Is Empty', value: 'isEmpty' }, { name: 'Is Not Empty', value: 'isNotEmpty' },
      { name: 'Is True', value: 'isTrue' }, { name: 'Is False', value: 'isFalse' },
    ],
  },
  { displayName: 'Value', name: 'keyValue', type: 'string', default: '', displayOptions: { hide: { condition: ['isEmpty', 'isNotEmpty', 'isTrue', 'isFalse'] } } },
];
