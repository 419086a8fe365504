// Summarization Chain parameters: v1 (documents from a loader, method as `type`) and v2 (node input
// JSON/binary or a loader, chunking, method and prompts), with n8n's names and defaults.
import type { NodeProperty } from '../../engine/index.ts';
import { batchingOption, templateNotice } from '../ai-shared/chain-descriptions.ts';
import { REFINE_PROMPT, SUMMARY_PROMPT } from '../ai-shared/chain-summarize.ts';

const METHOD = '/options.summarizationMethodAndPrompts.values.summarizationMethod';
const methodOptions = [
  { name: 'Map Reduce (Recommended)', value: 'map_reduce', description: 'Summarize each document (or chunk) individually, then summarize those summaries' },
  { name: 'Refine', value: 'refine', description: 'Summarize the first document (or chunk). Then update that summary based on the next document (or chunk), and repeat.' },
  { name: 'Stuff', value: 'stuff', description: 'Pass all documents (or chunks) at once. Ideal for small datasets.' },
];

const promptFields = (methodPath: string): NodeProperty[] => [
  { displayName: 'Individual Summary Prompt', name: 'combineMapPrompt', type: 'string', default: SUMMARY_PROMPT, typeOptions: { rows: 9 }, displayOptions: { hide: { [methodPath]: ['stuff', 'refine'] } } },
  { displayName: 'Final Prompt to Combine', name: 'prompt', type: 'string', default: SUMMARY_PROMPT, typeOptions: { rows: 9 }, displayOptions: { hide: { [methodPath]: ['stuff', 'refine'] } } },
  { displayName: 'Prompt', name: 'prompt', type: 'string', default: SUMMARY_PROMPT, typeOptions: { rows: 9 }, displayOptions: { hide: { [methodPath]: ['refine', 'map_reduce'] } } },
  { displayName: 'Subsequent (Refine) Prompt', name: 'refinePrompt', type: 'string', default: REFINE_PROMPT, typeOptions: { rows: 9 }, displayOptions: { hide: { [methodPath]: ['stuff', 'map_reduce'] } } },
  { displayName: 'Initial Prompt', name: 'refineQuestionPrompt', type: 'string', default: SUMMARY_PROMPT, typeOptions: { rows: 9 }, displayOptions: { hide: { [methodPath]: ['stuff', 'map_reduce'] } } },
];

const v1: NodeProperty[] = [
  { displayName: 'Type', name: 'type', type: 'options', description: 'The type of summarization to run', default: 'map_reduce', options: methodOptions.map((o) => ({ ...o, name: o.name.replace(' (Recommended)', '') })) },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option', options: promptFields('/type') },
];

const v2: NodeProperty[] = [
  templateNotice(1951),
  {
    displayName: 'Data to Summarize', name: 'operationMode', noDataExpression: true, type: 'options', description: 'How to pass data into the summarization chain', default: 'nodeInputJson',
    options: [
      { name: 'Use Node Input (JSON)', value: 'nodeInputJson', description: 'Summarize the JSON data coming into this node from the previous one' },
      { name: 'Use Node Input (Binary)', value: 'nodeInputBinary', description: 'Summarize the binary data coming into this node from the previous one' },
      { name: 'Use Document Loader', value: 'documentLoader', description: 'Use a loader sub-node with more configuration options' },
    ],
  },
  {
    displayName: 'Chunking Strategy', name: 'chunkingMode', noDataExpression: true, type: 'options', description: 'Chunk splitting strategy', default: 'simple',
    options: [{ name: 'Simple (Define Below)', value: 'simple' }, { name: 'Advanced', value: 'advanced', description: 'Use a splitter sub-node with more configuration options' }],
    displayOptions: { show: { '/operationMode': ['nodeInputJson', 'nodeInputBinary'] } },
  },
  { displayName: 'Characters Per Chunk', name: 'chunkSize', description: 'Controls the max size (in terms of number of characters) of the final document chunk', type: 'number', default: 1000, displayOptions: { show: { '/chunkingMode': ['simple'] } } },
  { displayName: 'Chunk Overlap (Characters)', name: 'chunkOverlap', type: 'number', description: 'Specifies how much characters overlap there should be between chunks', default: 200, displayOptions: { show: { '/chunkingMode': ['simple'] } } },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add Option',
    options: [
      { displayName: 'Input Data Field Name', name: 'binaryDataKey', type: 'string', default: 'data', description: 'The name of the field in the agent or chain’s input that contains the binary file to be processed', displayOptions: { show: { '/operationMode': ['nodeInputBinary'] } } },
      {
        displayName: 'Summarization Method and Prompts', name: 'summarizationMethodAndPrompts', type: 'fixedCollection', placeholder: 'Add Option', typeOptions: {},
        default: { values: { summarizationMethod: 'map_reduce', prompt: SUMMARY_PROMPT, combineMapPrompt: SUMMARY_PROMPT } },
        options: [{ name: 'values', displayName: 'Values', values: [{ displayName: 'Summarization Method', name: 'summarizationMethod', type: 'options', description: 'The type of summarization to run', default: 'map_reduce', options: methodOptions }, ...promptFields(METHOD)] }],
      },
      batchingOption({ show: { '@version': [{ _cnd: { gte: 2.1 } }] } }),
    ],
  },
];

export const summarizationProperties: NodeProperty[] = [
  ...v1.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...(p.displayOptions?.show ?? {}), '@version': [1] } } })),
  ...v2.map((p) => ({ ...p, displayOptions: { ...p.displayOptions, show: { ...(p.displayOptions?.show ?? {}), '@version': [2, 2.1] } } })),
];
