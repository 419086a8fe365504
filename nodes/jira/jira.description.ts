// Jira Software's parameters (n8n-nodes-base.jira v1): n8n's names, types, defaults and
// displayOptions for issues, issue comments, issue attachments and users; our own descriptions.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

type P = NodeProperty;
const show = (resource: string, operation: string[], more: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...more } });
const ops = (resource: string, list: Array<[string, string]>, fallback: string): P => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value]) => ({ name, value })), default: fallback,
});
const locator = (displayName: string, name: string, method: string, required = true): P => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, ...(required ? { required: true } : {}),
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: method, searchable: method !== 'getIssueTypes' && method !== 'getPriorities' } },
    { displayName: 'By ID', name: 'id', type: 'string' },
  ],
});
const str = (displayName: string, name: string, more: Partial<P> = {}): P => ({ displayName, name, type: 'string', default: '', ...more } as P);
const bool = (displayName: string, name: string, value = false): P => ({ displayName, name, type: 'boolean', default: value });
const issueKey = (resource: string, operations: string[]): P => str('Issue Key', 'issueKey', { required: true, displayOptions: show(resource, operations) });
const returnAllLimit = (resource: string, operations: string[], limit = 50): P[] => [
  { ...bool('Return All', 'returnAll'), displayOptions: show(resource, operations), description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 100 }, default: limit, displayOptions: show(resource, operations, { returnAll: [false] }), description: 'Max number of results to return' },
];
const customFieldsUi: P = {
  displayName: 'Custom Fields', name: 'customFieldsUi', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: 'Add Custom Field',
  options: [{ name: 'customFieldsValues', displayName: 'Custom Field', values: [
    { displayName: 'Field', name: 'fieldId', type: 'string', default: '', description: 'The custom field id, e.g. customfield_10020' },
    str('Field Value', 'fieldValue'),
  ] }],
};
const issueFields = (update: boolean): P[] => [
  locator('Assignee', 'assignee', 'getUsers', false),
  str('Description', 'description', { typeOptions: { rows: 4 } }),
  ...(update ? [str('Issue Type ID', 'issueType')] : []),
  { displayName: 'Labels', name: 'labels', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getLabels' }, default: [], displayOptions: { show: { '/jiraVersion': ['cloud'] } } },
  { displayName: 'Labels', name: 'serverLabels', type: 'string', typeOptions: { multipleValues: true }, default: [], displayOptions: { show: { '/jiraVersion': ['server', 'serverPat'] } } },
  str('Parent Issue Key', 'parentIssueKey'),
  locator('Priority', 'priority', 'getPriorities', false),
  locator('Reporter', 'reporter', 'getUsers', false),
  ...(update ? [str('Status ID', 'statusId', { description: 'The transition to apply' }), str('Summary', 'summary')] : [bool('Update History', 'updateHistory')]),
  customFieldsUi,
];

export const jiraProperties: P[] = [
  {
    displayName: 'Jira Version', name: 'jiraVersion', type: 'options', default: 'cloud',
    options: [{ name: 'Cloud', value: 'cloud' }, { name: 'Server (Self Hosted)', value: 'server' }, { name: 'Server Pat (Self Hosted)', value: 'serverPat' }],
  },
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'issue',
    options: [{ name: 'Issue', value: 'issue' }, { name: 'Issue Attachment', value: 'issueAttachment' }, { name: 'Issue Comment', value: 'issueComment' }, { name: 'User', value: 'user' }],
  },
  ops('issue', [['Changelog', 'changelog'], ['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Notify', 'notify'], ['Status', 'transitions'], ['Update', 'update']], 'create'),
  { ...locator('Project', 'project', 'getProjects'), displayOptions: show('issue', ['create']) },
  { ...locator('Issue Type', 'issueType', 'getIssueTypes'), displayOptions: show('issue', ['create']) },
  str('Summary', 'summary', { required: true, displayOptions: show('issue', ['create']) }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['create']), options: issueFields(false) },
  issueKey('issue', ['update', 'get', 'changelog', 'notify', 'transitions', 'delete']),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['update']), options: issueFields(true) },
  { ...bool('Delete Subtasks', 'deleteSubtasks'), required: true, displayOptions: show('issue', ['delete']) },
  { ...bool('Simplify', 'simplifyOutput'), displayOptions: show('issue', ['get']), description: 'Whether to key fields by their names' },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['get']),
    options: [str('Expand', 'expand'), str('Fields', 'fields'), bool('Fields By Key', 'fieldsByKey'), str('Properties', 'properties'), bool('Update History', 'updateHistory')],
  },
  ...returnAllLimit('issue', ['getAll', 'changelog']),
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('issue', ['getAll']),
    options: [str('Expand', 'expand'), str('Fields', 'fields', { default: '*navigable' }), bool('Fields By Key', 'fieldsByKey'), str('JQL', 'jql', { description: 'A JQL expression' })],
  },
  { ...bool('JSON Parameters', 'jsonParameters'), displayOptions: show('issue', ['notify']) },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['notify']),
    options: [str('HTML Body', 'htmlBody'), str('Subject', 'subject'), str('Text Body', 'textBody')],
  },
  {
    displayName: 'Notification Recipients', name: 'notificationRecipientsUi', type: 'fixedCollection', default: {}, displayOptions: show('issue', ['notify'], { jsonParameters: [false] }),
    options: [{ name: 'notificationRecipientsValues', displayName: 'Recipients', values: [
      bool('Assignee', 'assignee'), bool('Reporter', 'reporter'), bool('Voters', 'voters'), bool('Watchers', 'watchers'),
      { displayName: 'Group Names', name: 'groups', type: 'string', typeOptions: { multipleValues: true }, default: [] },
      { displayName: 'User Account IDs', name: 'users', type: 'string', typeOptions: { multipleValues: true }, default: [] },
    ] }],
  },
  {
    displayName: 'Notification Recipients Restrictions', name: 'notificationRecipientsRestrictionsUi', type: 'fixedCollection', default: {}, displayOptions: show('issue', ['notify'], { jsonParameters: [false] }),
    options: [{ name: 'notificationRecipientsRestrictionsValues', displayName: 'Restrictions', values: [
      { displayName: 'Group Names', name: 'groups', type: 'string', typeOptions: { multipleValues: true }, default: [] },
    ] }],
  },
  { displayName: 'Notification Recipients', name: 'notificationRecipientsJson', type: 'json', default: '', displayOptions: show('issue', ['notify'], { jsonParameters: [true] }) },
  { displayName: 'Notification Recipients Restrictions', name: 'notificationRecipientsRestrictionsJson', type: 'json', default: '', displayOptions: show('issue', ['notify'], { jsonParameters: [true] }) },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['transitions']),
    options: [str('Expand', 'expand'), bool('Skip Remote Only Condition', 'skipRemoteOnlyCondition'), str('Transition ID', 'transitionId')],
  },

  ops('issueAttachment', [['Add', 'add'], ['Get', 'get'], ['Get Many', 'getAll'], ['Remove', 'remove']], 'add'),
  issueKey('issueAttachment', ['add', 'getAll']),
  str('Input Binary Field', 'binaryPropertyName', { default: 'data', required: true, displayOptions: show('issueAttachment', ['add']) }),
  str('Attachment ID', 'attachmentId', { required: true, displayOptions: show('issueAttachment', ['get', 'remove']) }),
  ...returnAllLimit('issueAttachment', ['getAll']),
  { ...bool('Download', 'download'), required: true, displayOptions: show('issueAttachment', ['get', 'getAll']) },
  str('Put Output File in Field', 'binaryProperty', { default: 'data', required: true, displayOptions: show('issueAttachment', ['get', 'getAll'], { download: [true] }) }),

  ops('issueComment', [['Add', 'add'], ['Get', 'get'], ['Get Many', 'getAll'], ['Remove', 'remove'], ['Update', 'update']], 'add'),
  issueKey('issueComment', ['add', 'get', 'getAll', 'remove', 'update']),
  str('Comment ID', 'commentId', { required: true, displayOptions: show('issueComment', ['get', 'remove', 'update']) }),
  { ...bool('JSON Parameters', 'jsonParameters'), displayOptions: show('issueComment', ['add', 'update']) },
  str('Comment', 'comment', { typeOptions: { rows: 4 }, displayOptions: show('issueComment', ['add', 'update'], { jsonParameters: [false] }) }),
  { displayName: 'Document Format (JSON)', name: 'commentJson', type: 'json', default: '', displayOptions: show('issueComment', ['add', 'update'], { jsonParameters: [true] }) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('issueComment', ['add', 'get', 'update']), options: [str('Expand', 'expand')] },
  ...returnAllLimit('issueComment', ['getAll']),
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: show('issueComment', ['getAll']),
    options: [str('Expand', 'expand'), { displayName: 'Order By', name: 'orderBy', type: 'options', options: [{ name: 'Created Ascending', value: '+created' }, { name: 'Created Descending', value: '-created' }], default: '+created' }],
  },

  ops('user', [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get']], 'create'),
  str('Username', 'username', { required: true, displayOptions: show('user', ['create']) }),
  str('Email Address', 'emailAddress', { required: true, placeholder: 'name@email.com', displayOptions: show('user', ['create']) } as Partial<P>),
  str('Display Name', 'displayName', { required: true, displayOptions: show('user', ['create']) }),
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('user', ['create']),
    options: [str('Password', 'password', { typeOptions: { password: true } }), bool('Send Notification Email', 'notification')],
  },
  str('Account ID', 'accountId', { required: true, displayOptions: show('user', ['get', 'delete']) }),
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('user', ['get']),
    options: [{ displayName: 'Expand', name: 'expand', type: 'multiOptions', options: [{ name: 'Groups', value: 'groups' }, { name: 'Application Roles', value: 'applicationRoles' }], default: [] }],
  },
];

export const jiraCredentials: NodeCredentialDescription[] = [
  { name: 'jiraSoftwareCloudApi', required: true, displayOptions: { show: { jiraVersion: ['cloud'] } } },
  { name: 'jiraSoftwareServerApi', required: true, displayOptions: { show: { jiraVersion: ['server'] } } },
  { name: 'jiraSoftwareServerPatApi', required: true, displayOptions: { show: { jiraVersion: ['serverPat'] } } },
];
