// MCP Server Trigger on a real server: an active workflow with a Calculator and a Code Tool serves
// MCP on /mcp/<path> over Streamable HTTP (v2) and SSE (v1); the SDK's client lists and calls the
// tools, bearer auth refuses strangers, and each tools/call is a recorded run with its sub-node call.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { activeWorkflowCreator, ownerApi } from '../triggers/trigger-test-support.ts';

let weft: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  weft = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => undefined);
  await weft?.close();
});

const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);
const TRIGGER = 'MCP Server Trigger';

function mcpWorkflow(path: string, typeVersion: number, parameters: Record<string, unknown> = {}, credentials?: Record<string, unknown>) {
  const toTrigger = { ai_tool: [[{ node: TRIGGER, type: 'ai_tool', index: 0 }]] };
  return {
    name: `MCP ${path}`, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: TRIGGER, type: '@n8n/n8n-nodes-langchain.mcpTrigger', typeVersion, position: [0, 0], webhookId: `wh-${path}`, parameters: { path, ...parameters }, ...(credentials ? { credentials } : {}) },
      { id: 'c', name: 'Calculator', type: '@n8n/n8n-nodes-langchain.toolCalculator', typeVersion: 1, position: [0, 200], parameters: {} },
      { id: 's', name: 'Shout', type: '@n8n/n8n-nodes-langchain.toolCode', typeVersion: 1.3, position: [200, 200],
        parameters: { description: 'Answers the text in capitals', jsCode: 'return query.toUpperCase();' } },
    ],
    connections: { Calculator: toTrigger, Shout: toTrigger },
  };
}

async function connect(url: string, kind: 'streamable' | 'sse', headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'weft-test', version: '1.0.0' });
  const transport = kind === 'streamable'
    ? new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } })
    : new SSEClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function runsOf(workflowId: string) {
  await weft.runtime.executions.settle();
  const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=100`);
  expect(list.status).toBe(200);
  const runs = [];
  for (const { id } of list.body.data as { id: string }[]) runs.push((await api('GET', `/api/v1/executions/${id}?includeData=true`)).body);
  return runs;
}

describe('MCP Server Trigger', () => {
  it('serves its tools over Streamable HTTP, each call a recorded run with the tool use in it', async () => {
    const workflowId = await createActive(mcpWorkflow('calc-tools', 2));
    const client = await connect(`${weft.url}/mcp/calc-tools`, 'streamable');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['calculator', 'Shout']);
    expect(tools[0].inputSchema).toMatchObject({ type: 'object', properties: { input: { type: 'string' } } });
    expect(tools[1].description).toBe('Answers the text in capitals');

    const answer = await client.callTool({ name: 'calculator', arguments: { input: '2 + 3 * 4' } });
    expect(answer).toEqual({ content: [{ type: 'text', text: '14' }] });

    const runs = await runsOf(workflowId);
    const call = runs.find((r) => r.data.resultData.runData[TRIGGER][0].data.main[0][0].json.mcpToolCall);
    expect(call.status).toBe('success');
    expect(call.mode).toBe('webhook');
    const output = call.data.resultData.runData[TRIGGER][0].data.main[0][0].json;
    expect(output).toMatchObject({ mcpToolCall: { toolName: 'calculator', arguments: { input: '2 + 3 * 4' } }, response: '14' });
    const use = call.data.resultData.runData.Calculator[0];
    expect(use.inputOverride.ai_tool[0][0].json).toEqual({ query: '2 + 3 * 4' });
    expect(use.data.ai_tool[0][0].json).toEqual({ response: '14' });
    const events = await weft.runtime.events.readStream(`execution-${call.id}`);
    const types = events.map((e) => e.type);
    expect(types).toContain('SubNodeCallStarted');
    expect(events.find((e) => e.type === 'SubNodeCallFinished')?.data).toMatchObject({ node: 'Calculator' });
    // tools/list ran too, recorded with the list it answered.
    expect(runs.some((r) => r.data.resultData.runData[TRIGGER][0].data.main[0][0].json.mcpListTools === true)).toBe(true);
  });

  it('serves SSE on <path>/sse with messages on <path>/messages (v1)', async () => {
    const workflowId = await createActive(mcpWorkflow('shout-tools', 1));
    const client = await connect(`${weft.url}/mcp/shout-tools/sse`, 'sse');
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['calculator', 'Shout']);
    expect(await client.callTool({ name: 'Shout', arguments: { input: 'hello' } })).toEqual({ content: [{ type: 'text', text: 'HELLO' }] });
    expect(client.getServerVersion()?.name).toBe('n8n-mcp-server');
    // Deactivating the workflow ends its sessions: the client's event stream ends.
    const closed = new Promise<void>((resolve) => {
      client.onclose = resolve;
      client.onerror = () => resolve();
    });
    expect((await api('POST', `/api/v1/workflows/${workflowId}/deactivate`)).status).toBe(200);
    await closed;
  });

  it('answers a failing or unknown tool with an error result', async () => {
    const client = await connect(`${weft.url}/mcp/calc-tools`, 'streamable');
    const unknown = await client.callTool({ name: 'nope', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect((unknown.content as { text: string }[])[0].text).toContain('Tool not found');
    const failing = await client.callTool({ name: 'calculator', arguments: { input: '2 +' } });
    expect(failing.isError).toBe(true);
    expect((failing.content as { text: string }[])[0].text).toMatch(/^\w*Error: /);
    // DELETE ends a Streamable HTTP session.
    const transport = client.transport as StreamableHTTPClientTransport;
    const sessionId = transport.sessionId!;
    await transport.terminateSession();
    const after = await fetch(`${weft.url}/mcp/calc-tools`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': sessionId },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
    });
    expect(after.status).toBe(404);
  });

  it('refuses callers without the bearer token', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'MCP token', type: 'httpBearerAuth', data: { token: 's3cret-token' } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const workflowId = await createActive(mcpWorkflow('guarded-tools', 2.1, { authentication: 'bearerAuth' }, { httpBearerAuth: { id: credential.body.id, name: 'MCP token' } }));
    const url = `${weft.url}/mcp/guarded-tools`;
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
    const post = (headers: Record<string, string>) => fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify(initialize),
    });
    const none = await post({});
    expect(none.status).toBe(403);
    expect(await none.text()).toBe('Authorization data is wrong!');
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await fetch(url, { headers: { accept: 'text/event-stream' } })).status).toBe(403);
    await expect(connect(url, 'streamable')).rejects.toThrow();

    const client = await connect(url, 'streamable', { authorization: 'Bearer s3cret-token', 'x-caller': 'ada' });
    expect(await client.callTool({ name: 'calculator', arguments: { input: '6 * 7' } })).toEqual({ content: [{ type: 'text', text: '42' }] });
    // v2.1 hands the request to the tools: its headers are in the run, the token is not.
    const call = (await runsOf(workflowId)).find((r) => r.data.resultData.runData[TRIGGER][0].data.main[0][0].json.mcpToolCall);
    const trigger = call.data.resultData.runData[TRIGGER][0].data.main[0][0].json;
    expect(trigger.headers['x-caller']).toBe('ada');
    expect(trigger.headers.authorization).toBeUndefined();
    expect(trigger.body).toMatchObject({ method: 'tools/call', params: { name: 'calculator' } });
  });

  it('answers 404 for an unknown session', async () => {
    const res = await fetch(`${weft.url}/mcp/calc-tools`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-session-id': 'not-a-session' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(res.status).toBe(404);
  });
});
