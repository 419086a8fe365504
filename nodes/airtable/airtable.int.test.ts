// The Airtable node (v1, v2, 2.1) run on the real engine against the local stand-in for Airtable's
// Web API (airtable-stand-in.ts), which checks what arrives (method, path, query, body, token).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';
import { testAirtableTokenCredential } from './airtable-credential-test.ts';
import { startAirtableStandIn, type AirtableStandIn } from './airtable-stand-in.ts';

let airtable: AirtableStandIn;
const credentials = { airtableTokenApi: { accessToken: 'patTEST' } };
const people = [
  { Name: 'Ann', Age: 31, Status: 'Active' },
  { Name: 'Bob', Age: 25, Status: 'Inactive' },
  { Name: 'Cid', Age: 47, Status: 'Active' },
];

beforeAll(async () => {
  airtable = await startAirtableStandIn();
  process.env.WEFT_AIRTABLE_API_URL = airtable.apiUrl;
  process.env.WEFT_AIRTABLE_RATE_LIMIT_WAIT_MS = '20';
});
afterAll(async () => {
  delete process.env.WEFT_AIRTABLE_API_URL;
  delete process.env.WEFT_AIRTABLE_RATE_LIMIT_WAIT_MS;
  await airtable.close();
});
beforeEach(() => airtable.reset(people));

const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const v2 = (parameters: Record<string, unknown>, typeVersion = 2.1, continueOnFail = false): TestNode => ({
  name: 'Airtable', type: 'n8n-nodes-base.airtable', typeVersion, continueOnFail,
  parameters: { base: rl('appTEST'), table: rl('tblPeople'), ...parameters },
});
const schema = [
  { id: 'Name', displayName: 'Name', type: 'string', display: true, removed: false },
  { id: 'Age', displayName: 'Age', type: 'number', display: true, removed: false },
  { id: 'Status', displayName: 'Status', type: 'options', options: [{ name: 'Active', value: 'Active' }, { name: 'Inactive', value: 'Inactive' }], display: true },
];
const jsonOf = (result: Awaited<ReturnType<typeof runChain>>) => outputOf(result, 'Airtable').map((item) => item.json);
const recordCalls = () => airtable.seen.filter((call) => call.path.startsWith('/v0/appTEST'));

