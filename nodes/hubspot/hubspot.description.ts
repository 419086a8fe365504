// Parameters of n8n's HubSpot node: v1 and v2/2.1 share resources, operations and names; v2 picks
// contacts, companies and deals with resource locators (list by search, or an ID), v1 takes IDs.
// The property collections carry HubSpot's common properties (the full lists are long).
import type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const hubspotCredentials: NodeCredentialDescription[] = [
  { name: 'hubspotApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
  { name: 'hubspotAppToken', required: true, displayOptions: { show: { authentication: ['appToken'] } } },
  { name: 'hubspotOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

const show = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { resource: [resource], operation, ...more } });
const str = (displayName: string, name: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const num = (displayName: string, name: string): NodeProperty => ({ displayName, name, type: 'number', default: 0 });
const loaded = (displayName: string, name: string, method: string, multi = false): NodeProperty =>
  ({ displayName, name, type: multi ? 'multiOptions' : 'options', default: multi ? [] : '', typeOptions: { loadOptionsMethod: method } });
const ops = (resource: string, fallback: string, list: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value, description]) => ({ name, value, description })),
});
const returnAll = (resource: string, operation: string, limit = 100, maxValue = 250): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: show(resource, [operation]),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: limit, typeOptions: { minValue: 1, maxValue }, displayOptions: show(resource, [operation], { returnAll: [false] }),
    description: 'Max number of results to return' },
];
const customProperties = (method: string): NodeProperty => ({
  displayName: 'Custom Properties', name: 'customPropertiesUi', type: 'fixedCollection', placeholder: 'Add Custom Property', default: {}, typeOptions: { multipleValues: true },
  options: [{ name: 'customPropertiesValues', displayName: 'Custom Property', values: [
    { ...loaded('Property Name or ID', 'property', method), description: 'Name of the property' },
    str('Value', 'value', { required: true, description: 'Value of the property' }),
  ] }],
});

/** An object picked from a list searched by `method`, or by ID (v2); a plain ID (v1). */
const picker = (locators: boolean, displayName: string, name: string, method: string, displayOptions: DisplayOptions): NodeProperty => (locators
  ? { displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, displayOptions,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: `Select a ${displayName.replace(/ (ID|to .*)$/, '').toLowerCase()}...`, typeOptions: { searchListMethod: method, searchable: true } },
      { displayName: 'By ID', name: 'id', type: 'string', placeholder: '58539222' },
    ] }
  : { displayName, name, type: 'string', default: '', required: true, displayOptions });

