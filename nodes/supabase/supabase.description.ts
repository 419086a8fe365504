// Supabase's parameters (n8n-nodes-base.supabase v1): n8n's names, types, defaults, options and
// display rules, so exported workflows import as they are. Descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const row = (operation: string[], more: Record<string, unknown[]> = {}) => ({ show: { resource: ['row'], operation, ...more } });
const named = (entries: Array<[string, string, string?]>) => entries.map(([name, value, description]) => ({ name, value, ...(description ? { description } : {}) }));
const COLUMN_HINT = 'A column of the table (or an expression giving its name)';

const CONDITIONS = named([
  ['Equals', 'eq'], ['Full-Text', 'fullText'], ['Greater Than', 'gt'], ['Greater Than or Equal', 'gte'],
  ['ILIKE operator', 'ilike', 'Use * in place of %'], ['Is', 'is', 'Checking for exact equality (null,true,false,unknown)'],
  ['Less Than', 'lt'], ['Less Than or Equal', 'lte'], ['LIKE operator', 'like', 'Use * in place of %'], ['Not Equals', 'neq'],
]);

const VERB: Record<string, string> = { update: 'updated', delete: 'deleted', getAll: 'retrieved' };

/** n8n's filter block (manual conditions or a PostgREST string) for one operation. */
function filters(operation: string, selecting: boolean): NodeProperty[] {
  return [
    { displayName: selecting ? 'Select Type' : 'Filter', name: 'filterType', type: 'options', displayOptions: row([operation]), default: 'manual',
      options: [...(selecting ? [] : named([['None', 'none']])), ...named([['Build Manually', 'manual'], ['String', 'string']])] },
    { displayName: 'Must Match', name: 'matchType', type: 'options', displayOptions: row([operation], { filterType: ['manual'] }), default: 'anyFilter',
      options: selecting ? named([['Any Select Condition', 'anyFilter'], ['All Select Conditions', 'allFilters']]) : named([['Any Filter', 'anyFilter'], ['All Filters', 'allFilters']]) },
    { displayName: selecting ? 'Select Conditions' : 'Filters', name: 'filters', type: 'fixedCollection', typeOptions: { multipleValues: true },
      displayOptions: row([operation], { filterType: ['manual'] }), default: {}, placeholder: 'Add Condition', description: `Which rows get ${VERB[operation]}`,
      options: [{ displayName: 'Conditions', name: 'conditions', values: [
        { displayName: 'Field Name or ID', name: 'keyName', type: 'options', default: '', description: COLUMN_HINT,
          typeOptions: { loadOptionsDependsOn: ['tableId'], loadOptionsMethod: 'getTableColumns' } },
        { displayName: 'Condition', name: 'condition', type: 'options', options: CONDITIONS, default: '' },
        { displayName: 'Search Function', name: 'searchFunction', type: 'options', displayOptions: { show: { condition: ['fullText'] } }, default: '',
          options: named([['to_tsquery', 'fts'], ['plainto_tsquery', 'plfts'], ['phraseto_tsquery', 'phfts'], ['websearch_to_tsquery', 'wfts']]) },
        { displayName: 'Field Value', name: 'keyValue', type: 'string', default: '' },
      ] }] },
    { displayName: 'See the PostgREST guide to writing filters (https://postgrest.org/en/stable/references/api/tables_views.html#horizontal-filtering)', name: 'jsonNotice', type: 'notice',
      displayOptions: row([operation], { filterType: ['string'] }), default: '' },
    { displayName: 'Filters (String)', name: 'filterString', type: 'string', displayOptions: row([operation], { filterType: ['string'] }), default: '', placeholder: 'name=eq.jhon' },
  ];
}

export const supabaseProperties: NodeProperty[] = [
  { displayName: 'Use Custom Schema', name: 'useCustomSchema', type: 'boolean', default: false, noDataExpression: true,
    description: 'Whether the table is in a schema other than "public" (the schema must be exposed in the Supabase API settings)' },
  { displayName: 'Schema', name: 'schema', type: 'string', default: 'public', displayOptions: { show: { useCustomSchema: [true] } },
    description: 'The database schema the table is in (taken from the first item only)' },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: named([['Row', 'row']]), default: 'row' },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: ['row'] } }, default: 'create',
    options: named([['Create', 'create', 'Create a new row'], ['Delete', 'delete', 'Delete a row'], ['Get', 'get', 'Get a row'], ['Get Many', 'getAll', 'Get many rows'], ['Update', 'update', 'Update a row']]) },
  { displayName: 'Table Name or ID', name: 'tableId', type: 'options', required: true, default: '', typeOptions: { loadOptionsMethod: 'getTables' },
    displayOptions: row(['create', 'delete', 'get', 'getAll', 'update']), description: 'The table (or an expression giving its name)' },
  ...filters('update', true),
  { displayName: 'Data to Send', name: 'dataToSend', type: 'options', displayOptions: row(['create', 'update']), default: 'defineBelow', options: named([
    ['Auto-Map Input Data to Columns', 'autoMapInputData', 'Send the input item\'s fields as the columns of the same names'],
    ['Define Below for Each Column', 'defineBelow', 'Set the value of each column here'],
  ]) },
  { displayName: 'Inputs to Ignore', name: 'inputsToIgnore', type: 'string', displayOptions: row(['create', 'update'], { dataToSend: ['autoMapInputData'] }), default: '',
    placeholder: 'Enter properties...', description: 'Input fields not to send, separated by commas; empty sends them all' },
  { displayName: 'Fields to Send', name: 'fieldsUi', type: 'fixedCollection', placeholder: 'Add Field', typeOptions: { multipleValueButtonText: 'Add Field to Send', multipleValues: true },
    displayOptions: row(['create', 'update'], { dataToSend: ['defineBelow'] }), default: {}, options: [{ displayName: 'Field', name: 'fieldValues', values: [
      { displayName: 'Field Name or ID', name: 'fieldId', type: 'options', default: '', description: COLUMN_HINT, typeOptions: { loadOptionsDependsOn: ['tableId'], loadOptionsMethod: 'getTableColumns' } },
      { displayName: 'Field Value', name: 'fieldValue', type: 'string', default: '' },
    ] }] },
  ...filters('delete', true),
  { displayName: 'Select Conditions', name: 'filters', type: 'fixedCollection', typeOptions: { multipleValues: true }, displayOptions: row(['get']), default: {}, placeholder: 'Add Condition',
    options: [{ displayName: 'Conditions', name: 'conditions', values: [
      { displayName: 'Name or ID', name: 'keyName', type: 'options', default: '', description: COLUMN_HINT, typeOptions: { loadOptionsDependsOn: ['tableId'], loadOptionsMethod: 'getTableColumns' } },
      { displayName: 'Value', name: 'keyValue', type: 'string', default: '' },
    ] }] },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', noDataExpression: true, displayOptions: row(['getAll']), default: false,
    description: 'Whether to return all rows or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', displayOptions: row(['getAll'], { returnAll: [false] }), typeOptions: { minValue: 1 }, default: 50,
    description: 'Max number of rows to return' },
  ...filters('getAll', false),
];
