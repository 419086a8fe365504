// The Pipedrive node (v1) run on the real engine against the local stand-in for Pipedrive's API
// (pipedrive-stand-in.ts), asserting methods, paths, queries, bodies and the token it sends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testPipedriveCredential } from './pipedrive-credential-test.ts';
import { PIPEDRIVE_TOKEN, REGION_KEY, TIER_KEY, startPipedriveStandIn, type PipedriveStandIn } from './pipedrive-stand-in.ts';
import { pipedriveNode } from './pipedrive.node.ts';

let pd: PipedriveStandIn;
beforeAll(async () => {
  pd = await startPipedriveStandIn();
  process.env.WEFT_PIPEDRIVE_API_URL = pd.url;
});
afterAll(async () => {
  delete process.env.WEFT_PIPEDRIVE_API_URL;
  await pd.close();
});
beforeEach(() => pd.reset());

const credentials = { pipedriveApi: { apiToken: PIPEDRIVE_TOKEN } };
const node = (parameters: Record<string, unknown>, continueOnFail = false): TestNode => ({ name: 'Pipedrive', type: 'n8n-nodes-base.pipedrive', typeVersion: 1, parameters, continueOnFail });
const run = async (parameters: Record<string, unknown>, items = [{ json: {} }], continueOnFail = false) =>
  outputOf(await runChain([node(parameters, continueOnFail)], { items, credentials }), 'Pipedrive');

