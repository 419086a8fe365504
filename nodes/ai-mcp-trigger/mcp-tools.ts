// What the MCP Server Trigger does inside a run: lists the tools of its tool sub-nodes (toolkits
// flattened), or calls one with the client's arguments. Each call goes through the tool sub-node,
// which records it as a use of itself in the run.
import type { StructuredToolInterface } from '@langchain/core/tools';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput } from '../../engine/index.ts';
import { connectedTools } from '../ai-shared/chain-inputs.ts';

/** n8n's McpToolCallInfo: the trigger item of a tools/call run. */
export interface McpToolCall {
  toolName: string;
  arguments: JsonObject;
}

/** A tool as tools/list describes it; MCP wants an object schema for the arguments. */
export function describeTool(tool: StructuredToolInterface): JsonObject {
  let inputSchema: JsonObject;
  try {
    inputSchema = toJsonSchema(tool.schema as never) as JsonObject;
  } catch {
    inputSchema = {};
  }
  if (inputSchema.type !== 'object') inputSchema = { type: 'object', properties: {} };
  return { name: tool.name, description: tool.description, inputSchema };
}

function toolCallOf(json: JsonObject): McpToolCall | undefined {
  const call = json.mcpToolCall as Partial<McpToolCall> | undefined;
  if (!call || typeof call !== 'object' || typeof call.toolName !== 'string') return undefined;
  const args = call.arguments && typeof call.arguments === 'object' && !Array.isArray(call.arguments) ? call.arguments : {};
  return { toolName: call.toolName, arguments: args };
}

/** What a tool answered, kept as JSON in the run data. */
function asJson(value: unknown): unknown {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}

async function answer(ctx: ExecuteContext, item: Item, itemIndex: number): Promise<Item> {
  const { json } = item;
  if (json.mcpListTools === true) {
    const tools = await connectedTools(ctx, itemIndex);
    return { json: { ...json, tools: tools.map(describeTool) }, pairedItem: { item: itemIndex } };
  }
  const call = toolCallOf(json);
  // Anything else (a manual run, pinned data) is handed on as it came, as n8n's trigger does.
  if (!call) return { ...item, pairedItem: { item: itemIndex } };
  const tool = (await connectedTools(ctx, itemIndex)).find((t) => t.name === call.toolName);
  if (!tool) {
    throw new NodeOperationError(ctx.node.name, 'Tool not found', { description: `No connected tool is named "${call.toolName}"`, itemIndex });
  }
  const response = await tool.invoke(call.arguments as never, { signal: ctx.signal });
  return { json: { ...json, response: asJson(response) as JsonObject[string] }, pairedItem: { item: itemIndex } };
}

export async function answerMcpRequests(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  if (items.length === 0) return [[{ json: {} }]];
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) out.push(await answer(ctx, items[i], i));
  return [out];
}

/** n8n's MessageFormatter: a tool's answer as MCP text content. */
export function toolResultContent(response: unknown): { type: 'text'; text: string }[] {
  const text = typeof response === 'string' ? response : response !== null && typeof response === 'object' ? JSON.stringify(response) : String(response);
  return [{ type: 'text', text }];
}
