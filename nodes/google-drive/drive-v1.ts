// Google Drive V1 (typeVersions 1 and 2) operations with n8n's older request shapes: a text or
// binary upload sent as media and then named and placed by a metadata PATCH, a list built from
// name/MIME filters, and delete as a permanent deletion.
import { randomUUID } from 'node:crypto';
import { NodeOperationError, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import { locatorId } from './drive-locators.ts';
import { downloadFile, type ExportFormats } from './drive-transfer.ts';
import { queryFields } from './drive-v3.ts';
import { driveBaseUrl, googleAll, googleJson, type GoogleClient, type Query } from './google-api.ts';

const files = () => `${driveBaseUrl()}/drive/v3/files`;
const drives = () => `${driveBaseUrl()}/drive/v3/drives`;

function listQuery(client: GoogleClient, i: number): string {
  const { ctx } = client;
  if (param(ctx, 'useQueryString', i, false)) return String(param(ctx, 'queryString', i, ''));
  const filters = collection(ctx, 'queryFilters', i);
  const names = ((filters.name as JsonObject[] | undefined) ?? []).map((filter) => {
    const op = filter.operation === 'is' ? '=' : filter.operation === 'isNot' ? '!=' : String(filter.operation ?? 'contains');
    return `name ${op} '${String(filter.value ?? '')}'`;
  });
  const types = ((filters.mimeType as JsonObject[] | undefined) ?? [])
    .map((filter) => `mimeType = '${String(filter.mimeType === 'custom' ? filter.customMimeType : filter.mimeType)}'`);
  return [names.join(' or '), types.join(' or ')].filter(Boolean).join(' and ');
}

async function upload(client: GoogleClient, item: Item, i: number, fields: string): Promise<JsonObject> {
  const { ctx } = client;
  let content: Buffer;
  let mimeType = 'text/plain';
  let originalFilename: string | undefined;
  if (param(ctx, 'binaryData', i, false)) {
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, String(param(ctx, 'binaryPropertyName', i, 'data')), i);
    content = buffer;
    if (binary.mimeType) mimeType = binary.mimeType;
    originalFilename = binary.fileName;
  } else {
    content = Buffer.from(String(param(ctx, 'fileContent', i, '')), 'utf8');
  }
  const created = await googleJson(client, { method: 'POST', url: `${driveBaseUrl()}/upload/drive/v3/files`, query: { fields, uploadType: 'media' }, raw: { data: content, contentType: mimeType } });
  const body: JsonObject = { mimeType, name: param(ctx, 'name', i, ''), ...(originalFilename ? { originalFilename } : {}) };
  const parents = param<unknown>(ctx, 'parents', i, []);
  let answer = await googleJson(client, { method: 'PATCH', url: `${files()}/${encodeURIComponent(String(created.id))}`, json: body,
    query: { addParents: Array.isArray(parents) ? parents.join(',') : String(parents), supportsAllDrives: true } });
  if (param(ctx, 'resolveData', 0, false)) answer = await googleJson(client, { method: 'GET', url: `${files()}/${encodeURIComponent(String(answer.id))}`, query: { fields: '*' } });
  return answer;
}

