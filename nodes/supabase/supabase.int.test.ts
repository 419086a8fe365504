// The Supabase node on the real engine against a local stand-in for a project's REST API
// (supabase-stand-in.ts, written from the PostgREST and Supabase docs): requests sent and items output.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testSupabaseCredential } from './supabase-credential-test.ts';
import { SERVICE_ROLE, startSupabaseStandIn, type SupabaseStandIn } from './supabase-stand-in.ts';

let supabase: SupabaseStandIn;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  supabase = await startSupabaseStandIn();
  credentials = { supabaseApi: { host: supabase.url, serviceRole: SERVICE_ROLE } };
});
afterAll(() => supabase.close());
beforeEach(() => supabase.reset());

async function run(parameters: Record<string, unknown>, options: { items?: Item[]; continueOnFail?: boolean; credential?: Record<string, unknown> } = {}) {
  supabase.seen.length = 0;
  const node = { name: 'Supabase', type: 'n8n-nodes-base.supabase', typeVersion: 1, parameters, continueOnFail: options.continueOnFail ?? false,
    credentials: { supabaseApi: { id: '1', name: 'Supabase account' } } };
  const result = await runChain([node], { items: options.items ?? [{ json: {} }], credentials: options.credential ? { supabaseApi: options.credential } : credentials });
  return { output: outputOf(result, 'Supabase'), error: result.data.resultData.error as (Error & { description?: string }) | undefined };
}

const rows = (table = 'public.contacts') => supabase.tables.get(table)!.rows;

describe('Supabase row:create', () => {
  it('inserts all items\' fields in one request with the key headers and outputs the created rows paired by position', async () => {
    const { output, error } = await run({
      tableId: 'contacts', fieldsUi: { fieldValues: [{ fieldId: 'name', fieldValue: '={{ $json.who }}' }, { fieldId: 'email', fieldValue: '={{ $json.mail }}' }] },
    }, { items: [{ json: { who: 'Dan', mail: 'dan@example.com' } }, { json: { who: 'Eve', mail: 'eve@example.com' } }] });
    expect(error).toBeUndefined();
    expect(supabase.seen).toHaveLength(1);
    const [request] = supabase.seen;
    expect([request.method, request.path, request.search]).toEqual(['POST', '/rest/v1/contacts', '']);
    expect(request.headers).toEqual(expect.objectContaining({ apikey: SERVICE_ROLE, authorization: `Bearer ${SERVICE_ROLE}`, prefer: 'return=representation', 'content-type': 'application/json' }));
    expect(request.body).toEqual([{ name: 'Dan', email: 'dan@example.com' }, { name: 'Eve', email: 'eve@example.com' }]);
    expect(output).toEqual([
      { json: { id: 4, name: 'Dan', email: 'dan@example.com', age: null, bio: null, active: null }, pairedItem: { item: 0 } },
      { json: { id: 5, name: 'Eve', email: 'eve@example.com', age: null, bio: null, active: null }, pairedItem: { item: 1 } },
    ]);
  });

  it('auto-maps the input fields, less the ignored ones', async () => {
    const { output } = await run({ tableId: 'contacts', dataToSend: 'autoMapInputData', inputsToIgnore: 'debug, source' },
      { items: [{ json: { name: 'Fay', age: 40, debug: true, source: 'form' } }] });
    expect(supabase.seen[0].body).toEqual([{ name: 'Fay', age: 40 }]);
    expect(output[0].json).toEqual(expect.objectContaining({ id: 4, name: 'Fay', age: 40 }));
  });

  it('fails with PostgREST\'s message, or puts it on one item paired with all inputs', async () => {
    const failed = await run({ tableId: 'contacts', dataToSend: 'autoMapInputData' }, { items: [{ json: { nickname: 'x' } }] });
    expect(failed.error?.message).toBe('Bad request - please check your parameters');
    expect(failed.error?.description).toBe("Could not find the 'nickname' column of 'contacts' in the schema cache");
    const kept = await run({ tableId: 'contacts', dataToSend: 'autoMapInputData' }, { items: [{ json: { nickname: 'x' } }, { json: { nickname: 'y' } }], continueOnFail: true });
    expect(kept.output).toEqual([{ json: { error: "Could not find the 'nickname' column of 'contacts' in the schema cache" }, pairedItem: [{ item: 0 }, { item: 1 }] }]);
  });
});

