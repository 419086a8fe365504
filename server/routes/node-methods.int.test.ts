// POST /api/v1/node-types/methods on a real runtime whose NODES_DIR holds a hand-compiled package
// (server/credentials/test-package-fixture.ts): loadOptions and listSearch run with the node's
// credentials from the vault against a local HTTP server, access rules hold, and the same
// credential reaches the node's execute() through this.getCredentials in a run.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadN8nPackages, registerCredentialTypes, unregisterPackage } from '../../nodes/index.ts';
import { METHODS_NODE, METHODS_PACKAGE, writeMethodsPackage } from '../credentials/test-package-fixture.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const KEY = 'methods-Key-31f7aa';
const nodesDir = mkdtempSync(path.join(tmpdir(), 'weft-node-methods-'));
const seen: Array<{ url: URL; headers: IncomingHttpHeaders }> = [];
let api: Server;
let base = '';
let rt: TestRuntime;
let credentialId = '';

beforeAll(async () => {
  api = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ url, headers: req.headers });
    res.setHeader('content-type', 'application/json');
    if (req.headers['x-api-key'] !== KEY) {
      res.statusCode = 401;
      return res.end(JSON.stringify({ message: 'bad key' }));
    }
    if (url.pathname === '/projects') return res.end(JSON.stringify([{ id: 'p1', title: 'Apollo' }, { id: 'p2', title: 'Gemini' }]));
    if (url.pathname === '/docs') {
      const page = Number(url.searchParams.get('page'));
      const q = url.searchParams.get('q') ?? '';
      return res.end(JSON.stringify({ items: [{ id: `${q}${page}a`, title: `Doc ${page}` }], ...(page < 2 ? { next: String(page + 1) } : {}) }));
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  writeMethodsPackage(nodesDir, { tokenUrl: `${base}/token`, authUrl: `${base}/authorize` });
  rt = await startTestRuntime({ NODES_DIR: nodesDir });
  // The runtime's package loader registered the node types; this is the line it adds for credential types.
  for (const pkg of loadN8nPackages(nodesDir).packages) registerCredentialTypes(pkg.name, pkg.credentialTypes);
  const created = await post('/api/v1/credentials', { name: 'Methods', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: KEY, region: 'us' } });
  expect(created.status, created.text).toBe(201);
  credentialId = created.body.id;
});

afterAll(async () => {
  await rt.dispose();
  unregisterPackage(METHODS_PACKAGE);
  await new Promise((resolve) => api.close(resolve));
  rmSync(nodesDir, { recursive: true, force: true });
});

function post(p: string, body: object, workspaceId?: string) {
  const req = request(rt.app.koa.callback()).post(p).set('X-API-KEY', TEST_OWNER.apiKey);
  return (workspaceId ? req.set('X-Workspace-Id', workspaceId) : req).send(body);
}
const call = (body: object, workspaceId?: string) => post('/api/v1/node-types/methods', {
  nodeType: METHODS_NODE, typeVersion: 2, credentials: { weftFixtureApi: { id: credentialId, name: 'Methods' } }, ...body,
}, workspaceId);

