// The Google Docs node against the local Google stand-in (../google-drive/drive-stand-in.ts, Drive
// v3 and Docs v1 from Google's references): create, get and update requests and their outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { OAUTH_TOKEN, SERVICE_ACCOUNT, SERVICE_TOKEN, startDriveStandIn, type DriveStandIn } from '../google-drive/drive-stand-in.ts';
import { googleDocsNode } from './google-docs.node.ts';

let google: DriveStandIn;
const ENV = ['WEFT_GOOGLE_DRIVE_API_URL', 'WEFT_GOOGLE_DOCS_API_URL', 'WEFT_GOOGLE_OAUTH2_API_URL'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
const credentials = { googleDocsOAuth2Api: { oauthTokenData: { access_token: OAUTH_TOKEN } }, googleApi: SERVICE_ACCOUNT };

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
  google.documents.set('D1', { documentId: 'D1', title: 'Minutes', revisionId: 'r1',
    body: { content: [{ sectionBreak: {} }, { paragraph: { elements: [{ textRun: { content: 'Hello ' } }, { textRun: { content: 'world\n' } }] } }] } });
});

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Docs', type: 'n8n-nodes-base.googleDocs', typeVersion, parameters, continueOnFail,
  credentials: { googleDocsOAuth2Api: { id: '1', name: 'Docs' }, googleApi: { id: '2', name: 'SA' } },
});
const run = async (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) =>
  outputOf(await runChain([node(typeVersion, parameters, continueOnFail)], { items: [{ json: {} }], credentials }), 'Docs');

describe('Google Docs', () => {
  it('creates a document as a Drive file in the chosen folder (v2 signs in with OAuth2)', async () => {
    const [doc] = await run(2, { operation: 'create', driveId: 'myDrive', folderId: 'FOLDER9', title: 'Plan' });
    expect(doc.json).toEqual({ kind: 'drive#file', id: 'FILE1', name: 'Plan', mimeType: 'application/vnd.google-apps.document' });
    const [call] = google.seen.filter((r) => r.path === '/drive/v3/files');
    expect(call).toMatchObject({ method: 'POST', authorization: `Bearer ${OAUTH_TOKEN}`, body: { name: 'Plan', mimeType: 'application/vnd.google-apps.document', parents: ['FOLDER9'] } });
  });

  it('gets a document by URL, simplified to its text or whole (v1 signs in with the service account)', async () => {
    const [simple] = await run(1, { operation: 'get', documentURL: 'https://docs.google.com/document/d/D1/edit' });
    expect(simple.json).toEqual({ documentId: 'D1', content: 'Hello world\n' });
    expect(google.seen[0]).toMatchObject({ method: 'GET', path: '/v1/documents/D1', authorization: `Bearer ${SERVICE_TOKEN}` });
    expect(google.assertions[0].scope).toBe('https://www.googleapis.com/auth/documents https://www.googleapis.com/auth/drive https://www.googleapis.com/auth/drive.file');
    const [raw] = await run(2, { operation: 'get', documentURL: 'D1', simple: false });
    expect(raw.json).toMatchObject({ documentId: 'D1', title: 'Minutes', revisionId: 'r1' });
  });

  it('updates with the actions list as batchUpdate requests, answering the first reply', async () => {
    const [out] = await run(2, { operation: 'update', documentURL: 'D1', actionsUi: { actionFields: [
      { object: 'text', action: 'replaceAll', text: 'world', replaceText: 'team', matchCase: true },
      { object: 'text', action: 'insert', locationChoice: 'location', index: 3, text: 'Hi' },
      { object: 'text', action: 'insert', locationChoice: 'endOfSegmentLocation', text: 'Bye', insertSegment: 'footer', segmentId: 'kix.f1' },
      { object: 'table', action: 'insert', rows: 2, columns: 3, locationChoice: 'endOfSegmentLocation' },
      { object: 'namedRange', action: 'delete', namedRangeReference: 'name', value: 'intro' },
    ] }, updateFields: { writeControlObject: { control: 'requiredRevisionId', value: 'r1' } } });
    expect(out.json).toEqual({ occurrencesChanged: 1, documentId: 'D1' });
    const [call] = google.seen.filter((r) => r.path === '/v1/documents/D1:batchUpdate');
    expect(call.body).toEqual({ requests: [
      { replaceAllText: { replaceText: 'team', containsText: { text: 'world', matchCase: true } } },
      { insertText: { text: 'Hi', location: { segmentId: '', index: 3 } } },
      { insertText: { text: 'Bye', endOfSegmentLocation: { segmentId: 'kix.f1' } } },
      { insertTable: { rows: 2, columns: 3, endOfSegmentLocation: { segmentId: '' } } },
      { deleteNamedRange: { name: 'intro' } },
    ], writeControl: { requiredRevisionId: 'r1' } });
  });

  it('says what Google said when the revision is stale, and continues on fail', async () => {
    const update = { operation: 'update', documentURL: 'D1', updateFields: { writeControlObject: { control: 'requiredRevisionId', value: 'r0' } } };
    const [failed] = await run(2, update, true);
    expect(failed.json).toEqual({ error: 'Bad request - please check your parameters' });
    const result = await runChain([node(2, update)], { items: [{ json: {} }], credentials });
    expect(result.data.resultData.error).toMatchObject({ description: 'The required revision ID does not match the latest revision.' });
  });

  it('loads drives and folders for the create dropdowns', async () => {
    google.drives.set('0AD1', { id: '0AD1', name: 'Team' });
    google.addFile({ id: 'FOLD1', name: 'Projects', mimeType: 'application/vnd.google-apps.folder', parents: ['root'] });
    const deps = { getCredentials: async () => credentials.googleDocsOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (method: string) => methodContext({ nodeType: googleDocsNode, kind: 'loadOptions', method, currentNodeParameters: { operation: 'create', driveId: 'myDrive' },
      credentials: { googleDocsOAuth2Api: { id: '1', name: 'x' } } }, deps);
    const { getDrives, getFolders } = googleDocsNode.methods!.loadOptions!;
    expect(await getDrives(ctx('getDrives'))).toEqual([{ name: 'My Drive', value: 'myDrive' }, { name: 'Shared with me', value: 'sharedWithMe' }, { name: 'Team', value: '0AD1' }]);
    expect(await getFolders(ctx('getFolders'))).toEqual([{ name: '/', value: 'default' }, { name: 'Projects', value: 'FOLD1' }]);
  });
});
