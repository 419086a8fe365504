// The Drive node's editor lists (n8n's listSearch): files, folders (with My Drive's root first) and
// shared drives (with "My Drive" first where the node takes it), one Drive page at a time.
import type { ExecuteContext, JsonObject, ListSearchPage, NodeMethods } from '../../engine/index.ts';
import { FOLDER_MIME, MY_DRIVE, ROOT_FOLDER, locatorId } from './drive-locators.ts';
import { driveBaseUrl, googleJson, withGoogleClient, type Query } from './google-api.ts';
import { GOOGLE_DRIVE_SCOPES } from './google-drive.credentials.ts';

/** The credential the node's authentication picks; `fallback` is the version's default. */
export function driveCredentialType(ctx: ExecuteContext, fallback: string): string {
  let authentication = fallback;
  try {
    authentication = String(ctx.getNodeParameter('authentication', 0, fallback) ?? fallback);
  } catch { /* not set: the default */ }
  return authentication === 'serviceAccount' ? 'googleApi' : 'googleDriveOAuth2Api';
}

const defaultAuthentication = (ctx: ExecuteContext) => (ctx.node.typeVersion < 2 ? 'serviceAccount' : 'oAuth2');
const quoted = (text: string) => text.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

async function listFiles(ctx: ExecuteContext, query: Query): Promise<JsonObject> {
  return withGoogleClient(ctx, driveCredentialType(ctx, defaultAuthentication(ctx)), GOOGLE_DRIVE_SCOPES,
    (client) => googleJson(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/files`, query }));
}

async function drivesPage(ctx: ExecuteContext, filter?: string, pageToken?: string): Promise<ListSearchPage> {
  const page = await withGoogleClient(ctx, driveCredentialType(ctx, defaultAuthentication(ctx)), GOOGLE_DRIVE_SCOPES,
    (client) => googleJson(client, { method: 'GET', url: `${driveBaseUrl()}/drive/v3/drives`, query: { q: filter ? `name contains '${quoted(filter)}'` : undefined, pageToken } }));
  return {
    results: ((page.drives as JsonObject[] | undefined) ?? []).map((drive) => ({ name: String(drive.name), value: String(drive.id), url: `https://drive.google.com/drive/folders/${String(drive.id)}` })),
    ...(typeof page.nextPageToken === 'string' ? { paginationToken: page.nextPageToken } : {}),
  };
}

function searchDriveFilter(ctx: ExecuteContext): string | undefined {
  try {
    const filter = ctx.getNodeParameter('filter', 0, {}) as JsonObject;
    return filter.driveId === undefined ? undefined : locatorId(filter.driveId);
  } catch {
    return undefined;
  }
}

export const driveListSearch: NonNullable<NodeMethods['listSearch']> = {
  async fileSearch(ctx, filter, paginationToken) {
    const q = ['trashed = false', ...(filter ? [`name contains '${quoted(filter)}'`] : []), `mimeType != '${FOLDER_MIME}'`];
    const page = await listFiles(ctx, { q: q.join(' and '), pageToken: paginationToken, fields: 'nextPageToken,files(id,name,mimeType,webViewLink)',
      orderBy: 'name_natural', includeItemsFromAllDrives: true, supportsAllDrives: true });
    return {
      results: ((page.files as JsonObject[] | undefined) ?? []).map((file) => ({ name: String(file.name), value: String(file.id), ...(file.webViewLink ? { url: String(file.webViewLink) } : {}) })),
      ...(typeof page.nextPageToken === 'string' ? { paginationToken: page.nextPageToken } : {}),
    };
  },
  async folderSearch(ctx, filter, paginationToken) {
    const q = [...(filter ? [`name contains '${quoted(filter)}'`] : []), `mimeType = '${FOLDER_MIME}'`];
    const query: Query = { q: q.join(' and '), pageToken: paginationToken, fields: 'nextPageToken,files(id,name,mimeType,webViewLink,parents,driveId)',
      orderBy: 'name_natural', includeItemsFromAllDrives: true, supportsAllDrives: true };
    const drive = searchDriveFilter(ctx);
    if (drive === MY_DRIVE) Object.assign(query, { includeItemsFromAllDrives: false, supportsAllDrives: false });
    else if (drive) Object.assign(query, { driveId: drive, corpora: 'drive' });
    const page = await listFiles(ctx, query);
    return {
      results: [{ name: ROOT_FOLDER, value: ROOT_FOLDER, url: 'https://drive.google.com/drive' },
        ...((page.files as JsonObject[] | undefined) ?? []).map((file) => ({ name: String(file.name), value: String(file.id), ...(file.webViewLink ? { url: String(file.webViewLink) } : {}) }))],
      ...(typeof page.nextPageToken === 'string' ? { paginationToken: page.nextPageToken } : {}),
    };
  },
  driveSearch: (ctx, filter, paginationToken) => drivesPage(ctx, filter, paginationToken),
  async driveSearchWithDefault(ctx, filter, paginationToken) {
    const page = await drivesPage(ctx, filter, paginationToken);
    return { ...page, results: [{ name: MY_DRIVE, value: MY_DRIVE, url: 'https://drive.google.com/drive/my-drive' }, ...page.results] };
  },
};
