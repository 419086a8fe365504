// Slack v1's message send and update (n8n's legacy node): a plain `channel`, `text`, `as_user` or a
// bot `username`, attachments from the UI or JSON text, and the other options merged in as given.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, type SlackClient } from './slack-api.ts';

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Attachments and blocks, from the UI (fields' `item` lists moved up) or as JSON text. */
function richContent(ctx: ExecuteContext, itemIndex: number, body: JsonObject): void {
  if (!param(ctx, 'jsonParameters', itemIndex, false)) {
    const raw = param<unknown>(ctx, 'attachments', itemIndex, []);
    body.attachments = (Array.isArray(raw) ? raw : []).map((entry) => {
      const attachment = { ...(entry as JsonObject) };
      if (attachment.fields !== undefined) {
        const items = (attachment.fields as JsonObject).item;
        if (items !== undefined) attachment.fields = items;
        else delete attachment.fields;
      }
      return attachment;
    });
    const blocks = (param<unknown>(ctx, 'blocksUi', itemIndex, {}) as JsonObject | undefined)?.blocksValues;
    if (Array.isArray(blocks) && blocks.length > 0) {
      throw new NodeOperationError(ctx.node.name, 'Blocks built in the Slack v1 editor are not supported here', {
        itemIndex, description: 'Turn on "JSON Parameters" and give the blocks as JSON, or use Slack v2',
      });
    }
    return;
  }
  const attachmentsJson = String(param<unknown>(ctx, 'attachmentsJson', itemIndex, '') ?? '');
  const blocksJson = String(param<unknown>(ctx, 'blocksJson', itemIndex, '') ?? '');
  if (attachmentsJson !== '' && !isJson(attachmentsJson)) throw new NodeOperationError(ctx.node.name, 'Attachments it is not a valid json', { itemIndex });
  if (blocksJson !== '' && !isJson(blocksJson)) throw new NodeOperationError(ctx.node.name, 'Blocks it is not a valid json', { itemIndex });
  if (attachmentsJson !== '') body.attachments = attachmentsJson;
  if (blocksJson !== '') body.blocks = blocksJson;
}

/** chat.postMessage, or chat.postEphemeral to one `user` of the channel. */
export async function postV1Message(client: SlackClient, itemIndex: number, ephemeral = false): Promise<unknown> {
  const { ctx } = client;
  const body: JsonObject = { channel: param<unknown>(ctx, 'channel', itemIndex, ''), text: param<unknown>(ctx, 'text', itemIndex, '') };
  if (ephemeral) body.user = param<unknown>(ctx, 'user', itemIndex, '');
  if (param(ctx, 'authentication', 0, 'accessToken') === 'accessToken') body.as_user = param(ctx, 'as_user', itemIndex, false);
  if (body.as_user === false) {
    body.username = param<unknown>(ctx, 'username', itemIndex, '');
    delete body.as_user;
  }
  richContent(ctx, itemIndex, body);
  Object.assign(body, collection(ctx, 'otherOptions', itemIndex));
  return slackRequest(client, { method: 'POST', path: ephemeral ? '/chat.postEphemeral' : '/chat.postMessage', json: body });
}

export async function updateV1Message(client: SlackClient, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const body: JsonObject = {
    channel: param<unknown>(ctx, 'channelId', itemIndex, ''), text: param<unknown>(ctx, 'text', itemIndex, ''), ts: String(param<unknown>(ctx, 'ts', itemIndex, '')),
  };
  richContent(ctx, itemIndex, body);
  Object.assign(body, collection(ctx, 'updateFields', itemIndex));
  return slackRequest(client, { method: 'POST', path: '/chat.update', json: body });
}
