// The HubSpot node against a local stand-in of HubSpot's API (hubspot-stand-in.ts, written from
// HubSpot's developer documentation): endpoints, query, bodies, auth, pagination, errors, methods.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testHubspotCredential } from './hubspot-credential-test.ts';
import { hubspotNode } from './hubspot.node.ts';
import { API_KEY, APP_TOKEN, startHubspotStandIn, type HubspotStandIn } from './hubspot-stand-in.ts';

let hubspot: HubspotStandIn;
const saved = process.env.WEFT_HUBSPOT_API_URL;
const credentials = { hubspotApi: { apiKey: API_KEY }, hubspotAppToken: { appToken: APP_TOKEN } };

beforeAll(async () => {
  hubspot = await startHubspotStandIn();
  process.env.WEFT_HUBSPOT_API_URL = hubspot.url;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_HUBSPOT_API_URL;
  else process.env.WEFT_HUBSPOT_API_URL = saved;
  await hubspot.close();
});
beforeEach(() => {
  hubspot.seen.length = 0;
});

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'HubSpot', type: 'n8n-nodes-base.hubspot', typeVersion, parameters, continueOnFail,
  credentials: { hubspotApi: { id: '1', name: 'key' }, hubspotAppToken: { id: '2', name: 'token' } },
});
const calls = (path: string) => hubspot.seen.filter((r) => r.path === path);
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describe('HubSpot contacts', () => {
  it('upserts by email with {property, value} entries, then resolves the profile (API key as hapikey)', async () => {
    const result = await runChain([node(2.1, { resource: 'contact', operation: 'upsert', email: 'new@example.com',
      additionalFields: { firstName: 'New', lastName: 'Person', customPropertiesUi: { customPropertiesValues: [{ property: 'favourite_food', value: 'pizza' }] } } })],
    { items: [{ json: {} }], credentials });
    const [upsert] = calls('/contacts/v1/contact/createOrUpdate/email/new%40example.com');
    expect(upsert.method).toBe('POST');
    expect(upsert.query.hapikey).toEqual([API_KEY]);
    expect(upsert.body).toEqual({ properties: [{ property: 'firstname', value: 'New' }, { property: 'lastname', value: 'Person' }, { property: 'favourite_food', value: 'pizza' }] });
    expect(calls('/contacts/v1/contact/vid/3234574/profile')).toHaveLength(1);
    expect(outputOf(result, 'HubSpot')[0].json).toEqual({ vid: 3234574, properties: { email: { value: 'new@example.com' } } });
  });

  it('gets a contact by locator with the read options, and deletes one (app token as Bearer)', async () => {
    await runChain([node(2, { resource: 'contact', operation: 'get', contactId: rl('102'), additionalFields: { properties: ['email', 'firstname'], propertyMode: 'valueOnly', listMemberships: false } })],
      { items: [{ json: {} }], credentials });
    expect(calls('/contacts/v1/contact/vid/102/profile')[0].query).toMatchObject({ property: ['email', 'firstname'], propertyMode: ['valueOnly'], showListMemberships: ['false'] });
    const deleted = await runChain([node(1, { authentication: 'appToken', resource: 'contact', operation: 'delete', contactId: '103' })], { items: [{ json: {} }], credentials });
    expect(calls('/contacts/v1/contact/vid/103')[0]).toMatchObject({ method: 'DELETE', authorization: `Bearer ${APP_TOKEN}` });
    expect(outputOf(deleted, 'HubSpot')[0].json).toEqual({ vid: 103, deleted: true, reason: 'OK' });
  });

  it('getAll asks for `count` with a limit; Return All follows vid-offset while has-more', async () => {
    const some = await runChain([node(2.1, { resource: 'contact', operation: 'getAll', limit: 3 })], { items: [{ json: {} }], credentials });
    expect(outputOf(some, 'HubSpot').map((i) => i.json.vid)).toEqual([101, 102, 103]);
    expect(calls('/contacts/v1/lists/all/contacts/all')[0].query.count).toEqual(['3']);
    hubspot.seen.length = 0;
    const all = await runChain([node(2.1, { resource: 'contact', operation: 'getAll', returnAll: true })], { items: [{ json: {} }], credentials });
    expect(outputOf(all, 'HubSpot')).toHaveLength(7);
    const pages = calls('/contacts/v1/lists/all/contacts/all');
    expect(pages[0].query).toMatchObject({ count: ['100'], limit: ['250'] });
  });

  it('searches with filter groups, sorts and default properties; Return All follows paging.next.after', async () => {
    const result = await runChain([node(2.1, { resource: 'contact', operation: 'search', returnAll: true,
      filterGroupsUi: { filterGroupsValues: [{ filtersUi: { filterValues: [{ propertyName: 'lastname|string', operator: 'EQ', value: 'Lee' }] } }] } })],
    { items: [{ json: {} }], credentials });
    const pages = calls('/crm/v3/objects/contacts/search');
    expect(pages[0].body).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'lastname', operator: 'EQ', value: 'Lee' }] }],
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }], properties: ['firstname', 'lastname', 'email'], limit: 100,
    });
    expect(outputOf(result, 'HubSpot')).toHaveLength(7);
  });
});

