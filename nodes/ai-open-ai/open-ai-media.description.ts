// The image, audio and file resources' parameters, as n8n declares them (v1 shapes, kept in v2).
import type { NodeProperty } from '../../engine/index.ts';
import { imageEditProperties } from './open-ai-image-edit.ts';
import { forOperation, modelLocator, SIMPLIFY, V2 } from './open-ai-shared.description.ts';

const opts = (values: string[]) => values.map((value) => ({ name: value, value }));
const forModel = (model: string, p: NodeProperty): NodeProperty => ({ ...p, displayOptions: { show: { '/model': [model] } } });
const binaryInput = (description: string): NodeProperty => ({
  displayName: 'Input Data Field Name', name: 'binaryPropertyName', type: 'string', default: 'data', placeholder: 'e.g. data', description,
});
const outputField: NodeProperty = { displayName: 'Put Output in Field', name: 'binaryPropertyOutput', type: 'string', default: 'data' };

const analyze: NodeProperty[] = [
  { ...modelLocator('imageModelSearch', 'gpt-4o'), displayOptions: { show: { '@version': [{ _cnd: { gte: 1.4 } }] } } },
  { displayName: 'Text Input', name: 'text', type: 'string', default: "What's in this image?", placeholder: "e.g. What's in this image?", typeOptions: { rows: 2 } },
  { displayName: 'Input Type', name: 'inputType', type: 'options', default: 'url', options: [{ name: 'Image URL(s)', value: 'url' }, { name: 'Binary File(s)', value: 'base64' }] },
  { displayName: 'URL(s)', name: 'imageUrls', type: 'string', default: '', description: 'URL(s) of the image(s) to analyze, multiple URLs can be added separated by comma', displayOptions: { show: { inputType: ['url'] } } },
  { ...binaryInput('Name of the binary property which contains the image(s)'), displayOptions: { show: { inputType: ['base64'] } } },
  { ...SIMPLIFY, description: 'Whether to simplify the response or not' },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Detail', name: 'detail', type: 'options', default: 'auto', options: [{ name: 'Auto', value: 'auto' }, { name: 'Low', value: 'low' }, { name: 'High', value: 'high' }] },
      { displayName: 'Length of Description (Max Tokens)', name: 'maxTokens', type: 'number', default: 300, typeOptions: { minValue: 1 }, description: 'Fewer tokens will result in shorter, less detailed image description' },
    ],
  },
];

const generate: NodeProperty[] = [
  { displayName: 'Model', name: 'model', type: 'options', default: 'dall-e-3', description: 'The model to use for image generation', options: [{ name: 'DALL·E 2', value: 'dall-e-2' }, { name: 'DALL·E 3', value: 'dall-e-3' }, { name: 'GPT Image 1', value: 'gpt-image-1' }] },
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: '', placeholder: 'e.g. A cute cat eating a dinosaur', typeOptions: { rows: 2 } },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      forModel('dall-e-2', { displayName: 'Number of Images', name: 'n', type: 'number', default: 1, typeOptions: { minValue: 1, maxValue: 10 } }),
      forModel('dall-e-3', { displayName: 'Quality', name: 'dalleQuality', type: 'options', default: 'standard', options: [{ name: 'HD', value: 'hd' }, { name: 'Standard', value: 'standard' }] }),
      forModel('gpt-image-1', { displayName: 'Quality', name: 'quality', type: 'options', default: 'medium', options: [{ name: 'High', value: 'high' }, { name: 'Medium', value: 'medium' }, { name: 'Low', value: 'low' }] }),
      forModel('dall-e-2', { displayName: 'Resolution', name: 'size', type: 'options', default: '1024x1024', options: opts(['256x256', '512x512', '1024x1024']) }),
      forModel('dall-e-3', { displayName: 'Resolution', name: 'size', type: 'options', default: '1024x1024', options: opts(['1024x1024', '1792x1024', '1024x1792']) }),
      forModel('gpt-image-1', { displayName: 'Resolution', name: 'size', type: 'options', default: '1024x1024', options: opts(['1024x1024', '1024x1536', '1536x1024']) }),
      forModel('dall-e-3', { displayName: 'Style', name: 'style', type: 'options', default: 'vivid', options: [{ name: 'Natural', value: 'natural' }, { name: 'Vivid', value: 'vivid' }] }),
      { displayName: 'Respond with Image URL(s)', name: 'returnImageUrls', type: 'boolean', default: false, description: 'Whether to return image URL(s) instead of binary file(s)', displayOptions: { hide: { '/model': ['gpt-image-1'] } } },
      // n8n shows this only without returnImageUrls; no display rule here, since our parameter
      // resolution would then drop a value set while the sibling option is unset.
      outputField,
    ],
  },
];

