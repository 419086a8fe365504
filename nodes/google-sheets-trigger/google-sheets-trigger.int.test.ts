// The Google Sheets Trigger against local stand-ins of the Sheets API v4 (../google-sheets/
// sheets-stand-in.ts) and Drive API v3 (../google-drive/drive-stand-in.ts, for revisions): what
// each poll asks, the cursor it keeps in static data, and the rows that start a run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { startDriveStandIn, type DriveStandIn } from '../google-drive/drive-stand-in.ts';
import { OAUTH_TOKEN, startSheetsStandIn, type SheetsStandIn } from '../google-sheets/sheets-stand-in.ts';
import { googleSheetsTriggerNode } from './google-sheets-trigger.node.ts';

let drive: DriveStandIn;
let sheets: SheetsStandIn;
const saved = { drive: process.env.WEFT_GOOGLE_DRIVE_API_URL, sheets: process.env.WEFT_GOOGLE_SHEETS_API_URL };
const credentials = { googleSheetsTriggerOAuth2Api: { oauthTokenData: { access_token: OAUTH_TOKEN } } };

beforeAll(async () => {
  [drive, sheets] = await Promise.all([startDriveStandIn(), startSheetsStandIn()]);
  process.env.WEFT_GOOGLE_DRIVE_API_URL = drive.url;
  process.env.WEFT_GOOGLE_SHEETS_API_URL = sheets.url;
});
afterAll(async () => {
  for (const [name, value] of [['WEFT_GOOGLE_DRIVE_API_URL', saved.drive], ['WEFT_GOOGLE_SHEETS_API_URL', saved.sheets]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([drive.close(), sheets.close()]);
});
beforeEach(() => {
  drive.reset();
  sheets.seen.length = 0;
  sheets.spreadsheets.clear();
  sheets.spreadsheets.set('SHEET1', [{ sheetId: 0, title: 'Sheet1', rows: [['name', 'age'], ['Ann', 31], ['Bob', 42]] }]);
  drive.addFile({ id: 'SHEET1', name: 'People', mimeType: 'application/vnd.google-apps.spreadsheet' });
  drive.revisions.set('SHEET1', [{ id: '1', modifiedTime: '2026-01-01T00:00:00Z' }]);
});

const params = (event: string, more: Record<string, unknown> = {}) => ({
  documentId: { __rl: true, mode: 'id', value: 'SHEET1' }, sheetName: { __rl: true, mode: 'list', value: 'gid=0' }, event, ...more,
});
const rows = () => sheets.spreadsheets.get('SHEET1')![0].rows;
const newRevision = (id: string) => drive.revisions.get('SHEET1')!.push({ id, modifiedTime: '2026-01-02T00:00:00Z' });

function triggerContext(parameters: Record<string, unknown>, state: JsonObject): TriggerContext {
  const base = methodContext({ nodeType: googleSheetsTriggerNode, kind: 'listSearch', method: 'sheetsSearch', currentNodeParameters: parameters,
    credentials: { googleSheetsTriggerOAuth2Api: { id: '1', name: 'x' } } },
  { getCredentials: async () => credentials.googleSheetsTriggerOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...base, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => state, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}
const poll = async (parameters: Record<string, unknown>, state: JsonObject) => {
  const output = await googleSheetsTriggerNode.triggers!.poll!(triggerContext(parameters, state));
  return output ? output[0].map((item) => item.json) : null;
};

describe('Google Sheets Trigger', () => {
  it('row added: counts rows on the first poll, then delivers the new ones keyed by the header', async () => {
    const state: JsonObject = {};
    expect(await poll(params('rowAdded'), state)).toBeNull();
    expect(state).toMatchObject({ documentId: 'SHEET1', sheetId: '0', lastIndexChecked: 2 });
    expect(sheets.seen.map((r) => r.path)).toEqual(['/v4/spreadsheets/SHEET1', "/v4/spreadsheets/SHEET1/values/'Sheet1'!A1:ZZZ1", "/v4/spreadsheets/SHEET1/values/'Sheet1'!A2:ZZZ"]);
    rows().push(['Cy', 27], ['Di', 0]);
    expect(await poll(params('rowAdded'), state)).toEqual([{ name: 'Cy', age: 27 }, { name: 'Di', age: '' }]);
    expect(state.lastIndexChecked).toBe(4);
    expect(await poll(params('rowAdded'), state)).toBeNull();
    expect(drive.seen).toHaveLength(0);
  });

  it('row added or updated: waits for a new revision, then reports changed rows with their change type', async () => {
    const state: JsonObject = {};
    expect(await poll(params('anyUpdate'), state)).toBeNull();
    expect(state).toMatchObject({ lastRevision: 1, lastSheetData: [['name', 'age'], ['Ann', 31], ['Bob', 42]] });
    expect(drive.seen[0]).toMatchObject({ path: '/drive/v3/files/SHEET1/revisions', query: { fields: 'revisions(id, exportLinks), nextPageToken', pageSize: '1000' } });
    expect(String(state.lastRevisionLink)).toContain('/export/SHEET1/1');

    rows()[2][1] = 43;
    expect(await poll(params('anyUpdate'), state)).toBeNull();
    newRevision('2');
    rows().push(['Cy', 27]);
    expect(await poll(params('anyUpdate'), state)).toEqual([
      { row_number: 3, change_type: 'updated', name: 'Bob', age: 43 },
      { row_number: 4, change_type: 'added', name: 'Cy', age: 27 },
    ]);
    expect(state.lastRevision).toBe(2);
  });

  it('row updated: skips added rows, watches only chosen columns, and can show both versions', async () => {
    const state: JsonObject = {};
    const both = params('rowUpdate', { includeInOutput: 'both', options: { columnsToWatch: ['age'] } });
    await poll(both, state);
    newRevision('2');
    rows()[1][0] = 'Anne';
    rows()[2][1] = 50;
    rows().push(['Cy', 27]);
    expect(await poll(both, state)).toEqual([{
      previous: { row_number: 3, name: 'Bob', age: 42 },
      current: { row_number: 3, name: 'Bob', age: 50 },
      differences: { row_number: 3, age: { previous: 42, current: 50 } },
    }]);
  });

  it('starts over when the document changes; a manual run shows the sheet’s rows', async () => {
    const state: JsonObject = { documentId: 'OTHER', sheetId: '0', lastRevision: 9, lastIndexChecked: 99 };
    await poll(params('rowAdded'), state);
    expect(state).toMatchObject({ documentId: 'SHEET1', lastIndexChecked: 2, lastRevision: undefined });
    const trigger = { name: 'Sheets Trigger', type: 'n8n-nodes-base.googleSheetsTrigger', typeVersion: 1, parameters: params('anyUpdate'),
      credentials: { googleSheetsTriggerOAuth2Api: { id: '1', name: 'Sheets' } } };
    const result = await runChain([trigger], { credentials });
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'Sheets Trigger').map((item) => item.json)).toEqual([{ name: 'Ann', age: 31 }, { name: 'Bob', age: 42 }]);
  });

  it('lists spreadsheets, sheets and header columns for the editor', async () => {
    const deps = { getCredentials: async () => credentials.googleSheetsTriggerOAuth2Api, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
    const ctx = (kind: 'listSearch' | 'loadOptions', method: string) => methodContext({ nodeType: googleSheetsTriggerNode, kind, method,
      currentNodeParameters: params('anyUpdate'), credentials: { googleSheetsTriggerOAuth2Api: { id: '1', name: 'x' } } }, deps);
    const { spreadSheetsSearch, sheetsSearch } = googleSheetsTriggerNode.methods!.listSearch!;
    expect((await spreadSheetsSearch(ctx('listSearch', 'spreadSheetsSearch'), 'Peo')).results).toEqual([{ name: 'People', value: 'SHEET1' }]);
    expect((await sheetsSearch(ctx('listSearch', 'sheetsSearch'))).results).toEqual([{ name: 'Sheet1', value: 0, url: 'https://docs.google.com/spreadsheets/d/SHEET1/edit#gid=0' }]);
    expect(await googleSheetsTriggerNode.methods!.loadOptions!.getSheetHeaderRowAndSkipEmpty(ctx('loadOptions', 'getSheetHeaderRowAndSkipEmpty')))
      .toEqual([{ name: 'name', value: 'name' }, { name: 'age', value: 'age' }]);
  });
});
