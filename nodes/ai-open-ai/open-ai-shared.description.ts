// Parameter pieces the OpenAI node's operations share: the model locator, n8n's per-operation
// display options, and the role/prompt message rows.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

export const V1 = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8];
export const V2 = [2, 2.1];

/** n8n's updateDisplayOptions: each property shows for its resource and operation (and versions). */
export function forOperation(resource: string, operation: string, properties: NodeProperty[], versions?: number[]): NodeProperty[] {
  return properties.map((p) => {
    const show: DisplayOptions['show'] = { ...(p.displayOptions?.show ?? {}), resource: [resource], operation: [operation], ...(versions && !p.displayOptions?.show?.['@version'] ? { '@version': versions } : {}) };
    return { ...p, displayOptions: { ...p.displayOptions, show } };
  });
}

/** The model locator (n8n's modelRLC): a searchable list or an ID. */
export function modelLocator(searchListMethod: string, defaultValue: string): NodeProperty {
  return {
    displayName: 'Model', name: 'modelId', type: 'resourceLocator', default: { mode: 'list', value: defaultValue }, required: true,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. gpt-4' },
    ],
  };
}

export const ROLE: NodeProperty = {
  displayName: 'Role', name: 'role', type: 'options', default: 'user',
  description: "Role in shaping the model's response, it tells the model how it should behave and interact with the user",
  options: [
    { name: 'User', value: 'user', description: 'Send a message as a user and get a response from the model' },
    { name: 'Assistant', value: 'assistant', description: 'Tell the model to adopt a specific tone or personality' },
    { name: 'System', value: 'system', description: "Usually used to set the model's behavior or context for the next user message" },
  ],
};

export const PROMPT: NodeProperty = {
  displayName: 'Prompt', name: 'content', type: 'string', default: '', description: 'The content of the message to be send',
  placeholder: 'e.g. Hello, how can you help me?', typeOptions: { rows: 2 },
};

export const SIMPLIFY: NodeProperty = {
  displayName: 'Simplify Output', name: 'simplify', type: 'boolean', default: true,
  description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Models that cannot call functions: n8n hides the tools notice for them (and sends no tools). */
export const MODELS_NOT_SUPPORT_FUNCTION_CALLS = ['gpt-3.5-turbo-16k-0613', 'dall-e-3', 'text-embedding-3-large', 'dall-e-2', 'whisper-1', 'tts-1-hd-1106', 'tts-1-hd', 'gpt-4-0314', 'text-embedding-3-small', 'gpt-4-32k-0314', 'gpt-3.5-turbo-0301', 'gpt-4-vision-preview', 'gpt-3.5-turbo-16k', 'gpt-3.5-turbo-instruct-0914', 'tts-1', 'davinci-002', 'gpt-3.5-turbo-instruct', 'babbage-002', 'tts-1-1106', 'text-embedding-ada-002'];

export function toolsNotice(versions?: number[]): NodeProperty[] {
  return [
    {
      displayName: 'Hide Tools', name: 'hideTools', type: 'hidden', default: 'hide',
      displayOptions: { show: { modelId: MODELS_NOT_SUPPORT_FUNCTION_CALLS, ...(versions ? { '@version': versions } : {}) } },
    },
    { displayName: 'Connect your own custom n8n tools to this node on the canvas', name: 'noticeTools', type: 'notice', default: '', displayOptions: { hide: { hideTools: ['hide'] } } },
  ];
}

export const MAX_TOOLS_ITERATIONS: NodeProperty = {
  displayName: 'Max Tool Calls Iterations', name: 'maxToolsIterations', type: 'number', default: 15,
  description: 'The maximum number of tool iteration cycles the LLM will run before stopping. A single iteration can contain multiple tool calls. Set to 0 for no limit.',
};

export const METADATA: NodeProperty = {
  displayName: 'Metadata', name: 'metadata', type: 'json', default: '{}',
  description: 'Set of 16 key-value pairs that can be attached to an object, for storing additional information about the object in a structured format',
};
