// Parameters of n8n's ClickUp node (v1) for the resources implemented here (checklist, checklist
// item, comment, folder, list, task, task dependency, task list, task tag, time entry): n8n's names, defaults, display rules and editor lists (teams → spaces → folders →
// lists, assignees, statuses, tags, custom fields).
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const clickUpCredentials: NodeCredentialDescription[] = [
  { name: 'clickUpApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
  { name: 'clickUpOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

type Show = Record<string, unknown[]>;
const on = (resource: string, operation: string[], more: Show = {}) => ({ show: { resource: [resource], operation, ...more } });
const str = (displayName: string, name: string, displayOptions: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', required: true, displayOptions, ...more });
const opt = (displayName: string, name: string, type: NodeProperty['type'], value: unknown, more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type, default: value, ...more });
const loaded = (displayName: string, name: string, method: string, dependsOn: string[] = [], type: 'options' | 'multiOptions' = 'options', more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type, default: type === 'multiOptions' ? [] : '', typeOptions: { loadOptionsMethod: method, ...(dependsOn.length ? { loadOptionsDependsOn: dependsOn } : {}) }, ...more });
const operation = (resource: string, fallback: string, options: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } }, options: options.map(([name, value, action]) => ({ name, value, action })),
});
const limit = (displayOptions: { show: Show }, withReturnAll = true, value = 50): NodeProperty => ({
  displayName: 'Limit', name: 'limit', type: 'number', default: value, description: 'Max number of results to return',
  typeOptions: { minValue: 1, maxValue: 100 }, displayOptions: withReturnAll ? { show: { ...displayOptions.show, returnAll: [false] } } : displayOptions,
});
const returnAll = (displayOptions: NodeProperty['displayOptions']): NodeProperty =>
  ({ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions });

/** Team → space → (folder →) list pickers, as n8n shows them for task create and getAll. */
function listPicker(resource: string, operations: string[]): NodeProperty[] {
  const d = (more: Show = {}) => ({ ...on(resource, operations, more) });
  return [
    { ...loaded('Team Name or ID', 'team', 'getTeams'), required: true, displayOptions: d() },
    { ...loaded('Space Name or ID', 'space', 'getSpaces', ['team']), required: true, displayOptions: d() },
    opt('Folderless List', 'folderless', 'boolean', false, { displayOptions: d() }),
    { ...loaded('Folder Name or ID', 'folder', 'getFolders', ['space']), required: true, displayOptions: d({ folderless: [false] }) },
    { ...loaded('List Name or ID', 'list', 'getFolderlessLists', ['space']), required: true, displayOptions: d({ folderless: [true] }) },
    { ...loaded('List Name or ID', 'list', 'getLists', ['folder']), required: true, displayOptions: d({ folderless: [false] }) },
  ];
}

const taskFields = (update: boolean): NodeProperty[] => [
  ...(update ? [opt('Add Assignees', 'addAssignees', 'string', ''), opt('Remove Assignees', 'removeAssignees', 'string', '')]
    : [loaded('Assignee Names or IDs', 'assignees', 'getAssignees', ['list'], 'multiOptions')]),
  opt('Content', 'content', 'string', ''),
  ...(update ? [] : [opt('Custom Fields JSON', 'customFieldsJson', 'json', '', { typeOptions: { alwaysOpenEditWindow: true } })]),
  opt('Due Date', 'dueDate', 'dateTime', ''), opt('Due Date Time', 'dueDateTime', 'boolean', false),
  opt('Markdown Content', 'markdownContent', 'boolean', false),
  ...(update ? [opt('Name', 'name', 'string', '')] : []),
  opt('Notify All', 'notifyAll', 'boolean', false), opt('Parent ID', 'parentId', 'string', ''),
  opt('Priority', 'priority', 'number', 3, { typeOptions: { minValue: 1, maxValue: 4 }, description: 'Integer mapping as 1 : Urgent, 2 : High, 3 : Normal, 4 : Low' }),
  opt('Start Date', 'startDate', 'dateTime', ''), opt('Start Date Time', 'startDateTime', 'boolean', false),
  update ? opt('Status', 'status', 'string', '') : loaded('Status Name or ID', 'status', 'getStatuses', ['list']),
  ...(update ? [] : [loaded('Tag Names or IDs', 'tags', 'getTags', ['space'], 'multiOptions')]),
  opt('Time Estimate', 'timeEstimate', 'number', 0, { description: 'Time estimate in minutes' }),
];

