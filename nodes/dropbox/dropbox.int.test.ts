// The Dropbox node against a local stand-in of Dropbox's API v2 (dropbox-stand-in.ts, written from
// Dropbox's HTTP documentation): endpoints, arguments, headers and token, and what the node outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testDropboxCredential } from './dropbox-credential-test.ts';
import { GOOD_TOKEN, ROOT_NAMESPACE, startDropboxStandIn, type DropboxStandIn } from './dropbox-stand-in.ts';

let dropbox: DropboxStandIn;
const saved = { api: process.env.WEFT_DROPBOX_API_API_URL, content: process.env.WEFT_DROPBOX_CONTENT_API_URL };
const full = { dropboxApi: { accessToken: GOOD_TOKEN, accessType: 'full' } };
const appFolder = { dropboxApi: { accessToken: GOOD_TOKEN, accessType: 'folder' } };

beforeAll(async () => {
  dropbox = await startDropboxStandIn();
  process.env.WEFT_DROPBOX_API_API_URL = dropbox.url;
  process.env.WEFT_DROPBOX_CONTENT_API_URL = dropbox.url;
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_DROPBOX_API_API_URL', saved.api], ['WEFT_DROPBOX_CONTENT_API_URL', saved.content]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await dropbox.close();
});
beforeEach(() => {
  dropbox.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Dropbox', type: 'n8n-nodes-base.dropbox', typeVersion: 1, parameters, continueOnFail,
  credentials: { dropboxApi: { id: '1', name: 'Dropbox account' } },
});
const calls = (path: string) => dropbox.seen.filter((r) => r.path === path);

