// Convert to File parameters (n8n-nodes-base.convertToFile v1, 1.1).
import type { NodeProperty } from '../../engine/index.ts';
import { icsProperties } from './ics.description.ts';

const show = (operation: string[], extra: Record<string, unknown[]> = {}) => ({ show: { operation, ...extra } });

const binaryPropertyName = (operation: string[]): NodeProperty => ({
  displayName: 'Put Output File in Field',
  name: 'binaryPropertyName',
  type: 'string',
  default: 'data',
  required: true,
  description: 'The name of the output binary field to put the file in',
  displayOptions: show(operation),
});

const encodingOptions: NodeProperty[] = [
  { displayName: 'Add Byte Order Mark (BOM)', name: 'addBOM', type: 'boolean', default: false },
  { displayName: 'Encoding', name: 'encoding', type: 'options', default: 'utf8', options: [{ name: 'utf8', value: 'utf8' }] },
  { displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
];

export const convertToFileProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Convert to CSV', value: 'csv' },
      { name: 'Convert to HTML', value: 'html' },
      { name: 'Convert to ICS', value: 'iCal' },
      { name: 'Convert to JSON', value: 'toJson' },
      { name: 'Convert to ODS', value: 'ods' },
      { name: 'Convert to RTF', value: 'rtf' },
      { name: 'Convert to Text File', value: 'toText' },
      { name: 'Convert to XLS', value: 'xls' },
      { name: 'Convert to XLSX', value: 'xlsx' },
      { name: 'Move Base64 String to File', value: 'toBinary' },
    ],
    default: 'csv',
  },
  binaryPropertyName(['csv']),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['csv']),
    options: [
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
      { displayName: 'Delimiter', name: 'delimiter', type: 'string', default: ',' },
    ],
  },
  binaryPropertyName(['html']),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['html']),
    options: [
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
    ],
  },
  binaryPropertyName(['xlsx']),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['xlsx']),
    options: [
      { displayName: 'Compression', name: 'compression', type: 'boolean', default: false, description: 'Whether to compress the file (smaller, slower to write)' },
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
      { displayName: 'Sheet Name', name: 'sheetName', type: 'string', default: 'Sheet' },
    ],
  },
  ...(['ods', 'xls', 'rtf'] as const).flatMap((operation): NodeProperty[] => [
    binaryPropertyName([operation]),
    {
      displayName: 'Options',
      name: 'options',
      type: 'collection',
      placeholder: 'Add option',
      default: {},
      displayOptions: show([operation]),
      options: [
        // As n8n: compression for zipped formats only, a sheet name for formats with sheets.
        ...(operation === 'ods' ? [{ displayName: 'Compression', name: 'compression', type: 'boolean', default: false, description: 'Whether to compress the file (smaller, slower to write)' } as NodeProperty] : []),
        { displayName: 'File Name', name: 'fileName', type: 'string', default: '' },
        { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
        ...(operation !== 'rtf' ? [{ displayName: 'Sheet Name', name: 'sheetName', type: 'string', default: 'Sheet' } as NodeProperty] : []),
      ],
    },
  ]),
  ...icsProperties,
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'All Items to One File', value: 'once' },
      { name: 'Each Item to Separate File', value: 'each' },
    ],
    default: 'once',
    displayOptions: show(['toJson']),
  },
  binaryPropertyName(['toJson']),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['toJson']),
    options: [...encodingOptions, { displayName: 'Format', name: 'format', type: 'boolean', default: false }],
  },
  {
    displayName: 'Text Input Field',
    name: 'sourceProperty',
    type: 'string',
    default: '',
    required: true,
    displayOptions: show(['toText', 'toBinary']),
  },
  binaryPropertyName(['toText', 'toBinary']),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['toText']),
    options: encodingOptions,
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: show(['toBinary']),
    options: [
      { displayName: 'Data Is Base64', name: 'dataIsBase64', type: 'boolean', default: true, displayOptions: { show: { '@version': [1] } } },
      ...encodingOptions,
      { displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '' },
    ],
  },
];
