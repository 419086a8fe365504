// The Supabase node's editor methods against the local PostgREST stand-in (supabase-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { SERVICE_ROLE, startSupabaseStandIn, type SupabaseStandIn } from './supabase-stand-in.ts';
import { supabaseNode } from './supabase.node.ts';

let supabase: SupabaseStandIn;
beforeAll(async () => { supabase = await startSupabaseStandIn(); });
afterAll(() => supabase.close());
beforeEach(() => supabase.reset());

const call = (method: string, currentNodeParameters: Record<string, unknown>, serviceRole = SERVICE_ROLE) =>
  runNodeMethod({ nodeType: supabaseNode, typeVersion: 1, kind: 'loadOptions', method, currentNodeParameters, credentials: { supabaseApi: { id: '1', name: 'sb' } } },
    { getCredentials: async () => ({ host: supabase.url, serviceRole }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Supabase editor methods', () => {
  it('getTables lists the tables of the API description, in the custom schema when one is set', async () => {
    expect(await call('getTables', { operation: 'getAll' })).toEqual({ options: [{ name: 'contacts', value: 'contacts' }, { name: 'events', value: 'events' }] });
    expect(supabase.seen.map((r) => [r.method, r.path])).toEqual([['GET', '/rest/v1/']]);
    expect(supabase.seen[0].headers).toEqual(expect.objectContaining({ apikey: SERVICE_ROLE, authorization: `Bearer ${SERVICE_ROLE}` }));
    expect(await call('getTables', { operation: 'getAll', useCustomSchema: true, schema: 'crm' })).toEqual({ options: [{ name: 'deals', value: 'deals' }] });
    expect(supabase.seen[1].headers['accept-profile']).toBe('crm');
  });

  it('getTableColumns names each column with its type', async () => {
    expect(await call('getTableColumns', { operation: 'create', tableId: 'contacts' })).toEqual({ options: [
      { name: 'id - (integer)', value: 'id' }, { name: 'name - (string)', value: 'name' }, { name: 'email - (string)', value: 'email' },
      { name: 'age - (integer)', value: 'age' }, { name: 'bio - (string)', value: 'bio' }, { name: 'active - (boolean)', value: 'active' },
    ] });
  });

  it('a wrong key is the service\'s error', async () => {
    await expect(call('getTables', {}, 'wrong')).rejects.toThrow(/Invalid API key|401|Authorization/i);
  });
});