describe('Pipedrive', () => {
  it('creates a deal with custom properties, gets, duplicates and deletes it', async () => {
    const created = await run({ resource: 'deal', operation: 'create', title: '={{ $json.name }}', associateWith: 'person', person_id: 7,
      additionalFields: { value: 500, currency: 'EUR', customProperties: { property: [{ name: REGION_KEY, value: 'EMEA' }] } } }, [{ json: { name: 'Acme' } }]);
    expect(created[0].json).toEqual({ id: 1, title: 'Acme', person_id: 7, value: 500, currency: 'EUR', [REGION_KEY]: 'EMEA' });
    expect(pd.seen[0]).toMatchObject({ method: 'POST', path: '/deals', query: { api_token: PIPEDRIVE_TOKEN } });
    expect(pd.seen[0].body).toEqual({ title: 'Acme', person_id: 7, value: 500, currency: 'EUR', [REGION_KEY]: 'EMEA' });
    expect((await run({ resource: 'deal', operation: 'duplicate', dealId: 1 }))[0].json).toMatchObject({ id: 2, title: 'Acme' });
    expect((await run({ resource: 'deal', operation: 'delete', dealId: 2 }))[0].json).toEqual({ id: 2 });
    expect(pd.seen.at(-1)).toMatchObject({ method: 'DELETE', path: '/deals/2' });
  });

  it('updates with names encoded to keys and reads them back resolved', async () => {
    pd.store.deals.push({ id: 9, title: 'Big', [TIER_KEY]: 12, label: 1 });
    const updated = await run({ resource: 'deal', operation: 'update', dealId: 9, encodeProperties: true,
      updateFields: { customProperties: { property: [{ name: 'Tier', value: 'Gold' }, { name: 'Region', value: 'APAC' }] }, label: 'null' } });
    expect(pd.seen[0].path).toBe('/dealFields');
    expect(pd.seen[1]).toMatchObject({ method: 'PUT', path: '/deals/9', body: { [TIER_KEY]: 11, [REGION_KEY]: 'APAC', label: null } });
    expect(updated[0].json).toEqual({ id: 9, Title: 'Big', Tier: 'Gold', Region: 'APAC', Label: null });
    const got = await run({ resource: 'deal', operation: 'get', dealId: 9, resolveProperties: true });
    expect(got[0].json).toEqual({ id: 9, Title: 'Big', Tier: 'Gold', Region: 'APAC', Label: null });
  });

  it('gets many with start/limit paging or a limit, and searches', async () => {
    for (let n = 1; n <= 230; n++) pd.store.persons.push({ id: n, name: `Person ${n}` });
    expect(await run({ resource: 'person', operation: 'getAll', returnAll: true })).toHaveLength(230);
    expect(pd.seen.map((c) => [c.query.start, c.query.limit])).toEqual([['0', '100'], ['100', '100'], ['200', '100']]);
    pd.seen.length = 0;
    pd.rateLimitOnce(0);
    expect(await run({ resource: 'person', operation: 'getAll', limit: 5, additionalFields: { firstChar: 'P' } })).toHaveLength(5);
    expect(pd.seen[1].query).toEqual({ limit: '5', first_char: 'P', api_token: PIPEDRIVE_TOKEN });
    const found = await run({ resource: 'person', operation: 'search', term: 'Person 12', limit: 2, additionalFields: { exactMatch: true } });
    expect(found.map((i) => i.json)).toEqual([{ result_score: 0.5, id: 12, type: 'person', name: 'Person 12' }, { result_score: 0.5, id: 120, type: 'person', name: 'Person 120' }]);
    expect(pd.seen.at(-1)).toMatchObject({ path: '/persons/search', query: { term: 'Person 12', limit: '2', exact_match: 'true' } });
  });

  it('creates leads with value and close date, notes, and reports Pipedrive errors', async () => {
    const lead = await run({ resource: 'lead', operation: 'create', title: 'L', associateWith: 'organization', organization_id: 3,
      additionalFields: { value: { valueProperties: { amount: 10, currency: 'USD' } }, expected_close_date: '2024-05-01T00:00:00' } });
    expect(pd.seen[0].body).toEqual({ title: 'L', organization_id: 3, value: { amount: 10, currency: 'USD' }, expected_close_date: '2024-05-01' });
    await run({ resource: 'lead', operation: 'update', leadId: lead[0].json.id, updateFields: { title: 'L2' } });
    expect(pd.seen.at(-1)).toMatchObject({ method: 'PATCH', path: `/leads/${String(lead[0].json.id)}`, body: { title: 'L2' } });
    await run({ resource: 'note', operation: 'create', content: 'Called', additionalFields: { deal_id: 4 } });
    expect(pd.seen.at(-1)).toMatchObject({ method: 'POST', path: '/notes', body: { content: 'Called', deal_id: 4 } });
    const failed = await run({ resource: 'deal', operation: 'get', dealId: 404 }, [{ json: {} }], true);
    expect(failed).toEqual([{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } }]);
    const result = await runChain([node({ resource: 'activity', operation: 'get', activityId: 1 })], { items: [{ json: {} }], credentials: { pipedriveApi: { apiToken: 'bad' } } });
    expect(JSON.stringify(result)).toContain('unauthorized access');
  });

  it('loads users, stages and deal labels for the editor; checks the token', async () => {
    const ctx = (parameters: Record<string, unknown>) => methodContext({
      nodeType: pipedriveNode, kind: 'loadOptions', method: 'getUserIds', currentNodeParameters: parameters, credentials: { pipedriveApi: { id: '1', name: 'P' } },
    }, { getCredentials: async () => ({ apiToken: PIPEDRIVE_TOKEN }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    const methods = pipedriveNode.methods!.loadOptions!;
    expect(await methods.getUserIds(ctx({}))).toEqual([{ name: 'Ada', value: 1 }, { name: 'Zed', value: 2 }]);
    expect(await methods.getStageIds(ctx({}))).toEqual([{ name: 'Sales > Lead In', value: 4 }, { name: 'Sales > Won', value: 5 }]);
    expect(await methods.getDealLabels(ctx({ resource: 'deal', operation: 'update' }))).toEqual([{ name: 'Cold', value: 2 }, { name: 'Hot', value: 1 }, { name: 'No Label', value: 'null' }]);
    expect(await testPipedriveCredential({ apiToken: PIPEDRIVE_TOKEN }, 5000)).toBe('Connection tested successfully');
    await expect(testPipedriveCredential({ apiToken: 'x' }, 5000)).rejects.toThrow('Authorization failed');
  });
});
