// The Google Sheets node against a local stand-in of Google's token endpoint and the Sheets API v4
// (sheets-stand-in.ts): rows read and written, the requests it sends, and the service-account JWT.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { clearGoogleTokenCache } from '../google-shared/google-auth.ts';
import { testGoogleApiCredential } from '../google-shared/google-credential-test.ts';
import { OAUTH_TOKEN, SERVICE_ACCOUNT, SERVICE_TOKEN, startSheetsStandIn, type SheetsStandIn } from './sheets-stand-in.ts';

let google: SheetsStandIn;
const saved = { sheets: process.env.WEFT_GOOGLE_SHEETS_API_URL, oauth: process.env.WEFT_GOOGLE_OAUTH2_API_URL, drive: process.env.WEFT_GOOGLE_DRIVE_API_URL };
const oauth = { googleSheetsOAuth2Api: { oauthTokenData: { access_token: OAUTH_TOKEN } } };

beforeAll(async () => {
  google = await startSheetsStandIn();
  process.env.WEFT_GOOGLE_SHEETS_API_URL = google.url;
  process.env.WEFT_GOOGLE_OAUTH2_API_URL = google.url;
  process.env.WEFT_GOOGLE_DRIVE_API_URL = google.url;
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_GOOGLE_SHEETS_API_URL', saved.sheets], ['WEFT_GOOGLE_OAUTH2_API_URL', saved.oauth], ['WEFT_GOOGLE_DRIVE_API_URL', saved.drive]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await google.close();
});
beforeEach(() => {
  google.seen.length = 0;
  google.assertions.length = 0;
  google.spreadsheets.clear();
  google.spreadsheets.set('DOC1', [{ sheetId: 0, title: 'Sheet1', rows: [['name', 'age'], ['Ann', 31], ['Bob', 42], ['Cy', 31]] }, { sheetId: 77, title: 'Other', rows: [] }]);
  clearGoogleTokenCache();
});

const doc = { __rl: true, mode: 'id', value: 'DOC1' };
const sheet = (mode: string, value: string | number) => ({ __rl: true, mode, value });
const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Sheets', type: 'n8n-nodes-base.googleSheets', typeVersion, parameters, continueOnFail,
  credentials: { googleSheetsOAuth2Api: { id: '1', name: 'Google' }, googleApi: { id: '2', name: 'SA' } },
});
const rows = () => google.spreadsheets.get('DOC1')![0].rows;

