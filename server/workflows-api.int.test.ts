// The workflow REST API, in-process over real SQLite stores.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from './test-support.ts';

const n8nExport = JSON.parse(readFileSync(new URL('./fixtures/n8n-export.json', import.meta.url), 'utf8'));

let rt: TestRuntime;
let api: ReturnType<typeof request.agent>;

beforeAll(async () => {
  rt = await startTestRuntime({ JSON_BODY_LIMIT_BYTES: String(64 * 1024) });
  api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
});
afterAll(() => rt.dispose());

/** Asserts the request wrote nothing: the event store's head is where it was. */
async function expectNothingWritten(send: () => Promise<request.Response>, status: number) {
  const before = await rt.events.headPosition();
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  expect(await rt.events.headPosition()).toBe(before);
  return res;
}

async function create(body: object = sampleWorkflow()) {
  const res = await api.post('/api/v1/workflows').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('workflows API', () => {
  it('creates a workflow that a list made at once already shows (read-your-writes)', async () => {
    for (let i = 0; i < 15; i++) {
      const name = `RYW ${i} ${Math.random()}`;
      const created = await create(sampleWorkflow(name));
      expect(created).toMatchObject({ name, active: false, isArchived: false, revision: 0 });
      const list = await api.get('/api/v1/workflows').query({ name });
      expect(list.body.data.map((w: { id: string }) => w.id)).toEqual([created.id]);
    }
  });

  it('gets a workflow with its revision as ETag', async () => {
    const created = await create();
    const res = await api.get(`/api/v1/workflows/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body.nodes).toEqual(sampleWorkflow().nodes);
  });

  it('updates with If-Match; a stale revision gets 409 and changes nothing', async () => {
    const created = await create();
    const changed = sampleWorkflow('Changed');
    const ok = await api.put(`/api/v1/workflows/${created.id}`).set('If-Match', '"0"').send(changed);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Changed', revision: 1 });

    const stale = await expectNothingWritten(() => api.put(`/api/v1/workflows/${created.id}`).set('If-Match', '"0"').send(sampleWorkflow('Lost?')), 409);
    expect(stale.body.code).toBe('wrong_expected_revision');
    const current = await api.get(`/api/v1/workflows/${created.id}`);
    expect(current.body).toMatchObject({ name: 'Changed', revision: 1 });

    await expectNothingWritten(() => api.put(`/api/v1/workflows/${created.id}`).set('If-Match', 'yesterday').send(changed), 400);
  });

  it('lets exactly one of many concurrent updates with the same If-Match win', async () => {
    const created = await create();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api.put(`/api/v1/workflows/${created.id}`).set('If-Match', '"0"').send(sampleWorkflow(`Racer ${i}`))),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await rt.events.streamRevision(`workflow-${created.id}`)).toBe(1);
  });

  it('answers bad input with a 4xx JSON error and writes nothing', async () => {
    await expectNothingWritten(() => api.post('/api/v1/workflows').set('Content-Type', 'application/json').send('{"name": "x", "nodes": ['), 400);
    const wrongTypes = await expectNothingWritten(() => api.post('/api/v1/workflows').send({ name: 5, nodes: 'no' }), 400);
    expect(wrongTypes.body.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'nodes']));
    // A node name used twice is renamed and a connection from a node that is not there is dropped,
    // each with a warning, as n8n takes such files (workflow-import.int.test.ts).
    await expectNothingWritten(() => api.post('/api/v1/workflows').send(sampleWorkflow('x', { nodes: [sampleWorkflow().nodes[0], { ...sampleWorkflow().nodes[1], typeVersion: 'x' }] })), 400);
    await expectNothingWritten(() => api.post('/api/v1/workflows').set('Content-Type', 'text/plain').send('name=x'), 415);
    await expectNothingWritten(() => api.post('/api/v1/workflows'), 400);
    await expectNothingWritten(() => api.post('/api/v1/workflows').set('Content-Type', 'application/json').send('"a string"'), 400);
    const huge = sampleWorkflow('Huge', { pinData: { 'Edit Fields': [{ json: { blob: 'x'.repeat(100_000) } }] } });
    const big = await expectNothingWritten(() => api.post('/api/v1/workflows').send(huge), 413);
    expect(big.body.code).toBe('payload_too_large');
  });

  it('answers unknown ids and routes with JSON 404s, and wrong methods with 405', async () => {
    expect((await expectNothingWritten(() => api.get('/api/v1/workflows/doesNotExist123'), 404)).body.code).toBe('not_found');
    await expectNothingWritten(() => api.put('/api/v1/workflows/doesNotExist123').send(sampleWorkflow()), 404);
    await expectNothingWritten(() => api.post('/api/v1/workflows/doesNotExist123/activate'), 404);
    await expectNothingWritten(() => api.get('/api/v1/workflows/bad%20id!'), 404);
    await expectNothingWritten(() => api.get('/api/v1/nothing-here'), 404);
    const wrong = await expectNothingWritten(() => api.delete('/api/v1/workflows'), 405);
    expect(wrong.headers.allow).toBe('GET, POST');
    await expectNothingWritten(() => api.get('/api/v1/workflows').query({ limit: 'lots' }), 400);
    await expectNothingWritten(() => api.get('/api/v1/workflows').query({ cursor: 'garbage' }), 400);
  });

  it('refuses activation naming a node whose required parameter is empty or whose shown credential is not chosen', async () => {
    const http = { id: 'h1', name: 'Call API', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [220, 0], parameters: { url: '' } };
    const created = await create(sampleWorkflow(`Issues ${Math.random()}`, {
      nodes: [sampleWorkflow().nodes[0], http],
      connections: { 'When clicking ‘Execute workflow’': { main: [[{ node: 'Call API', type: 'main', index: 0 }]] } },
    }));
    const refused = await expectNothingWritten(() => api.post(`/api/v1/workflows/${created.id}/activate`), 400);
    expect(refused.body.message).toBe("The workflow cannot be activated: fix 'Call API' first");
    expect(refused.body.details).toEqual([{ path: 'nodes.1', message: "Call API: parameter 'URL' is required" }]);
    const listed = (await api.get('/api/v1/workflows').query({ name: created.name })).body.data[0];
    expect(listed.issues).toEqual([{ node: 'Call API', message: "parameter 'URL' is required" }]);

    // With a URL but Basic Auth chosen, the Basic Auth credential is what it lacks.
    const basic = { ...http, parameters: { url: 'http://127.0.0.1:9/', authentication: 'genericCredentialType', genericAuthType: 'httpBasicAuth' } };
    const updated = (await api.put(`/api/v1/workflows/${created.id}`).send({ ...sampleWorkflow(created.name), nodes: [sampleWorkflow().nodes[0], basic], connections: created.connections })).body;
    expect(updated.revision, JSON.stringify(updated)).toBe(1);
    const again = await expectNothingWritten(() => api.post(`/api/v1/workflows/${created.id}/activate`), 400);
    expect(again.body.details).toEqual([{ path: 'nodes.1', message: "Call API: credential 'Basic Auth' is required" }]);

    // Authentication None asks for no credential at all.
    const none = { ...http, parameters: { url: 'http://127.0.0.1:9/' } };
    await api.put(`/api/v1/workflows/${created.id}`).send({ ...sampleWorkflow(created.name), nodes: [sampleWorkflow().nodes[0], none], connections: created.connections }).expect(200);
    expect((await api.post(`/api/v1/workflows/${created.id}/activate`)).body.active).toBe(true);
  });

  it('deletes softly, hides deleted workflows from the list, and restores them', async () => {
    const created = await create(sampleWorkflow(`Trash ${Math.random()}`));
    const deleted = await api.delete(`/api/v1/workflows/${created.id}`);
    expect(deleted.body.isArchived).toBe(true);
    expect((await api.get('/api/v1/workflows').query({ name: created.name })).body.data).toEqual([]);
    expect((await api.get('/api/v1/workflows').query({ name: created.name, deleted: 'true' })).body.data).toHaveLength(1);
    await expectNothingWritten(() => api.post(`/api/v1/workflows/${created.id}/activate`), 409);
    await expectNothingWritten(() => api.delete(`/api/v1/workflows/${created.id}`), 409);
    const back = await api.post(`/api/v1/workflows/${created.id}/undelete`);
    expect(back.body.isArchived).toBe(false);
    expect((await api.get('/api/v1/workflows').query({ name: created.name })).body.data).toHaveLength(1);
  });

  it('activates, deactivates, tags, renames, and filters the list by them', async () => {
    const marker = `Filter ${Math.random()}`;
    const a = await create(sampleWorkflow(`${marker} A`));
    const b = await create(sampleWorkflow(`${marker} B`));
    expect((await api.post(`/api/v1/workflows/${a.id}/activate`)).body.active).toBe(true);
    expect((await api.put(`/api/v1/workflows/${b.id}/tags`).send(['ops', { name: 'billing' }])).body).toEqual(['ops', 'billing']);
    const active = await api.get('/api/v1/workflows').query({ name: marker.toUpperCase(), active: 'true' });
    expect(active.body.data.map((w: { id: string }) => w.id)).toEqual([a.id]);
    const tagged = await api.get('/api/v1/workflows').query({ name: marker, tag: 'billing' });
    expect(tagged.body.data.map((w: { id: string }) => w.id)).toEqual([b.id]);
    expect((await api.post(`/api/v1/workflows/${a.id}/deactivate`)).body.active).toBe(false);
    const renamed = await api.patch(`/api/v1/workflows/${a.id}`).send({ name: `${marker} A2` });
    // created, published and activated, deactivated, renamed
    expect(renamed.body).toMatchObject({ name: `${marker} A2`, revision: 4 });
    await expectNothingWritten(() => api.patch(`/api/v1/workflows/${a.id}`).send({ name: '' }), 400);
    await expectNothingWritten(() => api.patch(`/api/v1/workflows/${a.id}`).send({ name: 'x', extra: 1 }), 400);
  });

  it('pages through the list with a cursor, every workflow exactly once', async () => {
    const marker = `Page ${Math.random()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await create(sampleWorkflow(`${marker} ${i}`))).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.get('/api/v1/workflows').query({ name: marker, limit: 3, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((w: { id: string }) => w.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
  });

  it('imports an n8n export as it is, and exports it back in the same shape', async () => {
    const res = await api.post('/api/v1/workflows/import').send(n8nExport);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [{ id }] = res.body.imported;
    expect(id).toBe(n8nExport.id);
    const exported = (await api.get(`/api/v1/workflows/${id}/export`)).body;
    for (const key of ['name', 'nodes', 'connections', 'settings', 'pinData', 'meta']) expect(exported[key], key).toEqual(n8nExport[key]);
    expect(exported.tags).toEqual([{ name: 'sales' }]);
    expect(exported).not.toHaveProperty('revision');

    // The export imports again (as a new workflow, since the id is taken) with an identical definition.
    const again = await api.post('/api/v1/workflows/import').send(exported);
    expect(again.body.imported[0]).toMatchObject({ requestedId: id });
    const copy = (await api.get(`/api/v1/workflows/${again.body.imported[0].id}`)).body;
    expect(copy.nodes).toEqual(n8nExport.nodes);
    expect(copy.connections).toEqual(n8nExport.connections);
  });

  it('imports an array all or nothing: one invalid workflow means nothing is written', async () => {
    const bad = await expectNothingWritten(() => api.post('/api/v1/workflows/import').send([sampleWorkflow('ok'), { name: 'bad', nodes: [{ name: 'x' }] }]), 400);
    expect(bad.body.details[0].path).toMatch(/^1\.nodes\.0\./);
    const good = await api.post('/api/v1/workflows/import').send([sampleWorkflow('one'), sampleWorkflow('two')]);
    expect(good.body.imported.map((w: { name: string }) => w.name)).toEqual(['one', 'two']);
  });

  it('keeps a history row per change, newest first, with who and what', async () => {
    const created = await create(sampleWorkflow('History'));
    const next = sampleWorkflow('History');
    next.nodes[1].position = [400, 80];
    await api.put(`/api/v1/workflows/${created.id}`).send(next);
    await api.post(`/api/v1/workflows/${created.id}/activate`);
    const res = await api.get(`/api/v1/workflows/${created.id}/history`);
    expect(res.body.data.map((r: { revision: number; type: string }) => [r.revision, r.type])).toEqual([
      [3, 'WorkflowActivated'], [2, 'WorkflowPublished'], [1, 'WorkflowDefinitionReplaced'], [0, 'WorkflowCreated'],
    ]);
    expect(res.body.data[1]).toMatchObject({ summary: 'published' });
    expect(res.body.data[2]).toMatchObject({ summary: "changed 'Edit Fields'", actor: { kind: 'apiKey' } });
    expect(res.body.data[2].changes.nodesModified).toEqual(['Edit Fields']);
  });

  it('keeps an audit log filterable by actor, stream, type and time', async () => {
    const created = await create(sampleWorkflow('Audited'));
    await api.post(`/api/v1/workflows/${created.id}/activate`);
    // The audit projection is separate from the workflows one: wait for it explicitly.
    await rt.projections.audit.waitFor(await rt.events.headPosition());
    const byStream = await api.get('/api/v1/audit').query({ resource: `workflow-${created.id}` });
    expect(byStream.body.data.map((e: { type: string }) => e.type)).toEqual(['WorkflowActivated', 'WorkflowPublished', 'WorkflowCreated']);
    const ownerId = (await api.get('/api/v1/me')).body.id;
    const byType = await api.get('/api/v1/audit').query({ action: 'WorkflowActivated', user: ownerId, since: '2000-01-01T00:00:00Z' });
    expect(byType.body.data.length).toBeGreaterThan(0);
    expect(byType.body.data.every((e: { type: string }) => e.type === 'WorkflowActivated')).toBe(true);
    expect((await api.get('/api/v1/audit').query({ until: '2000-01-01T00:00:00Z' })).body.data).toEqual([]);
    await expectNothingWritten(() => api.get('/api/v1/audit').query({ since: 'last week' }), 400);
  });

  it('describes every route in /api/v1/openapi.json', async () => {
    const doc = (await api.get('/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const route of rt.app.routes) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method], `${route.method} ${path}`).toMatchObject({ summary: route.summary });
    }
  });

  it('reports health and readiness of each backend', async () => {
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((c: { name: string }) => c.name)).toEqual(['sqlite-event-store', 'sqlite-read-models', 'sqlite-vault', 'file-blobs', 'execution-thread']);
  });
});

describe('readiness with an unreachable backend', () => {
  it('answers 503 and names the backend', async () => {
    const broken = await startTestRuntime({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await request(broken.app.koa.callback()).get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body.checks.find((c: { name: string }) => c.name === 'redis')).toMatchObject({ ok: false });
    } finally {
      await broken.dispose();
    }
  });
});
