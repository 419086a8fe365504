// Checking a draft against real past runs: nodes that reach outside Weft are never called; their
// recorded output stands in while node and input are unchanged, else the check stops there.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;
let service: Server;
let serviceUrl = '';
/** Every request the outside service got. */
const received: { method: string; body: string }[] = [];

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' } });

async function json<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

type Report = { clean: boolean; counts: Record<string, number>; runs: { outcome: string; checkExecutionId: string; nodes: { node: string; status: string; reason?: string }[] }[] };

const setNode = (name: string, field: string, value: string, x: number) => ({
  id: name, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [x, 0],
  parameters: { assignments: { assignments: [{ id: field, name: field, value, type: 'string' }] }, options: {} },
});

function workflow(tag: string, answer: string) {
  return {
    name: 'Checked', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'check-hook', parameters: { path: 'check-hook', httpMethod: 'POST', responseMode: 'lastNode' } },
      setNode('Tag', 'tag', tag, 200),
      {
        id: 'h', name: 'Post it', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0],
        parameters: { method: 'POST', url: `${serviceUrl}/orders`, sendBody: true, bodyParameters: { parameters: [{ name: 'tag', value: '={{ $json.tag }}' }] }, options: {} },
      },
      setNode('Answer', 'answer', answer, 600),
    ],
    connections: {
      Webhook: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] },
      Tag: { main: [[{ node: 'Post it', type: 'main', index: 0 }]] },
      'Post it': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
    },
  };
}

beforeAll(async () => {
  service = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method!, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ stored: JSON.parse(body || '{}').tag ?? null }));
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => service.close(resolve));
});

describe('checking a draft against past production runs', () => {
  it('uses recorded outputs for an unchanged POST node, and stops on one whose input changed, calling nothing', async () => {
    const { id } = await json<{ id: string }>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(workflow('={{ $json.body.n }}', '=stored {{ $json.stored }}')) }), 201);
    await json(await api(`/api/v1/workflows/${id}/activate`, { method: 'POST' }));
    for (const n of ['1', '2']) {
      const res = await fetch(`${server.url}/webhook/check-hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
      expect(await res.json()).toEqual({ answer: `stored ${n}` });
    }
    expect(received.map((r) => r.method)).toEqual(['POST', 'POST']);
    received.length = 0;

    // The draft as published: both runs the same, nothing sent.
    const unchanged = await json<Report>(await api(`/api/v1/workflows/${id}/check`, { method: 'POST', body: JSON.stringify({ runs: 5 }) }));
    expect(unchanged).toMatchObject({ clean: true, counts: { same: 2, changed: 0, stopped: 0, newError: 0 } });

    // A change after the POST: its recorded answer stands in, the last node's output changes.
    await json(await api(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(workflow('={{ $json.body.n }}', '=kept {{ $json.stored }}')) }));
    const after = await json<Report>(await api(`/api/v1/workflows/${id}/check`, { method: 'POST' }));
    expect(after.counts).toMatchObject({ changed: 2, stopped: 0 });
    expect(after.runs[0].nodes).toEqual([{ node: 'Answer', status: 'changed' }]);

    // A change before the POST: its input differs, so the check stops there and says so.
    await json(await api(`/api/v1/workflows/${id}`, { method: 'PUT', body: JSON.stringify(workflow('=order {{ $json.body.n }}', '=kept {{ $json.stored }}')) }));
    const before = await json<Report>(await api(`/api/v1/workflows/${id}/check`, { method: 'POST' }));
    expect(before).toMatchObject({ clean: false, counts: { stopped: 2 } });
    expect(before.runs[0].nodes).toContainEqual({ node: 'Post it', status: 'stopped', reason: 'Not called during a check: it reaches outside Weft and its input changed' });

    expect(received).toEqual([]);
  });

  it('refuses runs of another workflow and bad bodies', async () => {
    const { id } = await json<{ id: string }>(await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify({ ...workflow('x', 'y'), name: 'Other' }) }), 201);
    const res = await api(`/api/v1/workflows/${id}/check`, { method: 'POST', body: JSON.stringify({ executionIds: ['nope'] }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: { path: string }[] }).details[0].path).toBe('executionIds.0');
    expect((await api(`/api/v1/workflows/${id}/check`, { method: 'POST', body: JSON.stringify({ runs: 0 }) })).status).toBe(400);
    expect((await api('/api/v1/workflows/unknownWorkflow1/check', { method: 'POST' })).status).toBe(404);
  });
});
