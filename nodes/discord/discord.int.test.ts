// The Discord node against a local stand-in of Discord's HTTP API (discord-stand-in.ts, written from
// Discord's developer documentation): what it sends (method, path, query, body, authorization) and
// what it outputs, for v2 (bot token, OAuth2, webhook) and v1 (webhook URL parameter).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isResumeSignatureValid } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { testDiscordBotCredential, testDiscordWebhookCredential } from './discord-credential-test.ts';
import { BOT_TOKEN, GUILD_ID, OAUTH_TOKEN, OTHER_GUILD_CHANNEL, TEXT_CHANNEL, WEBHOOK_PATH, startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.ts';

let discord: DiscordStandIn;
const saved = process.env.WEFT_DISCORD_API_URL;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  process.env.WEFT_DISCORD_API_URL = discord.apiUrl;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.WEFT_DISCORD_API_URL;
  else process.env.WEFT_DISCORD_API_URL = saved;
  await discord.close();
});
beforeEach(() => {
  discord.seen.length = 0;
});

const bot = { discordBotApi: { botToken: BOT_TOKEN } };
const guild = { __rl: true, mode: 'list', value: GUILD_ID, cachedResultName: 'Weft server' };
const channel = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const node = (parameters: Record<string, unknown>, options: { typeVersion?: number; continueOnFail?: boolean; credential?: string } = {}) => ({
  name: 'Discord', type: 'n8n-nodes-base.discord', typeVersion: options.typeVersion ?? 2, parameters, continueOnFail: options.continueOnFail ?? false,
  credentials: { [options.credential ?? 'discordBotApi']: { id: '1', name: 'Discord account' } },
});
const api = (path: string) => discord.seen.filter((r) => r.path === `/api/v10${path}`);
const errorOf = (result: Awaited<ReturnType<typeof runChain>>) => result.data.resultData.error?.message;

