// Drafts and published versions end to end: production (webhooks, sub-workflow calls from
// production runs) keeps running the published version while the draft changes; publishing,
// rollback, and what the API and history say about it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setParameter } from '../../collab/index.ts';
import { connectCollab } from '../collab/ws-client.ts';
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

type ApiWorkflow = { id: string; revision: number; published: { revision: number; message?: string } | null; unpublishedChanges: boolean; nodes: { name: string; parameters: Record<string, unknown> }[] };

const setNode = (value: string) => ({
  id: 'set', name: 'Answer', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
  parameters: { assignments: { assignments: [{ id: 'a', name: 'version', value, type: 'string' }] }, options: {} },
});

function hookWorkflow(path: string, value: string) {
  return {
    name: `Publish ${path}`,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `hook-${path}`, parameters: { path, httpMethod: 'POST', responseMode: 'lastNode' } },
      setNode(value),
    ],
    connections: { Webhook: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
  };
}

async function call(path: string): Promise<unknown> {
  const res = await fetch(`${server.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { version?: unknown }).version;
}

const editDraft = async (id: string, path: string, value: string) =>
  json<ApiWorkflow>(await api(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(hookWorkflow(path, value)) }));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('drafts and published versions', () => {
  it('production answers with the published version while the draft changes; publish, roll back', async () => {
    const created = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(hookWorkflow('pub-a', 'one')) }), 201);
    expect(created.published).toBeNull();
    const active = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}/activate`, { method: 'POST' }));
    // Activation publishes the draft.
    expect(active.published?.revision).toBe(created.revision);
    expect(active.unpublishedChanges).toBe(false);
    expect(await call('pub-a')).toBe('one');

    const edited = await editDraft(created.id, 'pub-a', 'two');
    expect(edited.unpublishedChanges).toBe(true);
    expect(edited.nodes.find((n) => n.name === 'Answer')?.parameters).toMatchObject({ assignments: { assignments: [{ value: 'two' }] } });
    expect(await call('pub-a')).toBe('one');
    // The published version is readable as it is.
    const live = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}/published`));
    expect(live.nodes.find((n) => n.name === 'Answer')?.parameters).toMatchObject({ assignments: { assignments: [{ value: 'one' }] } });

    const published = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST', body: JSON.stringify({ message: 'second answer' }) }));
    expect(published.published).toMatchObject({ revision: edited.revision, message: 'second answer' });
    expect(published.unpublishedChanges).toBe(false);
    expect(await call('pub-a')).toBe('two');

    // Rolling back publishes an earlier revision; the draft stays as it is.
    const rolledBack = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST', body: JSON.stringify({ revision: created.revision }) }));
    expect(rolledBack.published?.revision).toBe(created.revision);
    expect(rolledBack.unpublishedChanges).toBe(true);
    expect(await call('pub-a')).toBe('one');

    const history = await json<{ data: { summary: string; actor: { id: string } }[] }>(await api(`/api/v1/workflows/${created.id}/history`));
    const summaries = history.data.map((h) => h.summary);
    expect(summaries).toContain('published: second answer');
    expect(summaries).toContain(`published revision ${created.revision} (rolled back)`);
  });

  it('production keeps the published version while a collaborator co-edits the draft; publish takes their edit', async () => {
    const created = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(hookWorkflow('pub-co', 'one')) }), 201);
    await json(await api(`/api/v1/workflows/${created.id}/activate`, { method: 'POST' }));
    const collaborator = await connectCollab({ url: server.url, workflowId: created.id, headers: { 'X-API-KEY': TEST_OWNER.apiKey } });
    try {
      setParameter(collaborator.doc, 'set', ['assignments'], { assignments: [{ id: 'a', name: 'version', value: 'co-edited', type: 'string' }] });
      // The edit reaches the draft (the room saves it) while production still answers with the published version.
      const deadline = Date.now() + 10_000;
      let draft = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}`));
      while (!draft.unpublishedChanges && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        draft = await json<ApiWorkflow>(await api(`/api/v1/workflows/${created.id}`));
      }
      expect(draft.unpublishedChanges).toBe(true);
      expect(await call('pub-co')).toBe('one');
      expect(await call('pub-co')).toBe('one');
      await json(await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST', body: JSON.stringify({ message: 'co-edited' }) }));
      expect(await call('pub-co')).toBe('co-edited');
    } finally {
      await collaborator.disconnect();
    }
  });

  it('a changed webhook path is served only once published, and the old one until then', async () => {
    const created = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(hookWorkflow('pub-old', 'x')) }), 201);
    await json(await api(`/api/v1/workflows/${created.id}/activate`, { method: 'POST' }));
    await editDraft(created.id, 'pub-new', 'y');
    expect(await call('pub-old')).toBe('x');
    expect((await fetch(`${server.url}/webhook/pub-new`, { method: 'POST' })).status).toBe(404);
    await json(await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST' }));
    expect(await call('pub-new')).toBe('y');
    expect((await fetch(`${server.url}/webhook/pub-old`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses to publish a version whose nodes have issues, an unknown revision, or bad input', async () => {
    const created = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(hookWorkflow('pub-bad', 'x')) }), 201);
    await json(await api(`/api/v1/workflows/${created.id}/activate`, { method: 'POST' }));
    const broken = hookWorkflow('pub-bad', 'x');
    broken.nodes.push({ id: 'u', name: 'Mystery', type: 'n8n-nodes-base.doesNotExist', typeVersion: 1, position: [400, 0], parameters: {} } as never);
    await json(await api(`/api/v1/workflows/${created.id}`, { method: 'PUT', body: JSON.stringify(broken) }));
    const refused = await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain("'Mystery'");
    expect(await call('pub-bad')).toBe('x');
    expect((await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST', body: JSON.stringify({ revision: 999 }) })).status).toBe(404);
    const bad = await api(`/api/v1/workflows/${created.id}/publish`, { method: 'POST', body: JSON.stringify({ revision: 'first' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { path: string }[] }).details[0].path).toContain('revision');
  });

  it('a production run calls the published version of a sub-workflow; an editor run calls its draft', async () => {
    const sub = await json<ApiWorkflow>(await api('/api/v1/workflows', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Publish sub', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 't', name: 'Start', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
          setNode('sub-one'),
        ],
        connections: { Start: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
      }),
    }), 201);
    await json(await api(`/api/v1/workflows/${sub.id}/publish`, { method: 'POST' }));
    await json(await api(`/api/v1/workflows/${sub.id}`, {
      method: 'PUT',
      body: JSON.stringify({
        name: 'Publish sub', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 't', name: 'Start', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, position: [0, 0], parameters: { inputSource: 'passthrough' } },
          setNode('sub-draft'),
        ],
        connections: { Start: { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
      }),
    }));
    const caller = hookWorkflow('pub-caller', 'unused');
    caller.nodes[1] = {
      id: 'call', name: 'Answer', type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1.2, position: [200, 0],
      parameters: { source: 'database', workflowId: { __rl: true, mode: 'id', value: sub.id }, options: {} },
    } as never;
    const callerDoc = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(caller) }), 201);
    await json(await api(`/api/v1/workflows/${callerDoc.id}/activate`, { method: 'POST' }));
    expect(await call('pub-caller')).toBe('sub-one');
    const byHand = { ...caller, name: 'Publish caller by hand', nodes: [{ id: 'm', name: 'Webhook', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, caller.nodes[1]] };
    const byHandDoc = await json<ApiWorkflow>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(byHand) }), 201);
    const manual = await json<{ data: { resultData: { runData: Record<string, { data: { main: { json: { version: string } }[][] } }[]> } } }>(
      await api(`/api/v1/workflows/${byHandDoc.id}/run?wait=true`, { method: 'POST', body: JSON.stringify({}) }),
      201,
    );
    expect(manual.data.resultData.runData.Answer[0].data.main[0][0].json.version).toBe('sub-draft');
  });
});
