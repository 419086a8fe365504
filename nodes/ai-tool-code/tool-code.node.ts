// Code Tool (@n8n/n8n-nodes-langchain.toolCode v1–1.3): JavaScript the agent can call, run in Weft's
// sandbox with the tool's input as `query` (a string, or the arguments when an input schema is set).
import { DynamicStructuredTool, DynamicTool } from '@langchain/core/tools';
import { NodeOperationError, type NodeType, type SupplyDataContext } from '../../engine/index.ts';
import { recordToolCall, toolNameOf } from '../ai-shared/tool-call.ts';
import { toolInputSchema } from '../ai-shared/tool-schema.ts';
import { codeToolProperties } from './tool-code.description.ts';

async function runTool(ctx: SupplyDataContext, itemIndex: number, code: string, query: unknown): Promise<string> {
  // On the code's first line, so error line numbers stay the user's.
  const source = `const query = ${JSON.stringify(query ?? null)}; ${code}`;
  const result = await ctx.runCode(source, { mode: 'runOnceForAllItems', itemIndex });
  if (typeof result === 'number') return result.toString();
  if (typeof result !== 'string') throw new Error(`Wrong output type returned: the response property should be a string, but it is an ${typeof result}`);
  return result;
}

export const toolCodeNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolCode',
    displayName: 'Code Tool',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Write a tool in JS or Python',
    icon: 'fa:code',
    defaults: { name: 'Code Tool' },
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    properties: codeToolProperties,
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const version = ctx.node.typeVersion;
    const name = version <= 1.1 ? String(ctx.getNodeParameter('name', itemIndex, '')) : toolNameOf(ctx.node.name);
    const description = String(ctx.getNodeParameter('description', itemIndex, ''));
    if (ctx.getNodeParameter('language', itemIndex, 'javaScript') !== 'javaScript') {
      throw new NodeOperationError(ctx.node.name, 'Python is not available in Weft yet', { description: 'Set Language to JavaScript', itemIndex });
    }
    const code = String(ctx.getNodeParameter('jsCode', itemIndex, ''));
    // n8n answers the model with the error's text instead of failing the agent; the use records the failure.
    const func = async (query: unknown): Promise<string> => {
      try {
        return await recordToolCall(ctx, { query }, () => runTool(ctx, itemIndex, code, query));
      } catch (error) {
        return `There was an error: "${(error as Error).message}"`;
      }
    };
    if (ctx.getNodeParameter('specifyInputSchema', itemIndex, false)) {
      return { response: new DynamicStructuredTool({ name, description, schema: toolInputSchema(ctx, itemIndex, 1.3), func }) };
    }
    return { response: new DynamicTool({ name, description, func }) };
  },
};
