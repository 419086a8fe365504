// Workflow tests end to end over real HTTP: cases as events, runs of the draft recorded as manual
// runs, each kind of expectation passing and failing, workspace access, and the activation gate.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../auth/identity-service.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { totalsWorkflow } from './test-fixtures.ts';

let server: TestServer;
let outsiderKey: string;

const api = (path: string, init: RequestInit = {}, key = TEST_OWNER.apiKey) =>
  fetch(`${server.url}${path}`, { ...init, headers: { 'X-API-KEY': key, 'content-type': 'application/json' } });

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const post = (path: string, body: unknown, key?: string) => api(path, { method: 'POST', body: JSON.stringify(body) }, key);

interface Expectation { node: string; kind: string; passed: boolean; expected?: unknown; actual?: unknown; message?: string }
interface Report { passed: number; failed: number; cases: { id: string; name: string; passed: boolean; executionId?: string; status: string; error?: string; expectations: Expectation[] }[] }

const passing = {
  name: 'adds two numbers',
  input: { triggerItems: [{ a: 2, b: 3 }] },
  expectations: [
    { node: 'Total', kind: 'equals', item: 0, value: { total: 5 } },
    { node: 'Total', kind: 'contains', value: { total: 5 } },
    { node: 'Total', kind: 'schema', schema: { type: 'object', required: ['total'], properties: { total: { type: 'number' } } } },
    { node: 'Total', kind: 'expression', expression: '{{ $json.total > 3 }}' },
  ],
};

const failing = {
  name: 'wrong sums',
  input: { triggerItems: [{ a: 1, b: 1 }] },
  expectations: [
    { node: 'Total', kind: 'equals', item: 0, value: { total: 3 } },
    { node: 'Total', kind: 'contains', value: { total: 9 } },
    { node: 'Total', kind: 'schema', schema: { type: 'object', properties: { total: { type: 'string' } } } },
    { node: 'Total', kind: 'expression', expression: '{{ $json.total > 3 }}' },
    { node: 'Nowhere', kind: 'equals', value: [] },
  ],
};

const pinned = {
  name: 'pinned total',
  input: { pinData: { Total: [{ json: { total: 100 } }] } },
  expectations: [{ node: 'Total', kind: 'equals', value: [{ total: 100 }] }],
};

beforeAll(async () => {
  server = await startTestServer();
  // Someone with their own workspace: none of the owner's workflows or tests are theirs to see.
  const { runtime } = server;
  const ctx = SYSTEM_CONTEXT(randomUUID());
  const user = await runtime.identity.register({ email: 'outsider@example.com', name: 'Outsider', password: 'another long password' }, ctx);
  const principal = { userId: user.id, email: user.email, name: user.name, instanceRole: user.instanceRole };
  const workspace = await runtime.workspaces.create('Elsewhere', principal, ctx);
  outsiderKey = (await runtime.identity.createApiKey(user.id, workspace.id, 'test', ctx)).key;
});

afterAll(async () => {
  await server?.close();
});

async function createWorkflow(settings: Record<string, unknown> = {}): Promise<string> {
  const wf = totalsWorkflow();
  return (await json<{ id: string }>(await post('/api/v1/workflows', { ...wf, settings: { ...wf.settings, ...settings } }), 201)).id;
}

