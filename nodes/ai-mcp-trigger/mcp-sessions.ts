// The MCP sessions an armed MCP Server Trigger holds in this process (the SDK's Server over SSE or
// Streamable HTTP), by workflow and node. Sessions are connections, so they live in memory: closed
// when the client goes, on DELETE, when idle too long (Streamable HTTP clients may never say bye)
// and when the workflow is deactivated or changed.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { JsonObject, WebhookContext } from '../../engine/index.ts';
import { visibleHeaders } from './mcp-auth.ts';
import { answerInRun } from './mcp-run.ts';
import { toolResultContent } from './mcp-tools.ts';

const IDLE_LIMIT_MS = 30 * 60_000;

export interface McpSession {
  kind: 'sse' | 'streamable';
  transport: SSEServerTransport | StreamableHTTPServerTransport;
  server: Server;
  /** The context of the latest request: the runs of the session's requests start from it. */
  ctx: WebhookContext;
  lastUsed: number;
}

/** Sessions by `<workflowId>/<node>`, then by session id. */
const held = new Map<string, Map<string, McpSession>>();

const keyOf = (ctx: WebhookContext) => `${ctx.workflow.id}/${ctx.node.name}`;

export function findSession(ctx: WebhookContext, sessionId: string): McpSession | undefined {
  const session = held.get(keyOf(ctx))?.get(sessionId);
  if (session) {
    session.ctx = ctx;
    session.lastUsed = Date.now();
  }
  return session;
}

export function addSession(ctx: WebhookContext, sessionId: string, session: McpSession): void {
  const key = keyOf(ctx);
  const sessions = held.get(key) ?? new Map<string, McpSession>();
  held.set(key, sessions);
  for (const [id, other] of sessions) {
    if (other.kind === 'streamable' && Date.now() - other.lastUsed > IDLE_LIMIT_MS) void closeSession(sessions, id);
  }
  sessions.set(sessionId, session);
}

export function dropSession(ctx: WebhookContext, sessionId: string): void {
  held.get(keyOf(ctx))?.delete(sessionId);
}

async function closeSession(sessions: Map<string, McpSession>, id: string): Promise<void> {
  const session = sessions.get(id);
  sessions.delete(id);
  await session?.server.close().catch(() => undefined);
}

/** Closes every session of the node (its workflow is deactivated or re-armed). */
export async function closeSessions(ctx: { workflow: { id: string }; node: { name: string } }): Promise<void> {
  const key = `${ctx.workflow.id}/${ctx.node.name}`;
  const sessions = held.get(key);
  held.delete(key);
  if (!sessions) return;
  for (const id of [...sessions.keys()]) await closeSession(sessions, id);
}

/** An MCP server whose tools/list and tools/call each run the workflow once. */
export function createMcpServer(name: string, instructions: string | undefined, session: () => McpSession | undefined): Server {
  const server = new Server({ name, version: '0.1.0' }, { capabilities: { tools: {} }, ...(instructions ? { instructions } : {}) });
  const ctxOf = (): WebhookContext => {
    const current = session();
    if (!current) throw new Error('Session not found');
    return current.ctx;
  };
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const answer = await answerInRun(ctxOf(), { mcpListTools: true });
    return { tools: (answer.tools ?? []) as Tool[] };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const mcpToolCall = { toolName: request.params.name, arguments: request.params.arguments ?? {} };
    try {
      const ctx = ctxOf();
      const trigger: JsonObject = { mcpToolCall, mcpMessageId: String(extra.requestId) };
      // From v2.1 the request is the tools' input too (their expressions may read a caller's header).
      if (ctx.node.typeVersion >= 2.1) {
        trigger.headers = await visibleHeaders(ctx, (extra.requestInfo?.headers ?? {}) as Record<string, unknown>);
        trigger.body = { jsonrpc: '2.0', id: extra.requestId, method: request.method, params: request.params };
      }
      const answer = await answerInRun(ctx, trigger);
      return { content: toolResultContent(answer.response) };
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      return { isError: true, content: [{ type: 'text', text: `${failure.name}: ${failure.message}` }] };
    }
  });
  return server;
}