describe('Supabase row:get, getAll', () => {
  it('get asks for each condition\'s column to equal its value', async () => {
    const { output } = await run({ operation: 'get', tableId: 'contacts', filters: { conditions: [{ keyName: 'id', keyValue: '={{ $json.id }}' }] } },
      { items: [{ json: { id: 3 } }, { json: { id: 1 } }] });
    expect(supabase.seen.map((s) => [s.method, s.path, s.search])).toEqual([['GET', '/rest/v1/contacts', '?id=eq.3'], ['GET', '/rest/v1/contacts', '?id=eq.1']]);
    expect(output.map((item) => [item.json.name, item.pairedItem])).toEqual([['Cleo Ray', { item: 0 }], ['Ann Lee', { item: 1 }]]);
  });

  it('get without conditions fails before any request; a missing table keeps the status wording on the item', async () => {
    const none = await run({ operation: 'get', tableId: 'contacts' });
    expect(none.error?.message).toBe('At least one select condition must be defined');
    expect(supabase.seen).toHaveLength(0);
    const missing = await run({ operation: 'get', tableId: 'nope', filters: { conditions: [{ keyName: 'id', keyValue: '1' }] } }, { continueOnFail: true });
    expect(missing.output).toEqual([{ json: { error: 'The resource you are requesting could not be found' }, pairedItem: { item: 0 } }]);
  });

  it('getAll sends the limit and any/all conditions as PostgREST or/and lists', async () => {
    const any = await run({ operation: 'getAll', tableId: 'contacts', limit: 2, filters: { conditions: [
      { keyName: 'age', condition: 'lt', keyValue: '18' }, { keyName: 'bio', condition: 'fullText', searchFunction: 'wfts', keyValue: 'gardens' },
    ] } });
    expect(supabase.seen[0].query.get('or')).toBe('(age.lt.18,bio.wfts.gardens)');
    expect(supabase.seen[0].query.get('limit')).toBe('2');
    expect(any.output.map((item) => item.json.id)).toEqual([2, 3]);
    const all = await run({ operation: 'getAll', tableId: 'contacts', returnAll: true, matchType: 'allFilters', filters: { conditions: [
      { keyName: 'active', condition: 'is', keyValue: 'true' }, { keyName: 'name', condition: 'ilike', keyValue: '*lee*' },
    ] } });
    expect(supabase.seen[0].search).toBe(`?${new URLSearchParams({ and: '(active.is.true,name.ilike.*lee*)' })}`);
    expect(all.output.map((item) => item.json.id)).toEqual([1]);
  });

  it('getAll with a filter string sends it as written; without filters it sends only the limit (default 50)', async () => {
    const { output } = await run({ operation: 'getAll', tableId: 'contacts', filterType: 'string', filterString: 'age=gte.30&name=like.C*' });
    expect(supabase.seen[0].search).toBe('?age=gte.30&name=like.C*&limit=50');
    expect(output.map((item) => item.json.name)).toEqual(['Cleo Ray']);
    await run({ operation: 'getAll', tableId: 'contacts', filterType: 'none' });
    expect(supabase.seen[0].search).toBe('?limit=50');
  });

  it('getAll with Return All pages by offset past the 1000-row cap', async () => {
    const { output } = await run({ operation: 'getAll', tableId: 'events', returnAll: true, filterType: 'none' });
    expect(supabase.seen.map((s) => s.search)).toEqual(['', '?offset=1000', '?offset=2000']);
    expect(output).toHaveLength(2345);
    expect(output[2344]).toEqual({ json: { id: 2345, kind: 'view' }, pairedItem: { item: 0 } });
  });

  it('a custom schema goes as Accept-Profile for reads and Content-Profile for writes', async () => {
    const read = await run({ useCustomSchema: true, schema: 'crm', operation: 'getAll', tableId: 'deals', returnAll: true, filterType: 'none' });
    expect(supabase.seen[0].headers['accept-profile']).toBe('crm');
    expect(read.output.map((item) => item.json.title)).toEqual(['Big one']);
    await run({ useCustomSchema: true, schema: 'crm', tableId: 'deals', fieldsUi: { fieldValues: [{ fieldId: 'title', fieldValue: 'New' }] } });
    expect(supabase.seen[0].headers['content-profile']).toBe('crm');
    expect(rows('crm.deals').map((r) => r.title)).toEqual(['Big one', 'New']);
    const unexposed = await run({ useCustomSchema: true, schema: 'secret', operation: 'getAll', tableId: 'deals' });
    expect(unexposed.error?.description).toBe('The schema must be one of the following: public, crm');
  });
});

