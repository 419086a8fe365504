// The NocoDB node (typeVersions 1–3, API versions 1–3) against a local stand-in of NocoDB's REST
// APIs (noco-db-stand-in.ts, written from NocoDB's documentation).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testNocoDbCredential } from './noco-db-credential-test.ts';
import { startNocoDbStandIn, TOKENS, type NocoDbStandIn } from './noco-db-stand-in.ts';

let noco: NocoDbStandIn;
let credentials: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  noco = await startNocoDbStandIn();
  credentials = { nocoDbApiToken: { host: `${noco.url}/`, apiToken: TOKENS.api }, nocoDb: { host: noco.url, apiToken: TOKENS.user } };
});
afterAll(async () => { await noco.close(); });
beforeEach(() => { noco.seen.length = 0; });

const node = (typeVersion: number, parameters: Record<string, unknown>, continueOnFail = false) => ({
  name: 'NocoDB', type: 'n8n-nodes-base.nocoDb', typeVersion, parameters: { projectId: 'p1', table: 'tasks', ...parameters }, continueOnFail,
  credentials: { nocoDb: { id: '1', name: 'NocoDB user' }, nocoDbApiToken: { id: '2', name: 'NocoDB token' } },
});
const run = (typeVersion: number, parameters: Record<string, unknown>, items = [{ json: {} }], creds = credentials) =>
  runChain([node(typeVersion, parameters)], { items, credentials: creds });

