// The operations of n8n's Discord v2 node, one function per resource. Each answers what n8n outputs
// for one input item: Discord's object(s), or `{success: true}` where Discord answers nothing.
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { discordRequest, type DiscordClient } from './discord-api.ts';
import { embedsParam, filesParam, locatorValue, messageOptions, pick } from './discord-values.ts';

export interface V2Context {
  client: DiscordClient;
  guildId: string;
  /** The servers of the OAuth2 user (OAuth2 only): channels elsewhere are refused, as n8n does. */
  userGuilds?: JsonObject[];
}

const simplifyMessage = pick(['id', 'channel_id', 'author', 'content', 'timestamp', 'type']);
const simplifyMember = pick(['user', 'roles', 'permissions']);

function unsupported(v2: V2Context, resource: string, operation: string, itemIndex: number): never {
  throw new NodeOperationError(v2.client.ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex });
}

/** OAuth2: the channel must belong to one of the user's servers (n8n's checkAccessToChannel). */
export async function channelId(v2: V2Context, itemIndex: number, id = locatorValue(v2.client.ctx, 'channelId', itemIndex)): Promise<string> {
  if (!v2.userGuilds) return id;
  let guild = '';
  try {
    guild = String(((await discordRequest(v2.client, { method: 'GET', path: `/channels/${id}` })) as JsonObject).guild_id ?? '');
  } catch { /* judged below */ }
  const node = v2.client.ctx.node.name;
  if (!guild) throw new NodeOperationError(node, `Could not fing server for channel with the id ${id}`, { itemIndex });
  if (!v2.userGuilds.some((g) => g.id === guild)) throw new NodeOperationError(node, `You do not have access to the guild with the id ${guild}`, { itemIndex });
  return id;
}

/** A message body with embeds and files: multipart when files are attached. */
async function postMessage(v2: V2Context, path: string, body: JsonObject, itemIndex: number, query?: JsonObject): Promise<unknown> {
  const embeds = embedsParam(v2.client.ctx, itemIndex);
  if (embeds) body.embeds = embeds;
  const { files, attachments } = filesParam(v2.client.ctx, itemIndex);
  if (files.length) return discordRequest(v2.client, { method: 'POST', path, json: { ...body, attachments }, files, query });
  return discordRequest(v2.client, { method: 'POST', path, json: body, query });
}

/** Pages of `path` (100 a page) following `cursor` (`before`/`after` the last entry's ID) until an empty page. */
async function allPages(v2: V2Context, path: string, cursor: 'before' | 'after', idOf: (entry: JsonObject) => unknown, query: JsonObject = {}): Promise<JsonObject[]> {
  const all: JsonObject[] = [];
  const q: JsonObject = { ...query, limit: 100 };
  for (;;) {
    const page = await discordRequest(v2.client, { method: 'GET', path, query: q });
    if (!Array.isArray(page) || page.length === 0) return all;
    all.push(...(page as JsonObject[]));
    q[cursor] = idOf(page[page.length - 1] as JsonObject) as string;
  }
}

export async function runMessage(v2: V2Context, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = v2.client;
  const simplify = () => collection(ctx, 'options', itemIndex).simplify === true;
  switch (operation) {
    case 'send': {
      const body: JsonObject = { content: param(ctx, 'content', itemIndex, ''), ...messageOptions(ctx, itemIndex, v2.guildId) };
      let target = '';
      if (param(ctx, 'sendTo', itemIndex, 'channel') === 'user') {
        const recipient = locatorValue(ctx, 'userId', itemIndex);
        const dm = await discordRequest(v2.client, { method: 'POST', path: '/users/@me/channels', json: { recipient_id: recipient } }) as JsonObject;
        target = String(dm.id ?? '');
      } else {
        target = locatorValue(ctx, 'channelId', itemIndex);
      }
      if (!target) throw new NodeOperationError(ctx.node.name, 'Channel ID is required', { itemIndex });
      await channelId(v2, itemIndex, target);
      return postMessage(v2, `/channels/${target}/messages`, body, itemIndex);
    }
    case 'get': {
      const id = await channelId(v2, itemIndex);
      const message = await discordRequest(v2.client, { method: 'GET', path: `/channels/${id}/messages/${param(ctx, 'messageId', itemIndex, '')}` }) as JsonObject;
      return simplify() ? simplifyMessage(message) : message;
    }
    case 'getAll': {
      const id = await channelId(v2, itemIndex);
      const messages = param(ctx, 'returnAll', itemIndex, false)
        ? await allPages(v2, `/channels/${id}/messages`, 'before', (m) => m.id)
        : await discordRequest(v2.client, { method: 'GET', path: `/channels/${id}/messages`, query: { limit: param(ctx, 'limit', 0, 50) } }) as JsonObject[];
      return simplify() ? messages.map(simplifyMessage) : messages;
    }
    case 'react': {
      const id = await channelId(v2, itemIndex);
      const emoji = encodeURIComponent(param(ctx, 'emoji', itemIndex, ''));
      await discordRequest(v2.client, { method: 'PUT', path: `/channels/${id}/messages/${param(ctx, 'messageId', itemIndex, '')}/reactions/${emoji}/@me` });
      return { success: true };
    }
    case 'deleteMessage': {
      const id = await channelId(v2, itemIndex);
      await discordRequest(v2.client, { method: 'DELETE', path: `/channels/${id}/messages/${param(ctx, 'messageId', itemIndex, '')}` });
      return { success: true };
    }
    default:
      return unsupported(v2, 'message', operation, itemIndex);
  }
}