async function driveOperation(client: GoogleClient, operation: string, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  if (operation === 'create') return [await googleJson(client, { method: 'POST', url: drives(), query: { requestId: randomUUID() }, json: { name: param(ctx, 'name', i, ''), ...options } })];
  if (operation === 'list') {
    if (param(ctx, 'returnAll', i, false)) return googleAll(client, { method: 'GET', url: drives(), query: options as Query }, 'drives');
    const page = await googleJson(client, { method: 'GET', url: drives(), query: { ...(options as Query), pageSize: Number(param(ctx, 'limit', i, 100)) } });
    return (page.drives as JsonObject[] | undefined) ?? [];
  }
  const url = `${drives()}/${encodeURIComponent(locatorId(param<unknown>(ctx, 'driveId', i, '')))}`;
  if (operation === 'delete') {
    await googleJson(client, { method: 'DELETE', url });
    return [{ success: true }];
  }
  if (operation === 'get') return [await googleJson(client, { method: 'GET', url, query: options as Query })];
  if (operation === 'update') return [await googleJson(client, { method: 'PATCH', url, json: options })];
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`);
}

/** One item's results; `stop` asks to end after it (V1's list answers for the first item only). */
export async function runDriveV1(client: GoogleClient, resource: string, operation: string, item: Item, i: number): Promise<{ items: Item[]; stop?: boolean }> {
  const { ctx } = client;
  const wrap = (list: JsonObject[]) => list.map((json) => ({ json, pairedItem: { item: i } }));
  if (resource === 'drive') return { items: wrap(await driveOperation(client, operation, i)) };
  const options = collection(ctx, 'options', i);
  const fields = queryFields(options.fields);
  const fileId = locatorId(param<unknown>(ctx, 'fileId', i, ''));
  const url = `${files()}/${encodeURIComponent(fileId)}`;
  if (operation === 'delete') {
    await googleJson(client, { method: 'DELETE', url, query: { supportsTeamDrives: true } });
    return { items: wrap([{ fileId, success: true }]) };
  }
  if (operation === 'share') {
    const permission = (collection(ctx, 'permissionsUi', i).permissionsValues as JsonObject | undefined) ?? {};
    return { items: wrap([await googleJson(client, { method: 'POST', url: `${url}/permissions`, query: { supportsTeamDrives: true, ...(options as Query) }, json: permission })]) };
  }
  if (resource === 'folder' && operation === 'create') {
    const body = { name: param(ctx, 'name', i, ''), mimeType: 'application/vnd.google-apps.folder', parents: options.parents ?? [] };
    return { items: wrap([await googleJson(client, { method: 'POST', url: files(), json: body, query: { fields, supportsAllDrives: true } })]) };
  }
  switch (operation) {
    case 'copy': {
      const body: JsonObject = { fields };
      for (const key of ['name', 'parents']) if (options[key] !== undefined) body[key] = options[key];
      return { items: wrap([await googleJson(client, { method: 'POST', url: `${url}/copy`, query: { supportsAllDrives: true }, json: body })]) };
    }
    case 'download': {
      const formats = ((options.googleFileConversion as JsonObject | undefined)?.conversion as ExportFormats | undefined) ?? {};
      const binary = await downloadFile(client, fileId, formats, typeof options.fileName === 'string' && options.fileName ? options.fileName : undefined, true);
      return { items: [{ json: item.json, binary: { ...item.binary, [String(param(ctx, 'binaryPropertyName', i, 'data'))]: binary }, pairedItem: { item: i } }] };
    }
    case 'list': {
      const spaces = Array.isArray(options.spaces) ? (options.spaces.includes('*') ? 'appDataFolder, drive, photos' : options.spaces.join(', ')) : '';
      const page = await googleJson(client, { method: 'GET', url: files(), query: { pageSize: Number(param(ctx, 'limit', i, 50)), orderBy: 'modifiedTime',
        fields: `nextPageToken, files(${fields})`, spaces, q: listQuery(client, i), includeItemsFromAllDrives: true, supportsAllDrives: true } });
      return { items: wrap((page.files as JsonObject[] | undefined) ?? []), stop: ctx.node.typeVersion === 1 };
    }
    case 'upload': return { items: wrap([await upload(client, item, i, fields)]) };
    case 'update': {
      const updateFields = collection(ctx, 'updateFields', i);
      const query: Query = { supportsAllDrives: true, ...(options as Query), fields };
      const body: JsonObject = {};
      if (updateFields.fileName) body.name = updateFields.fileName;
      if ('trashed' in updateFields) body.trashed = updateFields.trashed;
      if (updateFields.parentId) query.addParents = String(updateFields.parentId);
      return { items: wrap([await googleJson(client, { method: 'PATCH', url, query, json: body })]) };
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`);
  }
}
