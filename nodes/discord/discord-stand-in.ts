// Test support: a local stand-in for Discord's HTTP API v10, written from Discord's developer
// documentation (discord.com/developers/docs: Channel, Guild, User and Webhook resources, Rate
// Limits, error codes): `Authorization: Bot <token>`, JSON or multipart bodies (`payload_json` plus
// `files[n]`), 204 for actions without content, `{code, message}` errors, `before`/`after`
// pagination, webhook execution (`?wait=true` answers the message, else 204), and a 429 with
// Retry-After plus `retry_after` in the body when armed.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_TOKEN = 'bot-good-token';
export const OAUTH_TOKEN = 'oauth-user-token';
export const GUILD_ID = '900000000000000001';
export const OTHER_GUILD_ID = '900000000000000002';
export const WEBHOOK_PATH = '/api/webhooks/111/hook-token';

export interface MultipartPart { name: string; fileName?: string; contentType?: string; data: Buffer }

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string;
  contentType: string;
  json?: unknown;
  parts?: MultipartPart[];
}

export interface DiscordStandIn {
  url: string;
  /** The API base (what WEFT_DISCORD_API_URL points at). */
  apiUrl: string;
  webhookUrl: string;
  seen: SeenRequest[];
  /** The next `count` requests to a path answer 429 with `Retry-After: seconds`. */
  rateLimit(path: string, seconds: number, count?: number): void;
  close(): Promise<void>;
}

const snowflake = (n: number) => String(1_100_000_000_000_000_000n + BigInt(n));
const BOT_USER = { id: '800000000000000001', username: 'weft-bot', discriminator: '0000', bot: true };
const TEXT_CHANNEL = '700000000000000001';
const OTHER_GUILD_CHANNEL = '700000000000000009';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
const error = (status: number, code: number, message: string, errors?: unknown): Answer => ({ status, body: { code, message, ...(errors ? { errors } : {}) } });

function parseMultipart(raw: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return [];
  const parts: MultipartPart[] = [];
  const text = raw.toString('latin1');
  for (const chunk of text.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
    const body = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const fileName = /filename="([^"]*)"/.exec(head)?.[1];
    const type = /Content-Type: (.+)/i.exec(head)?.[1]?.trim();
    parts.push({ name, fileName, contentType: type, data: Buffer.from(body, 'latin1') });
  }
  return parts;
}

/** The standing state: channels of the guild, 250 messages in the text channel, 250 members. */
function createState() {
  const channels = new Map<string, Record<string, unknown>>([
    [TEXT_CHANNEL, { id: TEXT_CHANNEL, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, parent_id: null }],
    ['700000000000000002', { id: '700000000000000002', type: 2, guild_id: GUILD_ID, name: 'voice', position: 1, bitrate: 64000 }],
    ['700000000000000003', { id: '700000000000000003', type: 4, guild_id: GUILD_ID, name: 'category', position: 2 }],
    [OTHER_GUILD_CHANNEL, { id: OTHER_GUILD_CHANNEL, type: 0, guild_id: OTHER_GUILD_ID, name: 'elsewhere', position: 0 }],
  ]);
  // Newest first is how Discord lists messages; IDs grow with time.
  const messages = Array.from({ length: 250 }, (_, i) => ({
    id: snowflake(i + 1), channel_id: TEXT_CHANNEL, type: 0, content: `message ${i + 1}`, author: { id: '500000000000000001', username: 'ann' },
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), edited_timestamp: null, tts: false, embeds: [], attachments: [], mentions: [], pinned: false,
  }));
  const members = Array.from({ length: 250 }, (_, i) => ({
    user: { id: String(600000000000000000n + BigInt((i + 1) * 10)), username: `member${i + 1}` }, roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, permissions: '0',
  }));
  return { channels, messages, members, created: 0, roles: new Map<string, Set<string>>() };
}

