// Compression parameters (n8n-nodes-base.compression v1, 1.1). v1.1 defaults to zip and names the
// gzip output field and file like the zip ones.
import type { NodeProperty } from '../../engine/index.ts';

const formats = [{ name: 'Gzip', value: 'gzip' }, { name: 'Zip', value: 'zip' }];
const compress = (extra: Record<string, unknown[]> = {}) => ({ operation: ['compress'], ...extra });

export const compressionProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Compress', value: 'compress', description: 'Compress files into a zip or gzip archive' },
      { name: 'Decompress', value: 'decompress', description: 'Decompress zip or gzip archives' },
    ],
    default: 'decompress',
  },
  {
    displayName: 'Input Binary Field(s)',
    name: 'binaryPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    placeholder: 'e.g. data,data2,data3',
    description: 'The input binary field(s) holding the files; several separated by commas',
    displayOptions: { show: { operation: ['compress', 'decompress'] } },
  },
  {
    displayName: 'Output Format',
    name: 'outputFormat',
    type: 'options',
    default: '',
    options: formats,
    displayOptions: { show: compress({ '@version': [1] }) },
  },
  {
    displayName: 'Output Format',
    name: 'outputFormat',
    type: 'options',
    default: 'zip',
    options: formats,
    displayOptions: { show: compress(), hide: { '@version': [1] } },
  },
  {
    displayName: 'File Name',
    name: 'fileName',
    type: 'string',
    default: '',
    required: true,
    placeholder: 'e.g. data.zip',
    description: 'Name of the output file',
    displayOptions: { show: compress({ outputFormat: ['zip'] }) },
  },
  {
    displayName: 'Put Output File in Field',
    name: 'binaryPropertyOutput',
    type: 'string',
    default: 'data',
    displayOptions: { show: compress({ outputFormat: ['zip'] }) },
  },
  {
    displayName: 'File Name',
    name: 'fileName',
    type: 'string',
    default: '',
    placeholder: 'e.g. data.txt',
    description: 'Name of the output file; empty: the input file name',
    displayOptions: { show: compress({ outputFormat: ['gzip'] }), hide: { '@version': [1] } },
  },
  {
    displayName: 'Put Output File in Field',
    name: 'binaryPropertyOutput',
    type: 'string',
    default: 'data',
    displayOptions: { show: compress({ outputFormat: ['gzip'] }), hide: { '@version': [1] } },
  },
  {
    displayName: 'Output File Prefix',
    name: 'outputPrefix',
    type: 'string',
    default: 'data',
    required: true,
    displayOptions: { show: compress({ outputFormat: ['gzip'], '@version': [1] }) },
  },
  {
    displayName: 'Output Prefix',
    name: 'outputPrefix',
    type: 'string',
    default: 'file_',
    required: true,
    description: 'Prefix of the output fields holding the decompressed files',
    displayOptions: { show: { operation: ['decompress'] } },
  },
];
