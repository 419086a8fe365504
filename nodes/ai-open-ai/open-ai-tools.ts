// The ai_tool sub-nodes wired into the OpenAI node, as OpenAI function definitions, and running the
// one a model calls the way n8n does: `{input}` arguments hand over their input, others the object.
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { ExecuteContext, JsonObject } from '../../engine/index.ts';
import { connectedTools } from '../ai-shared/chain-inputs.ts';

export interface ConnectedTools {
  tools: StructuredToolInterface[];
  /** Chat Completions' `tools` entries, undefined when no tool is connected. */
  chatTools?: JsonObject[];
  /** The Responses API's `tools` entries (flat function definitions). */
  responseTools?: JsonObject[];
}

export async function toolsFor(ctx: ExecuteContext, itemIndex: number): Promise<ConnectedTools> {
  // n8n sends no tools to models that cannot call functions (its hidden `hideTools` parameter).
  if (ctx.getNodeParameter('hideTools', itemIndex, '') === 'hide') return { tools: [] };
  const tools = await connectedTools(ctx, itemIndex);
  if (tools.length === 0) return { tools };
  const { convertToOpenAITool } = await import('@langchain/core/utils/function_calling');
  const functions = tools.map((tool) => convertToOpenAITool(tool).function as unknown as JsonObject);
  return {
    tools,
    chatTools: functions.map((fn) => ({ type: 'function', function: fn })),
    responseTools: functions.map((fn) => ({ type: 'function', ...fn, strict: false })),
  };
}

/** The named tool's answer as text; a tool nobody connected answers nothing, as in n8n. */
export async function callTool(tools: StructuredToolInterface[], name: string, rawArgs: string, signal: AbortSignal): Promise<string | undefined> {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return undefined;
  let args: unknown = rawArgs;
  try {
    const parsed = JSON.parse(rawArgs) as { input?: unknown };
    args = parsed?.input ?? parsed;
  } catch {
    // Arguments that are not JSON go to the tool as they came.
  }
  const result: unknown = await tool.invoke(args as never, { signal });
  return typeof result === 'string' ? result : JSON.stringify(result);
}
