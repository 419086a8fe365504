// HTTP Request Tool (@n8n/n8n-nodes-langchain.toolHttpRequest v1, v1.1): a request the agent can
// make, with `{placeholders}` and model-provided fields filled from the model's arguments (v1: a
// JSON text; v1.1: a structured tool), the node's credential applied, and the response optimized.
import { DynamicStructuredTool, DynamicTool } from '@langchain/core/tools';
import { NodeOperationError, type JsonObject, type NodeType, type SupplyDataContext } from '../../engine/index.ts';
import { recordToolCall } from '../ai-shared/tool-call.ts';
import { predefinedCredentialTypes } from '../http-request/authenticate.ts';
import { checkDefinitionsUsed, describeParameters, placeholdersIn, readPart, toolSchema, type PlaceholderDefinition, type RequestTemplate, type ToolParameter } from './http-tool-parameters.ts';
import { buildToolRequest, optimizeResponse, sendToolRequest } from './http-tool-request.ts';
import { httpToolCredentials, httpToolProperties } from './tool-http-request.description.ts';

export const toolHttpRequestNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.toolHttpRequest',
    displayName: 'HTTP Request Tool',
    group: ['output'],
    version: [1, 1.1],
    description: 'Makes an HTTP request and returns the response data',
    icon: 'node:http-request',
    defaults: { name: 'HTTP Request' },
    credentials: httpToolCredentials,
    inputs: [],
    outputs: ['ai_tool'],
    outputNames: ['Tool'],
    properties: httpToolProperties,
  },
  methods: { loadOptions: { getPredefinedCredentialTypes: predefinedCredentialTypes } },
  async supplyData(ctx: SupplyDataContext, itemIndex: number) {
    const node = ctx.node.name;
    const name = node.replace(/ /g, '_');
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      throw new NodeOperationError(node, 'The name of this tool is not a valid alphanumeric string', { itemIndex, description: "Only alphanumeric characters and underscores are allowed in the tool's name, and the name cannot start with a number" });
    }
    const template: RequestTemplate = {
      method: String(ctx.getNodeParameter('method', itemIndex, 'GET')),
      url: String(ctx.getNodeParameter('url', itemIndex, '')),
      fields: { qs: {}, headers: {}, body: {} },
      raw: { qs: '', headers: '', body: '' },
      byModel: new Set(),
    };
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(template.url)?.[1] ?? '';
    if (ctx.getNodeParameter('authentication', itemIndex, 'none') !== 'none' && /[{}]/.test(host)) {
      throw new NodeOperationError(node, "Can't use a placeholder for the domain when using authentication", { itemIndex, description: 'This is for security reasons, to prevent the model accidentally sending your credentials to an unauthorized domain' });
    }
    const definitions = ((ctx.getNodeParameter('placeholderDefinitions', itemIndex, {}) as { values?: PlaceholderDefinition[] }).values ?? [])
      .map((d) => ({ ...d, name: d.name.startsWith('{') && d.name.endsWith('}') ? d.name.slice(1, -1) : d.name }));
    const parameters: ToolParameter[] = placeholdersIn(definitions, template.url, 'path');
    if (ctx.getNodeParameter('sendQuery', itemIndex, false)) readPart(ctx, itemIndex, 'qs', definitions, template, parameters);
    if (ctx.getNodeParameter('sendHeaders', itemIndex, false)) readPart(ctx, itemIndex, 'headers', definitions, template, parameters);
    if (ctx.getNodeParameter('sendBody', itemIndex, false)) readPart(ctx, itemIndex, 'body', definitions, template, parameters);
    checkDefinitionsUsed(node, definitions, parameters, itemIndex);

    const toolDescription = String(ctx.getNodeParameter('toolDescription', itemIndex, ''));
    const func = async (query: unknown): Promise<string> => {
      try {
        return await recordToolCall(ctx, { query }, async () => {
          const args = (typeof query === 'string' ? (query.trim() ? JSON.parse(query) : {}) : (query ?? {})) as JsonObject;
          const response = await sendToolRequest(ctx, itemIndex, buildToolRequest(template, parameters, args));
          return optimizeResponse(ctx, itemIndex, response);
        });
      } catch (error) {
        // n8n answers the model with the error, so it can correct its arguments.
        return `There was an error: "${(error as Error).message}"`;
      }
    };
    if (ctx.node.typeVersion >= 1.1) {
      return { response: new DynamicStructuredTool({ name, description: toolDescription, schema: toolSchema(parameters), func }) };
    }
    return { response: new DynamicTool({ name, description: describeParameters(toolDescription, parameters), func }) };
  },
};
