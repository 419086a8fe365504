// Information Extractor (@n8n/n8n-nodes-langchain.informationExtractor v1–1.2): the attributes asked
// for (or a JSON example/schema) pulled out of a text as `{ output }`, a bad answer fixed once by the model.
import { z } from 'zod';
import { NodeOperationError, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { batchingOption } from '../ai-shared/chain-descriptions.ts';
import { parseJsonParameter, schemaFromExample, zodFromJsonSchema } from '../ai-shared/chain-json-schema.ts';
import { structuredPerItem } from '../ai-shared/chain-structured-node.ts';

export const EXTRACTOR_SYSTEM_PROMPT =
  'You are an expert at extracting information. Take only the information that is relevant from the text. ' +
  "When you do not know the value of an attribute you are asked to extract, you may leave that attribute's value out.";

interface Attribute { name: string; type: 'string' | 'number' | 'boolean' | 'date'; description: string; required?: boolean }

const properties: NodeProperty[] = [
  { displayName: 'Text', name: 'text', type: 'string', default: '', description: 'The text to extract information from', typeOptions: { rows: 2 } },
  {
    displayName: 'Schema Type', name: 'schemaType', type: 'options', noDataExpression: true, default: 'fromAttributes', description: 'How to specify the schema for the desired output',
    options: [
      { name: 'From Attribute Descriptions', value: 'fromAttributes', description: 'Extract specific attributes from the text based on types and descriptions' },
      { name: 'Generate From JSON Example', value: 'fromJson', description: 'Generate a schema from an example JSON object' },
      { name: 'Define using JSON Schema', value: 'manual', description: 'Define the JSON schema manually' },
    ],
  },
  { displayName: 'JSON Example', name: 'jsonSchemaExample', type: 'json', noDataExpression: true, typeOptions: { rows: 10 }, default: '{\n\t"state": "California",\n\t"cities": ["Los Angeles", "San Francisco", "San Diego"]\n}', description: 'Example JSON object to use to generate the schema', displayOptions: { show: { schemaType: ['fromJson'] } } },
  { displayName: "All properties will be required. To make them optional, use the 'JSON Schema' schema type instead", name: 'notice', type: 'notice', default: '', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }], schemaType: ['fromJson'] } } },
  { displayName: 'Input Schema', name: 'inputSchema', type: 'json', typeOptions: { rows: 10 }, default: '{\n\t"type": "object",\n\t"properties": {\n\t\t"state": {\n\t\t\t"type": "string"\n\t\t},\n\t\t"cities": {\n\t\t\t"type": "array",\n\t\t\t"items": {\n\t\t\t\t"type": "string"\n\t\t\t}\n\t\t}\n\t}\n}', description: 'Schema to use for the function', displayOptions: { show: { schemaType: ['manual'] } } },
  {
    displayName: 'Attributes', name: 'attributes', placeholder: 'Add Attribute', type: 'fixedCollection', default: {}, typeOptions: { multipleValues: true }, displayOptions: { show: { schemaType: ['fromAttributes'] } },
    options: [{
      name: 'attributes', displayName: 'Attribute List',
      values: [
        { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Attribute to extract', placeholder: 'e.g. company_name', required: true },
        { displayName: 'Type', name: 'type', type: 'options', description: 'Data type of the attribute', required: true, default: 'string', options: [{ name: 'Boolean', value: 'boolean' }, { name: 'Date', value: 'date' }, { name: 'Number', value: 'number' }, { name: 'String', value: 'string' }] },
        { displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Describe your attribute', placeholder: 'Add description for the attribute', required: true },
        { displayName: 'Required', name: 'required', type: 'boolean', default: false, description: 'Whether attribute is required', required: true },
      ],
    }],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'System Prompt Template', name: 'systemPromptTemplate', type: 'string', default: EXTRACTOR_SYSTEM_PROMPT, description: 'String to use directly as the system prompt template', typeOptions: { rows: 6 } },
      batchingOption({ show: { '@version': [{ _cnd: { gte: 1.1 } }] } }),
    ],
  },
];

const attributeType = (attribute: Attribute): z.ZodType => {
  const base = attribute.type === 'number' ? z.number() : attribute.type === 'boolean' ? z.boolean() : attribute.type === 'date' ? z.iso.date() : z.string();
  const described = base.describe(attribute.description);
  return attribute.required ? described : described.optional();
};

export const informationExtractorNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.informationExtractor',
    displayName: 'Information Extractor',
    icon: 'fa:project-diagram',
    group: ['transform'],
    version: [1, 1.1, 1.2],
    description: 'Extract information from text in a structured format',
    defaults: { name: 'Information Extractor' },
    inputs: ['main'],
    outputs: ['main'],
    subNodeInputs: [{ type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 }],
    properties,
  },
  async execute(ctx) {
    const schemaType = ctx.getNodeParameter('schemaType', 0, 'fromAttributes') as string;
    let schema: z.ZodType;
    if (schemaType === 'fromAttributes') {
      const attributes = (ctx.getNodeParameter('attributes.attributes', 0, []) ?? []) as Attribute[];
      if (attributes.length === 0) throw new NodeOperationError(ctx.node.name, 'At least one attribute must be specified');
      schema = z.object(Object.fromEntries(attributes.map((a) => [a.name, attributeType(a)])));
    } else {
      const jsonSchema = schemaType === 'fromJson'
        ? schemaFromExample(parseJsonParameter(ctx.getNodeParameter('jsonSchemaExample', 0, ''), 'JSON example'), ctx.node.typeVersion >= 1.2)
        : parseJsonParameter(ctx.getNodeParameter('inputSchema', 0, ''), 'JSON schema');
      schema = zodFromJsonSchema(jsonSchema as Record<string, unknown>);
    }
    const outcomes = await structuredPerItem(ctx, {
      schema,
      systemPrompt: String(ctx.getNodeParameter('options.systemPromptTemplate', 0, EXTRACTOR_SYSTEM_PROMPT)),
      text: (i) => {
        const text = ctx.getNodeParameter('text', i, undefined);
        if (text === undefined || text === null) throw new NodeOperationError(ctx.node.name, 'Text for item is undefined', { itemIndex: i });
        return String(text);
      },
      autoFix: true,
    });
    const out: Item[] = outcomes.map((o, i) => ({ json: o.ok ? { output: o.value as Record<string, unknown> } : { error: o.error }, pairedItem: { item: i } }));
    return [out];
  },
};
