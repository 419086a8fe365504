// The OpenAI Chat Model sub-node on the real engine, wired into a minimal root, against the LLM
// stand-in: what OpenAI receives (Chat Completions before 1.3, the Responses API from 1.3) and the
// model calls recorded as runs of the sub-node.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExecuteContext } from '../../engine/index.ts';
import { runWithSubNode } from '../ai-shared/chat-model-test-run.ts';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';
import { lmChatOpenAi } from './lm-chat-open-ai.node.ts';

let llm: LlmStandIn;
let credentials: Record<string, Record<string, unknown>>;
beforeAll(async () => {
  llm = await startLlmStandIn();
  credentials = { openAiApi: { apiKey: llm.apiKey, organizationId: 'org-weft', url: llm.openAiUrl } };
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const node = (typeVersion: number, parameters: Record<string, unknown>) =>
  ({ name: 'OpenAI Chat Model', type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion, parameters, credentialType: 'openAiApi' });

describe('lmChatOpenAi', () => {
  it('v1.2 sends Chat Completions with key, organization, model, temperature and max tokens, and records the call with usage and cost', async () => {
    llm.script({ text: 'Paris.', usage: { input: 12, output: 3 } });
    const result = await runWithSubNode(node(1.2, { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, options: { temperature: 0.2, maxTokens: 50, topP: 0.9 } }),
      { items: [{ prompt: 'Capital of France?' }], credentials });
    expect(result.status).toBe('success');
    expect(result.data.resultData.runData.Root[0].data?.main[0]).toEqual([{ json: { text: 'Paris.' }, pairedItem: { item: 0 } }]);
    const seen = llm.requests[0];
    expect([seen.method, seen.path, seen.headers.authorization, seen.headers['openai-organization']]).toEqual(['POST', '/v1/chat/completions', `Bearer ${llm.apiKey}`, 'org-weft']);
    expect(seen.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.2, max_tokens: 50, top_p: 0.9, messages: [{ role: 'user', content: 'Capital of France?' }] });
    const run = result.data.resultData.runData['OpenAI Chat Model'][0] as unknown as Record<string, any>;
    expect(run.executionStatus).toBe('success');
    expect(run.inputOverride.ai_languageModel[0][0].json).toMatchObject({ messages: ['Human: Capital of France?'], options: { model: 'gpt-4o-mini' } });
    const json = run.data.ai_languageModel[0][0].json;
    expect(json.response.generations[0][0].text).toBe('Paris.');
    expect(json.tokenUsage).toEqual({ promptTokens: 12, completionTokens: 3, totalTokens: 15 });
    expect(run.aiUsage).toMatchObject({ model: 'gpt-4o-mini', promptTokens: 12, completionTokens: 3, totalTokens: 15 });
    expect(run.aiUsage.costUsd).toBeCloseTo((12 * 0.15 + 3 * 0.6) / 1e6, 12);
  });

  it('v1 reads the model as a plain value, leaves max tokens -1 unset and may override the base URL', async () => {
    const result = await runWithSubNode(node(1, { model: 'gpt-4o', options: { maxTokens: -1, baseURL: llm.openAiUrl, frequencyPenalty: 0.5, responseFormat: 'json_object' } }),
      { items: [{ prompt: 'hi' }], credentials: { openAiApi: { apiKey: llm.apiKey, url: 'http://127.0.0.1:9/v1' } } });
    expect(result.status).toBe('success');
    const body = llm.requests[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'gpt-4o', frequency_penalty: 0.5, response_format: { type: 'json_object' } });
    expect(body).not.toHaveProperty('max_tokens');
    expect(llm.requests[0].headers['openai-organization']).toBeUndefined();
  });

  it('v1.3 uses the Responses API by default, with reasoning effort and metadata as request fields', async () => {
    llm.script({ text: 'done', usage: { input: 5, output: 1 } });
    const result = await runWithSubNode(node(1.3, { model: { __rl: true, mode: 'id', value: 'gpt-5-mini' }, options: { reasoningEffort: 'low', metadata: '{"team":"ops"}', maxTokens: 64 } }),
      { items: [{ prompt: 'go' }], credentials });
    expect(result.status).toBe('success');
    expect(llm.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/v1/responses']]);
    expect(llm.requests[0].body).toMatchObject({ model: 'gpt-5-mini', reasoning: { effort: 'low' }, metadata: { team: 'ops' }, max_output_tokens: 64 });
    const run = result.data.resultData.runData['OpenAI Chat Model'][0] as unknown as Record<string, any>;
    expect(run.data.ai_languageModel[0][0].json.response.generations[0][0].text).toBe('done');
    expect(run.aiUsage).toMatchObject({ model: 'gpt-5-mini', promptTokens: 5, completionTokens: 1 });
  });

  it('v1.3 with the Responses API off sends Chat Completions', async () => {
    await runWithSubNode(node(1.3, { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, responsesApiEnabled: false }), { items: [{ prompt: 'x' }], credentials });
    expect(llm.requests[0].path).toBe('/v1/chat/completions');
  });

  it('records a refused call as a failed run of the sub-node and fails the root', async () => {
    llm.failNext(400, { message: 'The model `nope` does not exist' });
    const result = await runWithSubNode(node(1.2, { model: { __rl: true, mode: 'id', value: 'nope' }, options: { maxRetries: 0 } }), { items: [{ prompt: 'x' }], credentials });
    expect(result.status).toBe('error');
    const run = result.data.resultData.runData['OpenAI Chat Model'][0] as unknown as Record<string, any>;
    expect(run.executionStatus).toBe('error');
    expect(run.error.message).toContain('does not exist');
  });

  it('retries a 500 up to Max Retries', async () => {
    llm.failNext(500);
    const result = await runWithSubNode(node(1.2, { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 1 } }), { items: [{ prompt: 'again' }], credentials });
    expect(result.status).toBe('success');
    expect(llm.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(2);
  });

  it('lists the models for the resource locator, filtered by the search text', async () => {
    const ctx = { credentials: { get: async () => credentials.openAiApi }, getNodeParameter: () => ({}), blockPrivateNetworks: false, signal: new AbortController().signal } as unknown as ExecuteContext;
    const page = await lmChatOpenAi.methods!.listSearch!.searchModels(ctx, '4o');
    expect(page.results.map((r) => r.value)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(llm.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(llm.requests[0].headers.authorization).toBe(`Bearer ${llm.apiKey}`);
  });
});
