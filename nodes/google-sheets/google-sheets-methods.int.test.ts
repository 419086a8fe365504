// The Google Sheets node's editor methods against the local Sheets and Drive stand-in (sheets-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The registry knows the built-in credential types, so the retry loop can tell googleSheetsOAuth2Api is OAuth2.
import '../index.ts';
import { runNodeMethod } from '../node-methods.ts';
import { googleSheetsNode } from './google-sheets.node.ts';
import { OAUTH_TOKEN, SERVICE_ACCOUNT, SERVICE_TOKEN, startSheetsStandIn, type SheetsStandIn } from './sheets-stand-in.ts';

let google: SheetsStandIn;
const ENV = ['WEFT_GOOGLE_SHEETS_API_URL', 'WEFT_GOOGLE_OAUTH2_API_URL', 'WEFT_GOOGLE_DRIVE_API_URL'] as const;
const saved = ENV.map((name) => process.env[name]);
beforeAll(async () => {
  google = await startSheetsStandIn();
  for (const name of ENV) process.env[name] = google.url;
});
afterAll(async () => {
  ENV.forEach((name, i) => { if (saved[i] === undefined) delete process.env[name]; else process.env[name] = saved[i]; });
  await google.close();
});
beforeEach(() => {
  google.seen.length = 0;
  google.spreadsheets.set('DOC1', [{ sheetId: 0, title: 'Sheet1', rows: [['name', '', 'age'], ['Ann', 'x', 31]] }, { sheetId: 77, title: 'Other one', rows: [] }]);
  google.driveFiles.length = 0;
  for (let i = 1; i <= 120; i++) {
    google.driveFiles.push({ id: `file${i}`, name: i === 7 ? "Budget 'final'" : `Sheet ${i}`, mimeType: 'application/vnd.google-apps.spreadsheet', modifiedTime: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() });
  }
  google.driveFiles.push({ id: 'doc1', name: 'Budget notes', mimeType: 'application/vnd.google-apps.document', modifiedTime: '2026-02-01T00:00:00.000Z' });
});