describe('workflow test cases', () => {
  it('adds, reads, changes and removes cases as events on the workflow', async () => {
    const id = await createWorkflow();
    expect(await json(await api(`/api/v1/workflows/${id}/tests`))).toEqual({ data: [] });
    const added = await json<{ id: string; name: string }>(await post(`/api/v1/workflows/${id}/tests`, passing), 201);
    expect(added).toMatchObject({ name: passing.name, input: passing.input, expectations: passing.expectations });
    expect(await json(await api(`/api/v1/workflows/${id}/tests/${added.id}`))).toEqual(added);

    const renamed = await json<{ name: string }>(await api(`/api/v1/workflows/${id}/tests/${added.id}`, { method: 'PUT', body: JSON.stringify({ ...passing, name: 'sums' }) }));
    expect(renamed.name).toBe('sums');
    expect((await json<{ data: { name: string }[] }>(await api(`/api/v1/workflows/${id}/tests`))).data.map((t) => t.name)).toEqual(['sums']);

    const history = await json<{ data: { summary: string }[] }>(await api(`/api/v1/workflows/${id}/history`));
    expect(history.data.map((h) => h.summary)).toEqual(expect.arrayContaining(["test 'adds two numbers' added", "test 'sums' changed"]));

    expect((await api(`/api/v1/workflows/${id}/tests/${added.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/v1/workflows/${id}/tests/${added.id}`)).status).toBe(404);
    expect((await api(`/api/v1/workflows/${id}/tests/${added.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses bad cases with a 4xx that says what is wrong', async () => {
    const id = await createWorkflow();
    const bad = await json<{ code: string; details: { path?: string }[] }>(await post(`/api/v1/workflows/${id}/tests`, { name: 'x', expectations: [{ node: 'Total', kind: 'roughly', value: 1 }] }), 400);
    expect(bad.details.map((d) => d.path)).toContain('body.expectations.0.kind');
    const noName = await json<{ details: { path?: string }[] }>(await post(`/api/v1/workflows/${id}/tests`, { expectations: [] }), 400);
    expect(noName.details.map((d) => d.path)).toContain('body.name');
    const noExpression = await json<{ details: { path?: string }[] }>(await post(`/api/v1/workflows/${id}/tests`, { name: 'y', expectations: [{ node: 'Total', kind: 'expression' }] }), 400);
    expect(noExpression.details.map((d) => d.path)).toContain('body.expectations.0.expression');
    await json(await post(`/api/v1/workflows/${id}/tests`, passing), 201);
    const duplicate = await json<{ message: string }>(await post(`/api/v1/workflows/${id}/tests`, passing), 409);
    expect(duplicate.message).toContain('adds two numbers');
    expect((await post(`/api/v1/workflows/${id}/tests/run`, { testIds: ['not an id!'] })).status).toBe(400);
    expect((await post('/api/v1/workflows/nope/tests', passing)).status).toBe(404);
  });

  it('keeps other workspaces out', async () => {
    const id = await createWorkflow();
    const test = await json<{ id: string }>(await post(`/api/v1/workflows/${id}/tests`, passing), 201);
    expect((await api(`/api/v1/workflows/${id}/tests`, {}, outsiderKey)).status).toBe(404);
    expect((await api(`/api/v1/workflows/${id}/tests/${test.id}`, {}, outsiderKey)).status).toBe(404);
    expect((await post(`/api/v1/workflows/${id}/tests`, failing, outsiderKey)).status).toBe(404);
    expect((await post(`/api/v1/workflows/${id}/tests/run`, {}, outsiderKey)).status).toBe(404);
    expect((await api(`/api/v1/workflows/${id}/tests/${test.id}`, { method: 'DELETE' }, outsiderKey)).status).toBe(404);
    expect((await json<{ data: unknown[] }>(await api(`/api/v1/workflows/${id}/tests`))).data).toHaveLength(1);
  });
});

describe('running workflow tests', () => {
  it('runs the draft per case as a recorded manual run and reports each expectation', async () => {
    const id = await createWorkflow();
    for (const c of [passing, failing, pinned]) await json(await post(`/api/v1/workflows/${id}/tests`, c), 201);
    const report = await json<Report>(await post(`/api/v1/workflows/${id}/tests/run`, {}));
    expect(report).toMatchObject({ passed: 2, failed: 1 });
    const [good, bad, pin] = report.cases;
    expect(good).toMatchObject({ name: passing.name, passed: true, status: 'success' });
    expect(good.expectations.map((e) => e.passed)).toEqual([true, true, true, true]);
    expect(pin).toMatchObject({ name: pinned.name, passed: true });

    expect(bad.passed).toBe(false);
    const byKind = (kind: string) => bad.expectations.find((e) => e.kind === kind && e.node === 'Total')!;
    expect(byKind('equals')).toMatchObject({ passed: false, expected: { total: 3 }, actual: { total: 2 } });
    expect(byKind('contains')).toMatchObject({ passed: false, expected: { total: 9 }, actual: [{ total: 2 }] });
    expect(byKind('schema')).toMatchObject({ passed: false, actual: { total: 2 } });
    expect(byKind('schema').message).toContain('must be string');
    expect(byKind('expression')).toMatchObject({ passed: false, expected: '{{ $json.total > 3 }}', actual: { total: 2 } });
    expect(byKind('expression').message).toContain('false');
    expect(bad.expectations.at(-1)).toMatchObject({ node: 'Nowhere', passed: false, message: "The workflow has no node 'Nowhere'" });

    // Each case is a run like any other, in the run list, started by hand on the draft.
    const run = await json<{ mode: string; workflowId: string; status: string }>(await api(`/api/v1/executions/${good.executionId}`));
    expect(run).toMatchObject({ mode: 'manual', workflowId: id, status: 'success' });

    // One case only.
    const one = await json<Report>(await post(`/api/v1/workflows/${id}/tests/run`, { testIds: [good.id] }));
    expect(one).toMatchObject({ passed: 1, failed: 0 });
  });

  it('fails an expression expectation that is not exactly true', async () => {
    const id = await createWorkflow();
    await json(await post(`/api/v1/workflows/${id}/tests`, {
      name: 'bad pin', input: { triggerItems: [{ a: 1, b: 2 }] },
      expectations: [{ node: 'Total', kind: 'expression', expression: '{{ $json.total.toFixed(1) === "3.0" }}' }],
    }), 201);
    await json(await post(`/api/v1/workflows/${id}/tests`, {
      name: 'expression throws', input: { triggerItems: [{ a: 1, b: 2 }] },
      expectations: [
        { node: 'Total', kind: 'expression', expression: '{{ (() => { throw new Error("boom") })() }}' },
        { node: 'Total', kind: 'expression', expression: '$json.nothing' },
      ],
    }), 201);
    const report = await json<Report>(await post(`/api/v1/workflows/${id}/tests/run`, {}));
    expect(report.cases.map((c) => c.passed)).toEqual([true, false]);
    const [threw, notTrue] = report.cases[1].expectations;
    // n8n's expressions swallow errors thrown inside them: the value is undefined, so not true.
    expect(threw.message).toBe('Item 0: the expression is undefined, not true');
    expect(notTrue.message).toBe('Item 0: the expression is undefined, not true');
  });
});

describe('settings.requireTestsToPass', () => {
  it('refuses to activate or publish while a test fails, naming it', async () => {
    const id = await createWorkflow({ requireTestsToPass: true });
    await json(await post(`/api/v1/workflows/${id}/tests`, passing), 201);
    const bad = await json<{ id: string }>(await post(`/api/v1/workflows/${id}/tests`, failing), 201);
    for (const verb of ['activate', 'publish']) {
      const refused = await json<{ code: string; message: string; details: { path: string; message: string }[] }>(await post(`/api/v1/workflows/${id}/${verb}`, {}), 409);
      expect(refused.message).toContain("'wrong sums'");
      expect(refused.details).toEqual([expect.objectContaining({ path: `tests.${bad.id}` })]);
    }
    expect((await json<{ active: boolean }>(await api(`/api/v1/workflows/${id}`))).active).toBe(false);

    await api(`/api/v1/workflows/${id}/tests/${bad.id}`, { method: 'DELETE' });
    expect((await post(`/api/v1/workflows/${id}/publish`, {})).status).toBe(200);
  });

  it('does not run tests when the setting is off', async () => {
    const id = await createWorkflow();
    await json(await post(`/api/v1/workflows/${id}/tests`, failing), 201);
    expect((await post(`/api/v1/workflows/${id}/publish`, {})).status).toBe(200);
  });
});
