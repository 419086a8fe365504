// The Airtable Trigger against a local stand-in for Airtable's list-records endpoint
// (airtable-trigger-stand-in.ts): the first poll stores the time, later polls ask for records
// after it with n8n's IS_AFTER formula (ANDed with the user's), the time lives in static data, a
// manual run shows one record, and Airtable's errors and 429s are handled.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject, TriggerContext } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { AT_BASE, AT_TABLE, AT_TOKEN, startAirtableTriggerStandIn, type AirtableTriggerStandIn } from './airtable-trigger-stand-in.ts';
import { airtableTriggerNode, locatorValue } from './airtable-trigger.node.ts';

let airtable: AirtableTriggerStandIn;
beforeAll(async () => {
  airtable = await startAirtableTriggerStandIn();
  process.env.WEFT_AIRTABLE_API_URL = airtable.apiUrl;
});
afterAll(async () => {
  delete process.env.WEFT_AIRTABLE_API_URL;
  await airtable.close();
});
beforeEach(() => {
  airtable.seen.length = 0;
  airtable.records.length = 0;
});
afterEach(() => vi.useRealTimers());

const base = { __rl: true, mode: 'url', value: `https://airtable.com/${AT_BASE}/${AT_TABLE}/viwGrid` };
const table = { __rl: true, mode: 'id', value: AT_TABLE };
const record = (n: number, modified: string, more: JsonObject = {}) => ({ id: `rec${n}`, createdTime: '2024-01-01T00:00:00.000Z', fields: { Name: `Row ${n}`, Modified: modified, ...more } });

