// The other chat model sub-nodes on the real engine against the LLM stand-in: each sends its
// provider's wire format (path, auth, model, temperature, max tokens) and records the call as a run
// of the sub-node with token usage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWithSubNode } from './chat-model-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from './testing/llm-stand-in.ts';

let llm: LlmStandIn;
const saved = { mistral: process.env.WEFT_MISTRAL_API_URL, groq: process.env.WEFT_GROQ_API_URL };
beforeAll(async () => {
  llm = await startLlmStandIn();
  process.env.WEFT_MISTRAL_API_URL = llm.url;
  process.env.WEFT_GROQ_API_URL = llm.url;
});
afterAll(async () => {
  for (const [key, value] of [['WEFT_MISTRAL_API_URL', saved.mistral], ['WEFT_GROQ_API_URL', saved.groq]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await llm.close();
});
beforeEach(() => llm.reset());

type Run = Record<string, any>;

async function ask(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, credentialType: string, credential: Record<string, unknown>) {
  llm.script({ text: `answer from ${name}`, usage: { input: 9, output: 4 } });
  const result = await runWithSubNode({ name, type: `@n8n/n8n-nodes-langchain.${type}`, typeVersion, parameters, credentialType }, { items: [{ prompt: 'Say hi' }], credentials: { [credentialType]: credential } });
  expect(result.data.resultData.error?.message).toBeUndefined();
  expect(result.data.resultData.runData.Root[0].data?.main[0]?.[0].json).toEqual({ text: `answer from ${name}` });
  const run = result.data.resultData.runData[name][0] as unknown as Run;
  expect(run.executionStatus).toBe('success');
  expect(run.data.ai_languageModel[0][0].json.response.generations[0][0].text).toBe(`answer from ${name}`);
  expect(run.data.ai_languageModel[0][0].json.tokenUsage).toEqual({ promptTokens: 9, completionTokens: 4, totalTokens: 13 });
  expect(run.inputOverride.ai_languageModel[0][0].json.messages).toEqual(['Human: Say hi']);
  const chat = llm.requests.filter((r) => r.method === 'POST');
  expect(chat).toHaveLength(1);
  return { seen: chat[0], run };
}

describe('chat model sub-nodes on their providers', () => {
  it('lmChatAnthropic 1.3: x-api-key, resource-locator model, max tokens and temperature on /v1/messages; cost from the price list', async () => {
    const { seen, run } = await ask('Anthropic Chat Model', 'lmChatAnthropic', 1.3,
      { model: { __rl: true, mode: 'list', value: 'claude-3-5-haiku-20241022' }, options: { maxTokensToSample: 300, temperature: 0.3 } }, 'anthropicApi', { apiKey: llm.apiKey, url: llm.anthropicUrl });
    expect([seen.path, seen.headers['x-api-key']]).toEqual(['/v1/messages', llm.apiKey]);
    expect(seen.body).toMatchObject({ model: 'claude-3-5-haiku-20241022', max_tokens: 300, temperature: 0.3 });
    expect(seen.body).not.toHaveProperty('top_k');
    expect(run.aiUsage.costUsd).toBeCloseTo((9 * 0.8 + 4 * 4) / 1e6, 12);
  });

  it('lmChatAnthropic with thinking sends the budget and no sampling options', async () => {
    const { seen } = await ask('Claude', 'lmChatAnthropic', 1.2, { model: 'claude-3-5-sonnet-20240620', options: { thinking: true, thinkingBudget: 2000, temperature: 0.5 } }, 'anthropicApi', { apiKey: llm.apiKey, url: llm.anthropicUrl });
    expect(seen.body).toMatchObject({ model: 'claude-3-5-sonnet-20240620', max_tokens: 4096, thinking: { type: 'enabled', budget_tokens: 2000 } });
    expect(seen.body).not.toHaveProperty('temperature');
  });

  it('lmChatGoogleGemini: key, model path, generationConfig', async () => {
    const { seen } = await ask('Google Gemini Chat Model', 'lmChatGoogleGemini', 1, { modelName: 'models/gemini-2.5-flash', options: { temperature: 0.2, maxOutputTokens: 100 } }, 'googlePalmApi', { apiKey: llm.apiKey, host: llm.geminiUrl });
    expect(seen.path).toMatch(/^\/v1beta\/models\/gemini-2\.5-flash:(generateContent|streamGenerateContent)$/);
    expect(seen.headers['x-goog-api-key'] ?? seen.query.key).toBe(llm.apiKey);
    expect(seen.body).toMatchObject({ generationConfig: { temperature: 0.2, maxOutputTokens: 100 } });
  });

  it('lmChatOllama: /api/chat with the model and options under Ollama\'s names; JSON format', async () => {
    const { seen } = await ask('Ollama Chat Model', 'lmChatOllama', 1, { model: 'llama3.2', options: { temperature: 0.1, numCtx: 4096, format: 'json' } }, 'ollamaApi', { baseUrl: llm.ollamaUrl });
    expect(seen.path).toBe('/api/chat');
    expect(seen.body).toMatchObject({ model: 'llama3.2', format: 'json', options: { temperature: 0.1, num_ctx: 4096 } });
  });

  it('lmChatMistralCloud: Bearer key at the Mistral address, max tokens and temperature', async () => {
    const { seen } = await ask('Mistral Cloud Chat Model', 'lmChatMistralCloud', 1, { model: 'mistral-small-latest', options: { maxTokens: 77, temperature: 0.4, maxRetries: 0 } }, 'mistralCloudApi', { apiKey: llm.apiKey });
    expect([seen.path, seen.headers.authorization]).toEqual(['/v1/chat/completions', `Bearer ${llm.apiKey}`]);
    expect(seen.body).toMatchObject({ model: 'mistral-small-latest', max_tokens: 77, temperature: 0.4 });
  });

  it('lmChatGroq: Bearer key under /openai/v1, max tokens from maxTokensToSample', async () => {
    const { seen } = await ask('Groq Chat Model', 'lmChatGroq', 1, { model: 'llama-3.3-70b-versatile', options: { maxTokensToSample: 55, temperature: 0.6 } }, 'groqApi', { apiKey: llm.apiKey });
    expect([seen.path, seen.headers.authorization]).toEqual(['/openai/v1/chat/completions', `Bearer ${llm.apiKey}`]);
    expect(seen.body).toMatchObject({ model: 'llama-3.3-70b-versatile', temperature: 0.6 });
    expect((seen.body as Record<string, unknown>).max_tokens ?? (seen.body as Record<string, unknown>).max_completion_tokens).toBe(55);
  });

  it('lmChatDeepSeek: OpenAI wire format at the credential URL, JSON mode', async () => {
    const { seen } = await ask('DeepSeek Chat Model', 'lmChatDeepSeek', 1, { model: 'deepseek-chat', options: { responseFormat: 'json_object', maxTokens: 20 } }, 'deepSeekApi', { apiKey: llm.apiKey, url: llm.openAiUrl });
    expect(seen.path).toBe('/v1/chat/completions');
    expect(seen.body).toMatchObject({ model: 'deepseek-chat', max_tokens: 20, response_format: { type: 'json_object' } });
  });

  it('lmChatOpenRouter: provider routing preferences in the body', async () => {
    const { seen } = await ask('OpenRouter Chat Model', 'lmChatOpenRouter', 1,
      { model: 'openai/gpt-4.1-mini', options: { temperature: 0.5, providerRouting: { order: 'anthropic, openai', allowFallbacks: false, sort: 'price' } } }, 'openRouterApi', { apiKey: llm.apiKey, url: `${llm.url}/api/v1` });
    expect(seen.path).toBe('/api/v1/chat/completions');
    expect(seen.body).toMatchObject({ model: 'openai/gpt-4.1-mini', temperature: 0.5, provider: { order: ['anthropic', 'openai'], allow_fallbacks: false, sort: 'price' } });
  });
});

describe('lmChatAzureOpenAi', () => {
  it('calls the deployment with api-key and api-version at the credential endpoint, and records the refusal as a failed run', async () => {
    const result = await runWithSubNode({
      name: 'Azure OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatAzureOpenAi', typeVersion: 1, credentialType: 'azureOpenAiApi',
      parameters: { model: 'my-gpt', options: { maxRetries: 0, temperature: 0.3 } },
    }, { items: [{ prompt: 'hi' }], credentials: { azureOpenAiApi: { apiKey: 'azure-key', resourceName: 'res', apiVersion: '2024-10-21', endpoint: llm.url } } });
    // The stand-in has no Azure routes: what matters is the request Azure would get.
    const seen = llm.requests[0];
    expect([seen.method, seen.path, seen.query['api-version'], seen.headers['api-key']]).toEqual(['POST', '/openai/deployments/my-gpt/chat/completions', '2024-10-21', 'azure-key']);
    expect(seen.body).toMatchObject({ temperature: 0.3 });
    expect(result.status).toBe('error');
    expect((result.data.resultData.runData['Azure OpenAI Chat Model'][0] as unknown as Run).executionStatus).toBe('error');
  });
});
