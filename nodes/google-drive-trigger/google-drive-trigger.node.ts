// Google Drive Trigger (n8n-nodes-base.googleDriveTrigger v1): a poller over Drive's files.list.
// Each poll asks for files created or modified since the last check (kept in the node's static data
// as lastTimeChecked, as n8n does), in the watched folder or filtered to the watched file; a manual
// run shows one matching file without the time filter.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { driveCredentialType, driveListSearch } from '../google-drive/drive-methods.ts';
import { FOLDER_MIME, locatorId } from '../google-drive/drive-locators.ts';
import { driveBaseUrl, googleAll, googleJson, withGoogleClient } from '../google-drive/google-api.ts';
import { GOOGLE_DRIVE_SCOPES } from '../google-drive/google-drive.credentials.ts';
import { driveCredentials } from '../google-drive/google-drive.description.ts';
import { collection, param } from '../shared/params.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
const pollTimes: NodeProperty = { ...triggerTimes, displayName: 'Poll Times', name: 'pollTimes', typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' }, default: { item: [{ mode: 'everyMinute' }] } };

const opt = (name: string, value: string, description?: string) => ({ name, value, ...(description ? { description } : {}) });
const locatorModes = (kind: 'file' | 'folder', method: string) => [
  { displayName: kind === 'file' ? 'File' : 'Folder', name: 'list', type: 'list', placeholder: `Select a ${kind}...`, typeOptions: { searchListMethod: method, searchable: true } },
  { displayName: 'Link', name: 'url', type: 'string' },
  { displayName: 'ID', name: 'id', type: 'string', placeholder: '1anGBg0b5re2VtF2bKu201_a-Vnz5BHq9Y4r-yBDAj5A' },
];
const FILE_TYPES: Array<[string, string]> = [['[All]', 'all'], ['Audio', 'audio'], ['Google Docs', 'document'], ['Google Drawings', 'drawing'], ['Google Slides', 'presentation'],
  ['Google Spreadsheets', 'spreadsheet'], ['Photos and Images', 'photo'], ['Videos', 'video']];

const properties: NodeProperty[] = [
  pollTimes,
  { displayName: 'Credential Type', name: 'authentication', type: 'options', default: 'oAuth2', options: [opt('OAuth2 (recommended)', 'oAuth2'), opt('Service Account', 'serviceAccount')] },
  { displayName: 'Trigger On', name: 'triggerOn', type: 'options', required: true, default: '',
    options: [opt('Changes to a Specific File', 'specificFile'), opt('Changes Involving a Specific Folder', 'specificFolder')] },
  { displayName: 'File', name: 'fileToWatch', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, modes: locatorModes('file', 'fileSearch'),
    displayOptions: { show: { triggerOn: ['specificFile'] } } },
  { displayName: 'Watch For', name: 'event', type: 'options', required: true, default: 'fileUpdated', options: [opt('File Updated', 'fileUpdated')],
    displayOptions: { show: { triggerOn: ['specificFile'] } }, description: 'When to trigger this node' },
  { displayName: 'Folder', name: 'folderToWatch', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, modes: locatorModes('folder', 'folderSearch'),
    displayOptions: { show: { triggerOn: ['specificFolder'] } } },
  { displayName: 'Watch For', name: 'event', type: 'options', required: true, default: '', displayOptions: { show: { triggerOn: ['specificFolder'] } },
    options: [opt('File Created', 'fileCreated', 'When a file is created in the watched folder'), opt('File Updated', 'fileUpdated', 'When a file is updated in the watched folder'),
      opt('Folder Created', 'folderCreated', 'When a folder is created in the watched folder'), opt('Folder Updated', 'folderUpdated', 'When a folder is updated in the watched folder'),
      opt('Watch Folder Updated', 'watchFolderUpdated', 'When the watched folder itself is modified')] },
  { displayName: "Changes within subfolders won't trigger this node", name: 'asas', type: 'notice', default: '',
    displayOptions: { show: { triggerOn: ['specificFolder'] }, hide: { event: ['watchFolderUpdated'] } } },
  { displayName: 'Drive To Watch', name: 'driveToWatch', type: 'options', default: 'root', required: true, typeOptions: { loadOptionsMethod: 'getDrives' },
    displayOptions: { show: { triggerOn: ['anyFileFolder'] } } },
  { displayName: 'Watch For', name: 'event', type: 'options', required: true, default: 'fileCreated', displayOptions: { show: { triggerOn: ['anyFileFolder'] } },
    options: [opt('File Created', 'fileCreated'), opt('File Updated', 'fileUpdated'), opt('Folder Created', 'folderCreated'), opt('Folder Updated', 'folderUpdated')] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    displayOptions: { show: { event: ['fileCreated', 'fileUpdated'] }, hide: { triggerOn: ['specificFile'] } },
    options: [{ displayName: 'File Type', name: 'fileType', type: 'options', default: 'all', description: 'Triggers only when the file is this type',
      options: FILE_TYPES.map(([name, kind]) => opt(name, kind === 'all' ? 'all' : `application/vnd.google-apps.${kind}`)) }] },
];

/** moment().utc().format(): seconds precision with a Z. */
const stamp = (date = new Date()) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One poll (or a manual run): the matching files, or null when nothing changed. */
export async function pollDrive(ctx: ExecuteContext, manual: boolean): Promise<JsonObject[] | null> {
  const triggerOn = param(ctx, 'triggerOn', 0, '');
  const event = param(ctx, 'event', 0, triggerOn === 'specificFile' ? 'fileUpdated' : '');
  const state = ctx.getWorkflowStaticData('node');
  const options = collection(ctx, 'options', 0);
  const now = stamp();
  const since = typeof state.lastTimeChecked === 'string' ? state.lastTimeChecked : now;
  const query = ['trashed = false'];
  const folder = locatorId(param<unknown>(ctx, 'folderToWatch', 0, ''));
  if (triggerOn === 'specificFolder' && event !== 'watchFolderUpdated') query.push(`'${folder}' in parents`);
  query.push(event.startsWith('file') ? `mimeType != '${FOLDER_MIME}'` : `mimeType = '${FOLDER_MIME}'`);
  if (options.fileType && options.fileType !== 'all') query.push(`mimeType = '${String(options.fileType)}'`);
  if (!manual) query.push(`${event.includes('Created') ? 'createdTime' : 'modifiedTime'} > '${since}'`);
  const call = { method: 'GET' as const, url: `${driveBaseUrl()}/drive/v3/files`, query: { q: query.join(' AND '), fields: 'nextPageToken, files(*)' } };
  let files = await withGoogleClient(ctx, driveCredentialType(ctx, 'oAuth2'), GOOGLE_DRIVE_SCOPES, async (client) => (manual
    ? ((await googleJson(client, { ...call, query: { ...call.query, pageSize: 1 } })).files as JsonObject[] | undefined) ?? []
    : googleAll(client, call, 'files')));
  if (!manual && triggerOn === 'specificFile') {
    const watched = locatorId(param<unknown>(ctx, 'fileToWatch', 0, ''));
    files = files.filter((file) => file.id === watched);
  }
  if (!manual && triggerOn === 'specificFolder' && event === 'watchFolderUpdated') files = files.filter((file) => file.id === folder);
  state.lastTimeChecked = now;
  if (files.length) return files;
  if (manual) throw new NodeOperationError(ctx.node.name, 'No data with the current filter could be found');
  return null;
}

export const googleDriveTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.googleDriveTrigger',
    displayName: 'Google Drive Trigger',
    icon: 'file:googleDrive.svg',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow when Google Drive events occur',
    defaults: { name: 'Google Drive Trigger' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'poll',
    credentials: driveCredentials,
    properties,
  },
  async execute(ctx) {
    const files = await pollDrive(ctx, true);
    return [(files ?? []).map((json) => ({ json }))];
  },
  triggers: {
    async poll(ctx) {
      const files = await pollDrive(ctx, false);
      return files ? [files.map((json) => ({ json }))] : null;
    },
  },
  methods: {
    listSearch: { fileSearch: driveListSearch.fileSearch, folderSearch: driveListSearch.folderSearch },
    loadOptions: {
      async getDrives(ctx) {
        const drives = await withGoogleClient(ctx, driveCredentialType(ctx, 'oAuth2'), GOOGLE_DRIVE_SCOPES,
          (client) => googleAll(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/drives` }, 'drives'));
        return [{ name: 'Root', value: 'root' }, ...drives.map((drive) => ({ name: String(drive.name), value: String(drive.id) }))];
      },
    },
  },
};
