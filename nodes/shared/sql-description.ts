// Parameters the n8n SQL nodes (Postgres v2, MySQL v2) share, with n8n's names, defaults and option
// values: operations, table locator, "Select Rows", "Sort", and the versioned column mapping.
import type { NodeProperty } from '../../engine/index.ts';

type Show = Record<string, unknown[]>;
const only = (show: Show, extra?: { hide?: Show }) => ({ displayOptions: { show, ...(extra ?? {}) } });

export const SQL_OPERATIONS = ['deleteTable', 'executeQuery', 'insert', 'upsert', 'select', 'update'];

export const operationProperty: NodeProperty = {
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'insert',
  options: [
    { name: 'Delete', value: 'deleteTable', description: 'Delete an entire table or rows in a table' },
    { name: 'Execute Query', value: 'executeQuery', description: 'Execute an SQL query' },
    { name: 'Insert', value: 'insert', description: 'Insert rows in a table' },
    { name: 'Insert or Update', value: 'upsert', description: 'Insert or update rows in a table' },
    { name: 'Select', value: 'select', description: 'Select rows from a table' },
    { name: 'Update', value: 'update', description: 'Update rows in a table' },
  ],
  displayOptions: { show: { resource: ['database'] } },
};

export const resourceProperty: NodeProperty = {
  displayName: 'Resource', name: 'resource', type: 'hidden', noDataExpression: true, default: 'database',
  options: [{ name: 'Database', value: 'database' }],
};

export function locatorProperty(name: string, displayName: string, value: string, searchListMethod: string): NodeProperty {
  return {
    displayName, name, type: 'resourceLocator', required: true, default: { __rl: true, mode: 'list', value },
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod } },
      { displayName: 'By Name', name: 'name', type: 'string' },
    ],
    displayOptions: { hide: { operation: ['executeQuery'] } },
  };
}

export function queryProperty(sqlDialect: string): NodeProperty {
  return {
    displayName: 'Query', name: 'query', type: 'string', default: '', required: true, noDataExpression: true,
    placeholder: 'e.g. SELECT id, name FROM product WHERE quantity > $1 AND price <= $2',
    description: "The SQL query to execute. You can use n8n expressions and $1, $2, $3, etc to refer to the 'Query Parameters' set in options below.",
    typeOptions: { editor: 'sqlEditor', rows: 5, sqlDialect },
    ...only({ operation: ['executeQuery'] }),
  };
}

const whereValues: NodeProperty[] = [
  { displayName: 'Column', name: 'column', type: 'options', default: '', placeholder: 'e.g. ID', typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['schema.value', 'table.value'] } },
  {
    displayName: 'Operator', name: 'condition', type: 'options', default: 'equal',
    options: [
      { name: 'Equal', value: 'equal' }, { name: 'Not Equal', value: '!=' }, { name: 'Like', value: 'LIKE' },
      { name: 'Greater Than', value: '>' }, { name: 'Less Than', value: '<' }, { name: 'Greater Than Or Equal', value: '>=' },
      { name: 'Less Than Or Equal', value: '<=' }, { name: 'Is Null', value: 'IS NULL' },
    ],
  },
  { displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 1234', displayOptions: { hide: { condition: ['IS NULL'] } } },
];

export function whereProperty(show: Show, hide?: Show): NodeProperty {
  return {
    displayName: 'Select Rows', name: 'where', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Condition',
    default: {}, description: 'If not set, all rows will be selected',
    options: [{ displayName: 'Values', name: 'values', values: whereValues }],
    ...only(show, hide ? { hide } : undefined),
  };
}

export function combineConditionsProperty(show: Show, hide?: Show): NodeProperty {
  return {
    displayName: 'Combine Conditions', name: 'combineConditions', type: 'options', default: 'AND',
    options: [
      { name: 'AND', value: 'AND', description: 'Only rows that meet all the conditions are selected' },
      { name: 'OR', value: 'OR', description: 'Rows that meet at least one condition are selected' },
    ],
    ...only(show, hide ? { hide } : undefined),
  };
}

