// Parameters of n8n's Notion node v2, 2.1 and 2.2: resources, operations, names and defaults as
// n8n's. The property, filter and block rows carry n8n's field names; the per-type fields inside
// them are listed flat (the editor shows them all) rather than with n8n's per-type conditions.
import type { NodeProperty } from '../../engine/index.ts';

const show = (resource: string, operation: string[], extra: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...extra } });
const str = (name: string, displayName: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({ name, displayName, type: 'string', default: '', ...extra });
const bool = (name: string, displayName: string, value: boolean, extra: Partial<NodeProperty> = {}): NodeProperty => ({ name, displayName, type: 'boolean', default: value, ...extra });

function locator(name: string, displayName: string, withList: boolean, displayOptions: NodeProperty['displayOptions']): NodeProperty {
  return {
    name, displayName, type: 'resourceLocator', required: true, displayOptions,
    default: { mode: withList ? 'list' : 'url', value: '' },
    modes: [
      ...(withList ? [{ displayName: 'Database', name: 'list', type: 'list', typeOptions: { searchListMethod: 'getDatabases', searchable: true } }] : []),
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'https://www.notion.so/0fe2f7de558b471eab07e9d871cdf4a9' },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'ab1545b247fb49fa92d6f4b49f4d8116' },
    ],
  };
}

const returnAllAndLimit = (resource: string, operation: string): NodeProperty[] => [
  bool('returnAll', 'Return All', false, { displayOptions: show(resource, [operation]), description: 'Whether to return all results or only up to a given limit' }),
  { name: 'limit', displayName: 'Limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 100 },
    displayOptions: show(resource, [operation], { returnAll: [false] }), description: 'Max number of results to return' },
];

const simple = (resource: string, operations: string[]) =>
  bool('simple', 'Simplify', true, { displayOptions: show(resource, operations), description: 'Whether to return a simplified version of the response instead of the raw data' });

const textRows: NodeProperty = {
  name: 'text', displayName: 'Text', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
  options: [{ name: 'text', displayName: 'Text', values: [
    { name: 'textType', displayName: 'Type', type: 'options', default: 'text', options: ['equation', 'mention', 'text'].map((value) => ({ name: value, value })) },
    str('text', 'Text'), bool('isLink', 'Is Link', false), str('textLink', 'Text Link'),
    { name: 'mentionType', displayName: 'Type', type: 'options', default: '', options: ['database', 'date', 'page', 'user'].map((value) => ({ name: value, value })) },
    str('user', 'User Name or ID'), str('page', 'Page ID'),
    { name: 'database', displayName: 'Database', type: 'resourceLocator', default: { mode: 'list', value: '' },
      modes: [{ displayName: 'Database', name: 'list', type: 'list', typeOptions: { searchListMethod: 'getDatabases', searchable: true } },
        { displayName: 'Link', name: 'url', type: 'string' }, { displayName: 'ID', name: 'id', type: 'string' }] },
    str('expression', 'Expression'), bool('range', 'Range', false), str('date', 'Date'), str('dateStart', 'Date Start'), str('dateEnd', 'Date End'),
    { name: 'annotationUi', displayName: 'Annotations', type: 'collection', default: {}, placeholder: 'Add Annotation', options: [
      ...['bold', 'italic', 'strikethrough', 'underline', 'code'].map((a) => bool(a, a[0].toUpperCase() + a.slice(1), false)),
      str('color', 'Color', { description: 'Color of the text, e.g. red or red_background' }),
    ] },
  ] }],
};

const propertyRows = (resource: string, operations: string[]): NodeProperty => ({
  name: 'propertiesUi', displayName: 'Properties', type: 'fixedCollection', default: {}, placeholder: 'Add Property', typeOptions: { multipleValues: true },
  displayOptions: show(resource, operations),
  options: [{ name: 'propertyValues', displayName: 'Property', values: [
    { name: 'key', displayName: 'Key Name or ID', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getDatabaseProperties' } },
    str('title', 'Title'), bool('richText', 'Rich Text', false), str('textContent', 'Text'), textRows,
    { name: 'numberValue', displayName: 'Number', type: 'number', default: 0 },
    str('urlValue', 'URL'), bool('ignoreIfEmpty', 'Ignore If Empty', false), bool('checkboxValue', 'Checked', false),
    { name: 'relationValue', displayName: 'Relation IDs', type: 'string', default: [], typeOptions: { multipleValues: true } },
    { name: 'multiSelectValue', displayName: 'Option Names or IDs', type: 'multiOptions', default: [] },
    str('emailValue', 'Email'), { name: 'peopleValue', displayName: 'People Names or IDs', type: 'multiOptions', default: [] },
    str('phoneValue', 'Phone Number'), str('selectValue', 'Option Name or ID'), str('statusValue', 'Status Name or ID'),
    bool('includeTime', 'Include Time', true), bool('range', 'Range', false), str('date', 'Date'), str('dateStart', 'Date Start'), str('dateEnd', 'Date End'),
    str('timezone', 'Timezone', { default: 'default' }),
    { name: 'fileUrls', displayName: 'File URLs', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true },
      options: [{ name: 'fileUrl', displayName: 'File', values: [str('name', 'Name'), str('url', 'File URL')] }] },
  ] }],
});

