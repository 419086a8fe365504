// Google Drive V2 (typeVersion 3) operations: shared drives, files (copy, create from text, delete,
// download, move, share, update, upload), file/folder search and folders, on Drive API v3 as n8n
// calls it (supportsAllDrives, its corpora and spaces, its output shapes).
import { randomUUID } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import { cachedName, FOLDER_MIME, locatorId, MY_DRIVE, parentFolder, ROOT_FOLDER } from './drive-locators.ts';
import { createWithContent, downloadFile, replaceContent, type ExportFormats } from './drive-transfer.ts';
import { docsBaseUrl, driveBaseUrl, googleAll, googleJson, type GoogleClient, type Query } from './google-api.ts';

const files = () => `${driveBaseUrl()}/drive/v3/files`;
const drives = () => `${driveBaseUrl()}/drive/v3/drives`;
const ALL_DRIVES: Query = { includeItemsFromAllDrives: true, supportsAllDrives: true, spaces: 'appDataFolder, drive', corpora: 'allDrives' };

/** n8n's prepareQueryString: `id, name` unless fields are chosen; `*` wins. */
export function queryFields(fields: unknown): string {
  if (!Array.isArray(fields) || fields.length === 0) return 'id, name';
  return fields.includes('*') ? '*' : fields.join(', ');
}

const pairs = (ui: unknown, key: string): JsonObject | undefined => {
  const values = (ui as JsonObject | undefined)?.[key];
  if (!Array.isArray(values)) return undefined;
  return Object.fromEntries((values as JsonObject[]).map((entry) => [String(entry.key), entry.value]));
};

/** n8n's setFileProperties: properties and appProperties from their key/value lists. */
function fileProperties(body: JsonObject, options: JsonObject): JsonObject {
  const properties = pairs(options.propertiesUi, 'propertyValues');
  const appProperties = pairs(options.appPropertiesUi, 'appPropertyValues');
  if (properties) body.properties = properties;
  if (appProperties) body.appProperties = appProperties;
  return body;
}

/** n8n's setUpdateCommonParams. */
function commonParams(query: Query, options: JsonObject): Query {
  for (const key of ['keepRevisionForever', 'ocrLanguage', 'useContentAsIndexableText']) if (options[key]) query[key] = options[key] as string | boolean;
  return query;
}

const id = (ctx: ExecuteContext, name: string, i: number, fallback = '') => locatorId(param<unknown>(ctx, name, i, fallback));

async function driveOperation(client: GoogleClient, operation: string, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  if (operation === 'create') {
    return [await googleJson(client, { method: 'POST', url: drives(), query: { requestId: randomUUID() }, json: { name: param(ctx, 'name', i, ''), ...options } })];
  }
  if (operation === 'list') {
    const query: Query = { ...(options as Query) };
    if (param(ctx, 'returnAll', i, false)) return googleAll(client, { method: 'GET', url: drives(), query }, 'drives');
    const page = await googleJson(client, { method: 'GET', url: drives(), query: { ...query, pageSize: Number(param(ctx, 'limit', i, 100)) } });
    return (page.drives as JsonObject[] | undefined) ?? [];
  }
  const driveId = id(ctx, 'driveId', i);
  const url = `${drives()}/${encodeURIComponent(driveId)}`;
  if (operation === 'deleteDrive') {
    await googleJson(client, { method: 'DELETE', url });
    return [{ success: true }];
  }
  if (operation === 'get') return [await googleJson(client, { method: 'GET', url, query: options as Query })];
  if (operation === 'update') return [await googleJson(client, { method: 'PATCH', url, json: options })];
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
}

async function upload(client: GoogleClient, item: Item, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const field = String(param(ctx, 'inputDataFieldName', i, 'data'));
  if (!field) throw new NodeOperationError(ctx.node.name, 'The name of the input field containing the binary file data must be set', { itemIndex: i });
  const { buffer, binary } = binaryBuffer(ctx.node.name, item, field, i);
  const options = collection(ctx, 'options', i);
  const mimeType = binary.mimeType || 'application/octet-stream';
  const name = String(param(ctx, 'name', i, '')) || binary.fileName || 'Untitled';
  const parent = parentFolder(id(ctx, 'folderId', i, ROOT_FOLDER), id(ctx, 'driveId', i, MY_DRIVE));
  const metadata = fileProperties({ name, mimeType, parents: [parent], ...(binary.fileName ? { originalFilename: binary.fileName } : {}) }, options);
  const query = commonParams({ supportsAllDrives: true, includeItemsFromAllDrives: true }, options);
  if (options.simplifyOutput === false) query.fields = '*';
  return createWithContent(client, metadata, buffer, mimeType, query);
}