describe('HubSpot companies, deals, lists, tickets', () => {
  it('creates a company with {name, value} entries and pages companies by offset', async () => {
    const created = await runChain([node(2.1, { resource: 'company', operation: 'create', name: 'Weft', additionalFields: { websiteUrl: 'weft.dev', numberOfEmployees: 12 } })],
      { items: [{ json: {} }], credentials });
    expect(calls('/companies/v2/companies')[0].body).toEqual({ properties: [{ name: 'name', value: 'Weft' }, { name: 'numberofemployees', value: 12 }, { name: 'website', value: 'weft.dev' }] });
    expect(outputOf(created, 'HubSpot')[0].json.companyId).toBe(299);
    hubspot.seen.length = 0;
    const some = await runChain([node(2.1, { resource: 'company', operation: 'getAll', limit: 2 })], { items: [{ json: {} }], credentials });
    expect(calls('/companies/v2/companies/paged')[0].query.limit).toEqual(['2']);
    expect(outputOf(some, 'HubSpot')).toHaveLength(2);
    const updated = await runChain([node(2.1, { resource: 'company', operation: 'update', companyId: rl('201'), updateFields: { city: 'Oslo' } })], { items: [{ json: {} }], credentials });
    expect(calls('/companies/v2/companies/201')[0]).toMatchObject({ method: 'PUT', body: { properties: [{ name: 'city', value: 'Oslo' }] } });
    expect(outputOf(updated, 'HubSpot')[0].json.properties).toMatchObject({ city: { value: 'Oslo' } });
  });

  it('v1 lists recently created companies up to a count, and recently modified ones since a date, all pages with Return All', async () => {
    const created = await runChain([node(1, { resource: 'company', operation: 'getRecentlyCreated', limit: 2 })], { items: [{ json: {} }], credentials });
    expect(calls('/companies/v2/companies/recent/created')[0].query).toMatchObject({ count: ['2'], hapikey: [API_KEY] });
    expect(outputOf(created, 'HubSpot').map((i) => i.json.companyId)).toEqual([205, 204]);
    const since = new Date(1_700_000_000_000 + 2 * 86_400_000).toISOString();
    const modified = await runChain([node(1, { resource: 'company', operation: 'getRecentlyModified', returnAll: true, filters: { since } })], { items: [{ json: {} }], credentials });
    expect(calls('/companies/v2/companies/recent/modified')[0].query).toMatchObject({ since: [String(1_700_000_000_000 + 2 * 86_400_000)], count: ['100'] });
    expect(outputOf(modified, 'HubSpot').map((i) => i.json.companyId)).toEqual([205, 204]);
  });

  it('creates a deal with its stage, a close date in epoch ms and associations; deleting answers success', async () => {
    await runChain([node(2.1, { resource: 'deal', operation: 'create', stage: 'closedwon',
      additionalFields: { dealName: 'Big', closeDate: '2024-03-01T00:00:00.000Z', associatedCompany: [201], associatedVids: [101, 102] } })], { items: [{ json: {} }], credentials });
    expect(calls('/deals/v1/deal')[0].body).toEqual({
      properties: [{ name: 'dealstage', value: 'closedwon' }, { name: 'closedate', value: Date.parse('2024-03-01T00:00:00.000Z') }, { name: 'dealname', value: 'Big' }],
      associations: { associatedCompanyIds: [201], associatedVids: [101, 102] },
    });
    const deleted = await runChain([node(2.1, { resource: 'deal', operation: 'delete', dealId: rl('301') })], { items: [{ json: {} }], credentials });
    expect(outputOf(deleted, 'HubSpot')[0].json).toEqual({ success: true });
  });

  it('adds a contact to a list by email and removes one by id', async () => {
    await runChain([node(2.1, { resource: 'contactList', operation: 'add', by: 'email', email: 'ann1@example.com', listId: 5 })], { items: [{ json: {} }], credentials });
    expect(calls('/contacts/v1/lists/5/add')[0].body).toEqual({ emails: ['ann1@example.com'] });
    await runChain([node(2.1, { resource: 'contactList', operation: 'remove', id: 101, listId: 5 })], { items: [{ json: {} }], credentials });
    expect(calls('/contacts/v1/lists/5/remove')[0].body).toEqual({ vids: [101] });
  });

  it('creates a ticket as a property list and associates its company', async () => {
    const result = await runChain([node(2.1, { resource: 'ticket', operation: 'create', pipelineId: '0', stageId: '1', ticketName: 'Broken', additionalFields: { associatedCompanyIds: [201] } })],
      { items: [{ json: {} }], credentials });
    expect(calls('/crm-objects/v1/objects/tickets')[0].body).toEqual([{ name: 'hs_pipeline', value: '0' }, { name: 'hs_pipeline_stage', value: '1' }, { name: 'subject', value: 'Broken' }]);
    expect(calls('/crm-associations/v1/associations')[0].body).toEqual({ fromObjectId: 176602, toObjectId: 201, category: 'HUBSPOT_DEFINED', definitionId: 26 });
    expect(outputOf(result, 'HubSpot')[0].json.objectId).toBe(176602);
  });

  it('says what HubSpot said, keeps going with continue on fail, and waits out a 429', async () => {
    const failed = await runChain([node(2.1, { resource: 'deal', operation: 'create', stage: '' })], { items: [{ json: {} }], credentials });
    expect(failed.data.resultData.error?.message).toBe('Bad request - please check your parameters');
    expect((failed.data.resultData.error as { description?: string }).description).toBe('Deal stage is required (VALIDATION_ERROR)');
    const kept = await runChain([node(2.1, { resource: 'company', operation: 'get', companyId: '={{ { __rl: true, mode: "id", value: $json.id } }}' }, true)],
      { items: [{ json: { id: '999' } }, { json: { id: '202' } }], credentials });
    expect(outputOf(kept, 'HubSpot')[0].json).toEqual({ error: 'The resource you are requesting could not be found' });
    expect(outputOf(kept, 'HubSpot')[1].json.companyId).toBe(202);
    const wrong = await runChain([node(2.1, { resource: 'company', operation: 'get', companyId: rl('201') })], { items: [{ json: {} }], credentials: { hubspotApi: { apiKey: 'nope' } } });
    expect(wrong.data.resultData.error?.message).toBe('Authorization failed - please check your credentials');
    hubspot.rateLimitOnce('/companies/v2/companies/201', 1);
    const started = Date.now();
    const later = await runChain([node(2.1, { resource: 'company', operation: 'get', companyId: rl('201') })], { items: [{ json: {} }], credentials });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(outputOf(later, 'HubSpot')[0].json.companyId).toBe(201);
  });
});

