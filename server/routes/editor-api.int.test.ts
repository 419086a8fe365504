// The editor's API helpers, in-process over real SQLite stores: node types for the palette, the
// expression preview, the session probe, and serving the built editor without shadowing the API.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedNodeModules } from '../../nodes/index.ts';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import Koa from 'koa';
import { serveClient } from '../static.ts';

let rt: TestRuntime;
let api: ReturnType<typeof request.agent>;

beforeAll(async () => {
  rt = await startTestRuntime();
  api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
});
afterAll(() => rt.dispose());

describe('node types', () => {
  it('lists every description grouped like the palette, and needs a sign-in', async () => {
    const res = await api.get('/api/v1/node-types').expect(200);
    // Starting and describing every node imports no node's code (see nodes/registry.ts).
    expect(loadedNodeModules()).toEqual([]);
    const groups = res.body.groups as { name: string; types: string[] }[];
    expect(groups.map((g) => g.name)).toEqual(['trigger', 'flow', 'transform', 'core', 'integration']);
    const inGroup = (name: string) => groups.find((g) => g.name === name)!.types;
    expect(inGroup('trigger')).toContain('n8n-nodes-base.manualTrigger');
    expect(inGroup('flow')).toEqual(expect.arrayContaining(['n8n-nodes-base.if', 'n8n-nodes-base.merge', 'n8n-nodes-base.switch']));
    expect(inGroup('transform')).toContain('n8n-nodes-base.set');
    // Every version of a type is described; functions stay on the server.
    const sets = (res.body.types as { name: string; version: number[]; outputsFor?: unknown; dynamicOutputs: boolean }[]).filter((t) => t.name === 'n8n-nodes-base.switch');
    expect(sets.length).toBeGreaterThan(1);
    expect(sets.some((t) => t.dynamicOutputs)).toBe(true);
    expect(sets.every((t) => t.outputsFor === undefined)).toBe(true);
    // Credentials carry n8n's displayOptions and their type's display name, for the editor's pickers.
    type Described = { name: string; version: number[]; credentials?: { name: string; displayName: string; required?: boolean; displayOptions?: unknown }[] };
    const described = (name: string) => (res.body.types as Described[]).find((t) => t.name === name)!;
    expect(described('n8n-nodes-base.webhook').credentials).toEqual([
      { name: 'httpBasicAuth', displayName: 'Basic Auth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
      { name: 'httpHeaderAuth', displayName: 'Header Auth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
      { name: 'jwtAuth', displayName: 'JWT Auth', required: true, displayOptions: { show: { authentication: ['jwtAuth'] } } },
    ]);
    const httpCredentials = described('n8n-nodes-base.httpRequest').credentials!;
    expect(httpCredentials).toContainEqual({
      name: 'httpBasicAuth', displayName: 'Basic Auth', required: true, displayOptions: { show: { authentication: ['genericCredentialType'], genericAuthType: ['httpBasicAuth'] } },
    });
    expect(httpCredentials).toContainEqual({
      name: 'oAuth2Api', displayName: 'OAuth2 API', required: true, displayOptions: { show: { authentication: ['predefinedCredentialType'], nodeCredentialType: ['oAuth2Api'] } },
    });
    expect(httpCredentials.every((c) => c.displayOptions !== undefined)).toBe(true);
    const anonymous = await request(rt.app.koa.callback()).get('/api/v1/node-types').expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});

describe('expression preview', () => {
  it("resolves against the input the node had in the workflow's last run", async () => {
    const created = (await api.post('/api/v1/workflows').send(sampleWorkflow('Preview')).expect(201)).body;
    await api.post(`/api/v1/workflows/${created.id}/run?wait=true`).send({ triggerItems: [{ json: { name: 'Ada' } }] }).expect(201);
    const ok = (await api.post(`/api/v1/workflows/${created.id}/expressions/preview`).send({ node: 'Edit Fields', expression: '{{ $json.name.toUpperCase() }}' }).expect(200)).body;
    expect(ok).toMatchObject({ ok: true, value: { type: 'string', text: 'ADA' }, itemCount: 1 });
    const failing = (await api.post(`/api/v1/workflows/${created.id}/expressions/preview`).send({ node: 'Edit Fields', expression: '{{ $("Missing").item.json.x }}' }).expect(200)).body;
    expect(failing.ok).toBe(false);
    expect(failing.error).toMatch(/doesn't exist/);
  });

  it('rejects an unknown node, a malformed definition and extra fields with 4xx JSON', async () => {
    const created = (await api.post('/api/v1/workflows').send(sampleWorkflow('Preview 2')).expect(201)).body;
    const url = `/api/v1/workflows/${created.id}/expressions/preview`;
    expect((await api.post(url).send({ node: 'Ghost', expression: '{{ 1 }}' }).expect(404)).body.code).toBe('not_found');
    expect((await api.post(url).send({ node: 'Edit Fields', expression: '{{ 1 }}', definition: { nodes: 'no' } }).expect(400)).body.code).toBe('validation_failed');
    expect((await api.post(url).send({ node: 'Edit Fields', expression: '{{ 1 }}', extra: true }).expect(400)).body.code).toBe('validation_failed');
  });
});

describe('session probe', () => {
  it('says whether the caller is signed in, with 200 either way', async () => {
    expect((await request(rt.app.koa.callback()).get('/api/v1/auth/session').expect(200)).body).toEqual({ signedIn: false });
    const agent = request.agent(rt.app.koa.callback());
    await agent.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password }).expect(200);
    const me = (await agent.get('/api/v1/auth/session').expect(200)).body;
    expect(me).toMatchObject({ signedIn: true, user: { email: TEST_OWNER.email, via: 'session', workspaces: [expect.objectContaining({ workspaceId: 'default' })] } });
  });
});

describe('serving the editor', () => {
  it('answers editor paths with index.html and assets, never an API, webhook or real-time path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-dist-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    const koa = new Koa();
    koa.use(serveClient(dir));
    koa.use((ctx) => {
      ctx.status = 404;
      ctx.body = { code: 'not_found' };
    });
    // One listening server for every request (supertest's server per request can cut a stream short).
    const server = http.createServer(koa.callback()).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const web = request(server);
    try {
      const page = await web.get('/workflows/abc').expect(200);
      expect(page.text).toContain('id="app"');
      expect(page.headers['cache-control']).toBe('no-cache');
      const asset = await web.get('/assets/app-1234.js').expect(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['cache-control']).toContain('immutable');
      await web.get('/assets/missing.js').expect(404);
      const head = await web.head('/workflows/abc').expect(200);
      expect(head.headers['content-type']).toMatch(/html/);
      expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
      await web.get('/%2e%2e/%2e%2e/etc/passwd').expect((res) => expect(res.text).not.toContain('root:'));
      for (const reserved of ['/api/v1/nope', '/webhook/x', '/webhook-test/x', '/socket.io/x', '/collab/x', '/healthz', '/readyz']) {
        expect((await web.get(reserved)).status, reserved).toBe(404);
      }
      await web.post('/workflows/abc').expect(404);
    } finally {
      server.closeAllConnections();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the landing page to the app when the editor is not built', async () => {
    const koa = new Koa();
    koa.use(serveClient(path.join(tmpdir(), 'weft-no-such-build')));
    koa.use((ctx) => {
      ctx.body = 'fallback';
    });
    expect((await request(koa.callback()).get('/').expect(200)).text).toBe('fallback');
  });
});