const CONTACT_FIELDS: NodeProperty[] = [
  num('Annual Revenue', 'annualRevenue'), loaded('Associated Company Name or ID', 'associatedCompanyId', 'getCompanies'), str('City', 'city'),
  str('Company Name', 'companyName'), loaded('Contact Owner Name or ID', 'contactOwner', 'getOwners'), str('Country/Region', 'country'),
  customProperties('getContactCustomProperties'), str('Fax Number', 'faxNumber'), str('First Name', 'firstName'), str('Industry', 'industry'),
  str('Job Title', 'jobTitle'), str('Last Name', 'lastName'), loaded('Lead Status Name or ID', 'leadStatus', 'getContactLeadStatuses'),
  loaded('Lifecycle Stage Name or ID', 'lifeCycleStage', 'getContactLifeCycleStages'), str('Message', 'message'), str('Mobile Phone Number', 'mobilePhoneNumber'),
  str('Phone Number', 'phoneNumber'), str('Postal Code', 'postalCode'), str('State/Region', 'stateRegion'), str('Street Address', 'streetAddress'),
  str('Website URL', 'websiteUrl'),
];
const COMPANY_FIELDS: NodeProperty[] = [
  num('Annual Revenue', 'annualRevenue'), str('City', 'city'), loaded('Company Owner Name or ID', 'companyOwner', 'getOwners'), str('Country/Region', 'countryRegion'),
  customProperties('getCompanyCustomProperties'), str('Description', 'description'), str('Company Domain Name', 'companyDomainName'),
  loaded('Industry Name or ID', 'industry', 'getCompanyIndustries'), loaded('Lifecycle Stage Name or ID', 'lifecycleStatus', 'getCompanylifecycleStages'),
  num('Number of Employees', 'numberOfEmployees'), str('Phone Number', 'phoneNumber'), str('Postal Code', 'postalCode'), str('State/Region', 'stateRegion'),
  str('Street Address', 'streetAddress'), str('Type', 'type'), str('Website URL', 'websiteUrl'),
];
const DEAL_FIELDS: NodeProperty[] = [
  str('Amount', 'amount'), { ...loaded('Associated Company Names or IDs', 'associatedCompany', 'getCompanies', true) },
  { ...loaded('Associated Vids Names or IDs', 'associatedVids', 'getContacts', true) }, { displayName: 'Close Date', name: 'closeDate', type: 'dateTime', default: '' },
  customProperties('getDealCustomProperties'), str('Deal Description', 'description'), str('Deal Name', 'dealName'),
  loaded('Deal Owner Name or ID', 'dealOwner', 'getOwners'), loaded('Deal Type Name or ID', 'dealType', 'getDealTypes'), str('Pipeline', 'pipeline'),
];
const TICKET_FIELDS: NodeProperty[] = [
  { ...loaded('Company Names or IDs', 'associatedCompanyIds', 'getCompanies', true) }, { ...loaded('Contact Names or IDs', 'associatedContactIds', 'getContacts', true) },
  str('Category', 'category'), { displayName: 'Close Date', name: 'closeDate', type: 'dateTime', default: '' }, { displayName: 'Create Date', name: 'createDate', type: 'dateTime', default: '' },
  str('Description', 'description'), str('Priority', 'priority'), str('Resolution', 'resolution'), str('Source', 'source'),
  loaded('Ticket Owner Name or ID', 'ticketOwnerId', 'getOwners'),
];
const propertyMode: NodeProperty = { displayName: 'Property Mode', name: 'propertyMode', type: 'options', default: 'valueAndHistory',
  options: [{ name: 'Value And History', value: 'valueAndHistory' }, { name: 'Value Only', value: 'valueOnly' }] };
const contactReadFields: NodeProperty[] = [
  { displayName: 'Form Submission Mode', name: 'formSubmissionMode', type: 'options', default: 'all',
    options: [{ name: 'All', value: 'all' }, { name: 'None', value: 'none' }, { name: 'Newest', value: 'newest' }, { name: 'Oldest', value: 'oldest' }] },
  { displayName: 'Include List Memberships', name: 'listMemberships', type: 'boolean', default: true },
  loaded('Contact Properties to Include', 'properties', 'getContactProperties', true), propertyMode,
];
const filterGroups = (method: string): NodeProperty => ({
  displayName: 'Filter Groups', name: 'filterGroupsUi', type: 'fixedCollection', default: {}, placeholder: 'Add Filter Group', typeOptions: { multipleValues: true },
  options: [{ name: 'filterGroupsValues', displayName: 'Filter Group', values: [{
    displayName: 'Filters', name: 'filtersUi', type: 'fixedCollection', default: {}, placeholder: 'Add Filter', typeOptions: { multipleValues: true },
    options: [{ name: 'filterValues', displayName: 'Filter', values: [
      { ...loaded('Property Name or ID', 'propertyName', method) },
      { displayName: 'Operator', name: 'operator', type: 'options', default: 'EQ', options: [
        ['Contains Exactly', 'CONTAINS_TOKEN'], ['Equal', 'EQ'], ['Greater Than', 'GT'], ['Greater Than Or Equal', 'GTE'], ['Is Known', 'HAS_PROPERTY'],
        ['Is Unknown', 'NOT_HAS_PROPERTY'], ['Less Than', 'LT'], ['Less Than Or Equal', 'LTE'], ['Not Equal', 'NEQ'],
      ].map(([name, value]) => ({ name, value })) },
      str('Value', 'value', { displayOptions: { hide: { operator: ['HAS_PROPERTY', 'NOT_HAS_PROPERTY'] } } }),
    ] }],
  }] }],
});
const searchOptions = (method: string): NodeProperty => ({
  displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add option', default: {}, options: [
    { displayName: 'Direction', name: 'direction', type: 'options', default: 'DESCENDING', options: [{ name: 'ASC', value: 'ASCENDING' }, { name: 'DESC', value: 'DESCENDING' }] },
    loaded('Fields', 'properties', method, true), str('Query', 'query', { description: 'Perform a text search against all property values for an object type' }),
    { ...loaded('Sort By', 'sortBy', method), default: 'createdate' },
  ],
});