describe('node methods for the editor', () => {
  it('runs loadOptions with the current parameters and the credential from the vault', async () => {
    seen.length = 0;
    const res = await call({ method: 'getProjects', kind: 'loadOptions', currentNodeParameters: { team: 'blue' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ options: [
      { name: 'Apollo', value: 'p1', description: 'in blue (us)' }, { name: 'Gemini', value: 'p2', description: 'in blue (us)' },
    ] });
    expect(seen).toHaveLength(1);
    expect(seen[0].url.pathname).toBe('/projects');
    expect(seen[0].url.searchParams.get('team')).toBe('blue');
    expect(seen[0].headers['x-api-key']).toBe(KEY);
    expect(res.text).not.toContain(KEY);
  });

  it('uses property defaults and resource locator values for parameters the editor did not send', async () => {
    seen.length = 0;
    const doc = { __rl: true, mode: 'url', value: 'https://docs.example.com/d/abc123' };
    expect((await call({ method: 'getProjects', kind: 'loadOptions', currentNodeParameters: { doc } })).status).toBe(200);
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual({ team: 'core', doc: 'abc123' });
  });

  it('runs listSearch with the filter and pagination token, answering n8n’s shape', async () => {
    const first = await call({ method: 'searchDocs', kind: 'listSearch', currentNodeParameters: {}, filter: 'q' });
    expect(first.body).toEqual({ results: [{ name: 'Doc 1', value: 'q1a', url: 'https://docs.example.com/d/q1a' }], paginationToken: '2' });
    const second = await call({ method: 'searchDocs', kind: 'listSearch', currentNodeParameters: {}, filter: 'q', paginationToken: '2' });
    expect(second.body).toEqual({ results: [{ name: 'Doc 2', value: 'q2a', url: 'https://docs.example.com/d/q2a' }] });
  });

  it('refuses unknown methods, bad answers, missing or undeclared credentials, and strangers', async () => {
    expect((await call({ method: 'nope', kind: 'loadOptions', currentNodeParameters: {} })).status).toBe(400);
    expect((await call({ method: 'searchDocs', kind: 'loadOptions', currentNodeParameters: {} })).status).toBe(400);
    expect((await call({ method: 'getNothing', kind: 'loadOptions', currentNodeParameters: {} })).status).toBe(400);
    expect((await call({ method: 'readsUndeclared', kind: 'listSearch', currentNodeParameters: {} })).body.message).toContain("does not use credentials of type 'weftClientOAuth2Api'");
    expect((await call({ method: 'getProjects', kind: 'loadOptions', currentNodeParameters: {}, credentials: {} })).status).toBe(400);
    expect((await call({ nodeType: 'n8n-nodes-nope.x', method: 'getProjects', kind: 'loadOptions', currentNodeParameters: {} })).status).toBe(400);
    const anonymous = await request(rt.app.koa.callback()).post('/api/v1/node-types/methods').send({ nodeType: METHODS_NODE, typeVersion: 1, method: 'getProjects', kind: 'loadOptions' });
    expect(anonymous.status).toBe(401);
  });

  it("resolves credentials only of the type asked for and of the caller's workspace", async () => {
    const other = await post('/api/v1/credentials', { name: 'Tested', type: 'weftTestedApi', data: { baseUrl: base, token: 'x' } });
    const wrongType = await call({ method: 'getProjects', kind: 'loadOptions', currentNodeParameters: {}, credentials: { weftFixtureApi: { id: other.body.id, name: 'Tested' } } });
    expect(wrongType.status).toBe(404);
    // API keys belong to one workspace: the owner signs in to make and act in a second one.
    const session = request.agent(rt.app.koa.callback());
    expect((await session.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password })).status).toBe(200);
    const workspace = await session.post('/api/v1/workspaces').send({ name: 'Elsewhere' });
    expect(workspace.status, workspace.text).toBe(201);
    const body = { nodeType: METHODS_NODE, typeVersion: 2, method: 'getProjects', kind: 'loadOptions', credentials: { weftFixtureApi: { id: credentialId, name: 'Methods' } } };
    const elsewhere = await session.post('/api/v1/node-types/methods').set('X-Workspace-Id', workspace.body.id).send(body);
    expect(elsewhere.status, elsewhere.text).toBe(404);
    expect((await session.post('/api/v1/node-types/methods').send(body)).status).toBe(200);
  });

  it('reports a failing service as 503 with its message, never the secret', async () => {
    const bad = await post('/api/v1/credentials', { name: 'Bad', type: 'weftFixtureApi', data: { baseUrl: base, apiKey: 'wrong-Key-000' } });
    const res = await call({ method: 'getProjects', kind: 'loadOptions', currentNodeParameters: {}, credentials: { weftFixtureApi: { id: bad.body.id, name: 'Bad' } } });
    expect(res.status).toBe(503);
    expect(res.body.message).toContain('401');
    expect(res.text).not.toContain('wrong-Key-000');
  });

  it('hands the same credential to execute() through this.getCredentials in a run', async () => {
    const workflow = {
      name: 'Package node run',
      nodes: [
        { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'b', name: 'Methods', type: METHODS_NODE, typeVersion: 2, position: [200, 0], parameters: {}, credentials: { weftFixtureApi: { id: credentialId, name: 'Methods' } } },
      ],
      connections: { Start: { main: [[{ node: 'Methods', type: 'main', index: 0 }]] } },
    };
    const created = await post('/api/v1/workflows', workflow);
    expect(created.status, created.text).toBe(201);
    const run = await request(rt.app.koa.callback()).post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).set('X-API-KEY', TEST_OWNER.apiKey).send({});
    expect(run.body.status, run.text).toBe('success');
    expect(run.body.data.resultData.runData.Methods[0].data.main[0][0].json).toEqual({ region: 'us', keyLength: KEY.length });
  });
});
