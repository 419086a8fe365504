// The MCP Server Trigger's parameters, as n8n names them (n8n's OAuth2 "n8n User Auth" is left out:
// it needs n8n's own user accounts).
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

export const mcpTriggerCredentials: NodeCredentialDescription[] = [
  { name: 'httpBearerAuth', required: true, displayOptions: { show: { authentication: ['bearerAuth'] } } },
  { name: 'httpHeaderAuth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
];

export const mcpTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', description: 'The way to authenticate',
    options: [{ name: 'None', value: 'none' }, { name: 'Bearer Auth', value: 'bearerAuth' }, { name: 'Header Auth', value: 'headerAuth' }],
  },
  { displayName: 'Path', name: 'path', type: 'string', default: '', placeholder: 'webhook', required: true, description: 'The base path for this MCP server' },
  {
    displayName: 'Instructions', name: 'instructions', type: 'string', typeOptions: { rows: 4 }, default: '',
    description: "Sent to MCP clients when they connect; clients that support server instructions usually add them to the model's system prompt",
  },
];