async function createFromText(client: GoogleClient, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  const name = String(param(ctx, 'name', i, '')) || 'Untitled';
  const content = String(param(ctx, 'content', i, ''));
  const legacyParent = id(ctx, 'parentFolderId', i, '');
  const parent = legacyParent || parentFolder(id(ctx, 'folderId', i, ROOT_FOLDER), id(ctx, 'driveId', i, MY_DRIVE));
  const convert = options.convertToGoogleDocument === true;
  const metadata = fileProperties({ name, parents: [parent], mimeType: convert ? 'application/vnd.google-apps.document' : 'text/plain' }, options);
  const query = commonParams({ supportsAllDrives: true }, options);
  if (!convert) {
    const created = await createWithContent(client, metadata, Buffer.from(content, 'utf8'), 'text/plain', query);
    return { id: created.id };
  }
  // A Google Doc is created empty, then its body gets the text through the Docs API.
  const document = await googleJson(client, { method: 'POST', url: files(), query, json: metadata });
  const update = await googleJson(client, { method: 'POST', url: `${docsBaseUrl()}/v1/documents/${encodeURIComponent(String(document.id))}:batchUpdate`,
    json: { requests: [{ insertText: { text: content, endOfSegmentLocation: { segmentId: '' } } }] } });
  return { id: update.documentId ?? document.id };
}

