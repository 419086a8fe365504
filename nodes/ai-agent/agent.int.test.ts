// The AI Agent on the real engine with the OpenAI chat model sub-node against the LLM stand-in: a
// tool loop over two model calls, memory, intermediate steps, an output parser's final tool, the
// iteration limit, a missing model and continue-on-fail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiModel, runChain, type TestNode } from '../ai-shared/chain-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';
import { testToolType } from './agent-test-tools.ts';

let llm: LlmStandIn;
beforeAll(async () => { llm = await startLlmStandIn(); });
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const testTypes = { 'test.weatherTool': testToolType('test.weatherTool', 'weather', ({ city }) => `It is sunny and 21°C in ${city}`) };
const agent = (typeVersion: number, parameters: Record<string, unknown> = {}): TestNode => ({ name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion, parameters });
const weather: TestNode = { name: 'Weather', type: 'test.weatherTool', connection: 'ai_tool' };
const memory: TestNode = { name: 'Simple Memory', type: '@n8n/n8n-nodes-langchain.memoryBufferWindow', typeVersion: 1.3, connection: 'ai_memory', parameters: { sessionIdType: 'customKey', sessionKey: `agent-test-${Date.now()}` } };

describe('AI Agent', () => {
  it('runs the tool loop: calls the tool the model asks for, answers from its result, and records every use', async () => {
    llm.script({ toolCalls: [{ name: 'weather', args: { city: 'Lisbon' }, id: 'call_1' }] }, (request) => ({ text: `Answer from: ${request.messages.at(-1)?.content}` }));
    const run = await runChain(agent(2.2, { options: { returnIntermediateSteps: true, systemMessage: 'Be brief.' } }), [openAiModel(), weather, memory], { items: [{ chatInput: 'Weather in Lisbon?' }], llm, testTypes });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(llm.chatCalls).toHaveLength(2);
    expect(llm.chatCalls[0].messages.map((m) => [m.role, m.content])).toEqual([['system', 'Be brief.'], ['user', 'Weather in Lisbon?']]);
    expect(llm.chatCalls[0].tools.map((t) => t.name)).toEqual(['weather']);
    const second = llm.chatCalls[1].messages;
    expect(second.at(-2)).toMatchObject({ role: 'assistant', toolCalls: [{ id: 'call_1', name: 'weather', args: { city: 'Lisbon' } }] });
    expect(second.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'call_1', content: 'It is sunny and 21°C in Lisbon' });
    expect(run.output).toEqual([{
      output: 'Answer from: It is sunny and 21°C in Lisbon',
      intermediateSteps: [{ action: { tool: 'weather', toolInput: { city: 'Lisbon' }, log: expect.any(String), toolCallId: 'call_1', type: 'tool_call' }, observation: 'It is sunny and 21°C in Lisbon' }],
    }]);
    expect(run.runs('OpenAI Chat Model').map((r) => r.executionStatus)).toEqual(['success', 'success']);
    expect(run.runs('Weather')).toHaveLength(1);
    expect(run.runs('Weather')[0]).toMatchObject({ inputOverride: { ai_tool: [[{ json: { city: 'Lisbon' } }]] }, data: { ai_tool: [[{ json: { response: 'It is sunny and 21°C in Lisbon' } }]] } });
    const memoryActions = run.runs('Simple Memory').map((r) => r.inputOverride.ai_memory[0][0].json.action);
    expect(memoryActions).toEqual(['loadMemoryVariables', 'saveContext']);
    expect(run.runs('Simple Memory')[1].inputOverride.ai_memory[0][0].json).toMatchObject({ input: { input: 'Weather in Lisbon?' }, output: { output: 'Answer from: It is sunny and 21°C in Lisbon' } });
  });

  it('sends the saved history on the next run of the same session', async () => {
    const session: TestNode = { ...memory, parameters: { sessionIdType: 'customKey', sessionKey: `history-${Date.now()}` } };
    await runChain(agent(3), [openAiModel(), session], { items: [{ chatInput: 'My name is Ada.' }], llm });
    await runChain(agent(3), [openAiModel(), session], { items: [{ chatInput: 'What is my name?' }], llm });
    expect(llm.chatCalls[1].messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'My name is Ada.'], ['assistant', 'echo: My name is Ada.'], ['user', 'What is my name?'],
    ]);
  });

  it('uses the default system message before 1.9 and the define prompt', async () => {
    const run = await runChain(agent(1.7, { promptType: 'define', text: '=Tell me about {{ $json.topic }}' }), [openAiModel()], { items: [{ topic: 'owls' }], llm });
    expect(llm.chatCalls[0].messages.map((m) => [m.role, m.content])).toEqual([['system', 'You are a helpful assistant'], ['user', 'Tell me about owls']]);
    expect(run.output).toEqual([{ output: 'echo: Tell me about owls' }]);
  });

  it('answers through the final-response tool when an output parser is connected', async () => {
    llm.script((request) => ({ toolCalls: [{ name: request.tools.at(-1)?.name ?? '', args: { output: { city: 'Lisbon', temperature: 21 } } }] }));
    const parser: TestNode = { name: 'Parser', type: '@n8n/n8n-nodes-langchain.outputParserStructured', typeVersion: 1.3, connection: 'ai_outputParser', parameters: { jsonSchemaExample: '{"city": "Paris", "temperature": 3}' } };
    const run = await runChain(agent(3, { hasOutputParser: true }), [openAiModel(), weather, parser], { items: [{ chatInput: 'Weather?' }], llm, testTypes });
    expect(run.result.data.resultData.error).toBeUndefined();
    expect(llm.chatCalls[0].tools.map((t) => t.name)).toEqual(['weather', 'format_final_json_response']);
    expect(llm.chatCalls[0].messages[0].content).toContain('format_final_json_response');
    expect(run.output).toEqual([{ output: { city: 'Lisbon', temperature: 21 } }]);
    expect(run.runs('Parser')[0]).toMatchObject({ inputOverride: { ai_outputParser: [[{ json: { action: 'parse' } }]] }, data: { ai_outputParser: [[{ json: { action: 'parse', response: { output: { city: 'Lisbon', temperature: 21 } } } }]] } });
  });

  it('stops at maxIterations: v2 answers as LangChain did, v3 fails with n8n\'s message', async () => {
    const loop = { toolCalls: [{ name: 'weather', args: { city: 'Oslo' } }] };
    llm.script(loop, loop);
    const v2 = await runChain(agent(2, { options: { maxIterations: 2 } }), [openAiModel(), weather], { items: [{ chatInput: 'x' }], llm, testTypes });
    expect(v2.output).toEqual([{ output: 'Agent stopped due to max iterations.' }]);
    llm.script(loop);
    const v3 = await runChain(agent(3, { options: { maxIterations: 1 } }), [openAiModel(), weather], { items: [{ chatInput: 'x' }], llm, testTypes });
    expect(v3.result.data.resultData.error?.message).toBe('Max iterations (1) reached. The agent could not complete the task within the allowed number of iterations.');
  });

  it('fails with n8n\'s message when no chat model is connected', async () => {
    const run = await runChain(agent(2.2), [weather], { items: [{ chatInput: 'x' }], llm, testTypes });
    expect(run.result.status).toBe('error');
    expect(run.result.data.resultData.error).toMatchObject({ message: 'A Chat Model sub-node must be connected and enabled', node: 'AI Agent' });
  });

  it('keeps going per item on a failed model call when set to continue', async () => {
    llm.failNext(400, { message: 'bad request' });
    const run = await runChain({ ...agent(2.2), continueOnFail: true }, [openAiModel()], { items: [{ chatInput: 'one' }, { chatInput: 'two' }], llm });
    expect(run.output).toEqual([{ error: expect.stringContaining('bad request') }, { output: 'echo: two' }]);
  });

  it('refuses the SQL agent with a clear error', async () => {
    const run = await runChain(agent(1.5, { agent: 'sqlAgent' }), [openAiModel()], { items: [{ chatInput: 'x' }], llm });
    expect(run.result.data.resultData.error?.message).toBe('The SQL Agent is not supported');
  });
});
