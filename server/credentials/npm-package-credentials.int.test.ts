// Credential types of real community packages from npm, loaded from NODES_DIR by a real runtime:
// n8n-nodes-appstore-jwt-generator (plain properties, password-marked secrets) and
// @mendable/n8n-nodes-firecrawl (declarative: generic `authenticate` and a `test` request whose
// base URL is a credential field, pointed here at a local stand-in for Firecrawl's API).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../domain/index.ts';
import { loadN8nPackages, registerCredentialTypes, unregisterPackage } from '../../nodes/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

// The App Store package requires jsonwebtoken without declaring it (n8n installs happen to hoist it).
const SPECS = ['n8n-nodes-appstore-jwt-generator@0.2.1', '@mendable/n8n-nodes-firecrawl@2.1.2', 'jsonwebtoken@9.0.2'];
const KEY = 'fc-Real-Package-Key-77d2';

/** Installs the specs once per machine (npm's cache makes a fresh folder cheap), without scripts or peers. */
function installOnce(specs: string[]): string {
  const dir = path.join(tmpdir(), `weft-npm-credentials-${specs.join('_').replace(/[^a-z0-9._-]/gi, '_')}`);
  if (existsSync(path.join(dir, 'installed.ok'))) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'weft-npm-credentials', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--omit=peer', '--loglevel=error', ...specs], { cwd: dir, stdio: 'pipe' });
  writeFileSync(path.join(dir, 'installed.ok'), specs.join('\n'));
  return dir;
}

let dir = '';
let firecrawl: Server;
let base = '';
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let rt: TestRuntime;

beforeAll(async () => {
  dir = installOnce(SPECS);
  // Firecrawl's credit usage endpoint (GET /team/credit-usage): 200 for a valid Bearer key, 401 otherwise.
  firecrawl = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    const ok = req.url === '/v2/team/credit-usage' && req.headers.authorization === `Bearer ${KEY}`;
    res.statusCode = ok ? 200 : 401;
    res.end(JSON.stringify(ok ? { success: true, data: { remaining_credits: 500 } } : { success: false, error: 'Unauthorized' }));
  });
  await new Promise<void>((resolve) => firecrawl.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(firecrawl.address() as AddressInfo).port}/v2`;
  rt = await startTestRuntime({ NODES_DIR: dir });
  const loaded = loadN8nPackages(dir).packages;
  expect(loaded.map((p) => [p.name, p.error])).toEqual([['@mendable/n8n-nodes-firecrawl', undefined], ['n8n-nodes-appstore-jwt-generator', undefined]]);
  for (const pkg of loaded) registerCredentialTypes(pkg.name, pkg.credentialTypes);
}, 180_000);

afterAll(async () => {
  await rt?.dispose();
  for (const name of ['n8n-nodes-appstore-jwt-generator', '@mendable/n8n-nodes-firecrawl']) unregisterPackage(name);
  await new Promise((resolve) => firecrawl?.close(resolve));
});

const post = (p: string, body: object) => request(rt.app.koa.callback()).post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const get = (p: string) => request(rt.app.koa.callback()).get(p).set('X-API-KEY', TEST_OWNER.apiKey);

describe('credential types of npm packages', () => {
  it('lists both packages’ types with their secrets marked', async () => {
    const types = (await get('/api/v1/credential-types')).body.data as Array<{ name: string; package?: string; testable: boolean; fields: Array<{ name: string; secret: boolean; default?: unknown }> }>;
    const jwt = types.find((t) => t.name === 'appStoreJWTSecret');
    expect(jwt?.package).toBe('n8n-nodes-appstore-jwt-generator');
    expect(jwt?.testable).toBe(false);
    expect(jwt?.fields.filter((f) => f.secret).map((f) => f.name)).toEqual(['issuerId', 'apiKey']);
    const fc = types.find((t) => t.name === 'firecrawlApi');
    expect(fc).toMatchObject({ package: '@mendable/n8n-nodes-firecrawl', testable: true });
    expect(fc?.fields).toEqual([
      expect.objectContaining({ name: 'baseUrl', secret: false, default: 'https://api.firecrawl.dev/v2' }),
      expect.objectContaining({ name: 'apiKey', secret: true }),
    ]);
  });

  it('stores an App Store credential and answers it redacted, defaults applied', async () => {
    const created = await post('/api/v1/credentials', { name: 'App Store', type: 'appStoreJWTSecret', data: { issuerId: 'iss-123456', apiKey: 'KEY-abcdef', privateKey: 'pem' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body.data).toEqual({ audience: 'appstoreconnect-v1', issuerId: REDACTED, apiKey: REDACTED, privateKey: 'pem' });
    expect((await post(`/api/v1/credentials/${created.body.id}/test`, {})).body).toEqual({ status: 'Error', message: 'This credential type cannot be tested' });
  });

  it("tests a Firecrawl credential with the type's own request, signed by its authenticate", async () => {
    const created = await post('/api/v1/credentials', { name: 'Firecrawl', type: 'firecrawlApi', data: { baseUrl: base, apiKey: KEY } });
    expect(created.body.data).toEqual({ baseUrl: base, apiKey: REDACTED });
    seen.length = 0;
    expect((await post(`/api/v1/credentials/${created.body.id}/test`, {})).body).toEqual({ status: 'OK', message: 'Connection successful!' });
    expect(seen).toEqual([expect.objectContaining({ url: '/v2/team/credit-usage', headers: expect.objectContaining({ authorization: `Bearer ${KEY}` }) })]);
    const refused = await post('/api/v1/credentials/test', { type: 'firecrawlApi', data: { baseUrl: base, apiKey: 'wrong' } });
    expect(refused.body).toEqual({ status: 'Error', message: 'Authorization failed - please check your credentials' });
  });
});
