// Parameters of Date & Time v1 (legacy "format" / "calculate" actions, moment.js patterns).
import type { NodeProperty } from '../../engine/index.ts';
import { dateFormatOptions } from './date-formats.ts';
import { optionsCollection } from '../shared/properties.ts';

const onAction = (action: string, extra: Record<string, unknown[]> = {}) => ({ show: { action: [action], ...extra } });
const UNITS = ['Quarters', 'Years', 'Months', 'Weeks', 'Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].map((name) => ({ name, value: name.toLowerCase() }));

function propertyName(action: string, description: string): NodeProperty {
  return { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true, displayOptions: onAction(action), description };
}

export const dateTimeV1Properties: NodeProperty[] = [
  {
    displayName: "More powerful date functionality is available in <a href='https://docs.n8n.io/code/cookbook/luxon/' target='_blank'>expressions</a>,</br> e.g. <code>{{ $now.plus(1, 'week') }}</code>",
    name: 'noticeDateTime',
    type: 'notice',
    default: '',
  },
  {
    displayName: 'Action',
    name: 'action',
    type: 'options',
    options: [
      { name: 'Calculate a Date', description: 'Add or subtract time from a date', value: 'calculate' },
      { name: 'Format a Date', description: 'Convert a date to a different format', value: 'format' },
    ],
    default: 'format',
  },
  { displayName: 'Value', name: 'value', displayOptions: onAction('format'), type: 'string', default: '', description: 'The value that should be converted', required: true },
  propertyName('format', 'Name of the property to which to write the converted date'),
  { displayName: 'Custom Format', name: 'custom', displayOptions: onAction('format'), type: 'boolean', default: false, description: 'Whether a predefined format should be selected or custom format entered' },
  { displayName: 'To Format', name: 'toFormat', displayOptions: onAction('format', { custom: [true] }), type: 'string', default: '', placeholder: 'YYYY-MM-DD', description: 'The format to convert the date to' },
  {
    displayName: 'To Format',
    name: 'toFormat',
    type: 'options',
    displayOptions: onAction('format', { custom: [false] }),
    options: dateFormatOptions((pattern) => pattern, '513388800.879', '513388800'),
    default: 'MM/DD/YYYY',
    description: 'The format to convert the date to',
  },
  optionsCollection([
    { displayName: 'From Format', name: 'fromFormat', type: 'string', default: '', description: 'In case the input format is not recognized you can provide the format' },
    { displayName: 'From Timezone Name or ID', name: 'fromTimezone', type: 'options', default: 'UTC', description: 'The timezone to convert from', typeOptions: { loadOptionsMethod: 'getTimezones' } },
    { displayName: 'To Timezone Name or ID', name: 'toTimezone', type: 'options', default: 'UTC', description: 'The timezone to convert to', typeOptions: { loadOptionsMethod: 'getTimezones' } },
  ], { displayOptions: onAction('format') }),
  { displayName: 'Date Value', name: 'value', displayOptions: onAction('calculate'), type: 'string', default: '', description: 'The date string or timestamp from which you want to add/subtract time', required: true },
  {
    displayName: 'Operation',
    name: 'operation',
    displayOptions: onAction('calculate'),
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Add', value: 'add', description: 'Add time to Date Value' },
      { name: 'Subtract', value: 'subtract', description: 'Subtract time from Date Value' },
    ],
    default: 'add',
    required: true,
  },
  { displayName: 'Duration', name: 'duration', displayOptions: onAction('calculate'), type: 'number', typeOptions: { minValue: 0 }, default: 0, required: true, description: 'E.g. enter “10” then select “Days” if you want to add 10 days to Date Value.' },
  { displayName: 'Time Unit', name: 'timeUnit', description: 'Time unit for Duration parameter above', displayOptions: onAction('calculate'), type: 'options', options: UNITS, default: 'days', required: true },
  propertyName('calculate', 'Name of the output property to which to write the converted date'),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: onAction('calculate'),
    options: [{ displayName: 'From Format', name: 'fromFormat', type: 'string', default: '', description: 'Format for parsing the value as a date' }],
  },
];
