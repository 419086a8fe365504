// The Recursive Character Text Splitter node through the real engine, feeding a Default Data Loader:
// n8n's chunking (separators dropped) and the language option, each split recorded.
import { describe, expect, it } from 'vitest';
import { into, mainTo, runVectorWorkflow, TEST_EMBEDDINGS } from '../ai-shared/vector-test-support.ts';

async function split(text: string, parameters: Record<string, unknown>) {
  const result = await runVectorWorkflow([
    { name: 'Store', type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory', typeVersion: 1.3, parameters: { mode: 'insert', memoryKey: { __rl: true, mode: 'id', value: `split_${Math.random()}` } } },
    { name: 'Embeddings', type: TEST_EMBEDDINGS },
    { name: 'Loader', type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader', typeVersion: 1 },
    { name: 'Splitter', type: '@n8n/n8n-nodes-langchain.textSplitterRecursiveCharacterTextSplitter', parameters },
  ], { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding'), Loader: into('Store', 'ai_document'), Splitter: into('Loader', 'ai_textSplitter') },
  { items: [{ json: { text } }] });
  expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
  return { result, chunks: (result.data.resultData.runData.Store[0].data?.main[0] ?? []).map((i) => i.json.pageContent) };
}

describe('Recursive Character Text Splitter', () => {
  it('splits on paragraphs, then lines, then words, up to the chunk size', async () => {
    const { result, chunks } = await split('First paragraph here.\n\nSecond one is a bit longer than that.', { chunkSize: 25, chunkOverlap: 0 });
    expect(chunks).toEqual(['First paragraph here.', 'Second one is a bit', 'longer than that.']);
    expect(result.data.resultData.runData.Splitter[0].inputOverride?.ai_textSplitter?.[0]?.[0]?.json).toEqual({ textSplitter: 'First paragraph here.\n\nSecond one is a bit longer than that.' });
  });

  it('splits code on the chosen language\'s boundaries', async () => {
    const code = 'def a():\n    return 1\n\ndef b():\n    return 2\n';
    const { chunks } = await split(code, { chunkSize: 30, chunkOverlap: 0, options: { splitCode: 'python' } });
    // n8n keeps keepSeparator false for languages too, so the "\ndef " a chunk was cut at is dropped.
    expect(chunks).toEqual(['def a():\n    return 1', 'b():\n    return 2']);
  });
});