const speech: NodeProperty[] = [
  { displayName: 'Model', name: 'model', type: 'options', default: 'tts-1', options: [{ name: 'TTS-1', value: 'tts-1' }, { name: 'TTS-1-HD', value: 'tts-1-hd' }] },
  { displayName: 'Text Input', name: 'input', type: 'string', default: '', description: 'The text to generate audio for. The maximum length is 4096 characters.', typeOptions: { rows: 2 } },
  { displayName: 'Voice', name: 'voice', type: 'options', default: 'alloy', description: 'The voice to use when generating the audio', options: ['alloy', 'echo', 'fable', 'nova', 'onyx', 'shimmer'].map((value) => ({ name: value[0].toUpperCase() + value.slice(1), value })) },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Response Format', name: 'response_format', type: 'options', default: 'mp3', options: ['mp3', 'opus', 'aac', 'flac'].map((value) => ({ name: value.toUpperCase(), value })) },
      { displayName: 'Audio Speed', name: 'speed', type: 'number', default: 1, typeOptions: { minValue: 0.25, maxValue: 4, numberPrecision: 1 } },
      outputField,
    ],
  },
];

const temperature: NodeProperty = { displayName: 'Output Randomness (Temperature)', name: 'temperature', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 1 } };
const audioFile = 'Name of the binary property which contains the audio file in one of these formats: flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav, or webm';
const transcribe: NodeProperty[] = [
  binaryInput(audioFile),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: [{ displayName: 'Language of the Audio File', name: 'language', type: 'string', default: '', description: 'The language of the input audio, in ISO-639-1 format' }, temperature] },
];
const translate: NodeProperty[] = [
  binaryInput(audioFile),
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: [temperature] },
];

const upload: NodeProperty[] = [
  binaryInput('Name of the binary property which contains the file. The size of individual files can be a maximum of 512 MB or 2 million tokens for Assistants.'),
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [{ displayName: 'Purpose', name: 'purpose', type: 'options', default: 'assistants', description: "The intended purpose of the uploaded file, the 'Fine-tuning' only supports .jsonl files", options: [{ name: 'Assistants', value: 'assistants' }, { name: 'Fine-Tune', value: 'fine-tune' }] }],
  },
];
const list: NodeProperty[] = [
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [{ displayName: 'Purpose', name: 'purpose', type: 'options', default: 'any', description: 'Only return files with the given purpose', options: [{ name: 'Any [Default]', value: 'any' }, { name: 'Assistants', value: 'assistants' }, { name: 'Fine-Tune', value: 'fine-tune' }] }],
  },
];
const deleteFile: NodeProperty[] = [
  {
    displayName: 'File', name: 'fileId', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
    modes: [{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'fileSearch', searchable: true } }, { displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. file-1234567890' }],
  },
];

export const mediaOperations = {
  image: [{ name: 'Analyze Image', value: 'analyze', action: 'Analyze image', description: 'Take in images and answer questions about them' }, { name: 'Generate an Image', value: 'generate', action: 'Generate an image', description: 'Creates an image from a text prompt' }],
  imageV2: [{ name: 'Analyze Image', value: 'analyze', action: 'Analyze image', description: 'Take in images and answer questions about them' }, { name: 'Edit Image', value: 'edit', action: 'Edit image', description: 'Edit an image from a text prompt' }, { name: 'Generate an Image', value: 'generate', action: 'Generate an image', description: 'Creates an image from a text prompt' }],
  audio: [{ name: 'Generate Audio', value: 'generate', action: 'Generate audio', description: 'Creates audio from a text prompt' }, { name: 'Transcribe a Recording', value: 'transcribe', action: 'Transcribe a recording', description: 'Transcribes audio into the text' }, { name: 'Translate a Recording', value: 'translate', action: 'Translate a recording', description: 'Translate audio into text in the english language' }],
  file: [{ name: 'Delete a File', value: 'deleteFile', action: 'Delete a file', description: 'Delete a file from the server' }, { name: 'List Files', value: 'list', action: 'List files', description: "Returns a list of files that belong to the user's organization" }, { name: 'Upload a File', value: 'upload', action: 'Upload a file', description: 'Upload a file that can be used across various endpoints' }],
};

export const mediaProperties: NodeProperty[] = [
  ...forOperation('image', 'analyze', analyze),
  ...forOperation('image', 'generate', generate),
  ...forOperation('image', 'edit', imageEditProperties, V2),
  ...forOperation('audio', 'generate', speech),
  ...forOperation('audio', 'transcribe', transcribe),
  ...forOperation('audio', 'translate', translate),
  ...forOperation('file', 'upload', upload),
  ...forOperation('file', 'list', list),
  ...forOperation('file', 'deleteFile', deleteFile),
];
