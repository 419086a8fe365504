// The embeddings sub-nodes on the real engine against the LLM stand-in: what the provider receives
// and each use recorded as a run (a document batch with its vector count, a query with its vector).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWithSubNode } from './chat-model-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from './testing/llm-stand-in.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());
beforeEach(() => llm.reset());

type Run = Record<string, any>;
const items = [{ texts: ['first\ndocument', 'second', 'third'], query: 'which one?' }];

describe('embeddings sub-nodes', () => {
  it('embeddingsOpenAi 1.2: model, dimensions and batches at the credential URL; each use recorded', async () => {
    const result = await runWithSubNode({
      name: 'Embeddings OpenAI', type: '@n8n/n8n-nodes-langchain.embeddingsOpenAi', typeVersion: 1.2, credentialType: 'openAiApi',
      parameters: { model: 'text-embedding-3-small', options: { dimensions: 256, batchSize: 2 } },
    }, { items, embeddings: true, credentials: { openAiApi: { apiKey: llm.apiKey, url: llm.openAiUrl } } });
    expect(result.data.resultData.error?.message).toBeUndefined();
    expect(result.data.resultData.runData.Root[0].data?.main[0]?.[0].json).toEqual({ documents: [256, 256, 256], query: 256 });
    const posts = llm.requests.filter((r) => r.path === '/v1/embeddings');
    // Two documents per request, then the query: three requests; new lines stripped by default.
    expect(posts.map((r) => (r.body as { input: unknown }).input)).toEqual([['first document', 'second'], ['third'], 'which one?']);
    expect(posts[0].body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 256 });
    expect(posts[0].headers.authorization).toBe(`Bearer ${llm.apiKey}`);
    const runs = result.data.resultData.runData['Embeddings OpenAI'] as unknown as Run[];
    expect(runs.map((r) => r.inputOverride.ai_embedding[0][0].json)).toEqual([{ documents: 3 }, { query: 'which one?' }]);
    expect(runs[0].data.ai_embedding[0][0].json).toEqual({ response: 3 });
    expect(runs[1].data.ai_embedding[0][0].json.response).toHaveLength(256);
  });

  it('embeddingsOpenAi 1: the Base URL option overrides the credential, ada-002 by default', async () => {
    const result = await runWithSubNode({
      name: 'Embeddings OpenAI', type: '@n8n/n8n-nodes-langchain.embeddingsOpenAi', typeVersion: 1, credentialType: 'openAiApi',
      parameters: { options: { baseURL: llm.openAiUrl, stripNewLines: false } },
    }, { items, embeddings: true, credentials: { openAiApi: { apiKey: llm.apiKey, url: 'http://127.0.0.1:9/v1' } } });
    expect(result.status).toBe('success');
    const first = llm.requests.find((r) => r.path === '/v1/embeddings');
    expect(first?.body).toMatchObject({ model: 'text-embedding-ada-002', input: ['first\ndocument', 'second', 'third'] });
  });

  it('embeddingsOllama: /api/embed with the model', async () => {
    const ok = await runWithSubNode({ name: 'Embeddings Ollama', type: '@n8n/n8n-nodes-langchain.embeddingsOllama', typeVersion: 1, credentialType: 'ollamaApi', parameters: { model: 'nomic-embed-text' } },
      { items, embeddings: true, credentials: { ollamaApi: { baseUrl: llm.ollamaUrl } } });
    expect(ok.data.resultData.error?.message).toBeUndefined();
    const seen = llm.requests.find((r) => r.path === '/api/embed');
    expect(seen?.body).toMatchObject({ model: 'nomic-embed-text' });
    expect((ok.data.resultData.runData['Embeddings Ollama'] as unknown as Run[]).map((r) => r.executionStatus)).toEqual(['success', 'success']);
  });

  it('records a refused call as a failed run of the embeddings node', async () => {
    const failed = await runWithSubNode({ name: 'Embeddings OpenAI', type: '@n8n/n8n-nodes-langchain.embeddingsOpenAi', typeVersion: 1.2, credentialType: 'openAiApi', parameters: {} },
      { items, embeddings: true, credentials: { openAiApi: { apiKey: 'sk-wrong', url: llm.openAiUrl } } });
    expect(failed.status).toBe('error');
    const run = failed.data.resultData.runData['Embeddings OpenAI'][0] as unknown as Run;
    expect(run.executionStatus).toBe('error');
    expect(run.error.message).toMatch(/Incorrect API key/);
  });
});
