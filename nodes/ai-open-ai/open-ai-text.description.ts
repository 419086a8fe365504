// The text resource's parameters: Message a Model (Chat Completions, v1 and v2), Create a Model
// Response (Responses API, v2) and Classify Text for Violations (moderations), as n8n declares them.
import type { NodeProperty } from '../../engine/index.ts';
import { forOperation, MAX_TOOLS_ITERATIONS, METADATA, modelLocator, PROMPT, ROLE, SIMPLIFY, toolsNotice, V1, V2 } from './open-ai-shared.description.ts';

const num = (displayName: string, name: string, value: number, description: string, typeOptions?: Record<string, unknown>): NodeProperty =>
  ({ displayName, name, type: 'number', default: value, description, ...(typeOptions ? { typeOptions } : {}) });
const effort = (name: string): NodeProperty => ({
  displayName: 'Effort', name, type: 'options', default: 'medium',
  options: [{ name: 'Low', value: 'low' }, { name: 'Medium', value: 'medium' }, { name: 'High', value: 'high' }],
});
const MAX_TOKENS = num('Maximum Number of Tokens', 'maxTokens', 16, 'The maximum number of tokens to generate in the completion', { maxValue: 32768 });
const TOP_P = num('Output Randomness (Top P)', 'topP', 1, 'An alternative to sampling with temperature, controls diversity via nucleus sampling', { maxValue: 1, minValue: 0, numberPrecision: 1 });

const messageOptions = (v1: boolean): NodeProperty => ({
  displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
  options: [
    num('Frequency Penalty', 'frequency_penalty', 0, 'Positive values penalize new tokens based on their existing frequency in the text so far', { maxValue: 2, minValue: -2, numberPrecision: 1 }),
    MAX_TOKENS,
    num('Number of Completions', 'n', 1, 'How many completions to generate for each prompt'),
    num('Presence Penalty', 'presence_penalty', 0, 'Positive values penalize new tokens based on whether they appear in the text so far', { maxValue: 2, minValue: -2, numberPrecision: 1 }),
    num('Output Randomness (Temperature)', 'temperature', 1, 'Controls randomness: lowering results in less random completions', { maxValue: 1, minValue: 0, numberPrecision: 1 }),
    TOP_P,
    { ...effort('reasoning_effort'), displayName: 'Reasoning Effort', description: 'Controls the amount of reasoning tokens to use', displayOptions: { show: { '/modelId': [{ _cnd: { regex: '(^o1([-\\d]+)?$)|(^o[3-9].*)|(^gpt-5.*)' } }] } } },
    v1 ? { ...MAX_TOOLS_ITERATIONS, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.5 } }] } } } : MAX_TOOLS_ITERATIONS,
  ],
});

const message = (v1: boolean): NodeProperty[] => [
  modelLocator('modelSearch', v1 ? 'gpt-4o-mini' : ''),
  {
    displayName: 'Messages', name: 'messages', type: 'fixedCollection', default: { values: [{ content: '' }] }, placeholder: 'Add Message',
    typeOptions: { sortable: true, multipleValues: true }, options: [{ displayName: 'Values', name: 'values', values: [PROMPT, ROLE] }],
  },
  SIMPLIFY,
  {
    displayName: 'Output Content as JSON', name: 'jsonOutput', type: 'boolean', default: false,
    description: 'Whether to attempt to return the response in JSON format. Compatible with GPT-4 Turbo and all GPT-3.5 Turbo models newer than gpt-3.5-turbo-1106.',
  },
  ...toolsNotice(v1 ? [1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8] : undefined),
  messageOptions(v1),
];

