// The Discord node's (v2) editor methods: servers, their channels (all, text only, categories),
// members page by page (`after` the last user id), and the roles a member can be given or lose.
// With OAuth2 the user's servers come with the user's token and the other calls with the bot's,
// and only servers both share are offered, as n8n does.
import { NodeOperationError, type ExecuteContext, type JsonObject, type ListSearchPage, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { discordRequest, type DiscordClient, type DiscordRequest } from './discord-api.ts';
import { locatorValue } from './discord-values.ts';

const MEMBERS_PAGE = 100;

interface Session {
  get(path: string, query?: JsonObject): Promise<unknown>;
  /** The servers of the OAuth2 user (user token), or of the bot. */
  userGuilds(): Promise<JsonObject[]>;
  oauth: boolean;
}

async function withSession<T>(ctx: ExecuteContext, fn: (session: Session) => Promise<T>): Promise<T> {
  const oauth = param(ctx, 'authentication', 0, 'botToken') === 'oAuth2';
  const credential = await ctx.credentials.get(oauth ? 'discordOAuth2Api' : 'discordBotApi');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: DiscordClient = { ctx, transport, authorization: `Bot ${String(credential.botToken ?? '')}` };
  const get = (path: string, query?: JsonObject, authorization?: DiscordRequest['authorization']) =>
    discordRequest(client, { method: 'GET', path, ...(query ? { query } : {}), ...(authorization === undefined ? {} : { authorization }) });
  const session: Session = {
    oauth,
    get: (path, query) => get(path, query),
    async userGuilds() {
      if (!oauth) return (await get('/users/@me/guilds')) as JsonObject[];
      const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
      if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The Discord OAuth2 credential has no access token', { description: 'Connect the credential first' });
      return (await get('/users/@me/guilds', undefined, `Bearer ${token}`)) as JsonObject[];
    },
  };
  try {
    return await fn(session);
  } catch (error) {
    throw error instanceof NodeOperationError ? error : serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

/** The chosen server; with OAuth2 it must be one of the user's (n8n's checkAccessToGuild). */
async function guildId(ctx: ExecuteContext, session: Session): Promise<string> {
  const id = locatorValue(ctx, 'guildId', 0);
  if (session.oauth && !(await session.userGuilds()).some((guild) => guild.id === id)) {
    throw new NodeOperationError(ctx.node.name, `You do not have access to the guild with the id ${id}`);
  }
  return id;
}

async function botIsMember(session: Session, guild: string, botId: string): Promise<boolean> {
  try {
    const members = (await session.get(`/guilds/${guild}/members`, { limit: 1000 })) as Array<{ user?: { id?: string } }>;
    return members.some((member) => member.user?.id === botId);
  } catch {
    return false;
  }
}

/** The server's channels that `keep` accepts (Discord's type 2 is voice, 4 a category). */
function channels(keep: (type: number) => boolean) {
  return (ctx: ExecuteContext): Promise<ListSearchPage> => withSession(ctx, async (session) => {
    const guild = await guildId(ctx, session);
    const list = (await session.get(`/guilds/${guild}/channels`)) as JsonObject[];
    return { results: list.filter((channel) => keep(Number(channel.type))).map((channel) => ({
      name: String(channel.name), value: String(channel.id), url: `https://discord.com/channels/${guild}/${String(channel.id)}`,
    })) };
  });
}

export const discordV2Methods: NodeMethods = {
  listSearch: {
    guildSearch: (ctx) => withSession(ctx, async (session) => {
      let guilds = await session.userGuilds();
      if (session.oauth) {
        const botId = String(((await session.get('/users/@me')) as JsonObject).id ?? '');
        const shared: JsonObject[] = [];
        for (const guild of guilds) if (await botIsMember(session, String(guild.id), botId)) shared.push(guild);
        guilds = shared;
      }
      return { results: guilds.map((guild) => ({ name: String(guild.name), value: String(guild.id), url: `https://discord.com/channels/${String(guild.id)}` })) };
    }),
    channelSearch: channels((type) => type !== 4),
    textChannelSearch: channels((type) => type !== 2 && type !== 4),
    categorySearch: channels((type) => type === 4),
    userSearch: (ctx, _filter, paginationToken) => withSession(ctx, async (session) => {
      const guild = await guildId(ctx, session);
      const members = (await session.get(`/guilds/${guild}/members`, { limit: MEMBERS_PAGE, ...(paginationToken ? { after: paginationToken } : {}) })) as Array<{ user: JsonObject }>;
      const results = members.map(({ user }) => ({ name: String(user.username), value: String(user.id) }));
      // A short page is the last one.
      return members.length < MEMBERS_PAGE ? { results } : { results, paginationToken: String(members[members.length - 1].user.id) };
    }),
  },
  loadOptions: {
    /** Roles the member does not have (to add), or has (to remove); never @everyone or a bot's managed role. */
    getRoles: (ctx) => withSession(ctx, async (session): Promise<LoadedOption[]> => {
      const guild = await guildId(ctx, session);
      const userId = locatorValue(ctx, 'userId', 0);
      const member = (await session.get(`/guilds/${guild}/members/${userId}`)) as JsonObject;
      const has = new Set(((member.roles as unknown[] | undefined) ?? []).map(String));
      const removing = param(ctx, 'operation', 0, '') === 'roleRemove';
      const roles = (await session.get(`/guilds/${guild}/roles`)) as JsonObject[];
      return roles
        .filter((role) => role.name !== '@everyone' && role.managed !== true)
        .filter((role) => has.has(String(role.id)) === removing)
        .map((role) => ({ name: String(role.name), value: String(role.id) }));
    }),
  },
};
