// Microsoft Teams Trigger on a real test server: Microsoft Graph only delivers change notifications
// to https URLs, so activating the trigger behind a plain http PUBLIC_URL is refused before Graph is
// called, naming the node and what to change. (Subscribing, Graph's validation handshake over HTTP,
// notifications, renewal and deletion are tested against the Graph stand-in in
// nodes/microsoft-teams-trigger/microsoft-teams-trigger.int.test.ts: a Microsoft credential cannot be
// connected here, its token endpoint being Microsoft's own.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi } from './trigger-test-support.ts';

let weft: TestServer;
/** Stands where Graph would be, to show that no request reaches it. */
let graph: Server;
const graphCalls: string[] = [];
const saved = process.env.WEFT_MICROSOFT_GRAPH_API_URL;

beforeAll(async () => {
  graph = createServer((req, res) => {
    graphCalls.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
  process.env.WEFT_MICROSOFT_GRAPH_API_URL = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
  weft = await startTestServer({ PUBLIC_URL: 'http://weft.example.test' });
});
afterAll(async () => {
  await weft?.close();
  await new Promise<void>((resolve) => (graph ? graph.close(() => resolve()) : resolve()));
  if (saved === undefined) delete process.env.WEFT_MICROSOFT_GRAPH_API_URL;
  else process.env.WEFT_MICROSOFT_GRAPH_API_URL = saved;
});

const api = ownerApi(() => weft);

describe('Microsoft Teams Trigger', () => {
  it('refuses activation on an http public URL, saying Graph needs https, without calling Graph', async () => {
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Plain http', settings: { executionOrder: 'v1' },
      nodes: [{ id: 't', name: 'Microsoft Teams Trigger', type: 'n8n-nodes-base.microsoftTeamsTrigger', typeVersion: 1, position: [0, 0],
        webhookId: '7c1e0a2b-2222-4333-8444-955566660002', parameters: { event: 'newChat' }, credentials: { microsoftTeamsOAuth2Api: { id: 'x', name: 'Teams' } } }],
      connections: {},
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status).toBe(400);
    expect(activated.body.message).toBe('Workflow could not be activated: Microsoft Teams Trigger: Invalid Notification URL: Microsoft Graph only delivers to https URLs; set PUBLIC_URL to the https address Weft is reached at');
    expect(graphCalls).toEqual([]);
  });
});
