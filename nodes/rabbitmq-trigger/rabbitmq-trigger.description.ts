// RabbitMQ Trigger parameters (n8n-nodes-base.rabbitmqTrigger v1), options sorted by name as n8n does.
import type { NodeProperty } from '../../engine/index.ts';
import { rabbitQueueOptions } from '../rabbitmq/rabbitmq.description.ts';

const notBinary = { hide: { contentIsBinary: [true] } };

const options: NodeProperty[] = [
  { displayName: 'Content Is Binary', name: 'contentIsBinary', type: 'boolean', default: false, description: 'Whether to save the content as binary' },
  {
    displayName: 'Delete From Queue When', name: 'acknowledge', type: 'options', default: 'immediately', description: 'When to acknowledge the message',
    options: [
      { name: 'Execution Finishes', value: 'executionFinishes', description: 'After the workflow execution finished. No matter if the execution was successful or not.' },
      { name: 'Execution Finishes Successfully', value: 'executionFinishesSuccessfully', description: 'After the workflow execution finished successfully' },
      { name: 'Immediately', value: 'immediately', description: 'As soon as the message got received' },
      { name: 'Specified Later in Workflow', value: 'laterMessageNode', description: 'Using a RabbitMQ node to remove the item from the queue' },
    ],
  },
  { displayName: 'JSON Parse Body', name: 'jsonParseBody', type: 'boolean', default: false, displayOptions: notBinary, description: 'Whether to parse the body to an object' },
  { displayName: 'Only Content', name: 'onlyContent', type: 'boolean', default: false, displayOptions: notBinary, description: 'Whether to return only the content property' },
  {
    displayName: 'Parallel Message Processing Limit', name: 'parallelMessages', type: 'number', default: -1,
    displayOptions: { hide: { acknowledge: ['immediately'] } }, description: 'Max number of executions at a time. Use -1 for no limit.',
  },
  {
    displayName: 'Binding', name: 'binding', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: 'Add Binding',
    description: 'Add binding to queue',
    options: [{
      name: 'bindings', displayName: 'Binding', values: [
        { displayName: 'Exchange', name: 'exchange', type: 'string', default: '', placeholder: 'exchange' },
        { displayName: 'RoutingKey', name: 'routingKey', type: 'string', default: '', placeholder: 'routing-key' },
      ],
    }],
  },
  ...rabbitQueueOptions,
];

export const rabbitmqTriggerProperties: NodeProperty[] = [
  { displayName: 'Queue / Topic', name: 'queue', type: 'string', default: '', placeholder: 'queue-name', description: 'The name of the queue to read from' },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option',
    options: [...options].sort((a, b) => String(a.displayName).toLowerCase().localeCompare(String(b.displayName).toLowerCase())),
  },
  {
    displayName: "To delete an item from the queue, insert a RabbitMQ node later in the workflow and use the 'Delete from queue' operation",
    name: 'laterMessageNode', type: 'notice', default: '', displayOptions: { show: { '/options.acknowledge': ['laterMessageNode'] } },
  },
];
