// Parameters of n8n's Google Sheets node: V2 (3, 4, 4.1 … 4.7) with its document and sheet locators,
// the `columns` resource mapper (from 4), the V3 field list, read filters and options; and the
// legacy V1 (1, 2) with its sheet id and A1 range.
import type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const sheetsCredentials: NodeCredentialDescription[] = [
  { name: 'googleApi', required: true, displayOptions: { show: { authentication: ['serviceAccount'] } } },
  { name: 'googleSheetsOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

const authentication = (fallback: string): NodeProperty => ({
  displayName: 'Authentication', name: 'authentication', type: 'options', default: fallback,
  options: [{ name: 'Service Account', value: 'serviceAccount' }, { name: 'OAuth2', value: 'oAuth2' }],
});

const sheetOps = (operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { resource: ['sheet'], operation, ...more } });
const v4 = { '@version': [{ _cnd: { gte: 4 } }] };
const v3 = { '@version': [3] };

const documentId: NodeProperty = {
  displayName: 'Document', name: 'documentId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
  displayOptions: { show: { resource: ['sheet'] } },
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'spreadSheetsSearch', searchable: true } },
    { displayName: 'By URL', name: 'url', type: 'string', placeholder: 'https://docs.google.com/spreadsheets/d/1-ID/edit' },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: '1-ID' },
  ],
};

const sheetName: NodeProperty = {
  displayName: 'Sheet', name: 'sheetName', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
  displayOptions: { show: { resource: ['sheet'], operation: ['append', 'appendOrUpdate', 'clear', 'delete', 'read', 'remove', 'update'] } },
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'sheetsSearch', searchable: false } },
    { displayName: 'By URL', name: 'url', type: 'string' },
    { displayName: 'By ID', name: 'id', type: 'string', placeholder: '123456789' },
    { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'Sheet1' },
  ],
};

const columns = (operation: string): NodeProperty => ({
  displayName: 'Columns', name: 'columns', type: 'resourceMapper', noDataExpression: true, required: true,
  default: { mappingMode: 'defineBelow', value: null },
  typeOptions: { loadOptionsDependsOn: ['sheetName.value'], resourceMapper: {
    resourceMapperMethod: 'getMappingColumns', mode: operation === 'append' ? 'add' : operation === 'update' ? 'update' : 'upsert',
    fieldWords: { singular: 'column', plural: 'columns' }, addAllFields: true, multiKeyMatch: false } },
  displayOptions: sheetOps([operation], v4),
});

