// The HTTP Request Tool's parameters as n8n declares them (Authentication reuses HTTP Request's
// credential choices, which Weft can sign with).
import type { NodeProperty } from '../../engine/index.ts';
import { httpRequestDescription } from '../http-request/http-request.description.ts';

const specifyBy = (name: string, displayName: string, show: Record<string, unknown[]>): NodeProperty => ({
  displayName, name, type: 'options', default: 'keypair', displayOptions: { show },
  options: [{ name: 'Using Fields Below', value: 'keypair' }, { name: 'Using JSON Below', value: 'json' }, { name: 'Let Model Specify Entire Body', value: 'model' }],
});
const parameters = (name: string, displayName: string, show: Record<string, unknown[]>): NodeProperty => ({
  displayName, name, type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Parameter', default: { values: [{ name: '' }] }, displayOptions: { show },
  options: [{
    name: 'values', displayName: 'Values',
    values: [
      { displayName: 'Name', name: 'name', type: 'string', default: '' },
      { displayName: 'Value Provided', name: 'valueProvider', type: 'options', default: 'modelRequired', options: [{ name: 'By Model (and is required)', value: 'modelRequired' }, { name: 'By Model (but is optional)', value: 'modelOptional' }, { name: 'Using Field Below', value: 'fieldValue' }] },
      { displayName: 'Value', name: 'value', type: 'string', default: '', displayOptions: { show: { valueProvider: ['fieldValue'] } } },
    ],
  }],
});
const json = (name: string, show: Record<string, unknown[]>): NodeProperty => ({ displayName: 'JSON', name, type: 'string', typeOptions: { rows: 5 }, default: '', displayOptions: { show } });

/** One of send query / headers / body: the switch, how it is specified, fields, JSON. */
function section(part: 'Query' | 'Headers' | 'Body', switchName: string, label: string, description: string, fieldsLabel: string): NodeProperty[] {
  return [
    { displayName: label, name: switchName, type: 'boolean', default: false, noDataExpression: true, description },
    specifyBy(`specify${part}`, `Specify ${part === 'Query' ? 'Query Parameters' : part}`, { [switchName]: [true] }),
    parameters(`parameters${part}`, fieldsLabel, { [switchName]: [true], [`specify${part}`]: ['keypair'] }),
    json(`json${part}`, { [switchName]: [true], [`specify${part}`]: ['json'] }),
  ];
}

const fromHttpRequest = (name: string) => httpRequestDescription.properties.find((p) => p.name === name)!;

export const httpToolCredentials = httpRequestDescription.credentials?.filter((c) => c.name !== 'httpSslAuth') ?? [];

