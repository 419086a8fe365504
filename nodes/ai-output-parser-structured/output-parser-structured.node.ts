// Structured Output Parser (@n8n/n8n-nodes-langchain.outputParserStructured v1–1.3): answers must be
// JSON fitting a schema given as an example or as JSON Schema; from 1.3 it can ask a model to fix a
// bad answer (autoFix).
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { NodeOperationError, type NodeProperty, type NodeType, type SupplyDataContext } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/chain-descriptions.ts';
import { parseJsonParameter, schemaFromExample, zodFromJsonSchema } from '../ai-shared/chain-json-schema.ts';
import { FIX_PROMPT, OutputFixingParser, StructuredOutputParser, wrappedSchema } from '../ai-shared/chain-output-parsers.ts';

const SCHEMA_DEFAULT = `{
\t"type": "object",
\t"properties": {
\t\t"state": {
\t\t\t"type": "string"
\t\t},
\t\t"cities": {
\t\t\t"type": "array",
\t\t\t"items": {
\t\t\t\t"type": "string"
\t\t\t}
\t\t}
\t}
}`;

const properties: NodeProperty[] = [
  connectionHintNotice(['AI Chain', 'AI Agent']),
  {
    displayName: 'Schema Type', name: 'schemaType', type: 'options', noDataExpression: true, default: 'fromJson', description: 'How to specify the schema for the function',
    options: [
      { name: 'Generate From JSON Example', value: 'fromJson', description: 'Generate a schema from an example JSON object' },
      { name: 'Define using JSON Schema', value: 'manual', description: 'Define the JSON schema manually' },
    ],
    displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } },
  },
  {
    displayName: 'JSON Example', name: 'jsonSchemaExample', type: 'json', noDataExpression: true, typeOptions: { rows: 10 },
    default: '{\n\t"state": "California",\n\t"cities": ["Los Angeles", "San Francisco", "San Diego"]\n}',
    description: 'Example JSON object to use to generate the schema', displayOptions: { show: { schemaType: ['fromJson'] } },
  },
  { displayName: "All properties will be required. To make them optional, use the 'JSON Schema' schema type instead", name: 'notice', type: 'notice', default: '', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }], schemaType: ['fromJson'] } } },
  { displayName: 'Input Schema', name: 'inputSchema', type: 'json', default: SCHEMA_DEFAULT, typeOptions: { rows: 10 }, description: 'JSON Schema to structure and validate the output against', displayOptions: { show: { schemaType: ['manual'] } } },
  { displayName: 'JSON Schema', name: 'jsonSchema', type: 'json', required: true, typeOptions: { rows: 10 }, default: SCHEMA_DEFAULT.replace(/\t/g, '  '), description: 'JSON Schema to structure and validate the output against', displayOptions: { show: { '@version': [{ _cnd: { lte: 1.1 } }] } } },
  { displayName: 'Auto-Fix Format', name: 'autoFix', type: 'boolean', default: false, description: 'Whether to automatically fix the output when it is not in the correct format. Will cause another LLM call.', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } } },
  { displayName: 'Customize Retry Prompt', name: 'customizeRetryPrompt', type: 'boolean', default: false, description: 'Whether to customize the prompt used for retrying the output parsing. If disabled, a default prompt will be used.', displayOptions: { show: { autoFix: [true] } } },
  { displayName: 'Custom Prompt', name: 'prompt', type: 'string', default: FIX_PROMPT, typeOptions: { rows: 10 }, hint: 'Should include "{error}", "{instructions}", and "{completion}" placeholders', description: 'Prompt template used for fixing the output. Uses placeholders: "{instructions}" for parsing rules, "{completion}" for the failed attempt, and "{error}" for the validation error message.', displayOptions: { show: { autoFix: [true], customizeRetryPrompt: [true] } } } as NodeProperty,
];

export const outputParserStructuredNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.outputParserStructured',
    displayName: 'Structured Output Parser',
    icon: 'fa:code',
    group: ['transform'],
    version: [1, 1.1, 1.2, 1.3],
    description: 'Return data in a defined JSON format',
    defaults: { name: 'Structured Output Parser' },
    inputs: [],
    outputs: ['ai_outputParser'],
    outputNames: ['Output Parser'],
    subNodeInputs: [{ type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1, displayOptions: { show: { autoFix: [true] } } }],
    properties,
  },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const version = ctx.node.typeVersion;
    const schemaType = version >= 1.2 ? (ctx.getNodeParameter('schemaType', itemIndex, 'fromJson') as string) : 'manual';
    let itemSchema;
    try {
      const jsonSchema = schemaType === 'fromJson'
        ? schemaFromExample(parseJsonParameter(ctx.getNodeParameter('jsonSchemaExample', itemIndex, ''), 'JSON example'), version >= 1.3)
        : parseJsonParameter(ctx.getNodeParameter(version <= 1.1 ? 'jsonSchema' : 'inputSchema', itemIndex, ''), 'JSON schema');
      itemSchema = zodFromJsonSchema(jsonSchema as Record<string, unknown>);
    } catch (error) {
      throw new NodeOperationError(ctx.node.name, 'Error during parsing of JSON Schema.', { description: (error as Error).message, itemIndex });
    }
    const parser = new StructuredOutputParser(ctx, wrappedSchema(itemSchema, version));
    if (!(version >= 1.3 && ctx.getNodeParameter('autoFix', itemIndex, false))) return { response: parser };
    const model = (await ctx.getInputConnectionData('ai_languageModel', itemIndex)) as BaseChatModel;
    const prompt = ctx.getNodeParameter('customizeRetryPrompt', itemIndex, false) ? String(ctx.getNodeParameter('prompt', itemIndex, FIX_PROMPT)) : FIX_PROMPT;
    return { response: new OutputFixingParser(ctx, model, parser, prompt) };
  },
};