const responseMessageRow: NodeProperty[] = [
  { displayName: 'Type', name: 'type', type: 'options', default: 'text', options: [{ name: 'Text', value: 'text' }, { name: 'Image', value: 'image' }, { name: 'File', value: 'file' }] },
  ROLE,
  { ...PROMPT, displayOptions: { show: { type: ['text'] } } },
  { displayName: 'Image Type', name: 'imageType', type: 'options', default: 'url', options: [{ name: 'Image URL', value: 'url' }, { name: 'File ID', value: 'fileId' }, { name: 'Base64', value: 'base64' }], displayOptions: { show: { type: ['image'] } } },
  { displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '', displayOptions: { show: { type: ['image'], imageType: ['url'] } } },
  { displayName: 'Image Data', name: 'binaryPropertyName', type: 'string', default: 'data', displayOptions: { show: { type: ['image'], imageType: ['base64'] } } },
  { displayName: 'File ID', name: 'fileId', type: 'string', default: '', displayOptions: { show: { type: ['image', 'file'] } } },
  { displayName: 'Detail', name: 'imageDetail', type: 'options', default: 'auto', options: [{ name: 'Auto', value: 'auto' }, { name: 'Low', value: 'low' }, { name: 'High', value: 'high' }], displayOptions: { show: { type: ['image'] } } },
  { displayName: 'FileType', name: 'fileType', type: 'options', default: 'url', options: [{ name: 'File URL', value: 'url' }, { name: 'File ID', value: 'fileId' }, { name: 'Base64', value: 'base64' }], displayOptions: { show: { type: ['file'] } } },
  { displayName: 'File URL', name: 'fileUrl', type: 'string', default: '', displayOptions: { show: { type: ['file'], fileType: ['url'] } } },
  { displayName: 'File Data', name: 'fileData', type: 'string', default: '', displayOptions: { show: { type: ['file'], fileType: ['base64'] } } },
  { displayName: 'File Name', name: 'fileName', type: 'string', default: '', displayOptions: { show: { type: ['file'] } } },
];

