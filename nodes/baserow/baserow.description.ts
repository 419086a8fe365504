// Parameters of n8n's Baserow node (v1): database and table pickers, row operations, the
// field-by-field or auto-mapped data of create/update, and getAll's filters, sorting and search.
import type { NodeProperty } from '../../engine/index.ts';

const forOperations = (...operation: string[]) => ({ show: { operation } });
const rowId = (operation: string, description: string): NodeProperty =>
  ({ displayName: 'Row ID', name: 'rowId', type: 'string', default: '', required: true, displayOptions: forOperations(operation), description });
const fieldPicker = (displayName: string, name: string, description: string): NodeProperty =>
  ({ displayName, name, type: 'options', default: '', description, typeOptions: { loadOptionsDependsOn: ['tableId'], loadOptionsMethod: 'getTableFields' } });

const FILTER_OPERATORS: Array<[string, string, string]> = [
  ['Contains', 'contains', 'Field contains value'], ['Contains Not', 'contains_not', 'Field does not contain value'],
  ['Date After Date', 'date_after', "Field after this date. Format: 'YYYY-MM-DD'"], ['Date Before Date', 'date_before', "Field before this date. Format: 'YYYY-MM-DD'"],
  ['Date Equal', 'date_equal', "Field is date. Format: 'YYYY-MM-DD'"], ['Date Equals Month', 'date_equals_month', 'Field in this month. Format: string'],
  ['Date Equals Today', 'date_equals_today', 'Field is today. Format: string'], ['Date Equals Year', 'date_equals_year', 'Field in this year. Format: string'],
  ['Date Not Equal', 'date_not_equal', "Field is not date. Format: 'YYYY-MM-DD'"], ['Equal', 'equal', 'Field is equal to value'],
  ['Filename Contains', 'filename_contains', 'Field filename contains value'], ['Higher Than', 'higher_than', 'Field is higher than value'],
  ['Is Empty', 'empty', 'Field is empty'], ['Is Not Empty', 'not_empty', 'Field is not empty'], ['Is True', 'boolean', 'Boolean field is true'],
  ['Link Row Does Not Have', 'link_row_has_not', 'Field does not have link ID'], ['Link Row Has', 'link_row_has', 'Field has link ID'],
  ['Lower Than', 'lower_than', 'Field is lower than value'], ['Not Equal', 'not_equal', 'Field is not equal to value'],
  ['Single Select Equal', 'single_select_equal', 'Field selected option is value'], ['Single Select Not Equal', 'single_select_not_equal', 'Field selected option is not value'],
];

export const baserowProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'row', options: [{ name: 'Row', value: 'row' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: { show: { resource: ['row'] } },
    options: [
      { name: 'Create', value: 'create', description: 'Create a row' },
      { name: 'Delete', value: 'delete', description: 'Delete a row' },
      { name: 'Get', value: 'get', description: 'Retrieve a row' },
      { name: 'Get Many', value: 'getAll', description: 'Retrieve many rows' },
      { name: 'Update', value: 'update', description: 'Update a row' },
    ] },
  { displayName: 'Database Name or ID', name: 'databaseId', type: 'options', default: '', required: true, typeOptions: { loadOptionsMethod: 'getDatabaseIds' },
    description: 'Database to operate on. Choose from the list, or specify an ID using an expression.' },
  { displayName: 'Table Name or ID', name: 'tableId', type: 'options', default: '', required: true,
    typeOptions: { loadOptionsDependsOn: ['databaseId'], loadOptionsMethod: 'getTableIds' },
    description: 'Table to operate on. Choose from the list, or specify an ID using an expression.' },
  rowId('get', 'ID of the row to return'),
  rowId('update', 'ID of the row to update'),
  { displayName: 'Data to Send', name: 'dataToSend', type: 'options', default: 'defineBelow', displayOptions: forOperations('create', 'update'),
    description: 'Whether to insert the input data this node receives in the new row',
    options: [
      { name: 'Auto-Map Input Data to Columns', value: 'autoMapInputData', description: 'Use when node input properties match destination column names' },
      { name: 'Define Below for Each Column', value: 'defineBelow', description: 'Set the value for each destination column' },
    ] },
  { displayName: 'Inputs to Ignore', name: 'inputsToIgnore', type: 'string', default: '', required: false, placeholder: 'Enter properties...',
    displayOptions: { show: { operation: ['create', 'update'], dataToSend: ['autoMapInputData'] } },
    description: 'List of input properties to avoid sending, separated by commas. Leave empty to send all properties.' },
  { displayName: 'Fields to Send', name: 'fieldsUi', type: 'fixedCollection', placeholder: 'Add Field', default: {},
    typeOptions: { multipleValueButtonText: 'Add Field to Send', multipleValues: true },
    displayOptions: { show: { operation: ['create', 'update'], dataToSend: ['defineBelow'] } },
    options: [{ displayName: 'Field', name: 'fieldValues', values: [
      { ...fieldPicker('Field Name or ID', 'fieldId', 'Choose from the list, or specify an ID using an expression') },
      { displayName: 'Field Value', name: 'fieldValue', type: 'string', default: '' },
    ] }] },
  rowId('delete', 'ID of the row to delete'),
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: forOperations('getAll'),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 100 },
    displayOptions: { show: { operation: ['getAll'], returnAll: [false] } }, description: 'Max number of results to return' },
  { displayName: 'Options', name: 'additionalOptions', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: forOperations('getAll'),
    options: [
      { displayName: 'Filters', name: 'filters', placeholder: 'Add Filter', description: 'Filter rows based on comparison operators', type: 'fixedCollection',
        typeOptions: { multipleValues: true }, default: {},
        options: [{ name: 'fields', displayName: 'Field', values: [
          fieldPicker('Field Name or ID', 'field', 'Field to compare. Choose from the list, or specify an ID using an expression.'),
          { displayName: 'Filter', name: 'operator', description: 'Operator to compare field and value with', type: 'options', default: 'equal',
            options: FILTER_OPERATORS.map(([name, value, description]) => ({ name, value, description })) },
          { displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value to compare to' },
        ] }] },
      { displayName: 'Filter Type', name: 'filterType', type: 'options', default: 'AND', description: 'This works only if two or more filters are provided. Defaults to <code>AND</code>',
        options: [
          { name: 'AND', value: 'AND', description: 'Indicates that the rows must match all the provided filters' },
          { name: 'OR', value: 'OR', description: 'Indicates that the rows only have to match one of the filters' },
        ] },
      { displayName: 'Search Term', name: 'search', type: 'string', default: '', description: 'Text to match (can be in any column)' },
      { displayName: 'Sorting', name: 'order', placeholder: 'Add Sort Order', description: 'Set the sort order of the result rows', type: 'fixedCollection',
        typeOptions: { multipleValues: true }, default: {},
        options: [{ name: 'fields', displayName: 'Field', values: [
          fieldPicker('Field Name or ID', 'field', 'Field name to sort by. Choose from the list, or specify an ID using an expression.'),
          { displayName: 'Direction', name: 'direction', type: 'options', default: '', description: 'Sort direction, either ascending or descending',
            options: [{ name: 'ASC', value: '', description: 'Sort in ascending order' }, { name: 'DESC', value: '-', description: 'Sort in descending order' }] },
        ] }] },
    ] },
];
