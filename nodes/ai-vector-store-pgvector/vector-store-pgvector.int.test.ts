// Postgres PGVector Store against the real PostgreSQL on 127.0.0.1:5432 with pgvector
// (.ci/services/pgvector.sh): insert, get by similarity in cosine and euclidean order, a collection
// kept apart, and the store (retrieve mode) behind the QA tool, its model answered by the LLM stand-in.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { into, mainTo, runVectorWorkflow, TEST_EMBEDDINGS, TEST_TOOL_ROOT, type TestNode } from '../ai-shared/vector-test-support.ts';
import { LLM_API_KEY, startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';

const CREDENTIAL = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const STORE = '@n8n/n8n-nodes-langchain.vectorStorePGVector';
const table = `weft_vec_${Math.random().toString(36).slice(2, 8)}`;
const collections = `${table}_collections`;
const admin = new pg.Client({ ...CREDENTIAL, ssl: false });
let available = true;
let llm: LlmStandIn;

const FACTS = ['Cats purr when they are content', 'Rust programs compile to native code', 'Bees make honey from nectar'];
const pgCredentials = { postgres: { id: '1', name: 'pg' } };

beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    available = false;
    console.warn(`Skipping PGVector tests: no server at 127.0.0.1:5432 (${(error as Error).message})`);
    return;
  }
  llm = await startLlmStandIn();
});
afterAll(async () => {
  if (available) await admin.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${collections}`).catch(() => {});
  await admin.end().catch(() => {});
  await llm?.close();
});
beforeEach((test) => { if (!available) test.skip(); });

const run = (nodes: TestNode[], connections: Record<string, unknown>, items = [{ json: {} }]) =>
  runVectorWorkflow(nodes, connections, { items, credentials: { postgres: CREDENTIAL, openAiApi: { apiKey: LLM_API_KEY, url: llm.openAiUrl } } });

function insert(parameters: Record<string, unknown>, facts: string[]) {
  return run([
    { name: 'Store', type: STORE, typeVersion: 1.3, credentials: pgCredentials, parameters: { mode: 'insert', tableName: table, createExtension: true, ...parameters } },
    { name: 'Embeddings', type: TEST_EMBEDDINGS },
    { name: 'Loader', type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader', typeVersion: 2, parameters: { textSplittingMode: 'simple' } },
  ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding'), Loader: into('Store', 'ai_document') }, facts.map((fact) => ({ json: { fact } })));
}

function load(prompt: string, options: Record<string, unknown> = {}) {
  return run([
    { name: 'Store', type: STORE, typeVersion: 1.3, credentials: pgCredentials, parameters: { mode: 'load', tableName: table, prompt, topK: 3, options } },
    { name: 'Embeddings', type: TEST_EMBEDDINGS },
  ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding') });
}

const found = (result: Awaited<ReturnType<typeof load>>) =>
  (result.data.resultData.runData.Store[0].data?.main[0] ?? []).map((i) => i.json as { document: { pageContent: string; metadata?: Record<string, unknown> }; score: number });

describe('Postgres PGVector Store', () => {
  it('creates n8n\'s table and inserts the documents with their embeddings', async () => {
    const result = await insert({}, FACTS);
    expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
    const rows = await admin.query(`SELECT text, metadata, vector_dims(embedding) AS dims FROM ${table} ORDER BY text`);
    expect(rows.rows.map((r) => r.text)).toEqual([...FACTS].sort());
    expect(rows.rows[0].metadata).toMatchObject({ source: 'blob', blobType: 'application/json', line: 1 });
    expect(rows.rows[0].dims).toBe(32);
    const columns = await admin.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table]);
    expect(columns.rows.map((r) => r.column_name)).toEqual(['id', 'text', 'metadata', 'embedding']);
  });

  it('gets the documents nearest the prompt, smallest cosine distance first', async () => {
    const result = await load('bees and honey');
    expect(result.status).toBe('success');
    const docs = found(result);
    expect(docs.map((d) => d.document.pageContent)[0]).toBe('Bees make honey from nectar');
    expect(docs.map((d) => d.score)).toEqual([...docs.map((d) => d.score)].sort((a, b) => a - b));
    expect(result.data.resultData.runData.Embeddings[0].inputOverride?.ai_embedding?.[0]?.[0]?.json).toEqual({ query: 'bees and honey' });
  });

  it('ranks by euclidean distance and filters on metadata when asked', async () => {
    const euclidean = found(await load('native code from rust', { distanceStrategy: 'euclidean' }));
    expect(euclidean[0].document.pageContent).toBe('Rust programs compile to native code');
    await insert({ options: {} }, ['Owls hunt at night']);
    await admin.query(`UPDATE ${table} SET metadata = metadata || '{"kind":"bird"}' WHERE text = 'Owls hunt at night'`);
    const filtered = found(await load('cats', { metadata: { metadataValues: [{ name: 'kind', value: 'bird' }] } }));
    expect(filtered.map((d) => d.document.pageContent)).toEqual(['Owls hunt at night']);
  });

  it('keeps a collection\'s documents apart from the rest of the table', async () => {
    const collection = { collection: { values: { useCollection: true, collectionName: 'zoo', collectionTableName: collections } } };
    expect((await insert({ options: collection }, ['Zebras have stripes'])).status).toBe('success');
    const inZoo = found(await load('cats purr', collection));
    expect(inZoo.map((d) => d.document.pageContent)).toEqual(['Zebras have stripes']);
  });

  it('answers a question through the QA tool from the retrieved documents', async () => {
    llm.reset();
    llm.script({ text: 'They make honey.' });
    const result = await run([
      { name: 'Root', type: TEST_TOOL_ROOT },
      { name: 'QA', type: '@n8n/n8n-nodes-langchain.toolVectorStore', typeVersion: 1, parameters: { name: 'facts', description: 'animal facts', topK: 1 } },
      { name: 'Store', type: STORE, typeVersion: 1.3, credentials: pgCredentials, parameters: { mode: 'retrieve', tableName: table } },
      { name: 'Embeddings', type: TEST_EMBEDDINGS },
      { name: 'Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1, credentials: { openAiApi: { id: '2', name: 'ai' } }, parameters: { model: 'gpt-4o-mini' } },
    ], {
      Start: mainTo('Root'), QA: into('Root', 'ai_tool'), Store: into('QA', 'ai_vectorStore'), Embeddings: into('Store', 'ai_embedding'), Model: into('QA', 'ai_languageModel'),
    }, [{ json: { args: { input: 'what do bees make from nectar' } } }]);
    expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
    const answer = result.data.resultData.runData.Root[0].data?.main[0]?.[0]?.json;
    expect(answer).toMatchObject({ tool: 'facts', answer: 'They make honey.' });
    expect(answer?.description).toContain('Useful for when you need to answer questions about facts.');
    // The model saw the nearest document as context and the question as the user's message.
    const call = llm.chatCalls[0];
    expect(call.messages[0]).toMatchObject({ role: 'system' });
    expect(call.messages[0].content).toContain('Bees make honey from nectar');
    expect(call.messages[1]).toEqual({ role: 'user', content: 'what do bees make from nectar' });
    const runData = result.data.resultData.runData;
    expect(runData.Store[0].inputOverride?.ai_vectorStore?.[0]?.[0]?.json).toEqual({ query: 'what do bees make from nectar', k: 1 });
    expect(runData.Store[0].data?.ai_vectorStore?.[0]?.[0]?.json).toMatchObject({ response: [{ pageContent: 'Bees make honey from nectar' }] });
    expect(runData.QA[0].data?.ai_tool?.[0]?.[0]?.json).toEqual({ response: 'They make honey.' });
    expect(runData.Model).toHaveLength(1);
  });
});