async function fileOperation(client: GoogleClient, operation: string, item: Item, i: number): Promise<Item> {
  const { ctx } = client;
  const json = (value: JsonObject): Item => ({ json: value, pairedItem: { item: i } });
  if (operation === 'upload') return json(await upload(client, item, i));
  if (operation === 'createFromText') return json(await createFromText(client, i));
  const locator = param<unknown>(ctx, 'fileId', i, '');
  const fileId = locatorId(locator);
  const url = `${files()}/${encodeURIComponent(fileId)}`;
  const options = collection(ctx, 'options', i);
  switch (operation) {
    case 'copy': {
      const parents = param(ctx, 'copyLocation', i, true) ? [] : [id(ctx, 'destinationFolderId', i, ROOT_FOLDER)];
      const body: JsonObject = { copyRequiresWriterPermission: options.copyRequiresWriterPermission === true, parents,
        name: String(param(ctx, 'name', i, '')) || `Copy of ${cachedName(locator) ?? fileId}` };
      if (options.description) body.description = options.description;
      return json(await googleJson(client, { method: 'POST', url: `${url}/copy`, query: { supportsAllDrives: true }, json: body }));
    }
    case 'deleteFile': {
      if (options.deletePermanently === true) await googleJson(client, { method: 'DELETE', url, query: { supportsAllDrives: true } });
      else await googleJson(client, { method: 'PATCH', url, query: { supportsAllDrives: true }, json: { trashed: true } });
      return json({ id: fileId, success: true });
    }
    case 'download': {
      const formats = ((options.googleFileConversion as JsonObject | undefined)?.conversion as ExportFormats | undefined) ?? {};
      const binary = await downloadFile(client, fileId, formats, typeof options.fileName === 'string' && options.fileName ? options.fileName : undefined);
      const field = String(options.binaryPropertyName || 'data');
      return { json: item.json, binary: { ...item.binary, [field]: binary }, pairedItem: { item: i } };
    }
    case 'move': {
      const { parents } = await googleJson(client, { method: 'GET', url, query: { ...ALL_DRIVES, fields: 'parents' } });
      return json(await googleJson(client, { method: 'PATCH', url, query: { ...ALL_DRIVES,
        addParents: parentFolder(id(ctx, 'folderId', i, ROOT_FOLDER), id(ctx, 'driveId', i, MY_DRIVE)),
        removeParents: ((parents as string[] | undefined) ?? []).join(',') } }));
    }
    case 'share': return json(await share(client, url, i));
    case 'update': {
      let mimeType: string | undefined;
      if (param(ctx, 'changeFileContent', i, false)) {
        const { buffer, binary } = binaryBuffer(ctx.node.name, item, String(param(ctx, 'inputDataFieldName', i, 'data')), i);
        mimeType = binary.mimeType;
        await replaceContent(client, fileId, buffer, mimeType || 'application/octet-stream');
      }
      const query = commonParams({ supportsAllDrives: true }, options);
      if (Array.isArray(options.fields) && options.fields.length) query.fields = queryFields(options.fields);
      const body = fileProperties({}, options);
      if (options.trashed) body.trashed = true;
      const newName = String(param(ctx, 'newUpdatedFileName', i, ''));
      if (newName) body.name = newName;
      if (mimeType) body.mimeType = mimeType;
      return json(await googleJson(client, { method: 'PATCH', url, query, json: body }));
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
  }
}

/** permissions.create with the chosen permission; the options become query parameters, as in n8n. */
async function share(client: GoogleClient, fileUrl: string, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const permission = (collection(ctx, 'permissionsUi', i).permissionsValues as JsonObject | undefined) ?? {};
  const options = collection(ctx, 'options', i);
  return googleJson(client, { method: 'POST', url: `${fileUrl}/permissions`, query: { supportsAllDrives: true, ...(options as Query) }, json: permission });
}

interface SearchFilter { driveId?: unknown; folderId?: unknown; whatToSearch?: string; fileTypes?: string[]; includeTrashed?: boolean }

async function search(client: GoogleClient, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const queryString = String(param(ctx, 'queryString', i, ''));
  const query = [param(ctx, 'searchMethod', i, 'name') === 'name' ? `name contains '${queryString.replace(/'/g, "\\'")}'` : queryString];
  const filter = collection(ctx, 'filter', i) as SearchFilter;
  let driveId = '';
  const types: string[] = [];
  if (Object.keys(filter).length) {
    const folder = filter.folderId === undefined ? ROOT_FOLDER : locatorId(filter.folderId);
    if (folder && folder !== ROOT_FOLDER) query.push(`'${folder}' in parents`);
    const drive = filter.driveId === undefined ? MY_DRIVE : locatorId(filter.driveId);
    if (drive && drive !== MY_DRIVE) driveId = drive;
    const what = filter.whatToSearch || 'all';
    if (what === 'folders') query.push(`mimeType = '${FOLDER_MIME}'`);
    else {
      if (what === 'files') query.push(`mimeType != '${FOLDER_MIME}'`);
      if (filter.fileTypes?.length && !filter.fileTypes.includes('*')) types.push(...filter.fileTypes.map((type) => `mimeType = '${type}'`));
    }
    if (!filter.includeTrashed) query.push('trashed = false');
  }
  if (types.length) query.push(`(${types.join(' or ')})`);
  const qs: Query = { fields: `nextPageToken, files(${queryFields(collection(ctx, 'options', i).fields)})`, q: query.filter(Boolean).join(' and '), ...ALL_DRIVES };
  if (driveId) Object.assign(qs, { driveId, corpora: 'drive' });
  if (param(ctx, 'returnAll', i, false)) return googleAll(client, { method: 'GET', url: files(), query: qs }, 'files');
  const page = await googleJson(client, { method: 'GET', url: files(), query: { ...qs, pageSize: Number(param(ctx, 'limit', i, 50)) } });
  return (page.files as JsonObject[] | undefined) ?? [];
}

async function folderOperation(client: GoogleClient, operation: string, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  if (operation === 'create') {
    const body: JsonObject = { name: String(param(ctx, 'name', i, '')) || 'Untitled', mimeType: FOLDER_MIME,
      parents: [parentFolder(id(ctx, 'folderId', i, ROOT_FOLDER), id(ctx, 'driveId', i, MY_DRIVE))] };
    if (options.folderColorRgb) body.folderColorRgb = options.folderColorRgb;
    return googleJson(client, { method: 'POST', url: files(), json: body, query: { ...(options.simplifyOutput === false ? { fields: '*' } : {}), ...ALL_DRIVES } });
  }
  const folderId = id(ctx, 'folderNoRootId', i, '');
  const url = `${files()}/${encodeURIComponent(folderId)}`;
  if (operation === 'deleteFolder') {
    if (options.deletePermanently === true) await googleJson(client, { method: 'DELETE', url, query: { supportsAllDrives: true } });
    else await googleJson(client, { method: 'PATCH', url, query: { supportsAllDrives: true }, json: { trashed: true } });
    return { fileId: folderId, success: true };
  }
  if (operation === 'share') return share(client, url, i);
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
}

/** One input item's results. */
export async function runDriveV3(client: GoogleClient, resource: string, operation: string, item: Item, i: number): Promise<Item[]> {
  const wrap = (list: JsonObject[]) => list.map((json) => ({ json, pairedItem: { item: i } }));
  if (resource === 'drive') return wrap(await driveOperation(client, operation, i));
  if (resource === 'file') return [await fileOperation(client, operation, item, i)];
  if (resource === 'fileFolder') return wrap(await search(client, i));
  if (resource === 'folder') return wrap([await folderOperation(client, operation, i)]);
  throw new NodeOperationError(client.ctx.node.name, `The resource "${resource}" is not supported`);
}
