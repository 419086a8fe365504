// The channel resource of Slack v2 (Slack's conversations.* methods), with n8n's outputs: most
// operations answer the `channel` object, lists answer their entries.
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from './slack-api.ts';
import { epochSeconds, locatorValue, timestampParam } from './slack-values.ts';

const POST_RETURNING_CHANNEL: Record<string, { path: string; extra?: string }> = {
  join: { path: '/conversations.join' },
  rename: { path: '/conversations.rename', extra: 'name' },
  setPurpose: { path: '/conversations.setPurpose', extra: 'purpose' },
  setTopic: { path: '/conversations.setTopic', extra: 'topic' },
};
const POST_RETURNING_ANSWER: Record<string, string> = {
  archive: '/conversations.archive', close: '/conversations.close', leave: '/conversations.leave', unarchive: '/conversations.unarchive',
};

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return value.split(',').map((v) => v.trim());
  return [];
}

async function listed(client: SlackClient, itemIndex: number, property: string, path: string, qs: JsonObject, limitDefault: number): Promise<unknown> {
  if (param(client.ctx, 'returnAll', itemIndex, false)) return slackRequestAll(client, property, 'GET', path, qs);
  const answer = await slackRequest(client, { method: 'GET', path, query: { ...qs, limit: param(client.ctx, 'limit', itemIndex, limitDefault) } });
  return answer[property];
}

function timeFilters(filters: JsonObject, qs: JsonObject): void {
  if (filters.inclusive) qs.inclusive = filters.inclusive;
  if (filters.latest) qs.latest = epochSeconds(filters.latest);
  if (filters.oldest) qs.oldest = epochSeconds(filters.oldest);
}

async function members(client: SlackClient, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const qs: JsonObject = { channel: locatorValue(ctx, 'channelId', itemIndex) };
  // n8n reads Return All and Resolve Data from the first item only.
  const ids = param(ctx, 'returnAll', 0, false)
    ? await slackRequestAll(client, 'members', 'GET', '/conversations.members', qs)
    : ((await slackRequest(client, { method: 'GET', path: '/conversations.members', query: { ...qs, limit: param(ctx, 'limit', itemIndex, 100) } })).members as unknown[] ?? []);
  if (!param(ctx, 'resolveData', 0, false)) return ids.map((member) => ({ member }));
  const users: unknown[] = [];
  for (const member of ids) users.push((await slackRequest(client, { method: 'GET', path: '/users.info', query: { user: member as string } })).user);
  return users;
}

export async function runChannelOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const channel = () => locatorValue(ctx, 'channelId', itemIndex);
  if (POST_RETURNING_ANSWER[operation]) return slackRequest(client, { method: 'POST', path: POST_RETURNING_ANSWER[operation], json: { channel: channel() } });
  const returningChannel = POST_RETURNING_CHANNEL[operation];
  if (returningChannel) {
    const body: JsonObject = { channel: channel() };
    if (returningChannel.extra) body[returningChannel.extra] = param<unknown>(ctx, returningChannel.extra, itemIndex, '');
    return (await slackRequest(client, { method: 'POST', path: returningChannel.path, json: body })).channel;
  }
  switch (operation) {
    case 'create': {
      if (client.legacy) {
        // v1: the name as given, private only when Is Private is set.
        const body: JsonObject = { name: channel() };
        if (collection(ctx, 'additionalFields', itemIndex).isPrivate) body.is_private = true;
        return (await slackRequest(client, { method: 'POST', path: '/conversations.create', json: body })).channel;
      }
      const name = channel();
      const body = { name: name.startsWith('#') ? name.slice(1) : name, is_private: param(ctx, 'channelVisibility', itemIndex, 'public') === 'private' };
      return (await slackRequest(client, { method: 'POST', path: '/conversations.create', json: body })).channel;
    }
    case 'get':
      return (await slackRequest(client, { method: 'POST', path: '/conversations.info', query: { channel: channel() } })).channel;
    case 'getAll': {
      const filters = collection(ctx, 'filters', itemIndex);
      const qs: JsonObject = {};
      if (filters.types) qs.types = asList(filters.types).join(',');
      if (filters.excludeArchived) qs.exclude_archived = filters.excludeArchived;
      return listed(client, itemIndex, 'channels', '/conversations.list', qs, 50);
    }
    case 'history': {
      const qs: JsonObject = { channel: channel() };
      timeFilters(collection(ctx, 'filters', itemIndex), qs);
      return listed(client, itemIndex, 'messages', '/conversations.history', qs, 50);
    }
    case 'replies': {
      const qs: JsonObject = { channel: channel(), ts: timestampParam(ctx, 'ts', itemIndex) };
      timeFilters(collection(ctx, 'filters', itemIndex), qs);
      return listed(client, itemIndex, 'messages', '/conversations.replies', qs, 50);
    }
    case 'invite': {
      const body = { channel: channel(), users: asList(param<unknown>(ctx, 'userIds', itemIndex, [])).join(',') };
      return (await slackRequest(client, { method: 'POST', path: '/conversations.invite', json: body })).channel;
    }
    case 'kick':
      return slackRequest(client, { method: 'POST', path: '/conversations.kick', json: { channel: channel(), user: param<unknown>(ctx, 'userId', itemIndex, '') } });
    case 'member':
      return members(client, itemIndex);
    case 'open': {
      const options = collection(ctx, 'options', itemIndex);
      const body: JsonObject = {};
      if (options.channelId) body.channel = options.channelId;
      if (options.returnIm) body.return_im = options.returnIm;
      if (options.users) body.users = asList(options.users).join(',');
      return (await slackRequest(client, { method: 'POST', path: '/conversations.open', json: body })).channel;
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "channel" is not supported`, { itemIndex });
  }
}
