// The Baserow node against a local stand-in of Baserow's REST API (baserow-stand-in.ts, written
// from Baserow's API documentation): the JWT login, field-name mapping, filters, sorting, search,
// page pagination, errors, and the editor's dropdowns.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { methodContext } from '../node-methods.ts';
import { testBaserowCredential } from './baserow-credential-test.ts';
import { baserowNode } from './baserow.node.ts';
import { startBaserowStandIn, USER, type BaserowStandIn } from './baserow-stand-in.ts';

let baserow: BaserowStandIn;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  baserow = await startBaserowStandIn();
  credentials = { baserowApi: { host: `${baserow.url}/`, ...USER } };
});
afterAll(async () => {
  await baserow.close();
});
beforeEach(() => {
  baserow.seen.length = 0;
});

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'Baserow', type: 'n8n-nodes-base.baserow', typeVersion: 1, parameters: { databaseId: 7, tableId: 42, ...parameters }, continueOnFail,
  credentials: { baserowApi: { id: '1', name: 'Baserow account' } },
});
const rowCalls = () => baserow.seen.filter((r) => r.path.startsWith('/api/database/rows/'));

describe('Baserow rows', () => {
  it('logs in for a JWT, reads the fields, and gets a row with field names', async () => {
    const result = await runChain([node({ operation: 'get', rowId: '={{ $json.id }}' })], { items: [{ json: { id: 3 } }], credentials });
    expect(baserow.seen[0]).toMatchObject({ method: 'POST', path: '/api/user/token-auth/', body: USER });
    expect(baserow.seen[1]).toMatchObject({ method: 'GET', path: '/api/database/fields/table/42/', authorization: 'JWT jwt-abc.def.ghi' });
    expect(rowCalls()[0]).toMatchObject({ method: 'GET', path: '/api/database/rows/table/42/3/' });
    expect(outputOf(result, 'Baserow')).toEqual([{ json: { id: 3, order: '3.00000000000000000000', Name: 'Person 3', Age: '23' }, pairedItem: { item: 0 } }]);
  });

  it('creates from fields defined below as field_<id> keys, and auto-maps input names to ids, ignoring listed inputs', async () => {
    const created = await runChain([node({ operation: 'create', fieldsUi: { fieldValues: [{ fieldId: 101, fieldValue: 'Zoe' }, { fieldId: 102, fieldValue: '31' }] } })],
      { items: [{ json: {} }], credentials });
    expect(rowCalls()[0]).toMatchObject({ method: 'POST', path: '/api/database/rows/table/42/', body: { field_101: 'Zoe', field_102: '31' } });
    expect(outputOf(created, 'Baserow')[0].json).toMatchObject({ Name: 'Zoe', Age: '31' });
    baserow.seen.length = 0;
    const updated = await runChain([node({ operation: 'update', rowId: '5', dataToSend: 'autoMapInputData', inputsToIgnore: 'skip, other' })],
      { items: [{ json: { Name: 'Eve', skip: 1, other: 2 } }], credentials });
    expect(rowCalls()[0]).toMatchObject({ method: 'PATCH', path: '/api/database/rows/table/42/5/', body: { field_101: 'Eve' } });
    expect(outputOf(updated, 'Baserow')[0].json).toMatchObject({ id: 5, Name: 'Eve' });
  });

  it('deletes and outputs success', async () => {
    const result = await runChain([node({ operation: 'delete', rowId: '9' })], { items: [{ json: {} }], credentials });
    expect(rowCalls()[0]).toMatchObject({ method: 'DELETE', path: '/api/database/rows/table/42/9/' });
    expect(outputOf(result, 'Baserow')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });

  it('getAll pages with page/size 100 until next is null, or stops at the limit; sends filters, filter type, search and order', async () => {
    const all = await runChain([node({ operation: 'getAll', returnAll: true })], { items: [{ json: {} }], credentials });
    expect(outputOf(all, 'Baserow').length).toBeGreaterThanOrEqual(129);
    expect(rowCalls().map((c) => c.query)).toEqual([{ page: '1', size: '100' }, { page: '2', size: '100' }]);
    baserow.seen.length = 0;
    const some = await runChain([node({ operation: 'getAll', limit: 3, additionalOptions: {
      filters: { fields: [{ field: 102, operator: 'higher_than', value: '40' }, { field: 101, operator: 'contains', value: 'Person 2' }] },
      filterType: 'AND', search: 'Person', order: { fields: [{ field: 102, direction: '-' }] },
    } })], { items: [{ json: {} }], credentials });
    expect(rowCalls()[0].query).toEqual({
      order_by: '-102', filter__field_102__higher_than: '40', filter__field_101__contains: 'Person 2', filter_type: 'AND', search: 'Person', page: '1', size: '100',
    });
    const out = outputOf(some, 'Baserow').map((i) => i.json);
    expect(out).toHaveLength(3);
    expect(out.every((r) => Number(r.Age) > 40 && String(r.Name).startsWith('Person 2'))).toBe(true);
  });

  it('says what Baserow said: a missing row, a refused login, and an error item with continue on fail', async () => {
    const missing = await runChain([node({ operation: 'get', rowId: '999' })], { items: [{ json: {} }], credentials });
    expect(missing.data.resultData.error?.message).toBe('The resource you are requesting could not be found');
    expect((missing.data.resultData.error as { description?: string }).description).toBe('ERROR_ROW_DOES_NOT_EXIST: The row id 999 does not exist.');
    const login = await runChain([node({ operation: 'get', rowId: '1' })], { items: [{ json: {} }], credentials: { baserowApi: { host: baserow.url, username: 'x', password: 'y' } } });
    expect((login.data.resultData.error as { description?: string }).description).toBe('ERROR_INVALID_CREDENTIALS: Unable to log in with provided credentials.');
    const kept = await runChain([node({ operation: 'get', rowId: '={{ $json.id }}' }, true)], { items: [{ json: { id: 999 } }, { json: { id: 1 } }], credentials });
    const out = outputOf(kept, 'Baserow');
    expect(out[0]).toEqual({ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } });
    expect(out[1].json.Name).toBe('Person 1');
  });

  it('waits out a 429 with Retry-After', async () => {
    baserow.rateLimitOnce('/api/database/rows/table/42/2/', 1);
    const started = Date.now();
    const result = await runChain([node({ operation: 'get', rowId: '2' })], { items: [{ json: {} }], credentials });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(outputOf(result, 'Baserow')[0].json.Name).toBe('Person 2');
  });
});

