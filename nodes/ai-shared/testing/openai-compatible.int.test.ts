// OpenAI-compatible vendors' own LangChain clients against the stand-in's OpenAI surface:
// Mistral (@mistralai SDK, /v1/chat/completions) and Groq (groq-sdk, /openai/v1/chat/completions).
import { ChatGroq } from '@langchain/groq';
import { ChatMistralAI } from '@langchain/mistralai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';
import { weatherTool } from './weather-tool.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());

it('serves ChatMistralAI: text, stream and tool calls', async () => {
  const mistral = new ChatMistralAI({ model: 'mistral-small-latest', apiKey: llm.apiKey, serverURL: llm.url, maxRetries: 0 });
  expect((await mistral.invoke('hi')).content).toBe('echo: hi');
  let text = '';
  for await (const chunk of await mistral.stream('streamy')) text += String(chunk.content);
  expect(text).toBe('echo: streamy');
  // Mistral's tool call ids are nine alphanumerics.
  llm.script({ toolCalls: [{ name: 'get_weather', args: { city: 'Oslo' }, id: 'abcdefghi' }] });
  expect((await mistral.bindTools([weatherTool]).invoke('weather?')).tool_calls?.[0]).toMatchObject({ name: 'get_weather', args: { city: 'Oslo' } });
  expect(llm.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions', '/v1/chat/completions']);
});

it('serves ChatGroq under /openai/v1', async () => {
  llm.requests.splice(0);
  const groq = new ChatGroq({ model: 'llama-3.3-70b-versatile', apiKey: llm.apiKey, baseUrl: llm.url, maxRetries: 0 });
  expect((await groq.invoke('hi')).content).toBe('echo: hi');
  let text = '';
  for await (const chunk of await groq.stream('streamy')) text += String(chunk.content);
  expect(text).toBe('echo: streamy');
  expect(llm.requests[0].path).toBe('/openai/v1/chat/completions');
});
