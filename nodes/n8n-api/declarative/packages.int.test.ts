// Real declarative packages from npm run by the routing engine against a local server:
// n8n-nodes-starter's HttpBin (fixedCollection children sent to query and body, generic bearer
// credential, credential test) and Firecrawl (baseURL from the credential, body fields from
// properties, setKeyValue postReceive, per-item requests, error statuses and continueOnFail) and
// SearchApi (option routing with $parameter, its own preSend function, n8n-workflow at load).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialTestRequest, judgeCredentialTest } from '../credential-auth.ts';
import { createCredentialEvaluator } from '../parameters.ts';
import type { N8nCredentialType, N8nNodeDescription } from '../n8n-types.ts';
import { packageRequire } from '../require-hook.ts';
import { installWithNpm } from '../test-support.ts';
import { DeclarativeApiError, executeDeclarative, fetchHttpRequest, type N8nFullResponse } from './index.ts';
import { buildFunctions, startServer, type TestServer } from './test-fixtures.ts';

const STARTER = 'n8n-nodes-starter@0.1.0';
const FIRECRAWL = '@mendable/n8n-nodes-firecrawl@2.1.2';
const SEARCHAPI = '@searchapi/n8n-nodes-searchapi@2.0.6';

let server: TestServer;
let httpBin: N8nNodeDescription;
let httpBinCred: N8nCredentialType;
let firecrawl: N8nNodeDescription;
let firecrawlCred: N8nCredentialType;
let searchApi: N8nNodeDescription;
let searchApiCred: N8nCredentialType;

function load<T>(dir: string, file: string, exportName: string): T {
  const req = packageRequire(join(dir, 'package.json'));
  const Ctor = req(join(dir, 'node_modules', file))[exportName] as new () => T;
  return new Ctor();
}

const credentialExpressions = createCredentialEvaluator();
afterAll(() => credentialExpressions.dispose());

beforeAll(async () => {
  const dir = installWithNpm([STARTER, FIRECRAWL, SEARCHAPI]);
  // SearchApi requires n8n-workflow at load: packageRequire answers it with Weft's own module.
  searchApi = load<{ description: N8nNodeDescription }>(dir, '@searchapi/n8n-nodes-searchapi/dist/nodes/SearchApi/SearchApi.node.js', 'SearchApi').description;
  searchApiCred = load<N8nCredentialType>(dir, '@searchapi/n8n-nodes-searchapi/dist/credentials/SearchApi.credentials.js', 'SearchApi');
  httpBin = load<{ description: N8nNodeDescription }>(dir, 'n8n-nodes-starter/dist/nodes/HttpBin/HttpBin.node.js', 'HttpBin').description;
  httpBinCred = load<N8nCredentialType>(dir, 'n8n-nodes-starter/dist/credentials/HttpBinApi.credentials.js', 'HttpBinApi');
  firecrawl = load<{ description: N8nNodeDescription }>(dir, '@mendable/n8n-nodes-firecrawl/dist/nodes/Firecrawl/Firecrawl.node.js', 'Firecrawl').description;
  firecrawlCred = load<N8nCredentialType>(dir, '@mendable/n8n-nodes-firecrawl/dist/credentials/FirecrawlApi.credentials.js', 'FirecrawlApi');
  server = await startServer({
    'GET /get': (r) => ({ json: { args: r.query, url: r.path } }),
    'DELETE /delete': (r) => ({ json: { json: r.body } }),
    'GET /bearer': (r) => (r.headers.authorization === 'Bearer good' ? { json: { authenticated: true } } : { status: 401, json: { message: 'no' } }),
    'POST /map': (r) => ({ json: { success: true, links: [{ url: `${(r.body as { url: string }).url}/a` }] } }),
    'GET /search': (r) => ({ json: { search_parameters: r.query, organic_results: [{ position: 1, title: 'Weft' }] } }),
    'GET /crawl/c1': () => ({ json: { status: 'completed', total: 3 } }),
    'GET /crawl/c2': () => ({ json: { status: 'scraping', total: 9 } }),
  });
}, 180_000);

afterAll(async () => server?.close());

describe(`${STARTER} HttpBin`, () => {
  // HttpBin's requestDefaults name httpbin.org and no parameter overrides it: point the copy here.
  const local = (): N8nNodeDescription => ({ ...httpBin, requestDefaults: { ...httpBin.requestDefaults!, baseURL: server.url } });

  it('sends fixedCollection entries as query parameters, signed by the generic bearer credential', async () => {
    const fns = buildFunctions({
      parameters: { resource: 'httpVerb', operation: 'get', arguments: { keyvalue: [{ key: 'a', value: '1' }, { key: 'b', value: '={{$json.n}}' }] } },
      items: [{ json: { n: 2 } }],
      credentials: { httpbinApi: { token: 'tk', domain: server.url } },
      credentialTypes: { httpbinApi: httpBinCred },
    });
    const [out] = await executeDeclarative(fns, local());
    fns.dispose();
    const req = server.received.at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: '/get', query: { a: '1', b: '2' } });
    expect(req.headers.authorization).toBe('Bearer tk');
    expect(req.headers.accept).toBe('application/json');
    expect(out).toEqual([{ json: { args: { a: '1', b: '2' }, url: '/get' }, pairedItem: { item: 0 } }]);
  });

  it('sends JSON entries in the body for DELETE, one request per input item', async () => {
    const fns = buildFunctions({
      parameters: { resource: 'httpVerb', operation: 'delete', typeofData: 'jsonData', arguments: { keyvalue: [{ key: 'id', value: '={{$json.id}}' }] } },
      items: [{ json: { id: 'x1' } }, { json: { id: 'x2' } }],
    });
    const before = server.received.length;
    const [out] = await executeDeclarative(fns, local());
    fns.dispose();
    const sent = server.received.slice(before);
    expect(sent.map((r) => [r.method, r.path, r.body])).toEqual([['DELETE', '/delete', { id: 'x1' }], ['DELETE', '/delete', { id: 'x2' }]]);
    expect(sent[0].headers.authorization).toBeUndefined(); // the credential is optional and absent
    expect(out.map((i) => i.json)).toEqual([{ json: { id: 'x1' } }, { json: { id: 'x2' } }]);
  });

  it("runs the credential's test request against its domain and judges the answer", async () => {
    for (const [token, status] of [['good', 'OK'], ['bad', 'Error']] as const) {
      const built = (await credentialTestRequest(httpBinCred, { token, domain: server.url }, credentialExpressions))!;
      const response = (await fetchHttpRequest(built.request)) as N8nFullResponse;
      expect(judgeCredentialTest(built.rules, response).status).toBe(status);
    }
    expect(server.received.at(-1)).toMatchObject({ method: 'GET', path: '/bearer' });
  });
});