describe('Airtable v2 records', () => {
  it('creates a record from the columns given below, converting values to the schema types, and outputs Airtable’s record', async () => {
    const result = await runChain([v2({
      operation: 'create',
      columns: { mappingMode: 'defineBelow', value: { Name: '={{ $json.name }}', Age: '={{ $json.age }}', Status: 'Active' }, matchingColumns: [], schema },
    })], { items: [{ json: { name: 'Dee', age: '52' } }], credentials });
    expect(outputOf(result, 'Airtable')).toEqual([{
      json: { id: 'rec00000000000004', createdTime: '2024-01-01T00:00:04.000Z', fields: { Name: 'Dee', Age: 52, Status: 'Active' } }, pairedItem: { item: 0 },
    }]);
    const [call] = recordCalls();
    expect(call).toMatchObject({ method: 'POST', path: '/v0/appTEST/tblPeople', authorization: 'Bearer patTEST' });
    expect(call.body).toEqual({ typecast: false, fields: { Name: 'Dee', Age: 52, Status: 'Active' } });
  });

  it('fails an item whose value does not fit its column, and names Typecast when Airtable refuses a value', async () => {
    const badOption = await runChain([v2({ operation: 'create', columns: { mappingMode: 'defineBelow', value: { Name: 'X', Status: 'Gone' }, schema } })], { items: [{ json: {} }], credentials });
    expect(badOption.data.resultData.error).toMatchObject({ message: "Invalid input for 'Status' [item 0]", description: expect.stringContaining("expects one of the following values: [Active, Inactive]") });
    const refused = await runChain([v2({ operation: 'create', columns: { mappingMode: 'autoMapInputData', value: null } })], { items: [{ json: { Name: 'X', Age: 'old' } }], credentials });
    expect(refused.data.resultData.error).toMatchObject({
      message: 'Your request is invalid or could not be processed by the service',
      description: 'Field "Age" cannot accept the provided value. Consider using \'Typecast\' option',
    });
  });

  it('maps input fields automatically, leaving out ignored ones, with typecast', async () => {
    const result = await runChain([v2({ operation: 'create', columns: { mappingMode: 'autoMapInputData', value: null }, options: { typecast: true, ignoreFields: 'debug, note' } })],
      { items: [{ json: { Name: 'Eve', Age: '19', debug: true, note: 'x' } }], credentials });
    expect(recordCalls()[0].body).toEqual({ typecast: true, fields: { Name: 'Eve', Age: 19 } });
    expect(jsonOf(result)[0]).toMatchObject({ fields: { Name: 'Eve', Age: 19 } });
  });

  it('searches every page (offset) with formula, sort and fields, flattening records; v2 pairs them with all items, 2.1 per item', async () => {
    airtable.reset(Array.from({ length: 150 }, (_, i) => ({ Name: `P${String(i).padStart(3, '0')}`, Age: i, Status: i % 2 ? 'Active' : 'Inactive' })));
    const result = await runChain([v2({
      operation: 'search', filterByFormula: "{Status} = 'Active'", options: { fields: ['Name', 'Age'] },
      sort: { property: [{ field: 'Age', direction: 'desc' }] },
    }, 2)], { items: [{ json: {} }, { json: {} }], credentials });
    const output = outputOf(result, 'Airtable');
    expect(output).toHaveLength(75);
    expect(output[0]).toEqual({ json: { id: 'rec00000000000150', createdTime: '2024-01-01T00:02:30.000Z', Name: 'P149', Age: 149 }, pairedItem: [{ item: 0 }, { item: 1 }] });
    const calls = recordCalls();
    expect(calls).toHaveLength(1); // 75 matches fit one page of 100
    expect(calls[0].query.get('filterByFormula')).toBe("{Status} = 'Active'");
    expect(calls[0].query.getAll('fields[]')).toEqual(['Name', 'Age']);
    expect(calls[0].query.get('sort[0][field]')).toBe('Age');
    expect(calls[0].query.get('pageSize')).toBe('100');

    airtable.reset(Array.from({ length: 150 }, (_, i) => ({ Name: `P${i}`, Age: i })));
    const all = await runChain([v2({ operation: 'search' })], { items: [{ json: {} }, { json: {} }], credentials });
    expect(outputOf(all, 'Airtable')).toHaveLength(300);
    expect(outputOf(all, 'Airtable')[150].pairedItem).toEqual({ item: 1 });
    expect(recordCalls().map((call) => call.query.get('offset'))).toEqual([null, 'itr100', null, 'itr100']);
  });

  it('searches up to a limit with maxRecords and a view picked by URL', async () => {
    const result = await runChain([v2({ operation: 'search', returnAll: false, limit: 2, options: { view: rl('https://airtable.com/appTEST/tblPeople/viwAll/record', 'url') } })],
      { items: [{ json: {} }], credentials });
    expect(jsonOf(result).map((json) => json.Name)).toEqual(['Ann', 'Bob']);
    expect(recordCalls()[0].query.get('maxRecords')).toBe('2');
    expect(recordCalls()[0].query.get('view')).toBe('viwAll');
  });

  it('gets records by id, flattened; an unknown id fails naming it, or becomes an error item on continue-on-fail', async () => {
    const ok = await runChain([v2({ operation: 'get', id: '={{ $json.id }}' })], { items: [{ json: { id: 'rec00000000000002' } }], credentials });
    expect(outputOf(ok, 'Airtable')).toEqual([{ json: { id: 'rec00000000000002', createdTime: '2024-01-01T00:00:02.000Z', Name: 'Bob', Age: 25, Status: 'Inactive' }, pairedItem: { item: 0 } }]);
    const missing = await runChain([v2({ operation: 'get', id: 'recNOPE' })], { items: [{ json: {} }], credentials });
    expect(missing.data.resultData.error).toMatchObject({ message: 'The resource you are requesting could not be found', description: 'recNOPE is not a valid Record ID' });
    const kept = await runChain([v2({ operation: 'get', id: '={{ $json.id }}' }, 2.1, true)], { items: [{ json: { id: 'recNOPE' } }, { json: { id: 'rec00000000000001' } }], credentials });
    expect(outputOf(kept, 'Airtable').map((item) => [item.json.error ?? item.json.Name, item.pairedItem])).toEqual([
      ['The resource you are requesting could not be found', { item: 0 }], ['Ann', { item: 1 }],
    ]);
  });

  it('downloads attachment fields as binary properties', async () => {
    airtable.reset([{ Name: 'Pic', Photo: [{ id: 'att1', url: `${airtable.url}/files/a.png`, filename: 'a.png', type: 'image/png' }] }]);
    const result = await runChain([v2({ operation: 'get', id: 'rec00000000000001', options: { downloadFields: ['Photo'] } })], { items: [{ json: {} }], credentials });
    const [item] = outputOf(result, 'Airtable');
    expect(item.json.Name).toBe('Pic');
    expect(item.binary?.Photo_0).toMatchObject({ mimeType: 'image/png', fileName: 'a.png', fileExtension: 'png' });
    expect(Buffer.from(item.binary!.Photo_0.data, 'base64').toString()).toBe('bytes of a.png');
    expect(airtable.seen.find((call) => call.path === '/files/a.png')?.authorization).toBe('Bearer patTEST');
  });

  it('updates by record id, and by a matching column after reading only that column of every record', async () => {
    const byId = await runChain([v2({ operation: 'update', columns: { mappingMode: 'defineBelow', value: { id: 'rec00000000000001', Age: '32' }, matchingColumns: ['id'], schema } })],
      { items: [{ json: {} }], credentials });
    expect(recordCalls()[0]).toMatchObject({ method: 'PATCH', body: { typecast: false, records: [{ id: 'rec00000000000001', fields: { Age: 32 } }] } });
    expect(jsonOf(byId)).toEqual([{ id: 'rec00000000000001', createdTime: '2024-01-01T00:00:01.000Z', fields: { Name: 'Ann', Age: 32, Status: 'Active' } }]);

    airtable.reset(people);
    const byName = await runChain([v2({ operation: 'update', columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: ['Status'] }, options: { updateAllMatches: true } })],
      { items: [{ json: { Status: 'Active', Age: 1 } }], credentials });
    const [read, write] = recordCalls();
    expect(read.method).toBe('GET');
    expect(read.query.getAll('fields[]')).toEqual(['Status']);
    expect(write.body).toMatchObject({ records: [{ id: 'rec00000000000001', fields: { Status: 'Active', Age: 1 } }, { id: 'rec00000000000003', fields: { Status: 'Active', Age: 1 } }] });
    expect(jsonOf(byName).map((json) => json.id)).toEqual(['rec00000000000001', 'rec00000000000003']);

    const none = await runChain([v2({ operation: 'update', columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: ['Name'] } }, 2.1, true)],
      { items: [{ json: { Name: 'Nobody', Age: 1 } }], credentials });
    expect(jsonOf(none)).toEqual([{ message: 'Record matching provided keys was not found', error: { message: 'Record matching provided keys was not found' } }]);
  });

  it('upserts on merge fields, and by id creates the record Airtable does not have', async () => {
    const merged = await runChain([v2({ operation: 'upsert', columns: { mappingMode: 'defineBelow', value: { Name: '={{ $json.name }}', Age: 40 }, matchingColumns: ['Name'], schema } })],
      { items: [{ json: { name: 'Ann' } }, { json: { name: 'Zed' } }], credentials });
    expect(recordCalls().map((call) => call.body)).toEqual([
      { typecast: false, performUpsert: { fieldsToMergeOn: ['Name'] }, records: [{ fields: { Name: 'Ann', Age: 40 } }] },
      { typecast: false, performUpsert: { fieldsToMergeOn: ['Name'] }, records: [{ fields: { Name: 'Zed', Age: 40 } }] },
    ]);
    expect(jsonOf(merged).map((json) => json.id)).toEqual(['rec00000000000001', 'rec00000000000004']);

    airtable.reset(people);
    const created = await runChain([v2({ operation: 'upsert', columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: ['id'] } })],
      { items: [{ json: { id: 'recGONE', Name: 'New' } }], credentials });
    expect(recordCalls().map((call) => call.method)).toEqual(['PATCH', 'POST']);
    expect(recordCalls()[1].body).toEqual({ typecast: false, records: [{ fields: { Name: 'New' } }] });
    expect(jsonOf(created)).toEqual([{ id: 'rec00000000000004', createdTime: '2024-01-01T00:00:04.000Z', fields: { Name: 'New' } }]);
  });

  it('upserts over duplicates by finding them with a formula when Airtable refuses to merge', async () => {
    airtable.reset([...people, { Name: 'Ann', Age: 99 }]);
    const result = await runChain([v2({ operation: 'upsert', columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: ['Name'] }, options: { updateAllMatches: true } })],
      { items: [{ json: { Name: 'Ann', Age: 5 } }], credentials });
    expect(recordCalls()[1].query.get('filterByFormula')).toBe("AND({Name} = 'Ann')");
    expect(jsonOf(result).map((json) => [json.id, (json.fields as { Age: number }).Age])).toEqual([['rec00000000000001', 5], ['rec00000000000004', 5]]);
  });

  it('deletes records one by one', async () => {
    const result = await runChain([v2({ operation: 'deleteRecord', id: '={{ $json.id }}' })], { items: [{ json: { id: 'rec00000000000001' } }, { json: { id: 'rec00000000000003' } }], credentials });
    expect(outputOf(result, 'Airtable')).toEqual([
      { json: { id: 'rec00000000000001', deleted: true }, pairedItem: { item: 0 } },
      { json: { id: 'rec00000000000003', deleted: true }, pairedItem: { item: 1 } },
    ]);
    expect(airtable.records.map((record) => record.fields.Name)).toEqual(['Bob']);
  });
});

