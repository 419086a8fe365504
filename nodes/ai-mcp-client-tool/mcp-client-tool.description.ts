// The MCP Client Tool's parameters and credentials as n8n declares them.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const mcpCredentials: NodeCredentialDescription[] = [
  { name: 'httpBearerAuth', required: true, displayOptions: { show: { authentication: ['bearerAuth'] } } },
  { name: 'httpHeaderAuth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
];

export const mcpProperties: NodeProperty[] = [
  { displayName: 'SSE Endpoint', name: 'sseEndpoint', type: 'string', description: 'SSE Endpoint of your MCP server', placeholder: 'e.g. https://my-mcp-server.ai/sse', default: '', required: true, displayOptions: { show: { '@version': [1] } } },
  { displayName: 'Endpoint', name: 'endpointUrl', type: 'string', description: 'Endpoint of your MCP server', placeholder: 'e.g. https://my-mcp-server.ai/mcp', default: '', required: true, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
  {
    displayName: 'Server Transport', name: 'serverTransport', type: 'options', default: 'sse', description: 'The transport used by your endpoint', displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
    options: [{ name: 'Server Sent Events (Deprecated)', value: 'sse' }, { name: 'HTTP Streamable', value: 'httpStreamable' }],
  },
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', description: 'The way to authenticate with your endpoint',
    options: [{ name: 'Bearer Auth', value: 'bearerAuth' }, { name: 'Header Auth', value: 'headerAuth' }, { name: 'None', value: 'none' }],
  },
  {
    displayName: 'Tools to Include', name: 'include', type: 'options', default: 'all', description: 'How to select the tools you want to be exposed to the AI Agent',
    options: [
      { name: 'All', value: 'all', description: 'Also include all unchanged fields from the input' },
      { name: 'Selected', value: 'selected', description: 'Also include the tools listed in the parameter "Tools to Include"' },
      { name: 'All Except', value: 'except', description: 'Exclude the tools listed in the parameter "Tools to Exclude"' },
    ],
  },
  { displayName: 'Tools to Include', name: 'includeTools', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getTools', loadOptionsDependsOn: ['sseEndpoint'] }, displayOptions: { show: { include: ['selected'] } } },
  { displayName: 'Tools to Exclude', name: 'excludeTools', type: 'multiOptions', default: [], typeOptions: { loadOptionsMethod: 'getTools' }, displayOptions: { show: { include: ['except'] } } },
  {
    displayName: 'Options', name: 'options', placeholder: 'Add Option', description: 'Additional options to add', type: 'collection', default: {},
    options: [{ displayName: 'Timeout', name: 'timeout', type: 'number', typeOptions: { minValue: 1 }, default: 60000, description: 'Time in ms to wait for tool calls to finish' }],
  },
];
