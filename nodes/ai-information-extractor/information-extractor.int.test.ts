// The structured chains on the real engine against the LLM stand-in: the Information Extractor
// (attributes, a fixed answer), the Text Classifier's routing and the Sentiment Analysis outputs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiModel, runChain, type TestNode } from '../ai-shared/chain-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';

let llm: LlmStandIn;
beforeAll(async () => { llm = await startLlmStandIn(); });
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const node = (type: string, name: string, parameters: Record<string, unknown>, typeVersion = 1.1): TestNode => ({ name, type: `@n8n/n8n-nodes-langchain.${type}`, typeVersion, parameters });
const outputs = (run: Awaited<ReturnType<typeof runChain>>, name: string) => (run.runs(name)[0].data.main as Array<Array<{ json: unknown }>>).map((list) => list.map((i) => i.json));

describe('Information Extractor', () => {
  const attributes = { attributes: [{ name: 'company', type: 'string', description: 'The company named', required: true }, { name: 'employees', type: 'number', description: 'Head count' }] };

  it('asks for the attributes as JSON and outputs { output } per item', async () => {
    llm.script({ json: { company: 'Acme', employees: 40 } });
    const run = await runChain(node('informationExtractor', 'Extract', { text: '={{ $json.body }}', attributes }, 1.2), [openAiModel()], { items: [{ body: 'Acme has 40 staff.' }], llm });
    expect(run.result.data.resultData.error).toBeUndefined();
    const [system, user] = llm.chatCalls[0].messages;
    expect(system.role).toBe('system');
    expect(system.content).toContain('"company"');
    expect(system.content).toContain('"required":["company"]');
    expect(user).toMatchObject({ role: 'user', content: 'Acme has 40 staff.' });
    expect(run.output).toEqual([{ output: { company: 'Acme', employees: 40 } }]);
  });

  it('asks the model once more when the answer does not fit, showing it the error', async () => {
    llm.script({ text: 'Acme, I think' }, { json: { company: 'Acme' } });
    const run = await runChain(node('informationExtractor', 'Extract', { text: 'Acme', attributes }), [openAiModel()], { items: [{}], llm });
    expect(run.output).toEqual([{ output: { company: 'Acme' } }]);
    expect(llm.chatCalls[1].messages[0].content).toContain('Acme, I think');
  });

  it('reports a failed item and goes on when set to continue', async () => {
    llm.script({ text: 'no' }, { text: 'still no' }, { json: { company: 'B' } });
    const run = await runChain({ ...node('informationExtractor', 'Extract', { text: '={{ $json.t }}', attributes, options: { batching: { batchSize: 1 } } }), continueOnFail: true }, [openAiModel()], { items: [{ t: 'a' }, { t: 'b' }], llm });
    expect(run.output).toEqual([{ error: expect.stringContaining('Failed to parse') }, { output: { company: 'B' } }]);
  });
});

describe('Text Classifier', () => {
  it('routes each item to the outputs of the categories the model marks, with Other for none', async () => {
    llm.script({ json: { bug: true, feature: false, fallback: false } }, { json: { bug: false, feature: false, fallback: true } });
    const categories = { categories: [{ category: 'bug', description: 'Something broken' }, { category: 'feature' }] };
    const run = await runChain(node('textClassifier', 'Classify', { inputText: '={{ $json.text }}', categories, options: { fallback: 'other', batching: { batchSize: 1 } } }), [openAiModel()],
      { items: [{ text: 'It crashes' }, { text: 'Hello' }], llm });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(llm.chatCalls[0].messages[0].content).toContain('bug, feature');
    expect(llm.chatCalls[0].messages[0].content).toContain('"fallback"');
    expect(outputs(run, 'Classify')).toEqual([[{ text: 'It crashes' }], [], [{ text: 'Hello' }]]);
  });
});

describe('Sentiment Analysis', () => {
  it('puts the item on its category output with the sentiment (and scores when asked)', async () => {
    llm.script({ json: { sentiment: 'Negative', strength: 0.9, confidence: 0.8 } });
    const run = await runChain(node('sentimentAnalysis', 'Sentiment', { inputText: '={{ $json.review }}', options: { includeDetailedResults: true } }), [openAiModel()], { items: [{ review: 'Awful.' }], llm });
    expect(outputs(run, 'Sentiment')).toEqual([[], [], [{ review: 'Awful.', sentimentAnalysis: { category: 'Negative', strength: 0.9, confidence: 0.8 } }]]);
  });
});
