// What the run lists get from GET /executions: times for a duration, a failed run's message and
// node, and the run a retry or a re-run came from; and history lines that name parameters as the
// editor does.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamName, WORKFLOW_CATEGORY, workflowDecider, type WorkflowDefinition } from '../../domain/index.ts';
import { handleCommand } from '../../events/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const failing = {
  name: 'Fails at Check', settings: { executionOrder: 'v1' },
  nodes: [
    { id: 'f1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    { id: 'f2', name: 'Stamp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
    { id: 'f3', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [400, 0], parameters: { errorMessage: 'not yet' } },
  ],
  connections: { Start: { main: [[{ node: 'Stamp', type: 'main', index: 0 }]] }, Stamp: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
};

describe('run lists', () => {
  let rt: TestRuntime;
  let api: ReturnType<typeof request.agent>;
  let workflowId: string;
  let failedId: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
    workflowId = (await api.post('/api/v1/workflows').send(failing)).body.id;
    failedId = (await api.post(`/api/v1/workflows/${workflowId}/run`).query({ wait: 'true' }).send({})).body.id;
  });
  afterAll(() => rt.dispose());

  const summaryOf = async (id: string) => {
    const list = await api.get('/api/v1/executions').query({ workflowId });
    expect(list.status, list.text).toBe(200);
    return (list.body.data as Record<string, unknown>[]).find((r) => r.id === id);
  };

  it('lists a failed run with its start and stop times, its message and the node it failed on', async () => {
    const row = await summaryOf(failedId);
    expect(row).toMatchObject({ status: 'error', error: { message: 'not yet', node: 'Check' } });
    const { startedAt, stoppedAt } = row as { startedAt: string; stoppedAt: string };
    expect(Date.parse(stoppedAt)).toBeGreaterThanOrEqual(Date.parse(startedAt));
  });

  it('lists a retry with the run it retried and the node it started from', async () => {
    const retried = await api.post(`/api/v1/executions/${failedId}/retry`).query({ wait: 'true' }).send({});
    expect(retried.status, retried.text).toBe(201);
    expect(await summaryOf(retried.body.id)).toMatchObject({ retryOf: failedId, startNode: 'Check' });
  });

  it('lists a re-run from a node with the run it came from, recorded in its started event', async () => {
    const rerun = await api.post(`/api/v1/workflows/${workflowId}/run`).query({ wait: 'true' })
      .send({ startNode: 'Stamp', triggerItems: [{ json: { n: 1 } }], rerunOf: failedId });
    expect(rerun.status, rerun.text).toBe(201);
    expect(rerun.body).toMatchObject({ rerunOf: failedId, status: 'error' });
    expect(await summaryOf(rerun.body.id)).toMatchObject({ rerunOf: failedId, startNode: 'Stamp', mode: 'manual' });
    const started = (await rt.events.readStream(`execution-${rerun.body.id}`)).find((e) => e.type === 'ExecutionStarted');
    expect(started?.data).toMatchObject({ rerunOf: failedId });
    // A run that names no origin has none.
    const plain = (await api.post(`/api/v1/workflows/${workflowId}/run`).send({})).body.executionId;
    expect(await summaryOf(plain)).not.toHaveProperty('rerunOf');
  });

  it("refuses a re-run of an unknown run or of another workflow's run, saying why", async () => {
    const unknown = await api.post(`/api/v1/workflows/${workflowId}/run`).send({ startNode: 'Stamp', rerunOf: 'nope123' });
    expect(unknown.status).toBe(400);
    expect(unknown.type).toMatch(/json/);
    expect(JSON.stringify(unknown.body)).toMatch(/nope123/);
    expect(JSON.stringify(unknown.body)).toMatch(/rerunOf/);

    const other = (await api.post('/api/v1/workflows').send({ ...failing, name: 'Other' })).body.id;
    const foreign = await api.post(`/api/v1/workflows/${other}/run`).send({ startNode: 'Stamp', rerunOf: failedId });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toMatch(/another workflow/);
    expect((await api.post(`/api/v1/workflows/${workflowId}/run`).send({ rerunOf: 'not an id!' })).status).toBe(400);
  });
});

describe('history summaries', () => {
  let rt: TestRuntime;
  afterAll(() => rt?.dispose());

  it("name a changed parameter by the node type's display names, and by its path for an unknown type", async () => {
    rt = await startTestRuntime();
    const api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
    const created = await api.post('/api/v1/workflows').send({
      name: 'Fetches', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'h1', name: 'Fetch', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [0, 0], parameters: { url: 'https://a.example', options: {} } },
        { id: 'h2', name: 'Mystery', type: 'acme.unknownThing', typeVersion: 1, position: [200, 0], parameters: { deep: { knob: 1 } } },
      ],
      connections: {},
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const doc = await rt.workflows.get(id);
    const edited = structuredClone(doc.definition) as WorkflowDefinition;
    edited.nodes[0].parameters = { url: 'https://b.example', options: { timeout: 5000 } };
    edited.nodes[1].parameters = { deep: { knob: 2 } };
    // The fine-grained edits a live editing room records.
    const result = await handleCommand(rt.events, workflowDecider, streamName(WORKFLOW_CATEGORY, id), { type: 'ApplyEdits', definition: edited, authors: ['tester'] }, {
      actor: { kind: 'system', id: 'test' }, commandId: `edit-${id}`, correlationId: `edit-${id}`, workspaceId: doc.workspaceId,
    });
    await rt.projections.history.waitFor(result.position!);
    const summaries = ((await api.get(`/api/v1/workflows/${id}/history`)).body.data as { summary: string }[]).map((r) => r.summary);
    expect(summaries).toContain("changed 'Fetch' parameter URL");
    expect(summaries).toContain("changed 'Fetch' parameter Options › Timeout");
    expect(summaries).toContain("changed 'Mystery' parameter deep.knob");
    const versions = (await api.get(`/api/v1/workflows/${id}/versions`)).body.data as { changes: string[] }[];
    expect(versions[0].changes).toContain("changed 'Fetch' parameter Options › Timeout");
  });
});
