// The message resource of Slack v2: send (chat.postMessage / postEphemeral), update, delete,
// permalink and search, with n8n's message content rules (text, blocks or attachments, and from
// v2.1 the "Automated with this n8n workflow" link appended unless switched off).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from './slack-api.ts';
import { jsonObjectParam, locatorMode, locatorValue, messageTarget, timestampParam } from './slack-values.ts';

/** The address users reach this server at, as n8n's instance base URL (with its trailing slash). */
function instanceBaseUrl(): string {
  const url = process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT?.trim() || '5678'}`;
  return url.endsWith('/') ? url : `${url}/`;
}

/** n8n's footer linking the message to the workflow that sent it (no instance id: we have none). */
export function automatedMessage(workflowId: string): string {
  const campaign = encodeURIComponent('n8n-nodes-base.slack');
  return `_Automated with this <${instanceBaseUrl()}workflow/${workflowId}?utm_source=n8n-internal&utm_medium=powered_by&utm_campaign=${campaign}|n8n workflow>_`;
}

/** What a message says: `text`, `blocks` (+ `text`) or `attachments`, as n8n's getMessageContent. */
export function messageContent(client: SlackClient, itemIndex: number): JsonObject {
  const { ctx } = client;
  const options = collection(ctx, 'otherOptions', itemIndex);
  // Unset means the version's default: on from 2.1 (also for updates, which have no such option).
  const includeLink = options.includeLinkToWorkflow ?? ctx.node.typeVersion >= 2.1;
  const footer = automatedMessage(ctx.workflow.id);
  const messageType = param(ctx, 'messageType', itemIndex, 'text');
  const text = String(param<unknown>(ctx, 'text', itemIndex, '') ?? '');
  if (messageType === 'text') return { text: includeLink ? `${text}\n${footer}` : text };
  if (messageType === 'block') {
    const content = jsonObjectParam(ctx, 'blocksUi', itemIndex);
    if (includeLink && Array.isArray(content.blocks)) {
      content.blocks = [...content.blocks, { type: 'section', text: { type: 'mrkdwn', text: footer } }];
    }
    if (text) content.text = text;
    return content;
  }
  if (messageType === 'attachment') {
    const raw = param<unknown>(ctx, 'attachments', itemIndex, []);
    const attachments = (Array.isArray(raw) ? raw : [raw]).filter((a) => a && typeof a === 'object').map((a) => {
      const attachment = { ...(a as JsonObject) };
      const items = (attachment.fields as JsonObject | undefined)?.item;
      if (attachment.fields !== undefined && items) attachment.fields = items;
      return attachment;
    });
    if (includeLink) attachments.push({ text: footer });
    return { attachments };
  }
  throw new NodeOperationError(ctx.node.name, `The message type "${messageType}" is not known!`, { itemIndex });
}

async function post(client: SlackClient, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const select = param(ctx, 'select', itemIndex, 'channel');
  const target = messageTarget(ctx, itemIndex, select);
  const options = collection(ctx, 'otherOptions', itemIndex);
  const body: JsonObject = { channel: target, ...messageContent(client, itemIndex) };
  if (param(ctx, 'authentication', 0, 'accessToken') === 'accessToken' && options.sendAsUser !== '' && options.sendAsUser !== undefined) {
    body.username = options.sendAsUser;
  }
  let action = 'postMessage';
  if (options.ephemeral) {
    if (select === 'channel') {
      const user = ((options.ephemeral as JsonObject).ephemeralValues as JsonObject | undefined)?.user as JsonObject | string | undefined;
      const value = user && typeof user === 'object' ? String(user.value ?? '') : String(user ?? '');
      body.user = user && typeof user === 'object' && user.mode === 'username' && !value.startsWith('@') ? `@${value}` : value;
    } else {
      body.user = target;
    }
    action = 'postEphemeral';
  }
  const reply = { ...(((options.thread_ts as JsonObject | undefined)?.replyValues as JsonObject | undefined) ?? {}) };
  // An empty timestamp is n8n's unset one (its default is undefined), which JSON leaves out.
  if (reply.thread_ts === '' || reply.thread_ts === null) delete reply.thread_ts;
  Object.assign(body, reply);
  const rest: JsonObject = { ...options };
  delete rest.thread_ts;
  delete rest.ephemeral;
  const profile = (rest.botProfile as JsonObject | undefined)?.imageValues as JsonObject | JsonObject[] | undefined;
  const photo = Array.isArray(profile) ? profile[0] : profile;
  if (photo) Object.assign(body, photo.profilePhotoType === 'image' ? { icon_url: photo.icon_url } : { icon_emoji: photo.icon_emoji });
  delete rest.botProfile;
  Object.assign(body, rest);
  if (select === 'user' && action === 'postEphemeral' && locatorMode(ctx, 'user', itemIndex) === 'username') {
    throw new NodeOperationError(ctx.node.name, 'You cannot send ephemeral messages using User type "By username". Please use "From List" or "By ID".', { itemIndex });
  }
  return slackRequest(client, { method: 'POST', path: `/chat.${action}`, json: body });
}

async function search(client: SlackClient, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  let query = String(param<unknown>(ctx, 'query', itemIndex, ''));
  const sort = param(ctx, 'sort', itemIndex, 'desc');
  const channels = collection(ctx, 'options', itemIndex).searchChannel;
  for (const channel of Array.isArray(channels) ? channels : []) query += ` in:${String(channel)}`;
  const qs: JsonObject = { query, sort: sort === 'relevance' ? 'score' : 'timestamp', sort_dir: sort === 'asc' ? 'asc' : 'desc' };
  if (param(ctx, 'returnAll', itemIndex, false)) return slackRequestAll(client, 'messages', 'GET', '/search.messages', qs);
  qs.count = param(ctx, 'limit', itemIndex, 25);
  const answer = await slackRequest(client, { method: 'POST', path: '/search.messages', query: qs });
  return (answer.messages as JsonObject | undefined)?.matches;
}

/** Runs one message operation for one item; answers what n8n outputs for it. */
export async function runMessageOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  switch (operation) {
    case 'post':
      return post(client, itemIndex);
    case 'update': {
      const body: JsonObject = {
        channel: locatorValue(ctx, 'channelId', itemIndex), ts: timestampParam(ctx, 'ts', itemIndex), ...messageContent(client, itemIndex),
      };
      Object.assign(body, collection(ctx, 'updateFields', itemIndex));
      return slackRequest(client, { method: 'POST', path: '/chat.update', json: body });
    }
    case 'delete': {
      const select = param(ctx, 'select', itemIndex, 'channel');
      const channel = messageTarget(ctx, itemIndex, select === 'user' ? 'user' : 'channel');
      return slackRequest(client, { method: 'POST', path: '/chat.delete', json: { channel, ts: timestampParam(ctx, 'timestamp', itemIndex) } });
    }
    case 'getPermalink':
      return slackRequest(client, {
        method: 'GET', path: '/chat.getPermalink', query: { channel: locatorValue(ctx, 'channelId', itemIndex), message_ts: timestampParam(ctx, 'timestamp', itemIndex) },
      });
    case 'search':
      return search(client, itemIndex);
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "message" is not supported`, { itemIndex });
  }
}