describe(`${FIRECRAWL} Firecrawl`, () => {
  const creds = () => ({ firecrawlApi: { apiKey: 'fc-key', baseUrl: server.url } });

  it('builds the map request body from the displayed properties, baseURL from the credential', async () => {
    const fns = buildFunctions({
      parameters: { resource: 'MapSearch', operation: 'map', url: 'https://example.com', limit: 50, includeSubdomains: true },
      credentials: creds(),
      credentialTypes: { firecrawlApi: firecrawlCred },
    });
    const [out] = await executeDeclarative(fns, firecrawl);
    fns.dispose();
    const req = server.received.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/map');
    expect(req.headers.authorization).toBe('Bearer fc-key');
    expect(req.body).toMatchObject({ integration: 'n8n', url: 'https://example.com', limit: 50, includeSubdomains: true, sitemap: 'include' });
    expect(out[0].json).toMatchObject({ success: true, links: [{ url: 'https://example.com/a' }] });
  });

  it('applies setKeyValue to each response, item by item', async () => {
    const fns = buildFunctions({
      parameters: { resource: 'Crawling', operation: 'getCrawlStatus', crawlId: '={{$json.id}}' },
      items: [{ json: { id: 'c1' } }, { json: { id: 'c2' } }],
      credentials: creds(),
      credentialTypes: { firecrawlApi: firecrawlCred },
    });
    const [out] = await executeDeclarative(fns, firecrawl);
    fns.dispose();
    expect(server.received.slice(-2).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /crawl/c1', 'GET /crawl/c2']);
    expect(out).toEqual([
      { json: { data: { status: 'completed', total: 3 } }, pairedItem: { item: 0 } },
      { json: { data: { status: 'scraping', total: 9 } }, pairedItem: { item: 1 } },
    ]);
  });

  it('fails with a NodeApiError on an error status, or gives an error item when continuing on fail', async () => {
    const setup = {
      parameters: { resource: 'Crawling', operation: 'getCrawlStatus', crawlId: '={{$json.id}}' },
      items: [{ json: { id: 'c1' } }, { json: { id: 'missing' } }],
      credentials: creds(),
      credentialTypes: { firecrawlApi: firecrawlCred },
    };
    const failing = buildFunctions(setup);
    const error = await executeDeclarative(failing, firecrawl).catch((e: unknown) => e);
    failing.dispose();
    expect(error).toBeInstanceOf(DeclarativeApiError);
    expect(error).toMatchObject({ name: 'NodeApiError', httpCode: 404, itemIndex: 1, message: 'The resource you are requesting could not be found', description: 'No route GET /crawl/missing' });
    const continuing = buildFunctions({ ...setup, continueOnFail: true });
    const [out] = await executeDeclarative(continuing, firecrawl);
    continuing.dispose();
    expect(out[0].json).toEqual({ data: { status: 'completed', total: 3 } });
    expect(out[1]).toEqual({
      json: {},
      error: { name: 'NodeApiError', message: 'The resource you are requesting could not be found', description: 'No route GET /crawl/missing', httpCode: 404 },
      pairedItem: { item: 1 },
    });
  });
});

describe(`${SEARCHAPI} SearchApi`, () => {
  it("sends the chosen engine from $parameter and the query, cleaned by the package's own preSend", async () => {
    const local: N8nNodeDescription = { ...searchApi, requestDefaults: { ...searchApi.requestDefaults!, baseURL: server.url } };
    const fns = buildFunctions({
      parameters: { resource: 'google', operation: 'search', q: '={{ $json.term }}' },
      items: [{ json: { term: 'weft workflows' } }],
      credentials: { searchApi: { apiKey: 'sa-key' } },
      credentialTypes: { searchApi: searchApiCred },
    });
    const [out] = await executeDeclarative(fns, local);
    fns.dispose();
    const req = server.received.at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: '/search', query: { engine: 'google', q: 'weft workflows' } });
    // Every other google parameter defaults to '' and stripEmptyQueryParams must have removed it.
    expect(Object.values(req.query).filter((v) => v === '')).toEqual([]);
    expect(req.headers.authorization).toBe('Bearer sa-key');
    expect(req.headers['x-searchapi-source']).toBe('N8N');
    expect(out[0].json).toMatchObject({ organic_results: [{ position: 1, title: 'Weft' }] });
  });
});
