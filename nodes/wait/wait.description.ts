// Wait node parameters (n8n-nodes-base.wait v1, 1.1) for the time-based resume modes.
import type { NodeProperty } from '../../engine/index.ts';

const interval = (version: number[]) => ({ show: { resume: ['timeInterval'], '@version': version } });

const units = [
  { name: 'Seconds', value: 'seconds' },
  { name: 'Minutes', value: 'minutes' },
  { name: 'Hours', value: 'hours' },
  { name: 'Days', value: 'days' },
];

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
];