describe('Google Sheets v4 read', () => {
  it('gives one item per row keyed by the header, with row_number, asking for unformatted values', async () => {
    const result = await runChain([node(4.5, { operation: 'read', documentId: doc, sheetName: sheet('list', 0) })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(result, 'Sheets')).toEqual([
      { json: { row_number: 2, name: 'Ann', age: 31 }, pairedItem: { item: 0 } },
      { json: { row_number: 3, name: 'Bob', age: 42 }, pairedItem: { item: 0 } },
      { json: { row_number: 4, name: 'Cy', age: 31 }, pairedItem: { item: 0 } },
    ]);
    const get = google.seen.find((r) => r.path.includes('/values/'))!;
    expect(get.path).toBe("/v4/spreadsheets/DOC1/values/'Sheet1'");
    expect(get.query).toEqual({ valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'FORMATTED_STRING' });
    expect(get.authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
  });

  it('filters rows (all matches from 4.5, first only with returnFirstMatch) and finds the sheet by name or URL gid', async () => {
    const filtersUI = { values: [{ lookupColumn: 'age', lookupValue: '31' }] };
    let result = await runChain([node(4.5, { operation: 'read', documentId: doc, sheetName: sheet('name', 'Sheet1'), filtersUI })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(result, 'Sheets').map((i) => i.json.name)).toEqual(['Ann', 'Cy']);
    result = await runChain([node(4.5, { operation: 'read', documentId: doc, sheetName: sheet('url', 'https://docs.google.com/spreadsheets/d/DOC1/edit#gid=0'), filtersUI,
      options: { returnFirstMatch: true } })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(result, 'Sheets').map((i) => i.json.name)).toEqual(['Ann']);
  });

  it('reads an A1 range: its first row is the header, row_number counts sheet rows', async () => {
    const result = await runChain([node(4.7, { operation: 'read', documentId: doc, sheetName: sheet('id', '0'),
      options: { dataLocationOnSheet: { values: { rangeDefinition: 'specifyRangeA1', range: 'A2:B3' } } } })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(result, 'Sheets').map((i) => i.json)).toEqual([{ row_number: 3, Ann: 'Bob', 31: 42 }]);
    expect(google.seen.at(-1)!.path).toBe("/v4/spreadsheets/DOC1/values/'Sheet1'!A2:B3");
  });

  it('fails with Google’s message for an unknown document, and waits out a 429', async () => {
    google.rateLimitOnce();
    const ok = await runChain([node(4, { operation: 'read', documentId: doc, sheetName: sheet('id', '0') })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(ok, 'Sheets')).toHaveLength(3);
    expect(google.seen.filter((r) => r.path === '/v4/spreadsheets/DOC1')).toHaveLength(2);
    const bad = await runChain([node(4, { operation: 'read', documentId: sheet('id', 'NOPE'), sheetName: sheet('id', '0') }, true)], { items: [{ json: {} }], credentials: oauth });
    expect(String(outputOf(bad, 'Sheets')[0].json.error)).toBe('The resource you are requesting could not be found');
  });
});

describe('Google Sheets v4 writes', () => {
  it('appends mapped columns below the last row and outputs the mapped values', async () => {
    const columns = { mappingMode: 'defineBelow', value: { name: '={{ $json.who }}', age: '50' }, matchingColumns: [], schema: [] };
    const result = await runChain([node(4.1, { operation: 'append', documentId: doc, sheetName: sheet('list', 0), columns })], { items: [{ json: { who: 'Dee' } }], credentials: oauth });
    expect(outputOf(result, 'Sheets')).toEqual([{ json: { name: 'Dee', age: '50' }, pairedItem: { item: 0 } }]);
    expect(rows()[4]).toEqual(['Dee', 50]);
    const put = google.seen.find((r) => r.method === 'PUT')!;
    expect(put.query.valueInputOption).toBe('USER_ENTERED');
    expect(put.path).toBe("/v4/spreadsheets/DOC1/values/'Sheet1'!A5:B5");
  });

  it('auto-maps input, adding new columns to the header row', async () => {
    await runChain([node(4, { operation: 'append', documentId: doc, sheetName: sheet('list', 0), columns: { mappingMode: 'autoMapInputData', value: {} } })],
      { items: [{ json: { name: 'Eve', city: 'Oslo' } }], credentials: oauth });
    expect(rows()[0]).toEqual(['name', 'age', 'city']);
    expect(rows()[4]).toEqual(['Eve', '', 'Oslo']);
  });

  it('updates the row whose matching column has the value, and appendOrUpdate appends when none does', async () => {
    const columns = (name: string, age: number) => ({ mappingMode: 'defineBelow', value: { name, age }, matchingColumns: ['name'] });
    await runChain([node(4.3, { operation: 'update', documentId: doc, sheetName: sheet('list', 0), columns: columns('Bob', 43) })], { items: [{ json: {} }], credentials: oauth });
    expect(rows()[2]).toEqual(['Bob', 43]);
    await runChain([node(4.3, { operation: 'appendOrUpdate', documentId: doc, sheetName: sheet('list', 0), columns: columns('Zed', 9) })], { items: [{ json: {} }], credentials: oauth });
    expect(rows()[4]).toEqual(['Zed', 9]);
  });

  it('clears the sheet but its first row, passing the input through', async () => {
    const result = await runChain([node(4.7, { operation: 'clear', documentId: doc, sheetName: sheet('list', 0), clear: 'wholeSheet', keepFirstRow: true })],
      { items: [{ json: { a: 1 } }], credentials: oauth });
    expect(outputOf(result, 'Sheets')).toEqual([{ json: { a: 1 }, pairedItem: { item: 0 } }]);
    expect(google.seen.find((r) => r.path.endsWith(':clear'))!.path).toBe("/v4/spreadsheets/DOC1/values/'Sheet1'!2:1000:clear");
  });
});

describe('Google Sheets service account and V1', () => {
  it('exchanges a signed JWT (iss, sub, scope, aud) for a token, once per run, and reads with V1', async () => {
    const credentials = { googleApi: SERVICE_ACCOUNT };
    const result = await runChain([node(2, { authentication: 'serviceAccount', operation: 'read', sheetId: 'DOC1', range: 'Sheet1!A:B' })],
      { items: [{ json: {} }], credentials });
    expect(outputOf(result, 'Sheets').map((i) => i.json)).toEqual([{ name: 'Ann', age: 31 }, { name: 'Bob', age: 42 }, { name: 'Cy', age: 31 }]);
    expect(google.assertions).toHaveLength(1);
    expect(google.assertions[0]).toMatchObject({
      iss: SERVICE_ACCOUNT.email, sub: SERVICE_ACCOUNT.email, aud: 'https://oauth2.googleapis.com/token',
      scope: 'https://www.googleapis.com/auth/drive.file https://www.googleapis.com/auth/spreadsheets',
    });
    expect(Number(google.assertions[0].exp) - Number(google.assertions[0].iat)).toBe(3600);
    expect(google.seen.every((r) => r.authorization === `Bearer ${SERVICE_TOKEN}`)).toBe(true);
  });

  it('names the token endpoint’s refusal for a key that is not the account’s', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const result = await runChain([node(4, { authentication: 'serviceAccount', operation: 'read', documentId: doc, sheetName: sheet('id', '0') }, true)],
      { items: [{ json: {} }], credentials: { googleApi: { email: SERVICE_ACCOUNT.email, privateKey: other } } });
    expect(String(outputOf(result, 'Sheets')[0].json.error)).toContain('Google did not grant an access token');
  });

  it('keeps the token until it nears expiry: a second run signs no new JWT', async () => {
    const credentials = { googleApi: SERVICE_ACCOUNT };
    const read = node(4.7, { authentication: 'serviceAccount', operation: 'read', documentId: doc, sheetName: { __rl: true, mode: 'list', value: 'gid=0', cachedResultName: 'Sheet1' } });
    await runChain([read], { items: [{ json: {} }], credentials });
    const second = await runChain([read], { items: [{ json: {} }], credentials });
    expect(outputOf(second, 'Sheets')).toHaveLength(3);
    expect(google.assertions).toHaveLength(1);
  });

  it('V1 updates the row whose key column matches the item, and clears a range', async () => {
    const credentials = { googleApi: SERVICE_ACCOUNT };
    const result = await runChain([node(2, { operation: 'update', sheetId: 'DOC1', range: 'Sheet1!A:B', key: 'name' })], { items: [{ json: { name: 'Bob', age: 50 } }], credentials });
    expect(outputOf(result, 'Sheets')).toEqual([{ json: { name: 'Bob', age: 50 }, pairedItem: { item: 0 } }]);
    expect(rows()[2]).toEqual(['Bob', 50]);
    await runChain([node(2, { operation: 'clear', sheetId: 'DOC1', range: 'Sheet1!A3:B4' })], { items: [{ json: {} }], credentials });
    expect(rows().slice(2)).toEqual([['', ''], ['', '']]);
  });

  it('V1 appends input below the data by the key row and looks rows up', async () => {
    const credentials = { googleApi: SERVICE_ACCOUNT };
    await runChain([node(1, { operation: 'append', sheetId: 'DOC1', range: 'Sheet1!A:B' })], { items: [{ json: { age: 7, name: 'Kim' } }], credentials });
    expect(rows()[4]).toEqual(['Kim', 7]);
    expect(google.seen.find((r) => r.path.endsWith(':append'))!.query).toEqual({ valueInputOption: 'RAW' });
    const found = await runChain([node(1, { operation: 'lookup', sheetId: 'DOC1', range: 'Sheet1!A:B', lookupColumn: 'age', lookupValue: '31', options: { returnAllMatches: true } })],
      { items: [{ json: {} }], credentials });
    expect(outputOf(found, 'Sheets').map((i) => i.json)).toEqual([{ name: 'Ann', age: 31 }, { name: 'Cy', age: 31 }]);
  });
});

describe('Google Sheets v3 and sheet-level operations', () => {
  it('v3 maps Fields to Send and updates by Column to Match On, outputting the input items', async () => {
    const result = await runChain([node(3, { operation: 'update', documentId: doc, sheetName: sheet('id', '0'), dataMode: 'defineBelow',
      columnToMatchOn: 'name', valueToMatchOn: 'Cy', fieldsUi: { values: [{ column: 'age', fieldValue: '={{ $json.n }}' }] } })],
    { items: [{ json: { n: 99 } }], credentials: oauth });
    expect(outputOf(result, 'Sheets')).toEqual([{ json: { n: 99 }, pairedItem: { item: 0 } }]);
    expect(rows()[3]).toEqual(['Cy', 99]);
    expect(google.seen.find((r) => r.path.endsWith('values:batchUpdate'))!.body).toEqual({ valueInputOption: 'RAW', data: [{ range: "'Sheet1'!B4", values: [[99]] }] });
  });

  it('deletes rows through deleteDimension and removes a sheet', async () => {
    await runChain([node(4.7, { operation: 'delete', documentId: doc, sheetName: sheet('id', '0'), startIndex: 2, numberToDelete: 2 })], { items: [{ json: {} }], credentials: oauth });
    expect(rows()).toEqual([['name', 'age'], ['Cy', 31]]);
    const removed = await runChain([node(4.7, { operation: 'remove', documentId: doc, sheetName: sheet('name', 'Other') })], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(removed, 'Sheets')[0].json).toEqual({ success: true });
    expect(google.spreadsheets.get('DOC1')!.map((s) => s.title)).toEqual(['Sheet1']);
  });

  it('fails an operation it does not implement by name, and a missing sheet with n8n’s wording', async () => {
    const create = await runChain([node(4.7, { resource: 'spreadsheet', operation: 'copy' }, true)], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(create, 'Sheets')[0].json.error).toBe('The operation "copy" of resource "spreadsheet" is not supported');
    const missing = await runChain([node(4.7, { operation: 'read', documentId: doc, sheetName: sheet('name', 'Nope') }, true)], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(missing, 'Sheets')[0].json.error).toBe('Sheet with name Nope not found');
  });

  it('deletes a spreadsheet through Drive (by id or URL), and fails an unknown one as not found', async () => {
    google.spreadsheets.set('DOC2', [{ sheetId: 0, title: 'Sheet1', rows: [] }]);
    const result = await runChain([node(4.5, { resource: 'spreadsheet', operation: 'deleteSpreadsheet',
      documentId: '={{ $json.doc }}' })], { items: [{ json: { doc: 'DOC1' } }, { json: { doc: 'DOC2' } }], credentials: oauth });
    expect(outputOf(result, 'Sheets')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }, { json: { success: true }, pairedItem: { item: 1 } }]);
    expect(google.seen.map((r) => [r.method, r.path, r.authorization])).toEqual([
      ['DELETE', '/drive/v3/files/DOC1', `Bearer ${OAUTH_TOKEN}`], ['DELETE', '/drive/v3/files/DOC2', `Bearer ${OAUTH_TOKEN}`]]);
    expect([...google.spreadsheets.keys()]).toEqual([]);
    google.spreadsheets.set('DOC3', []);
    await runChain([node(4.7, { resource: 'spreadsheet', operation: 'deleteSpreadsheet',
      documentId: { __rl: true, mode: 'url', value: 'https://docs.google.com/spreadsheets/d/DOC3/edit#gid=0' } })], { items: [{ json: {} }], credentials: oauth });
    expect(google.spreadsheets.has('DOC3')).toBe(false);
    const missing = await runChain([node(4.7, { resource: 'spreadsheet', operation: 'deleteSpreadsheet', documentId: doc }, true)], { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(missing, 'Sheets')[0].json.error).toBe('The resource you are requesting could not be found');
    expect(google.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/drive/v3/files/DOC1' });
  });

  it('creates a spreadsheet with its sheets and options, outputting Google’s answer', async () => {
    const result = await runChain([node(4.7, { resource: 'spreadsheet', operation: 'create', title: 'Report',
      sheetsUi: { sheetValues: [{ title: 'Data' }, { title: 'Hidden', hidden: true }] }, options: { locale: 'de_DE' } })], { items: [{ json: {} }], credentials: oauth });
    const [created] = outputOf(result, 'Sheets');
    expect(created.json).toMatchObject({ spreadsheetId: 'NEW2', properties: { title: 'Report', locale: 'de_DE' }, spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/NEW2/edit' });
    expect(google.seen.at(-1)!.body).toEqual({ properties: { title: 'Report', locale: 'de_DE' },
      sheets: [{ properties: { title: 'Data', hidden: false } }, { properties: { title: 'Hidden', hidden: true } }] });
  });

  it('V1 (typeVersion 2) creates a spreadsheet through the Spreadsheet resource, with the service account', async () => {
    const result = await runChain([node(2, { resource: 'spreadsheet', title: 'Legacy', sheetsUi: { sheetValues: [{ title: 'One' }] }, options: { autoRecalc: 'HOUR' } })],
      { items: [{ json: {} }], credentials: { googleApi: SERVICE_ACCOUNT } });
    const [created] = outputOf(result, 'Sheets');
    expect(created.json).toMatchObject({ properties: { title: 'Legacy', autoRecalc: 'HOUR' } });
    const post = google.seen.find((r) => r.method === 'POST' && r.path === '/v4/spreadsheets')!;
    expect(post.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
    expect(post.body).toEqual({ properties: { title: 'Legacy', autoRecalc: 'HOUR' }, sheets: [{ properties: { title: 'One', hidden: false } }] });
  });
});

describe('Google service account credential test', () => {
  it('succeeds when the token endpoint accepts the signed assertion, impersonating the delegated user', async () => {
    await expect(testGoogleApiCredential({ ...SERVICE_ACCOUNT, inpersonate: true, delegatedEmail: 'ann@example.com' }, 5000)).resolves.toBe('Connection tested successfully');
    expect(google.assertions[0]).toMatchObject({ iss: SERVICE_ACCOUNT.email, sub: 'ann@example.com' });
  });

  it('says what Google said for a key it does not know, and what is wrong with a key that is no key', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(testGoogleApiCredential({ email: SERVICE_ACCOUNT.email, privateKey: other }, 5000))
      .rejects.toThrow('Google did not grant an access token (HTTP 400): invalid_grant: Invalid JWT Signature.');
    await expect(testGoogleApiCredential({ email: SERVICE_ACCOUNT.email, privateKey: 'nope' }, 5000)).rejects.toThrow(/private key could not be read/);
  });
});