const blockRows = (resource: string, operations: string[]): NodeProperty => ({
  name: 'blockUi', displayName: 'Blocks', type: 'fixedCollection', default: {}, placeholder: 'Add Block', typeOptions: { multipleValues: true },
  displayOptions: show(resource, operations),
  options: [{ name: 'blockValues', displayName: 'Block', values: [
    { name: 'type', displayName: 'Type Name or ID', type: 'options', default: 'paragraph',
      options: ['paragraph', 'heading_1', 'heading_2', 'heading_3', 'toggle', 'to_do', 'bulleted_list_item', 'numbered_list_item', 'image'].map((value) => ({ name: value, value })) },
    bool('richText', 'Rich Text', false), str('textContent', 'Text'), textRows, bool('checked', 'Checked', false), str('title', 'Title'), str('url', 'Image URL'),
  ] }],
});

const iconOptions = (resource: string, operations: string[]): NodeProperty => ({
  name: 'options', displayName: 'Options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: show(resource, operations),
  options: [
    { name: 'iconType', displayName: 'Icon Type', type: 'options', default: 'emoji', options: [{ name: 'Emoji', value: 'emoji' }, { name: 'File', value: 'file' }] },
    str('icon', 'Icon', { description: 'Emoji or File URL to use as the icon' }),
  ],
});

