// FTP node parameters (n8n-nodes-base.ftp v1): list, download, upload, rename and delete over FTP or SFTP.
import type { NodeProperty } from '../../engine/index.ts';

const on = (operation: string, more: Record<string, unknown[]> = {}) => ({ show: { operation: [operation], ...more } });

export const ftpProperties: NodeProperty[] = [
  {
    displayName: 'Protocol', name: 'protocol', type: 'options', default: 'ftp', description: 'File transfer protocol',
    options: [{ name: 'FTP', value: 'ftp' }, { name: 'SFTP', value: 'sftp' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'download',
    options: [
      { name: 'Delete', value: 'delete', description: 'Delete a file/folder' },
      { name: 'Download', value: 'download', description: 'Download a file' },
      { name: 'List', value: 'list', description: 'List folder content' },
      { name: 'Rename', value: 'rename', description: 'Rename/move oldPath to newPath' },
      { name: 'Upload', value: 'upload', description: 'Upload a file' },
    ],
  },
  { displayName: 'Path', name: 'path', type: 'string', default: '', required: true, displayOptions: on('delete'), description: 'The full path of the file to delete' },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('delete'),
    options: [
      { displayName: 'Folder', name: 'folder', type: 'boolean', default: false, description: 'Whether folders can be deleted' },
      {
        displayName: 'Recursive', name: 'recursive', type: 'boolean', default: false, displayOptions: { show: { folder: [true] } },
        description: 'Whether to remove all files and directories in target directory',
      },
    ],
  },
  { displayName: 'Path', name: 'path', type: 'string', default: '', required: true, displayOptions: on('download'), placeholder: '/documents/invoice.txt', description: 'The full path of the file to download' },
  { displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: on('download'), description: 'Object property name which holds binary data' },
  { displayName: 'Old Path', name: 'oldPath', type: 'string', default: '', required: true, displayOptions: on('rename') },
  { displayName: 'New Path', name: 'newPath', type: 'string', default: '', required: true, displayOptions: on('rename') },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('rename'),
    options: [{
      displayName: 'Create Directories', name: 'createDirectories', type: 'boolean', default: false,
      description: 'Whether to recursively create destination directory when renaming an existing file or folder',
    }],
  },
  { displayName: 'Path', name: 'path', type: 'string', default: '', required: true, displayOptions: on('upload'), description: 'The full path of the file to upload' },
  { displayName: 'Binary Data', name: 'binaryData', type: 'boolean', default: true, displayOptions: on('upload'), description: 'Whether to upload a binary property of the item rather than text' },
  { displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: on('upload', { binaryData: [true] }), description: 'Object property name which holds binary data' },
  { displayName: 'File Content', name: 'fileContent', type: 'string', default: '', displayOptions: on('upload', { binaryData: [false] }), description: 'The text content of the file to upload' },
  { displayName: 'Path', name: 'path', type: 'string', default: '/', required: true, displayOptions: on('list'), description: 'Path of directory to list contents of' },
  {
    displayName: 'Recursive', name: 'recursive', type: 'boolean', default: false, required: true, displayOptions: on('list'),
    description: 'Whether to return object representing all directories / objects recursively found within SFTP server',
  },
];
