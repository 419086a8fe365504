// SSH node parameters (n8n-nodes-base.ssh v1): run a command, or upload/download a file.
import type { NodeProperty } from '../../engine/index.ts';

const command = { show: { resource: ['command'], operation: ['execute'] } };
const upload = { show: { resource: ['file'], operation: ['upload'] } };
const download = { show: { resource: ['file'], operation: ['download'] } };

export const sshProperties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'password',
    options: [{ name: 'Password', value: 'password' }, { name: 'Private Key', value: 'privateKey' }],
  },
  {
    displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'command',
    options: [{ name: 'Command', value: 'command' }, { name: 'File', value: 'file' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'execute',
    displayOptions: { show: { resource: ['command'] } },
    options: [{ name: 'Execute', value: 'execute', description: 'Execute a command' }],
  },
  { displayName: 'Command', name: 'command', type: 'string', default: '', displayOptions: command, description: 'The command to be executed on a remote device' },
  { displayName: 'Working Directory', name: 'cwd', type: 'string', default: '/', required: true, displayOptions: command },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'upload',
    displayOptions: { show: { resource: ['file'] } },
    options: [
      { name: 'Download', value: 'download', description: 'Download a file' },
      { name: 'Upload', value: 'upload', description: 'Upload a file' },
    ],
  },
  {
    displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: upload,
    description: 'The name of the input binary field containing the file to be uploaded',
  },
  {
    displayName: 'Target Directory', name: 'path', type: 'string', default: '', required: true, displayOptions: upload, placeholder: '/home/user',
    description: 'The directory to upload the file to; the file name comes from the binary data unless "File Name" is set in the options',
  },
  {
    displayName: 'Path', name: 'path', type: 'string', default: '', required: true, displayOptions: download, placeholder: '/home/user/invoice.txt',
    description: 'The full path of the file to download, including its name',
  },
  { displayName: 'File Property', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: download, description: 'Object property name which holds binary data' },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    displayOptions: { show: { resource: ['file'], operation: ['upload', 'download'] } },
    options: [{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Overrides the binary data file name' }],
  },
];
