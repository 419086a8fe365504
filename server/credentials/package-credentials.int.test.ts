// A community package's credential types in the vault, through the REST API of a real runtime:
// listed with their fields, validated, answered redacted, stored encrypted, tested (the type's
// own request, a node's credentialTest method, the OAuth2 token grant) against local servers,
// and gone from the API when the package is unloaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../domain/index.ts';
import { loadN8nPackages, registerLoadedPackage, unregisterPackage } from '../../nodes/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from './test-oauth2-provider.ts';
import { METHODS_PACKAGE, writeMethodsPackage } from './test-package-fixture.ts';
import { filesContaining } from './files-containing.ts';

const KEY = 'pkg-Secret-Key-5c81e2';
const TOKEN = 'tested-Token-9ad04f';
const packagesDir = mkdtempSync(path.join(tmpdir(), 'weft-pkg-creds-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-pkg-creds-data-'));
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let api: Server;
let base = '';
let provider: TestOAuth2Provider;
let rt: TestRuntime;

beforeAll(async () => {
  // The service the package talks to, written from the fixture's own description of it.
  api = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    if (req.url === '/me') {
      res.statusCode = req.headers['x-api-key'] === KEY ? 200 : 401;
      return res.end(JSON.stringify({ ok: res.statusCode === 200 }));
    }
    if (req.url === '/check') {
      res.statusCode = req.headers.authorization === `Token ${TOKEN}` ? 200 : 403;
      return res.end(JSON.stringify({ user: 'ada' }));
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  provider = await startTestOAuth2Provider();
  writeMethodsPackage(packagesDir, { tokenUrl: provider.tokenUrl, authUrl: provider.authUrl });
  // What the package loader does for each package (the one line it calls).
  for (const pkg of loadN8nPackages(packagesDir).packages) registerLoadedPackage(pkg);
  rt = await startTestRuntime({}, dataDir);
});

afterAll(async () => {
  unregisterPackage(METHODS_PACKAGE);
  await rt.dispose();
  await provider.close();
  await new Promise((resolve) => api.close(resolve));
  rmSync(packagesDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const agent = () => request(rt.app.koa.callback());
const post = (p: string, body: object) => agent().post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const patch = (p: string, body: object) => agent().patch(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const get = (p: string) => agent().get(p).set('X-API-KEY', TEST_OWNER.apiKey);

describe('package credential types in the vault', () => {
  it('lists them with their fields: password properties secret, hidden ones marked, notices left out', async () => {
    const res = await get('/api/v1/credential-types');
    expect(res.status).toBe(200);
    const type = res.body.data.find((t: { name: string }) => t.name === 'weftFixtureApi');
    expect(type).toMatchObject({ displayName: 'Weft Fixture API', package: METHODS_PACKAGE, testable: true, documentationUrl: 'https://example.com/docs' });
    expect(type.fields.map((f: { name: string; secret: boolean }) => [f.name, f.secret])).toEqual([['baseUrl', false], ['apiKey', true], ['region', false]]);
    // No test of its own, but a node of the package tests it (testedBy).
    expect(res.body.data.find((t: { name: string }) => t.name === 'weftTestedApi').testable).toBe(true);
    const code = res.body.data.find((t: { name: string }) => t.name === 'weftCodeOAuth2Api');
    expect(code.extends).toEqual(['weftClientOAuth2Api']);
    expect(code.fields.find((f: { name: string }) => f.name === 'grantType')).toMatchObject({ hidden: true, default: 'authorizationCode' });
    expect((await get('/api/v1/credentials/schema/weftTestedApi')).body.fields.map((f: { name: string }) => f.name)).toEqual(['baseUrl', 'token']);
  });

  it('validates data against the properties', async () => {
    const missing = await post('/api/v1/credentials', { name: 'x', type: 'weftFixtureApi', data: { baseUrl: base } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.details)).toContain('apiKey');
    const unknown = await post('/api/v1/credentials', { name: 'x', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: KEY, nope: 1 } });
    expect(unknown.status).toBe(400);
    const badOption = await post('/api/v1/credentials', { name: 'x', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: KEY, region: 'mars' } });
    expect(badOption.status).toBe(400);
  });

  it('stores encrypted, answers redacted, keeps a redacted secret on update, and tests with the type request', async () => {
    const created = await post('/api/v1/credentials', { name: 'Fixture', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: KEY } });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ baseUrl: base, apiKey: REDACTED, region: 'eu' });
    expect(created.text).not.toContain(KEY);
    const id = created.body.id as string;
    expect((await get(`/api/v1/credentials/${id}`)).body.data.apiKey).toBe(REDACTED);
    const renamed = await patch(`/api/v1/credentials/${id}`, { name: 'Fixture 2', data: { baseUrl: base, apiKey: REDACTED, region: 'us' } });
    expect(renamed.body.data).toEqual({ baseUrl: base, apiKey: REDACTED, region: 'us' });
    expect(filesContaining(dataDir, KEY)).toEqual([]);

    seen.length = 0;
    expect((await post(`/api/v1/credentials/${id}/test`, {})).body).toEqual({ status: 'OK', message: 'Connection successful!' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: '/me', headers: { 'x-api-key': KEY } });
    const refused = await post(`/api/v1/credentials/${id}/test`, { data: { baseUrl: base, apiKey: 'wrong', region: 'us' } });
    expect(refused.body).toEqual({ status: 'Error', message: 'The API key was refused' });
  });

  it("tests through a node's methods.credentialTest when the type names none", async () => {
    seen.length = 0;
    const ok = await post('/api/v1/credentials/test', { type: 'weftTestedApi', data: { baseUrl: base, token: TOKEN } });
    expect(ok.body).toEqual({ status: 'OK', message: 'Token accepted for ada' });
    expect(seen[0]).toMatchObject({ url: '/check', headers: { authorization: `Token ${TOKEN}` } });
    const refused = await post('/api/v1/credentials/test', { type: 'weftTestedApi', data: { baseUrl: base, token: 'nope' } });
    expect(refused.body).toEqual({ status: 'Error', message: 'Token refused' });
  });

  it("OAuth2 types (extends oAuth2Api) take the parent's fields, fixed values from hidden ones, and its token flow", async () => {
    const created = await post('/api/v1/credentials', {
      name: 'Client', type: 'weftClientOAuth2Api',
      data: { clientId: provider.clientId, clientSecret: provider.clientSecret, accessTokenUrl: 'http://evil.example/token' },
    });
    expect(created.status).toBe(201);
    // Hidden values come from the type, whatever the input said.
    expect(created.body.data).toMatchObject({ grantType: 'clientCredentials', accessTokenUrl: provider.tokenUrl, scope: 'read write', clientSecret: REDACTED });
    const before = provider.requests.length;
    const tested = await post(`/api/v1/credentials/${created.body.id}/test`, {});
    expect(tested.body.status).toBe('OK');
    expect(tested.body.message).toMatch(/^Got an access token/);
    expect(provider.requests.slice(before)).toEqual([expect.objectContaining({ grantType: 'client_credentials', clientAuth: 'header' })]);

    const code = await post('/api/v1/credentials', { name: 'Code', type: 'weftCodeOAuth2Api', data: { clientId: provider.clientId, clientSecret: provider.clientSecret } });
    expect(code.status).toBe(201);
    const url = new URL((await get(`/api/v1/credentials/${code.body.id}/oauth2/authorize`)).body.url);
    expect(`${url.origin}${url.pathname}`).toBe(new URL(provider.authUrl).origin + new URL(provider.authUrl).pathname);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: provider.clientId, access_type: 'offline', scope: 'read write', response_type: 'code' });
  });

  it('forgets the types when the package is unloaded, and hides every value of its stored credentials', async () => {
    const created = await post('/api/v1/credentials', { name: 'Later', type: 'weftTestedApi', data: { baseUrl: base, token: TOKEN } });
    unregisterPackage(METHODS_PACKAGE);
    try {
      expect((await get('/api/v1/credential-types')).body.data.some((t: { name: string }) => t.name === 'weftTestedApi')).toBe(false);
      expect((await post('/api/v1/credentials', { name: 'x', type: 'weftTestedApi', data: {} })).status).toBe(400);
      expect((await get(`/api/v1/credentials/${created.body.id}`)).body.data).toEqual({ baseUrl: REDACTED, token: REDACTED });
    } finally {
      for (const pkg of loadN8nPackages(packagesDir).packages) registerLoadedPackage(pkg);
    }
  });
});