describe('HubSpot editor methods and credential tests', () => {
  const env = { getCredentials: async () => credentials.hubspotApi, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
  const ctx = (kind: 'loadOptions' | 'listSearch', method: string) => methodContext({
    nodeType: hubspotNode, kind, method, currentNodeParameters: { resource: 'contact', operation: 'get' }, credentials: { hubspotApi: { id: '1', name: 'x' } },
  }, env);

  it('searches contacts for the locator page by page, and loads property options', async () => {
    const search = hubspotNode.methods?.listSearch?.searchContacts;
    const first = await search!(ctx('listSearch', 'searchContacts'), 'ann');
    expect(first.results[0]).toEqual({ name: 'ann0@example.com', value: '101' });
    expect(calls('/crm/v3/objects/contacts/search')[0].body).toMatchObject({ properties: ['email'], filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*ann*' }] }] });
    const load = hubspotNode.methods?.loadOptions ?? {};
    expect(await load.getContactLeadStatuses(ctx('loadOptions', 'getContactLeadStatuses'))).toEqual([{ name: 'New', value: 'NEW' }, { name: 'Open', value: 'OPEN' }]);
    expect(await load.getContactCustomProperties(ctx('loadOptions', 'getContactCustomProperties'))).toEqual([{ name: 'Favourite food', value: 'favourite_food' }]);
    expect(await load.getDealStages(ctx('loadOptions', 'getDealStages'))).toEqual([{ name: 'Appointment Scheduled', value: 'appointmentscheduled' }, { name: 'Closed Won', value: 'closedwon' }]);
  });

  it('tests the API key and the app token', async () => {
    await expect(testHubspotCredential('hubspotApi', { apiKey: API_KEY }, 5000)).resolves.toBe('Authentication successful');
    await expect(testHubspotCredential('hubspotAppToken', { appToken: APP_TOKEN }, 5000)).resolves.toBe('Authentication successful');
    await expect(testHubspotCredential('hubspotAppToken', { appToken: 'bad' }, 5000)).rejects.toThrow('Invalid credentials');
  });
});