describe('NocoDB v3 (API v0.200+)', () => {
  it('creates every item’s row in one bulk POST with xc-token and outputs the rows with their new ids', async () => {
    const result = await run(3, { operation: 'create', dataToSend: 'autoMapInputData', inputsToIgnore: 'skip' }, [{ json: { Title: 'A', skip: 1 } }, { json: { Title: 'B' } }]);
    expect(outputOf(result, 'NocoDB').map((i) => i.json)).toEqual([{ Title: 'A', id: 500 }, { Title: 'B', id: 501 }]);
    expect(noco.seen).toHaveLength(1);
    expect(noco.seen[0]).toMatchObject({ method: 'POST', path: '/api/v1/db/data/bulk/noco/p1/tasks', headers: { 'xc-token': TOKENS.api }, body: [{ Title: 'A' }, { Title: 'B' }] });
  });

  it('update PATCHes the bulk path with the primary key; a row not found is an error; delete', async () => {
    await run(3, { operation: 'update', id: '7', fieldsUi: { fieldValues: [{ fieldName: 'Title', fieldValue: 'New' }] } });
    expect(noco.seen[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/db/data/bulk/noco/p1/tasks', body: [{ id: '7', Title: 'New' }] });
    const missing = await run(3, { operation: 'delete', id: 'missing' });
    expect(missing.data.resultData.error?.message).toBe('The row with the ID "missing" could not be deleted. It probably doesn\'t exist.');
    const deleted = await run(3, { operation: 'delete', id: '7', primaryKey: 'custom', customPrimaryKey: 'Id' });
    expect(outputOf(deleted, 'NocoDB')[0].json).toEqual({ Id: '7', success: true });
    expect(noco.seen[2]).toMatchObject({ method: 'DELETE', body: [{ Id: '7' }] });
  });

  it('getAll follows pageInfo.isLastPage 100 at a time; a limit asks once; sort, fields and where go in the query', async () => {
    const all = await run(3, { operation: 'getAll', returnAll: true });
    expect(outputOf(all, 'NocoDB')).toHaveLength(230);
    expect(noco.seen.map((r) => [r.query.limit, r.query.offset])).toEqual([['100', '0'], ['100', '100'], ['100', '200']]);
    noco.seen.length = 0;
    const some = await run(3, { operation: 'getAll', limit: 3, options: { fields: ['Title', 'Id'], where: '(Title,like,Row%)', sort: { property: [{ field: 'Title', direction: 'desc' }] } } });
    expect(outputOf(some, 'NocoDB')).toHaveLength(3);
    expect(noco.seen[0]).toMatchObject({ path: '/api/v1/db/data/noco/p1/tasks', query: { fields: 'Title,Id', where: '(Title,like,Row%)', sort: '-Title', limit: '3' } });
  });

  it('get reads one row per item; NocoDB’s msg is said in the error; continue on fail; 429 waited out', async () => {
    const got = await run(3, { operation: 'get', id: '5' });
    expect(outputOf(got, 'NocoDB')[0].json).toEqual({ Id: 5, Title: 'Row 5' });
    const kept = await runChain([node(3, { operation: 'get', id: '={{ $json.id }}' }, true)], { items: [{ json: { id: 999 } }, { json: { id: 2 } }], credentials });
    expect(outputOf(kept, 'NocoDB').map((i) => i.json.error ?? i.json.Id)).toEqual(["The resource you are requesting could not be found: Record '999' not found", 2]);
    const bad = await run(3, { operation: 'get', id: '5' }, [{ json: {} }], { nocoDbApiToken: { host: noco.url, apiToken: 'nope' } });
    expect(bad.data.resultData.error?.message).toBe('Authorization failed - please check your credentials: Authentication required - Invalid token');
    noco.rateLimitOnce('/api/v1/db/data/noco/p1/tasks/6', 0);
    expect(outputOf(await run(3, { operation: 'get', id: '6' }), 'NocoDB')[0].json.Id).toBe(6);
  });
});

describe('NocoDB older API versions', () => {
  it('v1 uses the legacy /nc paths with xc-auth, counts ids back from the last one, and pages until an empty list', async () => {
    const created = await run(1, { operation: 'create', fieldsUi: { fieldValues: [{ fieldName: 'Title', fieldValue: 'X' }] } }, [{ json: {} }, { json: {} }]);
    expect(outputOf(created, 'NocoDB').map((i) => i.json)).toEqual([{ Title: 'X', id: 101 }, { Title: 'X', id: 102 }]);
    expect(noco.seen[0]).toMatchObject({ method: 'POST', path: '/nc/p1/api/v1/tasks/bulk', headers: { 'xc-auth': TOKENS.user } });
    noco.seen.length = 0;
    const all = await run(1, { operation: 'getAll', returnAll: true });
    expect(outputOf(all, 'NocoDB')).toHaveLength(230);
    expect(noco.seen.map((r) => r.query.offset)).toEqual(['0', '100', '200', '300']);
    await run(1, { operation: 'update', id: '3', fieldsUi: { fieldValues: [{ fieldName: 'Title', fieldValue: 'Y' }] } });
    expect(noco.seen.at(-1)).toMatchObject({ method: 'PUT', path: '/nc/p1/api/v1/tasks/bulk', body: [{ id: '3', Title: 'Y' }] });
  });

  it('v2 (API v0.90+) uses /api/v1/db/data/noco and the API version parameter overrides the typeVersion’s', async () => {
    await run(2, { operation: 'delete', id: '4' });
    expect(noco.seen[0]).toMatchObject({ method: 'DELETE', path: '/api/v1/db/data/noco/p1/tasks/bulk', headers: { 'xc-token': TOKENS.api }, body: [{ id: '4' }] });
    await run(3, { version: 1, authentication: 'nocoDb', operation: 'get', id: '1' });
    expect(noco.seen[1]).toMatchObject({ path: '/nc/p1/api/v1/tasks/1', headers: { 'xc-auth': TOKENS.user } });
  });
});

describe('NocoDB credential tests', () => {
  it('read /api/v1/auth/user/me with xc-token or xc-auth', async () => {
    await expect(testNocoDbCredential('nocoDbApiToken', { host: noco.url, apiToken: TOKENS.api }, 5000)).resolves.toBe('Connection tested successfully');
    expect(noco.seen[0]).toMatchObject({ path: '/api/v1/auth/user/me', headers: { 'xc-token': TOKENS.api } });
    await expect(testNocoDbCredential('nocoDb', { host: noco.url, apiToken: TOKENS.user }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testNocoDbCredential('nocoDb', { host: noco.url, apiToken: 'bad' }, 5000)).rejects.toThrow('NocoDB answered 401');
  });
});
