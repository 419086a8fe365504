// Wait node parameters (n8n-nodes-base.wait v1, 1.1): time, webhook and form resume modes.
import type { NodeProperty } from '../../engine/index.ts';
import {
  appendAttributionProperty, buttonLabelProperty, formDescriptionProperty, formFieldsProperty, formResponseModeProperty, formTitleProperty,
  respondWithOptionsProperty,
} from '../shared/form-page/index.ts';

const interval = (version: number[]) => ({ show: { resume: ['timeInterval'], '@version': version } });

const units = [
  { name: 'Seconds', value: 'seconds' },
  { name: 'Minutes', value: 'minutes' },
  { name: 'Hours', value: 'hours' },
  { name: 'Days', value: 'days' },
];

const onWebhook = { show: { resume: ['webhook'] } };
const limited = (type: string) => ({ show: { resume: ['webhook', 'form'], limitWaitTime: [true], limitType: [type] } });
// "On Form Submitted": the form served on /form-waiting/<executionId> (nodes/shared/form-page).
const onForm = { show: { resume: ['form'] } };

export const waitProperties: NodeProperty[] = [
  {
    displayName: 'Resume',
    name: 'resume',
    type: 'options',
    options: [
      { name: 'After Time Interval', value: 'timeInterval' },
      { name: 'At Specified Time', value: 'specificTime' },
      { name: 'On Webhook Call', value: 'webhook' },
      { name: 'On Form Submitted', value: 'form' },
    ],
    default: 'timeInterval',
  },
  {
    displayName: 'Date and Time',
    name: 'dateTime',
    type: 'dateTime',
    default: '',
    required: true,
    displayOptions: { show: { resume: ['specificTime'] } },
  },
  { displayName: 'Wait Amount', name: 'amount', type: 'number', default: 1, typeOptions: { minValue: 0, numberPrecision: 2 }, displayOptions: interval([1]) },
  { displayName: 'Wait Unit', name: 'unit', type: 'options', options: units, default: 'hours', displayOptions: interval([1]) },
  { displayName: 'Wait Amount', name: 'amount', type: 'number', default: 5, typeOptions: { minValue: 0, numberPrecision: 2 }, displayOptions: interval([1.1]) },
  { displayName: 'Wait Unit', name: 'unit', type: 'options', options: units, default: 'seconds', displayOptions: interval([1.1]) },
  {
    displayName: 'HTTP Method', name: 'httpMethod', type: 'options', default: 'GET', displayOptions: onWebhook,
    options: ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })),
  },
  { displayName: 'Response Code', name: 'responseCode', type: 'number', default: 200, displayOptions: onWebhook },
  {
    displayName: 'Respond', name: 'responseMode', type: 'options', default: 'onReceived', displayOptions: onWebhook,
    options: [
      { name: 'Immediately', value: 'onReceived' },
      { name: 'When Last Node Finishes', value: 'lastNode' },
      { name: "Using 'Respond to Webhook' Node", value: 'responseNode' },
    ],
  },
  {
    displayName: 'Response Data', name: 'responseData', type: 'options', default: 'firstEntryJson',
    displayOptions: { show: { resume: ['webhook'], responseMode: ['lastNode'] } },
    options: [
      { name: 'All Entries', value: 'allEntries' },
      { name: 'First Entry JSON', value: 'firstEntryJson' },
      { name: 'First Entry Binary', value: 'firstEntryBinary' },
      { name: 'No Response Body', value: 'noData' },
    ],
  },
  { ...formTitleProperty, displayOptions: onForm },
  { ...formDescriptionProperty, displayOptions: onForm },
  { ...formFieldsProperty, displayOptions: onForm },
  formResponseModeProperty(true, { displayOptions: onForm }),
  { displayName: 'Limit Wait Time', name: 'limitWaitTime', type: 'boolean', default: false, displayOptions: { show: { resume: ['webhook', 'form'] } } },
  {
    displayName: 'Limit Type', name: 'limitType', type: 'options', default: 'afterTimeInterval',
    displayOptions: { show: { resume: ['webhook', 'form'], limitWaitTime: [true] } },
    options: [{ name: 'After Time Interval', value: 'afterTimeInterval' }, { name: 'At Specified Time', value: 'atSpecifiedTime' }],
  },
  { displayName: 'Amount', name: 'resumeAmount', type: 'number', default: 1, typeOptions: { minValue: 0, numberPrecision: 2 }, displayOptions: limited('afterTimeInterval') },
  { displayName: 'Unit', name: 'resumeUnit', type: 'options', options: units, default: 'hours', displayOptions: limited('afterTimeInterval') },
  { displayName: 'Max Date and Time', name: 'maxDateAndTime', type: 'dateTime', default: '', displayOptions: limited('atSpecifiedTime') },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, displayOptions: onWebhook,
    options: [{ displayName: 'Webhook Suffix', name: 'webhookSuffix', type: 'string', default: '' }],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, displayOptions: onForm,
    options: [appendAttributionProperty, buttonLabelProperty, respondWithOptionsProperty],
  },
];
