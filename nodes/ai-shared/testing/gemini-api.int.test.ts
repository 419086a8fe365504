// The Gemini API stand-in driven by LangChain's real ChatGoogleGenerativeAI client.
import { HumanMessage, ToolMessage, type AIMessageChunk } from '@langchain/core/messages';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';
import { weatherTool } from './weather-tool.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const gemini = (fields: Record<string, unknown> = {}) =>
  new ChatGoogleGenerativeAI({ model: 'gemini-2.0-flash', apiKey: llm.apiKey, baseUrl: llm.geminiUrl, maxRetries: 0, ...fields });

describe('Gemini through ChatGoogleGenerativeAI', () => {
  it('answers text with usageMetadata, key in x-goog-api-key', async () => {
    llm.script({ text: 'hello from gemini', usage: { input: 6, output: 4 } });
    const reply = await gemini().invoke([['system', 'You are terse'], ['human', 'hi']]);
    expect(reply.content).toBe('hello from gemini');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 6, output_tokens: 4, total_tokens: 10 });
    const seen = llm.requests[0];
    expect([seen.provider, seen.path, seen.headers['x-goog-api-key']]).toEqual(['gemini', '/v1beta/models/gemini-2.0-flash:generateContent', llm.apiKey]);
    expect(llm.chatCalls.at(-1)?.messages).toEqual([{ role: 'system', content: 'You are terse' }, { role: 'user', content: 'hi' }]);
  });

  it('streams SSE chunks with cumulative usage', async () => {
    llm.script({ text: 'streaming out of gemini', usage: { input: 3, output: 8 } });
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await gemini().stream('go')) merged = merged ? merged.concat(chunk) : chunk;
    expect(merged?.content).toBe('streaming out of gemini');
    expect(merged?.usage_metadata).toMatchObject({ input_tokens: 3, output_tokens: 8 });
    expect(llm.requests[0]).toMatchObject({ path: '/v1beta/models/gemini-2.0-flash:streamGenerateContent', query: { alt: 'sse' } });
  });

  it('returns functionCall parts as tool calls and normalizes functionResponse', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Cairo' } }] }, (request) => {
      const result = request.messages.find((m) => m.role === 'tool');
      return { text: `${result?.toolName} said ${result?.content}` };
    });
    const model = gemini().bindTools([weatherTool]);
    const first = await model.invoke('Weather in Cairo?');
    expect(first.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Cairo' } });
    expect(llm.chatCalls.at(-1)?.tools[0]).toMatchObject({ name: 'get_weather', description: 'Weather for a city' });
    const second = await model.invoke([new HumanMessage('Weather in Cairo?'), first, new ToolMessage({ content: 'sunny in Cairo', tool_call_id: first.tool_calls?.[0].id ?? '', name: 'get_weather' })]);
    expect(second.content).toContain('get_weather said');
    expect(second.content).toContain('sunny in Cairo');
  });

  it('rejects a wrong key with Google’s error body', async () => {
    const res = await fetch(`${llm.geminiUrl}/v1beta/models/gemini-2.0-flash:generateContent?key=nope`, { method: 'POST', body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'x' }] }] }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' } });
    await expect(gemini({ apiKey: 'nope' }).invoke('hi')).rejects.toThrow(/API key not valid/);
  });

  it('embeds one text and a batch', async () => {
    const post = (action: string, body: unknown) => fetch(`${llm.geminiUrl}/v1beta/models/text-embedding-004:${action}`, { method: 'POST', headers: { 'x-goog-api-key': llm.apiKey }, body: JSON.stringify(body) }).then((r) => r.json());
    const one = await post('embedContent', { content: { parts: [{ text: 'red apples' }] }, outputDimensionality: 4 });
    expect(one.embedding.values).toHaveLength(4);
    const batch = await post('batchEmbedContents', { requests: [{ model: 'models/text-embedding-004', content: { parts: [{ text: 'red apples' }] } }, { model: 'models/text-embedding-004', content: { parts: [{ text: 'blue sky' }] } }] });
    expect(batch.embeddings).toHaveLength(2);
    expect(batch.embeddings[0].values).not.toEqual(batch.embeddings[1].values);
  });
});
