// Character Text Splitter (@n8n/n8n-nodes-langchain.textSplitterCharacterTextSplitter v1): LangChain's
// splitter on one separator, chunks merged up to the chunk size.
import { CharacterTextSplitter } from '@langchain/textsplitters';
import type { NodeType } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/document-splitter-hint.ts';
import { recordTextSplitter } from '../ai-shared/vector-recording.ts';

export const textSplitterCharacterTextSplitterNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.textSplitterCharacterTextSplitter',
    displayName: 'Character Text Splitter',
    group: ['transform'],
    version: [1],
    description: 'Split text into chunks by characters',
    icon: 'fa:grip-lines-vertical',
    defaults: { name: 'Character Text Splitter' },
    inputs: [],
    outputs: ['ai_textSplitter'],
    outputNames: ['Text Splitter'],
    properties: [
      connectionHintNotice('a document loader'),
      { displayName: 'Separator', name: 'separator', type: 'string', default: '' },
      { displayName: 'Chunk Size', name: 'chunkSize', type: 'number', default: 1000, description: 'Maximum number of characters per chunk' },
      { displayName: 'Chunk Overlap', name: 'chunkOverlap', type: 'number', default: 0, description: 'Number of characters shared between consecutive chunks to preserve context' },
    ],
  },
  async supplyData(ctx, itemIndex) {
    const splitter = new CharacterTextSplitter({
      separator: String(ctx.getNodeParameter('separator', itemIndex, '')),
      chunkSize: Number(ctx.getNodeParameter('chunkSize', itemIndex, 1000)),
      chunkOverlap: Number(ctx.getNodeParameter('chunkOverlap', itemIndex, 0)),
      keepSeparator: false,
    });
    return { response: recordTextSplitter(splitter, ctx) };
  },
};
