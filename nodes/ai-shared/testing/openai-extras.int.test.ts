// The stand-in's non-chat OpenAI endpoints: embeddings (through OpenAIEmbeddings, which asks for
// base64), models, images and audio transcription (multipart), and the Groq-style path prefix.
import { OpenAIEmbeddings } from '@langchain/openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { embed, startLlmStandIn, type LlmStandIn } from './llm-stand-in.ts';

let llm: LlmStandIn;
beforeAll(async () => (llm = await startLlmStandIn()));
afterAll(() => llm.close());

const auth = () => ({ authorization: `Bearer ${llm.apiKey}`, 'content-type': 'application/json' });

it('embeds through OpenAIEmbeddings, honouring dimensions', async () => {
  const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small', apiKey: llm.apiKey, configuration: { baseURL: llm.openAiUrl }, dimensions: 12 });
  const vectors = await embeddings.embedDocuments(['first text', 'second text']);
  expect(vectors.map((v) => v.length)).toEqual([12, 12]);
  // float32 round trip through base64: equal to the stand-in's own vector to float precision.
  vectors[0].forEach((v, i) => expect(v).toBeCloseTo(embed('first text', 12)[i], 6));
  expect(llm.requests.at(-1)?.body).toMatchObject({ model: 'text-embedding-3-small', dimensions: 12, input: ['first text', 'second text'] });
});

it('answers float embeddings when asked', async () => {
  const res = await fetch(`${llm.openAiUrl}/embeddings`, { method: 'POST', headers: auth(), body: JSON.stringify({ model: 'text-embedding-3-small', input: 'plain', encoding_format: 'float' }) });
  const json = await res.json();
  expect(json).toMatchObject({ object: 'list', data: [{ object: 'embedding', index: 0 }], usage: { prompt_tokens: 2 } });
  expect(json.data[0].embedding).toEqual(embed('plain'));
});

it('lists models and generates images as b64_json or URL', async () => {
  const models = await (await fetch(`${llm.openAiUrl}/models`, { headers: auth() })).json();
  expect(models.data.map((m: { id: string }) => m.id)).toContain('gpt-4o-mini');
  const b64 = await (await fetch(`${llm.openAiUrl}/images/generations`, { method: 'POST', headers: auth(), body: JSON.stringify({ model: 'gpt-image-1', prompt: 'a cat' }) })).json();
  expect(Buffer.from(b64.data[0].b64_json, 'base64').subarray(1, 4).toString()).toBe('PNG');
  const url = await (await fetch(`${llm.openAiUrl}/images/generations`, { method: 'POST', headers: auth(), body: JSON.stringify({ model: 'dall-e-3', prompt: 'a cat', response_format: 'url' }) })).json();
  const image = await fetch(url.data[0].url);
  expect(image.headers.get('content-type')).toBe('image/png');
});

it('transcribes a multipart upload', async () => {
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(321)], { type: 'audio/mpeg' }), 'talk.mp3');
  form.append('model', 'whisper-1');
  const res = await fetch(`${llm.openAiUrl}/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${llm.apiKey}` }, body: form });
  expect(await res.json()).toEqual({ text: 'Transcript of talk.mp3 (321 bytes).' });
  expect(llm.requests.at(-1)?.body).toEqual({ fields: { model: 'whisper-1' }, files: [{ field: 'file', filename: 'talk.mp3', mimeType: 'audio/mpeg', size: 321 }] });
});

it('serves the OpenAI-compatible API under /openai/v1 too (Groq)', async () => {
  const res = await fetch(`${llm.url}/openai/v1/chat/completions`, { method: 'POST', headers: auth(), body: JSON.stringify({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'yo' }] }) });
  expect(await res.json()).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'echo: yo' }, finish_reason: 'stop' }] });
});
