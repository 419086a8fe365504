// Recursive Character Text Splitter (@n8n/n8n-nodes-langchain.textSplitterRecursiveCharacterTextSplitter
// v1): LangChain's splitter on paragraphs, lines, words, then characters, or a language's separators.
import { RecursiveCharacterTextSplitter, type SupportedTextSplitterLanguage } from '@langchain/textsplitters';
import type { NodeType } from '../../engine/index.ts';
import { connectionHintNotice } from '../ai-shared/document-splitter-hint.ts';
import { recordTextSplitter } from '../ai-shared/vector-recording.ts';

const LANGUAGES: SupportedTextSplitterLanguage[] = ['cpp', 'go', 'java', 'js', 'php', 'proto', 'python', 'rst', 'ruby', 'rust', 'scala', 'swift', 'markdown', 'latex', 'html'];

export const textSplitterRecursiveCharacterTextSplitterNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.textSplitterRecursiveCharacterTextSplitter',
    displayName: 'Recursive Character Text Splitter',
    group: ['transform'],
    version: [1],
    description: 'Split text into chunks by characters recursively, recommended for most use cases',
    icon: 'fa:grip-lines-vertical',
    defaults: { name: 'Recursive Character Text Splitter' },
    inputs: [],
    outputs: ['ai_textSplitter'],
    outputNames: ['Text Splitter'],
    properties: [
      connectionHintNotice('a document loader'),
      { displayName: 'Chunk Size', name: 'chunkSize', type: 'number', default: 1000 },
      { displayName: 'Chunk Overlap', name: 'chunkOverlap', type: 'number', default: 0 },
      {
        displayName: 'Options', name: 'options', placeholder: 'Add Option', description: 'Additional options to add', type: 'collection', default: {},
        options: [{ displayName: 'Split Code', name: 'splitCode', default: 'markdown', type: 'options', options: LANGUAGES.map((lang) => ({ name: lang, value: lang })) }],
      },
    ],
  },
  async supplyData(ctx, itemIndex) {
    const params = {
      // n8n fixes the separators and drops them from the chunks.
      separators: ['\n\n', '\n', ' ', ''],
      chunkSize: Number(ctx.getNodeParameter('chunkSize', itemIndex, 1000)),
      chunkOverlap: Number(ctx.getNodeParameter('chunkOverlap', itemIndex, 0)),
      keepSeparator: false,
    };
    const splitCode = ctx.getNodeParameter('options.splitCode', itemIndex, null) as SupportedTextSplitterLanguage | null;
    const splitter = splitCode && LANGUAGES.includes(splitCode)
      ? RecursiveCharacterTextSplitter.fromLanguage(splitCode, params)
      : new RecursiveCharacterTextSplitter(params);
    return { response: recordTextSplitter(splitter, ctx) };
  },
};
