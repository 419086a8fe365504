// Parameters of n8n's Google Drive node V2 (typeVersion 3): resources drive (shared drive), file,
// fileFolder and folder with resource locators for files, folders and drives.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';
import { FOLDER_MIME, MY_DRIVE, ROOT_FOLDER } from './drive-locators.ts';

export const driveCredentials: NodeCredentialDescription[] = [
  { name: 'googleApi', required: true, displayOptions: { show: { authentication: ['serviceAccount'] } } },
  { name: 'googleDriveOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

type Show = Record<string, unknown[]>;
const on = (resource: string, operation: string[], more: Show = {}) => ({ show: { resource: [resource], operation, ...more } });
const opt = (name: string, value: unknown, description?: string) => ({ name, value, ...(description ? { description } : {}) });
const bool = (name: string, displayName: string, fallback = false, description?: string): NodeProperty =>
  ({ displayName, name, type: 'boolean', default: fallback, ...(description ? { description } : {}) });
const text = (name: string, displayName: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });

function locator(name: string, displayName: string, method: string, fallback: string, kind: 'file' | 'folder'): NodeProperty {
  return {
    displayName, name, type: 'resourceLocator', default: { mode: 'list', value: fallback }, required: true,
    modes: [
      { displayName: kind === 'file' ? 'File' : displayName, name: 'list', type: 'list', placeholder: `Select a ${kind === 'file' ? 'file' : displayName.toLowerCase()}...`, typeOptions: { searchListMethod: method, searchable: true } },
      { displayName: 'Link', name: 'url', type: 'string', placeholder: kind === 'file' ? 'e.g. https://drive.google.com/file/d/1anGBg0b5re2VtF2bKu201_a-Vnz5BHq9Y4r-yBDAj5A/edit' : 'e.g. https://drive.google.com/drive/folders/1Tx9WHbA3wBpPB4C_HcoZDH9WZFWYxAMU' },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. 1anGBg0b5re2VtF2bKu201_a-Vnz5BHq9Y4r-yBDAj5A' },
    ],
  };
}

export const fileLocator = (more: Partial<NodeProperty> = {}): NodeProperty => ({ ...locator('fileId', 'File', 'fileSearch', '', 'file'), description: 'The file to operate on', ...more });
export const folderLocator = (more: Partial<NodeProperty> = {}): NodeProperty => ({ ...locator('folderId', 'Folder', 'folderSearch', ROOT_FOLDER, 'folder'), description: 'The folder to operate on', ...more });
export const driveLocator = (more: Partial<NodeProperty> = {}): NodeProperty => ({ ...locator('driveId', 'Drive', 'driveSearchWithDefault', MY_DRIVE, 'folder'), description: 'The ID of the drive', ...more });
const sharedDriveLocator = (more: Partial<NodeProperty> = {}): NodeProperty => ({ ...locator('driveId', 'Shared Drive', 'driveSearch', '', 'folder'), description: 'The shared drive to operate on', ...more });
const folderNoRootLocator = (more: Partial<NodeProperty> = {}): NodeProperty => ({ ...locator('folderNoRootId', 'Folder', 'folderSearch', '', 'folder'), description: 'The folder to operate on', ...more });

const FIELD_NAMES = ['explicitlyTrashed', 'exportLinks', 'hasThumbnail', 'iconLink', 'id', 'kind', 'mimeType', 'name', 'permissions', 'shared', 'spaces', 'starred', 'thumbnailLink', 'trashed', 'version', 'webViewLink'];
export const fieldsOption = (allLabel: string): NodeProperty => ({
  displayName: 'Fields', name: 'fields', type: 'multiOptions', default: [], description: 'The fields to return',
  options: [opt(allLabel, '*', 'All fields'), ...FIELD_NAMES.map((f) => opt(f === 'id' ? 'ID' : f, f))],
});

const keyValues = (name: string, displayName: string, entry: string, entryName: string, description: string): NodeProperty => ({
  displayName, name, type: 'fixedCollection', placeholder: 'Add Property', default: {}, typeOptions: { multipleValues: true }, description,
  options: [{ name: entry, displayName: entryName, values: [text('key', 'Key', { description: 'Name of the key to add' }), text('value', 'Value', { description: 'Value to set for the key' })] }],
});

const updateCommonOptions: NodeProperty[] = [
  keyValues('appPropertiesUi', 'APP Properties', 'appPropertyValues', 'APP Property', 'A collection of arbitrary key-value pairs which are private to the requesting app'),
  keyValues('propertiesUi', 'Properties', 'propertyValues', 'Property', 'A collection of arbitrary key-value pairs which are visible to all apps'),
  bool('keepRevisionForever', 'Keep Revision Forever'),
  text('ocrLanguage', 'OCR Language', { placeholder: 'e.g. en' }),
  bool('useContentAsIndexableText', 'Use Content As Indexable Text'),
];

export const permissionsUi: NodeProperty = {
  displayName: 'Permissions', name: 'permissionsUi', placeholder: 'Add Permission', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: false },
  options: [{ displayName: 'Permission', name: 'permissionsValues', values: [
    { displayName: 'Role', name: 'role', type: 'options', default: '', options: ['commenter', 'fileOrganizer', 'organizer', 'owner', 'reader', 'writer'].map((v) => opt(v === 'fileOrganizer' ? 'File Organizer' : v[0].toUpperCase() + v.slice(1), v)) },
    { displayName: 'Type', name: 'type', type: 'options', default: '', options: [opt('User', 'user'), opt('Group', 'group'), opt('Domain', 'domain'), opt('Anyone', 'anyone')] },
    text('emailAddress', 'Email Address', { displayOptions: { show: { type: ['user', 'group'] } } }),
    text('domain', 'Domain', { displayOptions: { show: { type: ['domain'] } } }),
    { ...bool('allowFileDiscovery', 'Allow File Discovery'), displayOptions: { show: { type: ['domain', 'anyone'] } } },
  ] }],
};

