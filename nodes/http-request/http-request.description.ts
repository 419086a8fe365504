// The HTTP Request node's parameters, as n8n's HTTP Request v3–4.3 (HttpRequestV3) declares them.
import { getCredentialType, type CredentialType } from '../../domain/index.ts';
import type { NodeCredentialDescription, NodeDescription, NodeProperty } from '../../engine/index.ts';
import { option, optionsCollection } from '../shared/properties.ts';
import { httpBasicAuth, httpBearerAuth, httpCustomAuth, httpHeaderAuth, httpQueryAuth } from './http-request.credentials.ts';

const keypairs = (name: string, displayName: string, show: Record<string, unknown[]>, extra: NodeProperty[] = []): NodeProperty => ({
  displayName,
  name,
  type: 'fixedCollection',
  default: { parameters: [{ name: '', value: '' }] },
  typeOptions: { multipleValues: true },
  displayOptions: { show },
  options: [{ name: 'parameters', displayName: 'Parameter', values: [
    ...extra,
    { displayName: 'Name', name: 'name', type: 'string', default: '' },
    { displayName: 'Value', name: 'value', type: 'string', default: '' },
  ] }],
});

const specify = (name: string, show: Record<string, unknown[]>, values: [string, string][], def: string): NodeProperty => ({
  displayName: 'Specify Body', name, type: 'options', default: def, displayOptions: { show }, options: values.map(([n, v]) => option(n, v)),
});

/** The credential types build-request.ts knows how to apply. */
// Named from the types themselves, not the vault's registry: descriptions must not depend on load order.
const HTTP_CREDENTIALS: CredentialType[] = [httpBasicAuth, httpHeaderAuth, httpQueryAuth, httpBearerAuth, httpCustomAuth, getCredentialType('oAuth1Api')!, getCredentialType('oAuth2Api')!];
export const HTTP_CREDENTIAL_TYPES = HTTP_CREDENTIALS.map((t) => t.name);

const credentialTypeOptions = HTTP_CREDENTIALS.map((t) => option(t.displayName, t.name));

/**
 * n8n's editor shows the one credential the node's Authentication names (genericAuthType, or
 * nodeCredentialType for a predefined type); as declared credentials, that is one entry per type and
 * mode, each shown only for its choice. Required, as n8n's credential issues treat the chosen one.
 */
const httpCredentials: NodeCredentialDescription[] = [
  ...HTTP_CREDENTIAL_TYPES.map((name) => ({ name, required: true, displayOptions: { show: { authentication: ['genericCredentialType'], genericAuthType: [name] } } })),
  ...HTTP_CREDENTIAL_TYPES.map((name) => ({ name, required: true, displayOptions: { show: { authentication: ['predefinedCredentialType'], nodeCredentialType: [name] } } })),
  { name: 'httpSslAuth', required: true, displayOptions: { show: { provideSslCertificates: [true] } } },
];

