// Pipedrive's parameters (n8n-nodes-base.pipedrive v1) for its common resources: n8n's names, types,
// defaults and displayOptions; the descriptions are our own words.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

type P = NodeProperty;
const show = (resource: string | string[], operation: string[], more: Record<string, unknown[]> = {}) =>
  ({ show: { resource: Array.isArray(resource) ? resource : [resource], operation, ...more } });

const operations = (resource: string, ops: Array<[string, string]>, fallback: string): P => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } },
  options: ops.map(([name, value]) => ({ name, value })), default: fallback,
});
const CRUD: Array<[string, string]> = [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Update', 'update']];
const withSearch = (ops: Array<[string, string]>): Array<[string, string]> => [...ops.slice(0, 4), ['Search', 'search'], ops[4]];

const customProperties: P = {
  displayName: 'Custom Properties', name: 'customProperties', placeholder: 'Add Custom Property', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {},
  description: 'Fields not listed here, by their Pipedrive key (or name, with Encode Properties)',
  options: [{ name: 'property', displayName: 'Property', values: [
    { displayName: 'Property Name', name: 'name', type: 'string', default: '' },
    { displayName: 'Property Value', name: 'value', type: 'string', default: '' },
  ] }],
};
const userId: P = { displayName: 'User Name or ID', name: 'user_id', type: 'options', typeOptions: { loadOptionsMethod: 'getUserIds' }, default: '' };
const orgOption: P = { displayName: 'Organization Name or ID', name: 'org_id', type: 'options', typeOptions: { loadOptionsMethod: 'getOrganizationIds' }, default: '' };
const num = (displayName: string, name: string): P => ({ displayName, name, type: 'number', default: 0 });
const str = (displayName: string, name: string): P => ({ displayName, name, type: 'string', default: '' });
const visibleTo: P = { displayName: 'Visible To', name: 'visible_to', type: 'options', options: [{ name: 'Owner & Followers (Private)', value: '1' }, { name: 'Entire Company (Shared)', value: '3' }], default: '3' };

const idParam = (resource: string, name: string, displayName: string, ops: string[], type: 'number' | 'string' = 'number'): P => ({
  displayName, name, type, required: true, default: type === 'number' ? 0 : '', displayOptions: show(resource, ops),
});
const returnAllLimit = (resource: string, ops: string[]): P[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: show(resource, ops), description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 500 }, default: 100, displayOptions: show(resource, ops, { returnAll: [false] }), description: 'Max number of results to return' },
];
const collection = (name: string, displayName: string, resource: string, ops: string[], options: P[]): P => ({
  displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show(resource, ops), options,
});
const searchOptions = (resource: string, extra: P[]): P[] => [
  { displayName: 'Term', name: 'term', type: 'string', required: true, default: '', displayOptions: show(resource, ['search']), description: 'At least two characters to search for' },
  ...returnAllLimit(resource, ['search']),
  collection('additionalFields', 'Additional Fields', resource, ['search'], [
    { displayName: 'Exact Match', name: 'exactMatch', type: 'boolean', default: false },
    str('Fields', 'fields'),
    { displayName: 'RAW Data', name: 'rawData', type: 'boolean', default: false, description: 'Whether to return the search results as Pipedrive answers them' },
    ...extra,
  ]),
];

