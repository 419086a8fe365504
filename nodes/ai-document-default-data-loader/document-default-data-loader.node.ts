// Default Data Loader (@n8n/n8n-nodes-langchain.documentDefaultDataLoader v1, 1.1, 2): turns the
// root's input items (their JSON or binary files) into documents for a vector store, split by the
// connected text splitter — or, from v2 in "simple" mode, by a recursive splitter of 1000/200.
import { RecursiveCharacterTextSplitter, type TextSplitter } from '@langchain/textsplitters';
import type { NodeType } from '../../engine/index.ts';
import { DefaultDocumentLoader } from '../ai-shared/document-loader.ts';
import { loaderProperties } from './document-default-data-loader.description.ts';

export const documentDefaultDataLoaderNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader',
    displayName: 'Default Data Loader',
    group: ['transform'],
    version: [1, 1.1, 2],
    description: 'Load data from previous step in the workflow',
    icon: 'file:binary.svg',
    defaults: { name: 'Default Data Loader' },
    inputs: [],
    outputs: ['ai_document'],
    outputNames: ['Document'],
    subNodeInputs: [
      { type: 'ai_textSplitter', displayName: 'Text Splitter', required: true, maxConnections: 1, displayOptions: { show: { '@version': [{ _cnd: { lt: 2 } }] } } },
      { type: 'ai_textSplitter', displayName: 'Text Splitter', required: true, maxConnections: 1, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }], textSplittingMode: ['custom'] } } },
    ],
    properties: loaderProperties,
  },
  async supplyData(ctx, itemIndex) {
    const dataType = ctx.getNodeParameter('dataType', itemIndex, 'json') === 'binary' ? 'binary' : 'json';
    const simple = ctx.node.typeVersion >= 2 && ctx.getNodeParameter('textSplittingMode', itemIndex, 'simple') === 'simple';
    const textSplitter = simple
      ? new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 })
      : ((await ctx.getInputConnectionData('ai_textSplitter', 0)) as TextSplitter | undefined);
    return { response: new DefaultDocumentLoader(ctx, dataType, textSplitter) };
  },
};
