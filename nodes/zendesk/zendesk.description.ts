// Parameters of n8n's Zendesk node (v1): ticket, ticket field, user and organization, with n8n's
// names, defaults, display rules and the editor lists (groups, tags, custom fields, locales, ...).
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const zendeskCredentials: NodeCredentialDescription[] = [
  { name: 'zendeskApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
  { name: 'zendeskOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

type Show = Record<string, unknown[]>;
const on = (resource: string, operation: string[], more: Show = {}) => ({ show: { resource: [resource], operation, ...more } });
const str = (displayName: string, name: string, displayOptions?: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', ...(displayOptions ? { displayOptions, required: true } : {}), ...more });
const opt = (displayName: string, name: string, type: NodeProperty['type'], value: unknown, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type, default: value, ...more });
const choice = (displayName: string, name: string, values: Array<[string, string]>, value: unknown, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'options', default: value, options: values.map(([n, v]) => ({ name: n, value: v })), ...more });
const loaded = (displayName: string, name: string, method: string, type: 'options' | 'multiOptions' = 'options', value: unknown = ''): NodeProperty =>
  ({ displayName, name, type, default: value, typeOptions: { loadOptionsMethod: method } });
const operation = (resource: string, fallback: string, options: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } }, options: options.map(([name, value, action]) => ({ name, value, action })),
});
const returnAll = (displayOptions: NodeProperty['displayOptions']): NodeProperty =>
  ({ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions });
const limit = (displayOptions: { show: Show }, value = 100): NodeProperty => ({
  displayName: 'Limit', name: 'limit', type: 'number', default: value, description: 'Max number of results to return',
  typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
});
const collection = (displayName: string, name: string, displayOptions: NodeProperty['displayOptions'], options: NodeProperty[], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions, options, ...more });
const pairs = (displayName: string, name: string, group: string, key: string, method: string): NodeProperty => ({
  displayName, name, type: 'fixedCollection', default: {}, placeholder: `Add ${displayName.replace(/s$/, '')}`, typeOptions: { multipleValues: true },
  options: [{ name: group, displayName: displayName.replace(/s$/, ''), values: [loaded('Field', key, method), opt('Value', 'value', 'string', '')] }],
});

const STATUSES: Array<[string, string]> = [['Open', 'open'], ['New', 'new'], ['Pending', 'pending'], ['Solved', 'solved'], ['Closed', 'closed']];
const TYPES: Array<[string, string]> = [['Question', 'question'], ['Incident', 'incident'], ['Problem', 'problem'], ['Task', 'task']];
const ticketFieldsFor = (extra: NodeProperty[]): NodeProperty[] => [
  pairs('Custom Fields', 'customFieldsUi', 'customFieldsValues', 'id', 'getCustomFields'),
  opt('External ID', 'externalId', 'string', '', { description: 'An ID you can use to link Zendesk Support tickets to local records' }),
  loaded('Group Name or ID', 'group', 'getGroups'),
  opt('Recipient', 'recipient', 'string', '', { description: 'The original recipient e-mail address of the ticket' }),
  choice('Status', 'status', STATUSES, ''),
  opt('Subject', 'subject', 'string', ''),
  loaded('Tag Names or IDs', 'tags', 'getTags', 'multiOptions', []),
  choice('Type', 'type', TYPES, ''),
  ...extra,
];
const ticketType = (operations: string[]): NodeProperty => ({
  ...choice('Ticket Type', 'ticketType', [['Regular', 'regular'], ['Suspended', 'suspended']], 'regular'), displayOptions: on('ticket', operations),
});

