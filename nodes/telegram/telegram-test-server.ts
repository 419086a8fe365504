// A local stand-in for the Telegram Bot API, written from its public documentation
// (core.telegram.org/bots/api): methods at /bot<token>/<method>, parameters as query string, JSON,
// urlencoded or multipart form (files as multipart parts), answers `{ok: true, result}` or
// `{ok: false, error_code, description, parameters?}` (429 with `parameters.retry_after`), files
// downloaded from /file/bot<token>/<file_path>. It records every request for the tests to assert.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_TOKEN = '123456:TEST-token_abc';

export interface SeenFile { field: string; fileName: string; type: string; content: Buffer }
export interface SeenRequest {
  httpMethod: string;
  apiMethod: string;
  contentType: string;
  params: Record<string, unknown>;
  files: SeenFile[];
}

export interface TelegramStandIn {
  url: string;
  seen: SeenRequest[];
  /** Files getFile knows, by file_id. */
  files: Map<string, { path: string; content: Buffer }>;
  /** The registered webhook, as setWebhook left it. */
  webhook: { url: string; allowed_updates?: unknown; secret_token?: string; drop_pending_updates?: unknown };
  /** The next `times` calls of this method answer 429 with retry_after `seconds` (0 times: no more). */
  rateLimit(apiMethod: string, seconds: number, times?: number): void;
  close(): Promise<void>;
}

const BOT = { id: 123456, is_bot: true, first_name: 'Weft Test Bot', username: 'weft_test_bot' };
const CHAT = { id: 42, type: 'private', first_name: 'Ann', username: 'ann' };
const ADMINS = [
  { status: 'creator', user: { id: 1, is_bot: false, first_name: 'Ann' }, is_anonymous: false },
  { status: 'administrator', user: BOT, can_be_edited: false, is_anonymous: false },
];

class ApiError extends Error {
  constructor(readonly code: number, description: string, readonly parameters?: Record<string, unknown>) { super(description); }
}

function chatOf(params: Record<string, unknown>): Record<string, unknown> {
  const id = params.chat_id;
  if (id === undefined || id === '') throw new ApiError(400, 'Bad Request: chat_id is empty');
  if (String(id) === 'unknown' || String(id) === '-1') throw new ApiError(400, 'Bad Request: chat not found');
  return { ...CHAT, id: /^-?\d+$/.test(String(id)) ? Number(id) : CHAT.id };
}

