// RabbitMQ node parameters (n8n-nodes-base.rabbitmq v1, 1.1): n8n's names, options and defaults.
import type { NodeProperty } from '../../engine/index.ts';

const keyValues = (name: string, displayName: string, entry: string): NodeProperty => ({
  displayName, name, type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: `Add ${displayName.replace(/s$/, '')}`,
  options: [{
    name: entry, displayName: displayName.replace(/s$/, ''), values: [
      { displayName: 'Key', name: 'key', type: 'string', default: '' },
      { displayName: 'Value', name: 'value', type: 'string', default: '' },
    ],
  }],
});

/** Queue options both nodes share (n8n's rabbitDefaultOptions). */
export const rabbitQueueOptions: NodeProperty[] = [
  keyValues('arguments', 'Arguments', 'argument'),
  { displayName: 'Auto Delete Queue', name: 'autoDelete', type: 'boolean', default: false, description: 'Whether the queue will be deleted when the number of consumers drops to zero' },
  { displayName: 'Durable', name: 'durable', type: 'boolean', default: true, description: 'Whether the queue will survive broker restarts' },
  { displayName: 'Exclusive', name: 'exclusive', type: 'boolean', default: false, description: 'Whether to scope the queue to the connection' },
];

const send = { show: { operation: ['sendMessage'] } };

export const rabbitmqProperties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'sendMessage',
    displayOptions: { show: { '@version': [1.1] } },
    options: [
      { name: 'Send a Message to RabbitMQ', value: 'sendMessage' },
      { name: 'Delete From Queue', value: 'deleteMessage' },
    ],
  },
  {
    displayName: 'Will delete an item from the queue triggered earlier in the workflow by a RabbitMQ Trigger node',
    name: 'deleteMessage', type: 'notice', default: '', displayOptions: { show: { operation: ['deleteMessage'] } },
  },
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'queue', displayOptions: send, description: 'To where data should be moved',
    options: [
      { name: 'Queue', value: 'queue', description: 'Publish data to queue' },
      { name: 'Exchange', value: 'exchange', description: 'Publish data to exchange' },
    ],
  },
  {
    displayName: 'Queue / Topic', name: 'queue', type: 'string', default: '', placeholder: 'queue-name',
    displayOptions: { show: { mode: ['queue'], operation: ['sendMessage'] } }, description: 'Name of the queue to publish to',
  },
  {
    displayName: 'Exchange', name: 'exchange', type: 'string', default: '', placeholder: 'exchange-name',
    displayOptions: { show: { mode: ['exchange'], operation: ['sendMessage'] } }, description: 'Name of the exchange to publish to',
  },
  {
    displayName: 'Type', name: 'exchangeType', type: 'options', default: 'fanout', displayOptions: { show: { mode: ['exchange'], operation: ['sendMessage'] } },
    options: [
      { name: 'Direct', value: 'direct', description: 'Direct exchange type' },
      { name: 'Topic', value: 'topic', description: 'Topic exchange type' },
      { name: 'Headers', value: 'headers', description: 'Headers exchange type' },
      { name: 'Fanout', value: 'fanout', description: 'Fanout exchange type' },
    ],
    description: 'Type of exchange',
  },
  {
    displayName: 'Routing Key', name: 'routingKey', type: 'string', default: '', placeholder: 'routing-key',
    displayOptions: { show: { mode: ['exchange'], operation: ['sendMessage'] } }, description: 'The routing key for the message',
  },
  { displayName: 'Send Input Data', name: 'sendInputData', type: 'boolean', default: true, displayOptions: send, description: 'Whether to send the data the node receives as JSON' },
  {
    displayName: 'Message', name: 'message', type: 'string', default: '', displayOptions: { show: { sendInputData: [false], operation: ['sendMessage'] } },
    description: 'The message to be sent',
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', displayOptions: send,
    options: [
      {
        displayName: 'Alternate Exchange', name: 'alternateExchange', type: 'string', default: '', displayOptions: { show: { '/mode': ['exchange'] } },
        description: 'An exchange to send messages to if this exchange can’t route them to any queues',
      },
      ...rabbitQueueOptions,
      keyValues('headers', 'Headers', 'header'),
    ],
  },
];
