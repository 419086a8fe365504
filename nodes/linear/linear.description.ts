// Linear's parameters (n8n-nodes-base.linear v1, v1.1): n8n's names, types, defaults and
// displayOptions; the descriptions are our own words.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

const show = (resource: string, operation: string[]) => ({ show: { resource: [resource], operation } });

const PRIORITIES = [
  { name: 'Urgent', value: 1 }, { name: 'High', value: 2 }, { name: 'Medium', value: 3 }, { name: 'Low', value: 4 }, { name: 'No Priority', value: 0 },
];

const issueFields = (withTeam: boolean): NodeProperty[] => [
  { displayName: 'Assignee Name or ID', name: 'assigneeId', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '' },
  { displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 4 }, default: '' },
  { displayName: 'Priority Name or ID', name: 'priorityId', type: 'options', options: PRIORITIES, default: 0 },
  { displayName: 'State Name or ID', name: 'stateId', type: 'options', typeOptions: { loadOptionsMethod: 'getStates' }, default: '' },
  ...(withTeam ? [
    { displayName: 'Team Name or ID', name: 'teamId', type: 'options', typeOptions: { loadOptionsMethod: 'getTeams' }, default: '' } as NodeProperty,
    { displayName: 'Title', name: 'title', type: 'string', default: '' } as NodeProperty,
  ] : []),
];

export const linearProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'API Token', value: 'apiToken' }, { name: 'OAuth2', value: 'oAuth2' }], default: 'apiToken' },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: [{ name: 'Comment', value: 'comment' }, { name: 'Issue', value: 'issue' }], default: 'issue' },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: ['comment'] } }, default: 'addComment',
    options: [{ name: 'Add Comment', value: 'addComment', description: 'Add a comment to an issue' }],
  },
  { displayName: 'Issue ID', name: 'issueId', type: 'string', default: '', required: true, displayOptions: show('comment', ['addComment']) },
  { displayName: 'Comment', name: 'comment', type: 'string', default: '', required: true, displayOptions: show('comment', ['addComment']) },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('comment', ['addComment']),
    options: [{ displayName: 'Parent Comment ID', name: 'parentId', type: 'string', default: '', description: 'The comment this one answers' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: ['issue'] } }, default: 'create',
    options: [
      { name: 'Add Link', value: 'addLink', description: 'Add a link to an issue' },
      { name: 'Create', value: 'create', description: 'Create an issue' },
      { name: 'Delete', value: 'delete', description: 'Delete an issue' },
      { name: 'Get', value: 'get', description: 'Get an issue' },
      { name: 'Get Many', value: 'getAll', description: 'Get many issues' },
      { name: 'Update', value: 'update', description: 'Update an issue' },
    ],
  },
  { displayName: 'Team Name or ID', name: 'teamId', type: 'options', typeOptions: { loadOptionsMethod: 'getTeams' }, required: true, default: '', displayOptions: show('issue', ['create']) },
  { displayName: 'Title', name: 'title', type: 'string', required: true, default: '', displayOptions: show('issue', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['create']), options: issueFields(false) },
  { displayName: 'Issue ID', name: 'issueId', type: 'string', required: true, default: '', displayOptions: show('issue', ['addLink', 'get', 'delete', 'update']) },
  { displayName: 'Link', name: 'link', type: 'string', required: true, default: '', displayOptions: show('issue', ['addLink']) },
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: show('issue', ['getAll']), description: 'Whether to return all results or only up to a given limit' },
  {
    displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1, maxValue: 300 }, default: 50,
    displayOptions: { show: { resource: ['issue'], operation: ['getAll'], returnAll: [false] } }, description: 'Max number of results to return',
  },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: show('issue', ['update']), options: issueFields(true) },
];

export const linearCredentials: NodeCredentialDescription[] = [
  { name: 'linearApi', required: true, displayOptions: { show: { authentication: ['apiToken'] } } },
  { name: 'linearOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];
