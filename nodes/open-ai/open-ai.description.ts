// The legacy OpenAI node's parameters (n8n-nodes-base.openAi v1, 1.1): n8n's names, types, defaults,
// options and display rules, so exported workflows import as they are. Descriptions are our own words.
import type { DisplayOptions, NodeProperty } from '../../engine/index.ts';

const on = (resource: string, operation: string[]): DisplayOptions => ({ show: { resource: [resource], operation } });
const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));
const named = (entries: Array<[string, string]>) => entries.map(([name, value]) => ({ name, value }));

function operation(resource: string, options: Array<{ name: string; value: string; description: string }>, fallback: string): NodeProperty {
  return { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [resource] } }, options, default: fallback };
}

const simplify = (resource: string, operations: string[]): NodeProperty => ({
  displayName: 'Simplify', name: 'simplifyOutput', type: 'boolean', default: true, displayOptions: on(resource, operations),
  description: 'Whether to output one item per answer instead of OpenAI\'s whole response',
});

const penalty = (name: string, displayName: string, description: string): NodeProperty => ({
  displayName, name, type: 'number', default: 0, typeOptions: { maxValue: 2, minValue: -2, numberPrecision: 1 }, description,
});
const fraction = (name: string, displayName: string, description: string): NodeProperty => ({
  displayName, name, type: 'number', default: 1, typeOptions: { maxValue: 1, minValue: 0, numberPrecision: 1 }, description,
});

/** The sampling options chat:complete, text:complete and text:edit share; echo and maxTokens only for complete. */
const completionOptions = (resource: string, operations: string[]): NodeProperty => ({
  displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on(resource, operations),
  description: 'Further settings sent with the request',
  options: [
    { displayName: 'Echo Prompt', name: 'echo', type: 'boolean', default: false, displayOptions: { show: { '/operation': ['complete'] } },
      description: 'Whether the answer repeats the prompt before the completion' },
    penalty('frequency_penalty', 'Frequency Penalty', 'Positive values make the model less likely to repeat the same words'),
    { displayName: 'Maximum Number of Tokens', name: 'maxTokens', type: 'number', default: 16, typeOptions: { maxValue: 32768 },
      displayOptions: { show: { '/operation': ['complete'] } }, description: 'The most tokens the completion may use' },
    { displayName: 'Number of Completions', name: 'n', type: 'number', default: 1, description: 'How many completions to generate for each prompt (each uses tokens)' },
    penalty('presence_penalty', 'Presence Penalty', 'Positive values make the model more likely to move to new topics'),
    fraction('temperature', 'Sampling Temperature', 'Randomness: lower values give more focused, repeatable answers'),
    fraction('topP', 'Top P', 'Nucleus sampling: only the tokens in this top share of probability are considered'),
  ],
});

const chat: NodeProperty[] = [
  operation('chat', [{ name: 'Complete', value: 'complete', description: 'Create one or more completions for a conversation' }], 'complete'),
  { displayName: 'Model', name: 'model', type: 'options', default: 'gpt-3.5-turbo', displayOptions: on('chat', ['complete']),
    options: choices('gpt-3.5-turbo', 'gpt-4', 'gpt-4-turbo', 'gpt-4o', 'gpt-4o-mini'), description: 'The model that writes the answer (any chat model ID)' },
  { displayName: 'Prompt', name: 'prompt', type: 'fixedCollection', typeOptions: { sortable: true, multipleValues: true }, displayOptions: on('chat', ['complete']),
    placeholder: 'Add Message', default: {}, options: [{ displayName: 'Messages', name: 'messages', values: [
      { displayName: 'Role', name: 'role', type: 'options', options: named([['Assistant', 'assistant'], ['System', 'system'], ['User', 'user']]), default: 'user' },
      { displayName: 'Content', name: 'content', type: 'string', default: '' },
    ] }] },
  simplify('chat', ['complete']),
  completionOptions('chat', ['complete']),
];