describe('Airtable v2 bases and errors', () => {
  it('lists bases page by page and filters them by permission level; reads a base schema', async () => {
    const bases = await runChain([{ name: 'Airtable', type: 'n8n-nodes-base.airtable', typeVersion: 2.1, parameters: { resource: 'base', operation: 'getMany', options: { permissionLevel: ['create'] } } }],
      { items: [{ json: {} }], credentials });
    expect(jsonOf(bases)).toEqual([{ id: 'appTEST', name: 'Base 0', permissionLevel: 'create' }, { id: 'appOther1', name: 'Base 1', permissionLevel: 'create' }]);
    expect(airtable.seen.map((call) => call.query.get('offset'))).toEqual([null, '2']);
    const limited = await runChain([{ name: 'Airtable', type: 'n8n-nodes-base.airtable', typeVersion: 2, parameters: { resource: 'base', operation: 'getMany', returnAll: false, limit: 1 } }],
      { items: [{ json: {} }], credentials });
    expect(jsonOf(limited)).toHaveLength(1);
    const schemaRun = await runChain([{ name: 'Airtable', type: 'n8n-nodes-base.airtable', typeVersion: 2.1, parameters: { resource: 'base', operation: 'getSchema', base: rl('https://airtable.com/appTEST/tblPeople', 'url') } }],
      { items: [{ json: {} }], credentials });
    expect(jsonOf(schemaRun)[0]).toMatchObject({ id: 'tblPeople', name: 'People', fields: expect.arrayContaining([{ id: 'fldAge', name: 'Age', type: 'number' }]) });
  });

  it('waits out a 429 (Retry-After, else the configured wait) and fails with Airtable’s message when it persists', async () => {
    airtable.rateLimit(1, '1');
    const started = Date.now();
    const once = await runChain([v2({ operation: 'get', id: 'rec00000000000001' })], { items: [{ json: {} }], credentials });
    expect(jsonOf(once)[0].Name).toBe('Ann');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    airtable.reset(people);
    airtable.rateLimit(10);
    const persisting = await runChain([v2({ operation: 'get', id: 'rec00000000000001' })], { items: [{ json: {} }], credentials });
    expect(persisting.data.resultData.error).toMatchObject({ message: 'The service is receiving too many requests from you', description: 'Rate limit exceeded. Please try again later' });
    expect(airtable.seen).toHaveLength(4); // the first call and three retries
  });

  it('reports a wrong token, a base it cannot see, an OAuth2 credential without token and an unknown operation', async () => {
    const wrong = await runChain([v2({ operation: 'get', id: 'x' })], { items: [{ json: {} }], credentials: { airtableTokenApi: { accessToken: 'nope' } } });
    expect(wrong.data.resultData.error).toMatchObject({ message: 'Authorization failed - please check your credentials', description: 'Invalid authentication token' });
    const hidden = await runChain([v2({ operation: 'search', base: rl('appSECRET', 'id') })], { items: [{ json: {} }], credentials });
    expect(hidden.data.resultData.error).toMatchObject({ message: 'Forbidden - perhaps check your credentials?', description: expect.stringContaining('Invalid permissions') });
    const oauth = await runChain([v2({ authentication: 'airtableOAuth2Api', operation: 'get', id: 'rec00000000000001' })], { items: [{ json: {} }], credentials: { airtableOAuth2Api: { oauthTokenData: { access_token: 'oauthTEST' } } } });
    expect(jsonOf(oauth)[0].Name).toBe('Ann');
    expect(recordCalls().at(-1)?.authorization).toBe('Bearer oauthTEST');
    const unconnected = await runChain([v2({ authentication: 'airtableOAuth2Api', operation: 'get', id: 'x' })], { items: [{ json: {} }], credentials: { airtableOAuth2Api: {} } });
    expect(unconnected.data.resultData.error?.message).toBe('The Airtable OAuth2 credential has no access token');
    const unknown = await runChain([v2({ operation: 'explode' })], { items: [{ json: {} }], credentials });
    expect(unknown.data.resultData.error?.message).toBe('The operation "explode" is not supported!');
  });

  it('words a refused connection as n8n does', async () => {
    process.env.WEFT_AIRTABLE_API_URL = 'http://127.0.0.1:1/v0';
    try {
      const result = await runChain([v2({ operation: 'get', id: 'x' })], { items: [{ json: {} }], credentials });
      expect(result.data.resultData.error).toMatchObject({ message: 'The service refused the connection - perhaps it is offline', description: expect.stringMatching(/ECONNREFUSED/) });
    } finally {
      process.env.WEFT_AIRTABLE_API_URL = airtable.apiUrl;
    }
  });

  it('tests a personal access token with meta/whoami', async () => {
    await expect(testAirtableTokenCredential({ accessToken: 'patTEST' }, 5000)).resolves.toBe('Connection tested successfully (ann@example.com)');
    await expect(testAirtableTokenCredential({ accessToken: 'nope' }, 5000)).rejects.toThrow('Authorization failed - please check your credentials: Invalid authentication token');
    expect(airtable.seen.map((call) => call.path)).toEqual(['/v0/meta/whoami', '/v0/meta/whoami']);
  });
});

