// The Summarization Chain and the Question and Answer Chain on the real engine against the LLM
// stand-in: map-reduce over chunks, refine, and answers from a retriever's documents.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NodeType, SupplyDataContext } from '../../engine/index.ts';
import { openAiModel, runChain, type TestNode } from '../ai-shared/chain-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';

let llm: LlmStandIn;
beforeAll(async () => { llm = await startLlmStandIn(); });
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const summarization = (typeVersion: number, parameters: Record<string, unknown>): TestNode => ({ name: 'Summarize', type: '@n8n/n8n-nodes-langchain.chainSummarization', typeVersion, parameters });

describe('Summarization Chain', () => {
  it('map-reduce: summarizes each chunk of the item, then the summaries', async () => {
    llm.script({ text: 'A' }, { text: 'B' }, { text: 'final' });
    const body = `${'alpha '.repeat(20)}\n\n${'omega '.repeat(20)}`;
    const run = await runChain(summarization(2, { chunkSize: 130, chunkOverlap: 0 }), [openAiModel()], { items: [{ body }], llm });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(llm.chatCalls).toHaveLength(3);
    expect(llm.chatCalls[0].messages[0].content).toContain('alpha alpha');
    expect(llm.chatCalls[1].messages[0].content).toContain('omega omega');
    expect(llm.chatCalls[2].messages[0].content).toContain('"A\n\nB"');
    expect(run.output).toEqual([{ response: { text: 'final' } }]);
  });

  it('refine: starts from the first chunk and improves the summary with the next', async () => {
    llm.script({ text: 'first' }, { text: 'better' });
    const values = { summarizationMethod: 'refine' };
    const run = await runChain(summarization(2, { chunkSize: 130, chunkOverlap: 0, options: { summarizationMethodAndPrompts: { values } } }), [openAiModel()],
      { items: [{ body: `${'alpha '.repeat(20)}\n\n${'omega '.repeat(20)}` }], llm });
    expect(llm.chatCalls[1].messages[0].content).toContain('"first"');
    expect(run.output).toEqual([{ response: { output_text: 'better' } }]);
  });
});

const retrieverType: NodeType = {
  description: { name: 'test.retriever', displayName: 'Retriever', group: ['transform'], version: [1], description: '', defaults: { name: 'Retriever' }, inputs: [], outputs: ['ai_retriever'], properties: [] },
  async supplyData(ctx: SupplyDataContext) {
    return {
      response: {
        invoke: async (query: string) => {
          const call = ctx.startCall('ai_retriever', { query });
          const documents = [{ pageContent: 'Weft stores runs as events.', metadata: {} }, { pageContent: `Asked: ${query}`, metadata: {} }];
          await call.end({ documents });
          return documents;
        },
      },
    };
  },
};

describe('Question and Answer Chain', () => {
  it('puts the retrieved documents in the system prompt and answers', async () => {
    llm.script({ text: 'As events.' });
    const qa: TestNode = { name: 'QA', type: '@n8n/n8n-nodes-langchain.chainRetrievalQa', typeVersion: 1.6, parameters: {} };
    const run = await runChain(qa, [openAiModel(), { name: 'Retriever', type: 'test.retriever', connection: 'ai_retriever' }], { items: [{ chatInput: 'How are runs stored?' }], llm, testTypes: { 'test.retriever': retrieverType } });
    expect(run.result.data.resultData.error).toBeUndefined();
    const [system, user] = llm.chatCalls[0].messages;
    expect(system.content).toContain('Weft stores runs as events.\n\nAsked: How are runs stored?');
    expect(user).toMatchObject({ role: 'user', content: 'How are runs stored?' });
    expect(run.output).toEqual([{ response: 'As events.' }]);
    expect(run.runs('Retriever')).toHaveLength(1);
  });

  it('fails with n8n\'s message when no retriever is connected', async () => {
    const qa: TestNode = { name: 'QA', type: '@n8n/n8n-nodes-langchain.chainRetrievalQa', typeVersion: 1.6, parameters: {} };
    const run = await runChain(qa, [openAiModel()], { items: [{ chatInput: 'x' }], llm });
    expect(run.result.data.resultData.error?.message).toBe('A Retriever sub-node must be connected and enabled');
  });
});
