// Parameters of n8n's GraphQL node (v1, 1.1): names, options and defaults as n8n's. v1.1 sends JSON
// (`{query, variables, operationName}`) by default; v1 sent the raw query.
import type { NodeCredentialDescription, NodeProperty } from '../../engine/index.ts';

/** The node's authentication choices and the generic credential type each one takes. */
export const AUTH_CREDENTIAL_TYPES: Record<string, string> = {
  basicAuth: 'httpBasicAuth',
  headerAuth: 'httpHeaderAuth',
  queryAuth: 'httpQueryAuth',
  oAuth2: 'oAuth2Api',
};

export const graphqlCredentials: NodeCredentialDescription[] = Object.entries(AUTH_CREDENTIAL_TYPES).map(([mode, name]) => ({
  name, required: true, displayOptions: { show: { authentication: [mode] } },
}));

const requestFormat = (version: number, fallback: string): NodeProperty => ({
  displayName: 'Request Format', name: 'requestFormat', type: 'options', required: true, default: fallback, description: 'The format for the query payload',
  options: [
    { name: 'JSON (Recommended)', value: 'json', description: 'JSON object with query, variables, and operationName properties' },
    { name: 'GraphQL (Raw)', value: 'graphql', description: 'The query as the body, sent as application/graphql' },
  ],
  displayOptions: { show: { requestMethod: ['POST'], '@version': [version] } },
});

const shownForJson = { show: { requestFormat: ['json'], requestMethod: ['POST'] } };

export const graphqlProperties: NodeProperty[] = [
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', description: 'The way to authenticate',
    options: [
      { name: 'Basic Auth', value: 'basicAuth' },
      { name: 'Header Auth', value: 'headerAuth' },
      { name: 'OAuth2', value: 'oAuth2' },
      { name: 'Query Auth', value: 'queryAuth' },
      { name: 'None', value: 'none' },
    ],
  },
  { displayName: 'HTTP Request Method', name: 'requestMethod', type: 'options', default: 'POST', description: 'The underlying HTTP request method to use',
    options: [{ name: 'GET', value: 'GET' }, { name: 'POST', value: 'POST' }] },
  { displayName: 'Endpoint', name: 'endpoint', type: 'string', default: '', required: true, placeholder: 'http://example.com/graphql', description: 'The GraphQL endpoint' },
  { displayName: 'Ignore SSL Issues', name: 'allowUnauthorizedCerts', type: 'boolean', default: false,
    description: 'Whether to download the response even if SSL certificate validation is not possible' },
  requestFormat(1, 'graphql'),
  requestFormat(1.1, 'json'),
  { displayName: 'Query', name: 'query', type: 'string', default: '', required: true, description: 'GraphQL query', typeOptions: { rows: 6 } },
  { displayName: 'Variables', name: 'variables', type: 'json', default: '', description: 'Query variables as JSON object', displayOptions: shownForJson },
  { displayName: 'Operation Name', name: 'operationName', type: 'string', default: '', description: 'Name of operation to execute', displayOptions: shownForJson },
  { displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'json', description: 'The format in which the data gets returned from the URL',
    options: [{ name: 'JSON', value: 'json' }, { name: 'String', value: 'string' }] },
  { displayName: 'Response Data Property Name', name: 'dataPropertyName', type: 'string', default: 'data', required: true,
    displayOptions: { show: { responseFormat: ['string'] } }, description: 'Name of the property to which to write the response data' },
  {
    displayName: 'Headers', name: 'headerParametersUi', placeholder: 'Add Header', type: 'fixedCollection', typeOptions: { multipleValues: true },
    description: 'The headers to send', default: {},
    options: [{
      name: 'parameter', displayName: 'Header',
      values: [
        { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the header' },
        { displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value to set for the header' },
      ],
    }],
  },
];