export async function startTelegramStandIn(): Promise<TelegramStandIn> {
  const seen: SeenRequest[] = [];
  const files = new Map<string, { path: string; content: Buffer }>();
  const webhook: TelegramStandIn['webhook'] = { url: '' };
  const limits = new Map<string, { seconds: number; times: number }>();
  let nextMessageId = 100;

  const message = (params: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ message_id: nextMessageId++, from: BOT, chat: chatOf(params), date: 1_700_000_000, ...extra });

  function answer(apiMethod: string, params: Record<string, unknown>, upload: SeenFile[]): unknown {
    const fileOf = (field: string) => {
      const part = upload.find((f) => f.field === field);
      const given = part ? `uploaded:${part.fileName}` : params[field];
      if (!given) throw new ApiError(400, `Bad Request: there is no ${field} in the request`);
      return { file_id: String(given), file_unique_id: `u-${String(given)}`, ...(part ? { file_size: part.content.length } : {}) };
    };
    switch (apiMethod) {
      case 'getMe': return BOT;
      case 'sendMessage':
        if (!params.text) throw new ApiError(400, 'Bad Request: message text is empty');
        return message(params, { text: params.text });
      case 'editMessageText':
        if (params.inline_message_id) return true;
        return { ...message(params, { text: params.text }), message_id: Number(params.message_id), edit_date: 1_700_000_100 };
      case 'sendPhoto': return message(params, { photo: [fileOf('photo')], ...(params.caption ? { caption: params.caption } : {}) });
      case 'sendDocument': return message(params, { document: { ...fileOf('document'), file_name: upload[0]?.fileName ?? 'file' }, ...(params.caption ? { caption: params.caption } : {}) });
      case 'sendAudio': return message(params, { audio: { ...fileOf('audio'), duration: Number(params.duration ?? 0) } });
      case 'sendVideo': return message(params, { video: { ...fileOf('video'), width: 0, height: 0, duration: 0 } });
      case 'sendAnimation': return message(params, { animation: { ...fileOf('animation'), width: 0, height: 0, duration: 0 } });
      case 'sendSticker': return message(params, { sticker: { ...fileOf('sticker'), type: 'regular', width: 512, height: 512 } });
      case 'sendLocation': return message(params, { location: { latitude: Number(params.latitude), longitude: Number(params.longitude) } });
      case 'sendMediaGroup': {
        const media = (typeof params.media === 'string' ? JSON.parse(params.media) : params.media) as Array<Record<string, unknown>>;
        if (!Array.isArray(media) || media.length < 2) throw new ApiError(400, 'Bad Request: wrong number of media specified');
        return media.map((m) => message(params, m.type === 'photo' ? { photo: [{ file_id: m.media }] } : { video: { file_id: m.media } }));
      }
      case 'sendChatAction': chatOf(params); return true;
      case 'deleteMessage': case 'pinChatMessage': case 'unpinChatMessage': case 'leaveChat': case 'setChatTitle': case 'setChatDescription':
        chatOf(params);
        return true;
      case 'getChat': return chatOf(params);
      case 'getChatAdministrators': chatOf(params); return ADMINS;
      case 'getChatMember':
        chatOf(params);
        return { status: 'member', user: { id: Number(params.user_id), is_bot: false, first_name: 'Bob' } };
      case 'answerCallbackQuery': case 'answerInlineQuery': return true;
      case 'getFile': {
        const file = files.get(String(params.file_id));
        if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
        return { file_id: params.file_id, file_unique_id: `u-${String(params.file_id)}`, file_size: file.content.length, file_path: file.path };
      }
      case 'setWebhook':
        if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(params.secret_token))) {
          throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
        }
        Object.assign(webhook, { url: String(params.url ?? ''), allowed_updates: params.allowed_updates, secret_token: params.secret_token, drop_pending_updates: params.drop_pending_updates });
        return true;
      case 'getWebhookInfo':
        return { url: webhook.url, has_custom_certificate: false, pending_update_count: 0, ...(webhook.url && Array.isArray(webhook.allowed_updates) && webhook.allowed_updates.length ? { allowed_updates: webhook.allowed_updates } : {}) };
      case 'deleteWebhook':
        Object.assign(webhook, { url: '', allowed_updates: undefined, secret_token: undefined });
        return true;
      default:
        throw new ApiError(404, 'Not Found');
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://telegram.test');
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (fileMatch) {
        const file = [...files.values()].find((f) => f.path === decodeURIComponent(fileMatch[2]));
        if (fileMatch[1] !== BOT_TOKEN || !file) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(file.content);
      }
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!match) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
      if (match[1] !== BOT_TOKEN) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const apiMethod = match[2];
      const contentType = String(req.headers['content-type'] ?? '');
      const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
      const upload: SeenFile[] = [];
      try {
        if (contentType.startsWith('application/json') && raw.length) Object.assign(params, JSON.parse(raw.toString('utf8')));
        else if (contentType.startsWith('application/x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
        else if (contentType.startsWith('multipart/form-data')) {
          const form = await new Request('http://telegram.test', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
          for (const [field, value] of form) {
            if (typeof value === 'string') params[field] = value;
            else upload.push({ field, fileName: value.name, type: value.type, content: Buffer.from(await value.arrayBuffer()) });
          }
        }
      } catch {
        return reply(400, { ok: false, error_code: 400, description: 'Bad Request: can\'t parse request' });
      }
      seen.push({ httpMethod: req.method ?? '', apiMethod, contentType, params, files: upload });
      const limit = limits.get(apiMethod);
      if (limit) {
        const wait = limit.seconds;
        if (--limit.times <= 0) limits.delete(apiMethod);
        return reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } }, { 'retry-after': String(wait) });
      }
      try {
        reply(200, { ok: true, result: answer(apiMethod, params, upload) });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        reply(error.code, { ok: false, error_code: error.code, description: error.message, ...(error.parameters ? { parameters: error.parameters } : {}) });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen, files, webhook,
    rateLimit: (apiMethod, seconds, times = 1) => void (times > 0 ? limits.set(apiMethod, { seconds, times }) : limits.delete(apiMethod)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
