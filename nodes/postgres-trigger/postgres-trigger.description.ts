// Postgres Trigger v1 parameters, with n8n's names, defaults and options.
import type { NodeProperty } from '../../engine/index.ts';

const createTrigger = { displayOptions: { show: { triggerMode: ['createTrigger'] } } };

function locator(name: string, displayName: string, value: string, searchListMethod: string, placeholder: string): NodeProperty {
  return {
    displayName, name, type: 'resourceLocator', required: true, default: { __rl: true, mode: 'list', value },
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: `Select a ${name === 'schema' ? 'schema' : 'table'}`, typeOptions: { searchListMethod, searchFilterRequired: false } },
      { displayName: 'Name', name: 'name', type: 'string', placeholder },
    ],
    ...createTrigger,
  };
}

export const postgresTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Listen For', name: 'triggerMode', type: 'options', default: 'createTrigger',
    options: [
      { name: 'Table Row Change Events', value: 'createTrigger', description: 'Insert, update or delete' },
      { name: 'Advanced', value: 'listenTrigger', description: 'Listen to existing Postgres channel' },
    ],
  },
  locator('schema', 'Schema Name', 'public', 'searchSchema', 'e.g. public'),
  locator('tableName', 'Table Name', '', 'searchTables', 'e.g. table_name'),
  {
    displayName: 'Channel Name', name: 'channelName', type: 'string', default: '', required: true, placeholder: 'e.g. n8n_channel',
    description: 'Name of the channel to listen to', displayOptions: { show: { triggerMode: ['listenTrigger'] } },
  },
  {
    displayName: 'Event to listen for', name: 'firesOn', type: 'options', default: 'INSERT',
    options: [{ name: 'Insert', value: 'INSERT' }, { name: 'Update', value: 'UPDATE' }, { name: 'Delete', value: 'DELETE' }],
    ...createTrigger,
  },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      { displayName: 'Channel Name', name: 'channelName', type: 'string', placeholder: 'e.g. n8n_channel', description: 'Name of the channel to listen to', default: '' },
      { displayName: 'Function Name', name: 'functionName', type: 'string', placeholder: 'e.g. n8n_trigger_function()', description: 'Name of the function to create', default: '' },
      { displayName: 'Replace if Exists', name: 'replaceIfExists', type: 'boolean', description: 'Whether to replace an existing function and trigger with the same name', default: false },
      { displayName: 'Trigger Name', name: 'triggerName', type: 'string', placeholder: 'e.g. n8n_trigger', description: 'Name of the trigger to create', default: '' },
    ],
    ...createTrigger,
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [
      { displayName: 'Connection Timeout', name: 'connectionTimeout', type: 'number', default: 30, description: 'Number of seconds reserved for connecting to the database' },
      {
        displayName: 'Delay Closing Idle Connection', name: 'delayClosingIdleConnection', type: 'number', default: 0, typeOptions: { minValue: 0 },
        description: 'Number of seconds to wait before idle connection would be eligible for closing',
      },
    ],
  },
];
