// Input schemas of tool nodes (n8n's Specify Input Schema): a JSON Schema from a JSON example, or
// written by hand. LangChain's DynamicStructuredTool takes JSON Schema as is and validates with it.
import { NodeOperationError, type SupplyDataContext } from '../../engine/index.ts';

export type JsonSchema = Record<string, unknown>;

/** The schema an example value implies (n8n's generateSchemaFromExample); all properties required from v1.3 on. */
export function jsonSchemaFromExample(example: unknown, allRequired: boolean): JsonSchema {
  if (Array.isArray(example)) return { type: 'array', items: example.length ? jsonSchemaFromExample(example[0], allRequired) : {} };
  if (example === null) return { type: 'null' };
  if (typeof example === 'object') {
    const properties = Object.fromEntries(Object.entries(example).map(([key, value]) => [key, jsonSchemaFromExample(value, allRequired)]));
    return { type: 'object', properties, ...(allRequired ? { required: Object.keys(properties) } : {}) };
  }
  return { type: typeof example === 'number' ? 'number' : typeof example === 'boolean' ? 'boolean' : 'string' };
}

/** The schema a tool node's `schemaType` / `jsonSchemaExample` / `inputSchema` parameters describe. */
export function toolInputSchema(ctx: SupplyDataContext, itemIndex: number, allRequiredFrom: number): JsonSchema {
  const schemaType = ctx.getNodeParameter('schemaType', itemIndex, 'fromJson') as string;
  try {
    if (schemaType === 'fromJson') {
      const example = ctx.getNodeParameter('jsonSchemaExample', itemIndex, '');
      const value = typeof example === 'string' ? JSON.parse(example) : example;
      return jsonSchemaFromExample(value, ctx.node.typeVersion >= allRequiredFrom);
    }
    const manual = ctx.getNodeParameter('inputSchema', itemIndex, '');
    return (typeof manual === 'string' ? JSON.parse(manual) : manual) as JsonSchema;
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, `Error during parsing of JSON Schema. \n ${(error as Error).message}`, { itemIndex });
  }
}
