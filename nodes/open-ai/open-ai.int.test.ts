// The legacy OpenAI node on the real engine against a local stand-in for OpenAI's API
// (open-ai-stand-in.ts, written from OpenAI's API reference): requests sent and items output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { durationMs } from './open-ai-api.ts';
import { testOpenAiCredential } from './open-ai-credential-test.ts';
import { API_KEY, ORGANIZATION, PNG, startOpenAiStandIn, type OpenAiStandIn } from './open-ai-stand-in.ts';

let openAi: OpenAiStandIn;
let credentials: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  openAi = await startOpenAiStandIn();
  credentials = { openAiApi: { apiKey: API_KEY, organizationId: ORGANIZATION, url: openAi.url } };
});
afterAll(() => openAi.close());

async function run(parameters: Record<string, unknown>, options: { items?: Item[]; continueOnFail?: boolean; typeVersion?: number; credential?: Record<string, unknown> } = {}) {
  openAi.seen.length = 0;
  const node = { name: 'OpenAI', type: 'n8n-nodes-base.openAi', typeVersion: options.typeVersion ?? 1.1, parameters, continueOnFail: options.continueOnFail ?? false,
    credentials: { openAiApi: { id: '1', name: 'OpenAI account' } } };
  const result = await runChain([node], { items: options.items ?? [{ json: {} }], credentials: options.credential ? { openAiApi: options.credential } : credentials });
  return { output: outputOf(result, 'OpenAI'), error: result.data.resultData.error as (Error & { description?: string }) | undefined };
}

