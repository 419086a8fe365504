// Facebook Graph API's parameters (n8n-nodes-base.facebookGraphApi v1): n8n's names, types, defaults,
// version list and display rules; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const VERSIONS = ['v22.0', 'v21.0', 'v20.0', 'v19.0', 'v18.0', 'v17.0', 'v16.0', 'v15.0', 'v14.0', 'v13.0', 'v12.0', 'v11.0', 'v10.0',
  'v9.0', 'v8.0', 'v7.0', 'v6.0', 'v5.0', 'v4.0', 'v3.3', 'v3.2', 'v3.1', 'v3.0'];

export const facebookGraphApiProperties: NodeProperty[] = [
  {
    displayName: 'Host URL', name: 'hostUrl', type: 'options', required: true, default: 'graph.facebook.com',
    options: [{ name: 'Default', value: 'graph.facebook.com' }, { name: 'Video Uploads', value: 'graph-video.facebook.com' }],
    description: 'The host to call: graph.facebook.com for everything except video uploads, which go to graph-video.facebook.com',
  },
  {
    displayName: 'HTTP Request Method', name: 'httpRequestMethod', type: 'options', required: true, default: 'GET',
    options: [{ name: 'GET', value: 'GET' }, { name: 'POST', value: 'POST' }, { name: 'DELETE', value: 'DELETE' }],
    description: 'The HTTP method of the request',
  },
  {
    displayName: 'Graph API Version', name: 'graphApiVersion', type: 'options', required: true, default: '',
    options: [{ name: 'Default', value: '' }, ...VERSIONS.map((v) => ({ name: v, value: v }))],
    description: "The Graph API version in the path; Default leaves it out so the app's version applies",
  },
  {
    displayName: 'Node', name: 'node', type: 'string', required: true, default: '', placeholder: 'me',
    description: 'The object to act on, by ID (a user, page, post, …)',
  },
  {
    displayName: 'Edge', name: 'edge', type: 'string', default: '', placeholder: 'videos',
    description: "A collection attached to the node, such as a page's posts",
  },
  {
    displayName: 'Ignore SSL Issues (Insecure)', name: 'allowUnauthorizedCerts', type: 'boolean', default: false,
    description: 'Whether to connect even when the TLS certificate cannot be validated',
  },
  {
    displayName: 'Send Binary File', name: 'sendBinaryData', type: 'boolean', required: true, default: false,
    displayOptions: { show: { httpRequestMethod: ['POST', 'PUT'] } },
    description: 'Whether a binary file of the item is sent as a multipart form body',
  },
  {
    displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: '', placeholder: 'file:data',
    displayOptions: { hide: { sendBinaryData: [false] }, show: { httpRequestMethod: ['POST', 'PUT'] } },
    description: 'The binary field holding the file; write <code>formKey:binaryField</code> to choose the form key (default "file")',
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {},
    options: [
      {
        displayName: 'Fields', name: 'fields', placeholder: 'Add Field', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {},
        displayOptions: { show: { '/httpRequestMethod': ['GET'] } },
        description: 'The fields a GET request asks for',
        options: [{ name: 'field', displayName: 'Field', values: [{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The name of the field' }] }],
      },
      {
        displayName: 'Query Parameters', name: 'queryParameters', placeholder: 'Add Parameter', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {},
        description: 'Query parameters to send',
        options: [{
          name: 'parameter', displayName: 'Parameter', values: [
            { displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The name of the parameter' },
            { displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value of the parameter' },
          ],
        }],
      },
      {
        displayName: 'Query Parameters JSON', name: 'queryParametersJson', type: 'json', default: '{}', placeholder: '{"field_name": "field_value"}',
        description: 'Query parameters to send, as a JSON object',
      },
    ],
  },
];
