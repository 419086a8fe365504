// The OpenAI node on the real engine against the LLM stand-in: what each operation sends to
// OpenAI (method, path, auth, body), the tool-calling loops with a real Think tool sub-node,
// what it outputs (simplified or raw, binary files), and how failures read.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from '../ai-shared/testing/llm-stand-in.ts';
import { SPEECH_PREFIX } from '../ai-shared/testing/openai-media-api.ts';
import { runOpenAi } from './open-ai-test-run.ts';

let llm: LlmStandIn;
beforeAll(async () => { llm = await startLlmStandIn(); });
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const model = (value: string) => ({ __rl: true, mode: 'list', value });
const body = (index = 0) => llm.requests[index].body as Record<string, any>;
const routes = () => llm.requests.map((r) => `${r.method} ${r.path}`);
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const withBinary = (data: string, mimeType: string, fileName: string) => [{ json: {}, binary: { data: { data, mimeType, fileName } } }];

describe('text: message a model (Chat Completions)', () => {
  it('v1.8 sends the messages with n8n option names mapped, key and organization, and outputs the choices', async () => {
    llm.script({ text: 'Paris.' });
    const run = await runOpenAi(llm, 1.8, {
      modelId: model('gpt-4o-mini'),
      messages: { values: [{ content: 'You answer briefly.', role: 'system' }, { content: 'Capital of France?' }] },
      options: { maxTokens: 50, topP: 0.5, temperature: 0.2, maxToolsIterations: 3 },
    }, { organizationId: 'org-weft' });
    expect(run.result.status).toBe('success');
    expect(routes()).toEqual(['POST /v1/chat/completions']);
    expect(llm.requests[0].headers.authorization).toBe(`Bearer ${llm.apiKey}`);
    expect(llm.requests[0].headers['openai-organization']).toBe('org-weft');
    expect(body()).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'You answer briefly.' }, { role: 'user', content: 'Capital of France?' }], max_completion_tokens: 50, top_p: 0.5, temperature: 0.2 });
    expect(run.items).toHaveLength(1);
    expect(run.items[0].json).toMatchObject({ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop' });
    expect(run.items[0].pairedItem).toEqual({ item: 0 });
  });

  it('calls a connected tool sub-node and sends its result back until the model answers; raw output when not simplified', async () => {
    llm.script({ toolCalls: [{ name: 'thinking_tool', args: { input: '6 * 7 is 42' }, id: 'call_1' }] }, { text: 'It is 42.' });
    const run = await runOpenAi(llm, 1.8, { modelId: model('gpt-4o-mini'), messages: { values: [{ content: 'What is 6 times 7?' }] }, simplify: false }, { tools: 1 });
    expect(run.result.status).toBe('success');
    expect(routes()).toEqual(['POST /v1/chat/completions', 'POST /v1/chat/completions']);
    expect(body(0).tools).toEqual([expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'thinking_tool' }) })]);
    const second = body(1).messages as Array<Record<string, any>>;
    expect(second[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1', function: { name: 'thinking_tool' } }] });
    expect(second[2]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: '6 * 7 is 42' });
    expect(run.items[0].json).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'It is 42.' } }] });
  });

  it('records each of its model calls with tokens and cost, counted like a chat model’s, without runs of itself', async () => {
    llm.script({ toolCalls: [{ name: 'thinking_tool', args: { input: 'hmm' }, id: 'call_1' }], usage: { input: 30, output: 5 } }, { text: 'Done.', usage: { input: 40, output: 3 } });
    const run = await runOpenAi(llm, 1.8, { modelId: model('gpt-4o-mini'), messages: { values: [{ content: 'Think, then answer.' }] } }, { tools: 1 });
    expect(run.result.status).toBe('success');
    const calls = run.events.filter((e) => e.type === 'SubNodeCallFinished').map((e) => e.data as { node: string; own?: boolean; taskData: { aiUsage?: object; inputOverride?: Record<string, Array<Array<{ json: any }>>> } });
    const own = calls.filter((c) => c.node === 'OpenAI');
    expect(own.map((c) => c.own)).toEqual([true, true]);
    expect(own.map((c) => c.taskData.aiUsage)).toEqual([
      { model: 'gpt-4o-mini', promptTokens: 30, completionTokens: 5, totalTokens: 35, costUsd: (30 * 0.15 + 5 * 0.6) / 1e6 },
      { model: 'gpt-4o-mini', promptTokens: 40, completionTokens: 3, totalTokens: 43, costUsd: (40 * 0.15 + 3 * 0.6) / 1e6 },
    ]);
    expect(own[0].taskData.inputOverride?.ai_languageModel[0][0].json.request.messages).toEqual([{ role: 'user', content: 'Think, then answer.' }]);
    // The tool call is its sub-node's run; the node's own step is its only run.
    expect(calls.filter((c) => c.node === 'Think 0')).toHaveLength(1);
    expect(run.result.data.resultData.runData['Think 0']).toHaveLength(1);
    expect(run.result.data.resultData.runData.OpenAI).toHaveLength(1);
  });

  it('stops at Max Tool Calls Iterations (v1.5+) with the tool-calling answer as output', async () => {
    llm.script({ toolCalls: [{ name: 'thinking_tool', args: { input: '1 + 1' } }] }, { toolCalls: [{ name: 'thinking_tool', args: { input: '2 + 2' } }] });
    const run = await runOpenAi(llm, 1.8, { modelId: model('gpt-4o-mini'), messages: { values: [{ content: 'add' }] }, options: { maxToolsIterations: 2 } }, { tools: 1 });
    expect(routes()).toHaveLength(2);
    expect((run.items[0].json as any).message.tool_calls[0].function.arguments).toBe('{"input":"2 + 2"}');
  });

  it('JSON output adds n8n system message and response format, and parses the answer', async () => {
    llm.script({ json: { city: 'Paris' } });
    const run = await runOpenAi(llm, 2, { modelId: model('gpt-4o'), messages: { values: [{ content: 'Give json' }] }, jsonOutput: true });
    expect(body()).toMatchObject({ response_format: { type: 'json_object' }, messages: [{ role: 'system', content: 'You are a helpful assistant designed to output JSON.' }, { role: 'user', content: 'Give json' }] });
    expect((run.items[0].json as any).message.content).toEqual({ city: 'Paris' });
  });

  it('reports a rate limit with n8n wording, and continues on fail with the error as output', async () => {
    llm.failNext(429);
    const failed = await runOpenAi(llm, 1.8, { modelId: model('gpt-4o-mini'), messages: { values: [{ content: 'hi' }] } });
    expect(failed.result.status).toBe('error');
    expect(failed.result.data.resultData.error).toMatchObject({ message: 'OpenAI: Rate limit reached', node: 'OpenAI' });
    expect(routes()).toHaveLength(1);
    llm.failNext(500);
    const continued = await runOpenAi(llm, 1.8, { modelId: model('gpt-4o-mini'), messages: { values: [{ content: 'hi' }] } }, { continueOnFail: true });
    expect(continued.items.map((i) => i.json)).toEqual([{ error: 'The service was not able to process your request' }]);
  });
});

