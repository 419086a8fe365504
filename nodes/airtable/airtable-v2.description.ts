// Parameters of n8n's Airtable node v2 and 2.1 (resources Record and Base): names, options and
// defaults as n8n's, displayOptions per resource and operation.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const airtableV2Credentials: NodeCredentialDescription[] = ['airtableTokenApi', 'airtableOAuth2Api'].map((name) => ({
  name, required: true, displayOptions: { show: { authentication: [name] } },
}));

const show = (resource: string, operation: string[], extra: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...extra } });

type Locator = 'base' | 'table' | 'view';
const LOCATOR: Record<Locator, { displayName: string; url: string; id: string; search: string }> = {
  base: { displayName: 'Base', url: 'https://airtable.com/app12DiScdfes/tblAAAAAAAAAAAAA/viwHdfasdfeieg5p', id: 'appD3dfaeidke', search: 'baseSearch' },
  table: { displayName: 'Table', url: 'https://airtable.com/app12DiScdfes/tblAAAAAAAAAAAAA/viwHdfasdfeieg5p', id: 'tbl3dirwqeidke', search: 'tableSearch' },
  view: { displayName: 'View', url: 'https://airtable.com/app12DiScdfes/tblAAAAAAAAAAAAA/viwHdfasdfeieg5p', id: 'viw3dirwqeidke', search: 'viewSearch' },
};

/** A base, table or view picker: from a list, by URL (the ID is cut from it) or by ID. */
export function locator(name: Locator, extra: Partial<NodeProperty> = {}): NodeProperty {
  const { displayName, url, id, search } = LOCATOR[name];
  return {
    displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: name !== 'view',
    ...(name === 'base' ? { description: 'The Airtable Base in which to operate on' } : {}),
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: search, searchable: true } },
      { displayName: 'By URL', name: 'url', type: 'string', placeholder: url },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: id },
    ],
    ...extra,
  };
}

const columns = (operation: string, method: string, mode: string): NodeProperty => ({
  displayName: 'Columns', name: 'columns', type: 'resourceMapper', noDataExpression: true, required: true,
  default: { mappingMode: 'defineBelow', value: null },
  typeOptions: {
    loadOptionsDependsOn: ['table.value', 'base.value'],
    resourceMapper: { resourceMapperMethod: method, mode, fieldWords: { singular: 'column', plural: 'columns' }, addAllFields: true, multiKeyMatch: true },
  },
  displayOptions: show('record', [operation]),
});

const insertUpdateOptions: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
  displayOptions: show('record', ['create', 'update', 'upsert']),
  options: [
    { displayName: 'Typecast', name: 'typecast', type: 'boolean', default: false,
      description: 'Whether the Airtable API should attempt mapping of string values for linked records & select options' },
    { displayName: 'Ignore Fields From Input', name: 'ignoreFields', type: 'string', default: '',
      displayOptions: { show: { '/columns.mappingMode': ['autoMapInputData'] } },
      description: 'Comma-separated list of fields in input to ignore when updating' },
    { displayName: 'Update All Matches', name: 'updateAllMatches', type: 'boolean', default: false,
      displayOptions: { show: { '/operation': ['update', 'upsert'] } },
      description: 'Whether to update all records matching the value in the "Column to Match On". If not set, only the first matching record will be updated.' },
  ],
};

const downloadFields: NodeProperty = {
  displayName: 'Download Attachments', name: 'downloadFields', type: 'multiOptions', default: [],
  typeOptions: { loadOptionsMethod: 'getAttachmentColumns', loadOptionsDependsOn: ['base.value', 'table.value'] },
  description: "The fields of type 'attachment' that should be downloaded",
};

const recordId = (operation: string, verb: string): NodeProperty => ({
  displayName: 'Record ID', name: 'id', type: 'string', default: '', required: true, placeholder: 'e.g. recf7EaZp707CEc8g',
  description: `ID of the record to ${verb}`, displayOptions: show('record', [operation]),
});

