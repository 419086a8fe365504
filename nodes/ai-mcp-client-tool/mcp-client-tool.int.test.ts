// MCP Client Tool against a real MCP server made with the same SDK, over streamable HTTP and SSE:
// the toolkit holds the server's tools (filtered as set), calls reach the server with the
// credential's header, and each call is recorded as a use of the node.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRootRunner, rootWorkflow } from '../ai-shared/tool-test-harness.ts';
import { toolsOf } from '../ai-shared/tool-test-tools.ts';

const seenHeaders: IncomingHttpHeaders[] = [];
const calls: Array<{ tool: string; args: unknown }> = [];

function mcpServer(): McpServer {
  const server = new McpServer({ name: 'weather-test', version: '1.0.0' });
  server.registerTool('get_forecast', { description: 'Forecast for a city', inputSchema: { city: z.string().describe('City'), days: z.number().optional() } }, async (args) => {
    calls.push({ tool: 'get_forecast', args });
    return { content: [{ type: 'text', text: `Sunny in ${args.city} for ${args.days ?? 1} day(s)` }] };
  });
  server.registerTool('fail_always', { description: 'Always fails', inputSchema: {} }, async () => ({ isError: true, content: [{ type: 'text', text: 'station offline' }] }));
  server.registerTool('secret', { description: 'Hidden', inputSchema: {} }, async () => ({ content: [{ type: 'text', text: 'x' }] }));
  return server;
}

const sseSessions = new Map<string, SSEServerTransport>();
let http: Server;
let base = '';
beforeAll(async () => {
  http = createServer(async (req, res) => {
    seenHeaders.push({ ...req.headers, 'x-url': req.url });
    if (req.url === '/mcp') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const server = mcpServer();
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => void transport.close().then(() => server.close()));
      await server.connect(transport);
      await transport.handleRequest(req, res, chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined);
    } else if (req.url === '/sse') {
      const transport = new SSEServerTransport('/messages', res);
      sseSessions.set(transport.sessionId, transport);
      await mcpServer().connect(transport);
    } else if (req.url?.startsWith('/messages')) {
      const id = new URL(req.url, base).searchParams.get('sessionId') ?? '';
      await sseSessions.get(id)?.handlePostMessage(req, res);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
const runner = createRootRunner();
afterAll(async () => {
  http.closeAllConnections();
  http.close();
  runner.engine.dispose();
});

const mcpNode = (typeVersion: number, parameters: Record<string, unknown>, credentials?: Record<string, { id: string; name: string }>) => ({ name: 'MCP Client', type: '@n8n/n8n-nodes-langchain.mcpClientTool', typeVersion, parameters, connection: 'ai_tool' as const, ...(credentials ? { credentials } : {}) });

describe('MCP Client Tool (mcpClientTool)', () => {
  it('over streamable HTTP: hands over the chosen tools, calls them with the bearer token, records each call', async () => {
    seenHeaders.length = 0;
    calls.length = 0;
    const def = rootWorkflow([mcpNode(1.1, { endpointUrl: `${base}/mcp`, serverTransport: 'httpStreamable', authentication: 'bearerAuth', include: 'except', excludeTools: ['secret'] }, { httpBearerAuth: { id: 'b', name: 'token' } })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const tools = await toolsOf(ctx, i);
      const forecast = tools.find((t) => t.name === 'get_forecast')!;
      const failing = tools.find((t) => t.name === 'fail_always')!;
      return { names: tools.map((t) => t.name), description: forecast.description, answer: await forecast.invoke({ city: 'Oslo', days: 2 }), failed: await failing.invoke({}) };
    }, { credentials: { httpBearerAuth: { token: 'tok-123' } } });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(run.out[0]).toMatchObject({ names: ['get_forecast', 'fail_always'], description: 'Forecast for a city', failed: 'station offline' });
    expect(JSON.parse(String(run.out[0].answer))).toEqual([{ type: 'text', text: 'Sunny in Oslo for 2 day(s)' }]);
    expect(calls).toEqual([{ tool: 'get_forecast', args: { city: 'Oslo', days: 2 } }]);
    expect(seenHeaders.length).toBeGreaterThan(0);
    expect(seenHeaders.every((h) => h.authorization === 'Bearer tok-123')).toBe(true);
    expect(run.uses('MCP Client')).toEqual([
      { input: { query: { city: 'Oslo', days: 2 }, tool: { name: 'get_forecast', description: 'Forecast for a city' } }, output: { response: run.out[0].answer } },
      { input: { query: {}, tool: { name: 'fail_always', description: 'Always fails' } }, error: 'station offline' },
    ]);
  });

  it('v1 over SSE: selected tools only, with the header credential', async () => {
    seenHeaders.length = 0;
    const def = rootWorkflow([mcpNode(1, { sseEndpoint: `${base}/sse`, authentication: 'headerAuth', include: 'selected', includeTools: ['get_forecast'] }, { httpHeaderAuth: { id: 'h', name: 'key' } })]);
    const run = await runner.run(def, async (ctx, _item, i) => {
      const tools = await toolsOf(ctx, i);
      return { names: tools.map((t) => t.name), answer: await tools[0].invoke({ city: 'Rome' }) };
    }, { credentials: { httpHeaderAuth: { name: 'X-Mcp-Key', value: 'k1' } } });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(run.out[0].names).toEqual(['get_forecast']);
    expect(String(run.out[0].answer)).toContain('Sunny in Rome for 1 day(s)');
    expect(seenHeaders.some((h) => h['x-mcp-key'] === 'k1')).toBe(true);
    expect(seenHeaders.filter((h) => h['x-mcp-key'] !== 'k1')).toEqual([]);
  });

  it("fails with n8n's messages for an unreachable server or no tools", async () => {
    const down = await runner.run(rootWorkflow([mcpNode(1.1, { endpointUrl: 'http://127.0.0.1:1/mcp', serverTransport: 'httpStreamable' })]), async (ctx, _item, i) => ({ n: (await toolsOf(ctx, i)).length }));
    expect(down.result.data.resultData.error?.message).toBe('Could not connect to your MCP server');
    const none = await runner.run(rootWorkflow([mcpNode(1.1, { endpointUrl: `${base}/mcp`, serverTransport: 'httpStreamable', include: 'selected', includeTools: [] })]), async (ctx, _item, i) => ({ n: (await toolsOf(ctx, i)).length }));
    expect(none.result.data.resultData.error?.message).toBe('MCP Server returned no tools');
  });
});
