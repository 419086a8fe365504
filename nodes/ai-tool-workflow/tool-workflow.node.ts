// Call n8n Workflow Tool (@n8n/n8n-nodes-langchain.toolWorkflow v1–1.3, v2–2.2): the agent calls
// another workflow; it gets the model's input (v1, with extra fields) or workflow inputs mapped
// with $fromAI() (v2), and its last node's output is the tool's answer.
import { DynamicStructuredTool, DynamicTool } from '@langchain/core/tools';
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType, SupplyDataContext } from '../../engine/index.ts';
import { fromAISchema } from '../ai-shared/from-ai-schema.ts';
import { recordToolCall, toolNameOf } from '../ai-shared/tool-call.ts';
import { toolInputSchema } from '../ai-shared/tool-schema.ts';
import { v1Properties, v2Properties } from './tool-workflow.description.ts';
import { answerText, subWorkflowSource, v1Item, v2Item } from './workflow-tool-run.ts';

const V1 = [1, 1.1, 1.2, 1.3];
const V2 = [2, 2.1, 2.2];

/** What the sub-workflow's output answers: v1 <1.3 one field of the first item, v1.3 and v2 the first item, v2.1+ every item. */
function responseOf(ctx: ExecuteContext, itemIndex: number, output: Item[]): unknown {
  const version = ctx.node.typeVersion;
  if (version > 2) {
    if (output.length === 0) throw new Error('There was an error: "The workflow did not return a response"');
    return output.map((item) => item.json);
  }
  const first = output[0]?.json;
  if (version < 1.3) {
    const field = String(ctx.getNodeParameter('responsePropertyName', itemIndex, 'response'));
    if (first?.[field] === undefined) throw new Error(`There was an error: "The workflow did not return an item with the property '${field}'"`);
    return first[field];
  }
  if (first === undefined) throw new Error('There was an error: "The workflow did not return a response"');
  return first;
}

function forVersions(properties: NodeProperty[], versions: number[]): NodeProperty[] {
  return properties.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { '@version': versions, ...p.displayOptions?.show } } }));
}

export const toolWorkflowNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolWorkflow',
    displayName: 'Call n8n Workflow Tool',
    group: ['transform'],
    version: [...V1, ...V2],
    description: 'Uses another n8n workflow as a tool. Allows packaging any n8n node(s) as a tool.',
    icon: 'fa:network-wired',
    defaults: { name: 'Call n8n Workflow Tool' },
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    // v1 and v2 share names with different rules: each property shows only for its generation
    // (those with a version rule of their own keep it; it stays within the generation).
    properties: [...forVersions(v1Properties, V1), ...forVersions(v2Properties, V2)],
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const version = ctx.node.typeVersion;
    const name = version >= 2.2 ? toolNameOf(ctx.node.name) : String(ctx.getNodeParameter('name', itemIndex, ''));
    const description = String(ctx.getNodeParameter('description', itemIndex, ''));
    const v2 = version >= 2;
    const func = async (query: unknown): Promise<string> => {
      const input: JsonObject = typeof query === 'object' && query !== null ? (query as JsonObject) : { query };
      try {
        return await recordToolCall(ctx, input, async () => {
          const toolCtx = v2 ? ctx.withToolArguments(typeof query === 'object' && query !== null ? (query as JsonObject) : {}) : ctx;
          const item = v2 ? v2Item(toolCtx, itemIndex, query) : v1Item(ctx, itemIndex, query);
          const output = await ctx.executeSubWorkflow(subWorkflowSource(toolCtx, itemIndex), [item], { wait: true });
          return answerText(responseOf(ctx, itemIndex, output));
        });
      } catch (error) {
        const message = (error as Error).message;
        // n8n answers the model with the error instead of failing the agent.
        return message.startsWith('There was an error') ? message : `There was an error: "${message}"`;
      }
    };
    if (v2) {
      const schema = fromAISchema(ctx.node.parameters, ctx.node.name);
      const structured = Object.keys(schema.shape).length > 0;
      return { response: structured ? new DynamicStructuredTool({ name, description, schema, func }) : new DynamicTool({ name, description, func }) };
    }
    if (ctx.getNodeParameter('specifyInputSchema', itemIndex, false)) {
      return { response: new DynamicStructuredTool({ name, description, schema: toolInputSchema(ctx, itemIndex, Infinity), func }) };
    }
    return { response: new DynamicTool({ name, description, func }) };
  },
};
