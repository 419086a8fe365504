// The n8n node (n8n-nodes-base.n8n) run by a real Weft server against that same server: Weft answers
// n8n's public API paths under /api/v1 with the X-N8N-API-KEY header, so an n8nApi credential whose
// base URL is the server's own /api/v1 drives workflows, executions and credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleWorkflow, startTestServer, TEST_OWNER, type TestServer } from './test-support.ts';

type Json = Record<string, unknown>;
let server: TestServer;
let credentialId: string;

async function api(method: string, path: string, body?: unknown, apiKey = TEST_OWNER.apiKey): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${server.url}${path}`, {
    method, headers: { 'x-n8n-api-key': apiKey, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

async function n8nApiCredential(apiKey: string): Promise<string> {
  const created = await api('POST', '/api/v1/credentials', { name: `n8n API ${apiKey.slice(0, 6)}`, type: 'n8nApi', data: { apiKey, baseUrl: `${server.url}/api/v1` } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return String(created.body.id);
}

/** Runs Start → n8n node (with these parameters) on the server; its output items' json, or the run's error. */
async function runNode(parameters: Json, options: { credential?: string } = {}): Promise<{ items: Json[]; error?: Json }> {
  const trigger = 'When clicking ‘Execute workflow’';
  const workflow = await api('POST', '/api/v1/workflows', {
    name: `n8n node run ${Math.random().toString(36).slice(2)}`,
    nodes: [
      { id: 't', name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'n', name: 'n8n', type: 'n8n-nodes-base.n8n', typeVersion: 1, position: [220, 0], parameters, credentials: { n8nApi: { id: options.credential ?? credentialId, name: 'n8n API' } } },
    ],
    connections: { [trigger]: { main: [[{ node: 'n8n', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
  });
  expect(workflow.status, JSON.stringify(workflow.body)).toBe(201);
  const run = await api('POST', `/api/v1/workflows/${String(workflow.body.id)}/run?wait=true`, {});
  const resultData = (run.body.data as { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Json }>> } }>>; error?: Json } }).resultData;
  return { items: (resultData.runData.n8n?.[0]?.data?.main[0] ?? []).map((item) => item.json), ...(resultData.error ? { error: resultData.error } : {}) };
}

async function call(parameters: Json): Promise<Json[]> {
  const { items, error } = await runNode(parameters);
  if (error) throw new Error(`n8n node failed: ${JSON.stringify(error)}`);
  return items;
}

const scheduled = (name: string) => ({
  name,
  nodes: [{ id: 's1', name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: { rule: { interval: [{ field: 'hours' }] } } }],
  connections: {},
  settings: { executionOrder: 'v1' },
});
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

beforeAll(async () => {
  server = await startTestServer();
  credentialId = await n8nApiCredential(TEST_OWNER.apiKey);
}, 60_000);
afterAll(() => server?.close());

describe('n8n node against Weft: workflows', () => {
  it('creates, gets (by URL), activates, lists active, deactivates, updates, lists with a limit and deletes a workflow', async () => {
    const name = `n8n node ${Math.random().toString(36).slice(2)}`;
    const [created] = await call({ resource: 'workflow', operation: 'create', workflowObject: JSON.stringify({ ...scheduled(name), id: 'ignored', active: true }) });
    const id = String(created.id);
    expect(created).toMatchObject({ name, active: false });

    const [got] = await call({ resource: 'workflow', operation: 'get', workflowId: { __rl: true, mode: 'url', value: `${server.url}/workflow/${id}` } });
    expect(got).toMatchObject({ id, name });

    expect((await call({ resource: 'workflow', operation: 'activate', workflowId: byId(id) }))[0]).toMatchObject({ id, active: true });
    const active = await call({ resource: 'workflow', operation: 'getAll', filters: { activeWorkflows: true } });
    expect(active.map((w) => w.id)).toEqual([id]);
    expect((await call({ resource: 'workflow', operation: 'deactivate', workflowId: byId(id) }))[0]).toMatchObject({ id, active: false });

    const [updated] = await call({ resource: 'workflow', operation: 'update', workflowId: byId(id), workflowObject: JSON.stringify(scheduled(`${name} v2`)) });
    expect(updated).toMatchObject({ id, name: `${name} v2` });
    expect(await call({ resource: 'workflow', operation: 'getAll', returnAll: false, limit: 2 })).toHaveLength(2);

    await call({ resource: 'workflow', operation: 'delete', workflowId: byId(id) });
    expect((await api('GET', `/api/v1/workflows?active=true`)).body.data).toEqual([]);
    const missing = await runNode({ resource: 'workflow', operation: 'get', workflowId: byId('no-such-workflow') });
    expect(String(missing.error?.message)).toMatch(/not found|unknown/i);
  });

  it('names a wrong API key', async () => {
    const wrong = await n8nApiCredential('wk_wrong_key_0000000000000000');
    const result = await runNode({ resource: 'workflow', operation: 'getAll' }, { credential: wrong });
    expect(JSON.stringify(result.error)).toMatch(/401/);
  });
});

describe('n8n node against Weft: executions', () => {
  it("lists a workflow's executions, gets one with its data, and deletes it", async () => {
    const workflow = await api('POST', '/api/v1/workflows', sampleWorkflow('For executions'));
    const workflowId = String(workflow.body.id);
    const run = await api('POST', `/api/v1/workflows/${workflowId}/run?wait=true`, { pinData: { 'When clicking ‘Execute workflow’': [{ json: { name: 'Ann' } }] } });
    expect(run.status, JSON.stringify(run.body)).toBe(201);

    const listed = await call({ resource: 'execution', operation: 'getAll', filters: { workflowId } });
    expect(listed).toHaveLength(1);
    const executionId = String(listed[0].id);
    const [detailed] = await call({ resource: 'execution', operation: 'get', executionId, options: { activeWorkflows: true } });
    expect(JSON.stringify(detailed)).toContain('Hello Ann');

    const [deleted] = await call({ resource: 'execution', operation: 'delete', executionId });
    expect(deleted.id).toBe(executionId);
    expect(await call({ resource: 'execution', operation: 'getAll', filters: { workflowId } })).toEqual([]);
  });
});

describe('n8n node against Weft: credentials and audit', () => {
  it("gets a credential type's schema, creates a credential (answered redacted) and deletes it", async () => {
    const [schema] = await call({ resource: 'credential', operation: 'getSchema', credentialTypeName: 'httpHeaderAuth' });
    expect(JSON.stringify(schema)).toContain('"value"');
    const [created] = await call({ resource: 'credential', operation: 'create', name: 'From the n8n node', credentialTypeName: 'httpHeaderAuth', data: '{"name":"X-Key","value":"s3cret"}' });
    expect(created).toMatchObject({ name: 'From the n8n node', type: 'httpHeaderAuth' });
    expect(JSON.stringify(created)).not.toContain('s3cret');
    await call({ resource: 'credential', operation: 'delete', credentialId: String(created.id) });
    expect((await api('GET', `/api/v1/credentials/${String(created.id)}`)).status).toBe(404);
  });

  it('audit generate: Weft has no security audit (POST /audit), and the node says so', async () => {
    const result = await runNode({ resource: 'audit', operation: 'generate' });
    expect(JSON.stringify(result.error)).toMatch(/may not offer this part of the n8n API/);
  });
});

describe('the n8nApi credential test', () => {
  it('lists workflows with the key: OK for a good key, the refusal for a bad one, a hint for a wrong base URL', async () => {
    const { testCredential } = await import('./credentials/credential-test.ts');
    const local = { allowPrivateNetwork: true };
    expect(await testCredential('n8nApi', { apiKey: TEST_OWNER.apiKey, baseUrl: `${server.url}/api/v1/` }, local)).toEqual({ status: 'OK', message: 'Connection successful' });
    expect(await testCredential('n8nApi', { apiKey: 'not-a-key', baseUrl: `${server.url}/api/v1` }, local)).toEqual({ status: 'Error', message: expect.stringMatching(/^The API key was refused \(HTTP 401\)/) });
    // The editor's pages answer any other path with 200: still not the API.
    expect((await testCredential('n8nApi', { apiKey: TEST_OWNER.apiKey, baseUrl: `${server.url}/nothing` }, local)).message).toMatch(/\/nothing\/workflows is not the n8n API \(it answered HTTP 200 without a list of workflows\)/);
    expect((await testCredential('n8nApi', { apiKey: TEST_OWNER.apiKey, baseUrl: `${server.url}/api/v2` }, local)).message).toMatch(/\/api\/v2\/workflows is not the n8n API \(it answered HTTP 404\)/);
    // Without the private-network allowance a loopback base URL is refused before any request.
    expect((await testCredential('n8nApi', { apiKey: TEST_OWNER.apiKey, baseUrl: `${server.url}/api/v1` })).status).toBe('Error');
  });
});
