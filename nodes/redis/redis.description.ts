// Redis node parameters (n8n-nodes-base.redis v1): n8n's operations, names and defaults.
import type { NodeProperty } from '../../engine/index.ts';

const on = (...operation: string[]) => ({ show: { operation } });

const keyTypes = (automatic: string) => [
  { name: 'Automatic', value: 'automatic', description: automatic },
  { name: 'Hash', value: 'hash', description: "Data in key is of type 'hash'" },
  { name: 'List', value: 'list', description: "Data in key is of type 'lists'" },
  { name: 'Sets', value: 'sets', description: "Data in key is of type 'sets'" },
  { name: 'String', value: 'string', description: "Data in key is of type 'string'" },
];

const dotNotation: NodeProperty = {
  displayName: 'Dot Notation', name: 'dotNotation', type: 'boolean', default: true,
  description: 'Whether "a.b" sets b under a ({ "a": { "b": value } }) rather than the key "a.b"',
};

export const redisProperties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'info',
    options: [
      { name: 'Delete', value: 'delete', description: 'Delete a key from Redis' },
      { name: 'Get', value: 'get', description: 'Get the value of a key from Redis' },
      { name: 'Increment', value: 'incr', description: 'Atomically increments a key by 1. Creates the key if it does not exist.' },
      { name: 'Info', value: 'info', description: 'Returns generic information about the Redis instance' },
      { name: 'Keys', value: 'keys', description: 'Returns all the keys matching a pattern' },
      { name: 'Pop', value: 'pop', description: 'Pop data from a redis list' },
      { name: 'Publish', value: 'publish', description: 'Publish message to redis channel' },
      { name: 'Push', value: 'push', description: 'Push data to a redis list' },
      { name: 'Set', value: 'set', description: 'Set the value of a key in redis' },
    ],
  },
  {
    displayName: 'Name', name: 'propertyName', type: 'string', default: 'propertyName', required: true, displayOptions: on('get'),
    description: 'Name of the property to write received data to. Supports dot-notation.',
  },
  { displayName: 'Key', name: 'key', type: 'string', default: '', required: true, displayOptions: on('delete'), description: 'Name of the key to delete from Redis' },
  { displayName: 'Key', name: 'key', type: 'string', default: '', required: true, displayOptions: on('get'), description: 'Name of the key to get from Redis' },
  {
    displayName: 'Key Type', name: 'keyType', type: 'options', default: 'automatic', displayOptions: on('get'),
    options: keyTypes('Requests the type before requesting the data (slower)'), description: 'The type of the key to get',
  },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('get'), options: [dotNotation] },
  { displayName: 'Key', name: 'key', type: 'string', default: '', required: true, displayOptions: on('incr'), description: 'Name of the key to increment' },
  { displayName: 'Expire', name: 'expire', type: 'boolean', default: false, displayOptions: on('incr'), description: 'Whether to set a timeout on key' },
  {
    displayName: 'TTL', name: 'ttl', type: 'number', default: 60, typeOptions: { minValue: 1 },
    displayOptions: { show: { operation: ['incr'], expire: [true] } }, description: 'Number of seconds before key expiration',
  },
  { displayName: 'Key Pattern', name: 'keyPattern', type: 'string', default: '', required: true, displayOptions: on('keys'), description: 'The key pattern for the keys to return' },
  { displayName: 'Get Values', name: 'getValues', type: 'boolean', default: true, displayOptions: on('keys'), description: 'Whether to get the value of matching keys' },
  { displayName: 'Key', name: 'key', type: 'string', default: '', required: true, displayOptions: on('set'), description: 'Name of the key to set in Redis' },
  { displayName: 'Value', name: 'value', type: 'string', default: '', displayOptions: on('set'), description: 'The value to write in Redis' },
  {
    displayName: 'Key Type', name: 'keyType', type: 'options', default: 'automatic', displayOptions: on('set'),
    options: keyTypes('Tries to figure out the type automatically depending on the data'), description: 'The type of the key to set',
  },
  {
    displayName: 'Value Is JSON', name: 'valueIsJSON', type: 'boolean', default: true, displayOptions: { show: { keyType: ['hash'] } },
    description: 'Whether the value is JSON or key value pairs',
  },
  { displayName: 'Expire', name: 'expire', type: 'boolean', default: false, displayOptions: on('set'), description: 'Whether to set a timeout on key' },
  {
    displayName: 'TTL', name: 'ttl', type: 'number', default: 60, typeOptions: { minValue: 1 },
    displayOptions: { show: { operation: ['set'], expire: [true] } }, description: 'Number of seconds before key expiration',
  },
  { displayName: 'Channel', name: 'channel', type: 'string', default: '', required: true, displayOptions: on('publish'), description: 'Channel name' },
  { displayName: 'Data', name: 'messageData', type: 'string', default: '', required: true, displayOptions: on('publish'), description: 'Data to publish' },
  { displayName: 'List', name: 'list', type: 'string', default: '', required: true, displayOptions: on('push', 'pop'), description: 'Name of the list in Redis' },
  { displayName: 'Data', name: 'messageData', type: 'string', default: '', required: true, displayOptions: on('push'), description: 'Data to push' },
  { displayName: 'Tail', name: 'tail', type: 'boolean', default: false, displayOptions: on('push', 'pop'), description: 'Whether to push or pop data from the end of the list' },
  {
    displayName: 'Name', name: 'propertyName', type: 'string', default: 'propertyName', displayOptions: on('pop'),
    description: 'Optional name of the property to write received data to. Supports dot-notation.',
  },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('pop'), options: [dotNotation] },
];