const sortRows: NodeProperty = {
  name: 'sort', displayName: 'Sort', type: 'fixedCollection', default: {}, placeholder: 'Add Sort', typeOptions: { multipleValues: true },
  options: [{ name: 'sortValue', displayName: 'Sort', values: [
    bool('timestamp', 'Timestamp', false, { description: 'Whether or not to use the record\'s timestamp to sort the response' }),
    { name: 'key', displayName: 'Property Name or ID', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getFilterProperties' } },
    { name: 'direction', displayName: 'Direction', type: 'options', default: 'descending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
  ] }],
};

const searchSort: NodeProperty = {
  name: 'sort', displayName: 'Sort', type: 'fixedCollection', default: {}, placeholder: 'Add Sort',
  options: [{ name: 'sortValue', displayName: 'Sort', values: [
    { name: 'direction', displayName: 'Direction', type: 'options', default: 'descending', options: [{ name: 'Ascending', value: 'ascending' }, { name: 'Descending', value: 'descending' }] },
    { name: 'timestamp', displayName: 'Timestamp', type: 'options', default: 'last_edited_time', options: [{ name: 'Last Edited Time', value: 'last_edited_time' }] },
  ] }],
};

const operation = (resource: string, fallback: string, values: Array<[string, string]>): NodeProperty => ({
  name: 'operation', displayName: 'Operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: values.map(([value, name]) => ({ name, value })),
});

const filterRows: NodeProperty = {
  name: 'filters', displayName: 'Filters', type: 'fixedCollection', default: {}, placeholder: 'Add Condition', typeOptions: { multipleValues: true },
  displayOptions: show('databasePage', ['getAll'], { filterType: ['manual'] }),
  options: [{ name: 'conditions', displayName: 'Conditions', values: [
    { name: 'key', displayName: 'Property Name or ID', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getFilterProperties' } },
    str('condition', 'Condition'), str('returnType', 'Return Type'),
    str('titleValue', 'Title'), str('richTextValue', 'Text'), { name: 'numberValue', displayName: 'Number', type: 'number', default: 0 },
    bool('checkboxValue', 'Checked', false), str('selectValue', 'Option'), str('multiSelectValue', 'Option'), str('statusValue', 'Status'),
    str('date', 'Date'), str('peopleValue', 'People'), str('relationValue', 'Relation ID'), str('urlValue', 'URL'), str('emailValue', 'Email'), str('phoneNumberValue', 'Phone'),
    str('createdByValue', 'Created By'), str('createdTimeValue', 'Created Time'), str('lastEditedByValue', 'Last Edited By'), str('lastEditedTime', 'Last Edited Time'),
    str('textValue', 'Text'), str('dateValue', 'Date'),
  ] }],
};

export const notionProperties: NodeProperty[] = [
  {
    name: 'resource', displayName: 'Resource', type: 'options', noDataExpression: true, default: 'page',
    options: [
      { name: 'Block', value: 'block' }, { name: 'Database', value: 'database' }, { name: 'Database Page', value: 'databasePage' },
      { name: 'Page', value: 'page' }, { name: 'User', value: 'user' },
    ],
  },
  // Block
  operation('block', 'append', [['append', 'Append After'], ['getAll', 'Get Child Blocks']]),
  locator('blockId', 'Block', false, show('block', ['append', 'getAll'])),
  blockRows('block', ['append']),
  ...returnAllAndLimit('block', 'getAll'),
  bool('fetchNestedBlocks', 'Also Fetch Nested Blocks', false, { displayOptions: show('block', ['getAll']) }),
  bool('simplifyOutput', 'Simplify Output', true, { displayOptions: { show: { resource: ['block'], operation: ['getAll'] }, hide: { '@version': [2] } } }),
  // Database
  operation('database', 'get', [['get', 'Get'], ['getAll', 'Get Many'], ['search', 'Search']]),
  locator('databaseId', 'Database', true, show('database', ['get'])),
  ...returnAllAndLimit('database', 'getAll'),
  str('text', 'Search Text', { displayOptions: show('database', ['search']), description: 'The text to search for' }),
  ...returnAllAndLimit('database', 'search'),
  simple('database', ['get', 'getAll', 'search']),
  { name: 'options', displayName: 'Options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: show('database', ['search']), options: [searchSort] },
  // Database page
  operation('databasePage', 'create', [['create', 'Create'], ['get', 'Get'], ['getAll', 'Get Many'], ['update', 'Update']]),
  locator('databaseId', 'Database', true, show('databasePage', ['create', 'getAll'])),
  locator('pageId', 'Database Page', false, show('databasePage', ['get', 'update'])),
  str('title', 'Title', { displayOptions: show('databasePage', ['create']), description: 'Page title. Appears at the top of the page and can be found via Quick Find.' }),
  simple('databasePage', ['create', 'get', 'getAll', 'update']),
  propertyRows('databasePage', ['create', 'update']),
  blockRows('databasePage', ['create']),
  iconOptions('databasePage', ['create', 'update']),
  ...returnAllAndLimit('databasePage', 'getAll'),
  { name: 'filterType', displayName: 'Filter', type: 'options', default: 'none', displayOptions: show('databasePage', ['getAll']),
    options: [{ name: 'None', value: 'none' }, { name: 'Build Manually', value: 'manual' }, { name: 'JSON', value: 'json' }] },
  { name: 'matchType', displayName: 'Must Match', type: 'options', default: 'anyFilter', displayOptions: show('databasePage', ['getAll'], { filterType: ['manual'] }),
    options: [{ name: 'Any filter', value: 'anyFilter' }, { name: 'All Filters', value: 'allFilters' }] },
  filterRows,
  str('filterJson', 'Filters (JSON)', { displayOptions: show('databasePage', ['getAll'], { filterType: ['json'] }) }),
  { name: 'options', displayName: 'Options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: show('databasePage', ['getAll']),
    options: [bool('downloadFiles', 'Download Files', false), sortRows] },
  // Page
  operation('page', 'create', [['archive', 'Archive'], ['create', 'Create'], ['search', 'Search']]),
  locator('pageId', 'Page', false, show('page', ['archive', 'create'])),
  str('title', 'Title', { displayOptions: show('page', ['create']) }),
  str('text', 'Search Text', { displayOptions: show('page', ['search']) }),
  ...returnAllAndLimit('page', 'search'),
  simple('page', ['archive', 'create', 'search']),
  blockRows('page', ['create']),
  iconOptions('page', ['create']),
  { name: 'options', displayName: 'Options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: show('page', ['search']),
    options: [
      { name: 'filter', displayName: 'Filter', type: 'fixedCollection', default: {}, options: [{ name: 'filters', displayName: 'Filter', values: [
        { name: 'property', displayName: 'Property', type: 'options', default: 'object', options: [{ name: 'Object', value: 'object' }] },
        { name: 'value', displayName: 'Value', type: 'options', default: '', options: [{ name: 'Database', value: 'database' }, { name: 'Page', value: 'page' }] },
      ] }] },
      searchSort,
    ] },
  // User
  operation('user', 'get', [['get', 'Get'], ['getAll', 'Get Many']]),
  str('userId', 'User ID', { required: true, displayOptions: show('user', ['get']) }),
  ...returnAllAndLimit('user', 'getAll'),
];
