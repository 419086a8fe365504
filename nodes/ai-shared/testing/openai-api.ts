// Test support: the OpenAI API surface (platform.openai.com/docs/api-reference) and the providers
// that copy it (Groq under /openai/v1, DeepSeek, OpenRouter under /api/v1, Mistral): Bearer auth,
// `{error: {message, type, param, code}}` errors, chat, responses, embeddings, models, images, audio.
import { asRecord, type ApiContext, type Failure } from './api-context.ts';
import { embed, toBase64Floats } from './embedding-vector.ts';
import { sendJson, sendText, type MultipartBody } from './http-io.ts';
import { handleChatCompletions, handleCompletions, type OpenAiErrors } from './openai-chat.ts';
import { handleOpenAiMedia, OPENAI_MEDIA_PATH } from './openai-media-api.ts';
import { handleResponses } from './openai-responses.ts';
import { countTokens } from './scripted-answer.ts';

export const OPENAI_PATH = /^(?:\/openai|\/api)?\/v1\/(chat\/completions|completions|responses|embeddings|models|images\/generations|audio\/transcriptions)$/;

export const OPENAI_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'o3-mini', 'text-embedding-3-small', 'text-embedding-3-large', 'dall-e-3', 'gpt-image-1', 'whisper-1'];

/** A 1×1 transparent PNG: the smallest real image an image-generation answer can carry. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function errorsFor(ctx: ApiContext): OpenAiErrors {
  const typeFor = (status: number) => (status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error');
  const send: OpenAiErrors['send'] = (status, message, param = null, code = null) =>
    sendJson(ctx.res, status, { error: { message, type: typeFor(status), param, code } });
  const fail = (failure: Failure) => {
    const defaults: Record<number, [string, string | null]> = {
      401: ['Incorrect API key provided.', 'invalid_api_key'],
      429: ['Rate limit reached for requests. Please try again later.', 'rate_limit_exceeded'],
      500: ['The server had an error while processing your request. Sorry about that!', null],
      503: ['The engine is currently overloaded, please try again later.', null],
    };
    const [message, code] = defaults[failure.status] ?? ['The request could not be processed.', null];
    const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
    sendJson(ctx.res, failure.status, { error: { message: failure.message ?? message, type: typeFor(failure.status), param: null, code } }, headers);
  };
  return { send, fail };
}

export async function handleOpenAi(ctx: ApiContext): Promise<void> {
  const errors = errorsFor(ctx);
  const auth = ctx.req.headers.authorization;
  if (!auth) return errors.send(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
  if (auth !== `Bearer ${ctx.apiKey}`) return errors.send(401, `Incorrect API key provided: ${auth.replace(/^Bearer\s+/i, '').slice(0, 8)}***. You can find your API key at https://platform.openai.com/account/api-keys.`, null, 'invalid_api_key');
  if (ctx.invalidJson) return errors.send(400, 'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly.)');
  const endpoint = OPENAI_PATH.exec(ctx.path)?.[1];
  const route = `${ctx.method} ${endpoint}`;
  if (route === 'POST chat/completions') return handleChatCompletions(ctx, errors);
  if (route === 'POST completions') return handleCompletions(ctx, errors);
  if (route === 'POST responses') return handleResponses(ctx, errors);
  if (route === 'POST embeddings') return handleEmbeddings(ctx, errors);
  if (route === 'GET models') {
    return sendJson(ctx.res, 200, { object: 'list', data: OPENAI_MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' })) });
  }
  if (route === 'POST images/generations') return handleImages(ctx, errors);
  if (route === 'POST audio/transcriptions') return handleTranscription(ctx, errors);
  if (OPENAI_MEDIA_PATH.test(ctx.path)) return handleOpenAiMedia(ctx, errors);
  errors.send(404, `Invalid URL (${ctx.method} ${ctx.path})`);
}

function handleEmbeddings(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (typeof body.model !== 'string') return errors.send(400, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  if (body.input === undefined || (Array.isArray(body.input) && body.input.length === 0)) return errors.send(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", 'input');
  // `input` is a string, an array of strings, or token arrays; tokens are embedded as their digits.
  const inputs = (Array.isArray(body.input) && (body.input.length === 0 || typeof body.input[0] !== 'number') ? body.input : [body.input]).map((i) => (Array.isArray(i) ? i.join(' ') : String(i)));
  const dimensions = typeof body.dimensions === 'number' ? body.dimensions : undefined;
  const base64 = body.encoding_format === 'base64';
  const tokens = inputs.reduce((sum, text) => sum + countTokens(text), 0);
  sendJson(ctx.res, 200, {
    object: 'list',
    data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Floats(embed(text, dimensions)) : embed(text, dimensions) })),
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

function handleImages(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (typeof body.prompt !== 'string' || body.prompt === '') return errors.send(400, "Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter');
  const n = typeof body.n === 'number' ? body.n : 1;
  // dall-e models answer a URL unless b64_json is asked for; gpt-image-1 always answers b64_json.
  const asUrl = body.response_format === 'url' || (body.response_format === undefined && String(body.model ?? 'dall-e-2').startsWith('dall-e'));
  const image = asUrl ? { url: `${ctx.baseUrl}/stand-in/image.png`, revised_prompt: body.prompt } : { b64_json: TINY_PNG_BASE64, revised_prompt: body.prompt };
  sendJson(ctx.res, 200, { created: Math.floor(Date.now() / 1000), data: Array.from({ length: n }, () => image) });
}

function handleTranscription(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = ctx.body as MultipartBody | undefined;
  const file = body?.files?.find((f) => f.field === 'file');
  if (!body?.fields || !file) return errors.send(400, "Missing required parameter: 'file'.", 'file', 'missing_required_parameter');
  if (!body.fields.model) return errors.send(400, "Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const text = `Transcript of ${file.filename} (${file.size} bytes).`;
  const format = body.fields.response_format ?? 'json';
  if (format === 'text' || format === 'srt' || format === 'vtt') return sendText(ctx.res, 200, text);
  if (format === 'verbose_json') return sendJson(ctx.res, 200, { task: 'transcribe', language: body.fields.language ?? 'english', duration: 1.0, text, segments: [] });
  sendJson(ctx.res, 200, { text });
}
