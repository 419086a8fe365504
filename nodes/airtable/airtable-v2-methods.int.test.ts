// The Airtable node's (v2) editor methods against the local Web API stand-in (airtable-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { startAirtableStandIn, type AirtableStandIn } from './airtable-stand-in.ts';
import { airtableV2Node } from './airtable-v2.node.ts';

let airtable: AirtableStandIn;
const saved = process.env.WEFT_AIRTABLE_API_URL;
beforeAll(async () => {
  airtable = await startAirtableStandIn();
  process.env.WEFT_AIRTABLE_API_URL = airtable.apiUrl;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_AIRTABLE_API_URL;
  else process.env.WEFT_AIRTABLE_API_URL = saved;
  await airtable.close();
});
beforeEach(() => airtable.reset());

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const on = { operation: 'search', base: rl('appTEST'), table: rl('https://airtable.com/appTEST/tblPeople', 'url') };
const call = (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>, filter?: string, paginationToken?: string, token = 'patTEST') =>
  runNodeMethod({ nodeType: airtableV2Node, typeVersion: 2.1, kind, method, currentNodeParameters, filter, paginationToken, credentials: { airtableTokenApi: { id: '1', name: 'at' } } },
    { getCredentials: async () => ({ accessToken: token }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Airtable v2 editor methods', () => {
  it('baseSearch pages through meta/bases with Airtable\'s offset and filters by name', async () => {
    expect(await call('listSearch', 'baseSearch', {})).toEqual({ results: [
      { name: 'Base 0', value: 'appTEST', url: 'https://airtable.com/appTEST' },
      { name: 'Base 1', value: 'appOther1', url: 'https://airtable.com/appOther1' },
    ], paginationToken: '2' });
    expect(await call('listSearch', 'baseSearch', {}, 'base 2', '2')).toEqual({ results: [{ name: 'Base 2', value: 'appOther2', url: 'https://airtable.com/appOther2' }] });
    expect(airtable.seen.map((r) => [r.path, r.query.get('offset'), r.authorization])).toEqual([['/v0/meta/bases', null, 'Bearer patTEST'], ['/v0/meta/bases', '2', 'Bearer patTEST']]);
  });

  it('tableSearch and viewSearch read the base schema', async () => {
    expect(await call('listSearch', 'tableSearch', on, 'peo')).toEqual({ results: [{ name: 'People', value: 'tblPeople', url: 'https://airtable.com/appTEST/tblPeople' }] });
    expect(await call('listSearch', 'tableSearch', on, 'nothing')).toEqual({ results: [] });
    expect(await call('listSearch', 'viewSearch', on)).toEqual({ results: [{ name: 'All', value: 'viwAll', url: 'https://airtable.com/appTEST/tblPeople/viwAll' }] });
    expect(airtable.seen.at(-1)?.path).toBe('/v0/meta/bases/appTEST/tables');
  });

  it('getColumns lists every field by name; getAttachmentColumns only attachment fields', async () => {
    expect(await call('loadOptions', 'getColumns', on)).toEqual({ options: [
      { name: 'Name', value: 'Name', description: 'Type: singleLineText' }, { name: 'Age', value: 'Age', description: 'Type: number' },
      { name: 'Status', value: 'Status', description: 'Type: singleSelect' }, { name: 'Email', value: 'Email', description: 'Type: email' },
      { name: 'Photo', value: 'Photo', description: 'Type: multipleAttachments' },
    ] });
    expect(await call('loadOptions', 'getAttachmentColumns', on)).toEqual({ options: [{ name: 'Photo', value: 'Photo', description: 'Type: multipleAttachments' }] });
    await expect(call('loadOptions', 'getColumns', { ...on, table: rl('tblMissing') })).rejects.toThrow('Table information could not be found!');
  });

  it('a bad token is Airtable\'s error', async () => {
    await expect(call('listSearch', 'baseSearch', {}, undefined, undefined, 'nope')).rejects.toThrow();
  });
});
