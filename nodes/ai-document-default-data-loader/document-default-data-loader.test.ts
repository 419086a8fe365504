// The Default Data Loader through the real engine, feeding a Simple Vector Store insert: binary
// files by mime type, chosen JSON data, and the text splitter's chunks.
import { describe, expect, it } from 'vitest';
import { into, mainTo, runVectorWorkflow, TEST_EMBEDDINGS, type TestNode } from '../ai-shared/vector-test-support.ts';

const binary = (text: string, mimeType: string) => ({ data: { data: Buffer.from(text).toString('base64'), mimeType, fileName: 'f' } });

async function insertWith(loader: TestNode, items: Array<{ json: Record<string, unknown>; binary?: Record<string, { data: string; mimeType: string }> }>, splitter?: TestNode) {
  const nodes: TestNode[] = [
    { name: 'Store', type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory', typeVersion: 1.3, parameters: { mode: 'insert', memoryKey: { __rl: true, mode: 'id', value: `loader_${Math.random()}` } } },
    { name: 'Embeddings', type: TEST_EMBEDDINGS },
    { ...loader, name: 'Loader' },
    ...(splitter ? [{ ...splitter, name: 'Splitter' }] : []),
  ];
  const connections: Record<string, unknown> = { Start: mainTo('Store'), Embeddings: into('Store', 'ai_embedding'), Loader: into('Store', 'ai_document') };
  if (splitter) connections.Splitter = into('Loader', 'ai_textSplitter');
  const result = await runVectorWorkflow(nodes, connections, { items: items as never });
  return { result, docs: (result.data.resultData.runData.Store?.[0]?.data?.main[0] ?? []).map((i) => i.json as { pageContent: string; metadata: Record<string, unknown> }) };
}

const LOADER = '@n8n/n8n-nodes-langchain.documentDefaultDataLoader';

describe('Default Data Loader', () => {
  it('reads binary CSV and text files by their mime type', async () => {
    const { result, docs } = await insertWith(
      { name: 'Loader', type: LOADER, typeVersion: 2, parameters: { textSplittingMode: 'simple', dataType: 'binary' } },
      [{ json: {}, binary: binary('name,city\nAnn,Oslo\n', 'text/csv') }, { json: {}, binary: binary('plain words', 'text/plain') }],
    );
    expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
    expect(docs.map((d) => d.pageContent)).toEqual(['name: Ann\ncity: Oslo', 'plain words']);
    expect(docs[0].metadata).toMatchObject({ blobType: 'text/csv', line: 1 });
  });

  it('fails with n8n\'s message when a file\'s type does not match the chosen format', async () => {
    const { result } = await insertWith(
      { name: 'Loader', type: LOADER, typeVersion: 2, parameters: { textSplittingMode: 'simple', dataType: 'binary', loader: 'csvLoader' } },
      [{ json: {}, binary: binary('{}', 'application/json') }],
    );
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toBe('Mime type doesn\'t match selected loader. Please select under "Loader Type": jsonLoader');
    expect(result.data.resultData.runData.Loader[0]).toMatchObject({ executionStatus: 'error' });
  });

  it('loads the data an expression picks, split by the connected character splitter', async () => {
    const { result, docs } = await insertWith(
      { name: 'Loader', type: LOADER, typeVersion: 1.1, parameters: { jsonMode: 'expressionData', jsonData: '={{ $json.body }}' } },
      [{ json: { body: 'one|two|three', ignored: 'x' } }],
      { name: 'Splitter', type: '@n8n/n8n-nodes-langchain.textSplitterCharacterTextSplitter', parameters: { separator: '|', chunkSize: 3, chunkOverlap: 0 } },
    );
    expect(result.status, JSON.stringify(result.data.resultData.error)).toBe('success');
    expect(docs.map((d) => d.pageContent)).toEqual(['one', 'two', 'three']);
    expect(docs[0].metadata).toEqual({ source: 'blob', blobType: 'text/plain', loc: { lines: { from: 1, to: 1 } } });
    expect(result.data.resultData.runData.Splitter[0].data?.ai_textSplitter?.[0]?.[0]?.json).toEqual({ response: ['one', 'two', 'three'] });
  });

  it('needs a text splitter connected in v1 and in custom mode', async () => {
    const { result } = await insertWith({ name: 'Loader', type: LOADER, typeVersion: 2, parameters: { textSplittingMode: 'custom' } }, [{ json: { a: 'b' } }]);
    expect(result.data.resultData.error?.message).toBe('A Text Splitter sub-node must be connected and enabled');
  });
});