const text: NodeProperty[] = [
  operation('text', [
    { name: 'Complete', value: 'complete', description: 'Create one or more completions for a text' },
    { name: 'Edit', value: 'edit', description: 'Create an edited version of a text' },
    { name: 'Moderate', value: 'moderate', description: 'Classify whether a text breaks OpenAI\'s content policy' },
  ], 'complete'),
  { displayName: 'Model', name: 'model', type: 'options', default: 'text-davinci-003', displayOptions: on('text', ['complete']),
    options: choices('gpt-3.5-turbo-instruct', 'davinci-002', 'babbage-002', 'text-davinci-003'), description: 'The model that writes the completion (any completions model ID)' },
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: '', placeholder: 'e.g. Say this is a test', typeOptions: { rows: 2 },
    displayOptions: on('text', ['complete']), description: 'The text to complete' },
  { displayName: 'Model', name: 'model', type: 'options', default: 'text-davinci-edit-001', displayOptions: on('text', ['edit']),
    options: choices('code-davinci-edit-001', 'text-davinci-edit-001'), description: 'The model that edits the text' },
  { displayName: 'Input', name: 'input', type: 'string', default: '', placeholder: 'e.g. What day of the wek is it?', displayOptions: on('text', ['edit']), description: 'The text to edit' },
  { displayName: 'Instruction', name: 'instruction', type: 'string', default: '', placeholder: 'e.g. Fix the spelling mistakes', displayOptions: on('text', ['edit']),
    description: 'How the model should edit the input' },
  { displayName: 'Model', name: 'model', type: 'options', default: 'text-moderation-latest', displayOptions: on('text', ['moderate']),
    options: choices('text-moderation-stable', 'text-moderation-latest'), description: 'The model that classifies the text' },
  { displayName: 'Input', name: 'input', type: 'string', default: '', placeholder: 'e.g. My cat is adorable', displayOptions: on('text', ['moderate']), description: 'The text to classify' },
  simplify('text', ['moderate']),
  simplify('text', ['complete', 'edit']),
  completionOptions('text', ['complete', 'edit']),
];

const dallE3 = { show: { '/model': ['dall-e-3'] } };
const image: NodeProperty[] = [
  operation('image', [{ name: 'Create', value: 'create', description: 'Create images from a text' }], 'create'),
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: '', placeholder: 'e.g. A cute cat eating a dinosaur', displayOptions: on('image', ['create']),
    description: 'What the image(s) should show (up to 1000 characters for dall-e-2)' },
  { displayName: 'Model', name: 'model', type: 'options', default: 'dall-e-2', displayOptions: on('image', ['create']), options: choices('dall-e-2', 'dall-e-3'),
    description: 'The model that draws the image' },
  { displayName: 'Response Format', name: 'responseFormat', type: 'options', default: 'binaryData', displayOptions: on('image', ['create']),
    options: named([['Binary File', 'binaryData'], ['Image Url', 'imageUrl']]), description: 'Whether to output the image files or links to them' },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('image', ['create']),
    description: 'Further settings sent with the request', options: [
      { displayName: 'Number of Images', name: 'n', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 }, description: 'How many images to create' },
      { displayName: 'Quality', name: 'quality', type: 'options', options: named([['HD', 'hd'], ['Standard', 'standard']]), displayOptions: dallE3, default: 'standard',
        description: 'HD gives finer detail' },
      { displayName: 'Resolution', name: 'size', type: 'options', options: choices('256x256', '512x512', '1024x1024'),
        displayOptions: { show: { '/model': ['dall-e-2'] } }, default: '1024x1024', description: 'The size of the images' },
      { displayName: 'Resolution', name: 'size', type: 'options', options: choices('1024x1024', '1792x1024', '1024x1792'), displayOptions: dallE3, default: '1024x1024',
        description: 'The size of the images' },
      { displayName: 'Style', name: 'style', type: 'options', options: named([['Natural', 'natural'], ['Vivid', 'vivid']]), displayOptions: dallE3, default: 'vivid',
        description: 'Vivid leans to dramatic images, natural to more realistic ones' },
    ] },
];

export const openAiProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, options: named([['Chat', 'chat'], ['Image', 'image'], ['Text', 'text']]), default: 'text' },
  ...chat,
  ...image,
  ...text,
];
