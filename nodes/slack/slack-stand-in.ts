// Test support: a local stand-in for Slack's Web API, written from Slack's method documentation
// (docs.slack.dev/reference/methods): a Bearer token in the Authorization header, arguments in the
// query (GET) or in a form or JSON body (POST), `{ok: true, …}` answers and `{ok: false, error}` with
// HTTP 200 for failures, cursor pagination (`limit`, `cursor`, `response_metadata.next_cursor`), a
// 429 with Retry-After when armed, and the external upload flow (getUploadURLExternal, the upload
// URL, completeUploadExternal).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'xoxb-good-token';

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string;
  authorization: string;
  /** Arguments from the query and the form or JSON body. */
  args: Record<string, unknown>;
  raw: Buffer;
}

export interface SlackStandIn {
  url: string;
  seen: SeenRequest[];
  /** The next call of this method answers 429 with `Retry-After: seconds`. */
  rateLimitOnce(method: string, seconds: number): void;
  close(): Promise<void>;
}

const CHANNELS = Array.from({ length: 150 }, (_, i) => ({ id: `C${String(i + 1).padStart(3, '0')}`, name: `channel-${i + 1}`, is_channel: true, is_private: false }));
const USERS = Array.from({ length: 3 }, (_, i) => ({ id: `U00${i + 1}`, name: `user${i + 1}`, real_name: `User ${i + 1}` }));
const MESSAGES = Array.from({ length: 4 }, (_, i) => ({ type: 'message', user: 'U001', text: `message ${i + 1}`, ts: `1700000000.00000${i + 1}` }));

/** One page of `list` after the opaque cursor, the way Slack's cursor pagination answers. */
function page<T>(list: T[], args: Record<string, unknown>): { entries: T[]; next_cursor: string } {
  const offset = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString('utf8').replace('offset:', '')) : 0;
  const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
  const entries = list.slice(offset, offset + limit);
  const next = offset + limit < list.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
  return { entries, next_cursor: next };
}

function parseArgs(req: IncomingMessage, raw: Buffer, query: URLSearchParams): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(query.entries());
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) Object.assign(args, JSON.parse(raw.toString('utf8') || '{}'));
  else if (type.startsWith('application/x-www-form-urlencoded')) Object.assign(args, Object.fromEntries(new URLSearchParams(raw.toString('utf8')).entries()));
  return args;
}

type Answer = Record<string, unknown> & { ok: boolean };
type Handler = (args: Record<string, unknown>, request: SeenRequest, base: string) => Answer;

const needs = (args: Record<string, unknown>, ...names: string[]): Answer | undefined =>
  names.some((name) => args[name] === undefined || args[name] === '') ? { ok: false, error: 'invalid_arguments' } : undefined;
const channelKnown = (channel: unknown): Answer | undefined =>
  CHANNELS.some((c) => c.id === channel) || String(channel).startsWith('@') || String(channel).startsWith('U') ? undefined : { ok: false, error: 'channel_not_found' };

