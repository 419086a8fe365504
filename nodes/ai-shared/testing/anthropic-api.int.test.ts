// The Anthropic Messages API stand-in driven by LangChain's real ChatAnthropic client.
import { ChatAnthropic } from '@langchain/anthropic';
import { HumanMessage, ToolMessage, type AIMessageChunk } from '@langchain/core/messages';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';
import { weatherTool } from './weather-tool.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const claude = (fields: Record<string, unknown> = {}) =>
  new ChatAnthropic({ model: 'claude-3-5-haiku-20241022', apiKey: llm.apiKey, anthropicApiUrl: llm.anthropicUrl, maxRetries: 0, ...fields });

describe('Anthropic messages through ChatAnthropic', () => {
  it('answers text with usage and checks the documented headers', async () => {
    llm.script({ text: 'Bonjour', usage: { input: 12, output: 3 } });
    const reply = await claude().invoke([['system', 'Be brief'], ['human', 'Say hello in French']]);
    expect(reply.content).toBe('Bonjour');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 12, output_tokens: 3 });
    const seen = llm.requests[0];
    expect([seen.provider, seen.path, seen.headers['x-api-key']]).toEqual(['anthropic', '/v1/messages', llm.apiKey]);
    expect(seen.headers['anthropic-version']).toBeTruthy();
    expect(llm.chatCalls.at(-1)?.messages).toEqual([{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Say hello in French' }]);
  });

  it('streams text deltas and the final usage', async () => {
    llm.script({ text: 'a longer streamed reply', usage: { input: 5, output: 6 } });
    let merged: AIMessageChunk | undefined;
    let count = 0;
    for await (const chunk of await claude({ streaming: true }).stream('go')) {
      merged = merged ? merged.concat(chunk) : chunk;
      count++;
    }
    expect(merged?.text).toBe('a longer streamed reply');
    expect(count).toBeGreaterThan(3);
    // As documented, message_start reports output_tokens 1 and message_delta the total (6); the
    // client adds the two, as it would against the real API.
    expect(merged?.usage_metadata).toMatchObject({ input_tokens: 5, output_tokens: 7 });
  });

  it('returns tool_use blocks as tool calls and normalizes tool_result blocks', async () => {
    llm.script({ text: 'Let me check.', toolCalls: [{ name: 'get_weather', args: { city: 'Lima' }, id: 'toolu_1' }] }, (request) => ({
      text: `answer from ${request.messages.find((m) => m.role === 'tool')?.toolCallId}: ${request.messages.find((m) => m.role === 'tool')?.content}`,
    }));
    const model = claude().bindTools([weatherTool]);
    const first = await model.invoke('Weather in Lima?');
    expect(first.tool_calls).toEqual([expect.objectContaining({ name: 'get_weather', args: { city: 'Lima' }, id: 'toolu_1' })]);
    expect(llm.chatCalls.at(-1)?.tools[0]).toMatchObject({ name: 'get_weather', parameters: { type: 'object' } });
    const second = await model.invoke([new HumanMessage('Weather in Lima?'), first, new ToolMessage({ content: 'sunny in Lima', tool_call_id: 'toolu_1' })]);
    expect(second.content).toBe('answer from toolu_1: sunny in Lima');
  });

  it('streams tool input as input_json_delta fragments', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Ulaanbaatar, Mongolia' } }] });
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await claude().bindTools([weatherTool]).stream('weather?')) merged = merged ? merged.concat(chunk) : chunk;
    expect(merged?.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Ulaanbaatar, Mongolia' } });
  });

  it('answers Anthropic’s error bodies: a wrong key, then a rate limit with retry-after', async () => {
    await expect(claude({ apiKey: 'wrong' }).invoke('hi')).rejects.toMatchObject({ status: 401 });
    llm.failNext(429, { retryAfterSeconds: 3 });
    const limited = await fetch(`${llm.anthropicUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': llm.apiKey, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(await limited.json()).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: expect.any(String) } });
  });
});
