// The step debugger end to end over REST: a run started in the editor with breakpoints parks
// before or after a node holding no worker, its input is edited, it steps and continues; every
// command is on the run's record; viewers may look but not control. Embedded, and on BullMQ.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionStreamName } from '../../engine/index.ts';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const set = (id: string, name: string, x: number, field: string, value: string) => ({
  id, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, 0],
  parameters: { includeOtherFields: true, assignments: { assignments: [{ id: field, name: field, value, type: 'number' }] }, options: {} },
});

const chain = {
  name: 'Debug me',
  nodes: [
    { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    set('a', 'A', 200, 'a', '=1'),
    set('b', 'B', 400, 'b', '={{ $json.a * 10 }}'),
    set('c', 'C', 600, 'c', '={{ $json.b + 1 }}'),
  ],
  connections: {
    Start: { main: [[{ node: 'A', type: 'main', index: 0 }]] },
    A: { main: [[{ node: 'B', type: 'main', index: 0 }]] },
    B: { main: [[{ node: 'C', type: 'main', index: 0 }]] },
  },
  settings: { executionOrder: 'v1' },
};

const modes: [string, Record<string, string>][] = [
  ['embedded', {}],
  ['BullMQ on Redis', { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-test-${randomUUID()}` }],
];

describe.each(modes)('step debugger (%s)', (_mode, env) => {
  let rt: TestRuntime;
  let api: ReturnType<typeof request.agent>;
  let viewer: ReturnType<typeof request.agent>;
  let workflowId: string;

  beforeAll(async () => {
    rt = await startTestRuntime(env);
    api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
    const created = await api.post('/api/v1/workflows').send(chain);
    expect(created.status, created.text).toBe(201);
    workflowId = created.body.id;
    viewer = await signedInViewer(rt, api);
  });
  afterAll(() => rt.dispose());

  const run = (body: Record<string, unknown>) => api.post(`/api/v1/workflows/${workflowId}/run`).query({ wait: 'true' }).send(body);
  const outputOf = (execution: { data: { resultData: { runData: Record<string, { data: { main: { json: unknown }[][] } }[]> } } }, node: string) =>
    execution.data.resultData.runData[node][0].data.main[0].map((item) => item.json);

  it('pauses before B without holding a worker, takes an edited input, steps to C and continues', async () => {
    const parked = await run({ breakpoints: [{ node: 'B', when: 'before' }] });
    expect(parked.status, parked.text).toBe(201);
    expect(parked.body).toMatchObject({ status: 'waiting', paused: { node: 'B', when: 'before' } });
    expect(Object.keys(parked.body.data.resultData.runData)).toEqual(['Start', 'A']);
    const id = parked.body.id as string;

    const listed = await api.get(`/api/v1/executions/${id}`);
    expect(listed.body).toMatchObject({ status: 'waiting', paused: { node: 'B', when: 'before', runIndex: 0 } });
    const where = await viewer.get(`/api/v1/executions/${id}/debug`);
    expect(where.status, where.text).toBe(200);
    expect(where.body).toMatchObject({ node: 'B', when: 'before', runIndex: 0 });
    expect(where.body.input[0].map((i: { json: unknown }) => i.json)).toEqual([{ a: 1 }]);

    // The paused run holds no worker: another run goes through meanwhile.
    const other = await api.post('/api/v1/workflows').send(sampleWorkflow('Meanwhile'));
    const meanwhile = await api.post(`/api/v1/workflows/${other.body.id}/run`).query({ wait: 'true' }).send({});
    expect(meanwhile.body.status).toBe('success');

    // Viewers see, editors control.
    for (const path of ['continue', 'step', 'abort']) expect((await viewer.post(`/api/v1/executions/${id}/debug/${path}`).send({})).status).toBe(403);
    expect((await viewer.post(`/api/v1/executions/${id}/debug/input`).send({ items: [{ json: {} }] })).status).toBe(403);

    const bad = await api.post(`/api/v1/executions/${id}/debug/input`).send({ items: [{ nojson: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error ?? bad.body).toBeTruthy();
    expect((await api.post(`/api/v1/executions/${id}/debug/input`).send({ items: [{ json: {} }], input: 3 })).status).toBe(400);

    const edited = await api.post(`/api/v1/executions/${id}/debug/input`).send({ items: [{ json: { a: 5 } }, { json: { a: 7 } }] });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ node: 'B', input: 0, itemCount: 2 });

    const stepped = await api.post(`/api/v1/executions/${id}/debug/step`).query({ wait: 'true' }).send({});
    expect(stepped.status, stepped.text).toBe(200);
    expect(stepped.body.execution).toMatchObject({ status: 'waiting', paused: { node: 'C', when: 'before' } });
    expect(outputOf(stepped.body.execution, 'B')).toEqual([{ a: 5, b: 50 }, { a: 7, b: 70 }]);

    const continued = await api.post(`/api/v1/executions/${id}/debug/continue`).query({ wait: 'true' }).send({});
    expect(continued.status, continued.text).toBe(200);
    expect(continued.body.execution.status).toBe('success');
    expect(outputOf(continued.body.execution, 'C')).toEqual([{ a: 5, b: 50, c: 51 }, { a: 7, b: 70, c: 71 }]);
    expect((await api.get(`/api/v1/executions/${id}`)).body.status).toBe('success');

    // Every pause and command is on the run's record, with who did it.
    const record = await rt.events.readStream(executionStreamName(id));
    const debugEvents = record.filter((e) => ['ExecutionPaused', 'PausedInputEdited', 'ExecutionResumed'].includes(e.type)).map((e) => {
      const d = e.data as Record<string, unknown>;
      return [e.type, d.node, d.when ?? d.how, e.type === 'ExecutionPaused' ? undefined : typeof d.by];
    });
    expect(debugEvents).toEqual([
      ['ExecutionPaused', 'B', 'before', undefined],
      ['PausedInputEdited', 'B', undefined, 'string'],
      ['ExecutionResumed', 'B', 'before', 'string'],
      ['ExecutionPaused', 'C', 'before', undefined],
      ['ExecutionResumed', 'C', 'before', 'string'],
    ]);
    expect(record.filter((e) => e.type === 'ExecutionResumed').map((e) => (e.data as { how: string }).how)).toEqual(['step', 'continue']);

    // Over: no more commands.
    const late = await api.post(`/api/v1/executions/${id}/debug/continue`).send({});
    expect(late.status).toBe(409);
    expect(late.body.error?.code ?? late.body.code).toBe('conflict');
  }, 20_000);

  it("pauses after a node with its output; its input can then no longer be edited", async () => {
    const parked = await run({ breakpoints: [{ node: 'A', when: 'after' }] });
    expect(parked.body).toMatchObject({ status: 'waiting', paused: { node: 'A', when: 'after' } });
    const id = parked.body.id as string;
    const where = await api.get(`/api/v1/executions/${id}/debug`);
    expect(where.body.output[0].map((i: { json: unknown }) => i.json)).toEqual([{ a: 1 }]);
    const refused = await api.post(`/api/v1/executions/${id}/debug/input`).send({ items: [{ json: { a: 2 } }] });
    expect(refused.status).toBe(400);
    const continued = await api.post(`/api/v1/executions/${id}/debug/continue`).query({ wait: 'true' }).send({});
    expect(continued.body.execution.status).toBe('success');
    expect(outputOf(continued.body.execution, 'C')).toEqual([{ a: 1, b: 10, c: 11 }]);
  }, 20_000);

  it('aborts a paused run, and refuses breakpoints on unknown nodes', async () => {
    const parked = await run({ breakpoints: [{ node: 'C', when: 'before' }] });
    const id = parked.body.id as string;
    const aborted = await api.post(`/api/v1/executions/${id}/debug/abort`).send({});
    expect(aborted.body).toEqual({ stopped: true });
    expect((await api.get(`/api/v1/executions/${id}`)).body.status).toBe('canceled');

    const unknown = await run({ breakpoints: [{ node: 'Nope', when: 'before' }] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('breakpoints.0.node');
    expect((await run({ breakpoints: [{ node: 'A', when: 'sometime' }] })).status).toBe(400);
  }, 20_000);
});

/** A viewer of the default workspace, signed in through the real routes. */
async function signedInViewer(rt: TestRuntime, owner: ReturnType<typeof request.agent>) {
  const email = `viewer-${randomUUID()}@example.com`;
  const inv = await owner.post('/api/v1/invitations').send({ email, role: 'viewer' });
  expect(inv.status, inv.text).toBe(201);
  const password = 'viewer password 123';
  const accepted = await request(rt.app.koa.callback()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: 'Vera', password });
  expect(accepted.status, accepted.text).toBe(200);
  const agent = request.agent(rt.app.koa.callback());
  expect((await agent.post('/api/v1/auth/signin').send({ email, password })).status).toBe(200);
  return agent;
}