const v3Mapping: NodeProperty[] = [
  { displayName: 'Data Mode', name: 'dataMode', type: 'options', default: 'defineBelow', displayOptions: sheetOps(['append', 'appendOrUpdate', 'update'], v3),
    options: [{ name: 'Auto-Map Input Data to Columns', value: 'autoMapInputData' }, { name: 'Map Each Column Below', value: 'defineBelow' }, { name: 'Nothing', value: 'nothing' }] },
  { displayName: 'Column to Match On', name: 'columnToMatchOn', type: 'options', default: '', displayOptions: sheetOps(['appendOrUpdate', 'update'], v3),
    typeOptions: { loadOptionsMethod: 'getSheetHeaderRowAndSkipEmpty' } },
  { displayName: 'Value of Column to Match On', name: 'valueToMatchOn', type: 'string', default: '', displayOptions: sheetOps(['appendOrUpdate', 'update'], { ...v3, dataMode: ['defineBelow'] }) },
  { displayName: 'Fields to Send', name: 'fieldsUi', type: 'fixedCollection', default: {}, placeholder: 'Add Field', typeOptions: { multipleValues: true },
    displayOptions: sheetOps(['append', 'appendOrUpdate', 'update'], { ...v3, dataMode: ['defineBelow'] }),
    options: [{ displayName: 'Field', name: 'values', values: [
      { displayName: 'Field Name or ID', name: 'column', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getSheetHeaderRowAndSkipEmpty' } },
      { displayName: 'Field Value', name: 'fieldValue', type: 'string', default: '' },
    ] }] },
];

const cellFormat: NodeProperty = {
  displayName: 'Cell Format', name: 'cellFormat', type: 'options', default: 'USER_ENTERED',
  options: [{ name: 'Let n8n format', value: 'RAW' }, { name: 'Let Google Sheets format', value: 'USER_ENTERED' }],
};
const handlingExtraData: NodeProperty = {
  displayName: 'Handling extra fields in input', name: 'handlingExtraData', type: 'options', default: 'insertInNewColumn',
  options: [{ name: 'Insert in New Column(s)', value: 'insertInNewColumn' }, { name: 'Ignore Them', value: 'ignoreIt' }, { name: 'Error', value: 'error' }],
};
const headerRowOption: NodeProperty = {
  displayName: 'Data Location on Sheet', name: 'locationDefine', type: 'fixedCollection', default: { values: {} },
  options: [{ displayName: 'Values', name: 'values', values: [{ displayName: 'Header Row', name: 'headerRow', type: 'number', default: 1, typeOptions: { minValue: 1 } }] }],
};
const dataLocationOnSheet: NodeProperty = {
  displayName: 'Data Location on Sheet', name: 'dataLocationOnSheet', type: 'fixedCollection', default: { values: { rangeDefinition: 'detectAutomatically' } },
  options: [{ displayName: 'Values', name: 'values', values: [
    { displayName: 'Range Definition', name: 'rangeDefinition', type: 'options', default: '',
      options: [{ name: 'Detect Automatically', value: 'detectAutomatically' }, { name: 'Specify Range (A1 Notation)', value: 'specifyRangeA1' }, { name: 'Specify Range (Rows)', value: 'specifyRange' }] },
    { displayName: 'Header Row', name: 'headerRow', type: 'number', default: 1, displayOptions: { show: { rangeDefinition: ['specifyRange'] } } },
    { displayName: 'First Data Row', name: 'firstDataRow', type: 'number', default: 2, displayOptions: { show: { rangeDefinition: ['specifyRange'] } } },
    { displayName: 'Range', name: 'range', type: 'string', default: '', placeholder: 'A:Z', displayOptions: { show: { rangeDefinition: ['specifyRangeA1'] } } },
  ] }],
};
const outputFormatting: NodeProperty = {
  displayName: 'Output Formatting', name: 'outputFormatting', type: 'fixedCollection', default: { values: { general: 'UNFORMATTED_VALUE', date: 'FORMATTED_STRING' } },
  options: [{ displayName: 'Values', name: 'values', values: [
    { displayName: 'General Formatting', name: 'general', type: 'options', default: '',
      options: [{ name: 'Values (unformatted)', value: 'UNFORMATTED_VALUE' }, { name: 'Values (formatted)', value: 'FORMATTED_VALUE' }, { name: 'Formulas', value: 'FORMULA' }] },
    { displayName: 'Date Formatting', name: 'date', type: 'options', default: '',
      options: [{ name: 'Formatted Text', value: 'FORMATTED_STRING' }, { name: 'Serial Number', value: 'SERIAL_NUMBER' }] },
  ] }],
};

/** Spreadsheet create (V1 and V2 alike): a title, its sheets, locale and recalculation. */
const spreadsheetCreate: NodeProperty[] = [
  { displayName: 'Title', name: 'title', type: 'string', default: '', displayOptions: { show: { resource: ['spreadsheet'], operation: ['create'] } },
    description: 'The title of the spreadsheet' },
  { displayName: 'Sheets', name: 'sheetsUi', type: 'fixedCollection', default: {}, placeholder: 'Add Sheet', typeOptions: { multipleValues: true },
    displayOptions: { show: { resource: ['spreadsheet'], operation: ['create'] } },
    options: [{ displayName: 'Sheet', name: 'sheetValues', values: [
      { displayName: 'Title', name: 'title', type: 'string', default: '' },
      { displayName: 'Hidden', name: 'hidden', type: 'boolean', default: false },
    ] }] },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: { show: { resource: ['spreadsheet'], operation: ['create'] } },
    options: [
      { displayName: 'Locale', name: 'locale', type: 'string', default: '' },
      { displayName: 'Recalculation Interval', name: 'autoRecalc', type: 'options', default: '',
        options: [{ name: 'Default', value: '' }, { name: 'On Change', value: 'ON_CHANGE' }, { name: 'Minute', value: 'MINUTE' }, { name: 'Hour', value: 'HOUR' }] },
    ] },
];