export const httpToolProperties: NodeProperty[] = [
  { displayName: 'Description', name: 'toolDescription', type: 'string', default: '', placeholder: 'e.g. Get the current weather in the requested city', typeOptions: { rows: 3 }, description: 'Explain to LLM what this tool does, better description would allow LLM to produce expected result' },
  { displayName: 'Method', name: 'method', type: 'options', default: 'GET', options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((m) => ({ name: m, value: m })) },
  { displayName: 'Tip: You can use a {placeholder} for any part of the request to be filled by the model. Provide more context about them in the placeholders section', name: 'placeholderNotice', type: 'notice', default: '' },
  { displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'e.g. http://www.example.com/{path}' },
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', noDataExpression: true,
    description: 'Select the type of authentication to use if needed, authentication would be done by n8n and your credentials will not be shared with the LLM',
    options: [
      { name: 'None', value: 'none' },
      { name: 'Predefined Credential Type', value: 'predefinedCredentialType', description: "We've already implemented auth for many services so that you don't have to set it up manually" },
      { name: 'Generic Credential Type', value: 'genericCredentialType', description: 'Fully customizable. Choose between basic, header, OAuth2, etc.' },
    ],
  },
  fromHttpRequest('nodeCredentialType'),
  fromHttpRequest('genericAuthType'),
  ...section('Query', 'sendQuery', 'Send Query Parameters', 'Whether the request has query params or not', 'Query Parameters'),
  ...section('Headers', 'sendHeaders', 'Send Headers', 'Whether the request has headers or not', 'Header Parameters'),
  ...section('Body', 'sendBody', 'Send Body', 'Whether the request has body or not', 'Body Parameters'),
  {
    displayName: 'Placeholder Definitions', name: 'placeholderDefinitions', type: 'fixedCollection', typeOptions: { multipleValues: true }, placeholder: 'Add Definition', default: [],
    options: [{
      name: 'values', displayName: 'Values',
      values: [
        { displayName: 'Placeholder Name', name: 'name', type: 'string', default: '' },
        { displayName: 'Description', name: 'description', type: 'string', default: '' },
        { displayName: 'Type', name: 'type', type: 'options', default: 'not specified', options: [{ name: 'Not Specified (Default)', value: 'not specified' }, { name: 'String', value: 'string' }, { name: 'Number', value: 'number' }, { name: 'Boolean', value: 'boolean' }, { name: 'JSON', value: 'json' }] },
      ],
    }],
  },
  { displayName: 'Optimize Response', name: 'optimizeResponse', type: 'boolean', default: false, noDataExpression: true, description: 'Whether the optimize the tool response to reduce amount of data passed to the LLM that could lead to better result and reduce cost' },
  { displayName: 'Expected Response Type', name: 'responseType', type: 'options', default: 'json', displayOptions: { show: { optimizeResponse: [true] } }, options: [{ name: 'JSON', value: 'json' }, { name: 'HTML', value: 'html' }, { name: 'Text', value: 'text' }] },
  { displayName: 'Field Containing Data', name: 'dataField', type: 'string', default: '', placeholder: 'e.g. records', description: 'Specify the name of the field in the response containing the data', displayOptions: { show: { optimizeResponse: [true], responseType: ['json'] } } },
  {
    displayName: 'Include Fields', name: 'fieldsToInclude', type: 'options', default: 'all', description: 'What fields response object should include', displayOptions: { show: { optimizeResponse: [true], responseType: ['json'] } },
    options: [{ name: 'All', value: 'all', description: 'Include all fields' }, { name: 'Selected', value: 'selected', description: 'Include only fields specified below' }, { name: 'Except', value: 'except', description: 'Exclude fields specified below' }],
  },
  { displayName: 'Fields', name: 'fields', type: 'string', default: '', placeholder: 'e.g. field1,field2', description: 'Comma-separated list of the field names. Supports dot notation. You can drag the selected fields from the input panel.', displayOptions: { show: { optimizeResponse: [true], responseType: ['json'] }, hide: { fieldsToInclude: ['all'] } } },
  { displayName: 'Selector (CSS)', name: 'cssSelector', type: 'string', default: 'body', placeholder: 'e.g. body', description: 'Select specific element(e.g. body) or multiple elements(e.g. div) of chosen type in the response HTML.', displayOptions: { show: { optimizeResponse: [true], responseType: ['html'] } } },
  { displayName: 'Return Only Content', name: 'onlyContent', type: 'boolean', default: false, description: 'Whether to return only content of html elements, stripping html tags and attributes', displayOptions: { show: { optimizeResponse: [true], responseType: ['html'] } } },
  { displayName: 'Elements To Omit', name: 'elementsToOmit', type: 'string', default: '', placeholder: 'e.g. img, .className, #ItemId', description: 'Comma-separated list of selectors that would be excluded when extracting content', displayOptions: { show: { optimizeResponse: [true], responseType: ['html'], onlyContent: [true] } } },
  { displayName: 'Truncate Response', name: 'truncateResponse', type: 'boolean', default: false, displayOptions: { show: { optimizeResponse: [true], responseType: ['text', 'html'] } } },
  { displayName: 'Max Response Characters', name: 'maxLength', type: 'number', default: 1000, typeOptions: { minValue: 1 }, displayOptions: { show: { optimizeResponse: [true], responseType: ['text', 'html'], truncateResponse: [true] } } },
];