function pollContext(parameters: Record<string, unknown>, staticData: JsonObject): TriggerContext {
  const ctx = methodContext({
    nodeType: airtableTriggerNode, kind: 'listSearch', method: 'none', currentNodeParameters: { authentication: 'airtableTokenApi', ...parameters },
    credentials: { airtableTokenApi: { id: '1', name: 'Airtable' } },
  }, { getCredentials: async () => ({ accessToken: AT_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => '' };
}
const at = (iso: string) => vi.setSystemTime(new Date(iso));

describe('Airtable Trigger', () => {
  it('stores the time on the first poll, then delivers records modified after the last poll', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = {};
    const ctx = pollContext({ baseId: base, tableId: table, triggerField: 'Modified' }, state);
    airtable.records.push(record(1, '2024-03-01T09:00:00.000Z'));

    at('2024-03-01T10:00:00.456Z');
    expect(await airtableTriggerNode.triggers!.poll!(ctx)).toBeNull();
    expect(state).toEqual({ lastTimeChecked: '2024-03-01T10:00:00Z' });
    expect(airtable.seen[0]).toMatchObject({ method: 'GET', path: `/v0/${AT_BASE}/${AT_TABLE}`, authorization: `Bearer ${AT_TOKEN}` });
    expect(airtable.seen[0].query.get('filterByFormula')).toBe('IS_AFTER({Modified}, DATETIME_PARSE("2024-03-01T10:00:00Z", "YYYY-MM-DD HH:mm:ss"))');
    expect(airtable.seen[0].query.get('pageSize')).toBe('100');

    for (let n = 2; n <= 131; n++) airtable.records.push(record(n, '2024-03-01T10:03:00.000Z'));
    airtable.seen.length = 0;
    at('2024-03-01T10:05:00Z');
    const second = await airtableTriggerNode.triggers!.poll!(ctx);
    expect(second?.[0]).toHaveLength(130);
    expect(second?.[0][0].json).toEqual(record(2, '2024-03-01T10:03:00.000Z'));
    expect(airtable.seen.map((s) => s.query.get('offset'))).toEqual([null, 'itr100']);
    expect(airtable.seen[0].query.get('filterByFormula')).toContain('DATETIME_PARSE("2024-03-01T10:00:00Z"');
    expect(state.lastTimeChecked).toBe('2024-03-01T10:05:00Z');

    at('2024-03-01T10:06:00Z');
    expect(await airtableTriggerNode.triggers!.poll!(ctx)).toBeNull();
  });

  it("ANDs the user's formula, asks for fields and the view, and waits out a 429", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = { lastTimeChecked: '2024-03-01T10:00:00Z' };
    airtable.records.push(record(1, '2024-03-01T10:01:00.000Z', { Status: 'Done' }), record(2, '2024-03-01T10:01:00.000Z', { Status: 'Open' }));
    airtable.rateLimitOnce('0');
    at('2024-03-01T10:02:00Z');
    const out = await airtableTriggerNode.triggers!.poll!(pollContext({
      baseId: base, tableId: table, triggerField: 'Modified', additionalFields: { formula: "{Status} = 'Done'", fields: 'Name,Status', viewId: 'viwGrid' },
    }, state));
    expect(out?.[0].map((i) => i.json)).toEqual([{ id: 'rec1', createdTime: '2024-01-01T00:00:00.000Z', fields: { Name: 'Row 1', Status: 'Done' } }]);
    const asked = airtable.seen.at(-1)!.query;
    expect(asked.get('filterByFormula')).toBe(`AND(IS_AFTER({Modified}, DATETIME_PARSE("2024-03-01T10:00:00Z", "YYYY-MM-DD HH:mm:ss")), {Status} = 'Done')`);
    expect(asked.getAll('fields[]')).toEqual(['Name', 'Status']);
    expect(asked.get('view')).toBe('viwGrid');
    expect(airtable.seen).toHaveLength(2);
  });

  it('downloads attachments of the named fields', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const state: JsonObject = { lastTimeChecked: '2024-03-01T10:00:00Z' };
    airtable.records.push(record(1, '2024-03-01T10:01:00.000Z', { Photo: [{ url: `${airtable.url}/files/a.png`, filename: 'a.png', type: 'image/png' }] }));
    at('2024-03-01T10:02:00Z');
    const out = await airtableTriggerNode.triggers!.poll!(pollContext({ baseId: base, tableId: table, triggerField: 'Modified', downloadAttachments: true, downloadFieldNames: 'Photo' }, state));
    const item = out![0][0];
    expect(item.json.id).toBe('rec1');
    expect(item.binary?.Photo_0).toMatchObject({ fileName: 'a.png', mimeType: 'image/png' });
    expect(airtable.seen.at(-1)).toMatchObject({ path: '/files/a.png', authorization: `Bearer ${AT_TOKEN}` });
  });

  it('shows one record on a manual run, without the time filter, and reports a missing field and Airtable errors', async () => {
    airtable.records.push(record(1, '2024-03-01T09:00:00.000Z'), record(2, '2024-03-01T09:30:00.000Z'));
    const credentials = { airtableTokenApi: { accessToken: AT_TOKEN } };
    const node = (parameters: JsonObject) => ({
      name: 'Airtable Trigger', type: 'n8n-nodes-base.airtableTrigger', typeVersion: 1,
      parameters: { authentication: 'airtableTokenApi', baseId: base, tableId: table, triggerField: 'Modified', ...parameters },
      credentials: { airtableTokenApi: { id: '1', name: 'Airtable' } },
    });
    const result = await runChain([node({})], { credentials });
    expect(outputOf(result, 'Airtable Trigger').map((i) => i.json.id)).toEqual(['rec1']);
    expect(airtable.seen[0].query.get('maxRecords')).toBe('1');
    expect(airtable.seen[0].query.get('filterByFormula')).toBeNull();

    const missing = await runChain([node({ triggerField: 'Updated' })], { credentials });
    expect(JSON.stringify(missing.data.resultData.error)).toContain('The Field \\"Updated\\" does not exist.');
    const wrongTable = await runChain([node({ tableId: { __rl: true, mode: 'id', value: 'tblNope' } })], { credentials });
    expect(JSON.stringify(wrongTable.data.resultData.error)).toContain(`Could not find table tblNope in application ${AT_BASE}`);
  });

  it('reads base and table ids from Airtable links', () => {
    expect(locatorValue({ mode: 'url', value: 'https://airtable.com/appAbc123/tblXyz789/viwQ' }, 'https://airtable.com/([a-zA-Z0-9]{2,})')).toBe('appAbc123');
    expect(locatorValue({ mode: 'url', value: 'https://airtable.com/appAbc123/tblXyz789/viwQ' }, 'https://airtable.com/[a-zA-Z0-9]{2,}/([a-zA-Z0-9]{2,})')).toBe('tblXyz789');
    expect(locatorValue('appPlain', 'x')).toBe('appPlain');
  });
});
