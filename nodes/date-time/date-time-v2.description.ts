// Parameters of Date & Time v2, one group per operation.
import type { NodeProperty } from '../../engine/index.ts';
import { dateFormatOptions } from './date-formats.ts';
import { optionsCollection } from '../shared/properties.ts';

const includeInputFields: NodeProperty = {
  displayName: 'Include Input Fields',
  name: 'includeInputFields',
  type: 'boolean',
  default: false,
  description: 'Whether to include all fields of the input item in the output item',
};

const UNITS = ['Years', 'Quarters', 'Months', 'Weeks', 'Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].map((name) => ({ name, value: name.toLowerCase() }));
const PARTS = ['Year', 'Month', 'Week', 'Day', 'Hour', 'Minute', 'Second'].map((name) => ({ name, value: name.toLowerCase() }));

const on = (operation: string, extra: Record<string, unknown[]> = {}) => ({ show: { operation: [operation], ...extra } });

function outputField(operation: string, defaultName: string): NodeProperty {
  return { displayName: 'Output Field Name', name: 'outputFieldName', type: 'string', default: defaultName, description: 'Name of the field to put the output in', displayOptions: on(operation) };
}

function options(operation: string, extra: NodeProperty[] = []): NodeProperty {
  return optionsCollection([includeInputFields, ...extra], { displayOptions: on(operation) });
}

function shiftDate(operation: string, dateLabel: string, unitLabel: string, verb: string): NodeProperty[] {
  return [
    { displayName: dateLabel, name: 'magnitude', type: 'string', description: 'The date that you want to change', default: '', required: true, displayOptions: on(operation) },
    { displayName: unitLabel, name: 'timeUnit', type: 'options', description: 'Time unit for Duration parameter below', options: UNITS, default: 'days', required: true, displayOptions: on(operation) },
    { displayName: 'Duration', name: 'duration', type: 'number', description: `The number of time units to ${verb} the date`, default: 0, displayOptions: on(operation) },
    outputField(operation, 'newDate'),
    options(operation),
  ];
}

export const dateTimeV2Properties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Add to a Date', value: 'addToDate' },
      { name: 'Extract Part of a Date', value: 'extractDate' },
      { name: 'Format a Date', value: 'formatDate' },
      { name: 'Get Current Date', value: 'getCurrentDate' },
      { name: 'Get Time Between Dates', value: 'getTimeBetweenDates' },
      { name: 'Round a Date', value: 'roundDate' },
      { name: 'Subtract From a Date', value: 'subtractFromDate' },
    ],
    default: 'getCurrentDate',
  },
  { displayName: 'Include Current Time', name: 'includeTime', type: 'boolean', default: true, description: 'When deactivated, the time will be set to midnight', displayOptions: on('getCurrentDate') },
  outputField('getCurrentDate', 'currentDate'),
  options('getCurrentDate', [
    { displayName: 'Timezone', name: 'timezone', type: 'string', placeholder: 'America/New_York', default: '', description: 'The timezone to use. If not set, the timezone of the n8n instance will be used.' },
  ]),
  ...shiftDate('addToDate', 'Date to Add To', 'Time Unit to Add', 'add to'),
  ...shiftDate('subtractFromDate', 'Date to Subtract From', 'Time Unit to Subtract', 'subtract from'),
  { displayName: 'Date', name: 'date', type: 'string', description: 'The date that you want to format', default: '', displayOptions: on('formatDate') },
  {
    displayName: 'Format',
    name: 'format',
    type: 'options',
    displayOptions: on('formatDate'),
    options: [
      { name: 'Custom Format', value: 'custom' },
      ...dateFormatOptions((pattern) => pattern.replace(/DD/g, 'dd').replace(/YYYY/g, 'yyyy'), '1672531200', '1674691200000'),
    ],
    default: 'MM/dd/yyyy',
    description: 'The format to convert the date to',
  },
  { displayName: 'Custom Format', name: 'customFormat', type: 'string', displayOptions: on('formatDate', { format: ['custom'] }), default: '', placeholder: 'yyyy-MM-dd' },
  outputField('formatDate', 'formattedDate'),
  options('formatDate', [
    { displayName: 'From Date Format', name: 'fromFormat', type: 'string', default: 'e.g yyyyMMdd', description: "Format in which the input 'Date' is, it's helpful when the format is not recognized automatically" },
    { displayName: 'Use Workflow Timezone', name: 'timezone', type: 'boolean', default: false, description: "Whether to use the timezone of the input or the workflow's timezone" },
  ]),
  { displayName: 'Date', name: 'date', type: 'string', description: 'The date that you want to round', default: '', displayOptions: on('roundDate') },
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'roundDown', displayOptions: on('roundDate'),
    options: [
      { name: 'Round Down', value: 'roundDown' },
      { name: 'Round Up', value: 'roundUp' },
    ],
  },
  { displayName: 'To Nearest', name: 'toNearest', type: 'options', options: PARTS, default: 'month', displayOptions: on('roundDate', { mode: ['roundDown'] }) },
  { displayName: 'To', name: 'to', type: 'options', options: [{ name: 'End of Month', value: 'month' }], default: 'month', displayOptions: on('roundDate', { mode: ['roundUp'] }) },
  outputField('roundDate', 'roundedDate'),
  options('roundDate'),
  { displayName: 'Start Date', name: 'startDate', type: 'string', default: '', displayOptions: on('getTimeBetweenDates') },
  { displayName: 'End Date', name: 'endDate', type: 'string', default: '', displayOptions: on('getTimeBetweenDates') },
  {
    displayName: 'Units', name: 'units', type: 'multiOptions', default: ['day'], displayOptions: on('getTimeBetweenDates'),
    options: [...PARTS, { name: 'Millisecond', value: 'millisecond' }],
  },
  outputField('getTimeBetweenDates', 'timeDifference'),
  options('getTimeBetweenDates', [
    { displayName: 'Output as ISO String', name: 'isoString', type: 'boolean', default: false, description: 'Whether to output the date as ISO string or not' },
  ]),
  { displayName: 'Date', name: 'date', type: 'string', description: 'The date that you want to round', default: '', displayOptions: on('extractDate') },
  { displayName: 'Part', name: 'part', type: 'options', options: PARTS, default: 'month', displayOptions: on('extractDate') },
  outputField('extractDate', 'datePart'),
  options('extractDate'),
];
