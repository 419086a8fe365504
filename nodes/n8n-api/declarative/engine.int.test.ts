// A declarative package end to end: installed from npm, loaded and registered like any community
// package, run in a workflow on the real engine, its requests signed by its own credential type
// and sent to a local server standing in for Firecrawl's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNodeTypes, unregisterPackage } from '../../index.ts';
import { loadN8nPackages, type LoadedPackages } from '../load-packages.ts';
import { installPackages, outputOf, runChain } from '../test-support.ts';
import { startServer, type TestServer } from './test-fixtures.ts';

const FIRECRAWL = '@mendable/n8n-nodes-firecrawl@2.1.2';
let loaded: LoadedPackages;
let server: TestServer;

beforeAll(async () => {
  loaded = loadN8nPackages(installPackages([FIRECRAWL]));
  for (const pkg of loaded.packages) if (!pkg.error) registerNodeTypes(pkg.name, pkg.nodes);
  server = await startServer({
    'GET /crawl/c1': () => ({ json: { status: 'completed', total: 3 } }),
    'POST /map': (r) => ({ json: { success: true, links: [{ url: `${(r.body as { url: string }).url}/docs` }] } }),
  });
}, 300_000);
afterAll(async () => {
  for (const pkg of loaded.packages) unregisterPackage(pkg.name);
  await server.close();
});

describe(`${FIRECRAWL} in a workflow`, () => {
  it('runs its operations per item with the credential from the vault', async () => {
    const result = await runChain(
      [
        { name: 'Status', type: '@mendable/n8n-nodes-firecrawl.firecrawl', parameters: { resource: 'Crawling', operation: 'getCrawlStatus', crawlId: '={{ $json.id }}' }, credentials: { firecrawlApi: { id: 'c', name: 'fc' } } },
        { name: 'Map', type: '@mendable/n8n-nodes-firecrawl.firecrawl', parameters: { resource: 'MapSearch', operation: 'map', url: '=https://{{ $json.data.status }}.example', limit: 10 }, credentials: { firecrawlApi: { id: 'c', name: 'fc' } } },
      ],
      { items: [{ json: { id: 'c1' } }], credentials: { firecrawlApi: { apiKey: 'fc-live', baseUrl: server.url } } },
    );
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'Status').map((i) => i.json)).toEqual([{ data: { status: 'completed', total: 3 } }]);
    expect(outputOf(result, 'Map').map((i) => i.json)).toEqual([{ success: true, links: [{ url: 'https://completed.example/docs' }] }]);
    const [status, map] = server.received;
    expect(status).toMatchObject({ method: 'GET', path: '/crawl/c1' });
    expect(status.headers.authorization).toBe('Bearer fc-live');
    expect(map).toMatchObject({ method: 'POST', path: '/map', body: { integration: 'n8n', url: 'https://completed.example', limit: 10 } });
  });
});