const activityFields: P[] = [
  num('Deal ID', 'deal_id'), { displayName: 'Due Date', name: 'due_date', type: 'dateTime', default: '' },
  { displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 5 }, default: '' }, orgOption, num('Person ID', 'person_id'), userId, customProperties,
];
const dealFields: P[] = [
  str('Currency', 'currency'), { displayName: 'Label Name or ID', name: 'label', type: 'options', typeOptions: { loadOptionsMethod: 'getDealLabels' }, default: '' },
  { displayName: 'Probability', name: 'probability', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 0 },
  { displayName: 'Stage Name or ID', name: 'stage_id', type: 'options', typeOptions: { loadOptionsMethod: 'getStageIds' }, default: '' },
  { displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Open', value: 'open' }, { name: 'Won', value: 'won' }, { name: 'Lost', value: 'lost' }, { name: 'Deleted', value: 'deleted' }], default: 'open' },
  userId, { displayName: 'Value', name: 'value', type: 'number', default: 0 }, visibleTo, customProperties,
];
const personFields: P[] = [
  { displayName: 'Email', name: 'email', type: 'string', typeOptions: { multipleValues: true }, default: [] },
  { displayName: 'Label Name or ID', name: 'label', type: 'options', typeOptions: { loadOptionsMethod: 'getPersonLabels' }, default: '' },
  { displayName: 'Marketing Status', name: 'marketing_status', type: 'options', options: [{ name: 'No Consent', value: 'no_consent' }, { name: 'Subscribed', value: 'subscribed' }, { name: 'Unsubscribed', value: 'unsubscribed' }, { name: 'Archived', value: 'archived' }], default: 'no_consent' },
  num('Organization ID', 'org_id'), userId,
  { displayName: 'Phone', name: 'phone', type: 'string', typeOptions: { multipleValues: true }, default: [] }, visibleTo, customProperties,
];
const organizationFields: P[] = [
  { displayName: 'Label Name or ID', name: 'label', type: 'options', typeOptions: { loadOptionsMethod: 'getOrganizationLabels' }, default: '' },
  str('Address', 'address'), userId, visibleTo, customProperties,
];
const leadFields: P[] = [
  { displayName: 'Expected Close Date', name: 'expected_close_date', type: 'dateTime', default: '' },
  { displayName: 'Label Names or IDs', name: 'label_ids', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getLeadLabels' }, default: [] },
  { displayName: 'Owner Name or ID', name: 'owner_id', type: 'options', typeOptions: { loadOptionsMethod: 'getUserIds' }, default: '' },
  {
    displayName: 'Value', name: 'value', type: 'fixedCollection', default: {},
    options: [{ displayName: 'Value Properties', name: 'valueProperties', values: [
      { displayName: 'Amount', name: 'amount', type: 'number', default: 0 }, str('Currency', 'currency'),
    ] }],
  },
];
const dealProductFields: P[] = [
  { displayName: 'Comments', name: 'comments', type: 'string', typeOptions: { rows: 4 }, default: '' },
  { displayName: 'Discount Percentage', name: 'discount_percentage', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 0 },
  str('Product Variation ID', 'product_variation_id'),
];
const dealPicker = (resource: string, ops: string[]): P => ({
  displayName: 'Deal Name or ID', name: 'dealId', type: 'options', typeOptions: { loadOptionsMethod: 'getDeals' }, default: '', required: true, displayOptions: show(resource, ops),
});
const noteFields: P[] = [num('Deal ID', 'deal_id'), str('Lead ID', 'lead_id'), num('Organization ID', 'org_id'), num('Person ID', 'person_id')];

const associate = (resource: string, orgName: string): P[] => [
  { displayName: 'Associate With', name: 'associateWith', type: 'options', options: [{ name: 'Organization', value: 'organization' }, { name: 'Person', value: 'person' }], default: 'organization', required: true, displayOptions: show(resource, ['create']) },
  { displayName: 'Organization ID', name: orgName, type: 'number', default: 0, required: true, displayOptions: show(resource, ['create'], { associateWith: ['organization'] }) },
  { displayName: 'Person ID', name: 'person_id', type: 'number', default: 0, required: true, displayOptions: show(resource, ['create'], { associateWith: ['person'] }) },
];

export const pipedriveProperties: P[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'API Token', value: 'apiToken' }, { name: 'OAuth2', value: 'oAuth2' }], default: 'apiToken' },
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'deal',
    options: [['Activity', 'activity'], ['Deal', 'deal'], ['Deal Activity', 'dealActivity'], ['Deal Product', 'dealProduct'], ['File', 'file'], ['Lead', 'lead'], ['Note', 'note'], ['Organization', 'organization'], ['Person', 'person'], ['Product', 'product']].map(([name, value]) => ({ name, value })),
  },
  operations('activity', CRUD, 'create'),
  operations('deal', [['Create', 'create'], ['Delete', 'delete'], ['Duplicate', 'duplicate'], ['Get', 'get'], ['Get Many', 'getAll'], ['Search', 'search'], ['Update', 'update']], 'create'),
  operations('dealActivity', [['Get Many', 'getAll']], 'getAll'),
  operations('dealProduct', [['Add', 'add'], ['Get Many', 'getAll'], ['Remove', 'remove'], ['Update', 'update']], 'add'),
  operations('file', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Update', 'update']], 'create'),
  operations('lead', CRUD, 'create'),
  operations('note', CRUD, 'create'),
  operations('organization', withSearch(CRUD), 'create'),
  operations('person', withSearch(CRUD), 'create'),
  operations('product', [['Get Many', 'getAll']], 'getAll'),

  // activity
  { displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true, displayOptions: show('activity', ['create']) },
  { displayName: 'Done', name: 'done', type: 'options', options: [{ name: 'Not Done', value: '0' }, { name: 'Done', value: '1' }], default: '0', displayOptions: show('activity', ['create']) },
  { displayName: 'Type', name: 'type', type: 'string', default: '', required: true, placeholder: 'call', displayOptions: show('activity', ['create']) },
  collection('additionalFields', 'Additional Fields', 'activity', ['create'], activityFields),
  idParam('activity', 'activityId', 'Activity ID', ['delete', 'get', 'update']),
  ...returnAllLimit('activity', ['getAll']),
  collection('additionalFields', 'Additional Fields', 'activity', ['getAll'], [
    { displayName: 'Done', name: 'done', type: 'boolean', default: false }, { displayName: 'End Date', name: 'end_date', type: 'dateTime', default: '' },
    num('Filter ID', 'filterId'), { displayName: 'Start Date', name: 'start_date', type: 'dateTime', default: '' },
    { displayName: 'Type Names or IDs', name: 'type', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getActivityTypes' }, default: [] }, userId,
  ]),
  collection('updateFields', 'Update Fields', 'activity', ['update'], [
    { displayName: 'Done', name: 'done', type: 'options', options: [{ name: 'Not Done', value: '0' }, { name: 'Done', value: '1' }], default: '0' },
    str('Subject', 'subject'), str('Type', 'type'), ...activityFields,
  ]),

  // deal
  { displayName: 'Title', name: 'title', type: 'string', default: '', required: true, displayOptions: show('deal', ['create']) },
  ...associate('deal', 'org_id'),
  collection('additionalFields', 'Additional Fields', 'deal', ['create'], dealFields),
  idParam('deal', 'dealId', 'Deal ID', ['delete', 'duplicate', 'get', 'update']),
  ...returnAllLimit('deal', ['getAll']),
  collection('filters', 'Filters', 'deal', ['getAll'], [
    num('Filter ID', 'filter_id'), { displayName: 'Stage Name or ID', name: 'stage_id', type: 'options', typeOptions: { loadOptionsMethod: 'getStageIds' }, default: '' },
    { displayName: 'Status', name: 'status', type: 'options', options: ['open', 'won', 'lost', 'deleted', 'all_not_deleted'].map((v) => ({ name: v, value: v })), default: 'all_not_deleted' }, userId,
  ]),
  collection('updateFields', 'Update Fields', 'deal', ['update'], [str('Title', 'title'), num('Organization ID', 'org_id'), num('Person ID', 'person_id'), ...dealFields]),
  { displayName: 'Term', name: 'term', type: 'string', required: true, default: '', displayOptions: show('deal', ['search']), description: 'At least two characters to search for' },
  { displayName: 'Exact Match', name: 'exactMatch', type: 'boolean', default: false, displayOptions: show('deal', ['search']) },
  ...returnAllLimit('deal', ['search']),
  collection('additionalFields', 'Additional Fields', 'deal', ['search'], [
    { displayName: 'Include Fields', name: 'includeFields', type: 'string', default: '' },
    { displayName: 'Search Fields', name: 'fields', type: 'multiOptions', options: ['custom_fields', 'notes', 'title'].map((v) => ({ name: v, value: v })), default: [] },
    str('Organization ID', 'organizationId'), str('Person ID', 'personId'),
    { displayName: 'RAW Data', name: 'rawData', type: 'boolean', default: false },
    { displayName: 'Status', name: 'status', type: 'options', options: ['open', 'won', 'lost'].map((v) => ({ name: v, value: v })), default: 'open' },
  ]),

  // deal activity, deal product: the deal picked from a list (or an ID by expression)
  dealPicker('dealActivity', ['getAll']),
  ...returnAllLimit('dealActivity', ['getAll']),
  collection('additionalFields', 'Additional Fields', 'dealActivity', ['getAll'], [
    { displayName: 'Done', name: 'done', type: 'boolean', default: false }, str('Exclude Activity IDs', 'exclude'),
  ]),
  dealPicker('dealProduct', ['add', 'getAll', 'remove', 'update']),
  { displayName: 'Product Name or ID', name: 'productId', type: 'options', typeOptions: { loadOptionsMethod: 'getProducts' }, default: '', required: true, displayOptions: show('dealProduct', ['add']) },
  { displayName: 'Item Price', name: 'item_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, required: true, displayOptions: show('dealProduct', ['add']) },
  { displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, required: true, displayOptions: show('dealProduct', ['add']) },
  collection('additionalFields', 'Additional Fields', 'dealProduct', ['add'], dealProductFields),
  {
    displayName: 'Product Attachment Name or ID', name: 'productAttachmentId', type: 'options', default: '', required: true,
    typeOptions: { loadOptionsMethod: 'getProductsDeal', loadOptionsDependsOn: ['dealId'] }, displayOptions: show('dealProduct', ['remove', 'update']),
  },
  collection('updateFields', 'Update Fields', 'dealProduct', ['update'], [
    dealProductFields[0], dealProductFields[1],
    { displayName: 'Item Price', name: 'item_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
    { displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 }, dealProductFields[2],
  ]),
  ...returnAllLimit('dealProduct', ['getAll']),

  // file
  { displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: show('file', ['create']),
    description: 'The name of the input binary field containing the file to be written' },
  collection('additionalFields', 'Additional Fields', 'file', ['create'], [
    num('Activity ID', 'activity_id'), num('Deal ID', 'deal_id'), orgOption, num('Person ID', 'person_id'), num('Product ID', 'product_id'),
  ]),
  idParam('file', 'fileId', 'File ID', ['delete', 'get', 'update']),
  collection('updateFields', 'Update Fields', 'file', ['update'], [str('Name', 'name'), str('Description', 'description')]),

  // lead
  { displayName: 'Title', name: 'title', type: 'string', default: '', required: true, displayOptions: show('lead', ['create']) },
  ...associate('lead', 'organization_id'),
  collection('additionalFields', 'Additional Fields', 'lead', ['create'], leadFields),
  idParam('lead', 'leadId', 'Lead ID', ['delete', 'get', 'update'], 'string'),
  ...returnAllLimit('lead', ['getAll']),
  collection('filters', 'Filters', 'lead', ['getAll'], [
    { displayName: 'Archived Status', name: 'archived_status', type: 'options', options: ['archived', 'all', 'not_archived'].map((v) => ({ name: v, value: v })), default: 'all' },
  ]),
  collection('updateFields', 'Update Fields', 'lead', ['update'], [str('Title', 'title'), num('Organization ID', 'organization_id'), num('Person ID', 'person_id'), ...leadFields]),

  // note
  { displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 5 }, default: '', displayOptions: show('note', ['create']) },
  collection('additionalFields', 'Additional Fields', 'note', ['create'], noteFields),
  idParam('note', 'noteId', 'Note ID', ['delete', 'get', 'update']),
  ...returnAllLimit('note', ['getAll']),
  collection('additionalFields', 'Additional Fields', 'note', ['getAll'], noteFields),
  collection('updateFields', 'Update Fields', 'note', ['update'], [{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 5 }, default: '' }, ...noteFields]),

  // organization
  { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: show('organization', ['create']) },
  collection('additionalFields', 'Additional Fields', 'organization', ['create'], organizationFields),
  idParam('organization', 'organizationId', 'Organization ID', ['delete', 'get', 'update']),
  ...returnAllLimit('organization', ['getAll']),
  collection('filters', 'Filters', 'organization', ['getAll'], [num('Filter ID', 'filterId'), str('First Char', 'firstChar')]),
  collection('updateFields', 'Update Fields', 'organization', ['update'], [str('Name', 'name'), ...organizationFields]),
  ...searchOptions('organization', []),

  // person
  { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, displayOptions: show('person', ['create']) },
  collection('additionalFields', 'Additional Fields', 'person', ['create'], personFields),
  idParam('person', 'personId', 'Person ID', ['delete', 'get', 'update']),
  ...returnAllLimit('person', ['getAll']),
  collection('additionalFields', 'Additional Fields', 'person', ['getAll'], [num('Filter ID', 'filterId'), str('First Char', 'firstChar'), str('Sort', 'sort')]),
  collection('updateFields', 'Update Fields', 'person', ['update'], [str('Name', 'name'), ...personFields]),
  ...searchOptions('person', [str('Include Fields', 'includeFields'), str('Organization ID', 'organizationId')]),

  // product
  ...returnAllLimit('product', ['getAll']),

  {
    displayName: 'Encode Properties', name: 'encodeProperties', type: 'boolean', default: false,
    displayOptions: show(['activity', 'deal', 'organization', 'person', 'product'], ['update']),
    description: 'Whether custom fields may be given by their names and option labels instead of their keys and ids',
  },
  {
    displayName: 'Resolve Properties', name: 'resolveProperties', type: 'boolean', default: false,
    displayOptions: show(['activity', 'deal', 'organization', 'person', 'product'], ['get', 'getAll']),
    description: 'Whether to show custom fields by their names and option labels instead of their keys and ids',
  },
];

export const pipedriveCredentials: NodeCredentialDescription[] = [
  { name: 'pipedriveApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
  { name: 'pipedriveOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
