// Default Data Loader parameters, as n8n's V1 (1, 1.1) and V2 (2) describe them: V2 adds the choice
// of a simple built-in text splitter instead of a connected one.
import type { NodeProperty } from '../../engine/index.ts';
import { metadataFilterProperty } from '../ai-shared/vector-metadata.ts';

const fromV2 = { '@version': [{ _cnd: { gte: 2 } }] };

export const loaderProperties: NodeProperty[] = [
  {
    displayName: 'This will load data from a previous step in the workflow. <a href="/templates/1962" target="_blank">Example</a>',
    name: 'notice', type: 'notice', default: '',
  },
  {
    displayName: 'Text Splitting', name: 'textSplittingMode', type: 'options', default: 'custom', required: true, noDataExpression: true,
    displayOptions: { show: fromV2 },
    options: [
      { name: 'Simple', value: 'simple', description: 'Uses Recursive Character Text Splitter with default options' },
      { name: 'Custom', value: 'custom', description: 'Connect a text splitter of your choice' },
    ],
  },
  {
    displayName: 'Type of Data', name: 'dataType', type: 'options', default: 'json', required: true, noDataExpression: true,
    options: [
      { name: 'JSON', value: 'json', description: 'Process JSON data from previous step in the workflow' },
      { name: 'Binary', value: 'binary', description: 'Process binary data from previous step in the workflow' },
    ],
  },
  {
    displayName: 'Mode', name: 'jsonMode', type: 'options', default: 'allInputData', required: true, displayOptions: { show: { dataType: ['json'] } },
    options: [
      { name: 'Load All Input Data', value: 'allInputData', description: 'Use all JSON data that flows into the parent agent or chain' },
      { name: 'Load Specific Data', value: 'expressionData', description: 'Load a subset of data, and/or data from any previous step in the workflow' },
    ],
  },
  {
    displayName: 'Mode', name: 'binaryMode', type: 'options', default: 'allInputData', required: true, displayOptions: { show: { dataType: ['binary'] } },
    options: [
      { name: 'Load All Input Data', value: 'allInputData', description: 'Use all Binary data that flows into the parent agent or chain' },
      { name: 'Load Specific Data', value: 'specificField', description: 'Load data from a specific field in the parent agent or chain' },
    ],
  },
  {
    displayName: 'Data Format', name: 'loader', type: 'options', default: 'auto', required: true, displayOptions: { show: { dataType: ['binary'] } },
    options: [
      { name: 'Automatically Detect by Mime Type', value: 'auto', description: 'Uses the mime type to detect the format' },
      { name: 'CSV', value: 'csvLoader', description: 'Load CSV files' },
      { name: 'Docx', value: 'docxLoader', description: 'Load Docx documents' },
      { name: 'EPub', value: 'epubLoader', description: 'Load EPub files' },
      { name: 'JSON', value: 'jsonLoader', description: 'Load JSON files' },
      { name: 'PDF', value: 'pdfLoader', description: 'Load PDF documents' },
      { name: 'Text', value: 'textLoader', description: 'Load plain text files' },
    ],
  },
  {
    displayName: 'Data', name: 'jsonData', type: 'string', typeOptions: { rows: 6 }, default: '', required: true,
    description: 'Drag and drop fields from the input pane, or use an expression',
    displayOptions: { show: { dataType: ['json'], jsonMode: ['expressionData'] } },
  },
  {
    displayName: 'Input Data Field Name', name: 'binaryDataKey', type: 'string', default: 'data', required: true,
    description: "The name of the field in the agent or chain's input that contains the binary file to be processed",
    displayOptions: { show: { dataType: ['binary'] }, hide: { binaryMode: ['allInputData'] } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    options: [
      { displayName: 'JSON Pointers', name: 'pointers', type: 'string', default: '', description: 'Pointers to extract from JSON, e.g. "/text" or "/text, /meta/title"', displayOptions: { show: { '/loader': ['jsonLoader', 'auto'] } } },
      { displayName: 'CSV Separator', name: 'separator', type: 'string', description: 'Separator to use for CSV', default: ',', displayOptions: { show: { '/loader': ['csvLoader', 'auto'] } } },
      { displayName: 'CSV Column', name: 'column', type: 'string', default: '', description: 'Column to extract from CSV', displayOptions: { show: { '/loader': ['csvLoader', 'auto'] } } },
      { displayName: 'Split Pages in PDF', description: 'Whether to split PDF pages into separate documents', name: 'splitPages', type: 'boolean', default: true, displayOptions: { show: { '/loader': ['pdfLoader', 'auto'] } } },
      { ...metadataFilterProperty, displayName: 'Metadata', description: 'Metadata to add to each document. Could be used for filtering during retrieval', placeholder: 'Add property' },
    ],
  },
];
