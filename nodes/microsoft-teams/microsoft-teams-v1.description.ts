// Parameters of n8n's Microsoft Teams node v1 and v1.1: the same resources as v2 with dropdowns
// (loadOptions) instead of resource locators, `delete` operations and `messageType`. v1.1 only
// changes a default: the link to the workflow is appended unless switched off.
import type { NodeProperty } from '../../engine/index.ts';
import {
  contentType, DUE_DATE_DESCRIPTION, includeLinkToWorkflow, operations, percentComplete, resources, returnAllOrLimit, shownFor, groupSource, tasksFor, taskId,
} from './microsoft-teams-properties.ts';

const CHOOSE = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code-examples/expressions/">expression</a>';
const dropdown = (displayName: string, name: string, method: string, dependsOn: string[] = [], more: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName, name, type: 'options', default: '', description: CHOOSE, typeOptions: { loadOptionsMethod: method, ...(dependsOn.length ? { loadOptionsDependsOn: dependsOn } : {}) }, ...more,
});
const team = dropdown('Team Name or ID', 'teamId', 'getTeams', [], { required: true });
const channelOf = dropdown('Channel Name or ID', 'channelId', 'getChannels', ['teamId']);
const chat = dropdown('Chat Name or ID', 'chatId', 'getChats', [], { required: true });
const channelName = 'Channel name as it will appear to the user in Microsoft Teams';
const description: NodeProperty = { displayName: 'Description', name: 'description', type: 'string', default: '', description: "Channel's description" };
const messageType = contentType('messageType', 'Message Type', 'The type of the content');
const message: NodeProperty = { displayName: 'Message', name: 'message', type: 'string', required: true, default: '', description: 'The content of the item' };
const dueDateTime: NodeProperty = { displayName: 'Due Date Time', name: 'dueDateTime', type: 'dateTime', default: '', description: DUE_DATE_DESCRIPTION };
const labels = (dependsOn: string): NodeProperty => ({
  ...dropdown('Label Names or IDs', 'labels', 'getLabels', [dependsOn]), type: 'multiOptions', default: [],
  description: `Labels to assign to the task. ${CHOOSE}.`,
});
const assignedTo = dropdown('Assigned To Name or ID', 'assignedTo', 'getMembers', ['groupId'], { description: `Who the task should be assigned to. ${CHOOSE}.` });
const plan = (dependsOn: string) => dropdown('Plan Name or ID', 'planId', 'getPlans', [dependsOn], { description: `The plan for the task to belong to. ${CHOOSE}.` });
const bucket = (dependsOn: string) => dropdown('Bucket Name or ID', 'bucketId', 'getBuckets', [dependsOn], { description: `The bucket for the task to belong to. ${CHOOSE}.` });
const group = dropdown('Group Name or ID', 'groupId', 'getGroups', ['groupSource']);
const collectionOf = (name: string, displayName: string, options: NodeProperty[], placeholder = 'Add Field'): NodeProperty => ({ displayName, name, type: 'collection', placeholder, default: {}, options });
const CRUD: Array<[string, string, string]> = [['Create', 'create', 'Create a %'], ['Delete', 'delete', 'Delete a %'], ['Get', 'get', 'Get a %'], ['Get Many', 'getAll', 'Get many %s'], ['Update', 'update', 'Update a %']];
const crud = (noun: string) => CRUD.map(([name, value, action]) => [name, value, action.replace('%', noun)] as [string, string, string]);

const channel: NodeProperty[] = [
  operations('channel', crud('channel')),
  ...shownFor('channel', ['create'], [team, { displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: channelName },
    collectionOf('options', 'Options', [description, { displayName: 'Type', name: 'type', type: 'options', default: 'standard', description: 'The type of the channel',
      options: [{ name: 'Private', value: 'private' }, { name: 'Standard', value: 'standard' }] }])]),
  ...shownFor('channel', ['delete', 'get'], [team, channelOf]),
  ...shownFor('channel', ['getAll'], [team, ...returnAllOrLimit(500)]),
  ...shownFor('channel', ['update'], [team, channelOf,
    collectionOf('updateFields', 'Update Fields', [{ displayName: 'Name', name: 'name', type: 'string', default: '', description: channelName }, description])]),
];

const channelMessage: NodeProperty[] = [
  operations('channelMessage', [['Create', 'create', 'Create a message in a channel'], ['Get Many', 'getAll', 'Get many messages in a channel']]),
  ...shownFor('channelMessage', ['create'], [team, channelOf, messageType, message, collectionOf('options', 'Options', [
    includeLinkToWorkflow, { displayName: 'Make Reply', name: 'makeReply', type: 'string', default: '', description: 'An optional ID of the message you want to reply to' },
  ])]),
  ...shownFor('channelMessage', ['getAll'], [team, channelOf, ...returnAllOrLimit(500)]),
];

const chatMessage: NodeProperty[] = [
  operations('chatMessage', [['Create', 'create', 'Create a chat message'], ['Get', 'get', 'Get a chat message'], ['Get Many', 'getAll', 'Get many chat messages']]),
  ...shownFor('chatMessage', ['create'], [chat, messageType, message, collectionOf('options', 'Options', [includeLinkToWorkflow], 'Add option')]),
  ...shownFor('chatMessage', ['get'], [chat, { displayName: 'Message ID', name: 'messageId', type: 'string', required: true, default: '' }]),
  ...shownFor('chatMessage', ['getAll'], [chat, ...returnAllOrLimit(500)]),
];

const task: NodeProperty[] = [
  operations('task', crud('task')),
  ...shownFor('task', ['getAll', 'create', 'update'], [groupSource]),
  ...shownFor('task', ['create'], [{ ...group, required: true }, { ...plan('groupId'), required: true }, { ...bucket('planId'), required: true },
    { displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'Title of the task' },
    collectionOf('additionalFields', 'Additional Fields', [assignedTo, dueDateTime, labels('planId'), percentComplete])]),
  ...shownFor('task', ['delete', 'get'], [{ ...taskId(''), description: undefined, placeholder: undefined }]),
  ...shownFor('task', ['getAll'], [tasksFor, { ...group, required: true },
    { ...dropdown('Member Name or ID', 'memberId', 'getMembers', ['groupId']), displayOptions: { show: { tasksFor: ['member'] } } },
    { ...plan('groupId'), description: CHOOSE, displayOptions: { show: { tasksFor: ['plan'] } } }, ...returnAllOrLimit(500)]),
  ...shownFor('task', ['update'], [{ ...taskId('The ID of the Task'), placeholder: undefined }, collectionOf('updateFields', 'Update Fields', [
    assignedTo, bucket('updateFields.planId'), dueDateTime, group, labels('updateFields.planId'), percentComplete, plan('groupId'),
    { displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Title of the task' },
  ])]),
];

export const teamsV1Properties: NodeProperty[] = [resources('Channel Message (Beta)'), ...channel, ...channelMessage, ...chatMessage, ...task];