const response: NodeProperty[] = [
  modelLocator('modelSearch', ''),
  {
    displayName: 'Messages', name: 'responses', type: 'fixedCollection', default: { values: [{ type: 'text' }] }, placeholder: 'Add Message',
    typeOptions: { sortable: true, multipleValues: true }, options: [{ displayName: 'Values', name: 'values', values: responseMessageRow }],
  },
  SIMPLIFY,
  ...toolsNotice(),
  {
    displayName: 'Built-in Tools', name: 'builtInTools', type: 'collection', default: {}, placeholder: 'Add Built-in Tool',
    options: [
      {
        displayName: 'Web Search', name: 'webSearch', type: 'collection', default: { searchContextSize: 'medium' },
        options: [
          { ...effort('searchContextSize'), displayName: 'Search Context Size' },
          { displayName: 'Web Search Allowed Domains', name: 'allowedDomains', type: 'string', default: '' },
          { displayName: 'Country', name: 'country', type: 'string', default: '' },
          { displayName: 'City', name: 'city', type: 'string', default: '' },
          { displayName: 'Region', name: 'region', type: 'string', default: '' },
        ],
      },
      {
        displayName: 'File Search', name: 'fileSearch', type: 'collection', default: { vectorStoreIds: '[]' },
        options: [
          { displayName: 'Vector Store IDs', name: 'vectorStoreIds', type: 'json', default: '[]', required: true },
          { displayName: 'Filters', name: 'filters', type: 'json', default: '{}' },
          num('Max Results', 'maxResults', 1, 'Most results the search returns', { minValue: 1, maxValue: 50 }),
        ],
      },
      { displayName: 'Code Interpreter', name: 'codeInterpreter', type: 'boolean', default: true, description: 'Whether to allow the model to execute code in a sandboxed environment' },
    ],
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Conversation ID', name: 'conversationId', type: 'string', default: '' },
      { displayName: 'Include Additional Data', name: 'include', type: 'multiOptions', default: [], options: ['code_interpreter_call.outputs', 'computer_call_output.output.image_url', 'file_search_call.results', 'message.input_image.image_url', 'message.output_text.logprobs', 'reasoning.encrypted_content', 'web_search_call.action.sources'].map((value) => ({ name: value, value })) },
      { displayName: 'Instructions', name: 'instructions', type: 'string', default: '', description: 'Instructions for the model to follow', typeOptions: { rows: 2 } },
      MAX_TOKENS,
      MAX_TOOLS_ITERATIONS,
      num('Max Built-in Tool Calls', 'maxToolCalls', 15, 'The maximum number of total calls to built-in tools in a response'),
      METADATA,
      { displayName: 'Parallel Tool Calls', name: 'parallelToolCalls', type: 'boolean', default: false },
      { displayName: 'Previous Response ID', name: 'previousResponseId', type: 'string', default: '' },
      {
        displayName: 'Prompt', name: 'promptConfig', type: 'fixedCollection', default: { promptOptions: [{ promptId: '' }] },
        options: [{ displayName: 'Prompt', name: 'promptOptions', values: [
          { displayName: 'Prompt ID', name: 'promptId', type: 'string', default: '' },
          { displayName: 'Version', name: 'version', type: 'string', default: '' },
          { displayName: 'Variables', name: 'variables', type: 'json', default: '{}' },
        ] }],
      },
      { displayName: 'Prompt Cache Key', name: 'promptCacheKey', type: 'string', default: '' },
      {
        displayName: 'Reasoning', name: 'reasoning', type: 'fixedCollection', default: { reasoningOptions: [{ effort: 'medium', summary: 'none' }] },
        options: [{ displayName: 'Reasoning', name: 'reasoningOptions', values: [
          effort('effort'),
          { displayName: 'Summary', name: 'summary', type: 'options', default: 'auto', options: ['none', 'auto', 'concise', 'detailed'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
        ] }],
      },
      { displayName: 'Safety Identifier', name: 'safetyIdentifier', type: 'string', default: '' },
      { displayName: 'Service Tier', name: 'serviceTier', type: 'options', default: 'auto', options: ['auto', 'flex', 'default', 'priority'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
      { displayName: 'Store', name: 'store', type: 'boolean', default: true, description: 'Whether to store the generated model response for later retrieval via API' },
      {
        displayName: 'Output Format', name: 'textFormat', type: 'fixedCollection', default: { textOptions: [{ type: 'text' }] },
        options: [{ displayName: 'Text', name: 'textOptions', values: [
          { displayName: 'Type', name: 'type', type: 'options', default: '', options: [{ name: 'Text', value: 'text' }, { name: 'JSON Schema (recommended)', value: 'json_schema' }, { name: 'JSON Object', value: 'json_object' }] },
          { ...effort('verbosity'), displayName: 'Verbosity' },
          { displayName: 'Name', name: 'name', type: 'string', default: 'my_schema', displayOptions: { show: { type: ['json_schema'] } } },
          { displayName: 'Schema', name: 'schema', type: 'json', default: '{\n  "type": "object",\n  "properties": {\n    "message": {\n      "type": "string"\n    }\n  },\n  "additionalProperties": false,\n  "required": ["message"]\n}', displayOptions: { show: { type: ['json_schema'] } } },
          { displayName: 'Description', name: 'description', type: 'string', default: '', displayOptions: { show: { type: ['json_schema'] } } },
          { displayName: 'Strict', name: 'strict', type: 'boolean', default: false, displayOptions: { show: { type: ['json_schema'] } } },
        ] }],
      },
      num('Top Logprobs', 'topLogprobs', 0, 'How many most likely tokens to return at each position (0 to 20)', { minValue: 0, maxValue: 20 }),
      num('Output Randomness (Temperature)', 'temperature', 1, 'What sampling temperature to use, between 0 and 2', { minValue: 0, maxValue: 2, numberPrecision: 1 }),
      TOP_P,
      { displayName: 'Truncation', name: 'truncation', type: 'boolean', default: false, description: "Whether to truncate the input to the model's context window size" },
    ],
  },
];

const classify: NodeProperty[] = [
  { displayName: 'Text Input', name: 'input', type: 'string', default: '', placeholder: 'e.g. Sample text goes here', description: 'The input text to classify if it is violates the moderation policy', typeOptions: { rows: 2 } },
  { displayName: 'Simplify Output', name: 'simplify', type: 'boolean', default: false, description: 'Whether to return a simplified version of the response instead of the raw data' },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [{ displayName: 'Use Stable Model', name: 'useStableModel', type: 'boolean', default: false, description: 'Whether to use the stable version of the model instead of the latest version, accuracy may be slightly lower' }],
  },
];

export const textOperations = {
  v1: [{ name: 'Message a Model', value: 'message', action: 'Message a model', description: 'Create a completion with GPT 3, 4, etc.' }, { name: 'Classify Text for Violations', value: 'classify', action: 'Classify text for violations', description: 'Check whether content complies with usage policies' }],
  v2: [
    { name: 'Create a Model Response', value: 'response', action: 'Create a Model Response', description: 'Create a model response with GPT 3, 4, 5, etc. using Responses API' },
    { name: 'Generate a Chat Completion', value: 'message', action: 'Generate a chat completion', description: 'Create a completion with GPT 3, 4, 5, etc. using Completions API' },
    { name: 'Classify Text for Violations', value: 'classify', action: 'Classify text for violations', description: 'Check whether content complies with usage policies' },
  ],
};

export const textProperties: NodeProperty[] = [
  ...forOperation('text', 'message', message(true), V1),
  ...forOperation('text', 'message', message(false), V2),
  ...forOperation('text', 'response', response, V2),
  ...forOperation('text', 'classify', classify),
];