describe('text: create a model response (Responses API, v2)', () => {
  it('sends input items and options, loops through function calls and outputs the messages', async () => {
    llm.script({ toolCalls: [{ name: 'thinking_tool', args: { input: '2 ^ 5 is 32' }, id: 'call_9' }] }, { text: 'Thirty-two.' });
    const run = await runOpenAi(llm, 2.1, {
      operation: 'response', modelId: model('gpt-4.1-mini'),
      responses: { values: [{ type: 'text', content: 'What is 2 to the 5th?' }, { type: 'image', imageType: 'url', imageUrl: 'https://example.com/a.png' }] },
      options: { instructions: 'Think first.', maxTokens: 200, metadata: '{"team":"ops"}', reasoning: { reasoningOptions: { effort: 'low', summary: 'none' } } },
    }, { tools: 1 });
    expect(run.result.status).toBe('success');
    expect(routes()).toEqual(['POST /v1/responses', 'POST /v1/responses']);
    expect(body(0)).toMatchObject({
      model: 'gpt-4.1-mini', instructions: 'Think first.', max_output_tokens: 200, metadata: { team: 'ops' }, reasoning: { effort: 'low' },
      parallel_tool_calls: true, store: true, background: false,
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'What is 2 to the 5th?' }] }, { role: 'user', content: [{ type: 'input_image', detail: 'auto', image_url: 'https://example.com/a.png' }] }],
      tools: [expect.objectContaining({ type: 'function', name: 'thinking_tool', strict: false })],
    });
    const input = body(1).input as Array<Record<string, any>>;
    expect(input.slice(2)).toEqual([expect.objectContaining({ type: 'function_call', call_id: 'call_9', name: 'thinking_tool' }), { type: 'function_call_output', call_id: 'call_9', output: '2 ^ 5 is 32' }]);
    const output = (run.items[0].json as any).output;
    expect(output).toHaveLength(1);
    expect(output[0]).toMatchObject({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Thirty-two.' }] });
  });

  it('a JSON schema output format is sent as text.format and the answer parsed', async () => {
    llm.script({ json: { message: 'hi' } });
    const schema = '{"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}';
    const run = await runOpenAi(llm, 2, { operation: 'response', modelId: model('gpt-4o'), responses: { values: [{ content: 'greet' }] }, options: { textFormat: { textOptions: { type: 'json_schema', name: 'greeting', schema } } } });
    // n8n fills the group's defaults (verbosity medium) as the editor does.
    expect(body().text).toEqual({ verbosity: 'medium', format: { type: 'json_schema', name: 'greeting', schema: JSON.parse(schema) } });
    expect((run.items[0].json as any).output[0].content[0].text).toEqual({ message: 'hi' });
  });
});