describe('Discord v2 message send (bot token)', () => {
  it('posts content, flags, reply and TTS as JSON with the Bot token; outputs Discord’s message', async () => {
    const result = await runChain([node({
      resource: 'message', guildId: guild, channelId: channel(`https://discord.com/channels/${GUILD_ID}/${TEXT_CHANNEL}`, 'url'),
      content: '={{ "Build " + $json.build + " passed" }}',
      options: { flags: ['SUPPRESS_EMBEDS', 'SUPPRESS_NOTIFICATIONS'], message_reference: '1100000000000000003', tts: true },
    })], { items: [{ json: { build: 42 } }], credentials: bot });
    const [sent] = api(`/channels/${TEXT_CHANNEL}/messages`);
    expect(sent.method).toBe('POST');
    expect(sent.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(sent.json).toEqual({ content: 'Build 42 passed', flags: 4100, message_reference: { message_id: '1100000000000000003', guild_id: GUILD_ID }, tts: true });
    const [out] = outputOf(result, 'Discord');
    expect(out.pairedItem).toEqual({ item: 0 });
    expect(out.json).toMatchObject({ channel_id: TEXT_CHANNEL, content: 'Build 42 passed', tts: true, flags: 4100, author: { username: 'weft-bot' } });
  });

  it('shapes embeds from fields and raw JSON (author, color, image) and attaches binary files as multipart', async () => {
    const file = { json: {}, binary: { data: { data: Buffer.from('report body').toString('base64'), mimeType: 'text/plain', fileName: 'report.txt' } } };
    await runChain([node({
      resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'see attached',
      embeds: { values: [
        { inputMethod: 'fields', description: 'Nightly run', author: 'CI', color: '#ff0000', image: 'https://example.com/a.png', title: '' },
        { inputMethod: 'json', json: '{"description":"raw","title":"Raw embed"}' },
      ] },
      files: { values: [{ inputFieldName: 'data' }] },
    })], { items: [file], credentials: bot });
    const [sent] = api(`/channels/${TEXT_CHANNEL}/messages`);
    expect(sent.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const payload = JSON.parse(sent.parts!.find((p) => p.name === 'payload_json')!.data.toString('utf8'));
    expect(payload).toEqual({
      content: 'see attached', attachments: [{ id: 0, filename: 'report.txt' }],
      embeds: [{ description: 'Nightly run', author: { name: 'CI' }, color: 0xff0000, image: { url: 'https://example.com/a.png' } }, { description: 'raw', title: 'Raw embed' }],
    });
    const filePart = sent.parts!.find((p) => p.name === 'files[0]')!;
    expect(filePart.fileName).toBe('report.txt');
    expect(filePart.data.toString('utf8')).toBe('report body');
  });

  it('opens a DM channel for a user and posts there', async () => {
    const result = await runChain([node({ resource: 'message', guildId: guild, sendTo: 'user', userId: channel('500000000000000007'), content: 'hi' })],
      { items: [{ json: {} }], credentials: bot });
    expect(api('/users/@me/channels')[0].json).toEqual({ recipient_id: '500000000000000007' });
    expect(outputOf(result, 'Discord')[0].json).toMatchObject({ channel_id: '300000000000000007', content: 'hi' });
  });

  it('fails with Discord’s message (Unknown Channel), or keeps an error item per item with continue on fail', async () => {
    const failed = await runChain([node({ resource: 'message', guildId: guild, channelId: channel('700000000000000404'), content: 'x' })],
      { items: [{ json: {} }], credentials: bot });
    expect(errorOf(failed)).toBe('Unknown Channel');
    const kept = await runChain([node({ resource: 'message', guildId: guild, channelId: '={{ { __rl: true, mode: "id", value: $json.c } }}', content: 'x' }, { continueOnFail: true })],
      { items: [{ json: { c: '700000000000000404' } }, { json: { c: TEXT_CHANNEL } }], credentials: bot });
    const out = outputOf(kept, 'Discord');
    expect(out[0]).toEqual({ json: { error: 'Unknown Channel', description: 'The resource you are requesting could not be found (404) - Discord code 10003' }, pairedItem: { item: 0 } });
    expect(out[1].json).toMatchObject({ content: 'x' });
  });

  it('words Discord’s 400s about embeds and replies as n8n does', async () => {
    const badEmbed = await runChain([node({ resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'x',
      embeds: { values: [{ inputMethod: 'fields', description: 'd', url: 'not a url' }] } })], { items: [{ json: {} }], credentials: bot });
    expect(errorOf(badEmbed)).toBe('The parameter Url is not properly formatted');
    const badReply = await runChain([node({ resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'x', options: { message_reference: '1' } })],
      { items: [{ json: {} }], credentials: bot });
    expect(errorOf(badReply)).toBe("The message to reply to ID can't be found");
  });

  it('an embed without description fails before any call, naming the embed and item', async () => {
    const result = await runChain([node({ resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'x', embeds: { values: [{ inputMethod: 'fields', title: 't' }] } })],
      { items: [{ json: {} }], credentials: bot });
    expect(errorOf(result)).toBe('Description is required, embed 0 in item 0 is missing it');
    expect(discord.seen).toEqual([]);
  });

  it('waits out a 429 (Retry-After) and then sends; keeps failing with Discord’s message when it lasts', async () => {
    discord.rateLimit(`/api/v10/channels/${TEXT_CHANNEL}/messages`, 1);
    const started = Date.now();
    const result = await runChain([node({ resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'after wait' })], { items: [{ json: {} }], credentials: bot });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(outputOf(result, 'Discord')[0].json).toMatchObject({ content: 'after wait' });
    expect(api(`/channels/${TEXT_CHANNEL}/messages`)).toHaveLength(2);
    discord.rateLimit(`/api/v10/channels/${TEXT_CHANNEL}/messages`, 3600);
    const failed = await runChain([node({ resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'x' })], { items: [{ json: {} }], credentials: bot });
    expect(errorOf(failed)).toBe('You are being rate limited.');
    discord.rateLimit(`/api/v10/channels/${TEXT_CHANNEL}/messages`, 0, 0);
  });

  it('sends Send and Wait as an embed with signed link buttons, once, and parks the run', async () => {
    const resume = { url: 'https://weft.example.com/webhook-waiting/exec-n8n', secret: 'test-secret' };
    const result = await runChain([node({
      resource: 'message', operation: 'sendAndWait', guildId: guild, channelId: channel(TEXT_CHANNEL), message: 'Ship <it>?',
      approvalOptions: { values: { approvalType: 'double' } }, options: { appendAttribution: false },
    })], { items: [{ json: { a: 1 } }, { json: { a: 2 } }], credentials: bot, resume });
    expect(result.status).toBe('waiting');
    expect(result.waitTill).toBe('3000-01-01T00:00:00.000Z');
    const sent = api(`/channels/${TEXT_CHANNEL}/messages`).filter((r) => r.method === 'POST');
    expect(sent).toHaveLength(1);
    const body = sent[0].json as { embeds: unknown[]; components: { components: { label: string; url: string; style: number; type: number }[] }[] };
    expect(body.embeds).toEqual([{ description: 'Ship &lt;it&gt;?', color: 5814783 }]);
    const buttons = body.components[0].components;
    expect(buttons.map((b) => [b.type, b.style, b.label])).toEqual([[2, 5, '✗ Decline'], [2, 5, '✓ Approve']]);
    for (const [button, approved] of [[buttons[0], 'false'], [buttons[1], 'true']] as const) {
      const url = new URL(button.url);
      expect(`${url.origin}${url.pathname}`).toBe(`${resume.url}/n1`);
      expect(url.searchParams.get('approved')).toBe(approved);
      expect(isResumeSignatureValid(resume.secret, 'exec-n8n', 'n1', Object.fromEntries(url.searchParams))).toBe(true);
      expect(isResumeSignatureValid('another-secret', 'exec-n8n', 'n1', Object.fromEntries(url.searchParams))).toBe(false);
    }
  });
});

describe('Discord v2 other message operations', () => {
  it('gets many with Return All by paging with before=last id, and simplifies on request', async () => {
    const result = await runChain([node({ resource: 'message', operation: 'getAll', guildId: guild, channelId: channel(TEXT_CHANNEL), returnAll: true, options: { simplify: true } })],
      { items: [{ json: {} }], credentials: bot });
    const out = outputOf(result, 'Discord');
    expect(out).toHaveLength(250);
    expect(Object.keys(out[0].json).sort()).toEqual(['author', 'channel_id', 'content', 'id', 'timestamp', 'type']);
    expect(out[0].json.content).toBe('message 250');
    const pages = api(`/channels/${TEXT_CHANNEL}/messages`);
    expect(pages.map((p) => p.query)).toEqual([{ limit: '100' }, { limit: '100', before: '1100000000000000151' }, { limit: '100', before: '1100000000000000051' }, { limit: '100', before: '1100000000000000001' }]);
  });

  it('gets many up to the limit in one call, unsimplified', async () => {
    const result = await runChain([node({ resource: 'message', operation: 'getAll', guildId: guild, channelId: channel(TEXT_CHANNEL), limit: 3 })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(result, 'Discord').map((i) => i.json.content)).toEqual(['message 250', 'message 249', 'message 248']);
    expect(api(`/channels/${TEXT_CHANNEL}/messages`)[0].query).toEqual({ limit: '3' });
    expect(outputOf(result, 'Discord')[0].json.pinned).toBe(false);
  });

  it('gets, reacts to (emoji URL-encoded) and deletes a message', async () => {
    const id = '1100000000000000007';
    const got = await runChain([node({ resource: 'message', operation: 'get', guildId: guild, channelId: channel(TEXT_CHANNEL), messageId: id })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(got, 'Discord')[0].json).toMatchObject({ id, content: 'message 7' });
    const reacted = await runChain([node({ resource: 'message', operation: 'react', guildId: guild, channelId: channel(TEXT_CHANNEL), messageId: id, emoji: '👍' })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(reacted, 'Discord')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
    expect(discord.seen.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v10/channels/${TEXT_CHANNEL}/messages/${id}/reactions/%F0%9F%91%8D/@me` });
    const deleted = await runChain([node({ resource: 'message', operation: 'deleteMessage', guildId: guild, channelId: channel(TEXT_CHANNEL), messageId: id })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(deleted, 'Discord')[0].json).toEqual({ success: true });
    expect(discord.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v10/channels/${TEXT_CHANNEL}/messages/${id}` });
  });
});

describe('Discord v2 channels and members', () => {
  it('creates a channel in the server with options (category → parent_id), updates, gets and deletes it', async () => {
    const created = await runChain([node({ resource: 'channel', guildId: guild, name: 'alerts', type: '0',
      options: { topic: 'Alerts', nsfw: false, categoryId: channel('700000000000000003') } })], { items: [{ json: {} }], credentials: bot });
    expect(api(`/guilds/${GUILD_ID}/channels`)[0].json).toEqual({ name: 'alerts', type: '0', topic: 'Alerts', nsfw: false, parent_id: '700000000000000003' });
    const { id } = outputOf(created, 'Discord')[0].json as { id: string };
    expect(outputOf(created, 'Discord')[0].json).toMatchObject({ name: 'alerts', type: 0, guild_id: GUILD_ID });
    const updated = await runChain([node({ resource: 'channel', operation: 'update', guildId: guild, channelId: channel(id), name: 'alerts-2', options: { rate_limit_per_user: 5 } })],
      { items: [{ json: {} }], credentials: bot });
    expect(api(`/channels/${id}`)[0]).toMatchObject({ method: 'PATCH', json: { name: 'alerts-2', rate_limit_per_user: 5 } });
    expect(outputOf(updated, 'Discord')[0].json).toMatchObject({ name: 'alerts-2' });
    const got = await runChain([node({ resource: 'channel', operation: 'get', guildId: guild, channelId: channel(id) })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(got, 'Discord')[0].json).toMatchObject({ id, name: 'alerts-2' });
    const deleted = await runChain([node({ resource: 'channel', operation: 'deleteChannel', guildId: guild, channelId: channel(id) })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(deleted, 'Discord')[0].json).toMatchObject({ id });
  });

  it('lists channels once for all items, with limit and type filter', async () => {
    const result = await runChain([node({ resource: 'channel', operation: 'getAll', guildId: guild, returnAll: true, options: { filter: [2, 4] } })],
      { items: [{ json: {} }, { json: {} }], credentials: bot });
    expect(outputOf(result, 'Discord').map((i) => i.json.name)).toEqual(['voice', 'category']);
    expect(api(`/guilds/${GUILD_ID}/channels`)).toHaveLength(1);
    const limited = await runChain([node({ resource: 'channel', operation: 'getAll', guildId: guild, limit: 1 })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(limited, 'Discord').map((i) => i.json.name)).toEqual(['general']);
  });

  it('lists members with Return All (after = last user id) and simplify, or a limit', async () => {
    const all = await runChain([node({ resource: 'member', guildId: guild, returnAll: true, options: { simplify: true } })], { items: [{ json: {} }], credentials: bot });
    const out = outputOf(all, 'Discord');
    expect(out).toHaveLength(250);
    expect(Object.keys(out[0].json).sort()).toEqual(['permissions', 'roles', 'user']);
    expect(api(`/guilds/${GUILD_ID}/members`).map((r) => r.query.after)).toEqual([undefined, '600000000000001000', '600000000000002000', '600000000000002500']);
    const some = await runChain([node({ resource: 'member', guildId: guild, limit: 2, after: '600000000000000010' })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(some, 'Discord').map((i) => (i.json.user as { username: string }).username)).toEqual(['member2', 'member3']);
  });

  it('adds and removes each chosen role', async () => {
    const user = channel('600000000000000020');
    const added = await runChain([node({ resource: 'member', operation: 'roleAdd', guildId: guild, userId: user, role: ['41', '42'] })], { items: [{ json: {} }], credentials: bot });
    expect(outputOf(added, 'Discord')[0].json).toEqual({ success: true });
    expect(discord.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /api/v10/guilds/${GUILD_ID}/members/600000000000000020/roles/41`, `PUT /api/v10/guilds/${GUILD_ID}/members/600000000000000020/roles/42`]);
    await runChain([node({ resource: 'member', operation: 'roleRemove', guildId: guild, userId: user, role: ['41'] })], { items: [{ json: {} }], credentials: bot });
    expect(discord.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v10/guilds/${GUILD_ID}/members/600000000000000020/roles/41` });
  });

  it('fails on a wrong bot token with Discord’s 401 message', async () => {
    const result = await runChain([node({ resource: 'channel', operation: 'get', guildId: guild, channelId: channel(TEXT_CHANNEL) })],
      { items: [{ json: {} }], credentials: { discordBotApi: { botToken: 'wrong' } } });
    expect(errorOf(result)).toBe('401: Unauthorized');
  });
});

describe('Discord v2 OAuth2', () => {
  const oauth = { discordOAuth2Api: { botToken: BOT_TOKEN, oauthTokenData: { access_token: OAUTH_TOKEN } } };
  it('lists the user’s servers with the user token, then calls as the bot', async () => {
    const result = await runChain([node({ authentication: 'oAuth2', resource: 'message', guildId: guild, channelId: channel(TEXT_CHANNEL), content: 'via oauth' }, { credential: 'discordOAuth2Api' })],
      { items: [{ json: {} }], credentials: oauth });
    expect(outputOf(result, 'Discord')[0].json).toMatchObject({ content: 'via oauth' });
    expect(api('/users/@me/guilds')[0].authorization).toBe(`Bearer ${OAUTH_TOKEN}`);
    expect(api(`/channels/${TEXT_CHANNEL}/messages`)[0].authorization).toBe(`Bot ${BOT_TOKEN}`);
  });

  it('refuses a channel of a server the user is not in', async () => {
    const result = await runChain([node({ authentication: 'oAuth2', resource: 'message', operation: 'get', guildId: guild, channelId: channel(OTHER_GUILD_CHANNEL), messageId: '1' }, { credential: 'discordOAuth2Api' })],
      { items: [{ json: {} }], credentials: oauth });
    expect(errorOf(result)).toBe('You do not have access to the guild with the id 900000000000000002');
  });
});

describe('Discord v2 webhook', () => {
  const hook = () => ({ discordWebhookApi: { webhookUri: discord.webhookUrl } });
  it('posts to the credential’s webhook URL without authorization; options username/avatar; {success:true} without wait', async () => {
    const result = await runChain([node({ authentication: 'webhook', content: 'deploy done', options: { username: 'Deployer', avatar_url: 'https://example.com/a.png', flags: ['SUPPRESS_EMBEDS'] } }, { credential: 'discordWebhookApi' })],
      { items: [{ json: {} }], credentials: hook() });
    const [sent] = discord.seen;
    expect(sent).toMatchObject({ method: 'POST', path: WEBHOOK_PATH, authorization: '', query: {}, json: { content: 'deploy done', username: 'Deployer', avatar_url: 'https://example.com/a.png', flags: 4 } });
    expect(outputOf(result, 'Discord')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
  });

  it('with Wait asks ?wait=true and outputs the created message; files go multipart', async () => {
    const file = { json: {}, binary: { img: { data: Buffer.from('PNG').toString('base64'), mimeType: 'image/png', fileName: 'chart', fileExtension: 'png' } } };
    const result = await runChain([node({ authentication: 'webhook', operation: 'sendLegacy', content: 'chart', options: { wait: true }, files: { values: [{ inputFieldName: 'img' }] } }, { credential: 'discordWebhookApi' })],
      { items: [file], credentials: hook() });
    const [sent] = discord.seen;
    expect(sent.query).toEqual({ wait: 'true' });
    expect(JSON.parse(sent.parts![0].data.toString('utf8'))).toEqual({ content: 'chart', attachments: [{ id: 0, filename: 'chart.png' }] });
    expect(outputOf(result, 'Discord')[0].json).toMatchObject({ content: 'chart', webhook_id: '111', attachments: [{ filename: 'chart.png', content_type: 'image/png' }] });
  });

  it('fails with Discord’s message for an unknown webhook', async () => {
    const result = await runChain([node({ authentication: 'webhook', content: 'x' }, { credential: 'discordWebhookApi' })],
      { items: [{ json: {} }], credentials: { discordWebhookApi: { webhookUri: `${discord.url}/api/webhooks/999/gone` } } });
    expect(errorOf(result)).toBe('Unknown Webhook');
  });
});

describe('Discord v1', () => {
  it('posts text and parsed JSON options to the webhook URL parameter; outputs {success:true} per item', async () => {
    const result = await runChain([node({ webhookUri: discord.webhookUrl, text: '={{ $json.text }}',
      options: { username: 'Bot', avatarUrl: 'https://example.com/a.png', embeds: '[{"description":"e"}]', tts: true } }, { typeVersion: 1 })],
      { items: [{ json: { text: 'one' } }, { json: { text: 'two' } }] });
    expect(discord.seen.map((r) => r.json)).toEqual([
      { content: 'one', username: 'Bot', avatar_url: 'https://example.com/a.png', embeds: [{ description: 'e' }], tts: true },
      { content: 'two', username: 'Bot', avatar_url: 'https://example.com/a.png', embeds: [{ description: 'e' }], tts: true },
    ]);
    expect(outputOf(result, 'Discord')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }, { json: { success: true }, pairedItem: { item: 1 } }]);
  });

  it('needs content or embeds, and valid embeds JSON', async () => {
    const empty = await runChain([node({ webhookUri: discord.webhookUrl, text: '' }, { typeVersion: 1 })], { items: [{ json: {} }] });
    expect(errorOf(empty)).toBe('Either content or embeds must be set.');
    const bad = await runChain([node({ webhookUri: discord.webhookUrl, text: 'x', options: { embeds: '{not json' } }, { typeVersion: 1 })], { items: [{ json: {} }] });
    expect(errorOf(bad)).toBe('Embeds must be valid JSON.');
    expect(discord.seen).toEqual([]);
  });
});

describe('Discord credential tests', () => {
  it('checks the bot token on /users/@me and the webhook URL with a GET', async () => {
    await expect(testDiscordBotCredential({ botToken: BOT_TOKEN }, 5000)).resolves.toBe('Connected as bot weft-bot');
    await expect(testDiscordBotCredential({ botToken: 'nope' }, 5000)).rejects.toThrow('Discord answered 401 Unauthorized: 401: Unauthorized');
    await expect(testDiscordWebhookCredential({ webhookUri: discord.webhookUrl }, 5000)).resolves.toBe('Connection tested successfully');
    await expect(testDiscordWebhookCredential({ webhookUri: `${discord.url}/api/webhooks/1/x` }, 5000)).rejects.toThrow('Unknown Webhook');
    await expect(testDiscordWebhookCredential({ webhookUri: 'http://127.0.0.1:1/x' }, 5000)).rejects.toThrow();
  });
});