export async function startDiscordStandIn(): Promise<DiscordStandIn> {
  const seen: SeenRequest[] = [];
  const limits = new Map<string, { seconds: number; count: number }>();
  const state = createState();

  function message(channelId: string, body: Record<string, unknown>, parts?: MultipartPart[]): Record<string, unknown> {
    state.created += 1;
    const attachments = (parts ?? []).filter((p) => p.name.startsWith('files[')).map((p, i) => ({
      id: snowflake(9000 + state.created * 10 + i), filename: p.fileName, size: p.data.length, content_type: p.contentType, url: `https://cdn.discordapp.com/attachments/${channelId}/${p.fileName}`,
    }));
    return {
      id: snowflake(5000 + state.created), channel_id: channelId, type: body.message_reference ? 19 : 0, content: body.content ?? '', author: BOT_USER,
      timestamp: '2026-12-07T08:00:00.000000+00:00', edited_timestamp: null, tts: body.tts === true, flags: body.flags ?? 0,
      embeds: (body.embeds as unknown[] | undefined)?.map((e) => ({ type: 'rich', ...(e as object) })) ?? [], attachments, mentions: [], pinned: false,
      ...(body.message_reference ? { message_reference: body.message_reference } : {}),
    };
  }

  /** Checks Discord documents for a message body (content, embeds, files or components needed; content ≤ 2000). */
  function invalidMessage(body: Record<string, unknown>, parts?: MultipartPart[]): Answer | undefined {
    const content = typeof body.content === 'string' ? body.content : '';
    const embeds = Array.isArray(body.embeds) ? (body.embeds as Array<Record<string, unknown>>) : [];
    const files = (parts ?? []).filter((p) => p.name.startsWith('files['));
    if (!content && !embeds.length && !files.length && !body.components) return error(400, 50006, 'Cannot send an empty message');
    if (content.length > 2000) return error(400, 50035, 'Invalid Form Body', { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } });
    const badEmbed = embeds.findIndex((e) => e.url !== undefined && !/^https?:\/\//.test(String(e.url)));
    if (badEmbed >= 0) return error(400, 50035, 'Invalid Form Body', { embeds: { [badEmbed]: { url: { _errors: [{ code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' }] } } } });
    const reference = body.message_reference as Record<string, unknown> | undefined;
    if (reference && !state.messages.some((m) => m.id === reference.message_id)) {
      return error(400, 50035, 'Invalid Form Body', { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } });
    }
    return undefined;
  }

  function route(request: SeenRequest): Answer {
    const { method, path, query } = request;
    const body = (request.parts ? JSON.parse(request.parts.find((p) => p.name === 'payload_json')?.data.toString('utf8') ?? '{}') : request.json ?? {}) as Record<string, unknown>;
    if (path.startsWith('/api/webhooks/')) {
      if (path !== WEBHOOK_PATH) return error(404, 10015, 'Unknown Webhook');
      if (method === 'GET') return { status: 200, body: { id: '111', type: 1, name: 'Weft hook', channel_id: TEXT_CHANNEL, guild_id: GUILD_ID, token: 'hook-token' } };
      if (method !== 'POST') return error(405, 0, '405: Method Not Allowed');
      const invalid = invalidMessage(body, request.parts);
      if (invalid) return invalid;
      const sent = { ...message(TEXT_CHANNEL, body, request.parts), webhook_id: '111', author: { id: '111', username: String(body.username ?? 'Weft hook'), bot: true } };
      return query.wait === 'true' ? { status: 200, body: sent } : { status: 204 };
    }
    if (!path.startsWith('/api/v10/')) return error(404, 0, '404: Not Found');
    const api = path.slice('/api/v10'.length);
    if (api === '/users/@me/guilds' && method === 'GET') {
      // The bot is in two servers; the OAuth2 user in one.
      if (request.authorization === `Bot ${BOT_TOKEN}`) return { status: 200, body: [{ id: GUILD_ID, name: 'Weft server', owner: false, permissions: '8' }, { id: OTHER_GUILD_ID, name: 'Other server', owner: false, permissions: '8' }] };
      if (request.authorization !== `Bearer ${OAUTH_TOKEN}`) return error(401, 0, '401: Unauthorized');
      return { status: 200, body: [{ id: GUILD_ID, name: 'Weft server', owner: true, permissions: '2147483647' }] };
    }
    if (request.authorization !== `Bot ${BOT_TOKEN}`) return error(401, 0, '401: Unauthorized');
    if (api === '/users/@me' && method === 'GET') return { status: 200, body: BOT_USER };
    if (api === '/users/@me/channels' && method === 'POST') {
      if (!/^[0-9]+$/.test(String(body.recipient_id ?? ''))) return error(400, 50035, 'Invalid Form Body', { recipient_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: 'Value is not snowflake.' }] } });
      const id = `3${String(body.recipient_id).slice(1)}`;
      state.channels.set(id, { id, type: 1, recipients: [{ id: body.recipient_id, username: 'dm-user' }] });
      return { status: 200, body: state.channels.get(id) };
    }
    let match = /^\/channels\/(\d+)\/messages(?:\/(\d+))?(?:\/reactions\/([^/]+)\/@me)?$/.exec(api);
    if (match) {
      const [, channelId, messageId, emoji] = match;
      if (!state.channels.has(channelId)) return error(404, 10003, 'Unknown Channel');
      if (!messageId && method === 'POST') {
        const invalid = invalidMessage(body, request.parts);
        return invalid ?? { status: 200, body: message(channelId, body, request.parts) };
      }
      if (!messageId && method === 'GET') {
        const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 100);
        const newestFirst = [...state.messages].reverse().filter((m) => m.channel_id === channelId);
        const older = query.before ? newestFirst.filter((m) => BigInt(m.id) < BigInt(query.before)) : newestFirst;
        return { status: 200, body: older.slice(0, limit) };
      }
      const found = state.messages.find((m) => m.id === messageId && m.channel_id === channelId);
      if (!found) return error(404, 10008, 'Unknown Message');
      if (emoji && method === 'PUT') return decodeURIComponent(emoji) === 'not-an-emoji' ? error(400, 10014, 'Unknown Emoji') : { status: 204 };
      if (!emoji && method === 'GET') return { status: 200, body: found };
      if (!emoji && method === 'DELETE') return { status: 204 };
      return error(405, 0, '405: Method Not Allowed');
    }
    match = /^\/channels\/(\d+)$/.exec(api);
    if (match) {
      const channel = state.channels.get(match[1]);
      if (!channel) return error(404, 10003, 'Unknown Channel');
      if (method === 'GET') return { status: 200, body: channel };
      if (method === 'PATCH') {
        for (const [key, value] of Object.entries(body)) if (value !== '' && value !== undefined) channel[key] = value;
        return { status: 200, body: channel };
      }
      if (method === 'DELETE') {
        state.channels.delete(match[1]);
        return { status: 200, body: channel };
      }
    }
    match = /^\/guilds\/(\d+)\/roles$/.exec(api);
    if (match && method === 'GET') {
      if (match[1] !== GUILD_ID) return error(404, 10004, 'Unknown Guild');
      // The @everyone role has the guild's id; a managed role belongs to an integration (a bot).
      return { status: 200, body: [
        { id: GUILD_ID, name: '@everyone', position: 0, managed: false, permissions: '0' },
        { id: '41', name: 'Admin', position: 3, managed: false, permissions: '8' },
        { id: '42', name: 'Member', position: 1, managed: false, permissions: '0' },
        { id: '43', name: 'weft-bot', position: 2, managed: true, permissions: '8', tags: { bot_id: BOT_USER.id } },
      ] };
    }
    match = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(api);
    if (match && method === 'GET') {
      if (match[1] !== GUILD_ID) return error(404, 10004, 'Unknown Guild');
      const member = state.members.find((m) => m.user.id === match![2]);
      if (!member) return error(404, 10007, 'Unknown Member');
      return { status: 200, body: { ...member, roles: [...(state.roles.get(member.user.id) ?? [])] } };
    }
    match = /^\/guilds\/(\d+)\/(channels|members)(?:\/(\d+)\/roles\/(\d+))?$/.exec(api);
    if (match) {
      const [, guildId, kind, userId, roleId] = match;
      if (guildId !== GUILD_ID) return error(404, 10004, 'Unknown Guild');
      if (kind === 'channels' && method === 'GET') return { status: 200, body: [...state.channels.values()].filter((c) => c.guild_id === guildId) };
      if (kind === 'channels' && method === 'POST') {
        if (!body.name) return error(400, 50035, 'Invalid Form Body', { name: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } });
        const id = snowflake(7000 + state.channels.size);
        const channel = { id, guild_id: guildId, position: 0, parent_id: null, nsfw: false, ...body, type: Number(body.type ?? 0) };
        state.channels.set(id, channel);
        return { status: 201, body: channel };
      }
      if (kind === 'members' && !userId && method === 'GET') {
        const limit = Math.min(Math.max(Number(query.limit ?? 1) || 1, 1), 1000);
        const after = BigInt(query.after ?? '0');
        return { status: 200, body: state.members.filter((m) => BigInt(m.user.id) > after).slice(0, limit) };
      }
      if (kind === 'members' && userId && roleId && (method === 'PUT' || method === 'DELETE')) {
        if (!state.members.some((m) => m.user.id === userId)) return error(404, 10007, 'Unknown Member');
        const roles = state.roles.get(userId) ?? new Set<string>();
        if (method === 'PUT') roles.add(roleId);
        else roles.delete(roleId);
        state.roles.set(userId, roles);
        return { status: 204 };
      }
    }
    return error(404, 0, '404: Not Found');
  }

  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const contentType = req.headers['content-type'] ?? '';
      const request: SeenRequest = {
        method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()),
        authorization: req.headers.authorization ?? '', contentType,
      };
      if (contentType.startsWith('application/json')) request.json = JSON.parse(raw.toString('utf8') || 'null');
      else if (contentType.startsWith('multipart/form-data')) request.parts = parseMultipart(raw, contentType);
      seen.push(request);
      const limit = limits.get(request.path);
      let answer: Answer;
      if (limit && limit.count > 0) {
        limit.count -= 1;
        answer = { status: 429, headers: { 'retry-after': String(limit.seconds), 'x-ratelimit-scope': 'user' },
          body: { message: 'You are being rate limited.', retry_after: limit.seconds, global: false } };
      } else {
        answer = route(request);
      }
      res.writeHead(answer.status, { ...(answer.body !== undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
      res.end(answer.body !== undefined ? JSON.stringify(answer.body) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, apiUrl: `${url}/api/v10`, webhookUrl: `${url}${WEBHOOK_PATH}`, seen,
    rateLimit: (path, seconds, count = 1) => { limits.set(path, { seconds, count }); },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { TEXT_CHANNEL, OTHER_GUILD_CHANNEL, BOT_USER };