const shareOptions: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
  options: [text('emailMessage', 'Email Message', { typeOptions: { rows: 2 } }), bool('moveToNewOwnersRoot', 'Move To New Owners Root'),
    bool('sendNotificationEmail', 'Send Notification Email'), bool('transferOwnership', 'Transfer Ownership'), bool('useDomainAdminAccess', 'Use Domain Admin Access')],
};

const conversion: NodeProperty = {
  displayName: 'Google File Conversion', name: 'googleFileConversion', type: 'fixedCollection', typeOptions: { multipleValues: false }, default: {}, placeholder: 'Add Conversion',
  options: [{ displayName: 'Conversion', name: 'conversion', values: [
    { displayName: 'Google Docs', name: 'docsToFormat', type: 'options', default: 'text/html', options: [opt('HTML', 'text/html'), opt('MS Word Document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), opt('Open Office Document', 'application/vnd.oasis.opendocument.text'), opt('PDF', 'application/pdf'), opt('Rich Text (rtf)', 'application/rtf'), opt('Text (txt)', 'text/plain')] },
    { displayName: 'Google Drawings', name: 'drawingsToFormat', type: 'options', default: 'image/jpeg', options: [opt('JPEG', 'image/jpeg'), opt('PDF', 'application/pdf'), opt('PNG', 'image/png'), opt('SVG', 'image/svg+xml')] },
    { displayName: 'Google Slides', name: 'slidesToFormat', type: 'options', default: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', options: [opt('MS PowerPoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'), opt('OpenOffice Presentation', 'application/vnd.oasis.opendocument.presentation'), opt('PDF', 'application/pdf')] },
    { displayName: 'Google Sheets', name: 'sheetsToFormat', type: 'options', default: 'text/csv', options: [opt('CSV', 'text/csv'), opt('MS Excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), opt('Open Office Sheet', 'application/vnd.oasis.opendocument.spreadsheet'), opt('PDF', 'application/pdf')] },
  ] }],
};

const FILE_TYPES: Array<[string, string]> = [['All', '*'], ['3rd Party Shortcut', 'drive-sdk'], ['Audio', 'audio'], ['Folder', 'folder'], ['Google Apps Scripts', 'script'], ['Google Docs', 'document'],
  ['Google Drawing', 'drawing'], ['Google Forms', 'form'], ['Google Fusion Tables', 'fusiontable'], ['Google My Maps', 'map'], ['Google Sheets', 'spreadsheet'], ['Google Sites', 'sites'],
  ['Google Slides', 'presentation'], ['Photo', 'photo'], ['Unknown', 'unknown'], ['Video', 'video']];
const fileTypeOptions = FILE_TYPES.map(([name, kind]) => opt(name, kind === '*' ? '*' : `application/vnd.google-apps.${kind}`));

const driveCapabilities = ['canAddChildren', 'canChangeCopyRequiresWriterPermissionRestriction', 'canChangeDomainUsersOnlyRestriction', 'canChangeDriveBackground',
  'canChangeDriveMembersOnlyRestriction', 'canComment', 'canCopy', 'canDeleteChildren', 'canDeleteDrive', 'canDownload', 'canEdit', 'canListChildren', 'canManageMembers',
  'canReadRevisions', 'canRename', 'canRenameDrive', 'canShare', 'canTrashChildren'];
const titled = (name: string) => name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
const restrictions: NodeProperty = { displayName: 'Restrictions', name: 'restrictions', type: 'collection', placeholder: 'Add Field', default: {},
  options: ['adminManagedRestrictions', 'copyRequiresWriterPermission', 'domainUsersOnly', 'driveMembersOnly'].map((n) => bool(n, titled(n))) };
const colorRgb: NodeProperty = { displayName: 'Color RGB', name: 'colorRgb', type: 'color', default: '', description: 'The color of this shared drive as an RGB hex string' };

const operation = (resource: string, fallback: string, ops: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: ops.map(([name, value, action]) => ({ name, value, description: action, action } as never)),
});

const driveProperties: NodeProperty[] = [
  operation('drive', 'create', [['Create', 'create', 'Create a shared drive'], ['Delete', 'deleteDrive', 'Delete a shared drive'], ['Get', 'get', 'Get a shared drive'],
    ['Get Many', 'list', 'Get many shared drives'], ['Update', 'update', 'Update a shared drive']]),
  { ...text('name', 'Name', { placeholder: 'e.g. New Shared Drive', description: 'The name of the shared drive to create' }), displayOptions: on('drive', ['create']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('drive', ['create']), options: [
    { displayName: 'Capabilities', name: 'capabilities', type: 'collection', placeholder: 'Add Field', default: {}, options: driveCapabilities.map((n) => bool(n, titled(n))) },
    colorRgb, bool('hidden', 'Hidden'), restrictions] },
  { ...sharedDriveLocator(), displayOptions: on('drive', ['deleteDrive', 'get', 'update']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('drive', ['get']), options: [bool('useDomainAdminAccess', 'Use Domain Admin Access')] },
  { ...bool('returnAll', 'Return All', false, 'Whether to return all results or only up to a given limit'), displayOptions: on('drive', ['list']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 200 }, description: 'Max number of results to return', displayOptions: on('drive', ['list'], { returnAll: [false] }) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('drive', ['list']), options: [text('q', 'Query'), bool('useDomainAdminAccess', 'Use Domain Admin Access')] },
  { displayName: 'Update Fields', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('drive', ['update']), options: [colorRgb, text('name', 'Name'), restrictions] },
];

const fileProperties: NodeProperty[] = [
  operation('file', 'upload', [['Copy', 'copy', 'Copy a file'], ['Create From Text', 'createFromText', 'Create a file from text'], ['Delete', 'deleteFile', 'Delete a file'],
    ['Download', 'download', 'Download a file'], ['Move', 'move', 'Move a file'], ['Share', 'share', 'Share a file'], ['Update', 'update', 'Update a file'], ['Upload', 'upload', 'Upload a file']]),
  { ...fileLocator(), displayOptions: on('file', ['copy', 'deleteFile', 'download', 'move', 'share', 'update']) },
  // copy
  { ...text('name', 'File Name', { placeholder: 'e.g. My File', description: 'The name of the new file. If not set, “Copy of {original file name}” will be used.' }), displayOptions: on('file', ['copy']) },
  { ...bool('copyLocation', 'Copy In The Same Folder', true, 'Whether to copy the file in the same folder as the original file'), displayOptions: on('file', ['copy']) },
  { ...folderLocator({ name: 'destinationFolderId', displayName: 'Destination Folder' }), displayOptions: on('file', ['copy'], { copyLocation: [false] }) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('file', ['copy']),
    options: [bool('copyRequiresWriterPermission', 'Copy Requires Writer Permission'), text('description', 'Description')] },
  // createFromText
  { ...text('content', 'File Content', { typeOptions: { rows: 2 }, description: 'The text to create the file with' }), displayOptions: on('file', ['createFromText']) },
  { ...text('name', 'File Name', { placeholder: 'e.g. My New File' }), displayOptions: on('file', ['createFromText']) },
  { ...driveLocator({ displayName: 'Parent Drive', required: false, description: 'The drive where to create the new file' }), displayOptions: on('file', ['createFromText']) },
  { ...folderLocator({ displayName: 'Parent Folder', required: false, description: 'The folder where to create the new file' }), displayOptions: on('file', ['createFromText']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('file', ['createFromText']),
    options: [...updateCommonOptions, bool('convertToGoogleDocument', 'Convert to Google Document', false, 'Whether to create a Google Document (instead of the .txt default format)')] },
  // deleteFile
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('file', ['deleteFile']),
    options: [bool('deletePermanently', 'Delete Permanently', false, 'Whether to delete the file immediately. If false, the file will be moved to the trash.')] },
  // download
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('file', ['download']),
    options: [text('binaryPropertyName', 'Put Output File in Field', { default: 'data', placeholder: 'e.g. data' }), conversion, text('fileName', 'File Name')] },
  // move
  { ...driveLocator({ displayName: 'Parent Drive', description: 'The drive where to move the file' }), displayOptions: on('file', ['move']) },
  { ...folderLocator({ displayName: 'Parent Folder', description: 'The folder where to move the file' }), displayOptions: on('file', ['move']) },
  // share
  { ...permissionsUi, displayOptions: on('file', ['share']) },
  { ...shareOptions, displayOptions: on('file', ['share']) },
  // update
  { ...bool('changeFileContent', 'Change File Content', false, 'Whether to send a new binary data to update the file'), displayOptions: on('file', ['update']) },
  { ...text('inputDataFieldName', 'Input Data Field Name', { default: 'data', placeholder: 'e.g. data' }), displayOptions: on('file', ['update'], { changeFileContent: [true] }) },
  { ...text('newUpdatedFileName', 'New Updated File Name', { placeholder: 'e.g. My New File' }), displayOptions: on('file', ['update']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('file', ['update']),
    options: [...updateCommonOptions, bool('trashed', 'Move to Trash'), { ...fieldsOption('[All]'), displayName: 'Return Fields' }] },
  // upload
  { ...text('inputDataFieldName', 'Input Data Field Name', { default: 'data', required: true, placeholder: 'e.g. data' }), displayOptions: on('file', ['upload']) },
  { ...text('name', 'File Name', { placeholder: 'e.g. My New File', description: 'If not specified, the original file name will be used' }), displayOptions: on('file', ['upload']) },
  { ...driveLocator({ displayName: 'Parent Drive', description: 'The drive where to upload the file' }), displayOptions: on('file', ['upload']) },
  { ...folderLocator({ displayName: 'Parent Folder', description: 'The folder where to upload the file' }), displayOptions: on('file', ['upload']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('file', ['upload']),
    options: [...updateCommonOptions, bool('simplifyOutput', 'Simplify Output', true)] },
];

const fileFolderProperties: NodeProperty[] = [
  operation('fileFolder', 'search', [['Search', 'search', 'Search or list files and folders']]),
  { displayName: 'Search Method', name: 'searchMethod', type: 'options', default: 'name', displayOptions: on('fileFolder', ['search']),
    options: [opt('Search File/Folder Name', 'name'), opt('Advanced Search', 'query')] },
  { ...text('queryString', 'Search Query', { placeholder: 'e.g. My File / My Folder' }), displayOptions: on('fileFolder', ['search'], { searchMethod: ['name'] }) },
  { ...text('queryString', 'Query String', { placeholder: "e.g. not name contains 'hello'" }), displayOptions: on('fileFolder', ['search'], { searchMethod: ['query'] }) },
  { ...bool('returnAll', 'Return All', false, 'Whether to return all results or only up to a given limit'), displayOptions: on('fileFolder', ['search']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 }, description: 'Max number of results to return', displayOptions: on('fileFolder', ['search'], { returnAll: [false] }) },
  { displayName: 'Filter', name: 'filter', type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: on('fileFolder', ['search']), options: [
    { ...driveLocator(), required: false }, { ...folderLocator(), required: false },
    { displayName: 'What to Search', name: 'whatToSearch', type: 'options', default: 'all', options: [opt('Files and Folders', 'all'), opt('Files', 'files'), opt('Folders', 'folders')] },
    { displayName: 'File Types', name: 'fileTypes', type: 'multiOptions', default: [], options: fileTypeOptions, displayOptions: { show: { whatToSearch: ['all'] } } },
    { displayName: 'File Types', name: 'fileTypes', type: 'multiOptions', default: [], options: fileTypeOptions.filter((o) => o.value !== FOLDER_MIME), displayOptions: { show: { whatToSearch: ['files'] } } },
    bool('includeTrashed', 'Include Trashed Items'),
  ] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('fileFolder', ['search']), options: [fieldsOption('*')] },
];

const folderProperties: NodeProperty[] = [
  operation('folder', 'create', [['Create', 'create', 'Create a folder'], ['Delete', 'deleteFolder', 'Delete a folder'], ['Share', 'share', 'Share a folder']]),
  { ...text('name', 'Folder Name', { placeholder: 'e.g. New Folder' }), displayOptions: on('folder', ['create']) },
  { ...driveLocator({ displayName: 'Parent Drive' }), displayOptions: on('folder', ['create']) },
  { ...folderLocator({ displayName: 'Parent Folder' }), displayOptions: on('folder', ['create']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('folder', ['create']),
    options: [bool('simplifyOutput', 'Simplify Output', true), { displayName: 'Folder Color', name: 'folderColorRgb', type: 'color', default: '' }] },
  { ...folderNoRootLocator(), displayOptions: on('folder', ['deleteFolder', 'share']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, displayOptions: on('folder', ['deleteFolder']),
    options: [bool('deletePermanently', 'Delete Permanently', false, 'Whether to delete the folder immediately. If false, the folder will be moved to the trash.')] },
  { ...permissionsUi, displayOptions: on('folder', ['share']) },
  { ...shareOptions, displayOptions: on('folder', ['share']) },
];

export const driveV3Properties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2',
    options: [opt('OAuth2 (recommended)', 'oAuth2'), opt('Service Account', 'serviceAccount')] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'file',
    options: [opt('Shared Drive', 'drive'), opt('File', 'file'), opt('File/Folder', 'fileFolder'), opt('Folder', 'folder')] },
  ...driveProperties, ...fileProperties, ...fileFolderProperties, ...folderProperties,
];
