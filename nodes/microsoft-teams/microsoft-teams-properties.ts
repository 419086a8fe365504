// Building blocks of the Teams node's parameters, shared by the v1 and v2 descriptions.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

export const show = (resource: string, operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions => ({ show: { resource: [resource], operation, ...more } });

/** Each property shown for `resource` and `operation`, on top of its own conditions (n8n's updateDisplayOptions). */
export const shownFor = (resource: string, operation: string[], properties: NodeProperty[]): NodeProperty[] => properties.map((p) => ({
  ...p, displayOptions: { ...p.displayOptions, show: { ...p.displayOptions?.show, resource: [resource], operation } },
}));

export const operations = (resource: string, list: Array<[name: string, value: string, action: string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: [resource] } },
  options: list.map(([name, value, action]) => ({ name, value, description: action, action })),
});

export const resources = (channelMessageName: string): NodeProperty => ({
  displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'channel',
  options: [
    { name: 'Channel', value: 'channel' }, { name: channelMessageName, value: 'channelMessage' },
    { name: 'Chat Message', value: 'chatMessage' }, { name: 'Task', value: 'task' },
  ],
});

export const returnAllOrLimit = (maxValue?: number): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
    displayOptions: { show: { returnAll: [false] } }, description: 'Max number of results to return' },
];

export const contentType = (name: string, displayName: string, description: string): NodeProperty => ({
  displayName, name, type: 'options', required: true, default: 'text', description,
  options: [{ name: 'Text', value: 'text' }, { name: 'HTML', value: 'html' }],
});

export const includeLinkToWorkflow: NodeProperty = {
  displayName: 'Include Link to Workflow', name: 'includeLinkToWorkflow', type: 'boolean', default: true,
  description: 'Whether to append a link to this workflow at the end of the message. This is helpful if you have many workflows sending messages.',
};

export const percentComplete: NodeProperty = {
  displayName: 'Percent Complete', name: 'percentComplete', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100 },
  description: 'Percentage of task completion. When set to 100, the task is considered completed.',
};

export const groupSource: NodeProperty = {
  displayName: 'Group Source', name: 'groupSource', type: 'options', required: true, default: 'all', description: 'From where to select groups and teams',
  options: [
    { name: 'All Groups', value: 'all', description: 'From all groups' },
    { name: 'My Groups', value: 'mine', description: 'Only load groups that account is member of' },
  ],
};

export const tasksFor: NodeProperty = {
  displayName: 'Tasks For', name: 'tasksFor', type: 'options', required: true, default: 'member', description: 'Whether to retrieve the tasks for a user or for a plan',
  options: [
    { name: 'Group Member', value: 'member', description: 'Tasks assigned to group member' },
    { name: 'Plan', value: 'plan', description: 'Tasks in group plan' },
  ],
};

export const taskId = (description: string): NodeProperty => ({
  displayName: 'Task ID', name: 'taskId', type: 'string', required: true, default: '', placeholder: 'e.g. h3ufgLvXPkSRzYm-zO5cY5gANtBQ', description,
});

export const DUE_DATE_DESCRIPTION = 'Date and time at which the task is due. The Timestamp type represents date and time information using ISO 8601 format and is always in UTC time.';
