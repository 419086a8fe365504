// The Zendesk node, its editor lists and its credential test against a local stand-in of Zendesk's
// Support API (zendesk-stand-in.ts, written from Zendesk's API reference).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { runNodeMethod } from '../node-methods.ts';
import { testZendeskApiCredential } from './zendesk-credential-test.ts';
import { GOOD, GOOD_BEARER, startZendeskStandIn, type ZendeskStandIn } from './zendesk-stand-in.ts';
import { zendeskNode } from './zendesk.node.ts';

let zendesk: ZendeskStandIn;
const saved = process.env.WEFT_ZENDESK_API_URL;
const credentials = { zendeskApi: GOOD };
const basic = `Basic ${Buffer.from(`${GOOD.email}/token:${GOOD.apiToken}`).toString('base64')}`;
beforeAll(async () => {
  zendesk = await startZendeskStandIn();
  process.env.WEFT_ZENDESK_API_URL = zendesk.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_ZENDESK_API_URL;
  else process.env.WEFT_ZENDESK_API_URL = saved;
  await zendesk.close();
});
beforeEach(() => { zendesk.seen.length = 0; });

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Zendesk', type: 'n8n-nodes-base.zendesk', typeVersion: 1, parameters, continueOnFail,
  credentials: { zendeskApi: { id: '1', name: 'Zendesk account' }, zendeskOAuth2Api: { id: '2', name: 'Zendesk OAuth2' } },
});
const run = (parameters: Record<string, unknown>, creds: Record<string, Record<string, unknown>> = credentials) =>
  runChain([node(parameters)], { items: [{ json: {} }], credentials: creds });

describe('Zendesk tickets', () => {
  it('creates a ticket (the defaults) with the description as first comment and the picked fields, Basic email/token auth', async () => {
    const result = await run({ description: 'Printer on fire', additionalFields: { subject: 'Help', status: 'open', tags: ['vip'], externalId: 'x-1',
      customFieldsUi: { customFieldsValues: [{ id: 2, value: '42' }] } } });
    expect(outputOf(result, 'Zendesk')[0].json).toEqual({ id: 500, comment: { body: 'Printer on fire' }, subject: 'Help', status: 'open', tags: ['vip'], external_id: 'x-1', custom_fields: [{ id: 2, value: '42' }] });
    expect(zendesk.seen[0]).toMatchObject({ method: 'POST', path: '/tickets.json', authorization: basic });
    expect(zendesk.seen[0].body).toEqual({ ticket: { comment: { body: 'Printer on fire' }, subject: 'Help', status: 'open', tags: ['vip'], external_id: 'x-1', custom_fields: [{ id: 2, value: '42' }] } });
  });

  it('update with a public reply; JSON parameters; get, delete, recover; OAuth2 uses Bearer', async () => {
    await run({ operation: 'update', id: '3', updateFields: { publicReply: 'On it', assigneeEmail: 'bob@acme.test' } });
    expect(zendesk.seen[0]).toMatchObject({ method: 'PUT', path: '/tickets/3.json', body: { ticket: { assignee_email: 'bob@acme.test', comment: { body: 'On it', public: true } } } });
    await run({ operation: 'update', id: '3', jsonParameters: true, updateFieldsJson: '{"priority":"high"}' });
    expect(zendesk.seen[1].body).toEqual({ ticket: { priority: 'high' } });
    const got = await run({ authentication: 'oAuth2', operation: 'get', id: '4' }, { zendeskOAuth2Api: { subdomain: 'acme', oauthTokenData: { access_token: GOOD_BEARER } } });
    expect(got.data.resultData.error?.message).toBeUndefined();
    expect(outputOf(got, 'Zendesk')[0].json).toMatchObject({ id: 4, subject: 'Ticket 4' });
    expect(zendesk.seen[2].authorization).toBe(`Bearer ${GOOD_BEARER}`);
    const deleted = await run({ operation: 'delete', ticketType: 'suspended', id: '9' });
    expect(outputOf(deleted, 'Zendesk')[0].json).toEqual({ success: true });
    expect(zendesk.seen[3]).toMatchObject({ method: 'DELETE', path: '/suspended_tickets/9.json' });
    const recovered = await run({ operation: 'recover', id: '9' });
    expect(outputOf(recovered, 'Zendesk')[0].json).toEqual({ id: 900, subject: 'Recovered' });
  });

  it('getAll searches type:ticket with the options; Return All follows next_page', async () => {
    const some = await run({ operation: 'getAll', limit: 5, options: { status: 'open', query: 'priority>low', sortBy: 'created_at', sortOrder: 'desc' } });
    expect(outputOf(some, 'Zendesk')).toHaveLength(5);
    expect(zendesk.seen[0].query).toEqual({ query: 'type:ticket priority>low status:open', sort_by: 'created_at', sort_order: 'desc', per_page: '5' });
    zendesk.seen.length = 0;
    const all = await run({ operation: 'getAll', returnAll: true });
    expect(outputOf(all, 'Zendesk')).toHaveLength(130);
    expect(zendesk.seen.map((r) => r.query.page)).toEqual([undefined, '2']);
  });

  it('error bodies are said in the node error; continue on fail; a 429 is waited out', async () => {
    const failed = await run({ jsonParameters: true, additionalFieldsJson: '{not json' });
    expect(failed.data.resultData.error?.message).toBe('Additional fields must be a valid JSON');
    const missing = await run({ operation: 'get', id: '9999' });
    expect(missing.data.resultData.error?.message).toBe('The resource you are requesting could not be found: Not found');
    const bad = await run({ operation: 'get', id: '1' }, { zendeskApi: { ...GOOD, apiToken: 'wrong' } });
    expect(bad.data.resultData.error?.message).toBe("Authorization failed - please check your credentials: Couldn't authenticate you");
    const kept = await runChain([node({ operation: 'get', id: '={{ $json.id }}' }, true)], { items: [{ json: { id: 9999 } }, { json: { id: 1 } }], credentials });
    expect(outputOf(kept, 'Zendesk').map((i) => i.json.error ?? i.json.id)).toEqual(['The resource you are requesting could not be found: Not found', 1]);
    zendesk.rateLimitOnce('/tickets/2.json', 0);
    expect(outputOf(await run({ operation: 'get', id: '2' }), 'Zendesk')[0].json.id).toBe(2);
  });
});

