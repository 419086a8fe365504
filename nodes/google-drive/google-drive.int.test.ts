// The Google Drive node against a local stand-in of Google's token endpoint, Drive API v3 and Docs
// API v1 (drive-stand-in.ts): the requests each operation sends and the items it outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { googleDriveNode } from './google-drive.node.ts';
import { testGoogleOAuth2Credential } from './google-oauth-credential-test.ts';
import { OAUTH_TOKEN, SERVICE_ACCOUNT, SERVICE_TOKEN, startDriveStandIn, type DriveStandIn } from './drive-stand-in.ts';

let google: DriveStandIn;
const ENV = ['WEFT_GOOGLE_DRIVE_API_URL', 'WEFT_GOOGLE_DOCS_API_URL', 'WEFT_GOOGLE_OAUTH2_API_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const credentials = { googleDriveOAuth2Api: { oauthTokenData: { access_token: OAUTH_TOKEN } }, googleApi: SERVICE_ACCOUNT };

beforeAll(async () => {
  google = await startDriveStandIn();
  for (const name of ENV) process.env[name] = google.url;
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await google.close();
});
beforeEach(() => {
  google.reset();
  clearGoogleTokenCache();
  google.addFile({ id: 'F1', name: 'report.txt', mimeType: 'text/plain', parents: ['FOLDER1'], content: Buffer.from('hello drive') });
  google.addFile({ id: 'FOLDER1', name: 'Reports', mimeType: 'application/vnd.google-apps.folder', parents: ['root'] });
  google.addFile({ id: 'DOC1', name: 'Plan', mimeType: 'application/vnd.google-apps.document', parents: ['root'] });
});

const rl = (value: string, mode = 'id', cachedResultName?: string) => ({ __rl: true, mode, value, ...(cachedResultName ? { cachedResultName } : {}) });
const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Drive', type: 'n8n-nodes-base.googleDrive', typeVersion, parameters, continueOnFail,
  credentials: { googleDriveOAuth2Api: { id: '1', name: 'Drive' }, googleApi: { id: '2', name: 'SA' } },
});
const run = async (typeVersion: number, parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
  outputOf(await runChain([node(typeVersion, parameters, continueOnFail)], { items, credentials }), 'Drive');
const calls = (method: string, path: string) => google.seen.filter((r) => r.method === method && r.path === path);

describe('Google Drive v3 files', () => {
  it('uploads a binary in one multipart request into the chosen folder, with the OAuth token', async () => {
    const file = { json: { n: 1 }, binary: { data: { data: Buffer.from('a,b\n1,2').toString('base64'), mimeType: 'text/csv', fileName: 'numbers.csv' } } };
    const out = await run(3, { resource: 'file', operation: 'upload', name: '', driveId: rl('My Drive', 'list'), folderId: rl('FOLDER1'),
      options: { propertiesUi: { propertyValues: [{ key: 'source', value: 'weft' }] } } }, [file]);
    expect(out).toEqual([{ json: { kind: 'drive#file', id: 'FILE1', name: 'numbers.csv', mimeType: 'text/csv' }, pairedItem: { item: 0 } }]);
    const [upload] = calls('POST', '/upload/drive/v3/files');
    expect(upload.query).toMatchObject({ uploadType: 'multipart', supportsAllDrives: 'true' });
    expect(upload.authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
    expect(upload.contentType).toMatch(/^multipart\/related; boundary=/);
    const stored = google.files.get('FILE1')!;
    expect(stored.content!.toString()).toBe('a,b\n1,2');
    expect(stored).toMatchObject({ parents: ['FOLDER1'], properties: { source: 'weft' }, originalFilename: 'numbers.csv' });
  });

  it('uploads a large file through a resumable session in 256 KiB-multiple chunks', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024 + 5, 7);
    const file = { json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'application/octet-stream', fileName: 'big.bin' } } };
    const out = await run(3, { resource: 'file', operation: 'upload', name: 'copy.bin', options: { simplifyOutput: false } }, [file]);
    expect(out[0].json).toMatchObject({ name: 'copy.bin' });
    const [start] = calls('POST', '/upload/drive/v3/files');
    expect(start.query).toMatchObject({ uploadType: 'resumable', fields: '*' });
    expect(start.body).toMatchObject({ name: 'copy.bin', parents: ['root'] });
    const chunks = google.seen.filter((r) => r.method === 'PUT');
    expect(chunks.map((c) => c.headers['content-range'])).toEqual(['bytes 0-2097151/6291461', 'bytes 2097152-4194303/6291461', 'bytes 4194304-6291455/6291461', 'bytes 6291456-6291460/6291461']);
    expect(google.files.get(String(out[0].json.id))!.content!.equals(big)).toBe(true);
  });

  it('resends a resumable chunk refused with a 401 after renewing the OAuth2 token (the shared retry loop)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 3, 9);
    const file = { json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'application/octet-stream', fileName: 'big.bin' } } };
    google.refuseNextChunk();
    const out = await run(3, { resource: 'file', operation: 'upload', name: 'again.bin', options: { simplifyOutput: false } }, [file]);
    const chunks = google.seen.filter((r) => r.method === 'PUT').map((c) => c.headers['content-range']);
    expect(chunks).toEqual(['bytes 0-2097151/5242883', 'bytes 0-2097151/5242883', 'bytes 2097152-4194303/5242883', 'bytes 4194304-5242882/5242883']);
    expect(google.files.get(String(out[0].json.id))!.content!.equals(big)).toBe(true);
  });

  it('downloads a file as binary next to the input json, and exports Google Docs to the chosen format', async () => {
    const [plain] = await run(3, { resource: 'file', operation: 'download', fileId: rl('https://drive.google.com/file/d/F1/view', 'url') }, [{ json: { keep: true } }]);
    expect(plain.json).toEqual({ keep: true });
    expect(plain.binary!.data).toMatchObject({ mimeType: 'text/plain', fileName: 'report.txt', fileExtension: 'txt' });
    expect(Buffer.from(plain.binary!.data.data, 'base64').toString()).toBe('hello drive');
    expect(calls('GET', '/drive/v3/files/F1').map((r) => r.query)).toEqual([{ fields: 'mimeType,name', supportsTeamDrives: 'true' }, { alt: 'media' }]);
    const [doc] = await run(3, { resource: 'file', operation: 'download', fileId: rl('DOC1'),
      options: { binaryPropertyName: 'pdf', googleFileConversion: { conversion: { docsToFormat: 'application/pdf' } } } });
    expect(doc.binary!.pdf.mimeType).toBe('application/pdf');
    expect(calls('GET', '/drive/v3/files/DOC1/export')[0].query).toEqual({ mimeType: 'application/pdf' });
  });

  it('creates a file from text, or a Google Doc whose body gets the text through the Docs API', async () => {
    const [txt] = await run(3, { resource: 'file', operation: 'createFromText', content: 'note', name: 'n.txt', folderId: rl('FOLDER1') });
    expect(txt.json).toEqual({ id: 'FILE1' });
    expect(google.files.get('FILE1')).toMatchObject({ mimeType: 'text/plain', parents: ['FOLDER1'] });
    const [doc] = await run(3, { resource: 'file', operation: 'createFromText', content: 'Dear team', name: 'Letter', options: { convertToGoogleDocument: true } });
    expect(calls('POST', '/drive/v3/files')[0].body).toEqual({ name: 'Letter', parents: ['root'], mimeType: 'application/vnd.google-apps.document' });
    const [update] = calls('POST', `/v1/documents/${String(doc.json.id)}:batchUpdate`);
    expect(update.body).toEqual({ requests: [{ insertText: { text: 'Dear team', endOfSegmentLocation: { segmentId: '' } } }] });
  });

  it('copies, moves, renames, shares and deletes files as n8n does', async () => {
    const [copy] = await run(3, { resource: 'file', operation: 'copy', fileId: rl('F1', 'list', 'report.txt') });
    expect(copy.json).toMatchObject({ name: 'Copy of report.txt', mimeType: 'text/plain' });
    expect(calls('POST', '/drive/v3/files/F1/copy')[0]).toMatchObject({ query: { supportsAllDrives: 'true' }, body: { copyRequiresWriterPermission: false, parents: [], name: 'Copy of report.txt' } });

    await run(3, { resource: 'file', operation: 'move', fileId: rl('F1'), driveId: rl('My Drive', 'list'), folderId: rl('root', 'list') });
    expect(calls('PATCH', '/drive/v3/files/F1')[0].query).toMatchObject({ addParents: 'root', removeParents: 'FOLDER1', supportsAllDrives: 'true', corpora: 'allDrives' });
    expect(google.files.get('F1')!.parents).toEqual(['root']);

    const [renamed] = await run(3, { resource: 'file', operation: 'update', fileId: rl('F1'), newUpdatedFileName: 'final.txt', options: { fields: ['id', 'name', 'trashed'] } });
    expect(renamed.json).toEqual({ id: 'F1', name: 'final.txt' });
    expect(calls('PATCH', '/drive/v3/files/F1').at(-1)!.query).toMatchObject({ fields: 'id, name, trashed' });

    const [shared] = await run(3, { resource: 'file', operation: 'share', fileId: rl('F1'),
      permissionsUi: { permissionsValues: { role: 'writer', type: 'user', emailAddress: 'ann@example.com' } }, options: { sendNotificationEmail: true } });
    expect(shared.json).toMatchObject({ kind: 'drive#permission', role: 'writer', type: 'user' });
    expect(calls('POST', '/drive/v3/files/F1/permissions')[0]).toMatchObject({ query: { supportsAllDrives: 'true', sendNotificationEmail: 'true' },
      body: { role: 'writer', type: 'user', emailAddress: 'ann@example.com' } });

    const [trashed] = await run(3, { resource: 'file', operation: 'deleteFile', fileId: rl('F1') });
    expect(trashed.json).toEqual({ id: 'F1', success: true });
    expect(google.files.get('F1')!.trashed).toBe(true);
    await run(3, { resource: 'file', operation: 'deleteFile', fileId: rl('F1'), options: { deletePermanently: true } });
    expect(google.files.has('F1')).toBe(false);
  });

  it('replaces a file’s content and type when changeFileContent is on', async () => {
    const file = { json: {}, binary: { data: { data: Buffer.from('{"a":1}').toString('base64'), mimeType: 'application/json', fileName: 'a.json' } } };
    await run(3, { resource: 'file', operation: 'update', fileId: rl('F1'), changeFileContent: true }, [file]);
    expect(calls('PATCH', '/upload/drive/v3/files/F1')[0].query).toMatchObject({ uploadType: 'media' });
    expect(calls('PATCH', '/drive/v3/files/F1')[0].body).toEqual({ mimeType: 'application/json' });
    expect(google.files.get('F1')!.content!.toString()).toBe('{"a":1}');
  });
});

