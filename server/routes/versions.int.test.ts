// Time travel over REST: versions listed and paged, a definition at any revision, diffs between
// two revisions, restoring as a new event, and 4xx answers for bad input.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
let id: string;
const api = () => request(rt.app.koa.callback());
const key = { 'X-API-KEY': TEST_OWNER.apiKey };

beforeAll(async () => {
  rt = await startTestRuntime();
  const created = await api().post('/api/v1/workflows').set(key).send(sampleWorkflow('Versions'));
  id = created.body.id;
  const changed = sampleWorkflow('Versions');
  (changed.nodes[1] as { parameters: Record<string, unknown> }).parameters = { options: { dotNotation: true } };
  expect((await api().put(`/api/v1/workflows/${id}`).set(key).send(changed)).status).toBe(200);
  expect((await api().patch(`/api/v1/workflows/${id}`).set(key).send({ name: 'Versions renamed' })).status).toBe(200);
});
afterAll(async () => {
  await rt?.dispose();
});

describe('workflow versions', () => {
  it('lists versions newest first with time, authors and a summary, paged by cursor', async () => {
    const first = await api().get(`/api/v1/workflows/${id}/versions`).query({ limit: 2 }).set(key);
    expect(first.status).toBe(200);
    expect(first.body.data.map((v: { revision: number }) => v.revision)).toEqual([2, 1]);
    expect(first.body.data[0]).toMatchObject({ summary: "renamed from 'Versions' to 'Versions renamed'", types: ['WorkflowRenamed'], authors: [expect.any(String)] });
    expect(first.body.data[0].at).toMatch(/^\d{4}-/);
    const second = await api().get(`/api/v1/workflows/${id}/versions`).query({ limit: 2, cursor: first.body.nextCursor }).set(key);
    expect(second.body.data.map((v: { revision: number }) => v.revision)).toEqual([0]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers the definition at any revision', async () => {
    const v1 = await api().get(`/api/v1/workflows/${id}/versions/1`).set(key);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ revision: 1, currentRevision: 2, type: 'WorkflowDefinitionReplaced' });
    expect(v1.body.definition.name).toBe('Versions');
    expect(v1.body.definition.nodes[1].parameters).toEqual({ options: { dotNotation: true } });
    expect((await api().get(`/api/v1/workflows/${id}/versions/0`).set(key)).body.definition.nodes[1].parameters.options).toEqual({});
    expect((await api().get(`/api/v1/workflows/${id}/versions/9`).set(key)).status).toBe(404);
    const bad = await api().get(`/api/v1/workflows/${id}/versions/abc`).set(key);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'params.revision' })] });
    expect((await api().get('/api/v1/workflows/unknown/versions/0').set(key)).status).toBe(404);
  });

  it('diffs two revisions field by field', async () => {
    const diff = await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 0, to: 2 }).set(key);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({
      from: 0, to: 2, nodesAdded: [], nodesRemoved: [], nodesRenamed: [], connectionsAdded: [], connectionsRemoved: [],
      fieldsChanged: [{ path: 'name', before: 'Versions', after: 'Versions renamed' }],
    });
    expect(diff.body.nodesModified[0].name).toBe('Edit Fields');
    expect(diff.body.nodesModified[0].changes).toContainEqual({ path: 'parameters.options.dotNotation', after: true });
    expect((await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 1, to: 1 }).set(key)).body.nodesModified).toEqual([]);
  });

  it('answers 400 for a bad range and 404 for an unknown revision', async () => {
    const backwards = await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 2, to: 1 }).set(key);
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('validation_failed');
    expect((await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 'x', to: 1 }).set(key)).status).toBe(400);
    expect((await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 0 }).set(key)).status).toBe(400);
    expect((await api().get(`/api/v1/workflows/${id}/diff`).query({ from: -1, to: 1 }).set(key)).status).toBe(400);
    expect((await api().get(`/api/v1/workflows/${id}/diff`).query({ from: 0, to: 99 }).set(key)).status).toBe(404);
  });

  it('restores a revision as a new event; history keeps everything', async () => {
    const restored = await api().post(`/api/v1/workflows/${id}/restore`).set(key).send({ revision: 0 });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({ name: 'Versions', revision: 3 });
    expect(restored.body.nodes[1].parameters.options).toEqual({});
    const versions = await api().get(`/api/v1/workflows/${id}/versions`).set(key);
    expect(versions.body.data.map((v: { revision: number }) => v.revision)).toEqual([3, 2, 1, 0]);
    expect(versions.body.data[0]).toMatchObject({ types: ['WorkflowVersionRestored'] });
    expect(versions.body.data[0].summary).toMatch(/^restored revision 0/);
    expect((await api().get(`/api/v1/workflows/${id}/versions/1`).set(key)).body.definition.nodes[1].parameters.options).toEqual({ dotNotation: true });
    expect((await api().post(`/api/v1/workflows/${id}/restore`).set(key).send({ revision: 50 })).status).toBe(404);
    expect((await api().post(`/api/v1/workflows/${id}/restore`).set(key).send({ revision: 'a' })).status).toBe(400);
    expect((await api().post(`/api/v1/workflows/${id}/restore`).set(key).send({})).status).toBe(400);
  });
});