describe('Supabase row:update, delete', () => {
  it('update with all conditions sends one column=op.value each and outputs the changed rows', async () => {
    const { output } = await run({
      operation: 'update', tableId: 'contacts', matchType: 'allFilters',
      filters: { conditions: [{ keyName: 'id', condition: 'eq', keyValue: '={{ $json.id }}' }] },
      fieldsUi: { fieldValues: [{ fieldId: 'active', fieldValue: '={{ $json.on }}' }] },
    }, { items: [{ json: { id: 2, on: true } }] });
    expect(supabase.seen[0].method).toBe('PATCH');
    expect(supabase.seen[0].search).toBe('?id=eq.2');
    expect(supabase.seen[0].body).toEqual({ active: true });
    expect(output).toEqual([{ json: expect.objectContaining({ id: 2, active: true }), pairedItem: { item: 0 } }]);
    expect(rows()[1].active).toBe(true);
  });

  it('update by filter string auto-maps the item; without conditions it fails', async () => {
    await run({ operation: 'update', tableId: 'contacts', filterType: 'string', filterString: 'email=is.null', dataToSend: 'autoMapInputData' }, { items: [{ json: { email: 'cleo@example.com' } }] });
    expect(supabase.seen[0].search).toBe('?email=is.null');
    expect(rows()[2].email).toBe('cleo@example.com');
    const none = await run({ operation: 'update', tableId: 'contacts' });
    expect(none.error?.message).toBe('At least one select condition must be defined');
    expect(supabase.seen).toHaveLength(0);
  });

  it('delete with any condition sends an or list and outputs the deleted rows; PostgREST errors go on the item', async () => {
    const { output } = await run({ operation: 'delete', tableId: 'contacts', filters: { conditions: [
      { keyName: 'id', condition: 'eq', keyValue: '1' }, { keyName: 'age', condition: 'gt', keyValue: '50' },
    ] } });
    expect(supabase.seen[0].method).toBe('DELETE');
    expect(supabase.seen[0].query.get('or')).toBe('(id.eq.1,age.gt.50)');
    expect(output.map((item) => item.json.id)).toEqual([1, 3]);
    expect(rows().map((r) => r.id)).toEqual([2]);
    const kept = await run({ operation: 'delete', tableId: 'contacts', filters: { conditions: [{ keyName: 'shoe', condition: 'eq', keyValue: '9' }] } }, { continueOnFail: true });
    expect(kept.output).toEqual([{ json: { error: 'column contacts.shoe does not exist' }, pairedItem: { item: 0 } }]);
  });
});

describe('Supabase errors and limits', () => {
  it('a wrong secret is refused with Supabase\'s message', async () => {
    const { error } = await run({ operation: 'getAll', tableId: 'contacts' }, { credential: { host: supabase.url, serviceRole: 'wrong' } });
    expect(error?.message).toBe('Authorization failed - please check your credentials');
    expect(error?.description).toBe('Invalid API key');
  });

  it('waits out a 429 (Retry-After) and succeeds; fails with the message when they keep coming', async () => {
    supabase.rateLimit(1, '1');
    const started = Date.now();
    const slow = await run({ operation: 'getAll', tableId: 'contacts', filterType: 'none' });
    expect(slow.error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(slow.output).toHaveLength(3);
    supabase.rateLimit(10, '0');
    const failed = await run({ operation: 'getAll', tableId: 'contacts', filterType: 'none' });
    expect(supabase.seen).toHaveLength(4);
    expect(failed.error?.message).toBe('The service is receiving too many requests from you');
    expect(failed.error?.description).toBe('API rate limit exceeded');
    supabase.rateLimit(0, '0');
  });

  it('an operation the node does not have fails naming it', async () => {
    const { error } = await run({ operation: 'upsert', tableId: 'contacts' });
    expect(error?.message).toBe('The operation "upsert" is not supported by the Supabase node');
  });
});

describe('supabaseApi credential test', () => {
  it('reads the API description with the secret, and says the key is invalid otherwise', async () => {
    await expect(testSupabaseCredential({ host: `${supabase.url}/`, serviceRole: SERVICE_ROLE }, 5000)).resolves.toBe('Connection successful!');
    expect(supabase.seen.at(-1)).toEqual(expect.objectContaining({ method: 'GET', path: '/rest/v1/' }));
    await expect(testSupabaseCredential({ host: supabase.url, serviceRole: 'nope' }, 5000))
      .rejects.toThrow('The Service Key is invalid: Authorization failed - please check your credentials (Invalid API key)');
  });
});