export const sheetsV2Properties: NodeProperty[] = [
  authentication('oAuth2'),
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'sheet',
    options: [{ name: 'Document', value: 'spreadsheet' }, { name: 'Sheet Within Document', value: 'sheet' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'read', displayOptions: { show: { resource: ['sheet'] } },
    options: [
      { name: 'Append or Update Row', value: 'appendOrUpdate' }, { name: 'Append Row', value: 'append' }, { name: 'Clear', value: 'clear' },
      { name: 'Create', value: 'create' }, { name: 'Delete', value: 'remove' }, { name: 'Delete Rows or Columns', value: 'delete' },
      { name: 'Get Row(s)', value: 'read' }, { name: 'Update Row', value: 'update' },
    ] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['spreadsheet'] } },
    options: [{ name: 'Create', value: 'create' }, { name: 'Delete', value: 'deleteSpreadsheet' }] },
  documentId,
  // Delete Spreadsheet picks the document the same way (Drive deletes the file).
  { ...documentId, displayOptions: { show: { resource: ['spreadsheet'], operation: ['deleteSpreadsheet'] } } },
  sheetName,
  ...spreadsheetCreate,
  // clear
  { displayName: 'Clear', name: 'clear', type: 'options', default: 'wholeSheet', displayOptions: sheetOps(['clear']),
    options: [{ name: 'Whole Sheet', value: 'wholeSheet' }, { name: 'Specific Rows', value: 'specificRows' }, { name: 'Specific Columns', value: 'specificColumns' }, { name: 'Specific Range', value: 'specificRange' }] },
  { displayName: 'Keep First Row', name: 'keepFirstRow', type: 'boolean', default: false, displayOptions: sheetOps(['clear'], { clear: ['wholeSheet'] }) },
  { displayName: 'Start Row Number', name: 'startIndex', type: 'number', default: 1, displayOptions: sheetOps(['clear'], { clear: ['specificRows'] }) },
  { displayName: 'Number of Rows to Delete', name: 'rowsToDelete', type: 'number', default: 1, displayOptions: sheetOps(['clear'], { clear: ['specificRows'] }) },
  { displayName: 'Start Column', name: 'startIndex', type: 'string', default: 'A', displayOptions: sheetOps(['clear'], { clear: ['specificColumns'] }) },
  { displayName: 'Number of Columns to Delete', name: 'columnsToDelete', type: 'number', default: 1, displayOptions: sheetOps(['clear'], { clear: ['specificColumns'] }) },
  { displayName: 'Range', name: 'range', type: 'string', default: 'A1:F', displayOptions: sheetOps(['clear'], { clear: ['specificRange'] }) },
  // delete rows or columns
  { displayName: 'To Delete', name: 'toDelete', type: 'options', default: 'rows', displayOptions: sheetOps(['delete']),
    options: [{ name: 'Rows', value: 'rows' }, { name: 'Columns', value: 'columns' }] },
  { displayName: 'Start Row Number', name: 'startIndex', type: 'number', default: 2, displayOptions: sheetOps(['delete'], { toDelete: ['rows'] }) },
  { displayName: 'Start Column', name: 'startIndex', type: 'string', default: 'A', displayOptions: sheetOps(['delete'], { toDelete: ['columns'] }) },
  { displayName: 'Number of Rows to Delete', name: 'numberToDelete', type: 'number', default: 1, displayOptions: sheetOps(['delete'], { toDelete: ['rows'] }) },
  { displayName: 'Number of Columns to Delete', name: 'numberToDelete', type: 'number', default: 1, displayOptions: sheetOps(['delete'], { toDelete: ['columns'] }) },
  // create (a sheet in the document)
  { displayName: 'Title', name: 'title', type: 'string', default: 'n8n-sheet', required: true, displayOptions: sheetOps(['create']) },
  // writes
  ...v3Mapping,
  columns('append'), columns('appendOrUpdate'), columns('update'),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: sheetOps(['append', 'appendOrUpdate', 'update']),
    options: [cellFormat, headerRowOption, handlingExtraData,
      { displayName: 'Use Append', name: 'useAppend', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['append'] } } }] },
  // read
  { displayName: 'Filters', name: 'filtersUI', type: 'fixedCollection', default: {}, placeholder: 'Add Filter', typeOptions: { multipleValues: true },
    displayOptions: sheetOps(['read']),
    options: [{ displayName: 'Filter', name: 'values', values: [
      { displayName: 'Column', name: 'lookupColumn', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getSheetHeaderRowWithGeneratedColumnNames' } },
      { displayName: 'Value', name: 'lookupValue', type: 'string', default: '' },
    ] }] },
  { displayName: 'Combine Filters', name: 'combineFilters', type: 'options', default: 'AND', displayOptions: sheetOps(['read'], { '@version': [{ _cnd: { gte: 4.3 } }] }),
    options: [{ name: 'AND', value: 'AND' }, { name: 'OR', value: 'OR' }] },
  { displayName: 'Combine Filters', name: 'combineFilters', type: 'options', default: 'OR', displayOptions: sheetOps(['read'], { '@version': [{ _cnd: { lt: 4.3 } }] }),
    options: [{ name: 'AND', value: 'AND' }, { name: 'OR', value: 'OR' }] },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: sheetOps(['read']),
    options: [dataLocationOnSheet, outputFormatting,
      { displayName: 'When Filter Has Multiple Matches', name: 'returnAllMatches', type: 'options', default: 'returnFirstMatch',
        displayOptions: { show: { '@version': [{ _cnd: { lt: 4.5 } }] } },
        options: [{ name: 'Return First Match', value: 'returnFirstMatch' }, { name: 'Return All Matches', value: 'returnAllMatches' }] },
      { displayName: 'Return Only First Matching Row', name: 'returnFirstMatch', type: 'boolean', default: false,
        displayOptions: { show: { '@version': [{ _cnd: { gte: 4.5 } }] } } }] },
];