describe('OpenAI chat:complete', () => {
  it('sends the model, messages and options under OpenAI\'s names with key and organization, and outputs one item per choice', async () => {
    const { output, error } = await run({
      resource: 'chat', model: 'gpt-4o-mini',
      prompt: { messages: [{ role: 'system', content: 'Be brief' }, { content: '=Summarize {{ $json.topic }}' }] },
      options: { maxTokens: 200, temperature: 0.2, topP: 0.9, n: 2, frequency_penalty: 0.5, presence_penalty: -0.5 },
    }, { items: [{ json: { topic: 'cats' } }, { json: { topic: 'dogs' } }] });
    expect(error).toBeUndefined();
    expect(openAi.seen.map((s) => [s.method, s.path])).toEqual([['POST', '/v1/chat/completions'], ['POST', '/v1/chat/completions']]);
    expect(openAi.seen[1].headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(openAi.seen[1].headers['openai-organization']).toBe(ORGANIZATION);
    expect(openAi.seen[1].body).toEqual({
      model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Summarize dogs' }],
      max_tokens: 200, temperature: 0.2, top_p: 0.9, n: 2, frequency_penalty: 0.5, presence_penalty: -0.5,
    });
    expect(output).toHaveLength(4);
    expect(output[2]).toEqual({
      json: { index: 0, message: { role: 'assistant', content: 'Reply 1 to: Summarize dogs', refusal: null }, logprobs: null, finish_reason: 'stop' },
      pairedItem: { item: 1 },
    });
  });

  it('with Simplify off outputs OpenAI\'s whole answer; a credential without organization sends none; the default model is gpt-3.5-turbo (v1)', async () => {
    const { output } = await run({ resource: 'chat', prompt: { messages: [{ role: 'user', content: 'Hi' }] }, simplifyOutput: false },
      { typeVersion: 1, credential: { apiKey: API_KEY, url: openAi.url } });
    expect(openAi.seen[0].headers['openai-organization']).toBeUndefined();
    expect(openAi.seen[0].body).toEqual({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hi' }] });
    expect(output).toEqual([{ json: expect.objectContaining({ object: 'chat.completion', usage: expect.any(Object), choices: [expect.objectContaining({ index: 0 })] }), pairedItem: { item: 0 } }]);
  });

  it('fails with n8n\'s status wording and OpenAI\'s message; continue on fail puts the message on the item', async () => {
    const failed = await run({ resource: 'chat', model: 'no-such-model', prompt: { messages: [{ content: 'x' }] } });
    expect(failed.error?.message).toBe('The resource you are requesting could not be found');
    expect(failed.error?.description).toBe('The model `no-such-model` does not exist or you do not have access to it.');
    const kept = await run({ resource: 'chat', model: 'gpt-4o-mini' }, { continueOnFail: true, items: [{ json: {} }, { json: {} }] });
    expect(kept.output).toEqual([
      { json: { error: "[] is too short - 'messages'" }, pairedItem: { item: 0 } },
      { json: { error: "[] is too short - 'messages'" }, pairedItem: { item: 1 } },
    ]);
  });

  it('a wrong key is refused with OpenAI\'s message, which hides the key', async () => {
    const { error } = await run({ resource: 'chat', prompt: { messages: [{ content: 'x' }] } }, { credential: { apiKey: 'sk-wrong-key-9999', url: openAi.url } });
    expect(error?.message).toBe('Authorization failed - please check your credentials');
    expect(error?.description).toMatch(/^Incorrect API key provided: sk-\*\*\*\*\*9999\./);
  });
});

describe('OpenAI rate limits', () => {
  it('waits out a 429 with Retry-After, then succeeds', async () => {
    openAi.rateLimit(1, { 'retry-after': '1' });
    const started = Date.now();
    const { output, error } = await run({ resource: 'chat', prompt: { messages: [{ content: 'slow' }] } });
    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(openAi.seen).toHaveLength(2);
    expect(output).toHaveLength(1);
  });

  it('follows x-ratelimit-reset-requests when no Retry-After comes', async () => {
    openAi.rateLimit(2, { 'x-ratelimit-reset-requests': '150ms', 'x-ratelimit-reset-tokens': '20ms' });
    const { error } = await run({ resource: 'text', prompt: 'x' });
    expect(error).toBeUndefined();
    expect(openAi.seen).toHaveLength(3);
    expect([durationMs('6m0s'), durationMs('1.5s'), durationMs('20ms'), durationMs('1h2m')]).toEqual([360_000, 1500, 20, 3_720_000]);
  });

  it('fails with OpenAI\'s message when 429s keep coming, and at once for an exhausted quota', async () => {
    openAi.rateLimit(10, { 'retry-after': '0' });
    const limited = await run({ resource: 'chat', prompt: { messages: [{ content: 'x' }] } });
    expect(openAi.seen).toHaveLength(4);
    expect(limited.error?.message).toBe('The service is receiving too many requests from you');
    expect(limited.error?.description).toMatch(/^Rate limit reached for gpt-4o-mini/);
    openAi.rateLimit(1, { 'retry-after': '0' }, 'insufficient_quota');
    const quota = await run({ resource: 'chat', prompt: { messages: [{ content: 'x' }] } });
    expect(openAi.seen).toHaveLength(1);
    expect(quota.error?.description).toBe('You exceeded your current quota, please check your plan and billing details.');
    openAi.rateLimit(0, {});
  });
});

describe('OpenAI text', () => {
  it('complete (the default resource and operation) trims each choice\'s text; echo and max tokens go along', async () => {
    const { output } = await run({ model: 'gpt-3.5-turbo-instruct', prompt: '=Say {{ $json.word }}', options: { echo: true, maxTokens: 5, n: 2 } }, { items: [{ json: { word: 'hi' } }] });
    expect(openAi.seen[0].path).toBe('/v1/completions');
    expect(openAi.seen[0].body).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi', echo: true, max_tokens: 5, n: 2 });
    expect(output.map((item) => item.json.text)).toEqual(['Say hiThis is test 1.', 'Say hiThis is test 2.']);
    expect(output[0].json).toEqual({ text: 'Say hiThis is test 1.', index: 0, logprobs: null, finish_reason: 'length' });
  });

  it('edit sends input and instruction (echo and max tokens do not apply there)', async () => {
    const { output } = await run({ resource: 'text', operation: 'edit', input: 'teh cat', instruction: 'Fix spelling', options: { echo: true, maxTokens: 9, temperature: 0 } });
    expect(openAi.seen[0].path).toBe('/v1/edits');
    expect(openAi.seen[0].body).toEqual({ model: 'text-davinci-edit-001', input: 'teh cat', instruction: 'Fix spelling', temperature: 0 });
    expect(output).toEqual([{ json: { text: 'teh cat (edited: Fix spelling)', index: 0 }, pairedItem: { item: 0 } }]);
  });

  it('moderate outputs the results, or the whole answer without Simplify', async () => {
    const { output } = await run({ resource: 'text', operation: 'moderate', input: 'I will kill the process' });
    expect(openAi.seen[0].body).toEqual({ model: 'text-moderation-latest', input: 'I will kill the process' });
    expect(output).toEqual([{ json: expect.objectContaining({ flagged: true, categories: expect.objectContaining({ violence: true }) }), pairedItem: { item: 0 } }]);
    const raw = await run({ resource: 'text', operation: 'moderate', model: 'text-moderation-stable', input: 'hello', simplifyOutput: false });
    expect(raw.output[0].json).toEqual(expect.objectContaining({ id: 'modr-123', results: [expect.objectContaining({ flagged: false })] }));
  });
});

describe('OpenAI image:create', () => {
  it('asks for b64_json by default and outputs each image as binary data', async () => {
    const { output } = await run({ resource: 'image', prompt: 'a red fox', options: { n: 2, size: '256x256', quality: 'hd' } });
    expect(openAi.seen[0].path).toBe('/v1/images/generations');
    expect(openAi.seen[0].body).toEqual({ prompt: 'a red fox', model: 'dall-e-2', response_format: 'b64_json', n: 2, size: '256x256' });
    expect(output).toHaveLength(2);
    expect(output[1].json).toEqual({});
    expect(output[1].pairedItem).toEqual({ item: 0 });
    expect(output[1].binary?.data).toEqual(expect.objectContaining({ mimeType: 'image/png', fileName: 'data', fileExtension: 'png' }));
    expect(Buffer.from(output[1].binary!.data.data, 'base64')).toEqual(PNG);
  });

  it('with Image Url outputs OpenAI\'s data entries; dall-e-3 sends quality and style', async () => {
    const { output } = await run({ resource: 'image', prompt: 'a lighthouse', model: 'dall-e-3', responseFormat: 'imageUrl', options: { size: '1792x1024', quality: 'hd', style: 'natural' } });
    expect(openAi.seen[0].body).toEqual({ prompt: 'a lighthouse', model: 'dall-e-3', response_format: 'url', size: '1792x1024', quality: 'hd', style: 'natural' });
    expect(output).toEqual([{ json: { url: 'https://images.example.test/img-1.png', revised_prompt: 'A picture of a lighthouse' }, pairedItem: { item: 0 } }]);
  });

  it('an operation the node does not have fails naming it', async () => {
    const { error } = await run({ resource: 'image', operation: 'variation', prompt: 'x' });
    expect(error?.message).toBe('The operation "variation" of the resource "image" is not supported by the OpenAI node');
    expect(openAi.seen).toHaveLength(0);
  });
});

describe('openAiApi credential test', () => {
  it('lists the models with the key, and reports OpenAI\'s reason for a bad one', async () => {
    await expect(testOpenAiCredential({ apiKey: API_KEY, organizationId: ORGANIZATION, url: openAi.url }, 5000)).resolves.toBe('Connection successful: 3 models available');
    expect(openAi.seen.at(-1)).toEqual(expect.objectContaining({ method: 'GET', path: '/v1/models' }));
    await expect(testOpenAiCredential({ apiKey: 'sk-bad-0000', url: openAi.url }, 5000)).rejects.toThrow(/^Authorization failed - please check your credentials: Incorrect API key provided/);
    await expect(testOpenAiCredential({ apiKey: 'sk-bad-0000', url: 'http://127.0.0.1:1/v1' }, 5000)).rejects.not.toThrow(/sk-bad-0000/);
  });
});
