// The Respond to Webhook node's parameters, as n8n's v1–1.5 declares them.
import type { NodeDescription } from '../../engine/index.ts';
import { option, optionsCollection, responseHeaders } from '../shared/properties.ts';

/** v1.3 always had the "Response" output; from 1.4 it is there when enableResponseOutput is on. */
export function responseOutputs(parameters: Record<string, unknown>, typeVersion: number): string[] {
  if (typeVersion === 1.3 || (typeVersion >= 1.4 && parameters.enableResponseOutput === true)) return ['main', 'main'];
  return ['main'];
}

export const respondToWebhookDescription: NodeDescription = {
  name: 'n8n-nodes-base.respondToWebhook',
  displayName: 'Respond to Webhook',
  group: ['transform'],
  version: [1, 1.1, 1.2, 1.3, 1.4, 1.5],
  description: 'Returns data for Webhook',
  icon: 'file:webhook.svg',
  defaults: { name: 'Respond to Webhook' },
  inputs: ['main'],
  outputs: ['main'],
  outputsFor: responseOutputs,
  properties: [
    { displayName: 'Enable Response Output Branch', name: 'enableResponseOutput', type: 'boolean', default: false, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.4 } }] } } },
    {
      displayName: 'Respond With',
      name: 'respondWith',
      type: 'options',
      default: 'firstIncomingItem',
      options: [
        option('All Incoming Items', 'allIncomingItems'),
        option('Binary File', 'binary'),
        option('First Incoming Item', 'firstIncomingItem'),
        option('JSON', 'json'),
        option('No Data', 'noData'),
        option('Redirect', 'redirect'),
        option('Text', 'text'),
      ],
    },
    { displayName: 'Redirect URL', name: 'redirectURL', type: 'string', default: '', required: true, displayOptions: { show: { respondWith: ['redirect'] } } },
    { displayName: 'Response Body', name: 'responseBody', type: 'json', default: '{\n  "myField": "value"\n}', displayOptions: { show: { respondWith: ['json'] } } },
    { displayName: 'Response Body', name: 'responseBody', type: 'string', default: '', displayOptions: { show: { respondWith: ['text'] } } },
    {
      displayName: 'Response Data Source',
      name: 'responseDataSource',
      type: 'options',
      default: 'automatically',
      displayOptions: { show: { respondWith: ['binary'] } },
      options: [option('Choose Automatically From Input', 'automatically'), option('Specify Myself', 'set')],
    },
    { displayName: 'Input Field Name', name: 'inputFieldName', type: 'string', default: 'data', displayOptions: { show: { respondWith: ['binary'], responseDataSource: ['set'] } } },
    optionsCollection([
      { displayName: 'Response Code', name: 'responseCode', type: 'number', default: 200, typeOptions: { minValue: 100, maxValue: 599 } },
      responseHeaders,
      { displayName: 'Put Response in Field', name: 'responseKey', type: 'string', default: '', displayOptions: { show: { '/respondWith': ['allIncomingItems', 'firstIncomingItem'] } } },
    ]),
  ],
};
