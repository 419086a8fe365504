// Workspace variables in runs ($vars) on a real server: expressions and Code see the workspace's
// current variables, an edit shows in the next run. (A run reads them only when its definition
// names $vars; this is the path that must keep working.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer({}); });
afterAll(async () => { await server.close(); });

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${server.url}${url}`, { method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const hook = async (path: string) => (await (await fetch(`${server.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as Record<string, unknown>;

describe('$vars in runs', () => {
  it('gives expressions and Code the workspace’s variables, as they are at each run', async () => {
    const variable = await api('POST', '/api/v1/variables', { key: 'region', value: 'eu-west' });
    expect(variable.status, JSON.stringify(variable.body)).toBe(201);
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Uses variables', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'vars-hook', parameters: { path: 'vars', httpMethod: 'POST', responseMode: 'lastNode' } },
        { id: 's', name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { assignments: { assignments: [{ id: 'a', name: 'region', value: '={{ $vars.region }}', type: 'string' }] }, options: {} } },
        { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [400, 0], parameters: { jsCode: 'return [{ json: { region: $input.first().json.region, again: $vars.region } }];' } },
      ],
      connections: { Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] }, Set: { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api('POST', `/api/v1/workflows/${created.body.id}/activate`)).status).toBe(200);
    expect(await hook('vars')).toEqual({ region: 'eu-west', again: 'eu-west' });
    expect((await api('PUT', `/api/v1/variables/${variable.body.id}`, { key: 'region', value: 'us-east' })).status).toBe(200);
    expect(await hook('vars')).toEqual({ region: 'us-east', again: 'us-east' });
  });
});
