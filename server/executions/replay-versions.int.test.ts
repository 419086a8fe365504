// Replays on a chosen version of the workflow (the run's, the draft, the published one, a revision)
// and the per-node diff of a replay against the run it came from (issue 25).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

// Each variant differs only in the Code node's script.
const failsOnTwo = "if ($json.n === 2) throw new Error('bad item 2');\nreturn { json: { ...$json, out: $json.n * 2 } };";
const fixed = 'return { json: { ...$json, out: $json.n * 2 } };';
const third = 'return { json: { ...$json, out: $json.n * 3 } };';

function workflow(jsCode: string) {
  return {
    name: 'Replay versions',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: 's', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
        parameters: { assignments: { assignments: [{ id: 'a', name: 'n', value: '={{ $json.n }}', type: 'number' }] }, options: {} },
      },
      { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [400, 0], parameters: { mode: 'runOnceForEachItem', jsCode } },
    ],
    connections: {
      'Manual Trigger': { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
      Set: { main: [[{ node: 'Code', type: 'main', index: 0 }]] },
    },
  };
}

type Run = { id: string; status: string; rerunOf?: string; data: { resultData: { runData: Record<string, { data?: { main: { json: { out?: number } }[][] } }[]> } } };
type RunWorkflow = { revision: number | null; definition: { nodes: { name: string; parameters: { jsCode?: string } }[] } };
type Diff = { executionId: string; against: string; nodes: { node: string; status: string; itemsBefore: number | null; itemsAfter: number | null; differingItems?: unknown[] }[] };

