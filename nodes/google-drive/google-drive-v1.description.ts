// Parameters of n8n's Google Drive V1 (typeVersions 1 and 2): drive, file and folder resources with
// the older shapes (list with query filters, upload from text or binary with parent IDs, update
// fields), the authentication default changing from service account (1) to OAuth2 (2).
import type { NodeProperty } from '../../engine/index.ts';
import { fieldsOption, permissionsUi } from './google-drive.description.ts';

type Show = Record<string, unknown[]>;
const on = (resource: string[], operation: string[], more: Show = {}) => ({ show: { operation, resource, ...more } });
const opt = (name: string, value: unknown, description?: string) => ({ name, value, ...(description ? { description } : {}) });
const bool = (name: string, displayName: string, fallback = false): NodeProperty => ({ displayName, name, type: 'boolean', default: fallback });
const text = (name: string, displayName: string, more: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...more });
const operation = (resource: string, fallback: string, ops: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback, displayOptions: { show: { resource: [resource] } },
  options: ops.map(([name, value, action]) => ({ name, value, description: action, action } as never)),
});

function locator(displayName: string, method: string, show: Show): NodeProperty {
  return {
    displayName, name: displayName === 'Drive' ? 'driveId' : 'fileId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, displayOptions: { show },
    modes: [
      { displayName, name: 'list', type: 'list', placeholder: `Select a ${displayName.toLowerCase()}...`, typeOptions: { searchListMethod: method, searchable: true } },
      { displayName: 'Link', name: 'url', type: 'string' },
      { displayName: 'ID', name: 'id', type: 'string' },
    ],
  };
}

const MIME_TYPES: Array<[string, string]> = [['3rd Party Shortcut', 'drive-sdk'], ['Audio', 'audio'], ['Custom Mime Type', 'custom'], ['Google Apps Scripts', 'script'],
  ['Google Docs', 'document'], ['Google Drawing', 'drawing'], ['Google Drive File', 'file'], ['Google Drive Folder', 'folder'], ['Google Forms', 'form'],
  ['Google Fusion Tables', 'fusiontable'], ['Google My Maps', 'map'], ['Google Sheets', 'spreadsheet'], ['Google Sites', 'site'], ['Google Slides', 'presentation'],
  ['Photo', 'photo'], ['Unknown', 'unknown'], ['Video', 'video']];

const conversion: NodeProperty = {
  displayName: 'Google File Conversion', name: 'googleFileConversion', type: 'fixedCollection', typeOptions: { multipleValues: false }, default: {}, placeholder: 'Add Conversion',
  options: [{ displayName: 'Conversion', name: 'conversion', values: [
    { displayName: 'Google Docs', name: 'docsToFormat', type: 'options', default: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', options: [opt('To HTML', 'text/html'), opt('To MS Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), opt('To OpenOffice Doc', 'application/vnd.oasis.opendocument.text'), opt('To PDF', 'application/pdf'), opt('To Rich Text', 'application/rtf')] },
    { displayName: 'Google Drawings', name: 'drawingsToFormat', type: 'options', default: 'image/jpeg', options: [opt('To JPEG', 'image/jpeg'), opt('To PNG', 'image/png'), opt('To SVG', 'image/svg+xml'), opt('To PDF', 'application/pdf')] },
    { displayName: 'Google Slides', name: 'slidesToFormat', type: 'options', default: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', options: [opt('To MS PowerPoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'), opt('To PDF', 'application/pdf'), opt('To OpenOffice Presentation', 'application/vnd.oasis.opendocument.presentation'), opt('To Plain Text', 'text/plain')] },
    { displayName: 'Google Sheets', name: 'sheetsToFormat', type: 'options', default: 'application/x-vnd.oasis.opendocument.spreadsheet', options: [opt('To MS Excel', 'application/x-vnd.oasis.opendocument.spreadsheet'), opt('To PDF', 'application/pdf'), opt('To CSV', 'text/csv')] },
  ] }],
};

const onOptions = (operations: string[], resources = ['file', 'folder']) => ({ show: { '/operation': operations, '/resource': resources } });
const restrictions: NodeProperty = { displayName: 'Restrictions', name: 'restrictions', type: 'collection', placeholder: 'Add Field', default: {},
  options: ['adminManagedRestrictions', 'copyRequiresWriterPermission', 'domainUsersOnly', 'driveMembersOnly'].map((n) => bool(n, n.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()))) };
