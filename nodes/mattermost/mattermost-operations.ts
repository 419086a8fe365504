// The operations of n8n's Mattermost v1 node, one function per resource; each answers what n8n
// outputs for one input item (Mattermost's object or list).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { mattermostRequest, mattermostRequestAll, type MattermostClient } from './mattermost-api.ts';

function unsupported(client: MattermostClient, resource: string, operation: string, itemIndex: number): never {
  throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex });
}

const text = (client: MattermostClient, name: string, itemIndex: number) => String(param<unknown>(client.ctx, name, itemIndex, '') ?? '');
const sliceTo = (list: unknown, limit: number) => (Array.isArray(list) ? list.slice(0, limit) : list);

export async function runChannel(client: MattermostClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const channelId = () => encodeURIComponent(text(client, 'channelId', itemIndex));
  switch (operation) {
    case 'create':
      return mattermostRequest(client, 'POST', 'channels', {
        team_id: text(client, 'teamId', itemIndex), display_name: text(client, 'displayName', itemIndex), name: text(client, 'channel', itemIndex),
        type: param(ctx, 'type', itemIndex, 'public') === 'public' ? 'O' : 'P',
      });
    case 'delete':
      return mattermostRequest(client, 'DELETE', `channels/${channelId()}`);
    case 'restore':
      return mattermostRequest(client, 'POST', `channels/${channelId()}/restore`);
    case 'addUser':
      return mattermostRequest(client, 'POST', `channels/${channelId()}/members`, { user_id: text(client, 'userId', itemIndex) });
    case 'statistics':
      return mattermostRequest(client, 'GET', `channels/${channelId()}/stats`);
    case 'members': {
      const endpoint = `channels/${channelId()}/members`;
      if (param(ctx, 'returnAll', itemIndex, true)) return mattermostRequestAll(client, 'GET', endpoint);
      const limit = param(ctx, 'limit', itemIndex, 100);
      const members = sliceTo(await mattermostRequest(client, 'GET', endpoint, undefined, { per_page: limit }), limit) as JsonObject[];
      // As n8n: only a limited page is resolved to the users themselves.
      if (!param(ctx, 'resolveData', itemIndex, true) || !Array.isArray(members) || members.length === 0) return members;
      return mattermostRequest(client, 'POST', 'users/ids', members.map((member) => member.user_id));
    }
    case 'search': {
      const found = await mattermostRequest(client, 'POST', `teams/${encodeURIComponent(text(client, 'teamId', itemIndex))}/channels/search`, { term: text(client, 'term', itemIndex) });
      return param(ctx, 'returnAll', itemIndex, false) ? found : sliceTo(found, param(ctx, 'limit', itemIndex, 50));
    }
    default:
      return unsupported(client, 'channel', operation, itemIndex);
  }
}

/** n8n's attachment shape fix-ups: fixedCollection `item` lists lifted, button/custom defaults dropped, context as an object. */
function attachmentsBody(raw: unknown): JsonObject[] {
  const attachments = (Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Object.keys(raw).length ? [raw] : []) as JsonObject[];
  return attachments.map((source) => {
    const attachment = { ...source };
    for (const key of ['fields', 'actions']) {
      if (attachment[key] === undefined) continue;
      const items = (attachment[key] as JsonObject).item;
      if (items !== undefined) attachment[key] = items;
      else delete attachment[key];
    }
    if (Array.isArray(attachment.actions)) {
      attachment.actions = (attachment.actions as JsonObject[]).map((source) => {
        const action = { ...source };
        if (action.type === 'button') delete action.type;
        if (action.data_source === 'custom') delete action.data_source;
        if (action.options) action.options = (action.options as JsonObject).option;
        const integration = (action.integration as JsonObject | undefined)?.item as JsonObject | undefined;
        if (integration) {
          const properties = (integration.context as JsonObject | undefined)?.property;
          action.integration = Array.isArray(properties)
            ? { ...integration, context: Object.fromEntries((properties as JsonObject[]).map((p) => [String(p.name), p.value])) }
            : integration;
        }
        return action;
      });
    }
    return attachment;
  });
}

export async function runMessage(client: MattermostClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  switch (operation) {
    case 'post':
      return mattermostRequest(client, 'POST', 'posts', {
        channel_id: text(client, 'channelId', itemIndex), message: text(client, 'message', itemIndex),
        props: { attachments: attachmentsBody(param<unknown>(ctx, 'attachments', itemIndex, [])) },
        ...collection(ctx, 'otherOptions', itemIndex),
      });
    case 'postEphemeral':
      return mattermostRequest(client, 'POST', 'posts/ephemeral', {
        user_id: text(client, 'userId', itemIndex), post: { channel_id: text(client, 'channelId', itemIndex), message: text(client, 'message', itemIndex) },
      });
    case 'delete':
      return mattermostRequest(client, 'DELETE', `posts/${encodeURIComponent(text(client, 'postId', itemIndex))}`);
    default:
      return unsupported(client, 'message', operation, itemIndex);
  }
}