export const sortProperty: NodeProperty = {
  displayName: 'Sort', name: 'sort', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Sort Rule', default: {},
  options: [{
    displayName: 'Values', name: 'values', values: [
      { displayName: 'Column', name: 'column', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['schema.value', 'table.value'] } },
      { displayName: 'Direction', name: 'direction', type: 'options', default: 'ASC', options: [{ name: 'ASC', value: 'ASC' }, { name: 'DESC', value: 'DESC' }] },
    ],
  }],
  ...only({ operation: ['select'] }),
};

export const selectLimitProperties: NodeProperty[] = [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', ...only({ operation: ['select'] }) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return', ...only({ operation: ['select'], returnAll: [false] }) },
];

export const deleteCommandProperties: NodeProperty[] = [
  {
    displayName: 'Command', name: 'deleteCommand', type: 'options', default: 'truncate',
    options: [
      { name: 'Truncate', value: 'truncate', description: "Only removes the table's data and preserves the table's structure" },
      { name: 'Delete', value: 'delete', description: "Delete the rows that match the 'Select Rows' conditions below. If no selection is made, all rows in the table are deleted." },
      { name: 'Drop', value: 'drop', description: "Deletes the table's data and also the table's structure permanently" },
    ],
    ...only({ operation: ['deleteTable'] }),
  },
];

const WRITES = ['insert', 'update', 'upsert'];
const MATCHING = ['update', 'upsert'];
const BEFORE_MAPPER = [2, 2.1];

/** Data mode, column to match on and values to send (v2, 2.1), then the resource mapper `columns` (2.2+). */
export const columnMappingProperties: NodeProperty[] = [
  {
    displayName: 'Data Mode', name: 'dataMode', type: 'options', default: 'autoMapInputData',
    options: [
      { name: 'Auto-Map Input Data to Columns', value: 'autoMapInputData', description: 'Use when node input properties names exactly match the table column names' },
      { name: 'Map Each Column Manually', value: 'defineBelow', description: 'Set the value for each destination column manually' },
    ],
    ...only({ operation: WRITES, '@version': BEFORE_MAPPER }),
  },
  {
    displayName: 'Column to Match On', name: 'columnToMatchOn', type: 'options', default: '', required: true,
    typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['schema.value', 'table.value'] },
    description: 'The column to compare when finding the rows to update', ...only({ operation: MATCHING, '@version': BEFORE_MAPPER }),
  },
  {
    displayName: 'Value of Column to Match On', name: 'valueToMatchOn', type: 'string', default: '',
    description: 'Rows with a value in the specified "Column to Match On" that corresponds to the value in this field will be updated',
    ...only({ operation: MATCHING, dataMode: ['defineBelow'], '@version': BEFORE_MAPPER }),
  },
  {
    displayName: 'Values to Send', name: 'valuesToSend', type: 'fixedCollection', placeholder: 'Add Value', default: {},
    typeOptions: { multipleValueButtonText: 'Add Value', multipleValues: true },
    options: [{
      displayName: 'Values', name: 'values', values: [
        { displayName: 'Column', name: 'column', type: 'options', default: [], typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['schema.value', 'table.value'] } },
        { displayName: 'Value', name: 'value', type: 'string', default: '' },
      ],
    }],
    ...only({ operation: WRITES, dataMode: ['defineBelow'], '@version': BEFORE_MAPPER }),
  },
  {
    displayName: 'Columns', name: 'columns', type: 'resourceMapper', noDataExpression: true, required: true,
    default: { mappingMode: 'defineBelow', value: null },
    typeOptions: {
      loadOptionsDependsOn: ['table.value', 'operation'],
      resourceMapper: { resourceMapperMethod: 'getMappingColumns', mode: 'add', fieldWords: { singular: 'column', plural: 'columns' }, addAllFields: true, multiKeyMatch: true },
    },
    ...only({ operation: WRITES, '@version': [{ _cnd: { gte: 2.2 } }] }),
  },
];
