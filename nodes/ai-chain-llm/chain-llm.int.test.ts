// The Basic LLM Chain on the real engine with the OpenAI chat model and the output parser sub-nodes
// against the LLM stand-in: messages sent, `{ text }`, parsed objects and lists, and a fixed answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiModel, runChain, type TestNode } from '../ai-shared/chain-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';

let llm: LlmStandIn;
beforeAll(async () => { llm = await startLlmStandIn(); });
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const chain = (typeVersion: number, parameters: Record<string, unknown>): TestNode => ({ name: 'Basic LLM Chain', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion, parameters });
const structured = (parameters: Record<string, unknown>, typeVersion = 1.3): TestNode => ({ name: 'Structured Output Parser', type: '@n8n/n8n-nodes-langchain.outputParserStructured', typeVersion, connection: 'ai_outputParser', parameters });

describe('Basic LLM Chain', () => {
  it('sends the message templates then the prompt, and answers { text } per item', async () => {
    llm.script({ text: '  Bonjour  ' }, { text: 'Hola' });
    const messages = { messageValues: [{ type: 'SystemMessagePromptTemplate', message: 'Translate {literally}.' }, { type: 'AIMessagePromptTemplate', message: 'Ready.' }] };
    const run = await runChain(chain(1.7, { promptType: 'define', text: '={{ $json.word }}', messages }), [openAiModel()], { items: [{ word: 'hello' }, { word: 'hi' }], llm });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(llm.chatCalls[0].messages.map((m) => [m.role, m.content])).toEqual([['system', 'Translate {literally}.'], ['assistant', 'Ready.'], ['user', 'hello']]);
    expect(run.output).toEqual([{ text: 'Bonjour' }, { text: 'Hola' }]);
    expect(run.runs('OpenAI Chat Model')).toHaveLength(2);
  });

  it('v1.3 reads the legacy prompt parameter', async () => {
    const run = await runChain(chain(1.3, { prompt: '={{ $json.chatInput }}' }), [openAiModel()], { items: [{ chatInput: 'ping' }], llm });
    expect(run.output).toEqual([{ text: 'echo: ping' }]);
  });

  it('adds the structured parser\'s instructions and returns the parsed object', async () => {
    llm.script({ text: '```json\n{"output": {"state": "Oregon", "cities": ["Portland", "Salem"]}}\n```' });
    const run = await runChain(chain(1.7, { promptType: 'define', text: 'Name a state and cities', hasOutputParser: true }), [openAiModel(), structured({ jsonSchemaExample: '{"state": "California", "cities": ["Los Angeles"]}' })], { items: [{}], llm });
    expect(run.result.data.resultData.error).toBeUndefined();
    const sent = llm.chatCalls[0].messages[0].content;
    expect(sent.startsWith('Name a state and cities\n')).toBe(true);
    expect(sent).toContain('"required":["state","cities"]');
    expect(run.output).toEqual([{ output: { state: 'Oregon', cities: ['Portland', 'Salem'] } }]);
    expect(run.runs('Structured Output Parser')[0].executionStatus).toBe('success');
  });

  it('fails with n8n\'s message when the answer does not fit, and records the failed parse', async () => {
    llm.script({ text: '{"output": {"state": 5}}' });
    const run = await runChain(chain(1.7, { promptType: 'define', text: 'x', hasOutputParser: true }), [openAiModel(), structured({ jsonSchemaExample: '{"state": "California"}' })], { items: [{}], llm });
    expect(run.result.data.resultData.error?.message).toBe("Model output doesn't fit required format");
    expect(run.runs('Structured Output Parser')[0].executionStatus).toBe('error');
  });

  it('lets the structured parser (autoFix) ask its model to fix a bad answer', async () => {
    llm.script({ text: 'The state is Utah' }, { json: { output: { state: 'Utah' } } });
    const parser = { ...structured({ schemaType: 'manual', inputSchema: '{"type":"object","properties":{"state":{"type":"string"}},"required":["state"]}', autoFix: true }) };
    const fixer = { ...openAiModel('Fixer Model'), target: 'Structured Output Parser' };
    const run = await runChain(chain(1.7, { promptType: 'define', text: 'x', hasOutputParser: true }), [openAiModel(), parser, fixer], { items: [{}], llm });
    expect(run.output).toEqual([{ output: { state: 'Utah' } }]);
    expect(llm.chatCalls[1].messages[0].content).toContain('The state is Utah');
    expect(run.runs('Fixer Model')).toHaveLength(1);
    expect(run.runs('Structured Output Parser').map((r) => r.executionStatus)).toEqual(['error', 'success']);
  });

  it('splits the answer with the item list parser into { data }', async () => {
    llm.script({ text: '1. red\n2. green\n3. blue' });
    const list: TestNode = { name: 'Item List Output Parser', type: '@n8n/n8n-nodes-langchain.outputParserItemList', connection: 'ai_outputParser', parameters: { options: { numberOfItems: 2 } } };
    const run = await runChain(chain(1.7, { promptType: 'define', text: 'Colours?', hasOutputParser: true }), [openAiModel(), list], { items: [{}], llm });
    expect(llm.chatCalls[0].messages[0].content).toContain('exactly 2 items');
    expect(run.output).toEqual([{ data: ['red', 'green'] }]);
  });

  it('fails with n8n\'s message when no model is connected', async () => {
    const run = await runChain(chain(1.7, { promptType: 'define', text: 'x' }), [], { items: [{}], llm });
    expect(run.result.data.resultData.error).toMatchObject({ message: 'A Model sub-node must be connected and enabled', node: 'Basic LLM Chain' });
  });
});
