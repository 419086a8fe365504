// Workflow static data across production runs, on a real server: a Code node counting calls with
// $getWorkflowStaticData keeps its count between webhook calls and across a restart on the same
// data folder; a manual run neither saves it nor shows up in the workflow's history; a sub-workflow
// keeps its own when its caller runs in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticDataStreamName } from '../../domain/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-static-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const COUNT = 'const s = $getWorkflowStaticData(\'global\'); s.count = (s.count ?? 0) + 1; return [{ json: { count: s.count } }];';

const counter = {
  name: 'Counter',
  settings: { executionOrder: 'v1' },
  nodes: [
    { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'count-hook', parameters: { path: 'count', httpMethod: 'POST', responseMode: 'lastNode' } },
    { id: 'c', name: 'Count', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: COUNT } },
  ],
  connections: { Webhook: { main: [[{ node: 'Count', type: 'main', index: 0 }]] } },
};

function client(server: TestServer) {
  return {
    api: async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${server.url}${url}`, {
        method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    call: async (hook = 'count') => {
      const res = await fetch(`${server.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(200);
      return ((await res.json()) as { count: number }).count;
    },
  };
}

describe('static data of production runs', () => {
  it('counts webhook calls 1, 2, 3; a manual run does not save; after a restart the next call answers 4', async () => {
    let id = '';
    const first = await startTestServer({}, dataDir);
    try {
      const { api, call } = client(first);
      const created = await api('POST', '/api/v1/workflows', counter);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      id = created.body.id;
      expect((await api('POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
      const history = (await api('GET', `/api/v1/workflows/${id}/history`)).body.data;

      expect([await call(), await call(), await call()]).toEqual([1, 2, 3]);

      // A manual run starts from the definition's (empty) static data and keeps nothing.
      const manual = await api('POST', `/api/v1/workflows/${id}/run?wait=true`, { startNode: 'Webhook', triggerItems: [{ json: {} }] });
      expect(manual.status, JSON.stringify(manual.body)).toBe(201);
      expect(manual.body.mode).toBe('manual');
      expect(manual.body.data.resultData.runData.Count[0].data.main[0]).toEqual([expect.objectContaining({ json: { count: 1 } })]);

      // Saved on its own stream, once per change: the workflow's versions do not see it.
      const saves = await first.runtime.events.readStream(staticDataStreamName(id));
      expect(saves.map((e) => [e.type, e.data])).toEqual([1, 2, 3].map((count) => ['WorkflowStaticDataSaved', { staticData: { global: { count } } }]));
      expect((await api('GET', `/api/v1/workflows/${id}/history`)).body.data).toEqual(history);
    } finally {
      await first.close();
    }

    const second = await startTestServer({}, dataDir);
    try {
      expect(await client(second).call()).toBe(4);
    } finally {
      await second.close();
    }
  });

  it('keeps a sub-workflow’s static data when its caller runs in production, not when it runs by hand', async () => {
    const server = await startTestServer();
    try {
      const { api, call } = client(server);
      const sub = (await api('POST', '/api/v1/workflows', {
        name: 'Counting sub', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 's1', name: 'In', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
          { id: 's2', name: 'Count', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: COUNT } },
        ],
        connections: { In: { main: [[{ node: 'Count', type: 'main', index: 0 }]] } },
      })).body;
      const caller = (await api('POST', '/api/v1/workflows', {
        name: 'Caller', settings: { executionOrder: 'v1' },
        nodes: [
          { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'sub-hook', parameters: { path: 'count-sub', httpMethod: 'POST', responseMode: 'lastNode' } },
          { id: 'c', name: 'Call', type: 'n8n-nodes-base.executeWorkflow', typeVersion: 1.2, position: [200, 0], parameters: { workflowId: { __rl: true, value: sub.id, mode: 'id' }, options: {} } },
        ],
        connections: { Webhook: { main: [[{ node: 'Call', type: 'main', index: 0 }]] } },
      })).body;
      expect((await api('POST', `/api/v1/workflows/${caller.id}/activate`)).status).toBe(200);

      expect([await call('count-sub'), await call('count-sub')]).toEqual([1, 2]);
      const manual = await api('POST', `/api/v1/workflows/${caller.id}/run?wait=true`, { startNode: 'Webhook', triggerItems: [{ json: {} }] });
      expect(manual.body.status, JSON.stringify(manual.body)).toBe('success');
      expect(await call('count-sub')).toBe(3);
      // The sub-workflow's own stream; the caller changed nothing of its own.
      expect((await server.runtime.events.readStream(staticDataStreamName(sub.id))).map((e) => e.data)).toEqual(
        [1, 2, 3].map((count) => ({ staticData: { global: { count } } })),
      );
      expect(await server.runtime.events.readStream(staticDataStreamName(caller.id))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