describe('Airtable v1', () => {
  const v1 = (parameters: Record<string, unknown>, continueOnFail = false): TestNode => ({
    name: 'Airtable', type: 'n8n-nodes-base.airtable', typeVersion: 1, continueOnFail,
    parameters: { authentication: 'airtableTokenApi', application: rl('https://airtable.com/appTEST/tblPeople/viwAll', 'url'), table: rl('People', 'id'), ...parameters },
  });

  it('appends items in batches of Bulk Size, each batch paired with the item that closed it', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ json: { id: `x${i}`, Name: `N${i}`, Age: i } }));
    const result = await runChain([v1({ operation: 'append', options: { bulkSize: 2 } })], { items, credentials });
    expect(recordCalls().map((call) => (call.body as { records: unknown[] }).records.length)).toEqual([2, 2, 1]);
    expect((recordCalls()[0].body as { records: unknown[] }).records[0]).toEqual({ fields: { Name: 'N0', Age: 0 } });
    expect(outputOf(result, 'Airtable').map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 1 }, { item: 3 }, { item: 3 }, { item: 4 }]);
    expect(jsonOf(result)[0]).toEqual({ id: 'rec00000000000004', createdTime: '2024-01-01T00:00:04.000Z', fields: { Name: 'N0', Age: 0 } });
  });

  it('appends only the named fields, lists with options (unflattened), reads, updates and deletes', async () => {
    await runChain([v1({ operation: 'append', addAllFields: false, fields: ['Name'], options: { typecast: true } })], { items: [{ json: { Name: 'Only', Age: 3 } }], credentials });
    expect(recordCalls()[0].body).toEqual({ typecast: true, records: [{ fields: { Name: 'Only' } }] });

    airtable.reset(people);
    const listed = await runChain([v1({ operation: 'list', returnAll: false, limit: 2, additionalOptions: { fields: ['Name'], sort: { property: [{ field: 'Age', direction: 'desc' }] } } })],
      { items: [{ json: {} }], credentials });
    expect(jsonOf(listed)).toEqual([
      { id: 'rec00000000000003', createdTime: '2024-01-01T00:00:03.000Z', fields: { Name: 'Cid' } },
      { id: 'rec00000000000001', createdTime: '2024-01-01T00:00:01.000Z', fields: { Name: 'Ann' } },
    ]);
    expect(recordCalls()[0].query.get('maxRecords')).toBe('2');

    const read = await runChain([v1({ operation: 'read', id: 'rec00000000000002' })], { items: [{ json: {} }], credentials });
    expect(jsonOf(read)[0]).toMatchObject({ id: 'rec00000000000002', fields: { Name: 'Bob' } });

    airtable.reset(people);
    await runChain([v1({ operation: 'update', id: '={{ $json.id }}', options: { ignoreFields: 'Status' } })], { items: [{ json: { id: 'rec00000000000002', Age: 26, Status: 'x' } }], credentials });
    expect(recordCalls()[0].body).toEqual({ records: [{ id: 'rec00000000000002', fields: { Age: 26 } }], typecast: false });

    airtable.reset(people);
    const deleted = await runChain([v1({ operation: 'delete', id: '={{ $json.id }}' })], { items: [{ json: { id: 'rec00000000000001' } }, { json: { id: 'rec00000000000002' } }], credentials });
    expect(recordCalls()[0].query.getAll('records[]')).toEqual(['rec00000000000001', 'rec00000000000002']);
    expect(jsonOf(deleted)).toEqual([{ id: 'rec00000000000001', deleted: true }, { id: 'rec00000000000002', deleted: true }]);
  });

  it('refuses the retired API key connection, and lists into an error item on continue-on-fail', async () => {
    const legacy = await runChain([{ ...v1({ operation: 'list' }), parameters: { operation: 'list', application: rl('appTEST', 'id'), table: rl('People', 'id') } }], { items: [{ json: {} }], credentials: { airtableApi: { apiKey: 'key' } } });
    expect(legacy.data.resultData.error?.message).toBe('The API Key connection was deprecated by Airtable, please use Access Token or OAuth2 instead.');
    const bad = await runChain([v1({ operation: 'list', additionalOptions: { filterByFormula: 'LEN(' } }, true)], { items: [{ json: {} }], credentials });
    expect(jsonOf(bad)).toEqual([{ error: 'Your request is invalid or could not be processed by the service' }]);
  });
});
