// A hand-compiled community package in a plain folder (see fixture-package.ts), against a local
// HTTP server: every IExecuteFunctions helper the adapter offers, versioned, declarative and
// trigger nodes, and load failures reported per package.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDescriptions, getNodeType, registerNodeTypes, unregisterPackage } from '../index.ts';
import { writeFixturePackages } from './fixture-package.ts';
import { loadN8nPackages, type LoadedPackages } from './load-packages.ts';
import { outputOf, runChain } from './test-support.ts';

const PKG = 'n8n-nodes-weft-fixture';
let server: Server;
let base = '';
let loaded: LoadedPackages;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/bytes') return res.end(Buffer.from([0, 1, 2, 255]));
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/status/404')) { res.statusCode = 404; return res.end(JSON.stringify({ message: 'gone' })); }
      if (req.url === '/things') return res.end(JSON.stringify([{ id: 1 }, { id: 2 }]));
      const text = Buffer.concat(chunks).toString();
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: text ? JSON.parse(text) : null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'weft-fixture-pkgs-'));
  writeFixturePackages(dir, base);
  loaded = loadN8nPackages(dir);
  for (const pkg of loaded.packages) if (!pkg.error) registerNodeTypes(pkg.name, pkg.nodes);
});
afterAll(async () => {
  unregisterPackage(PKG);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('loading a plain folder of packages', () => {
  it('loads the good package, reports the broken one, skips non-n8n packages', () => {
    expect(loaded.packages.map((p) => [p.name, p.version, p.error ?? null])).toEqual([
      ['n8n-nodes-weft-broken', '0.0.1', 'broken at load'],
      [PKG, '1.2.3', null],
    ]);
    expect(loaded.credentialType('fixtureApi')?.displayName).toBe('Fixture API');
  });

  it('adapts descriptions: names, connection objects, credentials, versions, trigger kind', () => {
    expect(getNodeType(`${PKG}.helpers`, 1)?.description).toMatchObject({ inputs: ['main'], outputs: ['main'], credentials: [{ name: 'fixtureApi', required: true }, { name: 'fixtureOAuth2Api' }] });
    const v2 = getNodeType(`${PKG}.versioned`, 2);
    // defaultVersion (2) goes last: our SDK's "version new nodes get".
    expect(v2?.description.version).toEqual([2.1, 2]);
    expect(v2?.description.icon).toBe('file:v.svg');
    expect(getNodeType(`${PKG}.versioned`, 1)?.description.version).toEqual([1]);
    expect(getNodeType(`${PKG}.trig`, 1)?.description.triggerKind).toBe('trigger');
  });

  it('unregisters a package and refuses to shadow built-in types', () => {
    const types = loaded.packages.find((p) => p.name === PKG)!.nodes;
    registerNodeTypes('temp', [{ ...types[0], description: { ...types[0].description, name: 'temp.x' } }]);
    expect(getNodeType('temp.x', 1)).toBeDefined();
    expect(nodeDescriptions().map((d) => d.name)).toContain('temp.x');
    expect(unregisterPackage('temp')).toBe(true);
    expect(getNodeType('temp.x', 1)).toBeUndefined();
    expect(() => registerNodeTypes('evil', [{ ...types[0], description: { ...types[0].description, name: 'n8n-nodes-base.set' } }])).toThrow(/built-in/);
  });
});

describe('IExecuteFunctions', () => {
  it('gives parameters, HTTP helpers, credentials, binary helpers and run facts', async () => {
    const result = await runChain([{
      name: 'H', type: `${PKG}.helpers`, credentials: { fixtureApi: { id: '1', name: 'F' }, fixtureOAuth2Api: { id: '2', name: 'O' } },
      parameters: { base, doc: { __rl: true, mode: 'url', value: 'https://docs.example.com/d/abc123/edit' } },
    }], {
      items: [{ json: { n: 40 }, binary: { file: { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain' } } }],
      credentials: { fixtureApi: { apiKey: 'secret-key', user: 'ada' }, fixtureOAuth2Api: { oauthTokenData: { access_token: 'token-7' } } },
    });
    expect(result.status).toBe('success');
    const [item] = outputOf(result, 'H');
    expect(item.json).toEqual({
      limit: 5,
      docId: 'abc123',
      docRaw: { __rl: true, mode: 'url', value: 'https://docs.example.com/d/abc123/edit' },
      suffix: 'none',
      posted: { method: 'POST', url: '/echo?q=x', body: { a: 1 } },
      legacyStatus: 200, legacyUrl: '/echo?n=2',
      bytesIsBuffer: true, bytes: [0, 1, 2, 255],
      signedKey: 'secret-key', oauth2Authorization: 'Bearer token-7', credsUser: 'ada',
      workflow: 'n8n community node test', executionId: 'exec-n8n', mode: 'manual', timezone: 'UTC',
      sum: 42, count: 1, node: 'H',
    });
    expect(item.pairedItem).toEqual({ item: 0 });
    expect(item.binary?.upper).toMatchObject({ mimeType: 'text/plain', fileName: 'upper.txt', fileExtension: 'txt' });
    expect(Buffer.from(item.binary!.upper.data, 'base64').toString()).toBe('HELLO');
  });

  it('turns an HTTP error into the node\'s NodeApiError, or an error item on continueOnFail', async () => {
    const node = { name: 'H', type: `${PKG}.helpers`, parameters: { base, fail: true } };
    const failed = await runChain([node]);
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.error).toMatchObject({ name: 'NodeApiError', node: 'H', message: 'The resource you are requesting could not be found' });
    const continued = await runChain([{ ...node, continueOnFail: true }]);
    expect(outputOf(continued, 'H')[0].json).toEqual({ error: 'Request failed with status code 404' });
  });
});

describe('other node kinds', () => {
  it('runs each version of a versioned node with its own implementation', async () => {
    const result = await runChain([
      { name: 'One', type: `${PKG}.versioned`, typeVersion: 1 },
      { name: 'Two', type: `${PKG}.versioned`, typeVersion: 2.1 },
    ], { items: [{ json: { x: 1 } }] });
    expect(outputOf(result, 'One').map((i) => i.json)).toEqual([{ x: 1, v: 1 }]);
    expect(outputOf(result, 'Two').map((i) => i.json)).toEqual([{ x: 1, v: 2 }]);
  });

  it('runs a declarative node through the routing runner', async () => {
    const result = await runChain([{ name: 'D', type: `${PKG}.decl` }]);
    expect(result.status).toBe('success');
    expect(outputOf(result, 'D').map((i) => i.json)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('runs a community trigger by hand until its first emit (server-side arming: server/triggers)', async () => {
    const result = await runChain([{ name: 'T', type: `${PKG}.trig` }]);
    expect(result.status).toBe('success');
    expect(outputOf(result, 'T').map((i) => i.json)).toEqual([{ manual: 'manual' }]);
  });
});
