// The image, audio and file resources: analyze images (URLs or binary) with a vision model, generate
// images (binary or URLs), speech from text, transcriptions and translations of recordings, and
// uploading, listing and deleting files.
import type OpenAI from 'openai';
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { modelId } from '../ai-shared/chat-model-params.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import { recordedModelCall } from './open-ai-usage.ts';

const pairedItem = (i: number) => ({ item: i });

/** n8n's prepareBinaryData detects the type of unnamed content from its first bytes. */
function imageType(content: Buffer): string {
  if (content.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'png';
  if (content[0] === 0xff && content[1] === 0xd8) return 'jpeg';
  if (content.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return 'png';
}

/** An output item carrying one file: its metadata as json (without content), the file as binary. */
function fileItem(binary: BinaryData, field: string, i: number): Item {
  const { data: _content, ...meta } = binary;
  return { json: meta as JsonObject, binary: { [field]: binary }, pairedItem: pairedItem(i) };
}

async function inputFile(ctx: ExecuteContext, i: number, property: string) {
  const { toFile } = await import('openai');
  const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], property, i);
  return toFile(buffer, binary.fileName ?? 'data', { type: binary.mimeType });
}

export async function analyzeImage(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const model = ctx.node.typeVersion >= 1.4 ? modelId(ctx.getNodeParameter('modelId', i, 'gpt-4o')) : 'gpt-4-vision-preview';
  const text = String(ctx.getNodeParameter('text', i, ''));
  if (!text.trim()) throw new NodeOperationError(ctx.node.name, 'A non-empty prompt is required.', { itemIndex: i });
  const options = collection(ctx, 'options', i);
  const detail = (options.detail as string) || 'auto';
  const content: JsonObject[] = [{ type: 'text', text }];
  if (param(ctx, 'inputType', i, 'url') === 'url') {
    for (const url of String(ctx.getNodeParameter('imageUrls', i, '')).split(',').map((u) => u.trim())) content.push({ type: 'image_url', image_url: { url, detail } });
  } else {
    for (const property of String(ctx.getNodeParameter('binaryPropertyName', i, 'data')).split(',').map((p) => p.trim())) {
      const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], property, i);
      content.push({ type: 'image_url', image_url: { url: `data:${binary.mimeType};base64,${buffer.toString('base64')}`, detail } });
    }
  }
  const body = { model, messages: [{ role: 'user', content }], max_completion_tokens: Number(options.maxTokens) || 300 };
  const response = await recordedModelCall(ctx, body, () => client.chat.completions.create(body as never, { signal: ctx.signal }) as Promise<OpenAI.Chat.ChatCompletion>);
  const json = param(ctx, 'simplify', i, true) && response.choices ? { content: response.choices[0].message.content } : response;
  return [{ json: json as unknown as JsonObject, pairedItem: pairedItem(i) }];
}

export async function generateImage(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const model = String(ctx.getNodeParameter('model', i, 'dall-e-3'));
  const prompt = String(ctx.getNodeParameter('prompt', i, ''));
  if (!prompt.trim()) throw new NodeOperationError(ctx.node.name, 'A non-empty prompt is required.', { itemIndex: i });
  const { returnImageUrls, binaryPropertyOutput, dalleQuality, ...options } = collection(ctx, 'options', i);
  const supportsResponseFormat = !model.startsWith('gpt-image');
  const asUrl = returnImageUrls === true && supportsResponseFormat;
  // gpt-image-1 always answers base64 and refuses response_format.
  const body = { prompt, model, ...(supportsResponseFormat ? { response_format: asUrl ? 'url' : 'b64_json' } : {}), ...(dalleQuality ? { quality: dalleQuality } : {}), ...options };
  const { data } = await client.images.generate(body as never, { signal: ctx.signal }) as OpenAI.Images.ImagesResponse;
  if (asUrl) return (data ?? []).map((entry) => ({ json: entry as unknown as JsonObject, pairedItem: pairedItem(i) }));
  return (data ?? []).map((entry) => {
    const content = Buffer.from(entry.b64_json ?? '', 'base64');
    const type = imageType(content);
    const binary = { ...prepareBinaryData(content, 'data', `image/${type}`), fileExtension: type === 'jpeg' ? 'jpg' : type };
    return fileItem(binary, String(binaryPropertyOutput || 'data'), i);
  });
}

export async function generateAudio(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const options = collection(ctx, 'options', i);
  const format = String(options.response_format || 'mp3');
  const body = {
    model: String(ctx.getNodeParameter('model', i, 'tts-1')), input: String(ctx.getNodeParameter('input', i, '')),
    voice: String(ctx.getNodeParameter('voice', i, 'alloy')), response_format: format, speed: Number(options.speed) || 1,
  };
  const response = await client.audio.speech.create(body as never, { signal: ctx.signal });
  const binary = prepareBinaryData(Buffer.from(await response.arrayBuffer()), `audio.${format}`, `audio/${format}`);
  return [fileItem(binary, String(options.binaryPropertyOutput || 'data'), i)];
}

export async function transcribeOrTranslate(ctx: ExecuteContext, client: OpenAI, i: number, kind: 'transcribe' | 'translate'): Promise<Item[]> {
  const options = collection(ctx, 'options', i);
  const file = await inputFile(ctx, i, String(ctx.getNodeParameter('binaryPropertyName', i, 'data')));
  const body = { file, model: 'whisper-1', ...(kind === 'transcribe' && options.language ? { language: String(options.language) } : {}), ...(options.temperature ? { temperature: Number(options.temperature) } : {}) };
  const response = kind === 'transcribe'
    ? await client.audio.transcriptions.create(body, { signal: ctx.signal })
    : await client.audio.translations.create(body, { signal: ctx.signal });
  return [{ json: response as unknown as JsonObject, pairedItem: pairedItem(i) }];
}

export async function uploadFile(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const options = collection(ctx, 'options', i);
  const file = await inputFile(ctx, i, String(ctx.getNodeParameter('binaryPropertyName', i, 'data')));
  const purpose = String(options.purpose || 'assistants') as OpenAI.Files.FilePurpose;
  try {
    const response = await client.files.create({ file, purpose }, { signal: ctx.signal });
    return [{ json: response as unknown as JsonObject, pairedItem: pairedItem(i) }];
  } catch (error) {
    const message = (error as { error?: { message?: unknown } }).error?.message;
    if ((error as { status?: number }).status === 400 && typeof message === 'string' && message.includes('Expected file to have JSONL format')) {
      throw new NodeOperationError(ctx.node.name, 'The file content is not in JSONL format', { itemIndex: i, description: 'Fine-tuning accepts only files in JSONL format, where every line is a valid JSON dictionary' });
    }
    throw error;
  }
}

export async function listFiles(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const purpose = String(collection(ctx, 'options', i).purpose ?? 'any');
  const page = await client.files.list(purpose === 'any' ? {} : { purpose }, { signal: ctx.signal });
  return page.data.map((file) => ({ json: file as unknown as JsonObject, pairedItem: pairedItem(i) }));
}

export async function deleteFile(ctx: ExecuteContext, client: OpenAI, i: number): Promise<Item[]> {
  const id = modelId(ctx.getNodeParameter('fileId', i, ''));
  const response = await client.files.delete(id, { signal: ctx.signal });
  return [{ json: response as unknown as JsonObject, pairedItem: pairedItem(i) }];
}
