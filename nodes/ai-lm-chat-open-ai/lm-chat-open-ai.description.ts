// The parameters of n8n's OpenAI Chat Model (lmChatOpenAi 1–1.4), names, defaults and display rules
// as n8n has them: the model is a dropdown before 1.2 and a resource locator from 1.2; from 1.3 the
// Responses API is on by default and brings its own options.
import type { NodeProperty } from '../../domain/index.ts';

const v = (cnd: Record<string, number>) => [{ _cnd: cnd }];
const responsesOnly = { show: { '@version': v({ gte: 1.3 }), '/responsesApiEnabled': [true] } };

const jsonNotice = (path: string): NodeProperty => ({
  displayName: 'With a JSON response format, the prompt of the chain or agent must contain the word "json"; use models released after November 2023.',
  name: 'notice', type: 'notice', default: '', displayOptions: { show: { [path]: ['json_object'] } },
});

const completionsResponseFormat: NodeProperty = {
  displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'text',
  options: [
    { name: 'Text', value: 'text', description: 'Plain text' },
    { name: 'JSON', value: 'json_object', description: 'JSON mode: the answer is valid JSON' },
  ],
};

const number = (displayName: string, name: string, value: number, typeOptions?: Record<string, unknown>, description?: string): NodeProperty =>
  ({ displayName, name, type: 'number', default: value, ...(typeOptions ? { typeOptions } : {}), ...(description ? { description } : {}) });

const level = [{ name: 'Low', value: 'low' }, { name: 'Medium', value: 'medium' }, { name: 'High', value: 'high' }];