type Page = { results: Array<{ name: string; value: unknown; url?: string }>; paginationToken?: unknown };
const call = (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>, filter?: string, paginationToken?: string, serviceAccount = false) =>
  runNodeMethod({ nodeType: googleSheetsNode, typeVersion: 4.7, kind, method, currentNodeParameters, filter, paginationToken,
    credentials: serviceAccount ? { googleApi: { id: '2', name: 'SA' } } : { googleSheetsOAuth2Api: { id: '1', name: 'Google' } } },
  { getCredentials: async () => (serviceAccount ? SERVICE_ACCOUNT : { oauthTokenData: { access_token: OAUTH_TOKEN } }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

const doc = { __rl: true, mode: 'url', value: 'https://docs.google.com/spreadsheets/d/DOC1/edit#gid=0' };

describe('Google Sheets editor methods', () => {
  it('spreadSheetsSearch lists spreadsheets from Drive, newest first, page by page, filtered by name', async () => {
    const first = (await call('listSearch', 'spreadSheetsSearch', { operation: 'read' })) as Page;
    expect(first.results).toHaveLength(100);
    expect(first.results[0]).toEqual({ name: 'Sheet 120', value: 'file120', url: 'https://docs.google.com/spreadsheets/d/file120/edit?usp=drivesdk' });
    expect(first.paginationToken).toBe('100');
    expect(google.seen[0]).toMatchObject({ method: 'GET', path: '/drive/v3/files', authorization: `Bearer ${OAUTH_TOKEN}`, query: {
      q: "mimeType = 'application/vnd.google-apps.spreadsheet'", fields: 'nextPageToken, files(id, name, webViewLink)', orderBy: 'modifiedTime desc',
      includeItemsFromAllDrives: 'true', supportsAllDrives: 'true' } });
    const second = (await call('listSearch', 'spreadSheetsSearch', { operation: 'read' }, undefined, '100')) as Page;
    expect(second.results.map((r) => r.value)).toEqual(Array.from({ length: 20 }, (_, i) => `file${20 - i}`));
    expect(second.paginationToken).toBeUndefined();
    expect(await call('listSearch', 'spreadSheetsSearch', { authentication: 'serviceAccount' }, "budget 'final", undefined, true)).toEqual({ results: [
      { name: "Budget 'final'", value: 'file7', url: 'https://docs.google.com/spreadsheets/d/file7/edit?usp=drivesdk' },
    ] });
    expect(google.seen.at(-1)).toMatchObject({ authorization: `Bearer ${SERVICE_TOKEN}`, query: { q: "name contains 'budget \\'final' and mimeType = 'application/vnd.google-apps.spreadsheet'" } });
  });

  it('sheetsSearch lists the grid sheets, the first as gid=0', async () => {
    expect(await call('listSearch', 'sheetsSearch', { operation: 'read', documentId: doc })).toEqual({ results: [
      { name: 'Sheet1', value: 'gid=0', url: 'https://docs.google.com/spreadsheets/d/DOC1/edit#gid=0' },
      { name: 'Other one', value: 77, url: 'https://docs.google.com/spreadsheets/d/DOC1/edit#gid=77' },
    ] });
    expect(google.seen[0]).toMatchObject({ path: '/v4/spreadsheets/DOC1', query: { fields: 'sheets.properties' } });
  });

  it('the header row loads without empty names, or with col_<n> for them', async () => {
    const on = { operation: 'read', documentId: { __rl: true, mode: 'id', value: 'DOC1' }, sheetName: { __rl: true, mode: 'list', value: 'gid=0' } };
    expect(await call('loadOptions', 'getSheetHeaderRowAndSkipEmpty', on)).toEqual({ options: [{ name: 'name', value: 'name' }, { name: 'age', value: 'age' }] });
    expect(google.seen.at(-1)).toMatchObject({ path: "/v4/spreadsheets/DOC1/values/'Sheet1'!1:1", query: { valueRenderOption: 'FORMATTED_VALUE' } });
    expect(await call('loadOptions', 'getSheetHeaderRowWithGeneratedColumnNames', on)).toEqual({ options: [
      { name: 'name', value: 'name' }, { name: 'col_2', value: 'col_2' }, { name: 'age', value: 'age' },
    ] });
    expect(await call('loadOptions', 'getSheetHeaderRowAndSkipEmpty', { ...on, sheetName: { __rl: true, mode: 'name', value: 'Other one' } })).toEqual({ options: [] });
    await expect(call('loadOptions', 'getSheetHeaderRowAndSkipEmpty', { ...on, sheetName: { __rl: true, mode: 'name', value: 'Missing' } })).rejects.toThrow('Sheet with name Missing not found');
  });

  it('an unknown spreadsheet is Google\'s error', async () => {
    await expect(call('listSearch', 'sheetsSearch', { operation: 'read', documentId: { __rl: true, mode: 'id', value: 'NOPE' } })).rejects.toThrow(/could not be found/i);
  });

  it('spreadSheetsSearch renews a refused OAuth2 token and asks Drive again (the shared retry loop)', async () => {
    let renewed = false;
    const page = (await runNodeMethod({ nodeType: googleSheetsNode, typeVersion: 4.7, kind: 'listSearch', method: 'spreadSheetsSearch', currentNodeParameters: {},
      credentials: { googleSheetsOAuth2Api: { id: '1', name: 'Google' } } }, {
      getCredentials: async (_type: string, options?: { refreshOAuth2Token?: boolean }) => {
        if (options?.refreshOAuth2Token) renewed = true;
        return { oauthTokenData: { access_token: renewed ? OAUTH_TOKEN : 'ya29.revoked' } };
      },
      credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC',
    })) as Page;
    expect(page.results).toHaveLength(100);
    expect(google.seen.map((r) => [r.path, r.authorization])).toEqual([['/drive/v3/files', 'Bearer ya29.revoked'], ['/drive/v3/files', `Bearer ${OAUTH_TOKEN}`]]);
  });
});
