// Parameters of n8n's NocoDB node (1, 2, 3): the credential kind, the NocoDB API version (which
// picks the path shapes), and the row operations with n8n's names and defaults.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const nocoDbCredentials: NodeCredentialDescription[] = [
  { name: 'nocoDb', required: true, displayOptions: { show: { authentication: ['nocoDb'] } } },
  { name: 'nocoDbApiToken', required: true, displayOptions: { show: { authentication: ['nocoDbApiToken'] } } },
];

type Show = Record<string, unknown[]>;
const on = (operation: string[], more: Show = {}) => ({ show: { operation, ...more } });
const str = (displayName: string, name: string, displayOptions?: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', ...(displayOptions ? { displayOptions } : {}), ...more });
const v3 = { version: [3] };

/** The properties of one typeVersion: only the defaults of authentication and API version differ. */
export function nocoDbProperties(typeVersion: number): NodeProperty[] {
  return [
    { displayName: 'Authentication', name: 'authentication', type: 'options', default: typeVersion === 1 ? 'nocoDb' : 'nocoDbApiToken',
      options: [{ name: 'User Token', value: 'nocoDb' }, { name: 'API Token', value: 'nocoDbApiToken' }] },
    { displayName: 'API Version', name: 'version', type: 'options', default: typeVersion,
      options: [{ name: 'Before v0.90.0', value: 1 }, { name: 'v0.90.0 Onwards', value: 2 }, { name: 'v0.200.0 Onwards', value: 3 }] },
    { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'row', options: [{ name: 'Row', value: 'row' }] },
    { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'get', displayOptions: { show: { resource: ['row'] } },
      options: [['Create', 'create', 'Create a row'], ['Delete', 'delete', 'Delete a row'], ['Get', 'get', 'Get a row'], ['Get Many', 'getAll', 'Get many rows'], ['Update', 'update', 'Update a row']]
        .map(([name, value, action]) => ({ name, value, action })) },
    str('Project ID', 'projectId', undefined, { required: true, description: 'The ID of the project' }),
    str('Table', 'table', undefined, { required: true, description: 'The name of the table' }),
    { displayName: 'Primary Key Type', name: 'primaryKey', type: 'options', default: 'id', displayOptions: { show: { operation: ['delete', 'update'], version: [3] } },
      options: [{ name: 'Default', value: 'id' }, { name: 'Imported From Airtable', value: 'ncRecordId' }, { name: 'Custom', value: 'custom' }] },
    str('Field Name', 'customPrimaryKey', { show: { operation: ['delete', 'update'], version: [3], primaryKey: ['custom'] } }),
    str('Row ID Value', 'id', on(['delete', 'get', 'update']), { required: true, description: 'The value of the ID field' }),
    { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: on(['getAll']), description: 'Whether to return all results or only up to a given limit' },
    { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: on(['getAll'], { returnAll: [false] }), description: 'Max number of results to return' },
    { displayName: 'Download Attachments', name: 'downloadAttachments', type: 'boolean', default: false, displayOptions: on(['getAll', 'get']), description: "Whether the attachment fields define in 'Download Fields' will be downloaded" },
    str('Download Fields', 'downloadFieldNames', on(['getAll', 'get'], { downloadAttachments: [true] }), { required: true }),
    { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on(['getAll']), options: [
      { displayName: 'View ID', name: 'viewId', type: 'string', default: '', displayOptions: { show: v3 } },
      { displayName: 'Fields', name: 'fields', type: 'string', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Field' }, default: [] },
      { displayName: 'Sort', name: 'sort', type: 'fixedCollection', placeholder: 'Add Sort Rule', default: {}, typeOptions: { multipleValues: true },
        options: [{ name: 'property', displayName: 'Property', values: [
          { displayName: 'Field', name: 'field', type: 'string', default: '' },
          { displayName: 'Direction', name: 'direction', type: 'options', default: 'asc', options: [{ name: 'ASC', value: 'asc' }, { name: 'DESC', value: 'desc' }] },
        ] }] },
      { displayName: 'Filter By Formula', name: 'where', type: 'string', default: '', placeholder: '(name,like,example%)~or(name,eq,test)' },
    ] },
    { displayName: 'Data to Send', name: 'dataToSend', type: 'options', default: 'defineBelow', displayOptions: on(['create', 'update']),
      options: [{ name: 'Auto-Map Input Data to Columns', value: 'autoMapInputData' }, { name: 'Define Below for Each Column', value: 'defineBelow' }] },
    str('Inputs to Ignore', 'inputsToIgnore', on(['create', 'update'], { dataToSend: ['autoMapInputData'] })),
    { displayName: 'Fields to Send', name: 'fieldsUi', type: 'fixedCollection', placeholder: 'Add Field', default: {}, typeOptions: { multipleValueButtonText: 'Add Field to Send', multipleValues: true },
      displayOptions: on(['create', 'update'], { dataToSend: ['defineBelow'] }),
      options: [{ displayName: 'Field', name: 'fieldValues', values: [
        str('Field Name', 'fieldName'),
        { displayName: 'Is Binary File', name: 'binaryData', type: 'boolean', default: false },
        str('Field Value', 'fieldValue', { show: { binaryData: [false] } }),
        str('Take Input From Field', 'binaryProperty', { show: { binaryData: [true] } }, { description: 'The field containing the binary file data to be uploaded' }),
      ] }] },
  ];
}
