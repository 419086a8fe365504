// What the editor needs to try a webhook workflow: the webhook base URLs (where the request was
// sent, unless PUBLIC_URL says otherwise), test URLs from the listener that answer, and a run or
// a listener started right after a live edit uses that edit, not the last committed version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docToDefinition, nodesOf, setParameter } from '../../collab/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { connectCollab } from '../collab/ws-client.ts';

const owner = { 'X-API-KEY': TEST_OWNER.apiKey };
let server: TestServer;

async function api(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method, headers: { ...owner, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const hookWorkflow = (path: string) => ({
  name: `Hook ${path}`,
  nodes: [
    { id: 'h1', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: 'c0ffee00-0000-4000-8000-000000000001', position: [0, 0], parameters: { path, httpMethod: 'POST' } },
    { id: 'h2', name: 'Tag', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [220, 0], parameters: { assignments: { assignments: [{ id: 't', name: 'tag', value: 'old', type: 'string' }] }, options: {} } },
  ],
  connections: { Hook: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] } },
  settings: { executionOrder: 'v1' },
});

beforeAll(async () => {
  // A minute of quiet before live edits are committed: only an explicit flush can commit them in time.
  server = await startTestServer({ COLLAB_COMMIT_DEBOUNCE_MS: '60000', COLLAB_COMMIT_MAX_WAIT_MS: '60000' });
});
afterAll(async () => {
  await server?.close();
});

describe('trying webhooks from the editor', () => {
  it('gives the webhook base URLs of the address the editor was loaded from', async () => {
    const settings = await api(server.url, 'GET', '/api/v1/settings');
    expect(settings).toEqual({ status: 200, body: { urls: { webhook: `${server.url}/webhook/`, webhookTest: `${server.url}/webhook-test/` } } });
    expect((await fetch(`${server.url}/api/v1/settings`)).status).toBe(401);
  });

  it('uses PUBLIC_URL for those URLs when it is set', async () => {
    const behindProxy = await startTestServer({ PUBLIC_URL: 'https://weft.example.com/' });
    try {
      const settings = await api(behindProxy.url, 'GET', '/api/v1/settings');
      expect(settings.body.urls).toEqual({ webhook: 'https://weft.example.com/webhook/', webhookTest: 'https://weft.example.com/webhook-test/' });
      const created = await api(behindProxy.url, 'POST', '/api/v1/workflows', hookWorkflow('proxied'));
      const listen = await api(behindProxy.url, 'POST', `/api/v1/workflows/${created.body.id}/test-webhook`);
      expect(listen.body.webhooks).toEqual([{ method: 'POST', node: 'Hook', url: 'https://weft.example.com/webhook-test/proxied' }]);
    } finally {
      await behindProxy.close();
    }
  });

  it('listens with the live edits of an open room, and the test URL it gives answers', async () => {
    const created = await api(server.url, 'POST', '/api/v1/workflows', hookWorkflow('edited-live'));
    const id = created.body.id as string;
    const client = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    try {
      setParameter(client.doc, 'h2', ['assignments', 'assignments'], [{ id: 't', name: 'tag', value: 'new', type: 'string' }]);
      setParameter(client.doc, 'h1', ['path'], 'renamed-live');
      // The server's room has the edits; the committed workflow does not (the debounce is a minute).
      await expect.poll(() => {
        const room = server.runtime.collab.get(id);
        return room ? (docToDefinition(room.doc).nodes.find((n) => n.name === 'Hook')?.parameters as { path?: string }).path : undefined;
      }).toBe('renamed-live');
      expect(nodesOf(client.doc).size).toBe(2);

      const listen = await api(server.url, 'POST', `/api/v1/workflows/${id}/test-webhook`);
      expect(listen.status, JSON.stringify(listen.body)).toBe(200);
      expect(listen.body.webhooks).toEqual([{ method: 'POST', node: 'Hook', url: `${server.url}/webhook-test/renamed-live` }]);
      const call = await fetch(listen.body.webhooks[0].url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
      expect(call.status, await call.text()).toBe(200);
      await expect.poll(async () => (await api(server.url, 'GET', `/api/v1/executions?workflowId=${id}&status=success`)).body.data, { timeout: 8000 }).toHaveLength(1);
      const [summary] = (await api(server.url, 'GET', `/api/v1/executions?workflowId=${id}`)).body.data;
      expect(summary.mode).toBe('manual');
      const run = await api(server.url, 'GET', `/api/v1/executions/${summary.id}?includeData=true`);
      expect(run.body.data.resultData.runData.Tag[0].data.main[0][0].json).toMatchObject({ tag: 'new' });
    } finally {
      await client.disconnect();
    }
  });

  it('runs by hand with the live edits of an open room', async () => {
    const created = await api(server.url, 'POST', '/api/v1/workflows', hookWorkflow('run-live'));
    const id = created.body.id as string;
    const client = await connectCollab({ url: server.url, workflowId: id, headers: owner });
    try {
      setParameter(client.doc, 'h2', ['assignments', 'assignments'], [{ id: 't', name: 'tag', value: 'fresh', type: 'string' }]);
      await expect.poll(() => {
        const room = server.runtime.collab.get(id);
        return room && JSON.stringify(docToDefinition(room.doc).nodes[1]?.parameters).includes('fresh');
      }).toBe(true);
      const run = await api(server.url, 'POST', `/api/v1/workflows/${id}/run?wait=true`, { startNode: 'Hook', triggerItems: [{ json: {} }] });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      expect(run.body.data.resultData.runData.Tag[0].data.main[0][0].json).toMatchObject({ tag: 'fresh' });
    } finally {
      await client.disconnect();
    }
  });
});