export function hubspotProperties(locators: boolean): NodeProperty[] {
  return [
    { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'apiKey',
      options: [{ name: 'API Key', value: 'apiKey' }, { name: 'APP Token', value: 'appToken' }, { name: 'OAuth2', value: 'oAuth2' }] },
    { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'deal', options: [
      { name: 'Company', value: 'company' }, { name: 'Contact', value: 'contact' }, { name: 'Contact List', value: 'contactList' }, { name: 'Deal', value: 'deal' },
      { name: 'Engagement', value: 'engagement' }, { name: 'Ticket', value: 'ticket' },
    ] },
    ops('contact', 'upsert', [['Create or Update', 'upsert', 'Create a new contact, or update the current one if it already exists (upsert)'], ['Delete', 'delete', 'Delete a contact'],
      ['Get', 'get', 'Get a contact'], ['Get Many', 'getAll', 'Get many contacts'], ['Get Recently Created/Updated', 'getRecentlyCreatedUpdated', 'Get recently created/updated contacts'],
      ['Search', 'search', 'Search contacts']]),
    str('Email', 'email', { required: true, placeholder: 'name@email.com', displayOptions: show('contact', ['upsert']) }),
    { displayName: 'Contact Properties', name: 'additionalFields', type: 'collection', placeholder: 'Add Property', default: {}, displayOptions: show('contact', ['upsert']), options: CONTACT_FIELDS },
    { displayName: 'Simplify', name: 'resolveData', type: 'boolean', default: true, displayOptions: show('contact', ['upsert']),
      description: 'By default the response only includes the ID. If this option gets activated, it will resolve the data automatically.' },
    picker(locators, 'Contact to Get', 'contactId', 'searchContacts', show('contact', ['get'])),
    picker(locators, 'Contact to Delete', 'contactId', 'searchContacts', show('contact', ['delete'])),
    { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('contact', ['get', 'getAll', 'getRecentlyCreatedUpdated']),
      options: contactReadFields },
    ...returnAll('contact', 'getAll'), ...returnAll('contact', 'getRecentlyCreatedUpdated'), ...returnAll('contact', 'search'),
    { ...filterGroups('getContactProperties'), displayOptions: show('contact', ['search']) },
    { ...searchOptions('getContactProperties'), displayOptions: show('contact', ['search']) },

    ops('contactList', 'add', [['Add', 'add', 'Add contact to a list'], ['Remove', 'remove', 'Remove a contact from a list']]),
    { displayName: 'By', name: 'by', type: 'options', default: 'email', displayOptions: show('contactList', ['add']),
      options: [{ name: 'Contact ID', value: 'id' }, { name: 'Email', value: 'email' }] },
    str('Email', 'email', { required: true, placeholder: 'name@email.com', displayOptions: show('contactList', ['add'], { by: ['email'] }) }),
    { displayName: 'Contact to Add', name: 'id', type: 'number', default: '', required: true, displayOptions: show('contactList', ['add'], { by: ['id'] }) },
    { displayName: 'List to Add To', name: 'listId', type: 'number', default: '', required: true, displayOptions: show('contactList', ['add']) },
    { displayName: 'Contact to Remove', name: 'id', type: 'number', default: '', required: true, displayOptions: show('contactList', ['remove']) },
    { displayName: 'List to Remove From', name: 'listId', type: 'number', default: '', required: true, displayOptions: show('contactList', ['remove']) },

    ops('company', 'create', [['Create', 'create', 'Create a company'], ['Delete', 'delete', 'Delete a company'], ['Get', 'get', 'Get a company'],
      ['Get Many', 'getAll', 'Get many companies'], ['Get Recently Created/Updated', 'getRecentlyCreatedUpdated', 'Get recently created/updated companies'],
      // v1 had the two lists apart.
      ...(locators ? [] : [['Get Recently Created', 'getRecentlyCreated', 'Get recently created companies'], ['Get Recently Modified', 'getRecentlyModified', 'Get recently modified companies']] as Array<[string, string, string]>),
      ['Search By Domain', 'searchByDomain', 'Search companies by their website domain'], ['Update', 'update', 'Update a company']]),
    str('Name', 'name', { required: true, displayOptions: show('company', ['create']) }),
    { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('company', ['create']), options: COMPANY_FIELDS },
    picker(locators, 'Company to Update', 'companyId', 'searchCompanies', show('company', ['update'])),
    { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('company', ['update']),
      options: [str('Name', 'name'), ...COMPANY_FIELDS] },
    picker(locators, 'Company to Get', 'companyId', 'searchCompanies', show('company', ['get'])),
    picker(locators, 'Company to Delete', 'companyId', 'searchCompanies', show('company', ['delete'])),
    { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('company', ['get']),
      options: [{ displayName: 'Include Merge Audits', name: 'includeMergeAudits', type: 'boolean', default: false,
        description: 'Whether to return any merge history if the company has been previously merged with another company record' }] },
    ...returnAll('company', 'getAll'), ...returnAll('company', 'getRecentlyCreatedUpdated'), ...returnAll('company', 'searchByDomain'),
    ...(locators ? [] : [...returnAll('company', 'getRecentlyCreated'), ...returnAll('company', 'getRecentlyModified'),
      { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show('company', ['getRecentlyModified']),
        options: [{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Only return companies modified after this date' },
          { displayName: 'Include Property Versions', name: 'includePropertyVersions', type: 'boolean', default: false }] } satisfies NodeProperty]),
    { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('company', ['getAll']), options: [
      { displayName: 'Include Merge Audits', name: 'includeMergeAudits', type: 'boolean', default: false },
      loaded('Properties', 'properties', 'getCompanyProperties', true), loaded('Properties With History', 'propertiesWithHistory', 'getCompanyProperties', true),
    ] },
    { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('company', ['getRecentlyCreatedUpdated']),
      options: [{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Only return companies modified after this date' },
        { displayName: 'Include Property Versions', name: 'propertiesWithHistory', type: 'boolean', default: false }] },
    str('Domain', 'domain', { required: true, placeholder: 'google.com', displayOptions: show('company', ['searchByDomain']), description: "The company's website domain to search for, like n8n.io" }),
    { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('company', ['searchByDomain']),
      options: [loaded('Properties', 'properties', 'getCompanyProperties', true)] },

    ops('deal', 'create', [['Create', 'create', 'Create a deal'], ['Delete', 'delete', 'Delete a deal'], ['Get', 'get', 'Get a deal'], ['Get Many', 'getAll', 'Get many deals'],
      ['Get Recently Created/Updated', 'getRecentlyCreatedUpdated', 'Get recently created/updated deals'], ['Search', 'search', 'Search deals'], ['Update', 'update', 'Update a deal']]),
    { ...loaded('Deal Stage Name or ID', 'stage', 'getDealStages'), required: true, displayOptions: show('deal', ['create']), description: 'The deal stage is required when creating a deal' },
    { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('deal', ['create']), options: DEAL_FIELDS },
    picker(locators, 'Deal to Update', 'dealId', 'searchDeals', show('deal', ['update'])),
    { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('deal', ['update']),
      options: [{ ...loaded('Deal Stage Name or ID', 'stage', 'getDealStages') }, ...DEAL_FIELDS] },
    picker(locators, 'Deal to Get', 'dealId', 'searchDeals', show('deal', ['get'])),
    picker(locators, 'Deal to Delete', 'dealId', 'searchDeals', show('deal', ['delete'])),
    { displayName: 'Options', name: 'additionalFields', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('deal', ['get']),
      options: [{ displayName: 'Include Property Versions', name: 'includePropertyVersions', type: 'boolean', default: false }] },
    ...returnAll('deal', 'getAll'), ...returnAll('deal', 'getRecentlyCreatedUpdated'), ...returnAll('deal', 'search'),
    { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show('deal', ['getAll']), options: [
      { displayName: 'Include Associations', name: 'includeAssociations', type: 'boolean', default: false },
      loaded('Properties', 'properties', 'getDealProperties', true), loaded('Properties With History', 'propertiesWithHistory', 'getDealProperties', true),
    ] },
    { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show('deal', ['getRecentlyCreatedUpdated']), options: [
      { displayName: 'Since', name: 'since', type: 'dateTime', default: '' }, { displayName: 'Include Property Versions', name: 'includePropertyVersions', type: 'boolean', default: false },
    ] },
    { ...filterGroups('getDealProperties'), displayOptions: show('deal', ['search']) },
    { ...searchOptions('getDealProperties'), displayOptions: show('deal', ['search']) },

    ops('engagement', 'create', [['Create', 'create', 'Create an engagement'], ['Delete', 'delete', 'Delete an engagement'], ['Get', 'get', 'Get an engagement'],
      ['Get Many', 'getAll', 'Get many engagements']]),
    { displayName: 'Type', name: 'type', type: 'options', default: '', required: true, displayOptions: show('engagement', ['create']),
      options: [{ name: 'Call', value: 'call' }, { name: 'Email', value: 'email' }, { name: 'Meeting', value: 'meeting' }, { name: 'Task', value: 'task' }] },
    { displayName: 'Metadata', name: 'metadata', type: 'collection', placeholder: 'Add Metadata', default: {}, displayOptions: show('engagement', ['create']), options: [
      str('Body', 'body'), num('Duration (ms)', 'durationMilliseconds'), { displayName: 'End Time', name: 'endTime', type: 'dateTime', default: '' },
      str('From Number', 'fromNumber'), str('HTML', 'html'), str('Internal Meeting Notes', 'internalMeetingNotes'), str('Recording URL', 'recordingUrl'),
      { displayName: 'Start Time', name: 'startTime', type: 'dateTime', default: '' }, str('Status', 'status'), str('Subject', 'subject'), str('Text', 'text'),
      str('Title', 'title'), str('To Number', 'toNumber'),
    ] },
    { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('engagement', ['create']), options: [
      { displayName: 'Associations', name: 'associations', type: 'collection', placeholder: 'Add Association', default: {}, options: [
        str('Company IDs', 'companyIds'), str('Deals IDs', 'dealIds'), str('Contacts IDs', 'contactIds'), str('Owner IDs', 'ownerIds'), str('Ticket IDs', 'ticketIds'),
      ] },
    ] },
    str('Engagement ID', 'engagementId', { required: true, displayOptions: show('engagement', ['get', 'delete']) }),
    ...returnAll('engagement', 'getAll', 100, 250),

    ops('ticket', 'create', [['Create', 'create', 'Create a ticket'], ['Delete', 'delete', 'Delete a ticket'], ['Get', 'get', 'Get a ticket'],
      ['Get Many', 'getAll', 'Get many tickets'], ['Update', 'update', 'Update a ticket']]),
    { ...loaded('Pipeline Name or ID', 'pipelineId', 'getTicketPipelines'), required: true, displayOptions: show('ticket', ['create']), description: 'The ID of the pipeline the ticket is in' },
    { ...loaded('Stage Name or ID', 'stageId', 'getTicketStages'), required: true, displayOptions: show('ticket', ['create']), typeOptions: { loadOptionsMethod: 'getTicketStages', loadOptionsDependsOn: ['pipelineId'] } },
    str('Ticket Name', 'ticketName', { required: true, displayOptions: show('ticket', ['create']) }),
    { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('ticket', ['create']), options: TICKET_FIELDS },
    str('Ticket ID', 'ticketId', { required: true, displayOptions: show('ticket', ['update', 'get', 'delete']) }),
    { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('ticket', ['update']),
      options: [str('Ticket Name', 'ticketName'), { ...loaded('Pipeline Name or ID', 'pipelineId', 'getTicketPipelines') }, { ...loaded('Stage Name or ID', 'stageId', 'getTicketStages') }, ...TICKET_FIELDS] },
    { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('ticket', ['get', 'getAll']), options: [
      loaded('Properties', 'properties', 'getTicketProperties', true), loaded('Properties With History', 'propertiesWithHistory', 'getTicketProperties', true),
      { displayName: 'Include Deleted', name: 'includeDeleted', type: 'boolean', default: false },
    ] },
    ...returnAll('ticket', 'getAll', 100, 250),
  ];
}
