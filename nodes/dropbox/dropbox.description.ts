// Parameters of n8n's Dropbox node (v1): names, defaults and display rules as n8n's.
import type { DisplayOptions, NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const dropboxCredentials: NodeCredentialDescription[] = [
  { name: 'dropboxApi', required: true, displayOptions: { show: { authentication: ['accessToken'] } } },
  { name: 'dropboxOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

const show = (resource: string[], operation: string[], more: Record<string, unknown[]> = {}): DisplayOptions =>
  ({ show: { operation, resource, ...more } });
const path = (displayName: string, resource: string[], operation: string[], placeholder: string, description: string, required = true): NodeProperty =>
  ({ displayName, name: 'path', type: 'string', default: '', ...(required ? { required } : {}), displayOptions: show(resource, operation), placeholder, description });
const toPath = (operation: string, placeholder: string, description: string): NodeProperty =>
  ({ displayName: 'To Path', name: 'toPath', type: 'string', default: '', required: true, displayOptions: show(['file', 'folder'], [operation]), placeholder, description });
const operations = (resource: string, fallback: string, options: Array<[string, string, string?]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: options.map(([name, value, description]) => ({ name, value, ...(description ? { description } : {}) })),
});
const returnAll = (resource: string, operation: string): NodeProperty[] => [
  { displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, displayOptions: show([resource], [operation]),
    description: 'Whether to return all results or only up to a given limit' },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1 }, displayOptions: show([resource], [operation], { returnAll: [false] }),
    description: 'Max number of results to return' },
];
const flag = (displayName: string, name: string, value: boolean, description: string): NodeProperty => ({ displayName, name, type: 'boolean', default: value, description });

export const dropboxProperties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'accessToken', description: 'Means of authenticating with the service',
    options: [{ name: 'Access Token', value: 'accessToken' }, { name: 'OAuth2', value: 'oAuth2' }] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'file',
    options: [{ name: 'File', value: 'file' }, { name: 'Folder', value: 'folder' }, { name: 'Search', value: 'search' }] },
  operations('file', 'upload', [['Copy', 'copy', 'Copy a file'], ['Delete', 'delete', 'Delete a file'], ['Download', 'download', 'Download a file'],
    ['Move', 'move', 'Move a file'], ['Upload', 'upload', 'Upload a file']]),
  operations('folder', 'create', [['Copy', 'copy', 'Copy a folder'], ['Create', 'create', 'Create a folder'], ['Delete', 'delete', 'Delete a folder'],
    ['List', 'list', 'Return the files and folders in a given folder'], ['Move', 'move', 'Move a folder']]),
  operations('search', 'query', [['Query', 'query']]),
  path('From Path', ['file', 'folder'], ['copy'], '/invoices/original.txt', 'The path of file or folder to copy'),
  toPath('copy', '/invoices/copy.txt', 'The destination path of file or folder'),
  path('Delete Path', ['file', 'folder'], ['delete'], '/invoices/2019/invoice_1.pdf', 'The path to delete. Can be a single file or a whole folder.'),
  path('From Path', ['file', 'folder'], ['move'], '/invoices/old_name.txt', 'The path of file or folder to move'),
  toPath('move', '/invoices/new_name.txt', 'The new path of file or folder'),
  path('File Path', ['file'], ['download'], '/invoices/2019/invoice_1.pdf', 'The file path of the file to download. Has to contain the full path.'),
  { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, displayOptions: show(['file'], ['download']),
    description: 'The name of the output binary field to put the file in' },
  path('File Path', ['file'], ['upload'], '/invoices/2019/invoice_1.pdf',
    'The file path of the file to upload. Has to contain the full path. The parent folder has to exist. Existing files get overwritten.'),
  { displayName: 'Binary File', name: 'binaryData', type: 'boolean', default: false, displayOptions: show(['file'], ['upload']),
    description: 'Whether the data to upload should be taken from binary field' },
  { displayName: 'File Content', name: 'fileContent', type: 'string', default: '', displayOptions: show(['file'], ['upload'], { binaryData: [false] }),
    placeholder: '', description: 'The text content of the file to upload' },
  { displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true,
    displayOptions: show(['file'], ['upload'], { binaryData: [true] }), placeholder: '', description: 'The name of the input binary field containing the file to be uploaded' },
  { displayName: 'Query', name: 'query', type: 'string', default: '', required: true, displayOptions: show(['search'], ['query']),
    description: 'The string to search for. May match across multiple fields based on the request arguments.' },
  { displayName: 'File Status', name: 'fileStatus', type: 'options', default: 'active', displayOptions: show(['search'], ['query']),
    options: [{ name: 'Active', value: 'active' }, { name: 'Deleted', value: 'deleted' }],
    description: 'The string to search for. May match across multiple fields based on the request arguments.' },
  ...returnAll('search', 'query'),
  { displayName: 'Simplify', name: 'simple', type: 'boolean', default: true, displayOptions: show(['search'], ['query']),
    description: 'Whether to return a simplified version of the response instead of the raw data' },
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show(['search'], ['query']),
    options: [
      { displayName: 'File Categories', name: 'file_categories', type: 'multiOptions', default: [], options: [
        { name: 'Audio (mp3, wav, mid, etc.)', value: 'audio' }, { name: 'Document (doc, docx, txt, etc.)', value: 'document' },
        { name: 'Dropbox Paper', value: 'paper' }, { name: 'Folder', value: 'folder' }, { name: 'Image (jpg, png, gif, etc.)', value: 'image' },
        { name: 'Other', value: 'other' }, { name: 'PDF', value: 'pdf' }, { name: 'Presentation (ppt, pptx, key, etc.)', value: 'presentation' },
        { name: 'Spreadsheet (xlsx, xls, csv, etc.)', value: 'spreadsheet' }, { name: 'Video (avi, wmv, mp4, etc.)', value: 'video' },
      ] },
      { displayName: 'File Extensions', name: 'file_extensions', type: 'string', default: '',
        description: 'Multiple file extensions can be set separated by comma. Example: jpg,pdf.' },
      { displayName: 'Folder', name: 'path', type: 'string', default: '', description: 'If this field is not specified, this module searches the entire Dropbox' },
    ] },
  { displayName: 'Folder', name: 'path', type: 'string', default: '', required: true, displayOptions: show(['folder'], ['create']),
    placeholder: '/invoices/2019', description: 'The folder to create. The parent folder has to exist.' },
  path('Folder Path', ['folder'], ['list'], '/invoices/2019/', 'The path of which to list the content', false),
  ...returnAll('folder', 'list'),
  { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: show(['folder'], ['list']),
    options: [
      flag('Include Deleted', 'include_deleted', false, 'Whether the results will include entries for files and folders that used to exist but were deleted. The default for this field is False.'),
      flag('Include Shared Members', 'include_has_explicit_shared_members', false, 'Whether the results will include a flag for each file indicating whether or not that file has any explicit members. The default for this field is False.'),
      flag('Include Mounted Folders', 'include_mounted_folders', true, 'Whether the results will include entries under mounted folders which includes app folder, shared folder and team folder. The default for this field is True.'),
      flag('Include Non Downloadable Files', 'include_non_downloadable_files', true, 'Whether to include files that are not downloadable, i.e. Google Docs. The default for this field is True.'),
      flag('Recursive', 'recursive', false, 'Whether the list folder operation will be applied recursively to all subfolders and the response will contain contents of all subfolders. The default for this field is False.'),
    ] },
];
