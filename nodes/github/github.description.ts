// GitHub's parameters (n8n-nodes-base.github v1, 1.1): n8n's names, types, defaults, options and
// display rules, so exported workflows import as they are. The descriptions are our own words.
import type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

type Choice = { name: string; value: string; description?: string };
const on = (resource: string[], operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { resource, operation, ...more } });
const str = (displayName: string, name: string, displayOptions: DisplayOptions, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', displayOptions, ...more });
const num = (displayName: string, name: string, displayOptions: DisplayOptions, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'number', default: 0, required: true, displayOptions, ...more });
const options = (displayName: string, name: string, choices: Choice[], fallback: string, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'options', options: choices, default: fallback, ...more });
const c = (name: string, value: string): Choice => ({ name, value });

export const githubCredentials: NodeCredentialDescription[] = [
  { name: 'githubApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
  { name: 'githubOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

function operations(resource: string, choices: Choice[], fallback: string): NodeProperty {
  return { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } }, options: choices, default: fallback };
}

function returnAllAndLimit(displayOptions: (more?: Record<string, unknown[]>) => DisplayOptions): NodeProperty[] {
  return [
    { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: displayOptions(), description: 'Whether to return every result or stop at the limit' },
    { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: displayOptions({ returnAll: [false] }), description: 'How many results to return at most' },
  ];
}

const sortDirection = options('Direction', 'direction', [c('Ascending', 'asc'), c('Descending', 'desc')], 'desc');
const issueStates = options('State', 'state', [c('All', 'all'), c('Closed', 'closed'), c('Open', 'open')], 'open');
const issueFilters = [
  str('Mentioned', 'mentioned', {}), str('Labels', 'labels', {}, { description: 'Comma-separated label names' }),
  { displayName: 'Updated Since', name: 'since', type: 'dateTime', default: '' } as NodeProperty,
  issueStates, options('Sort', 'sort', [c('Created', 'created'), c('Updated', 'updated'), c('Comments', 'comments')], 'created'), sortDirection,
].map((p) => { const { displayOptions: _unused, ...rest } = p; return rest as NodeProperty; });

const labelList = (displayName = 'Labels'): NodeProperty => ({
  displayName, name: 'labels', type: 'collection', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Label' }, default: { label: '' },
  options: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
});
const assigneeList = (): NodeProperty => ({
  displayName: 'Assignees', name: 'assignees', type: 'collection', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Assignee' }, default: { assignee: '' },
  options: [{ displayName: 'Assignee', name: 'assignee', type: 'string', default: '' }],
});
const nameAndEmail = (name: string, displayName: string) => ({
  name, displayName, values: [
    { displayName: 'Name', name: 'name', type: 'string', default: '' },
    { displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
  ] as NodeProperty[],
});

const releaseFields = (extra: NodeProperty[]): NodeProperty[] => ([
  str('Body', 'body', {}, { typeOptions: { rows: 5 } }),
  { displayName: 'Draft', name: 'draft', type: 'boolean', default: false, description: 'Whether the release stays an unpublished draft' },
  str('Name', 'name', {}),
  { displayName: 'Prerelease', name: 'prerelease', type: 'boolean', default: false, description: 'Whether to mark the release as not ready for production' },
  ...extra,
  str('Target Commitish', 'target_commitish', {}, { description: 'Branch or commit SHA the tag is created from when it does not exist yet' }),
] as NodeProperty[]).map((p) => { const { displayOptions: _unused, ...rest } = p; return rest as NodeProperty; });

const WORKFLOW_ID_OPERATIONS = ['disable', 'dispatch', 'dispatchAndWait', 'get', 'getUsage', 'enable'];

export const githubProperties: NodeProperty[] = [
  options('Authentication', 'authentication', [c('Access Token', 'accessToken'), c('OAuth2', 'oAuth2')], 'accessToken'),
  options('Resource', 'resource', [c('File', 'file'), c('Issue', 'issue'), c('Organization', 'organization'), c('Release', 'release'), c('Repository', 'repository'), c('Review', 'review'), c('User', 'user'), c('Workflow', 'workflow')], 'issue', { noDataExpression: true }),
  operations('organization', [c('Get Repositories', 'getRepositories')], 'getRepositories'),
  operations('issue', [c('Create', 'create'), c('Create Comment', 'createComment'), c('Edit', 'edit'), c('Get', 'get'), c('Lock', 'lock')], 'create'),
  operations('file', [c('Create', 'create'), c('Delete', 'delete'), c('Edit', 'edit'), c('Get', 'get'), c('List', 'list')], 'create'),
  operations('repository', [c('Get', 'get'), c('Get Issues', 'getIssues'), c('Get License', 'getLicense'), c('Get Profile', 'getProfile'), c('Get Pull Requests', 'getPullRequests'), c('List Popular Paths', 'listPopularPaths'), c('List Referrers', 'listReferrers')], 'getIssues'),
  operations('user', [c('Get Repositories', 'getRepositories'), c('Get Issues', 'getUserIssues'), c('Invite', 'invite')], 'getRepositories'),
  operations('release', [c('Create', 'create'), c('Delete', 'delete'), c('Get', 'get'), c('Get Many', 'getAll'), c('Update', 'update')], 'create'),
  operations('review', [c('Create', 'create'), c('Get', 'get'), c('Get Many', 'getAll'), c('Update', 'update')], 'create'),
  operations('workflow', [c('Disable', 'disable'), c('Dispatch', 'dispatch'), c('Dispatch and Wait for Completion', 'dispatchAndWait'), c('Enable', 'enable'), c('Get', 'get'), c('Get Usage', 'getUsage'), c('List', 'list')], 'dispatch'),
  {
    displayName: 'Repository Owner', name: 'owner', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'Repository Owner', name: 'list', type: 'list', placeholder: 'Select an owner...', typeOptions: { searchListMethod: 'getUsers', searchable: true, searchFilterRequired: false } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'e.g. https://github.com/n8n-io' },
      { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. n8n-io' },
    ],
    displayOptions: { hide: { operation: ['invite', 'getUserIssues'] } },
  },
  {
    displayName: 'Repository Name', name: 'repository', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'Repository Name', name: 'list', type: 'list', placeholder: 'Select an Repository...', typeOptions: { searchListMethod: 'getRepositories', searchable: true } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: 'e.g. https://github.com/n8n-io/n8n' },
      { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. n8n' },
    ],
    displayOptions: { hide: { resource: ['user', 'organization'], operation: ['getRepositories'] } },
  },
  {
    displayName: 'Workflow', name: 'workflowId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'Workflow', name: 'list', type: 'list', placeholder: 'Select a workflow...', typeOptions: { searchListMethod: 'getWorkflows', searchable: true } },
      { displayName: 'By File Name', name: 'filename', type: 'string', placeholder: 'e.g. main.yaml or main.yml' },
      { displayName: 'By ID', name: 'name', type: 'string', placeholder: 'e.g. 12345678' },
    ],
    displayOptions: on(['workflow'], WORKFLOW_ID_OPERATIONS), description: 'The workflow to act on',
  },
  str('Ref', 'ref', on(['workflow'], ['dispatch', 'dispatchAndWait'], { '@version': [{ _cnd: { lte: 1 } }] }), { default: 'main', required: true, description: 'Branch or tag the workflow runs on' }),
  {
    displayName: 'Ref', name: 'ref', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a branch, tag, or commit...', typeOptions: { searchListMethod: 'getRefs', searchable: true } },
      { displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. main' },
    ],
    displayOptions: on(['workflow'], ['dispatch', 'dispatchAndWait'], { '@version': [{ _cnd: { gte: 1.1 } }] }), description: 'Branch, tag or commit SHA the workflow runs on',
  },
  { displayName: 'Inputs', name: 'inputs', type: 'json', default: '{}', displayOptions: on(['workflow'], ['dispatch', 'dispatchAndWait']), description: 'A JSON object of the workflow’s inputs' },
  // file
  str('File Path', 'filePath', { show: { resource: ['file'] }, hide: { operation: ['list'] } }, { required: true, placeholder: 'docs/README.md', description: 'The full path of the file' }),
  str('Path', 'filePath', on(['file'], ['list']), { placeholder: 'docs/', description: 'The folder to list' }),
  { displayName: 'Binary File', name: 'binaryData', type: 'boolean', default: false, required: true, displayOptions: on(['file'], ['create', 'edit']), description: 'Whether the content comes from a binary field' },
  str('File Content', 'fileContent', on(['file'], ['create', 'edit'], { binaryData: [false] }), { required: true, description: 'The text of the file' }),
  str('Input Binary Field', 'binaryPropertyName', on(['file'], ['create', 'edit'], { binaryData: [true] }), { default: 'data', required: true }),
  str('Commit Message', 'commitMessage', on(['file'], ['create', 'delete', 'edit']), { required: true }),
  {
    displayName: 'Additional Parameters', name: 'additionalParameters', placeholder: 'Add Parameter', type: 'fixedCollection', default: {},
    displayOptions: on(['file'], ['create', 'delete', 'edit']),
    options: [nameAndEmail('author', 'Author'), { name: 'branch', displayName: 'Branch', values: [str('Branch', 'branch', {})].map(({ displayOptions: _u, ...p }) => p as NodeProperty) }, nameAndEmail('committer', 'Committer')],
  },
  { displayName: 'As Binary Property', name: 'asBinaryProperty', type: 'boolean', default: true, displayOptions: on(['file'], ['get']), description: 'Whether to output the file as binary data instead of GitHub’s answer' },
  str('Put Output File in Field', 'binaryPropertyName', on(['file'], ['get'], { asBinaryProperty: [true] }), { default: 'data', required: true }),
  {
    displayName: 'Additional Parameters', name: 'additionalParameters', placeholder: 'Add Parameter', type: 'collection', default: {}, displayOptions: on(['file'], ['get']),
    options: [{ displayName: 'Reference', name: 'reference', type: 'string', default: '', placeholder: 'master', description: 'Commit, branch or tag; the default branch when empty' }],
  },
  // issue
  str('Title', 'title', on(['issue'], ['create']), { required: true }),
  str('Body', 'body', on(['issue'], ['create']), { typeOptions: { rows: 5 } }),
  { ...labelList(), displayOptions: on(['issue'], ['create']) },
  { ...assigneeList(), displayOptions: on(['issue'], ['create']) },
  num('Issue Number', 'issueNumber', on(['issue'], ['createComment'])),
  str('Body', 'body', on(['issue'], ['createComment']), { typeOptions: { rows: 5 } }),
  num('Issue Number', 'issueNumber', on(['issue'], ['edit'])),
  {
    displayName: 'Edit Fields', name: 'editFields', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Field' }, default: {}, displayOptions: on(['issue'], ['edit']),
    options: [
      assigneeList(), { displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 5 }, default: '' }, labelList(),
      options('State', 'state', [c('Closed', 'closed'), c('Open', 'open')], 'open'),
      options('State Reason', 'state_reason', [c('Completed', 'completed'), c('Not Planned', 'not_planned'), c('Reopened', 'reopened')], 'completed'),
      { displayName: 'Title', name: 'title', type: 'string', default: '' },
    ],
  },
  num('Issue Number', 'issueNumber', on(['issue'], ['get'])),
  num('Issue Number', 'issueNumber', on(['issue'], ['lock'])),
  options('Lock Reason', 'lockReason', [c('Off-Topic', 'off-topic'), c('Too Heated', 'too heated'), c('Resolved', 'resolved'), c('Spam', 'spam')], 'resolved', { displayOptions: on(['issue'], ['lock']) }),
  // release
  str('Tag', 'releaseTag', on(['release'], ['create']), { required: true }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Field' }, default: {}, displayOptions: on(['release'], ['create']), options: releaseFields([]) },
  str('Release ID', 'release_id', on(['release'], ['get', 'delete', 'update']), { required: true }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Field' }, default: {}, displayOptions: on(['release'], ['update']), options: releaseFields([str('Tag Name', 'tag_name', {})]) },
  ...returnAllAndLimit((more = {}) => on(['release'], ['getAll'], more)),
  // repository
  ...returnAllAndLimit((more = {}) => on(['repository'], ['getIssues'], more)),
  {
    displayName: 'Filters', name: 'getRepositoryIssuesFilters', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Filter' }, default: {}, displayOptions: on(['repository'], ['getIssues']),
    options: [{ displayName: 'Assignee', name: 'assignee', type: 'string', default: '' }, { displayName: 'Creator', name: 'creator', type: 'string', default: '' }, ...issueFilters],
  },
  ...returnAllAndLimit((more = {}) => on(['repository'], ['getPullRequests'], more)),
  {
    displayName: 'Filters', name: 'getRepositoryPullRequestsFilters', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Filter' }, default: {}, displayOptions: on(['repository'], ['getPullRequests']),
    options: [issueStates, options('Sort', 'sort', [c('Created', 'created'), c('Updated', 'updated'), c('Popularity', 'popularity'), c('Long-Running', 'long-running')], 'created'), sortDirection],
  },
  // review
  num('PR Number', 'pullRequestNumber', on(['review'], ['get', 'update'])),
  str('Review ID', 'reviewId', on(['review'], ['get', 'update']), { required: true }),
  num('PR Number', 'pullRequestNumber', on(['review'], ['getAll'])),
  ...returnAllAndLimit((more = {}) => on(['review'], ['getAll'], more)),
  num('PR Number', 'pullRequestNumber', on(['review'], ['create'])),
  options('Event', 'event', [c('Approve', 'approve'), c('Request Change', 'requestChanges'), c('Comment', 'comment'), c('Pending', 'pending')], 'approve', { displayOptions: on(['review'], ['create']) }),
  str('Body', 'body', on(['review'], ['create'], { event: ['requestChanges', 'comment'] }), { description: 'The review text (needed to request changes or comment)' }),
  {
    displayName: 'Additional Fields', name: 'additionalFields', placeholder: 'Add Field', type: 'collection', default: {}, displayOptions: on(['review'], ['create']),
    options: [{ displayName: 'Commit ID', name: 'commitId', type: 'string', default: '', description: 'The commit to review when not the latest' }],
  },
  str('Body', 'body', on(['review'], ['update'])),
  // user and organization
  ...returnAllAndLimit((more = {}) => on(['user'], ['getRepositories'], more)),
  str('Organization', 'organization', on(['user'], ['invite']), { required: true }),
  str('Email', 'email', on(['user'], ['invite']), { required: true, placeholder: 'name@email.com' }),
  ...returnAllAndLimit((more = {}) => on(['organization'], ['getRepositories'], more)),
  ...returnAllAndLimit((more = {}) => ({ show: { operation: ['getUserIssues'], ...more } })),
  { displayName: 'Filters', name: 'getUserIssuesFilters', type: 'collection', typeOptions: { multipleValueButtonText: 'Add Filter' }, default: {}, displayOptions: { show: { operation: ['getUserIssues'] } }, options: issueFilters },
];
