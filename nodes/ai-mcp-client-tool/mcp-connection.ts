// An MCP client over SSE or streamable HTTP (@modelcontextprotocol/sdk), with the node's
// credential as request headers, and the server's tools as LangChain tools calling back through it.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ExecuteContext } from '../../engine/index.ts';

export type McpTransport = 'sse' | 'httpStreamable';

/** The headers the chosen authentication adds (n8n's getAuthHeaders). */
export async function authHeaders(ctx: ExecuteContext, authentication: string): Promise<Record<string, string>> {
  if (authentication === 'bearerAuth') return { Authorization: `Bearer ${String((await ctx.credentials.get('httpBearerAuth')).token ?? '')}` };
  if (authentication === 'headerAuth') {
    const data = await ctx.credentials.get('httpHeaderAuth');
    return { [String(data.name)]: String(data.value ?? '') };
  }
  return {};
}

export async function connectMcp(endpoint: string, transport: McpTransport, headers: Record<string, string>, version: number): Promise<Client> {
  const url = new URL(endpoint);
  const client = new Client({ name: '@n8n/n8n-nodes-langchain.mcpClientTool', version: String(version) });
  if (transport === 'httpStreamable') {
    await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  } else {
    // The SDK sends requestInit's headers on the event stream as well as on the posts.
    await client.connect(new SSEClientTransport(url, { requestInit: { headers } }));
  }
  return client;
}

export async function listAllTools(client: Client): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

/** n8n's getSelectedTools: all, the selected ones, or all but the excluded ones. */
export function selectTools(tools: Tool[], mode: string, include: string[], exclude: string[]): Tool[] {
  if (mode === 'selected') return tools.filter((t) => include.includes(t.name));
  if (mode === 'except') return tools.filter((t) => !exclude.includes(t.name));
  return tools;
}

/** The tool's result as n8n hands it on: an error's text, else the content (or legacy toolResult). */
export async function callMcpTool(client: Client, name: string, args: Record<string, unknown>, timeout: number): Promise<{ ok: boolean; value: unknown }> {
  const result = await client.callTool({ name, arguments: args }, undefined, { timeout });
  if (result.isError) {
    const text = Array.isArray(result.content) ? result.content.map((c) => (c as { text?: string }).text ?? '').join('\n').trim() : '';
    return { ok: false, value: text || `Failed to execute tool "${name}"` };
  }
  if (result.toolResult !== undefined) return { ok: true, value: result.toolResult };
  return { ok: true, value: result.content ?? result };
}