const task: NodeProperty[] = [
  operation('task', 'create', [['Create', 'create', 'Create a task'], ['Delete', 'delete', 'Delete a task'], ['Get', 'get', 'Get a task'],
    ['Get Many', 'getAll', 'Get many tasks'], ['Get Members', 'member', 'Get task members'], ['Set Custom Field', 'setCustomField', 'Set a custom field'],
    ['Update', 'update', 'Update a task']]),
  ...listPicker('task', ['create', 'getAll']),
  str('Name', 'name', on('task', ['create']), { description: 'The first name on the task' }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('task', ['create']), options: taskFields(false) },
  str('Task ID', 'id', on('task', ['update', 'get', 'delete', 'member'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('task', ['update']), options: taskFields(true) },
  returnAll(on('task', ['getAll', 'member'])),
  limit(on('task', ['getAll', 'member'])),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('task', ['getAll']), options: [
    opt('Archived', 'archived', 'boolean', false), loaded('Assignee Names or IDs', 'assignees', 'getAssignees', ['list'], 'multiOptions'),
    { displayName: 'Custom Fields', name: 'customFieldsUi', type: 'fixedCollection', default: {}, placeholder: 'Add Custom Field', typeOptions: { multipleValues: true },
      options: [{ name: 'customFieldsValues', displayName: 'Custom Field', values: [
        loaded('Field Name or ID', 'fieldId', 'getCustomFields', ['list']),
        { displayName: 'Operator', name: 'operator', type: 'options', default: 'equal',
          options: [['Equal', 'equal'], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='], ['!=', '!='], ['Is Null', 'IS NULL'], ['Is Not Null', 'IS NOT NULL']].map(([name, value]) => ({ name, value })) },
        opt('Value', 'value', 'string', ''),
      ] }] },
    opt('Date Created Greater Than', 'dateCreatedGt', 'dateTime', ''), opt('Date Created Less Than', 'dateCreatedLt', 'dateTime', ''),
    opt('Date Updated Greater Than', 'dateUpdatedGt', 'dateTime', ''), opt('Date Updated Less Than', 'dateUpdatedLt', 'dateTime', ''),
    opt('Due Date Greater Than', 'dueDateGt', 'dateTime', ''), opt('Due Date Less Than', 'dueDateLt', 'dateTime', ''),
    opt('Include Closed', 'includeClosed', 'boolean', false),
    { displayName: 'Order By', name: 'orderBy', type: 'options', default: '', options: [['ID', 'id'], ['Created', 'created'], ['Updated', 'updated'], ['Due Date', 'due_date']].map(([name, value]) => ({ name, value })) },
    loaded('Status Names or IDs', 'statuses', 'getStatuses', ['list'], 'multiOptions'),
    opt('Subtasks', 'subtasks', 'boolean', false),
    loaded('Tag Names or IDs', 'tags', 'getTags', ['space'], 'multiOptions'),
  ] },
  str('Task ID', 'task', on('task', ['setCustomField'])),
  str('Field ID', 'field', on('task', ['setCustomField']), { description: 'The ID of the field to add custom field to' }),
  opt('Value Is JSON', 'jsonParse', 'boolean', false, { displayOptions: on('task', ['setCustomField']), description: 'Whether the value should be set via the value-JSON parameter' }),
  str('Value', 'value', on('task', ['setCustomField'], { jsonParse: [false] }), { description: 'The new value to set on the custom field' }),
  { ...str('Value (JSON)', 'value', on('task', ['setCustomField'], { jsonParse: [true] })), type: 'json', description: 'The new value to set on the custom field' },
];

const comment: NodeProperty[] = [
  operation('comment', 'create', [['Create', 'create', 'Create a comment'], ['Delete', 'delete', 'Delete a comment'], ['Get Many', 'getAll', 'Get many comments'], ['Update', 'update', 'Update a comment']]),
  { displayName: 'Comment On', name: 'commentOn', type: 'options', default: '', required: true, displayOptions: on('comment', ['create']),
    options: [{ name: 'List', value: 'list' }, { name: 'Task', value: 'task' }, { name: 'View', value: 'view' }] },
  str('ID', 'id', on('comment', ['create'])),
  str('Comment Text', 'commentText', on('comment', ['create']), { typeOptions: { alwaysOpenEditWindow: true } }),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('comment', ['create']),
    options: [opt('Assignee ID', 'assignee', 'string', ''), opt('Notify All', 'notifyAll', 'boolean', false)] },
  str('Comment ID', 'comment', on('comment', ['delete', 'update'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('comment', ['update']),
    options: [opt('Assignee ID', 'assignee', 'string', ''), opt('Comment Text', 'commentText', 'string', ''), opt('Resolved', 'resolved', 'boolean', false)] },
  { displayName: 'Comments On', name: 'commentsOn', type: 'options', default: '', required: true, displayOptions: on('comment', ['getAll']),
    options: [{ name: 'List', value: 'list' }, { name: 'Task', value: 'task' }, { name: 'View', value: 'view' }] },
  str('ID', 'id', on('comment', ['getAll'])),
  limit(on('comment', ['getAll']), false),
];

const folder: NodeProperty[] = [
  operation('folder', 'get', [['Create', 'create', 'Create a folder'], ['Delete', 'delete', 'Delete a folder'], ['Get', 'get', 'Get a folder'],
    ['Get Many', 'getAll', 'Get many folders'], ['Update', 'update', 'Update a folder']]),
  { ...loaded('Team Name or ID', 'team', 'getTeams'), required: true, displayOptions: on('folder', ['create', 'delete', 'get', 'getAll', 'update']) },
  { ...loaded('Space Name or ID', 'space', 'getSpaces', ['team']), required: true, displayOptions: on('folder', ['create', 'delete', 'get', 'getAll', 'update']) },
  str('Name', 'name', on('folder', ['create'])),
  { ...loaded('Folder Name or ID', 'folder', 'getFolders', ['space']), required: true, displayOptions: on('folder', ['delete', 'get', 'update']) },
  limit(on('folder', ['getAll']), false),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('folder', ['getAll']), options: [opt('Archived', 'archived', 'boolean', false)] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('folder', ['update']), options: [opt('Name', 'name', 'string', '')] },
];

const checklist: NodeProperty[] = [
  operation('checklist', 'create', [['Create', 'create', 'Create a checklist'], ['Delete', 'delete', 'Delete a checklist'], ['Update', 'update', 'Update a checklist']]),
  str('Task ID', 'task', on('checklist', ['create'])),
  str('Name', 'name', on('checklist', ['create'])),
  str('Checklist ID', 'checklist', on('checklist', ['delete', 'update'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('checklist', ['update']),
    options: [opt('Name', 'name', 'string', ''), opt('Position', 'position', 'number', 0)] },
];

const list: NodeProperty[] = [
  operation('list', 'customFields', [['Create', 'create', 'Create a list'], ['Custom Fields', 'customFields', "Retrieve a list's custom fields"],
    ['Delete', 'delete', 'Delete a list'], ['Get', 'get', 'Get a list'], ['Get Many', 'getAll', 'Get many lists'], ['Member', 'member', 'Get list members'],
    ['Update', 'update', 'Update a list']]),
  { ...loaded('Team Name or ID', 'team', 'getTeams'), required: true, displayOptions: on('list', ['create', 'customFields', 'delete', 'get', 'getAll', 'member', 'update']) },
  { ...loaded('Space Name or ID', 'space', 'getSpaces', ['team']), required: true, displayOptions: on('list', ['create', 'customFields', 'delete', 'get', 'getAll', 'member', 'update']) },
  opt('Folderless List', 'folderless', 'boolean', false, { displayOptions: on('list', ['create', 'customFields', 'delete', 'get', 'getAll', 'member', 'update']) }),
  { ...loaded('Folder Name or ID', 'folder', 'getFolders', ['space']), required: true, displayOptions: on('list', ['create', 'customFields', 'delete', 'get', 'getAll', 'member', 'update'], { folderless: [false] }) },
  { ...loaded('List Name or ID', 'list', 'getFolderlessLists', ['space']), required: true, displayOptions: on('list', ['customFields', 'delete', 'get', 'member', 'update'], { folderless: [true] }) },
  { ...loaded('List Name or ID', 'list', 'getLists', ['folder']), required: true, displayOptions: on('list', ['customFields', 'delete', 'get', 'member', 'update'], { folderless: [false] }) },
  str('Name', 'name', on('list', ['create'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('list', ['create']), options: [
    loaded('Assignee Name or ID', 'assignee', 'getAssignees', ['list']), opt('Content', 'content', 'string', ''), opt('Due Date', 'dueDate', 'dateTime', ''),
    opt('Due Date Time', 'dueDateTime', 'boolean', false), opt('Priority', 'priority', 'number', 3, { typeOptions: { minValue: 1, maxValue: 4 } }),
    loaded('Status Name or ID', 'status', 'getStatuses', ['list']),
  ] },
  returnAll(on('list', ['getAll', 'member'])),
  limit(on('list', ['getAll', 'member'])),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('list', ['getAll']), options: [opt('Archived', 'archived', 'boolean', false)] },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('list', ['update']), options: [
    loaded('Assignee Name or ID', 'assignee', 'getAssignees', ['list']), opt('Content', 'content', 'string', ''), opt('Due Date', 'dueDate', 'dateTime', ''),
    opt('Due Date Time', 'dueDateTime', 'boolean', false), opt('Name', 'name', 'string', ''), opt('Priority', 'priority', 'number', 3, { typeOptions: { minValue: 1, maxValue: 4 } }),
    opt('Unset Status', 'unsetStatus', 'boolean', false),
  ] },
];

const checklistItem: NodeProperty[] = [
  operation('checklistItem', 'create', [['Create', 'create', 'Create a checklist item'], ['Delete', 'delete', 'Delete a checklist item'], ['Update', 'update', 'Update a checklist item']]),
  str('Checklist ID', 'checklist', on('checklistItem', ['create', 'delete', 'update'])),
  str('Name', 'name', on('checklistItem', ['create'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('checklistItem', ['create']),
    options: [loaded('Assignee Name or ID', 'assignee', 'getAssignees', ['task'])] },
  str('Checklist Item ID', 'checklistItem', on('checklistItem', ['delete', 'update'])),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('checklistItem', ['update']), options: [
    loaded('Assignee Name or ID', 'assignee', 'getAssignees', ['task']), opt('Name', 'name', 'string', ''), opt('Parent ID', 'parent', 'string', ''), opt('Resolved', 'resolved', 'boolean', false),
  ] },
];

const taskTag: NodeProperty[] = [
  operation('taskTag', 'add', [['Add', 'add', 'Add a tag to a task'], ['Remove', 'remove', 'Remove a tag from a task']]),
  str('Task ID', 'taskId', on('taskTag', ['add', 'remove'])),
  str('Tag Name', 'tagName', on('taskTag', ['add', 'remove'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('taskTag', ['add', 'remove']),
    options: [opt('Custom Task IDs', 'custom_task_ids', 'boolean', false), opt('Team ID', 'team_id', 'string', '')] },
];

const taskList: NodeProperty[] = [
  operation('taskList', 'add', [['Add', 'add', 'Add a task to a list'], ['Remove', 'remove', 'Remove a task from a list']]),
  str('Task ID', 'taskId', on('taskList', ['add', 'remove'])),
  str('List ID', 'listId', on('taskList', ['add', 'remove'])),
];

const taskDependency: NodeProperty[] = [
  operation('taskDependency', 'create', [['Create', 'create', 'Create a task dependency'], ['Delete', 'delete', 'Delete a task dependency']]),
  str('Task ID', 'task', on('taskDependency', ['create', 'delete'])),
  str('Depends On Task ID', 'dependsOnTask', on('taskDependency', ['create', 'delete'])),
];

/** Time entries (n8n's timeEntry), per team; create and update pick the task through space → (folder →) list. */
const teamPick = (operations: string[]): NodeProperty => ({ ...loaded('Team ID', 'team', 'getTeams'), required: true, displayOptions: on('timeEntry', operations) });
const listPath = (op: string): NodeProperty[] => [
  { ...loaded('Space ID', 'space', 'getSpaces', ['team']), required: true, displayOptions: on('timeEntry', [op]) },
  opt('Folderless List', 'folderless', 'boolean', false, { required: true, displayOptions: on('timeEntry', [op]) }),
  { ...loaded('Folder ID', 'folder', 'getFolders', ['space']), required: true, displayOptions: on('timeEntry', [op], { folderless: [false] }) },
  { ...loaded('List ID', 'list', 'getFolderlessLists', ['space']), required: true, displayOptions: on('timeEntry', [op], { folderless: [true] }) },
  { ...loaded('List ID', 'list', 'getLists', ['folder']), required: true, displayOptions: on('timeEntry', [op], { folderless: [false] }) },
];
const entryDetails = [opt('Billable', 'billable', 'boolean', true), opt('Description', 'description', 'string', '', { description: 'Description of the time entry' })];
const timeEntry: NodeProperty[] = [
  operation('timeEntry', 'create', [['Create', 'create', 'Create a time entry'], ['Delete', 'delete', 'Delete a time entry'], ['Get', 'get', 'Get a time entry'],
    ['Get Many', 'getAll', 'Get many time entries'], ['Start', 'start', 'Start a time entry'], ['Stop', 'stop', 'Stop the current running timer'],
    ['Update', 'update', 'Update a time entry']]),
  teamPick(['getAll', 'get', 'create', 'start', 'stop', 'delete', 'update']),
  returnAll(on('timeEntry', ['getAll'])),
  { ...limit(on('timeEntry', ['getAll']), true, 5), typeOptions: { minValue: 1, maxValue: 10 } },
  { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('timeEntry', ['getAll']),
    options: [opt('End Date', 'end_date', 'dateTime', ''), opt('Start Date', 'start_date', 'dateTime', '')] },
  opt('Running', 'running', 'boolean', false, { displayOptions: on('timeEntry', ['get']), description: 'Whether to return just the current running time entry' }),
  str('Time Entry ID', 'timeEntry', on('timeEntry', ['get'], { running: [false] })),
  str('Time Entry ID', 'timeEntry', on('timeEntry', ['delete', 'update'])),
  ...listPath('create'),
  opt('Start', 'start', 'dateTime', '', { required: true, displayOptions: on('timeEntry', ['create']) }),
  opt('Duration (minutes)', 'duration', 'number', 0, { required: true, displayOptions: on('timeEntry', ['create']), description: 'Duration in minutes' }),
  { ...loaded('Task ID', 'task', 'getTasks', ['list']), displayOptions: on('timeEntry', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('timeEntry', ['create']),
    options: [{ ...loaded('Assignee IDs', 'assignee', 'getAssignees', ['list']), default: [] }, ...entryDetails,
      loaded('Tags IDs', 'tags', 'getTimeEntryTags', ['team'], 'multiOptions')] },
  str('Task ID', 'task', on('timeEntry', ['start'])),
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('timeEntry', ['start']),
    options: entryDetails },
  ...listPath('update'),
  opt('Archived', 'archived', 'boolean', false, { required: true, displayOptions: on('timeEntry', ['update']) }),
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', default: {}, placeholder: 'Add Field', displayOptions: on('timeEntry', ['update']),
    options: [{ ...loaded('Assignee IDs', 'assignee', 'getAssignees', ['list']), default: [] }, ...entryDetails,
      opt('Duration (minutes)', 'duration', 'number', 0, { description: 'Duration in minutes' }), opt('Start', 'start', 'dateTime', ''),
      loaded('Tags IDs', 'tags', 'getTags', ['spaceId'], 'multiOptions'), loaded('Task ID', 'task', 'getTasks', ['archived', 'list'])] },
];

export const clickUpProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'accessToken',
    options: [{ name: 'Access Token', value: 'accessToken' }, { name: 'OAuth2', value: 'oAuth2' }] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'task',
    options: [['Checklist', 'checklist'], ['Checklist Item', 'checklistItem'], ['Comment', 'comment'], ['Folder', 'folder'], ['List', 'list'], ['Task', 'task'],
      ['Task Dependency', 'taskDependency'], ['Task List', 'taskList'], ['Task Tag', 'taskTag'], ['Time Entry', 'timeEntry']].map(([name, value]) => ({ name, value })) },
  ...checklist, ...checklistItem, ...comment, ...folder, ...list, ...task, ...taskDependency, ...taskList, ...taskTag, ...timeEntry,
];
