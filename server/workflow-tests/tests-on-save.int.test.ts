// settings.runTestsOnSave on a real server: a save runs the workflow's tests in the background and
// records the result for that revision; without the setting a save records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { totalsWorkflow } from './test-fixtures.ts';

let server: TestServer;

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'x-api-key': TEST_OWNER.apiKey, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
};

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
}, 60_000);

const sums = { name: 'sums', input: { triggerItems: [{ a: 2, b: 3 }] }, expectations: [{ node: 'Total', kind: 'equals', item: 0, value: { total: 5 } }] };

/** The workflow with its Set node's formula replaced (a save of a new revision). */
function withFormula(name: string, formula: string, settings: Record<string, unknown>) {
  const wf = totalsWorkflow(name);
  const total = wf.nodes[1].parameters as { assignments: { assignments: Array<{ value: string }> } };
  total.assignments.assignments[0].value = formula;
  return { ...wf, settings: { ...wf.settings, ...settings } };
}

async function testRunFor(id: string, revision: number): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const runs = await api('GET', `/api/v1/workflows/${id}/test-runs`);
    expect(runs.status).toBe(200);
    const found = runs.body.data.find((r: any) => r.revision === revision);
    if (found) return { found, all: runs.body.data };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no test run recorded for revision ${revision}`);
}

describe('settings.runTestsOnSave', () => {
  it('runs the tests after each save and records the result per revision', async () => {
    const created = await api('POST', '/api/v1/workflows', withFormula('On save', '={{ $json.a + $json.b }}', { runTestsOnSave: true }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api('POST', `/api/v1/workflows/${id}/tests`, sums)).status).toBe(201);

    const broken = await api('PUT', `/api/v1/workflows/${id}`, withFormula('On save', '={{ $json.a * $json.b }}', { runTestsOnSave: true }));
    expect(broken.status, JSON.stringify(broken.body)).toBe(200);
    const brokenRevision = (await api('GET', `/api/v1/workflows/${id}`)).body.revision;
    const first = (await testRunFor(id, brokenRevision)).found;
    expect(first).toMatchObject({ revision: brokenRevision, passed: 0, failed: 1 });
    expect(first.cases[0]).toMatchObject({ name: 'sums', passed: false });
    // The case ran as a recorded run of that revision's draft.
    expect((await api('GET', `/api/v1/executions/${first.cases[0].executionId}`)).status).toBe(200);

    expect((await api('PUT', `/api/v1/workflows/${id}`, withFormula('On save', '={{ $json.a + $json.b }}', { runTestsOnSave: true }))).status).toBe(200);
    const fixedRevision = (await api('GET', `/api/v1/workflows/${id}`)).body.revision;
    const { found: fixed, all } = await testRunFor(id, fixedRevision);
    expect(fixed).toMatchObject({ passed: 1, failed: 0 });
    // Newest revision first, one result per revision.
    expect(all.map((r: any) => r.revision)).toEqual([...new Set(all.map((r: any) => r.revision))].sort((a: any, b: any) => b - a));
    expect(all[0].revision).toBe(fixedRevision);
  }, 120_000);

  it('records nothing for a workflow without the setting', async () => {
    const created = await api('POST', '/api/v1/workflows', withFormula('Off', '={{ $json.a + $json.b }}', {}));
    const id = created.body.id;
    expect((await api('POST', `/api/v1/workflows/${id}/tests`, sums)).status).toBe(201);
    expect((await api('PUT', `/api/v1/workflows/${id}`, withFormula('Off', '={{ $json.a * $json.b }}', {}))).status).toBe(200);
    // A workflow with the setting saved after it is tested, so the follower has seen this save by then.
    const marker = await api('POST', '/api/v1/workflows', withFormula('Marker', '={{ $json.a + $json.b }}', { runTestsOnSave: true }));
    expect((await api('POST', `/api/v1/workflows/${marker.body.id}/tests`, sums)).status).toBe(201);
    expect((await api('PUT', `/api/v1/workflows/${marker.body.id}`, withFormula('Marker', '={{ $json.a - $json.b }}', { runTestsOnSave: true }))).status).toBe(200);
    await testRunFor(marker.body.id, (await api('GET', `/api/v1/workflows/${marker.body.id}`)).body.revision);
    expect((await api('GET', `/api/v1/workflows/${id}/test-runs`)).body).toEqual({ data: [] });
    expect((await api('GET', '/api/v1/workflows/nosuchworkflow/test-runs')).status).toBe(404);
  }, 120_000);
});
