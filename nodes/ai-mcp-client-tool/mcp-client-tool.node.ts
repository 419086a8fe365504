// MCP Client Tool (@n8n/n8n-nodes-langchain.mcpClientTool v1, v1.1): the tools of an MCP server
// (over SSE, or streamable HTTP from v1.1), handed to the agent as a toolkit; each call recorded.
import { DynamicStructuredTool, type StructuredToolInterface } from '@langchain/core/tools';
import { NodeOperationError, type ExecuteContext, type NodeType, type SupplyDataContext } from '../../engine/index.ts';
import { mcpCredentials, mcpProperties } from './mcp-client-tool.description.ts';
import { authHeaders, callMcpTool, connectMcp, listAllTools, selectTools, type McpTransport } from './mcp-connection.ts';

/** What roots flatten (n8n's McpToolkit). */
class McpToolkit {
  constructor(readonly tools: StructuredToolInterface[]) {}
  getTools(): StructuredToolInterface[] {
    return this.tools;
  }
}

/** The endpoint, transport and headers the node's parameters and credential give. */
async function connectionOf(ctx: ExecuteContext, itemIndex: number) {
  const v1 = ctx.node.typeVersion === 1;
  const endpoint = String(ctx.getNodeParameter(v1 ? 'sseEndpoint' : 'endpointUrl', itemIndex, ''));
  const transport = (v1 ? 'sse' : ctx.getNodeParameter('serverTransport', itemIndex, 'sse')) as McpTransport;
  const headers = await authHeaders(ctx, String(ctx.getNodeParameter('authentication', itemIndex, 'none')));
  if (!URL.canParse(endpoint)) throw new NodeOperationError(ctx.node.name, 'Could not connect to your MCP server. The provided URL is invalid.', { itemIndex });
  return connectMcp(endpoint, transport, headers, ctx.node.typeVersion).catch((error: Error) => {
    throw new NodeOperationError(ctx.node.name, 'Could not connect to your MCP server', { itemIndex, description: error.message });
  });
}

export const mcpClientToolNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.mcpClientTool',
    displayName: 'MCP Client Tool',
    group: ['output'],
    version: [1, 1.1],
    description: 'Connect tools from an MCP Server',
    icon: 'file:mcp.svg',
    defaults: { name: 'MCP Client' },
    credentials: mcpCredentials,
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tools'],
    properties: mcpProperties,
  },
  methods: {
    loadOptions: {
      // The server's tools, for Tools to Include / Exclude.
      async getTools(ctx) {
        const client = await connectionOf(ctx, 0);
        try {
          return (await listAllTools(client)).map((t) => ({ name: t.name, value: t.name, ...(t.description ? { description: t.description } : {}) }));
        } finally {
          await client.close();
        }
      },
    },
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const node = ctx.node.name;
    const timeout = Number((ctx.getNodeParameter('options', itemIndex, {}) as { timeout?: number }).timeout ?? 60000);
    const client = await connectionOf(ctx, itemIndex);
    const close = () => client.close();
    const chosen = selectTools(
      await listAllTools(client),
      String(ctx.getNodeParameter('include', itemIndex, 'all')),
      ctx.getNodeParameter('includeTools', itemIndex, []) as string[],
      ctx.getNodeParameter('excludeTools', itemIndex, []) as string[],
    );
    if (chosen.length === 0) {
      await close();
      throw new NodeOperationError(node, 'MCP Server returned no tools', { itemIndex, description: 'Connected successfully to your MCP server but it returned an empty list of tools.' });
    }
    const tools = chosen.map((tool) => new DynamicStructuredTool({
      name: tool.name,
      description: tool.description ?? '',
      schema: tool.inputSchema as Record<string, unknown>,
      metadata: { isFromToolkit: true },
      func: async (args: Record<string, unknown>) => {
        // n8n records a toolkit tool's call with the tool it went to.
        const call = ctx.startCall('ai_tool', { query: args, tool: { name: tool.name, description: tool.description ?? '' } });
        try {
          const { ok, value } = await callMcpTool(client, tool.name, args, timeout);
          if (!ok) {
            await call.fail(new NodeOperationError(node, String(value), { itemIndex }));
            return String(value);
          }
          const response = typeof value === 'string' ? value : JSON.stringify(value);
          await call.end({ response });
          return response;
        } catch (error) {
          await call.fail(error);
          return `Failed to execute tool "${tool.name}": ${(error as Error).message}`;
        }
      },
    }));
    return { response: new McpToolkit(tools), closeFunction: close };
  },
};