export async function runReaction(client: MattermostClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const emoji = () => text(client, 'emojiName', itemIndex).replace(/:/g, '');
  switch (operation) {
    case 'create':
      return mattermostRequest(client, 'POST', 'reactions', {
        user_id: text(client, 'userId', itemIndex), post_id: text(client, 'postId', itemIndex), emoji_name: emoji(), create_at: Date.now(),
      });
    case 'delete':
      return mattermostRequest(client, 'DELETE',
        `users/${encodeURIComponent(text(client, 'userId', itemIndex))}/posts/${encodeURIComponent(text(client, 'postId', itemIndex))}/reactions/${encodeURIComponent(emoji())}`);
    case 'getAll': {
      const reactions = await mattermostRequest(client, 'GET', `posts/${encodeURIComponent(text(client, 'postId', itemIndex))}/reactions`);
      return param(ctx, 'returnAll', itemIndex, true) ? reactions : sliceTo(reactions, param(ctx, 'limit', 0, 100));
    }
    default:
      return unsupported(client, 'reaction', operation, itemIndex);
  }
}

const snake = (value: string) => value.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SORTS = { inTeam: ['last_activity_at', 'created_at', 'username'], inChannel: ['status', 'username'] };

/** n8n's rules for the users' sort: it needs In Team or In Channel, each allowing some orders only. */
function usersQuery(client: MattermostClient, fields: JsonObject, itemIndex: number): JsonObject {
  const fail = (message: string) => new NodeOperationError(client.ctx.node.name, message, { itemIndex });
  const query: JsonObject = {};
  if (fields.inTeam) query.in_team = fields.inTeam;
  if (fields.notInTeam) query.not_in_team = fields.notInTeam;
  if (fields.inChannel) query.in_channel = fields.inChannel;
  if (fields.notInChannel) query.not_in_channel = fields.notInChannel;
  if (fields.sort) {
    const sort = snake(String(fields.sort));
    if (fields.inTeam === undefined && fields.inChannel === undefined) throw fail("When sort is defined either 'in team' or 'in channel' must be defined");
    if (fields.inTeam !== undefined && !SORTS.inTeam.includes(sort)) throw fail(`When In Team is set the only valid values for sorting are ${SORTS.inTeam.join(',')}`);
    if (fields.inChannel !== undefined && !SORTS.inChannel.includes(sort)) throw fail(`When In Channel is set the only valid values for sorting are ${SORTS.inChannel.join(',')}`);
    if (fields.inChannel === '' && fields.sort !== 'username') throw fail('When sort is different than username In Channel must be set');
    if (fields.inTeam === '' && fields.sort !== 'username') throw fail('When sort is different than username In Team must be set');
    query.sort = fields.sort === 'username' ? '' : sort;
  }
  return query;
}

export async function runUser(client: MattermostClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  switch (operation) {
    case 'create': {
      const authService = text(client, 'authService', itemIndex);
      const body: JsonObject = { auth_service: authService, username: text(client, 'username', itemIndex), ...collection(ctx, 'additionalFields', itemIndex) };
      if (body.notificationUi) body.notify_props = (body.notificationUi as JsonObject).notificationValues;
      if (authService === 'email') Object.assign(body, { email: text(client, 'email', itemIndex), password: text(client, 'password', itemIndex) });
      else body.auth_data = text(client, 'authData', itemIndex);
      return mattermostRequest(client, 'POST', 'users', body);
    }
    case 'deactive':
      return mattermostRequest(client, 'DELETE', `users/${encodeURIComponent(text(client, 'userId', itemIndex))}`);
    case 'getAll': {
      const query = usersQuery(client, collection(ctx, 'additionalFields', itemIndex), itemIndex);
      if (param(ctx, 'returnAll', itemIndex, true)) return mattermostRequestAll(client, 'GET', 'users', undefined, query);
      return mattermostRequest(client, 'GET', 'users', undefined, { ...query, per_page: param(ctx, 'limit', itemIndex, 100) });
    }
    case 'getByEmail':
      return mattermostRequest(client, 'GET', `users/email/${encodeURIComponent(text(client, 'email', itemIndex))}`);
    case 'getById': {
      const since = collection(ctx, 'additionalFields', itemIndex).since;
      return mattermostRequest(client, 'POST', 'users/ids', text(client, 'userIds', itemIndex).split(','),
        since ? { since: new Date(String(since)).getTime() } : undefined);
    }
    case 'invite':
      return mattermostRequest(client, 'POST', `teams/${encodeURIComponent(text(client, 'teamId', itemIndex))}/invite/email`, text(client, 'emails', itemIndex).split(','));
    default:
      return unsupported(client, 'user', operation, itemIndex);
  }
}
