// The Discord node's (v2) editor methods against the local API stand-in (discord-stand-in.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { BOT_TOKEN, GUILD_ID, OAUTH_TOKEN, OTHER_GUILD_ID, TEXT_CHANNEL, startDiscordStandIn, type DiscordStandIn } from './discord-stand-in.ts';
import { discordNode } from './discord.node.ts';

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
beforeEach(() => { discord.seen.length = 0; });

type Page = { results: Array<{ name: string; value: string; url?: string }>; paginationToken?: unknown };
const guild = { __rl: true, mode: 'list', value: GUILD_ID };
const call = async (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>, paginationToken?: string) => {
  const oauth = currentNodeParameters.authentication === 'oAuth2';
  return runNodeMethod({ nodeType: discordNode, typeVersion: 2, kind, method, currentNodeParameters, paginationToken,
    credentials: oauth ? { discordOAuth2Api: { id: '2', name: 'oauth' } } : { discordBotApi: { id: '1', name: 'bot' } } },
  { getCredentials: async () => (oauth ? { botToken: BOT_TOKEN, oauthTokenData: { access_token: OAUTH_TOKEN } } : { botToken: BOT_TOKEN }),
    credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
};

describe('Discord v2 editor methods', () => {
  it('guildSearch lists the bot\'s servers; with OAuth2 only the user\'s servers the bot is in', async () => {
    expect(await call('listSearch', 'guildSearch', { resource: 'message', operation: 'send' })).toEqual({ results: [
      { name: 'Weft server', value: GUILD_ID, url: `https://discord.com/channels/${GUILD_ID}` },
      { name: 'Other server', value: OTHER_GUILD_ID, url: `https://discord.com/channels/${OTHER_GUILD_ID}` },
    ] });
    expect(discord.seen[0]).toMatchObject({ path: '/api/v10/users/@me/guilds', authorization: `Bot ${BOT_TOKEN}` });
    discord.seen.length = 0;
    expect(await call('listSearch', 'guildSearch', { authentication: 'oAuth2', resource: 'message', operation: 'send' })).toEqual({ results: [] });
    expect(discord.seen.map((r) => [r.path, r.authorization, r.query.limit])).toEqual([
      ['/api/v10/users/@me/guilds', `Bearer ${OAUTH_TOKEN}`, undefined],
      ['/api/v10/users/@me', `Bot ${BOT_TOKEN}`, undefined],
      [`/api/v10/guilds/${GUILD_ID}/members`, `Bot ${BOT_TOKEN}`, '1000'],
    ]);
  });

  it('channelSearch leaves out categories, textChannelSearch also voice channels, categorySearch only categories', async () => {
    const on = { resource: 'channel', operation: 'get', guildId: guild };
    const names = async (method: string) => ((await call('listSearch', method, on)) as Page).results.map((r) => r.name);
    expect(await names('channelSearch')).toEqual(['general', 'voice']);
    expect(await names('textChannelSearch')).toEqual(['general']);
    expect(await names('categorySearch')).toEqual(['category']);
    expect(((await call('listSearch', 'textChannelSearch', on)) as Page).results[0].url).toBe(`https://discord.com/channels/${GUILD_ID}/${TEXT_CHANNEL}`);
    await expect(call('listSearch', 'channelSearch', { authentication: 'oAuth2', ...on, guildId: { __rl: true, mode: 'id', value: OTHER_GUILD_ID } }))
      .rejects.toThrow(`You do not have access to the guild with the id ${OTHER_GUILD_ID}`);
  });

  it('userSearch pages members 100 at a time after the last user id', async () => {
    const on = { resource: 'member', operation: 'roleAdd', guildId: guild };
    const first = (await call('listSearch', 'userSearch', on)) as Page;
    expect(first.results).toHaveLength(100);
    expect(first.results[0]).toEqual({ name: 'member1', value: '600000000000000010' });
    expect(first.paginationToken).toBe('600000000000001000');
    const last = (await call('listSearch', 'userSearch', on, '600000000000002000')) as Page;
    expect(last.results).toHaveLength(50);
    expect(last.paginationToken).toBeUndefined();
    expect(discord.seen.map((r) => r.query)).toEqual([{ limit: '100' }, { limit: '100', after: '600000000000002000' }]);
  });

  it('getRoles offers roles the member lacks to add, and has to remove, never @everyone or managed ones', async () => {
    const user = '600000000000000030';
    const on = { resource: 'member', guildId: guild, userId: { __rl: true, mode: 'id', value: user } };
    expect(await call('loadOptions', 'getRoles', { ...on, operation: 'roleAdd' })).toEqual({ options: [{ name: 'Admin', value: '41' }, { name: 'Member', value: '42' }] });
    const res = await fetch(`${discord.apiUrl}/guilds/${GUILD_ID}/members/${user}/roles/42`, { method: 'PUT', headers: { authorization: `Bot ${BOT_TOKEN}` } });
    expect(res.status).toBe(204);
    expect(await call('loadOptions', 'getRoles', { ...on, operation: 'roleAdd' })).toEqual({ options: [{ name: 'Admin', value: '41' }] });
    expect(await call('loadOptions', 'getRoles', { ...on, operation: 'roleRemove' })).toEqual({ options: [{ name: 'Member', value: '42' }] });
  });
});