const recordProperties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'get', displayOptions: { show: { resource: ['record'] } },
    options: [
      { name: 'Create', value: 'create', description: 'Create a new record in a table' },
      { name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)' },
      { name: 'Delete', value: 'deleteRecord', description: 'Delete a record from a table' },
      { name: 'Get', value: 'get', description: 'Retrieve a record from a table' },
      { name: 'Search', value: 'search', description: 'Search for specific records or list all' },
      { name: 'Update', value: 'update', description: 'Update a record in a table' },
    ],
  },
  locator('base', { displayOptions: { show: { resource: ['record'] } } }),
  locator('table', { displayOptions: { show: { resource: ['record'] } } }),
  columns('create', 'getColumns', 'add'),
  columns('upsert', 'getColumnsWithRecordId', 'update'),
  columns('update', 'getColumnsWithRecordId', 'update'),
  insertUpdateOptions,
  recordId('deleteRecord', 'delete'),
  recordId('get', 'get'),
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    description: 'Additional options which decide which records should be returned', displayOptions: show('record', ['get']), options: [downloadFields],
  },
  {
    displayName: 'Filter By Formula', name: 'filterByFormula', type: 'string', default: '', placeholder: "e.g. NOT({Name} = 'Admin')",
    description: 'The formula will be evaluated for each record, and if the result is not 0, false, "", NaN, [], or #Error! the record will be included in the response',
    displayOptions: show('record', ['search']),
  },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, description: 'Whether to return all results or only up to a given limit',
    displayOptions: show('record', ['search']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 100 }, description: 'Max number of results to return',
    displayOptions: show('record', ['search'], { returnAll: [false] }) },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    description: 'Additional options which decide which records should be returned', displayOptions: show('record', ['search']),
    options: [
      downloadFields,
      { displayName: 'Output Fields', name: 'fields', type: 'multiOptions', default: [], description: 'The fields you want to include in the output',
        typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['base.value', 'table.value'] } },
      locator('view'),
    ],
  },
  {
    displayName: 'Sort', name: 'sort', type: 'fixedCollection', placeholder: 'Add Sort Rule', default: {}, typeOptions: { multipleValues: true },
    description: 'Defines how the returned records should be ordered', displayOptions: show('record', ['search']),
    options: [{
      name: 'property', displayName: 'Property',
      values: [
        { displayName: 'Field', name: 'field', type: 'options', default: '', description: 'Name of the field to sort on',
          typeOptions: { loadOptionsMethod: 'getColumns', loadOptionsDependsOn: ['base.value', 'table.value'] } },
        { displayName: 'Direction', name: 'direction', type: 'options', default: 'asc', description: 'The sort direction',
          options: [
            { name: 'ASC', value: 'asc', description: 'Sort in ascending order (small -> large)' },
            { name: 'DESC', value: 'desc', description: 'Sort in descending order (large -> small)' },
          ] },
      ],
    }],
  },
];

const baseProperties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getMany', displayOptions: { show: { resource: ['base'] } },
    options: [
      { name: 'Get Many', value: 'getMany', description: 'List all the bases' },
      { name: 'Get Schema', value: 'getSchema', description: 'Get the schema of the tables in a base' },
    ],
  },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true, description: 'Whether to return all results or only up to a given limit',
    displayOptions: show('base', ['getMany']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 100 }, description: 'Max number of results to return',
    displayOptions: show('base', ['getMany'], { returnAll: [false] }) },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('base', ['getMany']),
    options: [{
      displayName: 'Permission Level', name: 'permissionLevel', type: 'multiOptions', default: [], description: 'Filter the returned bases by one or more permission levels',
      options: ['comment', 'create', 'edit', 'none', 'read'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })),
    }],
  },
  locator('base', { description: 'The Airtable Base to retrieve the schema from', displayOptions: show('base', ['getSchema']) }),
];

export const airtableV2Properties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'airtableTokenApi',
    options: [{ name: 'Access Token', value: 'airtableTokenApi' }, { name: 'OAuth2', value: 'airtableOAuth2Api' }],
  },
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'record',
    options: [{ name: 'Base', value: 'base' }, { name: 'Record', value: 'record' }],
  },
  ...recordProperties,
  ...baseProperties,
];
