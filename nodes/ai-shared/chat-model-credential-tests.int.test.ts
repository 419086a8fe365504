// The AI provider credential tests against the LLM stand-in: a good key lists the models, a wrong
// key fails with the provider's message and never shows the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  testAnthropicCredential, testDeepSeekCredential, testGooglePalmCredential, testGroqCredential, testOllamaCredential, testOpenRouterCredential,
} from './chat-model-credential-tests.ts';
import { startLlmStandIn, type LlmStandIn } from './testing/llm-stand-in.ts';

let llm: LlmStandIn;
const savedGroq = process.env.WEFT_GROQ_API_URL;
beforeAll(async () => {
  llm = await startLlmStandIn();
  process.env.WEFT_GROQ_API_URL = llm.url;
});
afterAll(async () => {
  if (savedGroq === undefined) delete process.env.WEFT_GROQ_API_URL;
  else process.env.WEFT_GROQ_API_URL = savedGroq;
  await llm.close();
});

describe('AI provider credential tests', () => {
  it('succeed with the right key on each provider\'s models endpoint', async () => {
    expect(await testAnthropicCredential({ apiKey: llm.apiKey, url: llm.anthropicUrl }, 5000)).toMatch(/^Connection successful: \d+ models? available$/);
    expect(await testGooglePalmCredential({ apiKey: llm.apiKey, host: llm.geminiUrl }, 5000)).toMatch(/^Connection successful/);
    expect(await testOllamaCredential({ baseUrl: llm.ollamaUrl }, 5000)).toMatch(/^Connection successful/);
    expect(await testDeepSeekCredential({ apiKey: llm.apiKey, url: llm.openAiUrl }, 5000)).toMatch(/^Connection successful/);
    expect(await testOpenRouterCredential({ apiKey: llm.apiKey, url: `${llm.url}/api/v1` }, 5000)).toMatch(/^Connection successful/);
    expect(await testGroqCredential({ apiKey: llm.apiKey }, 5000)).toMatch(/^Connection successful/);
    expect(llm.requests.map((r) => r.path)).toEqual(['/v1/models', '/v1beta/models', '/api/tags', '/v1/models', '/api/v1/models', '/openai/v1/models']);
  });

  it('fail with the provider\'s message for a wrong key, without the key', async () => {
    const wrong = 'sk-wrong-secret-123456';
    const error = await testDeepSeekCredential({ apiKey: wrong, url: llm.openAiUrl }, 5000).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^401 /);
    expect((error as Error).message).not.toContain(wrong);
    await expect(testAnthropicCredential({ apiKey: 'bad', url: llm.anthropicUrl }, 5000)).rejects.toThrow(/^401 /);
    await expect(testAnthropicCredential({ apiKey: '' }, 5000)).rejects.toThrow('The API key is empty');
  });

  it('refuse private addresses when the instance blocks them', async () => {
    await expect(testOllamaCredential({ baseUrl: llm.ollamaUrl }, 5000, true)).rejects.toThrow(/private or loopback/);
  });
});
