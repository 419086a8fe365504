// Parameters of n8n's Airtable node v1: operations append, delete, list, read and update on one
// table, the base as `application`; names, options and defaults as n8n's.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const airtableV1Credentials: NodeCredentialDescription[] = ['airtableApi', 'airtableTokenApi', 'airtableOAuth2Api'].map((name) => ({
  name, required: true, displayOptions: { show: { authentication: [name] } },
}));

const on = (...operation: string[]) => ({ show: { operation } });
const URL_PLACEHOLDER = 'https://airtable.com/app12DiScdfes/tblAAAAAAAAAAAAA/viwHdfasdfeieg5p';

const v1Locator = (name: string, displayName: string, idPlaceholder: string, description?: string): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'url', value: '' }, required: true, ...(description ? { description } : {}),
  modes: [
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: URL_PLACEHOLDER },
    { displayName: 'ID', name: 'id', type: 'string', placeholder: idPlaceholder },
  ],
});

const fieldNames = (show: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'Fields', name: 'fields', type: 'string', default: [], required: true, placeholder: 'Name',
  typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Field' },
  description: 'The name of fields for which data should be sent to Airtable', displayOptions: { show },
});

const recordId = (operation: string, verb: string): NodeProperty => ({
  displayName: 'ID', name: 'id', type: 'string', default: '', required: true, description: `ID of the record to ${verb}`, displayOptions: on(operation),
});

export const airtableV1Properties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'airtableApi',
    options: [
      { name: 'Access Token', value: 'airtableTokenApi' },
      { name: 'OAuth2', value: 'airtableOAuth2Api' },
      { name: 'API Key (Deprecated)', value: 'airtableApi' },
    ],
  },
  {
    displayName: "This type of connection (API Key) was deprecated and can't be used anymore. Please create a new credential of type 'Access Token' instead.",
    name: 'deprecated', type: 'notice', default: '', displayOptions: { show: { authentication: ['airtableApi'] } },
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'read',
    options: [
      { name: 'Append', value: 'append', description: 'Append the data to a table' },
      { name: 'Delete', value: 'delete', description: 'Delete data from a table' },
      { name: 'List', value: 'list', description: 'List data from a table' },
      { name: 'Read', value: 'read', description: 'Read data from a table' },
      { name: 'Update', value: 'update', description: 'Update data in a table' },
    ],
  },
  v1Locator('application', 'Base', 'appD3dfaeidke', 'The Airtable Base in which to operate on'),
  v1Locator('table', 'Table', 'tbl3dirwqeidke'),
  { displayName: 'Add All Fields', name: 'addAllFields', type: 'boolean', default: true, displayOptions: on('append'),
    description: 'Whether all fields should be sent to Airtable or only specific ones' },
  fieldNames({ addAllFields: [false], operation: ['append'] }),
  recordId('delete', 'delete'),
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, displayOptions: on('list'),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 100 },
    displayOptions: { show: { operation: ['list'], returnAll: [false] } }, description: 'Max number of results to return' },
  { displayName: 'Download Attachments', name: 'downloadAttachments', type: 'boolean', default: false, displayOptions: on('list'),
    description: "Whether the attachment fields define in 'Download Fields' will be downloaded" },
  { displayName: 'Download Fields', name: 'downloadFieldNames', type: 'string', default: '', required: true,
    displayOptions: { show: { operation: ['list'], downloadAttachments: [true] } },
    description: "Name of the fields of type 'attachment' that should be downloaded. Multiple ones can be defined separated by comma. Case sensitive and cannot include spaces after a comma." },
  {
    displayName: 'Additional Options', name: 'additionalOptions', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: on('list'),
    description: 'Additional options which decide which records should be returned',
    options: [
      { displayName: 'Fields', name: 'fields', type: 'string', default: [], placeholder: 'Name',
        typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Field' },
        description: 'Only data for fields whose names are in this list will be included in the records' },
      { displayName: 'Filter By Formula', name: 'filterByFormula', type: 'string', default: '', placeholder: "NOT({Name} = '')",
        description: 'A formula used to filter records. The formula will be evaluated for each record, and if the result is not 0, false, "", NaN, [], or #Error! the record will be included in the response.' },
      {
        displayName: 'Sort', name: 'sort', type: 'fixedCollection', placeholder: 'Add Sort Rule', default: {}, typeOptions: { multipleValues: true },
        description: 'Defines how the returned records should be ordered',
        options: [{
          name: 'property', displayName: 'Property',
          values: [
            { displayName: 'Field', name: 'field', type: 'string', default: '', description: 'Name of the field to sort on' },
            { displayName: 'Direction', name: 'direction', type: 'options', default: 'asc', description: 'The sort direction',
              options: [
                { name: 'ASC', value: 'asc', description: 'Sort in ascending order (small -> large)' },
                { name: 'DESC', value: 'desc', description: 'Sort in descending order (large -> small)' },
              ] },
          ],
        }],
      },
      { displayName: 'View', name: 'view', type: 'string', default: '', placeholder: 'All Stories',
        description: 'The name or ID of a view in the Stories table. If set, only the records in that view will be returned. The records will be sorted according to the order of the view.' },
    ],
  },
  recordId('read', 'return'),
  recordId('update', 'update'),
  { displayName: 'Update All Fields', name: 'updateAllFields', type: 'boolean', default: true, displayOptions: on('update'),
    description: 'Whether all fields should be sent to Airtable or only specific ones' },
  fieldNames({ updateAllFields: [false], operation: ['update'] }),
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('append', 'delete', 'update'),
    options: [
      { displayName: 'Bulk Size', name: 'bulkSize', type: 'number', default: 10, typeOptions: { minValue: 1, maxValue: 10 }, description: 'Number of records to process at once' },
      { displayName: 'Ignore Fields', name: 'ignoreFields', type: 'string', default: '', description: 'Comma-separated list of fields to ignore',
        displayOptions: { show: { '/operation': ['update'], '/updateAllFields': [true] } } },
      { displayName: 'Typecast', name: 'typecast', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['append', 'update'] } },
        description: 'Whether the Airtable API should attempt mapping of string values for linked records & select options' },
    ],
  },
];