const webSearch: NodeProperty = {
  displayName: 'Web Search', name: 'webSearch', type: 'collection', default: { searchContextSize: 'medium' },
  options: [
    { displayName: 'Search Context Size', name: 'searchContextSize', type: 'options', default: 'medium', options: level },
    { displayName: 'Web Search Allowed Domains', name: 'allowedDomains', type: 'string', default: '', placeholder: 'e.g. google.com, wikipedia.org' },
    { displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. US, GB' },
    { displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'e.g. New York, London' },
    { displayName: 'Region', name: 'region', type: 'string', default: '', placeholder: 'e.g. New York, London' },
  ],
};

const fileSearch: NodeProperty = {
  displayName: 'File Search', name: 'fileSearch', type: 'collection', default: { vectorStoreIds: '[]' },
  options: [
    { displayName: 'Vector Store IDs', name: 'vectorStoreIds', type: 'json', default: '[]', required: true },
    { displayName: 'Filters', name: 'filters', type: 'json', default: '{}' },
    number('Max Results', 'maxResults', 1, { minValue: 1, maxValue: 50 }),
  ],
};

const textFormat: NodeProperty = {
  displayName: 'Response Format', name: 'textFormat', type: 'fixedCollection', default: { textOptions: [{ type: 'text' }] },
  displayOptions: responsesOnly,
  options: [{
    displayName: 'Text', name: 'textOptions', values: [
      { displayName: 'Type', name: 'type', type: 'options', default: '', options: [{ name: 'Text', value: 'text' }, { name: 'JSON Schema (recommended)', value: 'json_schema' }, { name: 'JSON Object', value: 'json_object' }] },
      { displayName: 'Verbosity', name: 'verbosity', type: 'options', default: 'medium', options: level },
      { displayName: 'Name', name: 'name', type: 'string', default: 'my_schema', displayOptions: { show: { type: ['json_schema'] } } },
      { displayName: 'In strict mode every property of the schema must be required.', name: 'requiredNotice', type: 'notice', default: '', displayOptions: { show: { strict: [true] } } },
      { displayName: 'Schema', name: 'schema', type: 'json', default: '{\n  "type": "object",\n  "properties": {\n    "message": {\n      "type": "string"\n    }\n  },\n  "additionalProperties": false,\n  "required": ["message"]\n}', displayOptions: { show: { type: ['json_schema'] } } },
      { displayName: 'Description', name: 'description', type: 'string', default: '', displayOptions: { show: { type: ['json_schema'] } } },
      { displayName: 'Strict', name: 'strict', type: 'boolean', default: false, displayOptions: { show: { type: ['json_schema'] } } },
    ],
  }],
};

const options: NodeProperty = {
  displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', description: 'Additional options to add',
  options: [
    { displayName: 'Base URL', name: 'baseURL', type: 'string', default: 'https://api.openai.com/v1', description: 'Another address for the API', displayOptions: { hide: { '@version': v({ gte: 1.1 }) } } },
    number('Frequency Penalty', 'frequencyPenalty', 0, { maxValue: 2, minValue: -2, numberPrecision: 1 }),
    number('Maximum Number of Tokens', 'maxTokens', -1, { maxValue: 32768 }, 'The most tokens the answer may have; -1 leaves it to the model'),
    { ...completionsResponseFormat, displayOptions: { show: { '@version': v({ lt: 1.3 }) } } },
    { ...completionsResponseFormat, displayOptions: { show: { '@version': v({ gte: 1.3 }), '/responsesApiEnabled': [false] } } },
    textFormat,
    number('Presence Penalty', 'presencePenalty', 0, { maxValue: 2, minValue: -2, numberPrecision: 1 }),
    number('Sampling Temperature', 'temperature', 0.7, { maxValue: 2, minValue: 0, numberPrecision: 1 }),
    {
      displayName: 'Reasoning Effort', name: 'reasoningEffort', type: 'options', default: 'medium',
      options: [{ name: 'Low', value: 'low' }, { name: 'Medium', value: 'medium' }, { name: 'High', value: 'high' }],
      displayOptions: { show: { '/model': [{ _cnd: { regex: '(^o1([-\\d]+)?$)|(^o[3-9].*)|(^gpt-5.*)' } }] } },
    },
    number('Timeout', 'timeout', 60000, undefined, 'How long one request may take, in milliseconds'),
    number('Max Retries', 'maxRetries', 2),
    number('Top P', 'topP', 1, { maxValue: 1, minValue: 0, numberPrecision: 1 }),
    { displayName: 'Conversation ID', name: 'conversationId', type: 'string', default: '', displayOptions: responsesOnly },
    { displayName: 'Prompt Cache Key', name: 'promptCacheKey', type: 'string', default: '', displayOptions: responsesOnly },
    { displayName: 'Safety Identifier', name: 'safetyIdentifier', type: 'string', default: '', displayOptions: responsesOnly },
    {
      displayName: 'Service Tier', name: 'serviceTier', type: 'options', default: 'auto', displayOptions: responsesOnly,
      options: [{ name: 'Auto', value: 'auto' }, { name: 'Flex', value: 'flex' }, { name: 'Default', value: 'default' }, { name: 'Priority', value: 'priority' }],
    },
    { displayName: 'Metadata', name: 'metadata', type: 'json', default: '{}', displayOptions: responsesOnly },
    { ...number('Top Logprobs', 'topLogprobs', 0, { minValue: 0, maxValue: 20 }), displayOptions: responsesOnly },
    {
      displayName: 'Prompt', name: 'promptConfig', type: 'fixedCollection', default: { promptOptions: [{ promptId: '' }] }, displayOptions: responsesOnly,
      options: [{
        displayName: 'Prompt', name: 'promptOptions', values: [
          { displayName: 'Prompt ID', name: 'promptId', type: 'string', default: '' },
          { displayName: 'Version', name: 'version', type: 'string', default: '' },
          { displayName: 'Variables', name: 'variables', type: 'json', default: '{}' },
        ],
      }],
    },
  ],
};

export const lmChatOpenAiProperties: NodeProperty[] = [
  jsonNotice('/options.responseFormat'),
  jsonNotice('/options.textFormat.textOptions.type'),
  {
    displayName: 'Model', name: 'model', type: 'options', default: 'gpt-5-mini', description: 'The model that writes the answer',
    typeOptions: { loadOptionsMethod: 'chatModels' },
    displayOptions: { hide: { '@version': v({ gte: 1.2 }) } },
  },
  {
    displayName: 'Model', name: 'model', type: 'resourceLocator', default: { mode: 'list', value: 'gpt-5-mini' }, required: true,
    description: 'The model: pick it from the list or give its ID',
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select a model...', typeOptions: { searchListMethod: 'searchModels', searchable: true } },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'gpt-5-mini' },
    ],
    displayOptions: { hide: { '@version': v({ lte: 1.1 }) } },
  },
  {
    displayName: 'With a Base URL of another provider, not every model may chat or support tools and JSON answers',
    name: 'notice', type: 'notice', default: '', displayOptions: { show: { '/options.baseURL': [{ _cnd: { exists: true } }] } },
  },
  { displayName: 'Use Responses API', name: 'responsesApiEnabled', type: 'boolean', default: true, description: 'Whether to answer through the Responses API', displayOptions: { show: { '@version': v({ gte: 1.3 }) } } },
  {
    displayName: 'Built-in Tools', name: 'builtInTools', type: 'collection', default: {}, placeholder: 'Add Built-in Tool', displayOptions: responsesOnly,
    options: [webSearch, fileSearch, { displayName: 'Code Interpreter', name: 'codeInterpreter', type: 'boolean', default: true }],
  },
  options,
];