describe('Baserow editor methods and credential test', () => {
  const env = { getCredentials: async () => credentials.baserowApi, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
  const ctxFor = (method: string, currentNodeParameters: Record<string, unknown>) => methodContext({
    nodeType: baserowNode, kind: 'loadOptions', method, currentNodeParameters, credentials: { baserowApi: { id: '1', name: 'x' } },
  }, env);

  it('loads databases, tables of the chosen database and fields of the chosen table', async () => {
    const load = baserowNode.methods?.loadOptions ?? {};
    expect(await load.getDatabaseIds(ctxFor('getDatabaseIds', {}))).toEqual([{ name: 'CRM', value: 7 }]);
    expect(await load.getTableIds(ctxFor('getTableIds', { databaseId: 7 }))).toEqual([{ name: 'People', value: 42 }]);
    expect(await load.getTableFields(ctxFor('getTableFields', { databaseId: 7, tableId: 42 }))).toEqual([{ name: 'Name', value: 101 }, { name: 'Age', value: 102 }]);
  });

  it('tests the credential by logging in', async () => {
    await expect(testBaserowCredential({ host: baserow.url, ...USER }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testBaserowCredential({ host: baserow.url, username: 'x', password: 'y' }, 5000)).rejects.toThrow('ERROR_INVALID_CREDENTIALS');
  });
});