describe('text: classify', () => {
  it('sends the text to the moderation model and outputs the first result, or only `flagged` when simplified', async () => {
    const raw = await runOpenAi(llm, 1.8, { operation: 'classify', input: 'I will attack the castle' });
    expect(routes()).toEqual(['POST /v1/moderations']);
    expect(body()).toEqual({ input: 'I will attack the castle', model: 'text-moderation-latest' });
    expect(raw.items[0].json).toMatchObject({ flagged: true, categories: { violence: true } });
    const simple = await runOpenAi(llm, 1.8, { operation: 'classify', input: 'Lovely weather', simplify: true, options: { useStableModel: true } });
    expect(body(1).model).toBe('text-moderation-stable');
    expect(simple.items.map((i) => i.json)).toEqual([{ flagged: false }]);
  });
});

describe('image', () => {
  it('analyzes image URLs with the vision model and simplifies to the content', async () => {
    llm.script({ text: 'A cat.' });
    const run = await runOpenAi(llm, 1.8, { resource: 'image', modelId: model('gpt-4o'), imageUrls: 'https://example.com/a.png, https://example.com/b.png', options: { detail: 'low' } });
    expect(routes()).toEqual(['POST /v1/chat/completions']);
    expect(body()).toEqual({
      model: 'gpt-4o', max_completion_tokens: 300,
      messages: [{ role: 'user', content: [{ type: 'text', text: "What's in this image?" }, { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } }, { type: 'image_url', image_url: { url: 'https://example.com/b.png', detail: 'low' } }] }],
    });
    expect(run.items.map((i) => i.json)).toEqual([{ content: 'A cat.' }]);
  });

  it('analyzes a binary image as a data URL (v1.3 uses gpt-4-vision-preview) and fails clearly without the binary', async () => {
    await runOpenAi(llm, 1.3, { resource: 'image', inputType: 'base64', text: 'Describe' }, { items: withBinary(PNG, 'image/png', 'a.png') });
    expect(body()).toMatchObject({ model: 'gpt-4-vision-preview', messages: [{ content: [{ type: 'text' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}`, detail: 'auto' } }] }] });
    const missing = await runOpenAi(llm, 1.8, { resource: 'image', inputType: 'base64', binaryPropertyName: 'photo' }, { items: withBinary(PNG, 'image/png', 'a.png') });
    expect(missing.result.data.resultData.error?.message).toBe("This operation expects the node's input data to contain a binary file 'photo', but none was found [item 0]");
  });

  it('generates images as binary by default, and as URLs when asked', async () => {
    const binary = await runOpenAi(llm, 1.8, { resource: 'image', operation: 'generate', prompt: 'A red fox', options: { dalleQuality: 'hd', size: '1792x1024', binaryPropertyOutput: 'image' } });
    expect(body()).toEqual({ prompt: 'A red fox', model: 'dall-e-3', response_format: 'b64_json', quality: 'hd', size: '1792x1024' });
    expect(binary.items[0].json).toMatchObject({ mimeType: 'image/png', fileName: 'data', fileExtension: 'png', fileType: 'image' });
    expect(binary.items[0].binary?.image.data).toBe(PNG);
    const urls = await runOpenAi(llm, 1.8, { resource: 'image', operation: 'generate', model: 'dall-e-2', prompt: 'Two foxes', options: { n: 2, returnImageUrls: true } });
    expect(body(1)).toEqual({ prompt: 'Two foxes', model: 'dall-e-2', response_format: 'url', n: 2 });
    expect(urls.items.map((i) => i.json.url)).toEqual([`${llm.url}/stand-in/image.png`, `${llm.url}/stand-in/image.png`]);
    await runOpenAi(llm, 1.8, { resource: 'image', operation: 'generate', model: 'gpt-image-1', prompt: 'A fox', options: { quality: 'low' } });
    expect(body(2)).toEqual({ prompt: 'A fox', model: 'gpt-image-1', quality: 'low' });
    const empty = await runOpenAi(llm, 1.8, { resource: 'image', operation: 'generate', prompt: '  ' });
    expect(empty.result.data.resultData.error?.message).toBe('A non-empty prompt is required.');
  });
});

describe('audio', () => {
  it('generates speech as a binary file', async () => {
    const run = await runOpenAi(llm, 1.8, { resource: 'audio', input: 'Hello there', voice: 'nova', options: { response_format: 'opus', speed: 1.5 } });
    expect(routes()).toEqual(['POST /v1/audio/speech']);
    expect(body()).toEqual({ model: 'tts-1', input: 'Hello there', voice: 'nova', response_format: 'opus', speed: 1.5 });
    const file = run.items[0].binary?.data;
    expect(Buffer.from(file?.data ?? '', 'base64')).toEqual(Buffer.concat([SPEECH_PREFIX, Buffer.from('Hello there')]));
    expect(run.items[0].json).toEqual({ mimeType: 'audio/opus', fileType: 'audio', fileName: 'audio.opus', fileExtension: 'opus', fileSize: '15 B' });
  });

  it('transcribes and translates the binary recording as a multipart upload to whisper-1', async () => {
    const audio = Buffer.from('fake mp3 bytes').toString('base64');
    const transcript = await runOpenAi(llm, 1.8, { resource: 'audio', operation: 'transcribe', options: { language: 'fr', temperature: 0.3 } }, { items: withBinary(audio, 'audio/mpeg', 'talk.mp3') });
    expect(routes()).toEqual(['POST /v1/audio/transcriptions']);
    expect(body()).toEqual({ fields: { model: 'whisper-1', language: 'fr', temperature: '0.3' }, files: [{ field: 'file', filename: 'talk.mp3', mimeType: 'audio/mpeg', size: 14 }] });
    expect(transcript.items[0].json).toEqual({ text: 'Transcript of talk.mp3 (14 bytes).' });
    const translation = await runOpenAi(llm, 2, { resource: 'audio', operation: 'translate' }, { items: withBinary(audio, 'audio/mpeg', 'talk.mp3') });
    expect(routes()[1]).toBe('POST /v1/audio/translations');
    expect(translation.items[0].json).toEqual({ text: 'English translation of talk.mp3 (14 bytes).' });
  });
});

describe('file', () => {
  it('uploads, lists by purpose and deletes files; deleting an unknown file fails with n8n wording', async () => {
    const jsonl = Buffer.from('{"a":1}\n').toString('base64');
    const uploaded = await runOpenAi(llm, 1.8, { resource: 'file', operation: 'upload', options: { purpose: 'fine-tune' } }, { items: withBinary(jsonl, 'application/jsonl', 'train.jsonl') });
    expect(body()).toEqual({ fields: { purpose: 'fine-tune' }, files: [{ field: 'file', filename: 'train.jsonl', mimeType: 'application/jsonl', size: 8 }] });
    const id = String(uploaded.items[0].json.id);
    expect(uploaded.items[0].json).toMatchObject({ object: 'file', filename: 'train.jsonl', purpose: 'fine-tune', bytes: 8 });
    const listed = await runOpenAi(llm, 1.8, { resource: 'file', operation: 'list', options: { purpose: 'fine-tune' } });
    expect(llm.requests[1].query).toEqual({ purpose: 'fine-tune' });
    expect(listed.items.map((i) => i.json.id)).toContain(id);
    const deleted = await runOpenAi(llm, 1.8, { resource: 'file', operation: 'deleteFile', fileId: { __rl: true, mode: 'id', value: id } });
    expect(`${llm.requests[2].method} ${llm.requests[2].path}`).toBe(`DELETE /v1/files/${id}`);
    expect(deleted.items[0].json).toEqual({ id, object: 'file', deleted: true });
    const again = await runOpenAi(llm, 1.8, { resource: 'file', operation: 'deleteFile', fileId: { __rl: true, mode: 'id', value: id } });
    expect(again.result.data.resultData.error).toMatchObject({ message: 'The resource you are requesting could not be found', description: `No such File object: ${id}` });
  });

  it('fails an assistant operation clearly instead of pretending', async () => {
    const run = await runOpenAi(llm, 1.8, { resource: 'assistant', operation: 'list' });
    expect(run.result.data.resultData.error?.message).toBe('The operation "list" of the resource "assistant" is not supported yet');
    expect(llm.requests).toEqual([]);
  });
});

describe('v2 image edit, tools hidden for models without function calling, file list search', () => {
  it('edits gpt-image-1 images from several binary fields and outputs binary files', async () => {
    const items = [{ json: {}, binary: { first: { data: PNG, mimeType: 'image/png', fileName: 'a.png' }, second: { data: PNG, mimeType: 'image/png', fileName: 'b.png' } } }];
    const run = await runOpenAi(llm, 2.1, { resource: 'image', operation: 'edit', prompt: 'Add a hat', images: { values: [{ binaryPropertyName: 'first' }, { binaryPropertyName: 'second' }] }, options: { background: 'transparent' } }, { items });
    expect(routes()).toEqual(['POST /v1/images/edits']);
    const sent = body() as { fields: Record<string, string>; files: Array<{ field: string; filename: string }> };
    expect(sent.fields).toEqual({ prompt: 'Add a hat', model: 'gpt-image-1', n: '1', size: '1024x1024', quality: 'auto', background: 'transparent' });
    expect(sent.files.map((f) => [f.field, f.filename])).toEqual([['image[]', 'a.png'], ['image[]', 'b.png']]);
    expect(run.items[0].binary?.data.data).toBe(PNG);
    expect(run.items[0].json).toMatchObject({ mimeType: 'image/png', fileName: 'data' });
  });

  it('sends no tools to a model that cannot call functions', async () => {
    llm.script({ text: 'ok' });
    await runOpenAi(llm, 1.8, { modelId: model('gpt-3.5-turbo-16k'), messages: { values: [{ content: 'hi' }] } }, { tools: 1 });
    expect(body()).not.toHaveProperty('tools');
  });

  it('lists uploaded files for the file locator, filtered by name', async () => {
    const { openAi } = await import('./open-ai.node.ts');
    await runOpenAi(llm, 1.8, { resource: 'file', operation: 'upload' }, { items: withBinary(PNG, 'image/png', 'report-2026.png') });
    const ctx = { credentials: { get: async () => ({ apiKey: llm.apiKey, url: llm.openAiUrl }) }, blockPrivateNetworks: false, signal: new AbortController().signal } as never;
    const page = await openAi.methods!.listSearch!.fileSearch(ctx, 'REPORT');
    expect(page.results).toEqual([expect.objectContaining({ name: 'report-2026.png', value: expect.stringMatching(/^file-/) })]);
    expect((await openAi.methods!.listSearch!.fileSearch(ctx, 'nothing-like-this')).results).toEqual([]);
  });
});
