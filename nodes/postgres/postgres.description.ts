// Postgres v2.x parameters (n8n-nodes-base.postgres 2 … 2.6), with n8n's names, defaults and options.
import type { NodeProperty } from '../../engine/index.ts';
import {
  columnMappingProperties, combineConditionsProperty, deleteCommandProperties, locatorProperty, operationProperty, queryProperty,
  resourceProperty, selectLimitProperties, sortProperty, whereProperty,
} from '../shared/sql-description.ts';

const optionsProperty: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
  options: [
    {
      displayName: 'Cascade', name: 'cascade', type: 'boolean', default: false,
      description: 'Whether to drop all objects that depend on the table, such as views and sequences',
      displayOptions: { show: { '/operation': ['deleteTable'] }, hide: { '/deleteCommand': ['delete'] } },
    },
    { displayName: 'Connection Timeout', name: 'connectionTimeout', type: 'number', default: 30, description: 'Number of seconds reserved for connecting to the database' },
    {
      displayName: 'Query Batching', name: 'queryBatching', type: 'options', noDataExpression: true, default: 'single',
      description: 'The way queries should be sent to the database',
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
      displayOptions: { show: { '/operation': ['select', 'insert', 'update', 'upsert'] } },
    },
    {
      displayName: 'Output Large-Format Numbers As', name: 'largeNumbersOutput', type: 'options', default: 'text',
      options: [
        { name: 'Numbers', value: 'numbers' },
        { name: 'Text', value: 'text', description: 'Use this if you expect numbers longer than 16 digits (otherwise numbers may be incorrect)' },
      ],
    },
    {
      displayName: 'Skip on Conflict', name: 'skipOnConflict', type: 'boolean', default: false,
      description: 'Whether to skip the row and do not throw error if a unique constraint or exclusion constraint is violated',
      displayOptions: { show: { '/operation': ['insert'] } },
    },
    {
      displayName: 'Replace Empty Strings with NULL', name: 'replaceEmptyStrings', type: 'boolean', default: false,
      description: 'Whether to replace empty strings with NULL in input, could be useful when data come from spreadsheet',
      displayOptions: { show: { '/operation': ['insert', 'update', 'upsert', 'executeQuery'] } },
    },
  ],
};

export const postgresProperties: NodeProperty[] = [
  resourceProperty,
  operationProperty,
  locatorProperty('schema', 'Schema', 'public', 'schemaSearch'),
  locatorProperty('table', 'Table', '', 'tableSearch'),
  ...deleteCommandProperties,
  {
    displayName: 'Restart Sequences', name: 'restartSequences', type: 'boolean', default: false,
    description: 'Whether to reset identity (auto-increment) columns to their initial values',
    displayOptions: { show: { operation: ['deleteTable'], deleteCommand: ['truncate'] } },
  },
  queryProperty('PostgreSQL'),
  ...selectLimitProperties,
  whereProperty({ operation: ['select'] }),
  combineConditionsProperty({ operation: ['select'] }),
  whereProperty({ operation: ['deleteTable'], deleteCommand: ['delete'] }),
  combineConditionsProperty({ operation: ['deleteTable'], deleteCommand: ['delete'] }),
  sortProperty,
  ...columnMappingProperties,
  optionsProperty,
];
