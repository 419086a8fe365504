// The Webhook node's parameters, as n8n's Webhook v1–2.1 declares them.
import type { NodeDescription, NodeProperty } from '../../engine/index.ts';
import { option, optionsCollection, responseHeaders } from '../shared/properties.ts';

const METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'].map((m) => option(m, m));

const responseModeProperty: NodeProperty = {
  displayName: 'Respond',
  name: 'responseMode',
  type: 'options',
  default: 'onReceived',
  options: [
    option('Immediately', 'onReceived', 'As soon as this node executes'),
    option('When Last Node Finishes', 'lastNode', 'Returns data of the last-executed node'),
    option("Using 'Respond to Webhook' Node", 'responseNode', 'Response defined in that node'),
  ],
  displayOptions: { show: { '@version': [{ _cnd: { lt: 2.1 } }] } },
};

/** From 2.1 the answer can also be streamed from the nodes that stream (the AI Agent). */
const responseModeWithStreaming: NodeProperty = {
  ...responseModeProperty,
  options: [...(responseModeProperty.options ?? []), option('Streaming', 'streaming', 'Returns data in real time from streaming-enabled nodes')],
  displayOptions: { show: { '@version': [{ _cnd: { gte: 2.1 } }] } },
};

export const webhookDescription: NodeDescription = {
  name: 'n8n-nodes-base.webhook',
  displayName: 'Webhook',
  group: ['trigger'],
  version: [1, 1.1, 2, 2.1],
  description: 'Starts the workflow when a webhook is called',
  icon: 'file:webhook.svg',
  defaults: { name: 'Webhook' },
  inputs: [],
  outputs: ['main'],
  // n8n: with several methods, one output per method, named after it.
  outputsFor: (parameters) => (parameters.multipleMethods === true && Array.isArray(parameters.httpMethod) && parameters.httpMethod.length > 0
    ? parameters.httpMethod.map(() => 'main')
    : ['main']),
  triggerKind: 'webhook',
  // As n8n: only the credential the Authentication choice names is shown, and then required.
  credentials: [
    { name: 'httpBasicAuth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
    { name: 'httpHeaderAuth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
    { name: 'jwtAuth', required: true, displayOptions: { show: { authentication: ['jwtAuth'] } } },
  ],
  properties: [
    { displayName: 'Allow Multiple HTTP Methods', name: 'multipleMethods', type: 'boolean', default: false, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
    { displayName: 'HTTP Method', name: 'httpMethod', type: 'options', default: 'GET', options: METHODS, displayOptions: { show: { multipleMethods: [false] } } },
    { displayName: 'HTTP Methods', name: 'httpMethod', type: 'multiOptions', default: ['GET', 'POST'], options: METHODS, displayOptions: { show: { multipleMethods: [true] } } },
    { displayName: 'Path', name: 'path', type: 'string', default: '', placeholder: 'webhook', required: true, description: "The path to listen to; dynamic values like ':id' are allowed" },
    {
      displayName: 'Authentication',
      name: 'authentication',
      type: 'options',
      default: 'none',
      options: [option('Basic Auth', 'basicAuth'), option('Header Auth', 'headerAuth'), option('JWT Auth', 'jwtAuth'), option('None', 'none')],
    },
    responseModeProperty,
    responseModeWithStreaming,
    { displayName: 'Response Code', name: 'responseCode', type: 'number', default: 200, typeOptions: { minValue: 100, maxValue: 599 }, displayOptions: { hide: { responseMode: ['responseNode'] } } },
    {
      displayName: 'Response Data',
      name: 'responseData',
      type: 'options',
      default: 'firstEntryJson',
      displayOptions: { show: { responseMode: ['lastNode'] } },
      options: [
        option('All Entries', 'allEntries', 'Returns all the entries of the last node. Always returns an array.'),
        option('First Entry JSON', 'firstEntryJson', 'Returns the JSON data of the first entry of the last node'),
        option('First Entry Binary', 'firstEntryBinary', 'Returns the binary data of the first entry of the last node'),
        option('No Response Body', 'noData', 'Returns without a body'),
      ],
    },
    { displayName: 'Property Name', name: 'responseBinaryPropertyName', type: 'string', default: 'data', displayOptions: { show: { responseData: ['firstEntryBinary'] } } },
    optionsCollection([
      { displayName: 'Allowed Origins (CORS)', name: 'allowedOrigins', type: 'string', default: '*', description: 'Comma-separated list of URLs allowed for cross-origin non-preflight requests' },
      { displayName: 'Binary File', name: 'binaryData', type: 'boolean', default: false, description: 'Whether the webhook will receive binary data' },
      { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data' },
      { displayName: 'Ignore Bots', name: 'ignoreBots', type: 'boolean', default: false, description: 'Whether to ignore requests from bots like link previewers and web crawlers' },
      { displayName: 'IP(s) Whitelist', name: 'ipWhitelist', type: 'string', default: '', description: 'Comma-separated list of allowed IP addresses; empty allows all' },
      { displayName: 'No Response Body', name: 'noResponseBody', type: 'boolean', default: false },
      { displayName: 'Raw Body', name: 'rawBody', type: 'boolean', default: false, description: 'Whether to return the body in a raw format' },
      { displayName: 'Response Data', name: 'responseData', type: 'string', default: '', description: 'Custom response data to send' },
      { displayName: 'Response Content-Type', name: 'responseContentType', type: 'string', default: '' },
      responseHeaders,
      { displayName: 'Property Name', name: 'responsePropertyName', type: 'string', default: 'data', description: 'Name of the property to return the data of instead of the whole JSON' },
    ]),
  ],
};
