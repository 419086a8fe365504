// MySQL v2.x parameters (n8n-nodes-base.mySql 2 … 2.5), with n8n's names, defaults and options.
import type { NodeProperty } from '../../engine/index.ts';
import {
  columnMappingProperties, deleteCommandProperties, locatorProperty, operationProperty, queryProperty, resourceProperty,
  selectLimitProperties, sortProperty, whereProperty,
} from '../shared/sql-description.ts';

const combine = (show: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Combine Conditions', name: 'combineConditions', type: 'options', default: 'AND', description: 'How to combine conditions',
  options: [{ name: 'AND', value: 'AND' }, { name: 'OR', value: 'OR' }], displayOptions: { show },
});

const optionsProperty: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
  options: [
    { displayName: 'Connection Timeout', name: 'connectionTimeoutMillis', type: 'number', default: 0, description: 'Number of milliseconds reserved for connecting to the database' },
    { displayName: 'Connections Limit', name: 'connectionLimit', type: 'number', default: 10, typeOptions: { minValue: 1 }, description: 'Maximum amount of connections to the database' },
    combine({ '/operation': ['select'] }),
    combine({ '/operation': ['deleteTable'], '/deleteCommand': ['delete'] }),
    {
      displayName: 'Query Batching', name: 'queryBatching', type: 'options', noDataExpression: true, default: 'single',
      options: [
        { name: 'Single Query', value: 'single', description: 'A single query for all incoming items' },
        { name: 'Independently', value: 'independently', description: 'Execute one query per incoming item of the run' },
        { name: 'Transaction', value: 'transaction', description: 'Execute all queries in a transaction, if a failure occurs, all changes are rolled back' },
      ],
    },
    {
      displayName: 'Query Parameters', name: 'queryReplacement', type: 'string', default: '', placeholder: 'e.g. value1,value2,value3',
      description: 'Comma-separated list of the values you want to use as query parameters: reference them in your query as $1, $2, $3…',
      displayOptions: { show: { '/operation': ['executeQuery'] } },
    },
    {
      displayName: 'Output Columns', name: 'outputColumns', type: 'multiOptions', default: [],
      typeOptions: { loadOptionsMethod: 'getColumnsMultiOptions', loadOptionsDependsOn: ['table.value'] },
      displayOptions: { show: { '/operation': ['select'] } },
    },
    {
      displayName: 'Output Large-Format Numbers As', name: 'largeNumbersOutput', type: 'options', default: 'text',
      options: [{ name: 'Numbers', value: 'numbers' }, { name: 'Text', value: 'text', description: 'Use this if you expect numbers longer than 16 digits (otherwise numbers may be incorrect)' }],
      displayOptions: { show: { '/operation': ['select', 'executeQuery'] } },
    },
    {
      displayName: 'Priority', name: 'priority', type: 'options', default: 'LOW_PRIORITY',
      options: [{ name: 'Low Prioirity', value: 'LOW_PRIORITY' }, { name: 'High Priority', value: 'HIGH_PRIORITY' }],
      displayOptions: { show: { '/operation': ['insert'] } },
    },
    {
      displayName: 'Replace Empty Strings with NULL', name: 'replaceEmptyStrings', type: 'boolean', default: false,
      description: 'Whether to replace empty strings with NULL in input, could be useful when data come from spreadsheet',
      displayOptions: { show: { '/operation': ['insert', 'update', 'upsert', 'executeQuery'] } },
    },
    { displayName: 'Select Distinct', name: 'selectDistinct', type: 'boolean', default: false, description: 'Whether to remove duplicate rows', displayOptions: { show: { '/operation': ['select'] } } },
    {
      displayName: 'Skip on Conflict', name: 'skipOnConflict', type: 'boolean', default: false,
      description: 'Whether to skip the row and do not throw error if a unique constraint or exclusion constraint is violated',
      displayOptions: { show: { '/operation': ['insert'] } },
    },
  ],
};

export const mySqlProperties: NodeProperty[] = [
  resourceProperty,
  operationProperty,
  { ...locatorProperty('table', 'Table', '', 'searchTables') },
  ...deleteCommandProperties,
  queryProperty('MySQL'),
  ...selectLimitProperties,
  whereProperty({ operation: ['select'] }),
  whereProperty({ operation: ['deleteTable'], deleteCommand: ['delete'] }),
  sortProperty,
  ...columnMappingProperties,
  optionsProperty,
];