const capabilities = ['canAddChildren', 'canChangeCopyRequiresWriterPermissionRestriction', 'canChangeDomainUsersOnlyRestriction', 'canChangeDriveBackground',
  'canChangeDriveMembersOnlyRestriction', 'canComment', 'canCopy', 'canDeleteChildren', 'canDeleteDrive', 'canDownload', 'canEdit', 'canListChildren', 'canManageMembers',
  'canReadRevisions', 'canRename', 'canRenameDrive', 'canShare', 'canTrashChildren'];
const colorRgb: NodeProperty = { displayName: 'Color RGB', name: 'colorRgb', type: 'color', default: '' };

export const driveV1Properties: NodeProperty[] = [
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'serviceAccount', displayOptions: { show: { '@version': [1] } },
    options: [opt('Service Account', 'serviceAccount'), opt('OAuth2', 'oAuth2')] },
  { displayName: 'Authentication', name: 'authentication', type: 'options', default: 'oAuth2', displayOptions: { show: { '@version': [2] } },
    options: [opt('OAuth2 (recommended)', 'oAuth2'), opt('Service Account', 'serviceAccount')] },
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'file', options: [opt('Drive', 'drive'), opt('File', 'file'), opt('Folder', 'folder')] },
  operation('file', 'upload', [['Copy', 'copy', 'Copy a file'], ['Delete', 'delete', 'Delete a file'], ['Download', 'download', 'Download a file'], ['List', 'list', 'List files and folders'],
    ['Share', 'share', 'Share a file'], ['Update', 'update', 'Update a file'], ['Upload', 'upload', 'Upload a file']]),
  operation('folder', 'create', [['Create', 'create', 'Create a folder'], ['Delete', 'delete', 'Delete a folder'], ['Share', 'share', 'Share a folder']]),
  locator('File', 'fileSearch', { operation: ['download', 'copy', 'update', 'delete', 'share'], resource: ['file'] }),
  locator('Folder', 'folderSearch', { operation: ['delete', 'share'], resource: ['folder'] }),
  { ...text('binaryPropertyName', 'Binary Property', { default: 'data', required: true }), displayOptions: on(['file'], ['download']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['file'], ['download']), options: [conversion, text('fileName', 'File Name')] },
  { ...bool('useQueryString', 'Use Query String'), displayOptions: on(['file'], ['list']) },
  { ...text('queryString', 'Query String', { placeholder: "name contains 'invoice'" }), displayOptions: on(['file'], ['list'], { useQueryString: [true] }) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 1000 }, displayOptions: on(['file'], ['list']) },
  { displayName: 'Filters', name: 'queryFilters', placeholder: 'Add Filter', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, displayOptions: on(['file'], ['list'], { useQueryString: [false] }),
    options: [
      { name: 'name', displayName: 'Name', values: [
        { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'contains', options: [opt('Contains', 'contains'), opt('Is', 'is'), opt('Is Not', 'isNot')] },
        text('value', 'Value')] },
      { name: 'mimeType', displayName: 'Mime Type', values: [
        { displayName: 'Mime Type', name: 'mimeType', type: 'options', default: 'application/vnd.google-apps.file',
          options: MIME_TYPES.map(([name, kind]) => opt(name, kind === 'custom' ? 'custom' : `application/vnd.google-apps.${kind}`)) },
        { ...text('customMimeType', 'Custom Mime Type'), displayOptions: { show: { mimeType: ['custom'] } } }] },
    ] },
  { ...permissionsUi, displayOptions: on(['file', 'folder'], ['share']) },
  { ...bool('binaryData', 'Binary Data'), displayOptions: on(['file'], ['upload']) },
  { ...text('fileContent', 'File Content'), displayOptions: on(['file'], ['upload'], { binaryData: [false] }) },
  { ...text('binaryPropertyName', 'Binary Property', { default: 'data', required: true }), displayOptions: on(['file'], ['upload'], { binaryData: [true] }) },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['file'], ['update']),
    options: [text('fileName', 'File Name'), bool('keepRevisionForever', 'Keep Revision Forever'), bool('trashed', 'Move to Trash'), text('ocrLanguage', 'OCR Language'),
      text('parentId', 'Parent ID'), bool('useContentAsIndexableText', 'Use Content As Indexable Text')] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['file'], ['update']), options: [{ ...fieldsOption('[All]') }] },
  { ...text('name', 'File Name', { required: true, placeholder: 'invoice_1.pdf' }), displayOptions: on(['file'], ['upload']) },
  { ...bool('resolveData', 'Resolve Data'), displayOptions: on(['file'], ['upload']) },
  { displayName: 'Parents', name: 'parents', type: 'string', typeOptions: { multipleValues: true }, default: [], displayOptions: on(['file'], ['upload']) },
  { ...text('name', 'Folder', { required: true, placeholder: 'invoices' }), displayOptions: on(['folder'], ['create']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: onOptions(['copy', 'list', 'share', 'create']), options: [
    { ...text('emailMessage', 'Email Message'), displayOptions: onOptions(['share']) },
    { ...bool('enforceSingleParent', 'Enforce Single Parent'), displayOptions: onOptions(['share']) },
    { ...fieldsOption('*'), displayOptions: { show: { '/operation': ['list', 'copy'] } } },
    { ...bool('moveToNewOwnersRoot', 'Move To New Owners Root'), displayOptions: onOptions(['share']) },
    { ...bool('sendNotificationEmail', 'Send Notification Email'), displayOptions: onOptions(['share']) },
    { ...bool('supportsAllDrives', 'Supports All Drives'), displayOptions: onOptions(['share']) },
    { ...bool('transferOwnership', 'Transfer Ownership'), displayOptions: onOptions(['share']) },
    { ...bool('useDomainAdminAccess', 'Use Domain Admin Access'), displayOptions: onOptions(['share']) },
    { ...text('name', 'File Name'), displayOptions: onOptions(['copy'], ['file']) },
    { displayName: 'Parents', name: 'parents', type: 'string', typeOptions: { multipleValues: true }, default: [], displayOptions: onOptions(['copy', 'create']) },
    { displayName: 'Spaces', name: 'spaces', type: 'multiOptions', default: [], displayOptions: onOptions(['list'], ['file']),
      options: [opt('[All]', '*'), opt('appDataFolder', 'appDataFolder'), opt('Drive', 'drive'), opt('Photos', 'photos')] },
    { displayName: 'Corpora', name: 'corpora', type: 'options', default: '', displayOptions: onOptions(['list'], ['file']),
      options: [opt('User', 'user'), opt('Domain', 'domain'), opt('Drive', 'drive'), opt('allDrives', 'allDrives')] },
    { ...text('driveId', 'Drive ID'), displayOptions: { show: { '/operation': ['list'], '/resource': ['file'], corpora: ['drive'] } } },
  ] },
  operation('drive', 'create', [['Create', 'create', 'Create a drive'], ['Delete', 'delete', 'Delete a drive'], ['Get', 'get', 'Get a drive'], ['List', 'list', 'List all drives'], ['Update', 'update', 'Update a drive']]),
  locator('Drive', 'driveSearch', { operation: ['delete', 'get', 'update'], resource: ['drive'] }),
  { ...text('name', 'Name'), displayOptions: on(['drive'], ['create']) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['drive'], ['create']), options: [
    { displayName: 'Capabilities', name: 'capabilities', type: 'collection', placeholder: 'Add Field', default: {}, options: capabilities.map((n) => bool(n, n)) },
    colorRgb, { displayName: 'Created Time', name: 'createdTime', type: 'dateTime', default: '' }, bool('hidden', 'Hidden'), restrictions] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['drive'], ['get']), options: [bool('useDomainAdminAccess', 'Use Domain Admin Access')] },
  { ...bool('returnAll', 'Return All'), displayOptions: on(['drive'], ['list']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 100, typeOptions: { minValue: 1, maxValue: 200 }, displayOptions: on(['drive'], ['list'], { returnAll: [false] }) },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['drive'], ['list']), options: [text('q', 'Query'), bool('useDomainAdminAccess', 'Use Domain Admin Access')] },
  { displayName: 'Update Fields', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(['drive'], ['update']), options: [colorRgb, text('name', 'Name'), restrictions] },
];
