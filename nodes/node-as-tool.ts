// n8n's `…Tool` node variants (gmailTool, googleSheetsTool, httpRequestTool, …): a regular node wired
// into an AI Agent's tools. The variant is made from the node itself, as n8n's loader does for nodes
// usable as tools: no inputs, one ai_tool output, a tool description, and a tool whose arguments are
// the node's `$fromAI()` placeholders. Calling the tool runs the node's own execute once.
import { DynamicStructuredTool } from '@langchain/core/tools';
import type { JsonObject, NodeDescription, NodeProperty, NodeType, SupplyDataContext } from '../engine/index.ts';
import { fromAISchema } from './ai-shared/from-ai-schema.ts';
import type { NodeDescriptionData } from './catalog.ts';

const TOOL_SUFFIX = 'Tool';

/** The type a `…Tool` name is made from, or undefined for a name that is not one. */
export function toolVariantBase(name: string): string | undefined {
  return name.endsWith(TOOL_SUFFIX) && name.length > TOOL_SUFFIX.length ? name.slice(0, -TOOL_SUFFIX.length) : undefined;
}

/** Regular nodes with a main input and output can be tools; triggers and AI nodes cannot. */
function usableAsTool(description: Pick<NodeDescription, 'inputs' | 'outputs' | 'triggerKind' | 'name'>): boolean {
  return description.triggerKind === undefined && description.inputs.includes('main') && description.outputs.includes('main') && !description.name.startsWith('@n8n/n8n-nodes-langchain.');
}

/** The description of a node's tool variant (n8n's convertNodeToAiTool), or undefined when it cannot be one. */
export function toolVariantDescription<D extends NodeDescriptionData | NodeDescription>(base: D): D | undefined {
  if (!usableAsTool(base)) return undefined;
  const properties = [...base.properties];
  const byResource = properties.some((p) => p.name === 'resource' || p.name === 'operation');
  if (!properties.some((p) => p.name === 'toolDescription')) {
    const descriptionProperty: NodeProperty = {
      displayName: 'Description', name: 'toolDescription', type: 'string', default: base.description, required: true, typeOptions: { rows: 2 },
      description: 'Explain to the model what this tool does; a specific description makes the model call it well',
      ...(byResource ? { displayOptions: { show: { descriptionType: ['manual'] } } } : {}),
    };
    const lastNotice = properties.map((p) => p.type).lastIndexOf('notice');
    properties.splice(lastNotice + 1, 0, descriptionProperty);
    if (byResource) {
      properties.splice(lastNotice + 1, 0, {
        displayName: 'Tool Description', name: 'descriptionType', type: 'options', noDataExpression: true, default: 'auto',
        options: [
          { name: 'Set Automatically', value: 'auto', description: 'Automatically set based on resource and operation' },
          { name: 'Set Manually', value: 'manual', description: 'Manually set the description' },
        ],
      } as NodeProperty);
    }
  }
  return { ...base, name: `${base.name}${TOOL_SUFFIX}`, displayName: `${base.displayName} Tool`, inputs: [], outputs: ['ai_tool'], outputNames: ['Tool'], properties };
}

/** A node type's tool variant; undefined when the type cannot be a tool. */
export function nodeAsTool(base: NodeType): NodeType | undefined {
  const description = toolVariantDescription(base.description);
  const execute = base.execute;
  if (!description || !execute) return undefined;
  return {
    description,
    ...(base.methods ? { methods: base.methods } : {}),
    async supplyData(ctx: SupplyDataContext) {
      const tool = new DynamicStructuredTool({
        name: toolName(ctx.node.name),
        description: toolDescription(ctx, base.description.description),
        schema: fromAISchema(ctx.node.parameters, ctx.node.name),
        func: async (args: JsonObject) => {
          const call = ctx.startCall('ai_tool', args);
          try {
            const output = await execute(ctx.withToolArguments(args));
            const items = (output ?? []).flatMap((list) => list ?? []).map((item) => item.json);
            await call.end({ response: items });
            return JSON.stringify(items);
          } catch (error) {
            await call.fail(error);
            // The model reads the failure and may try again differently, as in n8n.
            return `There was an error: "${error instanceof Error ? error.message : String(error)}"`;
          }
        },
      });
      return { response: tool };
    },
  };
}

/** n8n's tool names: the node's name with anything but letters, digits, _ and - made an underscore. */
function toolName(nodeName: string): string {
  return nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');
}

/** n8n's getToolDescriptionForNode: the written description, or one made from resource and operation. */
function toolDescription(ctx: SupplyDataContext, typeDescription: string): string {
  const parameters = ctx.node.parameters ?? {};
  if (parameters.descriptionType === 'auto' || (parameters.descriptionType === undefined && parameters.toolDescription === undefined && (parameters.resource || parameters.operation))) {
    const parts = [typeDescription];
    if (typeof parameters.resource === 'string') parts.push(`Resource: ${parameters.resource}`);
    if (typeof parameters.operation === 'string') parts.push(`Operation: ${parameters.operation}`);
    return parts.join('\n ').trim();
  }
  const written = parameters.toolDescription;
  return typeof written === 'string' && written.trim() !== '' ? written : typeDescription;
}
