// Parameters of n8n's Microsoft Teams node v2: channels, channel messages, chat messages (with
// Send and Wait for Response) and Planner tasks, named through resource locators.
import type { NodeProperty } from '../../engine/index.ts';
import { bucketLocator, channelLocator, chatLocator, groupLocator, memberLocator, planLocator, teamLocator } from './microsoft-teams-locators.ts';
import {
  contentType, DUE_DATE_DESCRIPTION, includeLinkToWorkflow, operations, percentComplete, resources, returnAllOrLimit, shownFor, taskId, tasksFor,
} from './microsoft-teams-properties.ts';
import { teamsSendAndWaitProperties } from './microsoft-teams-send-and-wait.ts';

const options = (list: NodeProperty[], more: Partial<NodeProperty> = {}): NodeProperty => ({
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: list, ...more,
});
const message: NodeProperty = { displayName: 'Message', name: 'message', type: 'string', required: true, default: '', description: 'The content of the message to be sent', typeOptions: { rows: 2 } };
const messageContentType = contentType('contentType', 'Content Type', 'Whether the message is plain text or HTML');
const channelDescription: NodeProperty = { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'The description of the channel', typeOptions: { rows: 2 } };
const dueDateTime: NodeProperty = { displayName: 'Due Date Time', name: 'dueDateTime', type: 'string', default: '', description: DUE_DATE_DESCRIPTION };
const assignedTo: NodeProperty = { ...memberLocator, displayName: 'Assigned To', name: 'assignedTo', description: 'Who the task should be assigned to' };

const channel: NodeProperty[] = [
  operations('channel', [['Create', 'create', 'Create a channel'], ['Delete', 'deleteChannel', 'Delete a channel'], ['Get', 'get', 'Get a channel'],
    ['Get Many', 'getAll', 'Get many channels'], ['Update', 'update', 'Update a channel']]),
  ...shownFor('channel', ['create'], [
    teamLocator,
    { displayName: 'New Channel Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. My New Channel', description: 'The name of the new channel you want to create' },
    options([channelDescription, {
      displayName: 'Type', name: 'type', type: 'options', default: 'standard', options: [{ name: 'Private', value: 'private' }, { name: 'Standard', value: 'standard' }],
      description: 'Standard: Accessible to everyone on the team. Private: Accessible only to a specific group of people within the team.',
    }], { placeholder: 'Add Option' }),
  ]),
  ...shownFor('channel', ['deleteChannel', 'get'], [teamLocator, channelLocator]),
  ...shownFor('channel', ['getAll'], [teamLocator, ...returnAllOrLimit()]),
  ...shownFor('channel', ['update'], [
    teamLocator, channelLocator,
    { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. My New Channel name', description: 'The name of the channel' },
    options([channelDescription], { placeholder: 'Add Option' }),
  ]),
];

const channelMessage: NodeProperty[] = [
  operations('channelMessage', [['Create', 'create', 'Create a message in a channel'], ['Get Many', 'getAll', 'Get many messages from a channel']]),
  ...shownFor('channelMessage', ['create'], [teamLocator, channelLocator, messageContentType, message, options([
    includeLinkToWorkflow,
    { displayName: 'Reply to ID', name: 'makeReply', type: 'string', default: '', placeholder: 'e.g. 1673348720590',
      description: 'An optional ID of the message you want to reply to. The message ID is the number before "?tenantId" in the message URL.' },
  ])]),
  ...shownFor('channelMessage', ['getAll'], [teamLocator, channelLocator, ...returnAllOrLimit()]),
];

const chatMessage: NodeProperty[] = [
  operations('chatMessage', [['Create', 'create', 'Create a message in a chat'], ['Get', 'get', 'Get a message from a chat'],
    ['Get Many', 'getAll', 'Get many messages from a chat'], ['Send and Wait for Response', 'sendAndWait', 'Send a message and wait for response']]),
  ...shownFor('chatMessage', ['create'], [chatLocator, messageContentType, message, options([includeLinkToWorkflow], { description: 'Other options to set' })]),
  ...shownFor('chatMessage', ['get'], [chatLocator, {
    displayName: 'Message ID', name: 'messageId', type: 'string', required: true, default: '', placeholder: 'e.g. 1673355049064', description: 'The ID of the message to retrieve',
  }]),
  ...shownFor('chatMessage', ['getAll'], [chatLocator, ...returnAllOrLimit()]),
  ...teamsSendAndWaitProperties,
];

const task: NodeProperty[] = [
  operations('task', [['Create', 'create', 'Create a task'], ['Delete', 'deleteTask', 'Delete a task'], ['Get', 'get', 'Get a task'],
    ['Get Many', 'getAll', 'Get many tasks'], ['Update', 'update', 'Update a task']]),
  ...shownFor('task', ['create'], [
    groupLocator, planLocator, bucketLocator,
    { displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. new task', description: 'Title of the task' },
    options([{ ...assignedTo, typeOptions: { loadOptionsDependsOn: ['groupId.value'] } }, dueDateTime, percentComplete]),
  ]),
  ...shownFor('task', ['deleteTask'], [taskId('The ID of the task to delete')]),
  ...shownFor('task', ['get'], [taskId('The ID of the task to retrieve')]),
  ...shownFor('task', ['getAll'], [tasksFor, groupLocator, { ...planLocator, displayOptions: { show: { tasksFor: ['plan'] } } }, ...returnAllOrLimit()]),
  ...shownFor('task', ['update'], [taskId('The ID of the task to update'), {
    displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      { ...assignedTo, required: false, typeOptions: { loadOptionsDependsOn: ['updateFields.groupId.value'] } },
      { ...bucketLocator, required: false, typeOptions: { loadOptionsDependsOn: ['updateFields.planId.value'] } },
      dueDateTime,
      { ...groupLocator, required: false, typeOptions: { loadOptionsDependsOn: ['/groupSource'] } },
      percentComplete,
      { ...planLocator, required: false, typeOptions: { loadOptionsDependsOn: ['updateFields.groupId.value'] } },
      { displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. my task', description: 'Title of the task' },
    ],
  }]),
];

export const teamsV2Properties: NodeProperty[] = [resources('Channel Message'), ...channel, ...channelMessage, ...chatMessage, ...task];