describe('Zendesk users, organizations, ticket fields', () => {
  it('users: create folds user fields; getAll filters by roles with brackets; search; related data', async () => {
    const created = await run({ resource: 'user', name: 'Cy', additionalFields: { email: 'cy@acme.test', userFieldsUi: { userFieldValues: [{ field: 'plan', value: 'gold' }] } } });
    expect(outputOf(created, 'Zendesk')[0].json).toEqual({ id: 200, name: 'Cy', email: 'cy@acme.test', user_fields: { plan: 'gold' } });
    await run({ resource: 'user', operation: 'getAll', limit: 2, filters: { role: ['admin', 'agent'] } });
    expect(zendesk.seen[1].query).toEqual({ 'role[]': ['admin', 'agent'], per_page: '2' });
    const found = await run({ resource: 'user', operation: 'search', returnAll: true, filters: { query: 'Cy' } });
    expect(outputOf(found, 'Zendesk')).toHaveLength(3);
    const related = await run({ resource: 'user', operation: 'getRelatedData', id: '100' });
    expect(outputOf(related, 'Zendesk')[0].json).toEqual({ requested_tickets: 2 });
  });

  it('organizations: create with fields, count, delete; ticket fields get and getAll with a limit', async () => {
    const org = await run({ resource: 'organization', name: 'Initech', additionalFields: { notes: 'n', organizationFieldsUi: { organizationFieldValues: [{ field: 'tier', value: '1' }] } } });
    expect(zendesk.seen[0].body).toEqual({ organization: { name: 'Initech', notes: 'n', organization_fields: { tier: '1' } } });
    expect(outputOf(org, 'Zendesk')[0].json.id).toBe(8);
    expect(outputOf(await run({ resource: 'organization', operation: 'count' }), 'Zendesk')[0].json).toEqual({ value: 102, refreshed_at: '2026-12-07T10:00:00Z' });
    expect(outputOf(await run({ resource: 'organization', operation: 'delete', id: '8' }), 'Zendesk')[0].json).toEqual({ success: true });
    const fields = await run({ resource: 'ticketField', operation: 'getAll', limit: 2 });
    expect(outputOf(fields, 'Zendesk').map((i) => i.json.id)).toEqual([1, 2]);
    expect(outputOf(await run({ resource: 'ticketField', ticketFieldId: '3' }), 'Zendesk')[0].json.title).toBe('Notes');
  });

  it('editor lists: custom fields keep only custom types; groups and tags', async () => {
    const call = (method: string) => runNodeMethod({ nodeType: zendeskNode, typeVersion: 1, kind: 'loadOptions', method,
      currentNodeParameters: { resource: 'ticket', operation: 'create' }, credentials: { zendeskApi: { id: '1', name: 'zd' } } },
    { getCredentials: async () => GOOD, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
    expect(await call('getCustomFields')).toEqual({ options: [{ name: 'Order number', value: 2 }, { name: 'Notes', value: 3 }] });
    expect(await call('getGroups')).toEqual({ options: [{ name: 'Support', value: 11 }] });
    expect(await call('getTags')).toEqual({ options: [{ name: 'vip', value: 'vip' }] });
  });

  it('the credential test reads /users/me', async () => {
    await expect(testZendeskApiCredential(GOOD, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testZendeskApiCredential({ ...GOOD, apiToken: 'bad' }, 5000)).rejects.toThrow(/401/);
  });
});
