// Simple Vector Store through the real engine: insert items with the Default Data Loader and a text
// splitter, then get them back by similarity in a second run, and as an agent tool in a third.
import { describe, expect, it } from 'vitest';
import { into, mainTo, runVectorWorkflow, TEST_EMBEDDINGS, TEST_TOOL_ROOT, type TestNode } from '../ai-shared/vector-test-support.ts';

const STORE = '@n8n/n8n-nodes-langchain.vectorStoreInMemory';
const key = `facts_${Math.random().toString(36).slice(2, 8)}`;
const memoryKey = { __rl: true, mode: 'id', value: key };

const FACTS = [
  { fact: 'Cats purr when they are content' },
  { fact: 'Rust programs compile to native code' },
  { fact: 'Bees make honey from nectar' },
];

function insertWorkflow(): [TestNode[], Record<string, unknown>] {
  return [[
    { name: 'Store', type: STORE, typeVersion: 1.3, parameters: { mode: 'insert', memoryKey } },
    { name: 'Embeddings', type: TEST_EMBEDDINGS },
    { name: 'Loader', type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader', typeVersion: 1.1, parameters: { options: { metadata: { metadataValues: [{ name: 'origin', value: 'test' }] } } } },
    { name: 'Splitter', type: '@n8n/n8n-nodes-langchain.textSplitterRecursiveCharacterTextSplitter', parameters: { chunkSize: 200 } },
  ], {
    Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding'), Loader: into('Store', 'ai_document'), Splitter: into('Loader', 'ai_textSplitter'),
  }];
}

describe('Simple Vector Store', () => {
  it('inserts the items as documents, recording loader, splitter and embedding calls', async () => {
    const [nodes, connections] = insertWorkflow();
    const result = await runVectorWorkflow(nodes, connections, { items: FACTS.map((json) => ({ json })) });
    expect(result.status).toBe('success');
    const runData = result.data.resultData.runData;
    expect(runData.Store[0].data?.main[0]?.map((i) => i.json)).toEqual(FACTS.map(({ fact }) => ({
      pageContent: fact,
      metadata: { source: 'blob', blobType: 'application/json', line: 1, loc: { lines: { from: 1, to: 1 } }, origin: 'test' },
    })));
    // One loader run and one split per item; the documents are embedded in one batch (v1.1+).
    expect(runData.Loader.map((r) => r.inputOverride?.ai_document?.[0]?.[0]?.json)).toEqual(FACTS);
    expect(runData.Splitter.map((r) => r.data?.ai_textSplitter?.[0]?.[0]?.json)).toEqual(FACTS.map(({ fact }) => ({ response: [fact] })));
    expect(runData.Embeddings).toHaveLength(1);
    expect(runData.Embeddings[0].inputOverride?.ai_embedding?.[0]?.[0]?.json).toEqual({ documents: FACTS.map((f) => f.fact) });
  });

  it('gets the nearest documents to a prompt in a later run, best first', async () => {
    const result = await runVectorWorkflow([
      { name: 'Store', type: STORE, typeVersion: 1.3, parameters: { mode: 'load', memoryKey, prompt: 'why do cats purr', topK: 2 } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
    ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding') });
    expect(result.status).toBe('success');
    const found = result.data.resultData.runData.Store[0].data?.main[0]?.map((i) => i.json) as Array<{ document: { pageContent: string; metadata: object }; score: number }>;
    expect(found).toHaveLength(2);
    expect(found[0].document.pageContent).toBe('Cats purr when they are content');
    expect(found[0].document.metadata).toMatchObject({ origin: 'test' });
    expect(found[0].score).toBeGreaterThan(found[1].score);
    expect(result.data.resultData.runData.Embeddings[0].inputOverride?.ai_embedding?.[0]?.[0]?.json).toEqual({ query: 'why do cats purr' });
  });

  it('keys stores per workflow up to v1.1', async () => {
    const load = (workflowId: string) => runVectorWorkflow([
      { name: 'Store', type: STORE, typeVersion: 1.1, parameters: { mode: 'load', memoryKey: key, prompt: 'cats' } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
    ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding') }, { workflowId });
    // The v1.3 insert above used the shared key; a v1.1 store of any workflow sees its own, empty one.
    expect((await load('wf-other')).data.resultData.runData.Store[0].data?.main[0]).toEqual([]);
  });

  it('supplies a search tool named after the node (v1.3) whose calls are recorded', async () => {
    const result = await runVectorWorkflow([
      { name: 'Root', type: TEST_TOOL_ROOT },
      { name: 'Fact Base', type: STORE, typeVersion: 1.3, parameters: { mode: 'retrieve-as-tool', memoryKey, toolDescription: 'Facts about the world', topK: 1, includeDocumentMetadata: false } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
    ], { Start: mainTo('Root'), 'Fact Base': into('Root', 'ai_tool'), Embeddings: into('Fact Base', 'ai_embedding') }, { items: [{ json: { args: { input: 'honey from bees' } } }] });
    expect(result.status).toBe('success');
    const answer = result.data.resultData.runData.Root[0].data?.main[0]?.[0]?.json;
    expect(answer).toMatchObject({ tool: 'Fact_Base', description: 'Facts about the world' });
    expect(answer?.answer).toEqual([{ type: 'text', text: JSON.stringify({ pageContent: 'Bees make honey from nectar' }) }]);
    const toolRun = result.data.resultData.runData['Fact Base'][0];
    expect(toolRun.inputOverride?.ai_tool?.[0]?.[0]?.json).toEqual({ input: 'honey from bees' });
    expect(toolRun.data?.ai_tool?.[0]?.[0]?.json).toEqual({ response: answer?.answer });
  });
});