describe('Google Drive v3 search, folders and shared drives', () => {
  it('searches by name within a folder, following page tokens when returnAll', async () => {
    for (let i = 0; i < 5; i++) google.addFile({ id: `R${i}`, name: `report ${i}`, parents: ['FOLDER1'] });
    const out = await run(3, { resource: 'fileFolder', operation: 'search', queryString: 'report', returnAll: true,
      filter: { folderId: rl('FOLDER1'), whatToSearch: 'files' }, options: { fields: ['id', 'name'] } });
    expect(out.map((i) => i.json.id)).toEqual(['F1', 'R0', 'R1', 'R2', 'R3', 'R4']);
    const [first] = calls('GET', '/drive/v3/files');
    expect(first.query).toMatchObject({ q: "name contains 'report' and 'FOLDER1' in parents and mimeType != 'application/vnd.google-apps.folder' and trashed = false",
      fields: 'nextPageToken, files(id, name)', corpora: 'allDrives', includeItemsFromAllDrives: 'true' });
    const limited = await run(3, { resource: 'fileFolder', operation: 'search', searchMethod: 'query', queryString: "name contains 'report'", limit: 2 });
    expect(limited).toHaveLength(2);
    expect(calls('GET', '/drive/v3/files').at(-1)!.query.pageSize).toBe('2');
  });

  it('creates a folder under a parent and deletes one to the trash or for good', async () => {
    const [folder] = await run(3, { resource: 'folder', operation: 'create', name: 'Invoices', folderId: rl('FOLDER1'), options: { folderColorRgb: '#ff0000' } });
    expect(folder.json).toMatchObject({ name: 'Invoices', mimeType: 'application/vnd.google-apps.folder' });
    expect(calls('POST', '/drive/v3/files')[0].body).toEqual({ name: 'Invoices', mimeType: 'application/vnd.google-apps.folder', parents: ['FOLDER1'], folderColorRgb: '#ff0000' });
    const [gone] = await run(3, { resource: 'folder', operation: 'deleteFolder', folderNoRootId: rl('FOLDER1'), options: { deletePermanently: true } });
    expect(gone.json).toEqual({ fileId: 'FOLDER1', success: true });
    expect(calls('DELETE', '/drive/v3/files/FOLDER1')).toHaveLength(1);
  });

  it('creates, lists, gets, updates and deletes shared drives', async () => {
    const [created] = await run(3, { resource: 'drive', operation: 'create', name: 'Team', options: { hidden: true } });
    expect(created.json).toMatchObject({ kind: 'drive#drive', name: 'Team', hidden: true });
    expect(calls('POST', '/drive/v3/drives')[0].query.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const id = String(created.json.id);
    await run(3, { resource: 'drive', operation: 'create', name: 'Other' });
    expect((await run(3, { resource: 'drive', operation: 'list', limit: 1 })).map((i) => i.json.name)).toEqual(['Team']);
    expect((await run(3, { resource: 'drive', operation: 'list', returnAll: true })).map((i) => i.json.name)).toEqual(['Team', 'Other']);
    expect((await run(3, { resource: 'drive', operation: 'get', driveId: rl(id) }))[0].json.name).toBe('Team');
    expect((await run(3, { resource: 'drive', operation: 'update', driveId: rl(id), options: { name: 'Team 2' } }))[0].json.name).toBe('Team 2');
    expect((await run(3, { resource: 'drive', operation: 'deleteDrive', driveId: rl(id) }))[0].json).toEqual({ success: true });
    expect(google.drives.has(id)).toBe(false);
  });
});

describe('Google Drive errors, service account and editor lists', () => {
  it('repeats Google’s message for a missing file, continues on fail, and waits out a 429', async () => {
    const [failed] = await run(3, { resource: 'file', operation: 'download', fileId: rl('NOPE') }, [{ json: {} }], true);
    expect(failed.json).toEqual({ error: 'The resource you are requesting could not be found' });
    await expect(runChain([node(3, { resource: 'file', operation: 'download', fileId: rl('NOPE') })], { items: [{ json: {} }], credentials }))
      .resolves.toMatchObject({ data: { resultData: { error: { message: 'The resource you are requesting could not be found', description: 'File not found: NOPE.' } } } });
    google.rateLimitOnce();
    expect(await run(3, { resource: 'drive', operation: 'list' })).toEqual([]);
    expect(calls('GET', '/drive/v3/drives')).toHaveLength(2);
  });

  it('tests an OAuth2 credential with about.get, repeating Google’s refusal', async () => {
    expect(await testGoogleOAuth2Credential(credentials.googleDriveOAuth2Api, 5000)).toBe('Connection tested successfully (ann@example.com)');
    expect(calls('GET', '/drive/v3/about')[0]).toMatchObject({ query: { fields: 'user' }, authorization: `Bearer ${OAUTH_TOKEN}` });
    await expect(testGoogleOAuth2Credential({ oauthTokenData: { access_token: 'expired' } }, 5000)).rejects.toThrow(/^Google answered 401: Request had invalid authentication credentials/);
    await expect(testGoogleOAuth2Credential({}, 5000)).rejects.toThrow('The credential has no access token');
  });

  it('signs in with a service account for the Drive scopes', async () => {
    await run(3, { authentication: 'serviceAccount', resource: 'drive', operation: 'list' });
    expect(calls('GET', '/drive/v3/drives')[0].authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
    expect(google.assertions[0].scope).toBe('https://www.googleapis.com/auth/drive https://www.googleapis.com/auth/drive.appdata https://www.googleapis.com/auth/drive.photos.readonly');
  });

  it('lists files, folders (root first) and drives (My Drive first) for the resource locators', async () => {
    google.drives.set('0AD1', { id: '0AD1', name: 'Team' });
    const deps = { getCredentials: async () => credentials.googleDriveOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (method: string) => methodContext({ nodeType: googleDriveNode, kind: 'listSearch', method, currentNodeParameters: { resource: 'file', operation: 'upload' },
      credentials: { googleDriveOAuth2Api: { id: '1', name: 'x' } } }, deps);
    const methods = googleDriveNode.methods!.listSearch!;
    expect((await methods.fileSearch(ctx('fileSearch'), 'rep')).results).toEqual([{ name: 'report.txt', value: 'F1' }]);
    expect(calls('GET', '/drive/v3/files')[0].query).toMatchObject({ q: "trashed = false and name contains 'rep' and mimeType != 'application/vnd.google-apps.folder'", orderBy: 'name_natural' });
    expect((await methods.folderSearch(ctx('folderSearch'))).results.map((r) => r.value)).toEqual(['root', 'FOLDER1']);
    expect((await methods.driveSearchWithDefault(ctx('driveSearchWithDefault'))).results.map((r) => r.value)).toEqual(['My Drive', '0AD1']);
  });
});

describe('Google Drive v1 and v2', () => {
  it('uploads text as media, then names and places it; lists with name filters; deletes for good', async () => {
    const [uploaded] = await run(2, { resource: 'file', operation: 'upload', fileContent: 'plain words', name: 'words.txt', parents: ['FOLDER1'] });
    expect(uploaded.json).toMatchObject({ id: 'FILE1', name: 'words.txt' });
    expect(calls('POST', '/upload/drive/v3/files')[0]).toMatchObject({ query: { uploadType: 'media', fields: 'id, name' }, contentType: 'text/plain', body: 'plain words' });
    expect(calls('PATCH', '/drive/v3/files/FILE1')[0]).toMatchObject({ query: { addParents: 'FOLDER1', supportsAllDrives: 'true' }, body: { mimeType: 'text/plain', name: 'words.txt' } });

    const listed = await run(1, { authentication: 'oAuth2', resource: 'file', operation: 'list', queryFilters: { name: [{ operation: 'contains', value: 'words' }] } });
    expect(listed.map((i) => i.json)).toEqual([{ id: 'FILE1', name: 'words.txt' }]);
    expect(calls('GET', '/drive/v3/files')[0].query).toMatchObject({ q: "name contains 'words'", pageSize: '50', orderBy: 'modifiedTime' });

    const [deleted] = await run(2, { resource: 'file', operation: 'delete', fileId: rl('FILE1') });
    expect(deleted.json).toEqual({ fileId: 'FILE1', success: true });
    expect(calls('DELETE', '/drive/v3/files/FILE1')[0].query).toEqual({ supportsTeamDrives: 'true' });
  });
});
