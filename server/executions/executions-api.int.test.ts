// Running workflows through the REST API, with every step recorded: the same suite on the in-process
// queue and on BullMQ (real Redis).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldExecution, executionStreamName } from '../../engine/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const QUEUES = [
  { queue: 'in-process', env: {} as Record<string, string> },
  { queue: 'bullmq', env: { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-test-${randomUUID()}` } },
];

const workflow = {
  name: 'Greeter',
  settings: { executionOrder: 'v1' },
  nodes: [
    { id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
    {
      id: '2', name: 'Greet', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
      parameters: { assignments: { assignments: [{ id: 'a', name: 'greeting', value: '=Hello {{ $json.name }}', type: 'string' }] }, includeOtherFields: true, options: {} },
    },
    {
      id: '3', name: 'Is Ada', type: 'n8n-nodes-base.if', typeVersion: 2.2, position: [400, 0],
      parameters: {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
          conditions: [{ id: 'c', leftValue: '={{ $json.name }}', rightValue: 'Ada', operator: { type: 'string', operation: 'equals' } }],
          combinator: 'and',
        },
        options: {},
      },
    },
    { id: '4', name: 'Log', type: 'n8n-nodes-base.code', typeVersion: 2, position: [600, 0], parameters: { jsCode: "console.log('seen', $input.all().length);\nreturn $input.all();" } },
  ],
  connections: {
    Start: { main: [[{ node: 'Greet', type: 'main', index: 0 }]] },
    Greet: { main: [[{ node: 'Is Ada', type: 'main', index: 0 }]] },
    'Is Ada': { main: [[{ node: 'Log', type: 'main', index: 0 }], []] },
  },
  pinData: { Start: [{ json: { name: 'Ada' } }, { json: { name: 'Bob' } }] },
};

describe.each(QUEUES)('executions API on the $queue queue', ({ env }) => {
  let rt: TestRuntime;
  let api: ReturnType<typeof request.agent>;

  beforeAll(async () => {
    rt = await startTestRuntime(env);
    api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  });
  afterAll(() => rt.dispose());

  it('runs a workflow by hand and records every step; the folded stream equals the live result', async () => {
    const created = await api.post('/api/v1/workflows').send(workflow);
    expect(created.status, created.text).toBe(201);
    const run = await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({});
    expect(run.status, run.text).toBe(201);
    expect(run.body.status).toBe('success');
    const runData = run.body.data.resultData.runData;
    expect(runData.Greet[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([
      { name: 'Ada', greeting: 'Hello Ada' }, { name: 'Bob', greeting: 'Hello Bob' },
    ]);
    expect(runData['Is Ada'][0].data.main.map((o: unknown[]) => o.length)).toEqual([1, 1]);
    expect(runData.Log[0].data.main[0]).toHaveLength(1);

    const stream = await rt.events.readStream(executionStreamName(run.body.id));
    expect(stream.map((e) => e.type)).toContain('CodeConsoleOutput');
    const { id: _id, ...live } = run.body;
    expect(foldExecution(stream as never)).toEqual(live);

    const detail = await api.get(`/api/v1/executions/${run.body.id}`).query({ includeData: 'true' });
    expect(detail.body).toMatchObject({ status: 'success', workflowId: created.body.id, mode: 'manual', workflowRevision: 0 });
    // The version this run used, in one call.
    const used = (await api.get(`/api/v1/executions/${run.body.id}/workflow`)).body;
    expect(used).toMatchObject({ executionId: run.body.id, workflowId: created.body.id, revision: 0, definitionHash: detail.body.definitionHash });
    expect(used.definition.nodes.map((n: { name: string }) => n.name)).toEqual(['Start', 'Greet', 'Is Ada', 'Log']);
    expect((await api.get('/api/v1/executions/nope123/workflow')).status).toBe(404);
    expect(detail.body.data.resultData.runData.Greet).toEqual(runData.Greet);
    const list = await api.get('/api/v1/executions').query({ workflowId: created.body.id });
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([run.body.id]);
  });

  it('answers at once without wait, and the execution can be stopped and deleted', async () => {
    const slow = {
      ...workflow, name: 'Slow', pinData: undefined,
      nodes: [workflow.nodes[0], { id: '9', name: 'Spin', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'const end = Date.now() + 1500; while (Date.now() < end) {} return [];' } }],
      connections: { Start: { main: [[{ node: 'Spin', type: 'main', index: 0 }]] } },
    };
    const created = await api.post('/api/v1/workflows').send(slow);
    const started = await api.post(`/api/v1/workflows/${created.body.id}/run`).send({});
    expect(started.status).toBe(201);
    const executionId = started.body.executionId;
    await new Promise((r) => setTimeout(r, 300));
    expect((await api.post(`/api/v1/executions/${executionId}/stop`)).body).toEqual({ stopped: true });
    await expect.poll(async () => (await api.get(`/api/v1/executions/${executionId}`)).body.status, { timeout: 10_000 }).toBe('canceled');
    expect((await api.delete(`/api/v1/executions/${executionId}`)).status).toBe(204);
    expect((await api.get(`/api/v1/executions/${executionId}`)).status).toBe(404);
  });

  it('starts the error workflow with n8n’s payload when a run that was not started by hand fails', async () => {
    const handler = {
      name: 'On error', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'e1', name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'e2', name: 'Note', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} },
      ],
      connections: { 'Error Trigger': { main: [[{ node: 'Note', type: 'main', index: 0 }]] } },
    };
    const errorWf = (await api.post('/api/v1/workflows').send(handler)).body;
    await api.post(`/api/v1/workflows/${errorWf.id}/activate`);
    const failing = (await api.post('/api/v1/workflows').send({
      name: 'Breaks', settings: { executionOrder: 'v1', errorWorkflow: errorWf.id },
      nodes: [
        { id: 'f1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'f2', name: 'Boom', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'bad input' } },
      ],
      connections: { Start: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
    })).body;
    const ctx = { actor: { kind: 'system' as const, id: 'test' }, requestId: crypto.randomUUID() };
    const failingDoc = await rt.workflows.get(failing.id);
    // A manual run never starts the error workflow…
    await (await rt.executions.start(failingDoc, {}, ctx)).done;
    // …a triggered one does.
    const { executionId, done } = await rt.executions.start(failingDoc, { mode: 'trigger' }, ctx);
    expect((await done).status).toBe('error');
    let errorRun: { id: string; mode: string } | undefined;
    await expect.poll(async () => {
      await rt.executions.settle();
      errorRun = (await api.get('/api/v1/executions').query({ workflowId: errorWf.id })).body.data[0];
      return errorRun?.mode;
    }, { timeout: 10_000 }).toBe('error');
    await expect.poll(async () => (await api.get(`/api/v1/executions/${errorRun!.id}`)).body.status).toBe('success');
    const detail = await api.get(`/api/v1/executions/${errorRun!.id}`).query({ includeData: 'true' });
    expect(detail.body.data.resultData.runData['Error Trigger'][0].data.main[0][0].json).toMatchObject({
      execution: { id: executionId, error: { message: 'bad input' }, lastNodeExecuted: 'Boom', mode: 'trigger' },
      workflow: { id: failing.id, name: 'Breaks' },
    });
    const runs = (await api.get('/api/v1/executions').query({ workflowId: errorWf.id })).body.data;
    expect(runs).toHaveLength(1);
  });

  it('runs a stored sub-workflow through the Execute Workflow node, each run recorded', async () => {
    const sub = (await api.post('/api/v1/workflows').send({
      name: 'Sub', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 's1', name: 'In', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 's2', name: 'Tag', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 't', name: 'fromSub', value: true, type: 'boolean' }] }, includeOtherFields: true, options: {} } },
      ],
      connections: { In: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] } },
    })).body;
    const caller = (await api.post('/api/v1/workflows').send({
      name: 'Caller', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'c1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'c2', name: 'Call', type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1.2, position: [200, 0], parameters: { workflowId: { __rl: true, value: sub.id, mode: 'id' }, options: {} } },
      ],
      connections: { Start: { main: [[{ node: 'Call', type: 'main', index: 0 }]] } },
      pinData: { Start: [{ json: { n: 1 } }] },
    })).body;
    const run = await api.post(`/api/v1/workflows/${caller.id}/run`).query({ wait: 'true' }).send({});
    expect(run.body.status, run.text).toBe('success');
    expect(run.body.data.resultData.runData.Call[0].data.main[0][0].json).toEqual({ n: 1, fromSub: true });
    await rt.executions.settle();
    const subRuns = (await api.get('/api/v1/executions').query({ workflowId: sub.id })).body.data;
    expect(subRuns.map((e: { mode: string; status: string }) => [e.mode, e.status])).toEqual([['integrated', 'success']]);
  });

  it('retries a failed run from the failed node, with the current definition when asked', async () => {
    const def = {
      name: 'Retry me', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'r1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'r2', name: 'Stamp', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: 'return [{ json: { at: Math.random() } }];' } },
        { id: 'r3', name: 'Check', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [400, 0], parameters: { errorMessage: 'not yet' } },
      ],
      connections: { Start: { main: [[{ node: 'Stamp', type: 'main', index: 0 }]] }, Stamp: { main: [[{ node: 'Check', type: 'main', index: 0 }]] } },
    };
    const created = (await api.post('/api/v1/workflows').send(def)).body;
    const failed = (await api.post(`/api/v1/workflows/${created.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(failed.status).toBe('error');
    expect((await api.post(`/api/v1/executions/${failed.id}/retry`).query({ wait: 'true' }).send({})).body.status).toBe('error');

    const fixed = { ...def, nodes: [def.nodes[0], def.nodes[1], { ...def.nodes[2], type: 'n8n-nodes-base.noOp', parameters: {} }] };
    await api.put(`/api/v1/workflows/${created.id}`).set('If-Match', '"0"').send(fixed).expect(200);
    const retried = await api.post(`/api/v1/executions/${failed.id}/retry`).query({ wait: 'true' }).send({ loadWorkflow: true });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body.status).toBe('success');
    // The node that succeeded is not run again: its recorded output is reused.
    expect(retried.body.data.resultData.runData.Stamp[0]).toEqual(failed.data.resultData.runData.Stamp[0]);
    expect(retried.body.data.resultData.runData.Check[0].data.main[0][0].json).toEqual(failed.data.resultData.runData.Stamp[0].data.main[0][0].json);
    const doc = (await api.get(`/api/v1/executions/${retried.body.id}`)).body;
    expect(doc).toMatchObject({ retryOf: failed.id, workflowRevision: 1, status: 'success' });
    expect((await api.post(`/api/v1/executions/${retried.body.id}/retry`).send({})).status).toBe(400);
    expect((await api.post('/api/v1/executions/nope123/retry').send({})).status).toBe(404);
  });

  it('parks a long wait without holding a worker, and resumes it', async () => {
    const created = (await api.post('/api/v1/workflows').send({
      name: 'Waits', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'w1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'w2', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [200, 0], parameters: { resume: 'timeInterval', amount: 2, unit: 'hours' } },
        { id: 'w3', name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [400, 0], parameters: {} },
      ],
      connections: { Start: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] }, Wait: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
      pinData: { Start: [{ json: { n: 7 } }] },
    })).body;
    const parked = (await api.post(`/api/v1/workflows/${created.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(parked.status).toBe('waiting');
    expect(Date.parse(parked.waitTill) - Date.now()).toBeGreaterThan(3600_000);
    const ctx = { actor: { kind: 'system' as const, id: 'test' }, requestId: randomUUID() };
    const result = await (await rt.executions.resume(parked.id, undefined, ctx)).done;
    expect(result.status).toBe('success');
    expect(result.data.resultData.runData.After[0].data?.main[0]?.[0].json).toEqual({ n: 7 });
    await rt.executions.settle();
    const detail = (await api.get(`/api/v1/executions/${parked.id}`).query({ includeData: 'true' })).body;
    expect(detail.status).toBe('success');
    expect(detail.data.resultData.runData.Wait).toHaveLength(1);
    await expect(rt.executions.resume(parked.id, undefined, ctx)).rejects.toThrow(/not waiting/);
  });

  it('keeps a large node output beside the log, by reference, and reads it back', async () => {
    const created = (await api.post('/api/v1/workflows').send({
      name: 'Big output', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'b2', name: 'Big', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: "return Array.from({ length: 2000 }, (_, i) => ({ json: { i, text: 'x'.repeat(200) } }));" } },
      ],
      connections: { Start: { main: [[{ node: 'Big', type: 'main', index: 0 }]] } },
    })).body;
    const run = (await api.post(`/api/v1/workflows/${created.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(run.status).toBe('success');
    expect(run.data.resultData.runData.Big[0].data.main[0]).toHaveLength(2000);
    const stream = await rt.events.readStream(executionStreamName(run.id));
    const stored = stream.find((e) => e.type === 'NodeSucceeded' && (e.data as { node: string }).node === 'Big')!;
    const data = stored.data as { dataRef?: { sha256: string; bytes: number }; taskData: { data?: unknown } };
    expect(data.taskData.data).toBeUndefined();
    expect(data.dataRef?.bytes).toBeGreaterThan(256 * 1024);
    expect(JSON.stringify(stored.data).length).toBeLessThan(4096);
    const detail = (await api.get(`/api/v1/executions/${run.id}`).query({ includeData: 'true' })).body;
    expect(detail.data.resultData.runData.Big[0].data.main[0][1999].json).toEqual({ i: 1999, text: 'x'.repeat(200) });
  });

  it('shows a run as it was after any step, and re-runs from a node with its recorded or an edited input', async () => {
    const created = (await api.post('/api/v1/workflows').send(workflow)).body;
    const run = (await api.post(`/api/v1/workflows/${created.id}/run`).query({ wait: 'true' }).send({})).body;
    const atStep = async (step: number) => (await api.get(`/api/v1/executions/${run.id}`).query({ step })).body;
    expect(Object.keys((await atStep(0)).data.resultData.runData)).toEqual([]);
    expect(Object.keys((await atStep(2)).data.resultData.runData)).toEqual(['Start', 'Greet']);
    expect((await atStep(2)).stepStatus).toBe('running');
    expect((await atStep(99)).data.resultData.runData).toEqual(run.data.resultData.runData);
    expect((await api.get(`/api/v1/executions/${run.id}`).query({ step: -1 })).status).toBe(400);

    const again = (await api.post(`/api/v1/executions/${run.id}/rerun`).query({ wait: 'true' }).send({ node: 'Is Ada' })).body;
    expect(again.status).toBe('success');
    expect(Object.keys(again.data.resultData.runData)).toEqual(['Is Ada', 'Log']);
    expect(again.data.resultData.runData['Is Ada'][0].data.main.map((o: unknown[]) => o.length)).toEqual([1, 1]);
    const edited = (await api.post(`/api/v1/executions/${run.id}/rerun`).query({ wait: 'true' }).send({ node: 'Is Ada', input: [{ json: { name: 'Ada' } }, { json: { name: 'Ada' } }] })).body;
    expect(edited.data.resultData.runData.Log[0].data.main[0]).toHaveLength(2);
    expect((await api.get(`/api/v1/executions/${edited.id}`)).body).toMatchObject({ rerunOf: run.id, mode: 'manual' });
    expect((await api.post(`/api/v1/executions/${run.id}/rerun`).send({ node: 'Nope' })).status).toBe(400);
    expect((await api.post(`/api/v1/executions/${run.id}/rerun`).send({})).status).toBe(400);
  });

  it('refuses an unknown start node and unknown workflows', async () => {
    const created = await api.post('/api/v1/workflows').send(workflow);
    expect((await api.post(`/api/v1/workflows/${created.body.id}/run`).send({ startNode: 'Nope' })).status).toBe(400);
    expect((await api.post('/api/v1/workflows/nope123/run').send({})).status).toBe(404);
  });
});

describe('outgoing requests from runs', () => {
  it('are refused for private and loopback addresses when BLOCK_PRIVATE_NETWORKS is on', async () => {
    const blocking = await startTestRuntime({ BLOCK_PRIVATE_NETWORKS: 'true' });
    try {
      const api = request.agent(blocking.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
      const created = (await api.post('/api/v1/workflows').send({
        name: 'Inward', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 'h1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
          { id: 'h2', name: 'Fetch', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [200, 0], parameters: { url: 'http://127.0.0.1:9/anything', options: {} } },
        ],
        connections: { Start: { main: [[{ node: 'Fetch', type: 'main', index: 0 }]] } },
      })).body;
      const run = (await api.post(`/api/v1/workflows/${created.id}/run`).query({ wait: 'true' }).send({})).body;
      expect(run.status).toBe('error');
      expect(run.data.resultData.error.message).toMatch(/private or loopback/);
    } finally {
      await blocking.dispose();
    }
  });
});