const METHODS: Record<string, Handler> = {
  'chat.postMessage': (args) => needs(args, 'channel') ?? channelKnown(args.channel)
    ?? (args.text === undefined && args.blocks === undefined && args.attachments === undefined ? { ok: false, error: 'no_text' } : undefined)
    ?? { ok: true, channel: args.channel, ts: '1700000100.000200', message: { type: 'message', subtype: 'bot_message', text: args.text ?? '', ts: '1700000100.000200', bot_id: 'B001' } },
  'chat.postEphemeral': (args) => needs(args, 'channel', 'user') ?? channelKnown(args.channel) ?? { ok: true, message_ts: '1700000100.000300' },
  'chat.update': (args) => needs(args, 'channel', 'ts') ?? channelKnown(args.channel)
    ?? { ok: true, channel: args.channel, ts: String(args.ts), text: args.text ?? '', message: { text: args.text ?? '', user: 'U001' } },
  'chat.delete': (args) => needs(args, 'channel', 'ts') ?? channelKnown(args.channel) ?? { ok: true, channel: args.channel, ts: String(args.ts) },
  'chat.getPermalink': (args) => needs(args, 'channel', 'message_ts') ?? channelKnown(args.channel)
    ?? { ok: true, channel: args.channel, permalink: `https://example.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}` },
  'conversations.list': (args) => {
    const { entries, next_cursor } = page(CHANNELS, args);
    return { ok: true, channels: entries, response_metadata: { next_cursor } };
  },
  'conversations.info': (args) => needs(args, 'channel') ?? channelKnown(args.channel) ?? { ok: true, channel: CHANNELS.find((c) => c.id === args.channel) },
  'conversations.create': (args) => needs(args, 'name') ?? { ok: true, channel: { id: 'C999', name: args.name, is_private: args.is_private === true || args.is_private === 'true' } },
  'conversations.invite': (args) => needs(args, 'channel', 'users') ?? channelKnown(args.channel) ?? { ok: true, channel: CHANNELS.find((c) => c.id === args.channel) },
  'conversations.open': (args) => (args.channel === undefined && args.users === undefined ? { ok: false, error: 'users_list_not_supplied' }
    : { ok: true, ...(args.return_im ? { already_open: false } : {}), channel: args.return_im ? { id: 'D069C7QFK', is_im: true, user: args.users } : { id: 'D069C7QFK' } }),
  'conversations.history': (args) => {
    const missing = needs(args, 'channel') ?? channelKnown(args.channel);
    if (missing) return missing;
    const { entries, next_cursor } = page(MESSAGES, args);
    return { ok: true, messages: entries, has_more: next_cursor !== '', response_metadata: { next_cursor } };
  },
  'conversations.members': (args) => {
    const missing = needs(args, 'channel') ?? channelKnown(args.channel);
    if (missing) return missing;
    const { entries, next_cursor } = page(USERS.map((u) => u.id), args);
    return { ok: true, members: entries, response_metadata: { next_cursor } };
  },
  'conversations.setTopic': (args) => needs(args, 'channel', 'topic') ?? channelKnown(args.channel)
    ?? { ok: true, channel: { ...CHANNELS.find((c) => c.id === args.channel), topic: { value: args.topic } } },
  'users.info': (args) => needs(args, 'user') ?? (USERS.find((u) => u.id === args.user) ? { ok: true, user: USERS.find((u) => u.id === args.user) } : { ok: false, error: 'user_not_found' }),
  'users.list': (args) => {
    const { entries, next_cursor } = page(USERS, args);
    return { ok: true, members: entries, response_metadata: { next_cursor } };
  },
  'users.getPresence': (args) => ({ ok: true, presence: args.user ? 'active' : 'away' }),
  'users.profile.get': () => ({ ok: true, profile: { real_name: 'User 1', email: 'user1@example.com' } }),
  // users.profile.set: `profile` is a JSON object (or its URL-encoded text); the answer is the profile as it now is.
  'users.profile.set': (args) => {
    const profile = typeof args.profile === 'string' ? JSON.parse(args.profile) as Record<string, unknown> : args.profile as Record<string, unknown> | undefined;
    if (!profile || typeof profile !== 'object') return { ok: false, error: 'invalid_profile' };
    if (profile.status_expiration !== undefined && !Number.isInteger(profile.status_expiration)) return { ok: false, error: 'invalid_profile' };
    return { ok: true, profile: { real_name: 'User 1', email: 'user1@example.com', ...profile } };
  },
  'team.profile.get': () => ({ ok: true, profile: { fields: [{ id: 'Xf01TITLE', ordering: 0, label: 'Title', hint: '', type: 'text' }] } }),
  'reactions.add': (args) => needs(args, 'channel', 'name', 'timestamp') ?? channelKnown(args.channel) ?? { ok: true },
  'search.messages': (args) => needs(args, 'query') ?? { ok: true, query: args.query, messages: { matches: MESSAGES.slice(0, Number(args.count ?? 20)), paging: { count: 20, total: 4, page: 1, pages: 1 } } },
  'files.getUploadURLExternal': (args, _request, base) => needs(args, 'filename', 'length') ?? { ok: true, upload_url: `${base}/upload/F0UPLOAD`, file_id: 'F0UPLOAD' },
  'files.completeUploadExternal': (args) => {
    const files = typeof args.files === 'string' ? JSON.parse(args.files) as unknown : args.files;
    if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
    return { ok: true, files: files.map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title ?? '', name: f.title ?? '' })) };
  },
  'usergroups.create': (args) => needs(args, 'name') ?? { ok: true, usergroup: { id: 'S001', name: args.name, handle: args.handle ?? '', description: args.description ?? '' } },
  'usergroups.list': (args) => ({ ok: true, usergroups: ['S001', 'S002', 'S003'].map((id) => ({ id, name: id, user_count: args.include_count ? 2 : undefined })) }),
  'files.upload': (args) => ({ ok: true, file: { id: 'F0LEGACY', title: args.title ?? '', content_given: typeof args.content === 'string' } }),
};

export async function startSlackStandIn(): Promise<SlackStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const request: SeenRequest = {
        method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()),
        contentType: req.headers['content-type'] ?? '', authorization: req.headers.authorization ?? '', args: {}, raw,
      };
      seen.push(request);
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname.startsWith('/upload/')) {
        // The upload URL takes the bytes (raw or multipart) and answers in plain text.
        res.writeHead(req.method === 'POST' ? 200 : 405, { 'content-type': 'text/plain' });
        res.end(req.method === 'POST' ? `OK - ${raw.length}` : 'Method not allowed');
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const wait = armed.get(method);
      if (wait !== undefined) {
        armed.delete(method);
        return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
      }
      const token = /^Bearer (.+)$/.exec(request.authorization)?.[1];
      if (!token) return reply(200, { ok: false, error: 'not_authed' });
      if (token !== GOOD_TOKEN) return reply(200, { ok: false, error: 'invalid_auth' });
      const handler = METHODS[method];
      if (!handler) return reply(404, { ok: false, error: 'unknown_method' });
      try {
        request.args = parseArgs(req, raw, url.searchParams);
      } catch {
        return reply(200, { ok: false, error: 'invalid_json' });
      }
      reply(200, handler(request.args, request, base));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/api`,
    seen,
    rateLimitOnce: (method, seconds) => armed.set(method, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
