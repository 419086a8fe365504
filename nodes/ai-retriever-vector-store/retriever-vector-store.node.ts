// Vector Store Retriever (@n8n/n8n-nodes-langchain.retrieverVectorStore v1): the connected vector
// store as a LangChain retriever of its top K documents, reranked when the store brings a reranker.
import type { DocumentInterface } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import type { BaseDocumentCompressor } from '@langchain/core/retrievers/document_compressors';
import type { VectorStore } from '@langchain/core/vectorstores';
import type { NodeType } from '../../engine/index.ts';
import { recordRetriever } from '../ai-shared/vector-recording.ts';

/** LangChain's ContextualCompressionRetriever over a store's top K: what n8n builds for a reranking store. */
class RerankingRetriever extends BaseRetriever {
  lc_namespace = ['weft', 'retrievers'];

  constructor(private readonly store: VectorStore, private readonly reranker: BaseDocumentCompressor, private readonly topK: number) {
    super({});
  }

  override async _getRelevantDocuments(query: string): Promise<DocumentInterface[]> {
    const found = await this.store.similaritySearch(query, this.topK);
    return [...(await this.reranker.compressDocuments(found, query))];
  }
}

export const retrieverVectorStoreNode: NodeType = {
  description: {
    name: '@n8n/n8n-nodes-langchain.retrieverVectorStore',
    displayName: 'Vector Store Retriever',
    group: ['transform'],
    version: [1],
    description: 'Use a Vector Store as Retriever',
    icon: 'fa:box-open',
    defaults: { name: 'Vector Store Retriever' },
    inputs: [],
    subNodeInputs: [{ type: 'ai_vectorStore', displayName: 'Vector Store', maxConnections: 1, required: true }],
    outputs: ['ai_retriever'],
    outputNames: ['Retriever'],
    properties: [{ displayName: 'Limit', name: 'topK', type: 'number', default: 4, description: 'Number of top results to fetch from vector store' }],
  },
  async supplyData(ctx, itemIndex) {
    const topK = Number(ctx.getNodeParameter('topK', itemIndex, 4));
    const supplied = (await ctx.getInputConnectionData('ai_vectorStore', itemIndex)) as VectorStore | { reranker: BaseDocumentCompressor; vectorStore: VectorStore };
    const retriever = 'reranker' in supplied && 'vectorStore' in supplied
      ? new RerankingRetriever(supplied.vectorStore, supplied.reranker, topK)
      : (supplied as VectorStore).asRetriever(topK);
    return { response: recordRetriever(retriever, ctx) };
  },
};
