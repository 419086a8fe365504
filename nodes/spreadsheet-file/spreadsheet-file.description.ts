// Parameters of n8n's Spreadsheet File node (v1, v2), names and defaults as n8n's. v1 reads any
// format it recognises; v2 lets the user name the format to read.
import type { NodeProperty } from '../../engine/index.ts';

const FORMATS = [
  { name: 'CSV', value: 'csv', description: 'Comma-separated values' },
  { name: 'HTML', value: 'html', description: 'HTML Table' },
  { name: 'ODS', value: 'ods', description: 'OpenDocument Spreadsheet' },
  { name: 'RTF', value: 'rtf', description: 'Rich Text Format' },
  { name: 'XLS', value: 'xls', description: 'Excel' },
  { name: 'XLSX', value: 'xlsx', description: 'Excel' },
];
const onlyCsv = { show: { '/fileFormat': ['csv'] } };
const fromFile = { show: { operation: ['fromFile'] } };
const toFile = { show: { operation: ['toFile'] } };

export const spreadsheetFileProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'fromFile',
    options: [
      { name: 'Read From File', value: 'fromFile', description: 'Reads data from a spreadsheet file' },
      { name: 'Write to File', value: 'toFile', description: 'Writes the workflow data to a spreadsheet file' },
    ] },
  { displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: fromFile,
    description: 'The name of the input field containing the file data to be processed' },
  { displayName: 'File Format', name: 'fileFormat', type: 'options', default: 'autodetect', description: 'The format of the binary data to read from',
    options: [{ name: 'Autodetect', value: 'autodetect' }, ...FORMATS], displayOptions: { show: { operation: ['fromFile'], '@version': [2] } } },
  { displayName: 'File Format', name: 'fileFormat', type: 'options', default: 'xls', description: 'The format of the file to save the data as', options: FORMATS, displayOptions: toFile },
  { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: toFile,
    description: 'The name of the output binary field to put the file in' },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: fromFile,
    options: [
      { displayName: 'Delimiter', name: 'delimiter', type: 'string', default: ',', placeholder: 'e.g. ,', displayOptions: onlyCsv, description: 'Set the field delimiter, usually a comma' },
      { displayName: 'Encoding', name: 'encoding', type: 'options', default: 'utf-8', displayOptions: onlyCsv,
        options: ['ascii', 'latin1', 'ucs-2', 'ucs2', 'utf-8', 'utf16le', 'utf8'].map((value) => ({ name: value.toUpperCase(), value })) },
      { displayName: 'Exclude Byte Order Mark (BOM)', name: 'enableBOM', type: 'boolean', default: false, displayOptions: onlyCsv,
        description: 'Whether to detect and exclude the byte-order-mark from the CSV Input if present' },
      { displayName: 'Preserve Quotes', name: 'relaxQuotes', type: 'boolean', default: false, displayOptions: onlyCsv,
        description: "Whether to handle unclosed quotes in CSV fields as part of the field's content instead of throwing a parsing error" },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true, description: 'Whether the first row of the file contains the header names' },
      { displayName: 'Include Empty Cells', name: 'includeEmptyCells', type: 'boolean', default: false,
        description: 'Whether to include empty cells when reading from file. They will be filled with an empty string.' },
      { displayName: 'Max Number of Rows to Load', name: 'maxRowCount', type: 'number', default: -1, placeholder: 'e.g. 10', displayOptions: onlyCsv,
        description: 'Stop handling records after the requested number of rows are read. Use -1 if you want to load all rows.' },
      { displayName: 'Range', name: 'range', type: 'string', default: '',
        description: 'The range to read from the table. If set to a number it will be the starting row. If set to string it will be used as A1-style notation range.' },
      { displayName: 'RAW Data', name: 'rawData', type: 'boolean', default: false, description: 'Whether to return RAW data, instead of parsing it' },
      { displayName: 'Read As String', name: 'readAsString', type: 'boolean', default: false,
        description: 'In some cases and file formats, it is necessary to read as string to ensure special characters are interpreted correctly' },
      { displayName: 'Sheet Name', name: 'sheetName', type: 'string', default: 'Sheet', placeholder: 'e.g. mySheet',
        description: 'Name of the sheet to read from in the spreadsheet (if supported). If not set, the first one will be chosen.' },
      { displayName: 'Starting Line', name: 'fromLine', type: 'number', default: 0, placeholder: 'e.g. 0', displayOptions: onlyCsv,
        description: 'Start handling records from the requested line number. Starts at 0.' },
    ],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: toFile,
    options: [
      { displayName: 'Compression', name: 'compression', type: 'boolean', default: false, displayOptions: { show: { '/fileFormat': ['xlsx', 'ods'] } },
        description: 'Whether compression will be applied or not' },
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'File name to set in binary data. By default will "spreadsheet.<fileFormat>" be used.' },
      { displayName: 'Header Row', name: 'headerRow', type: 'boolean', default: true, description: 'Whether the first row of the file contains the header names' },
      { displayName: 'Sheet Name', name: 'sheetName', type: 'string', default: 'Sheet', displayOptions: { show: { '/fileFormat': ['ods', 'xls', 'xlsx'] } },
        description: 'Name of the sheet to create in the spreadsheet' },
    ],
  },
];
