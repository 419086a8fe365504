// The Ollama API stand-in driven by LangChain's real ChatOllama and OllamaEmbeddings clients.
import { HumanMessage, ToolMessage, type AIMessageChunk } from '@langchain/core/messages';
import { ChatOllama, OllamaEmbeddings } from '@langchain/ollama';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embed, startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';
import { weatherTool } from './weather-tool.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const ollama = () => new ChatOllama({ model: 'llama3.2', baseUrl: llm.ollamaUrl });

describe('Ollama through ChatOllama', () => {
  it('answers text with prompt_eval_count/eval_count as usage', async () => {
    llm.script({ text: 'hi from llama', usage: { input: 9, output: 4 } });
    const reply = await ollama().invoke('hello');
    expect(reply.content).toBe('hi from llama');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 9, output_tokens: 4 });
    expect(llm.requests[0]).toMatchObject({ provider: 'ollama', path: '/api/chat', body: { model: 'llama3.2' } });
  });

  it('streams NDJSON chunks', async () => {
    llm.script({ text: 'streamed from ollama today' });
    const parts: string[] = [];
    for await (const chunk of await ollama().stream('go')) parts.push(String(chunk.content));
    expect(parts.join('')).toBe('streamed from ollama today');
    expect(parts.filter((p) => p !== '').length).toBeGreaterThan(2);
    expect(llm.chatCalls.at(-1)?.stream).toBe(true);
  });

  it('returns tool calls with object arguments and normalizes role tool', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Nairobi' } }] }, (request) => ({ text: `done: ${request.messages.at(-1)?.content}` }));
    const model = ollama().bindTools([weatherTool]);
    const first = await model.invoke('Weather in Nairobi?');
    expect(first.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Nairobi' } });
    const callId = first.tool_calls?.[0].id ?? '';
    const second = await model.invoke([new HumanMessage('Weather in Nairobi?'), first, new ToolMessage({ content: 'sunny in Nairobi', tool_call_id: callId })]);
    expect(second.content).toBe('done: sunny in Nairobi');
    expect(llm.chatCalls.at(-1)?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
  });

  it('streams a tool call', async () => {
    llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Quito' } }] });
    let merged: AIMessageChunk | undefined;
    for await (const chunk of await ollama().bindTools([weatherTool]).stream('weather?')) merged = merged ? merged.concat(chunk) : chunk;
    expect(merged?.tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Quito' } });
  });

  it('embeds documents and queries deterministically through /api/embed', async () => {
    const embeddings = new OllamaEmbeddings({ model: 'nomic-embed-text', baseUrl: llm.ollamaUrl });
    const [cats, cars] = await embeddings.embedDocuments(['cats purr softly', 'cars need fuel']);
    expect(cats).toEqual(embed('cats purr softly'));
    const query = await embeddings.embedQuery('do cats purr');
    const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
    expect(dot(query, cats)).toBeGreaterThan(dot(query, cars));
    expect(llm.requests.map((r) => r.path)).toEqual(['/api/embed', '/api/embed']);
  });

  it('lists models at /api/tags and answers stream:false with one JSON object', async () => {
    const tags = await (await fetch(`${llm.ollamaUrl}/api/tags`)).json();
    expect(tags.models[0]).toMatchObject({ name: expect.any(String), details: { format: 'gguf' } });
    const single = await fetch(`${llm.ollamaUrl}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: false, messages: [{ role: 'user', content: 'x' }] }) });
    expect(await single.json()).toMatchObject({ message: { role: 'assistant', content: 'echo: x' }, done: true, done_reason: 'stop' });
  });
});
