// MCP Server Trigger (@n8n/n8n-nodes-langchain.mcpTrigger v1–2.1): serves the Model Context Protocol
// on `/mcp/<path>` with the tools of its tool sub-nodes. v1/v1.1: SSE on GET `<path>/sse` with
// messages posted to `<path>/messages`; v2: GET `<path>` for SSE, POST for messages. A POST without
// a session starts a Streamable HTTP session; from v2.1 the tools also see the request (headers
// without secrets, body). Unlike n8n, every tools/list and tools/call is a recorded run of the
// workflow: the node answers the request in its own run (see mcp-run.ts).
import { randomUUID } from 'node:crypto';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { NodeType, NodeWebhook, TriggerContext, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import { toolNameOf } from '../ai-shared/tool-call.ts';
import { param } from '../shared/params.ts';
import { checkMcpAuth } from './mcp-auth.ts';
import { addSession, closeSessions, createMcpServer, dropSession, findSession, type McpSession } from './mcp-sessions.ts';
import { answerMcpRequests } from './mcp-tools.ts';
import { mcpTriggerCredentials, mcpTriggerProperties } from './mcp-trigger.description.ts';

const HANDLED: WebhookAnswer = { noWebhookResponse: true };

function webhooks(ctx: TriggerContext): NodeWebhook[] {
  const path = String(param(ctx, 'path', 0, '')).replace(/^\/+|\/+$/g, '');
  const v1 = ctx.node.typeVersion < 2;
  const hook = (name: string, httpMethod: string, suffix: string): NodeWebhook => ({
    name, httpMethod, path: v1 ? `${path}/${suffix}` : path, responseMode: 'onReceived', isFullPath: true,
  });
  return [hook('setup', 'GET', 'sse'), hook('default', 'POST', 'messages'), hook('default', 'DELETE', 'messages')];
}

function refuse(ctx: WebhookContext, status: number, message: string, headers: Record<string, string> = {}): WebhookAnswer {
  ctx.call.res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  ctx.call.res.end(message);
  return HANDLED;
}

function serverOptions(ctx: WebhookContext): { name: string; instructions?: string } {
  const instructions = String(param(ctx, 'instructions', 0, '') ?? '');
  return { name: ctx.node.typeVersion > 1 ? toolNameOf(ctx.node.name) : 'n8n-mcp-server', ...(instructions ? { instructions } : {}) };
}

/** GET: an SSE session; the client posts its messages to the endpoint it is told. */
async function openSse(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { req, res } = ctx.call;
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  const endpoint = ctx.node.typeVersion < 2 ? pathname.replace(/\/sse$/, '/messages') : pathname;
  const transport = new SSEServerTransport(endpoint, res);
  const { name, instructions } = serverOptions(ctx);
  const session: McpSession = { kind: 'sse', transport, ctx, lastUsed: Date.now(), server: createMcpServer(name, instructions, () => findSession(ctx, transport.sessionId)) };
  addSession(ctx, transport.sessionId, session);
  transport.onclose = () => dropSession(ctx, transport.sessionId);
  await session.server.connect(transport);
  return HANDLED;
}

/** A POST without a session: a Streamable HTTP session starts (its initialize request). */
async function openStreamable(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { name, instructions } = serverOptions(ctx);
  let session: McpSession | undefined;
  const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => {
      if (session) addSession(ctx, id, session);
    },
  });
  const server = createMcpServer(name, instructions, () => (transport.sessionId ? findSession(ctx, transport.sessionId) : session));
  session = { kind: 'streamable', transport, server, ctx, lastUsed: Date.now() };
  transport.onclose = () => {
    if (transport.sessionId) dropSession(ctx, transport.sessionId);
  };
  await server.connect(transport);
  await transport.handleRequest(ctx.call.req, ctx.call.res, ctx.call.body);
  return HANDLED;
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  const refusal = await checkMcpAuth(ctx, String(param(ctx, 'authentication', 0, 'none')));
  if (refusal) return refuse(ctx, refusal.status, refusal.message);
  const fromQuery = typeof call.query.sessionId === 'string' ? call.query.sessionId : undefined;
  const fromHeader = typeof call.headers['mcp-session-id'] === 'string' ? call.headers['mcp-session-id'] : undefined;
  if (call.webhookName === 'setup') {
    // A Streamable HTTP client asking for a stream of server messages: this server sends none.
    if (fromHeader) return refuse(ctx, 405, 'Method Not Allowed', { allow: 'POST, DELETE' });
    return openSse(ctx);
  }
  const sessionId = fromQuery ?? fromHeader;
  if (call.method === 'DELETE') {
    const session = sessionId ? findSession(ctx, sessionId) : undefined;
    if (!sessionId) return refuse(ctx, 400, 'No sessionId provided');
    if (!session) return refuse(ctx, 404, 'Session not found');
    if (session.kind !== 'streamable') return refuse(ctx, 405, 'Method Not Allowed');
    await (session.transport as StreamableHTTPServerTransport).handleRequest(call.req, call.res);
    return HANDLED;
  }
  if (!sessionId) return openStreamable(ctx);
  const session = findSession(ctx, sessionId);
  if (!session) return fromQuery ? refuse(ctx, 401, 'No transport found for sessionId') : refuse(ctx, 404, 'Session not found');
  // The SSE transport answers a message it cannot take (400, 500) itself, then throws.
  if (session.kind === 'sse') await (session.transport as SSEServerTransport).handlePostMessage(call.req, call.res, call.body).catch(() => undefined);
  else await (session.transport as StreamableHTTPServerTransport).handleRequest(call.req, call.res, call.body);
  return HANDLED;
}

export const mcpTriggerNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.mcpTrigger',
    displayName: 'MCP Server Trigger',
    icon: 'file:mcp.svg',
    group: ['trigger'],
    version: [1, 1.1, 2, 2.1],
    description: 'Expose Weft tools as an MCP Server endpoint',
    defaults: { name: 'MCP Server Trigger' },
    inputs: [],
    outputs: [],
    credentials: mcpTriggerCredentials,
    triggerKind: 'webhook',
    executesTriggerInput: true,
    subNodeInputs: [{ type: 'ai_tool', displayName: 'Tools' }],
    properties: mcpTriggerProperties,
  },
  execute: answerMcpRequests,
  triggers: {
    webhooks,
    webhook,
    // Armed with the workflow only to close its sessions when it is deactivated or changed.
    async trigger(ctx) {
      return { close: () => closeSessions(ctx) };
    },
  },
};
