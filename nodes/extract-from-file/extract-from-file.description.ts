// Extract from File parameters (n8n-nodes-base.extractFromFile v1) for the operations implemented here.
import type { NodeProperty } from '../../engine/index.ts';

const moveTo = ['binaryToPropery', 'fromJson', 'text', 'xml'];

export const extractFromFileProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Extract From CSV', value: 'csv' },
      { name: 'Extract From HTML', value: 'html' },
      { name: 'Extract From ICS', value: 'fromIcs' },
      { name: 'Extract From JSON', value: 'fromJson' },
      { name: 'Extract From ODS', value: 'ods' },
      { name: 'Extract From PDF', value: 'pdf' },
      { name: 'Extract From RTF', value: 'rtf' },
      { name: 'Extract From Text File', value: 'text' },
      { name: 'Extract From XML', value: 'xml' },
      { name: 'Extract From XLS', value: 'xls' },
      { name: 'Extract From XLSX', value: 'xlsx' },
      { name: 'Move File to Base64 String', value: 'binaryToPropery' },
    ],
    default: 'csv',
  },
  {
    displayName: 'Input Binary Field',
    name: 'binaryPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    placeholder: 'e.g data',
  },
  {
    displayName: 'Destination Output Field',
    name: 'destinationKey',
    type: 'string',
    default: 'data',
    required: true,
    displayOptions: { show: { operation: moveTo } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: { show: { operation: ['csv'] } },
    options: [
      { displayName: 'Delimiter', name: 'delimiter', type: 'string', default: ',' },
      { displayName: 'Encoding', name: 'encoding', type: 'options', default: 'utf8', options: [{ name: 'utf8', value: 'utf8' }] },
      { displayName: 'Exclude Byte Order Mark (BOM)', name: 'enableBOM', type: 'boolean', default: false },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true },
      { displayName: 'Include Empty Cells', name: 'includeEmptyCells', type: 'boolean', default: false },
      { displayName: 'Max Number of Rows to Load', name: 'maxRowCount', type: 'number', default: -1 },
      { displayName: 'Relax Quotes', name: 'relaxQuotes', type: 'boolean', default: false },
      { displayName: 'Starting Line', name: 'fromLine', type: 'number', default: 0 },
    ],
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: { show: { operation: moveTo } },
    options: [
      { displayName: 'Encoding', name: 'encoding', type: 'options', default: 'utf8', options: [{ name: 'utf8', value: 'utf8' }] },
      {
        displayName: 'Keep Source',
        name: 'keepSource',
        type: 'options',
        default: 'json',
        options: [
          { name: 'JSON', value: 'json' },
          { name: 'Binary', value: 'binary' },
          { name: 'Both', value: 'both' },
        ],
      },
      { displayName: 'Strip BOM', name: 'stripBOM', type: 'boolean', default: true },
    ],
  },
];