describe('Dropbox files', () => {
  it('uploads text content to the content endpoint with the arguments in Dropbox-API-Arg and the root namespace of a full-access app', async () => {
    const result = await runChain([node({ resource: 'file', operation: 'upload', path: '={{ "/Docs/" + $json.name }}', fileContent: 'hello' })],
      { items: [{ json: { name: 'note.txt' } }], credentials: full });
    const [account] = calls('/2/users/get_current_account');
    expect(account.raw.length).toBe(0);
    const [upload] = calls('/2/files/upload');
    expect(upload.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
    expect(upload.contentType).toBe('application/octet-stream');
    expect(upload.apiArg).toEqual({ mode: 'overwrite', path: '/Docs/note.txt' });
    expect(JSON.parse(upload.pathRoot)).toEqual({ '.tag': 'root', root: ROOT_NAMESPACE });
    expect(upload.raw.toString()).toBe('hello');
    expect(outputOf(result, 'Dropbox')[0].json).toMatchObject({ '.tag': 'file', name: 'note.txt', path_display: '/Docs/note.txt', size: 5 });
  });

  it('uploads binary data; an app-folder credential sends no path root and asks for no account', async () => {
    await runChain([node({ resource: 'file', operation: 'upload', path: '/Photos/x.bin', binaryData: true, binaryPropertyName: 'file' })],
      { items: [{ json: {}, binary: { file: { data: Buffer.from([1, 2, 3]).toString('base64'), mimeType: 'application/octet-stream' } } }], credentials: appFolder });
    expect(calls('/2/users/get_current_account')).toHaveLength(0);
    const [upload] = calls('/2/files/upload');
    expect(upload.pathRoot).toBe('');
    expect([...upload.raw]).toEqual([1, 2, 3]);
  });

  it('downloads into the item’s binary data, keeping its json and other binaries', async () => {
    const result = await runChain([node({ resource: 'file', operation: 'download', path: '/Docs/report.pdf' })],
      { items: [{ json: { keep: 1 }, binary: { other: { data: 'AA==', mimeType: 'text/plain' } } }], credentials: appFolder });
    const [download] = calls('/2/files/download');
    expect(download.apiArg).toEqual({ path: '/Docs/report.pdf' });
    const [item] = outputOf(result, 'Dropbox');
    expect(item.json).toEqual({ keep: 1 });
    expect(item.binary?.other).toBeDefined();
    expect(item.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'report.pdf', fileExtension: 'pdf' });
    expect(Buffer.from(String(item.binary?.data.data), 'base64').toString()).toBe('%PDF-1.4 report');
  });

  it('copies, moves and deletes with the documented RPC arguments', async () => {
    await runChain([node({ resource: 'file', operation: 'copy', path: '/Photos/p1.jpg', toPath: '/Photos/copy.jpg' })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/copy_v2')[0]).toMatchObject({ contentType: 'application/json', body: { from_path: '/Photos/p1.jpg', to_path: '/Photos/copy.jpg' } });
    await runChain([node({ resource: 'folder', operation: 'move', path: '/Photos/copy.jpg', toPath: '/Docs/moved.jpg' })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/move_v2')[0].body).toEqual({ from_path: '/Photos/copy.jpg', to_path: '/Docs/moved.jpg' });
    const deleted = await runChain([node({ resource: 'file', operation: 'delete', path: '/Docs/moved.jpg' })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/delete_v2')[0].body).toEqual({ path: '/Docs/moved.jpg' });
    expect(outputOf(deleted, 'Dropbox')[0].json.metadata).toMatchObject({ path_display: '/Docs/moved.jpg' });
  });

  it('turns Dropbox’s 409 error_summary into the node error, or an error item with continue on fail', async () => {
    const failed = await runChain([node({ resource: 'file', operation: 'download', path: '/nope.txt' })], { items: [{ json: {} }], credentials: appFolder });
    expect(failed.data.resultData.error?.message).toBe('Your request is invalid or could not be processed by the service');
    expect((failed.data.resultData.error as { description?: string }).description).toBe('path/not_found/...');
    const kept = await runChain([node({ resource: 'folder', operation: 'create', path: '/Docs' }, true)], { items: [{ json: {} }], credentials: appFolder });
    expect(outputOf(kept, 'Dropbox')).toEqual([{ json: { error: 'Your request is invalid or could not be processed by the service' }, pairedItem: { item: 0 } }]);
    const badToken = await runChain([node({ resource: 'folder', operation: 'create', path: '/New' })],
      { items: [{ json: {} }], credentials: { dropboxApi: { accessToken: 'wrong', accessType: 'folder' } } });
    expect(badToken.data.resultData.error?.message).toBe('Authorization failed - please check your credentials');
  });
});

describe('Dropbox folders and search', () => {
  it('creates a folder', async () => {
    const result = await runChain([node({ resource: 'folder', operation: 'create', path: '/Archive' })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/create_folder_v2')[0].body).toEqual({ path: '/Archive' });
    expect(outputOf(result, 'Dropbox')[0].json).toEqual({ metadata: { '.tag': 'folder', name: 'Archive', path_lower: '/archive', path_display: '/Archive', id: expect.any(String) } });
  });

  it('lists with a limit in one call, renaming fields as n8n does; Return All follows the cursor', async () => {
    const some = await runChain([node({ resource: 'folder', operation: 'list', path: '/Photos', limit: 2, filters: { recursive: true } })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/list_folder')[0].body).toEqual({ path: '/Photos', limit: 2, recursive: true });
    expect(outputOf(some, 'Dropbox').map((i) => i.json)).toEqual([
      { id: expect.any(String), name: 'p1.jpg', lastModifiedClient: '2024-01-01T10:00:00Z', lastModifiedServer: '2024-01-01T10:00:01Z', rev: '015a1b2c3d',
        contentSize: 6, type: 'file', contentHash: 'abc123', pathLower: '/photos/p1.jpg', pathDisplay: '/Photos/p1.jpg', isDownloadable: true },
      expect.objectContaining({ name: 'p2.jpg' }),
    ]);
    dropbox.seen.length = 0;
    const pagedStandIn = await runChain([node({ resource: 'folder', operation: 'list', path: '/Photos', returnAll: true })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/list_folder')[0].body).toEqual({ path: '/Photos', limit: 1000 });
    expect(outputOf(pagedStandIn, 'Dropbox').length).toBeGreaterThanOrEqual(5);
  });

  it('searches file names with max_results and simplifies matches; raw matches with Return All', async () => {
    const result = await runChain([node({ resource: 'search', operation: 'query', query: 'jpg', limit: 2, filters: { file_extensions: 'jpg,png' } })],
      { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/search_v2')[0].body).toEqual({ query: 'jpg', options: { filename_only: true, file_extensions: ['jpg', 'png'], file_status: 'active', max_results: 2 } });
    const out = outputOf(result, 'Dropbox');
    expect(out).toHaveLength(2);
    expect(out[0].json).toMatchObject({ match_type: 'filename', '.tag': 'file', path_display: expect.stringMatching(/^\/Photos\/p/) });
    dropbox.seen.length = 0;
    const all = await runChain([node({ resource: 'search', operation: 'query', query: 'jpg', returnAll: true, simple: false })], { items: [{ json: {} }], credentials: appFolder });
    expect(calls('/2/files/search_v2')[0].body).toEqual({ query: 'jpg', options: { filename_only: true, file_status: 'active' } });
    const raw = outputOf(all, 'Dropbox').map((i) => i.json);
    expect(raw.length).toBeGreaterThanOrEqual(5);
    expect(raw[0]).toEqual({ match_type: { '.tag': 'filename' }, metadata: { '.tag': 'metadata', metadata: expect.objectContaining({ '.tag': 'file' }) } });
  });

  it('waits out a 429 with Retry-After', async () => {
    dropbox.rateLimitOnce('/2/files/create_folder_v2', 1);
    const started = Date.now();
    const result = await runChain([node({ resource: 'folder', operation: 'create', path: '/Later' })], { items: [{ json: {} }], credentials: appFolder });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(calls('/2/files/create_folder_v2')).toHaveLength(2);
    expect(outputOf(result, 'Dropbox')[0].json.metadata).toMatchObject({ name: 'Later' });
  });
});

describe('Dropbox credential test', () => {
  it('accepts the good token and names a bad one', async () => {
    await expect(testDropboxCredential({ accessToken: GOOD_TOKEN }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testDropboxCredential({ accessToken: 'bad' }, 5000)).rejects.toThrow('Invalid access token: invalid_access_token/...');
  });
});
