// The stand-in driven by LangChain's real OpenAI client: if ChatOpenAI understands its answers, the
// Chat Completions and Responses wire formats are right. Also the script queue's own rules.
import { HumanMessage, ToolMessage, type AIMessageChunk } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';
import { weatherTool } from './weather-tool.ts';


let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const openAi = (fields: Record<string, unknown> = {}) =>
  new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: llm.apiKey, configuration: { baseURL: llm.openAiUrl }, maxRetries: 0, ...fields });

describe('OpenAI chat completions through ChatOpenAI', () => {
  it('echoes the last user message when nothing is scripted, with usage', async () => {
    const reply = await openAi().invoke([new HumanMessage('hello there')]);
    expect(reply.content).toBe('echo: hello there');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 3, output_tokens: 5, total_tokens: 8 });
    const seen = llm.requests[0];
    expect([seen.method, seen.path, seen.headers.authorization]).toEqual(['POST', '/v1/chat/completions', `Bearer ${llm.apiKey}`]);
    expect(seen.body).toMatchObject({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello there' }] });
  });

  it('answers scripted text with the scripted usage', async () => {
    llm.script({ text: 'Paris is the capital.', usage: { input: 11, output: 7 } });
    const reply = await openAi().invoke('Capital of France?');
    expect(reply.content).toBe('Paris is the capital.');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 11, output_tokens: 7, total_tokens: 18 });
  });

  it('streams text in several deltas and reports usage when asked', async () => {
    llm.script({ text: 'a streamed answer of some length', usage: { input: 4, output: 9 } });
    const chunks = [];
    for await (const chunk of await openAi({ streamUsage: true }).stream('go')) chunks.push(chunk);
    expect(chunks.filter((c) => c.content !== '').length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.content).join('')).toBe('a streamed answer of some length');
    expect(chunks.find((c) => c.usage_metadata)?.usage_metadata).toMatchObject({ input_tokens: 4, output_tokens: 9 });
    expect(llm.requests[0].body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('returns tool calls with parsed args, then sees the tool result on the next call', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Oslo' }, id: 'call_1' }] }, (request) => ({
      text: `final: ${request.messages.find((m) => m.role === 'tool')?.content}`,
    }));
    const model = openAi().bindTools([weatherTool]);
    const first = await model.invoke('Weather in Oslo?');
    expect(first.tool_calls).toEqual([{ name: 'get_weather', args: { city: 'Oslo' }, id: 'call_1', type: 'tool_call' }]);
    const second = await model.invoke([new HumanMessage('Weather in Oslo?'), first, new ToolMessage({ content: 'sunny in Oslo', tool_call_id: 'call_1' })]);
    expect(second.content).toBe('final: sunny in Oslo');
    expect(llm.chatCalls.at(-1)?.tools).toEqual([{ name: 'get_weather', description: 'Weather for a city', parameters: expect.objectContaining({ type: 'object' }) }]);
    expect(llm.chatCalls.at(-1)?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
  });

  it('streams tool call arguments in fragments that the client reassembles', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Reykjavik, Iceland' } }] });
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await openAi().bindTools([weatherTool]).stream('weather?')) merged = merged ? merged.concat(chunk) : chunk;
    expect(merged?.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Reykjavik, Iceland' } });
  });

  it('answers structured output as JSON text', async () => {
    llm.script({ json: { name: 'Ada', age: 36 } });
    const structured = openAi().withStructuredOutput(z.object({ name: z.string(), age: z.number() }), { method: 'jsonSchema' });
    expect(await structured.invoke('who?')).toEqual({ name: 'Ada', age: 36 });
    expect(llm.requests[0].body).toMatchObject({ response_format: { type: 'json_schema' } });
  });

  it('rejects a wrong key with 401 and OpenAI’s error body', async () => {
    await expect(openAi({ apiKey: 'sk-wrong' }).invoke('hi')).rejects.toMatchObject({ status: 401 });
    expect(llm.requests).toHaveLength(1);
  });

  it('answers OpenAI’s documented error bodies and headers on the wire', async () => {
    const post = (auth: string) => fetch(`${llm.openAiUrl}/chat/completions`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }) });
    const denied = await post('Bearer sk-wrong');
    expect(await denied.json()).toEqual({ error: { message: expect.stringContaining('Incorrect API key'), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
    llm.failNext(429, { retryAfterSeconds: 7 });
    const limited = await post(`Bearer ${llm.apiKey}`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect(await limited.json()).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } });
  });

  it('answers a 429 with retry-after, which the client retries', async () => {
    llm.failNext(429, { retryAfterSeconds: 0 });
    llm.script({ text: 'after retry' });
    const reply = await openAi({ maxRetries: 1 }).invoke('hi');
    expect(reply.content).toBe('after retry');
    expect(llm.requests).toHaveLength(2);
  });

  it('rejects a tool message that answers no earlier tool call', async () => {
    const stray = [new HumanMessage('x'), new ToolMessage({ content: 'r', tool_call_id: 'call_nope' })];
    await expect(openAi().invoke(stray)).rejects.toMatchObject({ status: 400 });
  });
});

describe('OpenAI Responses API through ChatOpenAI', () => {
  it('answers text, usage and streamed text', async () => {
    const reply = await openAi({ useResponsesApi: true }).invoke('ping');
    expect(reply.text).toBe('echo: ping');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 1, output_tokens: 3 });
    expect(llm.requests[0].path).toBe('/v1/responses');
    llm.script({ text: 'streamed through responses' });
    let text = '';
    for await (const chunk of await openAi({ useResponsesApi: true }).stream('go')) text += chunk.text;
    expect(text).toBe('streamed through responses');
  });

  it('returns function calls and normalizes function_call_output', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Rome' }, id: 'call_r' }] }, (request) => ({ text: `got ${request.messages.at(-1)?.content}` }));
    const model = openAi({ useResponsesApi: true }).bindTools([weatherTool]);
    const first = await model.invoke('Weather in Rome?');
    expect(first.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Rome' }, id: 'call_r' });
    const second = await model.invoke([new HumanMessage('Weather in Rome?'), first, new ToolMessage({ content: 'sunny in Rome', tool_call_id: 'call_r' })]);
    expect(second.text).toBe('got sunny in Rome');
  });
});

describe('the script queue', () => {
  it('is consumed in order across calls and reports what is left', async () => {
    llm.script({ text: 'one' }, { text: 'two' }, { text: 'three' });
    expect((await openAi().invoke('a')).content).toBe('one');
    expect((await openAi().invoke('b')).content).toBe('two');
    expect(llm.pending).toBe(1);
    expect((await openAi().invoke('c')).content).toBe('three');
    expect((await openAi().invoke('d')).content).toBe('echo: d');
  });
});