const v1Ops = (operation: string[]): DisplayOptions => ({ show: { operation } });

const v1SheetProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'read',
    options: ['append', 'clear', 'create', 'delete', 'lookup', 'read', 'remove', 'update', 'upsert'].map((value) => ({ name: value, value })) },
  { displayName: 'Sheet ID', name: 'sheetId', type: 'string', default: '', required: true, displayOptions: { hide: { operation: ['create'] } } },
  { displayName: 'Range', name: 'range', type: 'string', default: 'A:F', required: true, displayOptions: { hide: { operation: ['create', 'delete', 'remove'] } } },
  { displayName: 'RAW Data', name: 'rawData', type: 'boolean', default: false, displayOptions: { hide: { operation: ['clear', 'create', 'delete', 'remove'] } } },
  { displayName: 'Data Property', name: 'dataProperty', type: 'string', default: 'data', displayOptions: { show: { rawData: [true] }, hide: { operation: ['clear', 'create', 'delete', 'remove'] } } },
  { displayName: 'Data Start Row', name: 'dataStartRow', type: 'number', default: 1, typeOptions: { minValue: 1 }, displayOptions: { hide: { operation: ['append', 'clear', 'create', 'delete', 'remove'], rawData: [true] } } },
  { displayName: 'Key Row', name: 'keyRow', type: 'number', default: 0, typeOptions: { minValue: 0 }, displayOptions: { hide: { operation: ['clear', 'create', 'delete', 'remove'], rawData: [true] } } },
  { displayName: 'Lookup Column', name: 'lookupColumn', type: 'string', default: '', required: true, displayOptions: v1Ops(['lookup']) },
  { displayName: 'Lookup Value', name: 'lookupValue', type: 'string', default: '', displayOptions: v1Ops(['lookup']) },
  { displayName: 'Key', name: 'key', type: 'string', default: 'id', displayOptions: { show: { operation: ['update', 'upsert'], rawData: [false] } } },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', displayOptions: v1Ops(['append', 'lookup', 'read', 'update', 'upsert']),
    options: [
      { displayName: 'Continue If Empty', name: 'continue', type: 'boolean', default: false },
      { displayName: 'Return All Matches', name: 'returnAllMatches', type: 'boolean', default: false },
      { displayName: 'Value Input Mode', name: 'valueInputMode', type: 'options', default: 'RAW',
        options: [{ name: 'RAW', value: 'RAW' }, { name: 'User Entered', value: 'USER_ENTERED' }] },
      { displayName: 'Value Render Mode', name: 'valueRenderMode', type: 'options', default: 'UNFORMATTED_VALUE',
        options: [{ name: 'Formatted Value', value: 'FORMATTED_VALUE' }, { name: 'Formula', value: 'FORMULA' }, { name: 'Unformatted Value', value: 'UNFORMATTED_VALUE' }] },
    ] },
];

/** V1's sheet fields show for the Sheet resource only, as in n8n (whose V1 also has a Spreadsheet resource). */
const forSheets = (property: NodeProperty): NodeProperty => ({
  ...property, displayOptions: { ...property.displayOptions, show: { resource: ['sheet'], ...property.displayOptions?.show } },
});

export const sheetsV1Properties: NodeProperty[] = [
  authentication('serviceAccount'),
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'sheet',
    options: [{ name: 'Spreadsheet', value: 'spreadsheet' }, { name: 'Sheet', value: 'sheet' }] },
  ...v1SheetProperties.map(forSheets),
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['spreadsheet'] } },
    options: [{ name: 'Create', value: 'create' }] },
  ...spreadsheetCreate,
];
