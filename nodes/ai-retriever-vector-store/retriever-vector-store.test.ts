// Vector Store Retriever through the real engine: a Simple Vector Store in retrieve mode behind it,
// the root asking for documents; the retrieval and the store's search are each recorded.
import { describe, expect, it } from 'vitest';
import { into, mainTo, runVectorWorkflow, TEST_EMBEDDINGS, TEST_RETRIEVER_ROOT } from '../ai-shared/vector-test-support.ts';

const STORE = '@n8n/n8n-nodes-langchain.vectorStoreInMemory';
const memoryKey = { __rl: true, mode: 'id', value: `retriever_${Math.random().toString(36).slice(2, 8)}` };

describe('Vector Store Retriever', () => {
  it('hands the root the store\'s top K documents for its query', async () => {
    const facts = ['Cats purr when they are content', 'Rust programs compile to native code', 'Bees make honey from nectar'];
    const inserted = await runVectorWorkflow([
      { name: 'Store', type: STORE, typeVersion: 1.3, parameters: { mode: 'insert', memoryKey } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
      { name: 'Loader', type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader', typeVersion: 2, parameters: { textSplittingMode: 'simple' } },
    ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding'), Loader: into('Store', 'ai_document') }, { items: facts.map((fact) => ({ json: { fact } })) });
    expect(inserted.status).toBe('success');

    const result = await runVectorWorkflow([
      { name: 'Root', type: TEST_RETRIEVER_ROOT },
      { name: 'Retriever', type: '@n8n/n8n-nodes-langchain.retrieverVectorStore', parameters: { topK: 2 } },
      { name: 'Store', type: STORE, typeVersion: 1.3, parameters: { mode: 'retrieve', memoryKey } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
    ], { Start: mainTo('Root'), Retriever: into('Root', 'ai_retriever'), Store: into('Retriever', 'ai_vectorStore'), Embeddings: into('Store', 'ai_embedding') },
    { items: [{ json: { query: 'rust native code' } }] });
    expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
    const documents = result.data.resultData.runData.Root[0].data?.main[0]?.[0]?.json.documents as string[];
    expect(documents).toHaveLength(2);
    expect(documents[0]).toBe('Rust programs compile to native code');
    const runData = result.data.resultData.runData;
    expect(runData.Retriever[0].inputOverride?.ai_retriever?.[0]?.[0]?.json).toEqual({ query: 'rust native code' });
    expect((runData.Retriever[0].data?.ai_retriever?.[0]?.[0]?.json.response as Array<{ pageContent: string }>).map((d) => d.pageContent)).toEqual(documents);
    expect(runData.Store[0].inputOverride?.ai_vectorStore?.[0]?.[0]?.json).toMatchObject({ query: 'rust native code', k: 2 });
  });
});
