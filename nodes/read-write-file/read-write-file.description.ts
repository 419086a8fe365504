// Read/Write Files from Disk parameters (n8n-nodes-base.readWriteFile v1, 1.1).
import type { NodeProperty } from '../../engine/index.ts';

const read = { show: { operation: ['read'] } };
const write = { show: { operation: ['write'] } };

export const readWriteFileProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Read File(s) From Disk', value: 'read', description: 'Retrieve one or more files from the computer that runs Weft' },
      { name: 'Write File to Disk', value: 'write', description: 'Create a binary file on the computer that runs Weft' },
    ],
    default: 'read',
  },
  {
    displayName: 'File(s) Selector',
    name: 'fileSelector',
    type: 'string',
    default: '',
    required: true,
    placeholder: 'e.g. /home/user/Pictures/**/*.png',
    description: 'A file path or a glob pattern; always forward slashes. Only files inside FILES_ALLOWED_DIRS can be read.',
    displayOptions: read,
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: read,
    options: [
      { displayName: 'File Extension', name: 'fileExtension', type: 'string', default: '', description: 'Extension of the file in the output binary' },
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Name of the file in the output binary' },
      { displayName: 'Mime Type', name: 'mimeType', type: 'string', default: '', description: 'Mime type of the file in the output binary' },
      { displayName: 'Put Output File in Field', name: 'dataPropertyName', type: 'string', default: 'data', description: 'The name of the output binary field to put the file in' },
    ],
  },
  {
    displayName: 'File Path and Name',
    name: 'fileName',
    type: 'string',
    default: '',
    required: true,
    placeholder: 'e.g. /data/example.jpg',
    description: 'Path and name of the file to write, with its extension. Only inside FILES_ALLOWED_DIRS.',
    displayOptions: write,
  },
  {
    displayName: 'Input Binary Field',
    name: 'dataPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    description: 'The name of the input binary field holding the file to write',
    displayOptions: write,
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: write,
    options: [
      { displayName: 'Append', name: 'append', type: 'boolean', default: false, description: 'Whether to append to an existing file instead of replacing it' },
    ],
  },
];