const ticket: NodeProperty[] = [
  operation('ticket', 'create', [['Create', 'create', 'Create a ticket'], ['Delete', 'delete', 'Delete a ticket'], ['Get', 'get', 'Get a ticket'],
    ['Get Many', 'getAll', 'Get many tickets'], ['Recover', 'recover', 'Recover a suspended ticket'], ['Update', 'update', 'Update a ticket']]),
  str('Description', 'description', on('ticket', ['create']), { description: 'The first comment on the ticket' }),
  opt('JSON Parameters', 'jsonParameters', 'boolean', false, { displayOptions: on('ticket', ['create', 'update']) }),
  collection('Additional Fields', 'additionalFields', on('ticket', ['create'], { jsonParameters: [false] }), ticketFieldsFor([])),
  { ...opt('Additional Fields', 'additionalFieldsJson', 'json', '', { typeOptions: { alwaysOpenEditWindow: true } }), displayOptions: on('ticket', ['create'], { jsonParameters: [true] }) },
  str('Ticket ID', 'id', on('ticket', ['update'])),
  collection('Update Fields', 'updateFields', on('ticket', ['update'], { jsonParameters: [false] }), ticketFieldsFor([
    opt('Assignee Email', 'assigneeEmail', 'string', '', { placeholder: 'name@email.com' }),
    opt('Internal Note', 'internalNote', 'string', '', { description: 'Internal Ticket Note (Accepts HTML)' }),
    opt('Public Reply', 'publicReply', 'string', '', { description: 'Public ticket reply' }),
  ])),
  { ...opt('Update Fields', 'updateFieldsJson', 'json', '', { typeOptions: { alwaysOpenEditWindow: true } }), displayOptions: on('ticket', ['update'], { jsonParameters: [true] }) },
  ticketType(['get', 'delete', 'getAll']),
  str('Ticket ID', 'id', on('ticket', ['get', 'delete'], { ticketType: ['regular'] })),
  str('Suspended Ticket ID', 'id', on('ticket', ['get', 'delete'], { ticketType: ['suspended'] })),
  str('Suspended Ticket ID', 'id', on('ticket', ['recover'])),
  returnAll(on('ticket', ['getAll'])),
  limit(on('ticket', ['getAll'])),
  collection('Options', 'options', on('ticket', ['getAll']), [
    loaded('Group Name or ID', 'group', 'getGroups'),
    opt('Query', 'query', 'string', '', { placeholder: 'status<pending' }),
    choice('Sort By', 'sortBy', [['Created At', 'created_at'], ['Priority', 'priority'], ['Status', 'status'], ['Ticket Type', 'ticket_type'], ['Updated At', 'updated_at']], 'updated_at'),
    choice('Sort Order', 'sortOrder', [['Ascending', 'asc'], ['Descending', 'desc']], 'asc'),
    choice('Status', 'status', STATUSES, ''),
  ], { placeholder: 'Add option', displayOptions: on('ticket', ['getAll'], { ticketType: ['regular'] }) }),
];

const ticketField: NodeProperty[] = [
  operation('ticketField', 'get', [['Get', 'get', 'Get a ticket field'], ['Get Many', 'getAll', 'Get many system and custom ticket fields']]),
  str('Ticket Field ID', 'ticketFieldId', on('ticketField', ['get'])),
  returnAll(on('ticketField', ['getAll'])),
  limit(on('ticketField', ['getAll'])),
];

const ROLES: Array<[string, string]> = [['Admin', 'admin'], ['Agent', 'agent'], ['End User', 'end-user']];
const userFields = (): NodeProperty[] => [
  opt('Alias', 'alias', 'string', ''), opt('Custom Role ID', 'custom_role_id', 'number', 0), opt('Details', 'details', 'string', ''),
  opt('Email', 'email', 'string', '', { placeholder: 'name@email.com' }), opt('External ID', 'external_id', 'string', ''),
  loaded('Locale Name or ID', 'locale', 'getLocales'), opt('Moderator', 'moderator', 'boolean', false), opt('Notes', 'notes', 'string', ''),
  opt('Only Private Comments', 'only_private_comments', 'boolean', false), loaded('Organization Name or ID', 'organization_id', 'getOrganizations'),
  opt('Phone', 'phone', 'string', ''), opt('Report CSV', 'report_csv', 'boolean', false), opt('Restricted Agent', 'restricted_agent', 'boolean', false),
  choice('Role', 'role', ROLES, ''), opt('Signature', 'signature', 'string', ''), opt('Suspended', 'suspended', 'boolean', false),
  loaded('Tag Names or IDs', 'tags', 'getTags', 'multiOptions', []), opt('Ticket Restriction', 'ticket_restriction', 'string', ''),
  opt('Time Zone', 'time_zone', 'string', ''),
  pairs('User Fields', 'userFieldsUi', 'userFieldValues', 'field', 'getUserFields'),
  opt('Verified', 'verified', 'boolean', false),
];