const codeOf = async (executionId: string) => {
  const used = await json<RunWorkflow>(await api(`/api/v1/executions/${executionId}/workflow`));
  return { revision: used.revision, jsCode: used.definition.nodes.find((n) => n.name === 'Code')?.parameters.jsCode };
};
const rerun = async (id: string, body: Record<string, unknown>) => json<Run>(await post(`/api/v1/executions/${id}/rerun?wait=true`, body), 201);
const outs = (run: Run) => run.data.resultData.runData.Code?.[0]?.data?.main[0].map((i) => i.json.out);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('replay on a chosen version', () => {
  it('re-runs on the original, draft, published or a numbered version, and diffs a replay node by node', async () => {
    const created = await json<{ id: string; revision: number }>(await post('/api/v1/workflows', workflow(failsOnTwo)), 201);
    const first = await json<Run>(await post(`/api/v1/workflows/${created.id}/run?wait=true`, { triggerItems: [1, 2, 3].map((n) => ({ json: { n } })) }), 201);
    expect(first.status).toBe('error');
    expect(await codeOf(first.id)).toEqual({ revision: created.revision, jsCode: failsOnTwo });

    const put = async (jsCode: string) => json<{ revision: number }>(await api(`/api/v1/workflows/${created.id}`, { method: 'PUT', body: JSON.stringify(workflow(jsCode)) }));
    const thirdRev = (await put(third)).revision;
    const fixedRev = (await put(fixed)).revision;
    // Never published yet: nothing to replay on.
    const unpublished = await post(`/api/v1/executions/${first.id}/rerun`, { node: 'Manual Trigger', version: 'published' });
    expect(unpublished.status).toBe(400);
    expect(await unpublished.text()).toContain('never been published');
    const published = await json<{ revision: number; published: { revision: number } }>(await post(`/api/v1/workflows/${created.id}/publish`, { revision: thirdRev }));
    expect(published.published.revision).toBe(thirdRev);

    // From the trigger: it gets the items the run started with.
    const original = await rerun(first.id, { node: 'Manual Trigger' });
    expect(original).toMatchObject({ status: 'error', rerunOf: first.id });
    expect(await codeOf(original.id)).toEqual({ revision: created.revision, jsCode: failsOnTwo });
    const explicit = await rerun(first.id, { node: 'Manual Trigger', version: 'original' });
    expect(await codeOf(explicit.id)).toEqual({ revision: created.revision, jsCode: failsOnTwo });

    const draft = await rerun(first.id, { node: 'Manual Trigger', version: 'draft' });
    expect(draft.status).toBe('success');
    expect(outs(draft)).toEqual([2, 4, 6]);
    expect(await codeOf(draft.id)).toEqual({ revision: published.revision, jsCode: fixed });

    const live = await rerun(first.id, { node: 'Manual Trigger', version: 'published' });
    expect(outs(live)).toEqual([3, 6, 9]);
    expect(await codeOf(live.id)).toEqual({ revision: thirdRev, jsCode: third });

    // From a later node, on a numbered revision: the Set node's recorded input.
    const numbered = await rerun(first.id, { node: 'Set', version: fixedRev });
    expect(outs(numbered)).toEqual([2, 4, 6]);
    expect(await codeOf(numbered.id)).toEqual({ revision: fixedRev, jsCode: fixed });
    expect(Object.keys(numbered.data.resultData.runData)).toEqual(['Set', 'Code']);

    const diff = await json<Diff>(await api(`/api/v1/executions/${draft.id}/diff`));
    expect(diff).toMatchObject({ executionId: draft.id, against: first.id });
    const byNode = Object.fromEntries(diff.nodes.map((n) => [n.node, n]));
    expect(byNode['Manual Trigger']).toMatchObject({ status: 'same', itemsBefore: 3, itemsAfter: 3 });
    expect(byNode.Set).toEqual({ node: 'Set', status: 'same', itemsBefore: 3, itemsAfter: 3 });
    expect(byNode.Code).toMatchObject({ status: 'fixed', itemsBefore: 0, itemsAfter: 3 });

    // Against another run: the published variant's outputs differ item by item; a replay from Set lacks the trigger.
    const vsLive = await json<Diff>(await api(`/api/v1/executions/${draft.id}/diff?against=${live.id}`));
    expect(vsLive.nodes.find((n) => n.node === 'Code')).toMatchObject({ status: 'changed', differingItems: [0, 1, 2].map((item) => ({ run: 0, output: 0, item })) });
    const fromSet = await json<Diff>(await api(`/api/v1/executions/${numbered.id}/diff`));
    expect(fromSet.nodes.map((n) => [n.node, n.status])).toEqual([['Set', 'same'], ['Code', 'fixed'], ['Manual Trigger', 'removed']]);
  });

  it('refuses bad versions and diffs that name no other run', async () => {
    const created = await json<{ id: string }>(await post('/api/v1/workflows', workflow(fixed)), 201);
    const run = await json<Run>(await post(`/api/v1/workflows/${created.id}/run?wait=true`, {}), 201);
    for (const version of ['latest', -1, 1.5, '3']) {
      const res = await post(`/api/v1/executions/${run.id}/rerun`, { node: 'Set', version });
      expect(res.status, JSON.stringify(version)).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('version');
    }
    expect((await post(`/api/v1/executions/${run.id}/rerun`, { node: 'Set', version: 999 })).status).toBe(404);
    // A plain run has nothing to be compared with by default.
    const plain = await api(`/api/v1/executions/${run.id}/diff`);
    expect(plain.status).toBe(400);
    expect(JSON.stringify(await plain.json())).toContain('against');
    expect((await api(`/api/v1/executions/${run.id}/diff?against=nope123`)).status).toBe(404);
    expect((await api(`/api/v1/executions/${run.id}/diff?against=not%20an%20id`)).status).toBe(400);
    const self = await json<Diff>(await api(`/api/v1/executions/${run.id}/diff?against=${run.id}`));
    expect(self.nodes.every((n) => n.status === 'same')).toBe(true);
  });

  it('compares only with runs of the same workspace', async () => {
    // The owner's key is scoped to the default workspace: another workspace is reached with a session.
    const signin = await post('/api/v1/auth/signin', { email: TEST_OWNER.email, password: TEST_OWNER.password });
    expect(signin.status).toBe(200);
    const cookie = signin.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const other = await json<{ id: string }>(await fetch(`${server.url}/api/v1/workspaces`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Replay elsewhere' }),
    }), 201);
    const inOther = (path: string, body: unknown) => fetch(`${server.url}${path}`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json', 'X-Workspace-Id': other.id }, body: JSON.stringify(body),
    });
    const foreignWorkflow = await json<{ id: string }>(await inOther('/api/v1/workflows', workflow(fixed)), 201);
    const foreignRun = await json<Run>(await inOther(`/api/v1/workflows/${foreignWorkflow.id}/run?wait=true`, {}), 201);
    const created = await json<{ id: string }>(await post('/api/v1/workflows', workflow(fixed)), 201);
    const run = await json<Run>(await post(`/api/v1/workflows/${created.id}/run?wait=true`, {}), 201);
    expect((await api(`/api/v1/executions/${run.id}/diff?against=${foreignRun.id}`)).status).toBe(404);
    expect((await api(`/api/v1/executions/${foreignRun.id}/diff?against=${run.id}`)).status).toBe(404);
  });
});
