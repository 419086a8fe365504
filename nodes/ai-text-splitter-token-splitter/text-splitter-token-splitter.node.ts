// Token Splitter (@n8n/n8n-nodes-langchain.textSplitterTokenSplitter v1): chunks of a number of
// cl100k_base tokens, the encoding OpenAI's models use.
import type { NodeType } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/document-splitter-hint.ts';
import { recordTextSplitter } from '../ai-shared/vector-recording.ts';
import { LocalTokenTextSplitter } from './token-text-splitter.ts';

export const textSplitterTokenSplitterNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.textSplitterTokenSplitter',
    displayName: 'Token Splitter',
    group: ['transform'],
    version: [1],
    description: 'Split text into chunks by tokens',
    icon: 'fa:grip-lines-vertical',
    defaults: { name: 'Token Splitter' },
    inputs: [],
    outputs: ['ai_textSplitter'],
    outputNames: ['Text Splitter'],
    properties: [
      connectionHintNotice('a document loader'),
      { displayName: 'Chunk Size', name: 'chunkSize', type: 'number', default: 1000 },
      { displayName: 'Chunk Overlap', name: 'chunkOverlap', type: 'number', default: 0 },
    ],
  },
  async supplyData(ctx, itemIndex) {
    const splitter = new LocalTokenTextSplitter({
      chunkSize: Number(ctx.getNodeParameter('chunkSize', itemIndex, 1000)),
      chunkOverlap: Number(ctx.getNodeParameter('chunkOverlap', itemIndex, 0)),
      keepSeparator: false,
    });
    return { response: recordTextSplitter(splitter, ctx) };
  },
};