const user: NodeProperty[] = [
  operation('user', 'create', [['Create', 'create', 'Create a user'], ['Delete', 'delete', 'Delete a user'], ['Get', 'get', 'Get a user'],
    ['Get Many', 'getAll', 'Get many users'], ['Get Organizations', 'getOrganizations', "Get a user's organizations"],
    ['Get Related Data', 'getRelatedData', 'Get data related to the user'], ['Search', 'search', 'Search users'], ['Update', 'update', 'Update a user']]),
  str('Name', 'name', on('user', ['create']), { description: "The user's name" }),
  collection('Additional Fields', 'additionalFields', on('user', ['create']), userFields()),
  str('User ID', 'id', on('user', ['update', 'get', 'delete', 'getOrganizations', 'getRelatedData'])),
  collection('Update Fields', 'updateFields', on('user', ['update']), [...userFields(), opt('Name', 'name', 'string', '')]),
  returnAll(on('user', ['getAll', 'search'])),
  limit(on('user', ['getAll', 'search'])),
  collection('Filters', 'filters', on('user', ['getAll']), [{ ...choice('Roles', 'role', ROLES, []), type: 'multiOptions' }]),
  collection('Filters', 'filters', on('user', ['search']), [opt('Query', 'query', 'string', ''), opt('External ID', 'external_id', 'string', '')]),
];

const organizationFields = (): NodeProperty[] => [
  opt('Details', 'details', 'string', ''), opt('Domain Names', 'domain_names', 'string', '', { description: 'Comma-separated domain names' }),
  opt('Notes', 'notes', 'string', ''),
  pairs('Organization Fields', 'organizationFieldsUi', 'organizationFieldValues', 'field', 'getOrganizationFields'),
  loaded('Tag Names or IDs', 'tags', 'getTags', 'multiOptions', []),
];

const organization: NodeProperty[] = [
  operation('organization', 'create', [['Count', 'count', 'Count organizations'], ['Create', 'create', 'Create an organization'],
    ['Delete', 'delete', 'Delete an organization'], ['Get', 'get', 'Get an organization'], ['Get Many', 'getAll', 'Get many organizations'],
    ['Get Related Data', 'getRelatedData', 'Get data related to the organization'], ['Update', 'update', 'Update an organization']]),
  str('Name', 'name', on('organization', ['create'])),
  collection('Additional Fields', 'additionalFields', on('organization', ['create']), organizationFields()),
  str('Organization ID', 'id', on('organization', ['update', 'get', 'delete', 'getRelatedData'])),
  collection('Update Fields', 'updateFields', on('organization', ['update']), [...organizationFields(), opt('Name', 'name', 'string', '')]),
  returnAll(on('organization', ['getAll'])),
  limit(on('organization', ['getAll'])),
];

export const zendeskProperties: NodeProperty[] = [
  choice('Authentication', 'authentication', [['API Token', 'apiToken'], ['OAuth2', 'oAuth2']], 'apiToken'),
  { ...choice('Resource', 'resource', [['Ticket', 'ticket'], ['Ticket Field', 'ticketField'], ['User', 'user'], ['Organization', 'organization']], 'ticket'), noDataExpression: true },
  ...ticket, ...ticketField, ...user, ...organization,
];
