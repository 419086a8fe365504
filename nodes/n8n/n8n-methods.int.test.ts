// The n8n node's editor method against a local stand-in of n8n's public API (n8n-api-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { API_KEY, startN8nApiStandIn, type N8nApiStandIn } from './n8n-api-stand-in.ts';
import { n8nNode } from './n8n.node.ts';

let api: N8nApiStandIn;
beforeAll(async () => { api = await startN8nApiStandIn(); });
afterAll(() => api.close());
beforeEach(() => { api.seen.length = 0; });

const search = (filter?: string, apiKey = API_KEY) =>
  runNodeMethod({ nodeType: n8nNode, typeVersion: 1, kind: 'listSearch', method: 'searchWorkflows', currentNodeParameters: { resource: 'execution', operation: 'getAll' }, filter,
    credentials: { n8nApi: { id: '1', name: 'n8n' } } },
  { getCredentials: async () => ({ apiKey, baseUrl: `${api.baseUrl}/` }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' }) as Promise<{ results: Array<{ name: string; value: string }> }>;

describe('n8n node editor method', () => {
  it('searchWorkflows reads every page and lists "name (#id)", highest id first, filtered by name or id', async () => {
    api.workflows.splice(0, api.workflows.length, ...Array.from({ length: 150 }, (_, i) => ({ id: String(i + 1), name: i === 41 ? 'Invoice sync' : `Flow ${i + 1}`, active: false })));
    const all = await search();
    expect(all.results).toHaveLength(150);
    expect(all.results[0]).toEqual({ name: 'Flow 150 (#150)', value: '150' });
    expect(api.seen.map((r) => [r.path, r.query.limit, r.query.cursor !== undefined, r.apiKey])).toEqual([
      ['/api/v1/workflows', '100', false, API_KEY], ['/api/v1/workflows', '100', true, API_KEY],
    ]);
    expect((await search('INVOICE')).results).toEqual([{ name: 'Invoice sync (#42)', value: '42' }]);
    expect((await search('flow 14')).results.map((r) => r.value)).toEqual(['149', '148', '147', '146', '145', '144', '143', '142', '141', '140', '14']);
  });

  it('a refused key is the API\'s message', async () => {
    await expect(search(undefined, 'wrong')).rejects.toThrow('unauthorized');
  });
});
