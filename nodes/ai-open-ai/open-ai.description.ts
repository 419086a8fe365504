// The OpenAI node's parameters (@n8n/n8n-nodes-langchain.openAi): the resource and operation
// pickers by version (v1: assistant, text, image, audio, file; v2 drops assistants for
// conversations and videos), then each operation's own parameters.
import type { NodeProperty } from '../../engine/index.ts';
import { mediaOperations, mediaProperties } from './open-ai-media.description.ts';
import { V1, V2 } from './open-ai-shared.description.ts';
import { textOperations, textProperties } from './open-ai-text.description.ts';

type Choice = { name: string; value: string; action?: string; description?: string };

const operation = (resource: string, options: Choice[], defaultValue: string, versions?: number[]): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: defaultValue, options,
  displayOptions: { show: { resource: [resource], ...(versions ? { '@version': versions } : {}) } },
});

/** Operations declared for compatibility; running one fails with a clear error (see open-ai.node.ts). */
export const UNIMPLEMENTED: Record<string, string[]> = {
  assistant: ['create', 'deleteAssistant', 'list', 'message', 'update'],
  conversation: ['create', 'get', 'remove', 'update'],
  video: ['generate'],
};

const resource = (options: Choice[], versions: number[]): NodeProperty => ({
  displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'text', options, displayOptions: { show: { '@version': versions } },
});

const R = {
  assistant: { name: 'Assistant', value: 'assistant' },
  text: { name: 'Text', value: 'text' },
  image: { name: 'Image', value: 'image' },
  audio: { name: 'Audio', value: 'audio' },
  file: { name: 'File', value: 'file' },
  conversation: { name: 'Conversation', value: 'conversation' },
  video: { name: 'Video', value: 'video' },
};

const names = (values: string[]): Choice[] => values.map((value) => ({ name: value.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()), value }));

export const openAiNodeProperties: NodeProperty[] = [
  resource([R.assistant, R.text, R.image, R.audio, R.file], V1),
  resource([R.text, R.image, R.audio, R.file, R.conversation, R.video], V2),
  operation('assistant', names(UNIMPLEMENTED.assistant), 'message', V1),
  operation('text', textOperations.v1, 'message', V1),
  operation('text', textOperations.v2, 'message', V2),
  operation('image', mediaOperations.image, 'analyze', V1),
  operation('image', mediaOperations.imageV2, 'analyze', V2),
  operation('audio', mediaOperations.audio, 'generate'),
  operation('file', mediaOperations.file, 'upload'),
  operation('conversation', names(UNIMPLEMENTED.conversation), 'create', V2),
  operation('video', names(UNIMPLEMENTED.video), 'generate', V2),
  ...textProperties,
  ...mediaProperties,
];
