// `$execution.customData` belongs to the run: set in one node and read in a later one, kept across
// a Wait, recorded in the run's events, shown by GET /executions/:id and the list, and filtered
// with n8n's `metadata` filter — on the in-process queue and on BullMQ (real Redis) alike.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionStreamName, foldExecution } from '../../engine/index.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const QUEUES = [
  { queue: 'in-process', env: {} as Record<string, string> },
  { queue: 'bullmq', env: { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-test-${randomUUID()}` } },
];

const code = (id: string, name: string, x: number, jsCode: string) =>
  ({ id, name, type: 'n8n-nodes-base.code', typeVersion: 2, position: [x, 0], parameters: { jsCode } });
const chain = (...names: string[]) =>
  Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

/** Sets custom data before a long Wait and reads it after the resume. */
function waitingWorkflow(order: string) {
  return {
    name: `Custom data ${order}`, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'c1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      code('c2', 'Tag', 200, `$execution.customData.set("order", "${order}");\n$execution.customData.set("customer", "Ann Smith");\nreturn $input.all();`),
      { id: 'c3', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [400, 0], parameters: { resume: 'timeInterval', amount: 2, unit: 'hours' } },
      code('c4', 'After', 600, '$execution.customData.set("stage", "resumed");\nreturn [{ json: $execution.customData.getAll() }];'),
    ],
    connections: chain('Start', 'Tag', 'Wait', 'After'),
  };
}

describe.each(QUEUES)('execution custom data on the $queue queue', ({ env }) => {
  let rt: TestRuntime;
  let api: ReturnType<typeof request.agent>;
  const ctx = { actor: { kind: 'system' as const, id: 'test' }, requestId: randomUUID() };

  beforeAll(async () => {
    rt = await startTestRuntime(env);
    api = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  });
  afterAll(() => rt.dispose());

  async function runParkedAndResume(order: string): Promise<string> {
    const created = await api.post('/api/v1/workflows').send(waitingWorkflow(order));
    expect(created.status, created.text).toBe(201);
    const parked = (await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(parked.status).toBe('waiting');
    expect(parked.data.resultData.metadata).toEqual({ order, customer: 'Ann Smith' });
    const result = await (await rt.executions.resume(parked.id, undefined, ctx)).done;
    expect(result.status).toBe('success');
    await rt.executions.settle();
    return parked.id as string;
  }

  it('keeps the data of the whole run across a Wait, in its events, its details and the list', async () => {
    const id = await runParkedAndResume('A-1');
    const detail = (await api.get(`/api/v1/executions/${id}`).query({ includeData: 'true' })).body;
    expect(detail.status).toBe('success');
    // The node after the resume saw what the node before the wait set.
    expect(detail.data.resultData.runData.After[0].data.main[0][0].json).toEqual({ order: 'A-1', customer: 'Ann Smith', stage: 'resumed' });
    expect(detail.data.resultData.metadata).toEqual({ order: 'A-1', customer: 'Ann Smith', stage: 'resumed' });
    expect(detail.customData).toEqual({ order: 'A-1', customer: 'Ann Smith', stage: 'resumed' });

    const stream = await rt.events.readStream(executionStreamName(id));
    const recorded = stream.filter((e) => (e.data as { customData?: unknown }).customData).map((e) => (e.data as { node: string }).node);
    expect(recorded).toEqual(['Tag', 'After']);
    expect(foldExecution(stream as never).data.resultData.metadata).toEqual(detail.data.resultData.metadata);

    const row = (await api.get('/api/v1/executions').query({ workflowId: detail.workflowId })).body.data[0];
    expect(row).toMatchObject({ id, customData: { order: 'A-1', customer: 'Ann Smith', stage: 'resumed' } });
  });

  it("filters the list by custom data in n8n's metadata shape: exact, or contained ignoring case", async () => {
    const first = await runParkedAndResume('B-7');
    const second = await runParkedAndResume('B-70');
    const ids = async (metadata: unknown) => {
      const list = await api.get('/api/v1/executions').query({ metadata: JSON.stringify(metadata) });
      expect(list.status, list.text).toBe(200);
      return (list.body.data as { id: string }[]).map((r) => r.id);
    };
    expect(await ids([{ key: 'order', value: 'B-7', exactMatch: true }])).toEqual([first]);
    expect(await ids([{ key: 'order', value: 'b-7' }])).toEqual([second, first]);
    expect(await ids([{ key: 'order', value: 'B-70' }, { key: 'customer', value: 'ann' }])).toEqual([second]);
    expect(await ids([{ key: 'customer', value: 'nobody' }])).toEqual([]);
  });

  it('answers 400 with what is wrong for a bad metadata filter', async () => {
    for (const metadata of ['not json', '{"key":"order"}', '[{"key":"a-b","value":"x"}]', '[{"key":"order"}]', JSON.stringify([{ key: 'k'.repeat(51), value: 'x' }]),
      JSON.stringify([{ key: 'order', value: 'x' }, { key: 'order', value: 'y' }]), JSON.stringify([{ key: 'order', value: 'x', extra: 1 }])]) {
      const res = await api.get('/api/v1/executions').query({ metadata });
      expect(res.status, metadata).toBe(400);
      expect(res.body.code, metadata).toBeTypeOf('string');
      expect(JSON.stringify(res.body.details), metadata).toContain('query.metadata');
    }
  });

  it("holds n8n's limits: ten keys, keys cut to 50 and values to 512 characters; a bad key fails a manual run", async () => {
    const created = await api.post('/api/v1/workflows').send({
      name: 'Limits', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'l1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        code('l2', 'Fill', 200, `for (let i = 0; i < 12; i++) $execution.customData.set("k" + i, String(i));
$execution.customData.set("k0", "x".repeat(600));
return [{ json: { n: Object.keys($execution.customData.getAll()).length } }];`),
        // Full already: n8n checks the count before the key, so even a bad key is dropped without a word.
        code('l3', 'Full', 400, '$execution.customData.set("no spaces", "v");\nreturn $input.all();'),
      ],
      connections: chain('Start', 'Fill', 'Full'),
    });
    const run = (await api.post(`/api/v1/workflows/${created.body.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(run.status).toBe('success');
    expect(run.data.resultData.runData.Fill[0].data.main[0][0].json).toEqual({ n: 10 });
    const metadata = run.data.resultData.metadata as Record<string, string>;
    expect(Object.keys(metadata)).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(metadata.k0).toHaveLength(512);

    const bad = await api.post('/api/v1/workflows').send({
      name: 'Bad keys', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'b1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        code('b2', 'Long key', 200, `$execution.customData.setAll({ ${'y'.repeat(60)}: "v" });\nreturn $input.all();`),
        code('b3', 'Bad key', 400, '$execution.customData.set("no spaces", "v");\nreturn $input.all();'),
      ],
      connections: chain('Start', 'Long key', 'Bad key'),
    });
    const failed = (await api.post(`/api/v1/workflows/${bad.body.id}/run`).query({ wait: 'true' }).send({})).body;
    expect(failed.status).toBe('error');
    expect(failed.data.resultData.metadata).toEqual({ ['y'.repeat(50)]: 'v' });
    expect(failed.data.resultData.error).toMatchObject({ node: 'Bad key' });
    expect(failed.data.resultData.error.message).toContain('Custom date key can only contain characters "A-Za-z0-9_" (key "no spaces")');
    const row = (await api.get('/api/v1/executions').query({ workflowId: bad.body.id })).body.data[0];
    expect(row).toMatchObject({ status: 'error', customData: { ['y'.repeat(50)]: 'v' } });
  });
});