/** Channel options as Discord's fields (the category locator becomes `parent_id`). */
function channelFields(v2: V2Context, itemIndex: number): JsonObject {
  const options = { ...collection(v2.client.ctx, 'options', itemIndex) };
  if (options.categoryId !== undefined) {
    const category = options.categoryId;
    const value = category && typeof category === 'object' ? (category as JsonObject).value : category;
    if (value) options.parent_id = value;
    delete options.categoryId;
  }
  return options;
}

export async function runChannel(v2: V2Context, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = v2.client;
  switch (operation) {
    case 'create':
      return discordRequest(v2.client, { method: 'POST', path: `/guilds/${v2.guildId}/channels`,
        json: { name: param(ctx, 'name', itemIndex, ''), type: param(ctx, 'type', itemIndex, '0'), ...channelFields(v2, itemIndex) } });
    case 'get':
      return discordRequest(v2.client, { method: 'GET', path: `/channels/${await channelId(v2, itemIndex)}` });
    case 'getAll': {
      let channels = await discordRequest(v2.client, { method: 'GET', path: `/guilds/${v2.guildId}/channels` }) as JsonObject[];
      if (!param(ctx, 'returnAll', 0, false)) channels = channels.slice(0, param(ctx, 'limit', 0, 50));
      const filter = collection(ctx, 'options', 0).filter;
      if (Array.isArray(filter) && filter.length) channels = channels.filter((c) => filter.includes(c.type as number));
      return channels;
    }
    case 'update': {
      const id = await channelId(v2, itemIndex);
      return discordRequest(v2.client, { method: 'PATCH', path: `/channels/${id}`, json: { name: param(ctx, 'name', itemIndex, ''), ...channelFields(v2, itemIndex) } });
    }
    case 'deleteChannel':
      return discordRequest(v2.client, { method: 'DELETE', path: `/channels/${await channelId(v2, itemIndex)}` });
    default:
      return unsupported(v2, 'channel', operation, itemIndex);
  }
}

export async function runMember(v2: V2Context, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = v2.client;
  switch (operation) {
    case 'getAll': {
      const after = param(ctx, 'after', 0, '');
      const path = `/guilds/${v2.guildId}/members`;
      const members = param(ctx, 'returnAll', 0, false)
        ? await allPages(v2, path, 'after', (m) => (m.user as JsonObject | undefined)?.id, after ? { after } : {})
        : await discordRequest(v2.client, { method: 'GET', path, query: { limit: param(ctx, 'limit', 0, 50), ...(after ? { after } : {}) } }) as JsonObject[];
      return collection(ctx, 'options', 0).simplify === true ? members.map(simplifyMember) : members;
    }
    case 'roleAdd':
    case 'roleRemove': {
      const user = locatorValue(ctx, 'userId', itemIndex);
      const roles = param<unknown>(ctx, 'role', itemIndex, []);
      for (const role of Array.isArray(roles) ? roles : [roles]) {
        await discordRequest(v2.client, { method: operation === 'roleAdd' ? 'PUT' : 'DELETE', path: `/guilds/${v2.guildId}/members/${user}/roles/${String(role)}` });
      }
      return { success: true };
    }
    default:
      return unsupported(v2, 'member', operation, itemIndex);
  }
}

/** Webhook mode: the message goes to the credential's webhook URL; `wait` asks Discord for the message. */
export async function runWebhook(v2: V2Context, operation: string, itemIndex: number, webhookUri: string): Promise<unknown> {
  if (operation !== 'sendLegacy') return unsupported(v2, 'webhook', operation, itemIndex);
  const { ctx } = v2.client;
  const options = messageOptions(ctx, itemIndex);
  const wait = options.wait;
  delete options.wait;
  const body: JsonObject = { content: param(ctx, 'content', itemIndex, ''), ...options };
  return postMessage(v2, webhookUri, body, itemIndex, wait ? { wait: true } : undefined);
}
