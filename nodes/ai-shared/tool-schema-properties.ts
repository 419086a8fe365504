// n8n's schema parameters for tool nodes (utils/descriptions.ts): schema type, JSON example, JSON Schema.
import type { NodeProperty } from '../../engine/index.ts';

type Show = Record<string, unknown[]>;

export const schemaTypeProperty = (show: Show): NodeProperty => ({
  displayName: 'Schema Type', name: 'schemaType', type: 'options', noDataExpression: true, default: 'fromJson', description: 'How to specify the schema for the function',
  options: [
    { name: 'Generate From JSON Example', value: 'fromJson', description: 'Generate a schema from an example JSON object' },
    { name: 'Define using JSON Schema', value: 'manual', description: 'Define the JSON schema manually' },
  ],
  displayOptions: { show },
});

export const jsonSchemaExampleProperty = (show: Show): NodeProperty => ({
  displayName: 'JSON Example', name: 'jsonSchemaExample', type: 'json', default: '{\n\t"some_input": "some_value"\n}', noDataExpression: true,
  typeOptions: { rows: 10 }, description: 'Example JSON object to use to generate the schema', displayOptions: { show: { ...show, schemaType: ['fromJson'] } },
});

export const jsonSchemaExampleNotice = (show: Show): NodeProperty => ({
  displayName: "All properties will be required. To make them optional, use the 'JSON Schema' schema type instead", name: 'notice', type: 'notice', default: '',
  displayOptions: { show: { ...show, schemaType: ['fromJson'] } },
});

export const inputSchemaProperty = (show: Show): NodeProperty => ({
  displayName: 'Input Schema', name: 'inputSchema', type: 'json',
  default: '{\n"type": "object",\n"properties": {\n\t"some_input": {\n\t\t"type": "string",\n\t\t"description": "Some input to the function"\n\t\t}\n\t}\n}',
  noDataExpression: false, typeOptions: { rows: 10 }, description: 'Schema to use for the function', displayOptions: { show: { ...show, schemaType: ['manual'] } },
});