export const httpRequestDescription: NodeDescription = {
  name: 'n8n-nodes-base.httpRequest',
  displayName: 'HTTP Request',
  group: ['output'],
  version: [3, 4, 4.1, 4.2, 4.3],
  description: 'Makes an HTTP request and returns the response data',
  icon: 'node:http-request',
  defaults: { name: 'HTTP Request', color: '#0004F5' },
  inputs: ['main'],
  outputs: ['main'],
  credentials: httpCredentials,
  properties: [
    {
      displayName: 'Method', name: 'method', type: 'options', default: 'GET',
      options: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].map((m) => option(m, m)),
    },
    { displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'http://example.com/index.html' },
    {
      displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none',
      options: [option('None', 'none'), option('Predefined Credential Type', 'predefinedCredentialType'), option('Generic Credential Type', 'genericCredentialType')],
    },
    {
      displayName: 'Credential Type', name: 'nodeCredentialType', type: 'options', default: '', required: true, noDataExpression: true,
      displayOptions: { show: { authentication: ['predefinedCredentialType'] } },
      // Any type that can sign a request (n8n's credentialsSelect), listed by the node's method.
      options: credentialTypeOptions, typeOptions: { loadOptionsMethod: 'getPredefinedCredentialTypes' },
    },
    {
      displayName: 'Generic Auth Type', name: 'genericAuthType', type: 'options', default: '', required: true,
      displayOptions: { show: { authentication: ['genericCredentialType'] } },
      options: credentialTypeOptions,
    },
    { displayName: 'SSL Certificates', name: 'provideSslCertificates', type: 'boolean', default: false },
    { displayName: "Provide certificates in node's 'Credential for SSL Certificates' parameter", name: 'provideSslCertificatesNotice', type: 'notice', default: '',
      displayOptions: { show: { provideSslCertificates: [true] } } },
    { displayName: 'Send Query Parameters', name: 'sendQuery', type: 'boolean', default: false },
    { displayName: 'Specify Query Parameters', name: 'specifyQuery', type: 'options', default: 'keypair', displayOptions: { show: { sendQuery: [true] } },
      options: [option('Using Fields Below', 'keypair'), option('Using JSON', 'json')] },
    keypairs('queryParameters', 'Query Parameters', { sendQuery: [true], specifyQuery: ['keypair'] }),
    { displayName: 'JSON', name: 'jsonQuery', type: 'json', default: '', displayOptions: { show: { sendQuery: [true], specifyQuery: ['json'] } } },
    { displayName: 'Send Headers', name: 'sendHeaders', type: 'boolean', default: false },
    { displayName: 'Specify Headers', name: 'specifyHeaders', type: 'options', default: 'keypair', displayOptions: { show: { sendHeaders: [true] } },
      options: [option('Using Fields Below', 'keypair'), option('Using JSON', 'json')] },
    keypairs('headerParameters', 'Header Parameters', { sendHeaders: [true], specifyHeaders: ['keypair'] }),
    { displayName: 'JSON', name: 'jsonHeaders', type: 'json', default: '', displayOptions: { show: { sendHeaders: [true], specifyHeaders: ['json'] } } },
    { displayName: 'Send Body', name: 'sendBody', type: 'boolean', default: false },
    {
      displayName: 'Body Content Type', name: 'contentType', type: 'options', default: 'json', displayOptions: { show: { sendBody: [true] } },
      options: [
        option('Form Urlencoded', 'form-urlencoded'), option('Form-Data', 'multipart-form-data'), option('JSON', 'json'),
        option('n8n Binary File', 'binaryData'), option('Raw', 'raw'),
      ],
    },
    specify('specifyBody', { sendBody: [true], contentType: ['json'] }, [['Using Fields Below', 'keypair'], ['Using JSON', 'json']], 'keypair'),
    specify('specifyBody', { sendBody: [true], contentType: ['form-urlencoded'] }, [['Using Fields Below', 'keypair'], ['Using Single Field', 'string']], 'keypair'),
    keypairs('bodyParameters', 'Body Parameters', { sendBody: [true], contentType: ['json', 'form-urlencoded'], specifyBody: ['keypair'] }),
    keypairs('bodyParameters', 'Body Parameters', { sendBody: [true], contentType: ['multipart-form-data'] }, [
      { displayName: 'Parameter Type', name: 'parameterType', type: 'options', default: 'formData',
        options: [option('n8n Binary File', 'formBinaryData'), option('Form Data', 'formData')] },
      { displayName: 'Input Data Field Name', name: 'inputDataFieldName', type: 'string', default: '', displayOptions: { show: { parameterType: ['formBinaryData'] } } },
    ]),
    { displayName: 'JSON', name: 'jsonBody', type: 'json', default: '', displayOptions: { show: { sendBody: [true], contentType: ['json'], specifyBody: ['json'] } } },
    { displayName: 'Body', name: 'body', type: 'string', default: '', displayOptions: { show: { sendBody: [true], specifyBody: ['string'] } } },
    { displayName: 'Input Data Field Name', name: 'inputDataFieldName', type: 'string', default: '', displayOptions: { show: { sendBody: [true], contentType: ['binaryData'] } } },
    { displayName: 'Content Type', name: 'rawContentType', type: 'string', default: '', displayOptions: { show: { sendBody: [true], contentType: ['raw'] } } },
    { displayName: 'Body', name: 'body', type: 'string', default: '', displayOptions: { show: { sendBody: [true], contentType: ['raw'] } } },
    optionsCollection([
      { displayName: 'Batching', name: 'batching', type: 'fixedCollection', default: { batch: {} }, options: [{ name: 'batch', displayName: 'Batching', values: [
        { displayName: 'Items per Batch', name: 'batchSize', type: 'number', default: 50, typeOptions: { minValue: -1 } },
        { displayName: 'Batch Interval (ms)', name: 'batchInterval', type: 'number', default: 1000, typeOptions: { minValue: 0 } },
      ] }] },
      { displayName: 'Ignore SSL Issues (Insecure)', name: 'allowUnauthorizedCerts', type: 'boolean', default: false },
      { displayName: 'Array Format in Query Parameters', name: 'queryParameterArrays', type: 'options', default: 'brackets',
        options: [option('No Brackets', 'repeat'), option('Brackets Only', 'brackets'), option('Brackets with Indices', 'indices')] },
      { displayName: 'Lowercase Headers', name: 'lowercaseHeaders', type: 'boolean', default: true },
      { displayName: 'Redirects', name: 'redirect', type: 'fixedCollection', default: { redirect: {} }, options: [{ name: 'redirect', displayName: 'Redirect', values: [
        { displayName: 'Follow Redirects', name: 'followRedirects', type: 'boolean', default: true },
        { displayName: 'Max Redirects', name: 'maxRedirects', type: 'number', default: 21, displayOptions: { show: { followRedirects: [true] } } },
      ] }] },
      { displayName: 'Response', name: 'response', type: 'fixedCollection', default: { response: {} }, options: [{ name: 'response', displayName: 'Response', values: [
        { displayName: 'Include Response Headers and Status', name: 'fullResponse', type: 'boolean', default: false },
        { displayName: 'Never Error', name: 'neverError', type: 'boolean', default: false },
        { displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'autodetect',
          options: [option('Autodetect', 'autodetect'), option('File', 'file'), option('JSON', 'json'), option('Text', 'text')] },
        { displayName: 'Put Output in Field', name: 'outputPropertyName', type: 'string', default: 'data', displayOptions: { show: { responseFormat: ['file', 'text'] } } },
      ] }] },
      { displayName: 'Pagination', name: 'pagination', type: 'fixedCollection', default: { pagination: {} }, options: [{ name: 'pagination', displayName: 'Pagination', values: [
        { displayName: 'Pagination Mode', name: 'paginationMode', type: 'options', default: 'updateAParameterInEachRequest',
          options: [option('Off', 'off'), option('Update a Parameter in Each Request', 'updateAParameterInEachRequest'), option('Response Contains Next URL', 'responseContainsNextURL')] },
        { displayName: 'Next URL', name: 'nextURL', type: 'string', default: '', displayOptions: { show: { paginationMode: ['responseContainsNextURL'] } } },
        { displayName: 'Parameters', name: 'parameters', type: 'fixedCollection', default: { parameters: [{ type: 'qs', name: '', value: '' }] },
          typeOptions: { multipleValues: true }, displayOptions: { show: { paginationMode: ['updateAParameterInEachRequest'] } },
          options: [{ name: 'parameters', displayName: 'Parameter', values: [
            { displayName: 'Type', name: 'type', type: 'options', default: 'qs', options: [option('Body', 'body'), option('Header', 'headers'), option('Query', 'qs')] },
            { displayName: 'Name', name: 'name', type: 'string', default: '' },
            { displayName: 'Value', name: 'value', type: 'string', default: '' },
          ] }] },
        { displayName: 'Pagination Complete When', name: 'paginationCompleteWhen', type: 'options', default: 'responseIsEmpty',
          options: [option('Response Is Empty', 'responseIsEmpty'), option('Receive Specific Status Codes', 'receiveSpecificStatusCodes'), option('Other', 'other')] },
        { displayName: 'Status Code(s) when Complete', name: 'statusCodesWhenComplete', type: 'string', default: '', displayOptions: { show: { paginationCompleteWhen: ['receiveSpecificStatusCodes'] } } },
        { displayName: 'Complete Expression', name: 'completeExpression', type: 'string', default: '', displayOptions: { show: { paginationCompleteWhen: ['other'] } } },
        { displayName: 'Limit Pages Fetched', name: 'limitPagesFetched', type: 'boolean', default: false },
        { displayName: 'Max Pages', name: 'maxRequests', type: 'number', default: 100, displayOptions: { show: { limitPagesFetched: [true] } } },
        { displayName: 'Interval Between Requests (ms)', name: 'requestInterval', type: 'number', default: 0 },
      ] }] },
      { displayName: 'Proxy', name: 'proxy', type: 'string', default: '', placeholder: 'e.g. http://myproxy:3128' },
      { displayName: 'Timeout', name: 'timeout', type: 'number', default: 10000, typeOptions: { minValue: 1 }, description: 'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request' },
    ]),
  ],
};
