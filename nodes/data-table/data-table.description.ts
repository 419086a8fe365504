// The Data Table node's parameters, with n8n's names, values and defaults (n8n-nodes-base.dataTable v1):
// row operations, and table operations (create, delete, list, update).
import type { NodeProperty } from '../../engine/index.ts';
import { dataTableConditionFields, dataTableLocatorModes } from '../shared/data-table-fields.ts';

const ROW = { resource: ['row'] };
const WITH_CONDITIONS = ['get', 'update', 'upsert', 'deleteRows', 'rowExists', 'rowNotExists'];
const WRITES = ['insert', 'update', 'upsert'];
const DRY_RUN_OPS = ['update', 'upsert', 'deleteRows'];
const TABLE = { resource: ['table'] };
const tableOp = (...operation: string[]) => ({ show: { ...TABLE, operation } });

export const dataTableProperties: NodeProperty[] = [
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'row',
    options: [{ name: 'Row', value: 'row' }, { name: 'Table', value: 'table' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'insert', displayOptions: { show: ROW },
    options: [
      { name: 'Delete', value: 'deleteRows', description: 'Delete row(s)' },
      { name: 'Get', value: 'get', description: 'Get row(s)' },
      { name: 'If Row Exists', value: 'rowExists', description: 'Pass the input items on when a row matches the conditions' },
      { name: 'If Row Does Not Exist', value: 'rowNotExists', description: 'Pass the input items on when no row matches the conditions' },
      { name: 'Insert', value: 'insert', description: 'Insert a new row' },
      { name: 'Update', value: 'update', description: 'Update row(s) matching certain fields' },
      { name: 'Upsert', value: 'upsert', description: 'Update row(s), or insert if there is no match' },
    ],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'list', displayOptions: { show: TABLE },
    options: [
      { name: 'Create', value: 'create', description: 'Create a new data table' },
      { name: 'Delete', value: 'delete', description: 'Delete a data table' },
      { name: 'List', value: 'list', description: 'List all data tables' },
      { name: 'Update', value: 'update', description: 'Update a data table name' },
    ],
  },
  {
    displayName: 'Data table', name: 'dataTableId', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' },
    displayOptions: tableOp('delete', 'update'),
    modes: dataTableLocatorModes('e.g. My Table'),
  },
  { displayName: 'Name', name: 'tableName', type: 'string', required: true, default: '', placeholder: 'e.g. My Data Table', description: 'The name of the data table to create', displayOptions: tableOp('create') },
  {
    displayName: 'Columns', name: 'columns', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: 'Add Column',
    description: 'The columns to create in the data table', displayOptions: tableOp('create'),
    options: [{
      name: 'column', displayName: 'Column',
      values: [
        { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'The name of the column' },
        {
          displayName: 'Type', name: 'type', type: 'options', default: 'string', description: 'The type of the column',
          options: [{ name: 'Boolean', value: 'boolean' }, { name: 'Date', value: 'date' }, { name: 'Number', value: 'number' }, { name: 'String', value: 'string' }],
        },
      ],
    }],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: tableOp('create'),
    options: [{ displayName: 'Reuse Existing Tables', name: 'createIfNotExists', type: 'boolean', default: true, description: 'When ON, returns existing table if one exists with the same name without throwing an error' }],
  },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, description: 'Whether to return all results or only up to a given limit', displayOptions: tableOp('list') },
  {
    displayName: 'Limit Per Input Row', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return',
    displayOptions: { show: { ...TABLE, operation: ['list'], returnAll: [false] } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: tableOp('list'),
    options: [
      { displayName: 'Filter by Name', name: 'filterName', type: 'string', default: '', description: 'Filter data tables by name (case-insensitive)' },
      { displayName: 'Sort Field', name: 'sortField', type: 'options', default: 'name', options: [{ name: 'Created', value: 'createdAt' }, { name: 'Name', value: 'name' }, { name: 'Updated', value: 'updatedAt' }] },
      { displayName: 'Sort Direction', name: 'sortDirection', type: 'options', default: 'asc', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }] },
    ],
  },
  { displayName: 'New Name', name: 'newName', type: 'string', required: true, default: '', placeholder: 'e.g. Renamed Data Table', description: 'The new name for the data table', displayOptions: tableOp('update') },
  { displayName: 'This will permanently delete the data table and all its data. This action cannot be undone.', name: 'deleteWarning', type: 'notice', default: '', displayOptions: tableOp('delete') },
  {
    displayName: 'Data Table', name: 'dataTableId', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' },
    displayOptions: { show: ROW },
    modes: dataTableLocatorModes('e.g. My Table'),
  },
  {
    displayName: 'Must Match', name: 'matchType', type: 'options', default: 'anyCondition', displayOptions: { show: { ...ROW, operation: WITH_CONDITIONS } },
    options: [{ name: 'Any Condition', value: 'anyCondition' }, { name: 'All Conditions', value: 'allConditions' }],
  },
  {
    displayName: 'Conditions', name: 'filters', type: 'fixedCollection', default: {}, placeholder: 'Add Condition',
    typeOptions: { multipleValues: true }, displayOptions: { show: { ...ROW, operation: WITH_CONDITIONS } },
    description: 'Filter to decide which rows get',
    options: [{
      displayName: 'Conditions', name: 'conditions',
      values: dataTableConditionFields({ description: 'A column of the table, or id, createdAt, updatedAt' }),
    }],
  },
  {
    displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit',
    displayOptions: { show: { ...ROW, operation: ['get'] } },
  },
  {
    displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return',
    displayOptions: { show: { ...ROW, operation: ['get'], returnAll: [false] } },
  },
  {
    displayName: 'Columns', name: 'columns', type: 'resourceMapper', noDataExpression: true, required: true,
    default: { mappingMode: 'defineBelow', value: null },
    typeOptions: {
      loadOptionsDependsOn: ['dataTableId.value'],
      resourceMapper: { resourceMapperMethod: 'getDataTables', mode: 'add', fieldWords: { singular: 'column', plural: 'columns' }, addAllFields: true, multiKeyMatch: true },
    },
    displayOptions: { show: { ...ROW, operation: WRITES } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option',
    displayOptions: { show: { ...ROW, operation: DRY_RUN_OPS } },
    options: [{ displayName: 'Dry Run', name: 'dryRun', type: 'boolean', default: false, description: 'Whether the operation simulates and returns affected rows in their "before" and "after" states' }],
  },
];
