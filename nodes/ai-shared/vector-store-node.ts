// n8n's createVectorStoreNode: one node type per store, whose mode decides what it does — insert the
// root's items as documents, get the documents nearest a prompt (main output), or supply itself as
// a LangChain VectorStore (ai_vectorStore) or as a search tool (ai_tool).
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseDocumentCompressor } from '@langchain/core/retrievers/document_compressors';
import type { VectorStore } from '@langchain/core/vectorstores';
import { NodeOperationError, type ExecuteContext, type Item, type NodeMethods, type NodeType, type SupplyDataContext } from '../../engine/index.ts';
import { isItemDocumentLoader } from './document-loader.ts';
import { metadataFilterValues } from './vector-metadata.ts';
import { recordVectorStore } from './vector-recording.ts';
import { vectorStoreDescription, type VectorStoreFields, type VectorStoreMeta, type VectorStoreMode } from './vector-store-description.ts';
import { vectorStoreTool } from './vector-store-tool.ts';

export interface VectorStoreNodeArgs extends VectorStoreFields {
  meta: VectorStoreMeta;
  methods?: NodeMethods;
  /** The store to search, with `filter` applied to every search where given (retrieve mode). */
  getVectorStoreClient(ctx: ExecuteContext, filter: Record<string, unknown> | undefined, embeddings: EmbeddingsInterface, itemIndex: number): Promise<VectorStore>;
  /** Embeds and stores documents (insert mode). */
  populateVectorStore(ctx: ExecuteContext, embeddings: EmbeddingsInterface, documents: DocumentInterface[], itemIndex: number): Promise<void>;
}

/** The nearest documents to `query`, reranked when the node says so (the reranker's score replaces the distance). */
export async function searchStore(
  ctx: ExecuteContext, store: VectorStore, embeddings: EmbeddingsInterface, query: string, itemIndex: number,
): Promise<Array<[DocumentInterface, number]>> {
  const topK = Number(ctx.getNodeParameter('topK', itemIndex, 4));
  const filter = metadataFilterValues(ctx, itemIndex);
  let found = await store.similaritySearchVectorWithScore(await embeddings.embedQuery(query), topK, filter);
  if (ctx.getNodeParameter('useReranker', itemIndex, false) === true && found.length > 0) {
    const reranker = (await ctx.getInputConnectionData('ai_reranker', 0)) as BaseDocumentCompressor;
    const reranked = await reranker.compressDocuments(found.map(([doc]) => doc), query);
    found = reranked.map((doc) => {
      const { relevanceScore, ...metadata } = doc.metadata ?? {};
      return [{ ...doc, metadata }, relevanceScore as number];
    });
  }
  return found;
}

async function load(ctx: ExecuteContext, args: VectorStoreNodeArgs, embeddings: EmbeddingsInterface): Promise<Item[]> {
  const out: Item[] = [];
  for (const itemIndex of ctx.getInputData().keys()) {
    const store = await args.getVectorStoreClient(ctx, undefined, embeddings, itemIndex);
    const prompt = String(ctx.getNodeParameter('prompt', itemIndex, ''));
    const withMetadata = ctx.getNodeParameter('includeDocumentMetadata', itemIndex, true) !== false;
    for (const [doc, score] of await searchStore(ctx, store, embeddings, prompt, itemIndex)) {
      const document = { pageContent: doc.pageContent, ...(withMetadata ? { metadata: doc.metadata } : {}) };
      out.push({ json: JSON.parse(JSON.stringify({ document, score })), pairedItem: { item: itemIndex } });
    }
  }
  return out;
}

async function insert(ctx: ExecuteContext, args: VectorStoreNodeArgs, embeddings: EmbeddingsInterface): Promise<Item[]> {
  const loader = await ctx.getInputConnectionData('ai_document', 0);
  const out: Item[] = [];
  const pending: DocumentInterface[] = [];
  for (const [itemIndex, item] of ctx.getInputData().entries()) {
    if (ctx.signal.aborted) break;
    const documents = isItemDocumentLoader(loader) ? await loader.processItem(item, itemIndex) : Array.isArray(loader) ? (loader as DocumentInterface[]) : undefined;
    if (!documents) throw new NodeOperationError(ctx.node.name, 'The connected document loader supplies no documents', { itemIndex });
    for (const doc of documents) out.push({ json: JSON.parse(JSON.stringify({ metadata: doc.metadata, pageContent: doc.pageContent })), pairedItem: { item: itemIndex } });
    // Version 1 stores each item's documents at once; later versions embed in batches.
    if (ctx.node.typeVersion === 1) await args.populateVectorStore(ctx, embeddings, documents, itemIndex);
    else pending.push(...documents);
  }
  const batchSize = Math.max(1, Number(ctx.getNodeParameter('embeddingBatchSize', 0, 200)) || 200);
  for (let start = 0; start < pending.length; start += batchSize) await args.populateVectorStore(ctx, embeddings, pending.slice(start, start + batchSize), 0);
  return out;
}

export function createVectorStoreNode(args: VectorStoreNodeArgs): NodeType {
  const supports = (mode: VectorStoreMode) => (args.meta.operationModes ?? ['load', 'insert', 'retrieve', 'retrieve-as-tool']).includes(mode);
  return {
    description: vectorStoreDescription(args.meta, args),
    ...(args.methods ? { methods: args.methods } : {}),
    async execute(ctx) {
      const mode = ctx.getNodeParameter('mode', 0) as VectorStoreMode;
      const embeddings = (await ctx.getInputConnectionData('ai_embedding', 0)) as EmbeddingsInterface;
      if (mode === 'load') return [await load(ctx, args, embeddings)];
      if (mode === 'insert') return [await insert(ctx, args, embeddings)];
      if (mode === 'update') {
        if (!supports('update')) throw new NodeOperationError(ctx.node.name, 'Update operation is not implemented for this Vector Store');
      }
      throw new NodeOperationError(ctx.node.name, 'Only the "load", "update", "insert", and "retrieve-as-tool" operation modes are supported with execute');
    },
    async supplyData(ctx: SupplyDataContext, itemIndex: number) {
      const mode = ctx.getNodeParameter('mode', 0) as VectorStoreMode;
      const embeddings = (await ctx.getInputConnectionData('ai_embedding', 0)) as EmbeddingsInterface;
      if (mode === 'retrieve') {
        const store = await args.getVectorStoreClient(ctx, metadataFilterValues(ctx, itemIndex), embeddings, itemIndex);
        const recordedStore = recordVectorStore(store, ctx);
        if (ctx.getNodeParameter('useReranker', itemIndex, false) === true) {
          const reranker = (await ctx.getInputConnectionData('ai_reranker', 0)) as BaseDocumentCompressor;
          return { response: { reranker, vectorStore: recordedStore } };
        }
        return { response: recordedStore };
      }
      if (mode === 'retrieve-as-tool') {
        const search = async (query: string) => searchStore(ctx, await args.getVectorStoreClient(ctx, undefined, embeddings, itemIndex), embeddings, query, itemIndex);
        return { response: vectorStoreTool(ctx, itemIndex, search) };
      }
      throw new NodeOperationError(ctx.node.name, 'Only the "retrieve" and "retrieve-as-tool" operation mode is supported to supply data');
    },
  };
}
