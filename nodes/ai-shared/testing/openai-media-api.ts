// Test support: the OpenAI endpoints beyond chat (platform.openai.com/docs/api-reference):
// moderations, text to speech, audio translations, image edits and files (upload as multipart,
// list with an optional purpose filter, delete; each stand-in keeps its own uploaded files).
import { asRecord, type ApiContext } from './api-context.ts';
import { sendJson, type MultipartBody } from './http-io.ts';
import type { OpenAiErrors } from './openai-chat.ts';

export const OPENAI_MEDIA_PATH = /^(?:\/openai|\/api)?\/v1\/(moderations|audio\/speech|audio\/translations|images\/edits|files(?:\/[^/]+)?)$/;

/** A 1×1 PNG for edited images (kept here: openai-api.ts imports this module). */
const EDITED_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Bytes every speech answer starts with (an MP3 frame header), then the text spoken, so tests can check both. */
export const SPEECH_PREFIX = Buffer.from([0xff, 0xfb, 0x90, 0x64]);

const CATEGORIES = ['harassment', 'hate', 'self-harm', 'sexual', 'violence'];
/** Words that make the stand-in's moderation flag a text as violence. */
const VIOLENT = /\b(kill|attack|hurt)\b/i;

interface StoredFile { id: string; object: 'file'; bytes: number; created_at: number; filename: string; purpose: string; status: 'processed' }
/** Uploaded files per stand-in (by its base URL), so parallel stand-ins never see each other's. */
const filesByStandIn = new Map<string, StoredFile[]>();

export function handleOpenAiMedia(ctx: ApiContext, errors: OpenAiErrors): void {
  const endpoint = OPENAI_MEDIA_PATH.exec(ctx.path)?.[1] ?? '';
  if (ctx.method === 'POST' && endpoint === 'moderations') return moderations(ctx, errors);
  if (ctx.method === 'POST' && endpoint === 'audio/speech') return speech(ctx, errors);
  if (ctx.method === 'POST' && endpoint === 'audio/translations') return translation(ctx, errors);
  if (ctx.method === 'POST' && endpoint === 'images/edits') return imageEdit(ctx, errors);
  if (endpoint === 'files' || endpoint.startsWith('files/')) return files(ctx, errors, endpoint.slice('files/'.length));
  errors.send(404, `Invalid URL (${ctx.method} ${ctx.path})`);
}

function moderations(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  if (body.input === undefined) return errors.send(400, "Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  const inputs = (Array.isArray(body.input) ? body.input : [body.input]).map(String);
  const results = inputs.map((text) => {
    const violent = VIOLENT.test(text);
    return {
      flagged: violent,
      categories: Object.fromEntries(CATEGORIES.map((c) => [c, c === 'violence' && violent])),
      category_scores: Object.fromEntries(CATEGORIES.map((c) => [c, c === 'violence' && violent ? 0.97 : 0.0001])),
    };
  });
  sendJson(ctx.res, 200, { id: ctx.newId('modr-'), model: body.model ?? 'omni-moderation-latest', results });
}

function speech(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = asRecord(ctx.body);
  for (const field of ['model', 'input', 'voice']) {
    if (typeof body[field] !== 'string' || body[field] === '') return errors.send(400, `Missing required parameter: '${field}'.`, field, 'missing_required_parameter');
  }
  const format = String(body.response_format ?? 'mp3');
  const types: Record<string, string> = { mp3: 'audio/mpeg', opus: 'audio/opus', aac: 'audio/aac', flac: 'audio/flac', wav: 'audio/wav', pcm: 'audio/pcm' };
  ctx.res.writeHead(200, { 'content-type': types[format] ?? 'application/octet-stream' });
  ctx.res.end(Buffer.concat([SPEECH_PREFIX, Buffer.from(String(body.input))]));
}

function multipart(ctx: ApiContext, errors: OpenAiErrors, required: string[]): MultipartBody | undefined {
  const body = ctx.body as MultipartBody | undefined;
  if (!body?.files?.some((f) => f.field === required[0])) {
    errors.send(400, `Missing required parameter: '${required[0]}'.`, required[0], 'missing_required_parameter');
    return undefined;
  }
  const missing = required.slice(1).find((field) => !body.fields[field]);
  if (missing) {
    errors.send(400, `Missing required parameter: '${missing}'.`, missing, 'missing_required_parameter');
    return undefined;
  }
  return body;
}

function translation(ctx: ApiContext, errors: OpenAiErrors): void {
  const body = multipart(ctx, errors, ['file', 'model']);
  if (!body) return;
  const file = body.files.find((f) => f.field === 'file')!;
  sendJson(ctx.res, 200, { text: `English translation of ${file.filename} (${file.size} bytes).` });
}

function imageEdit(ctx: ApiContext, errors: OpenAiErrors): void {
  // gpt-image models take several images as `image[]`; dall-e-2 takes one `image`.
  const several = (ctx.body as MultipartBody | undefined)?.files?.some((f) => f.field === 'image[]');
  const body = multipart(ctx, errors, [several ? 'image[]' : 'image', 'prompt']);
  if (!body) return;
  const n = Number(body.fields.n ?? 1);
  const asUrl = body.fields.response_format === 'url';
  const image = asUrl ? { url: `${ctx.baseUrl}/stand-in/image.png` } : { b64_json: EDITED_PNG_BASE64 };
  sendJson(ctx.res, 200, { created: Math.floor(Date.now() / 1000), data: Array.from({ length: n }, () => image) });
}

function files(ctx: ApiContext, errors: OpenAiErrors, id: string): void {
  const stored = filesByStandIn.get(ctx.baseUrl) ?? [];
  filesByStandIn.set(ctx.baseUrl, stored);
  if (ctx.method === 'POST' && !id) {
    const body = multipart(ctx, errors, ['file', 'purpose']);
    if (!body) return;
    const upload = body.files.find((f) => f.field === 'file')!;
    const file: StoredFile = { id: ctx.newId('file-'), object: 'file', bytes: upload.size, created_at: Math.floor(Date.now() / 1000), filename: upload.filename, purpose: body.fields.purpose, status: 'processed' };
    stored.push(file);
    return sendJson(ctx.res, 200, file);
  }
  if (ctx.method === 'GET' && !id) {
    const purpose = ctx.query.get('purpose');
    return sendJson(ctx.res, 200, { object: 'list', data: stored.filter((f) => !purpose || f.purpose === purpose), has_more: false });
  }
  const index = stored.findIndex((f) => f.id === id);
  if (id && index < 0) return errors.send(404, `No such File object: ${id}`, 'id');
  if (ctx.method === 'GET') return sendJson(ctx.res, 200, stored[index]);
  if (ctx.method === 'DELETE') {
    stored.splice(index, 1);
    return sendJson(ctx.res, 200, { id, object: 'file', deleted: true });
  }
  errors.send(404, `Invalid URL (${ctx.method} ${ctx.path})`);
}
