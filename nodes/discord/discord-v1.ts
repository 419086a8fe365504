// n8n's Discord v1: one webhook message per item, posted to the `webhookUri` parameter as JSON;
// its JSON options are parsed here and the output is `{success: true}` per item, as n8n's.
import { NodeOperationError, type JsonObject, type NodeProperty } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { discordRequest, type DiscordClient } from './discord-api.ts';

const json = (displayName: string, name: string): NodeProperty => ({ displayName, name, type: 'json', typeOptions: { alwaysOpenEditWindow: true }, default: '' });

export const discordV1Properties: NodeProperty[] = [
  { displayName: 'Webhook URL', name: 'webhookUri', type: 'string', required: true, default: '', placeholder: 'https://discord.com/api/webhooks/ID/TOKEN' },
  { displayName: 'Content', name: 'text', type: 'string', typeOptions: { maxValue: 2000 }, default: '', placeholder: 'Hello World!' },
  { displayName: 'Additional Fields', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [
    json('Allowed Mentions', 'allowedMentions'), json('Attachments', 'attachments'),
    { displayName: 'Avatar URL', name: 'avatarUrl', type: 'string', default: '' },
    json('Components', 'components'), json('Embeds', 'embeds'),
    { displayName: 'Flags', name: 'flags', type: 'number', default: '' },
    json('JSON Payload', 'payloadJson'),
    { displayName: 'Username', name: 'username', type: 'string', default: '', placeholder: 'User' },
    { displayName: 'TTS', name: 'tts', type: 'boolean', default: false, description: 'Whether this message be sent as a Text To Speech message' },
  ] },
];

function parsed(client: DiscordClient, value: unknown, message: string, itemIndex: number): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new NodeOperationError(client.ctx.node.name, message, { itemIndex });
  }
}

export async function sendV1(client: DiscordClient, itemIndex: number): Promise<JsonObject> {
  const { ctx } = client;
  const webhookUri = param(ctx, 'webhookUri', itemIndex, '');
  if (!webhookUri) throw new NodeOperationError(ctx.node.name, 'Webhook uri is required.', { itemIndex });
  const options = collection(ctx, 'options', itemIndex);
  const content = param(ctx, 'text', itemIndex, '');
  if (!content && !options.embeds) throw new NodeOperationError(ctx.node.name, 'Either content or embeds must be set.', { itemIndex });
  const body: JsonObject = {};
  if (content) body.content = content;
  if (options.embeds) {
    const embeds = parsed(client, options.embeds, 'Embeds must be valid JSON.', itemIndex);
    if (!Array.isArray(embeds)) throw new NodeOperationError(ctx.node.name, 'Embeds must be valid JSON.', { itemIndex });
    body.embeds = embeds as JsonObject[];
  }
  if (options.username) body.username = options.username;
  if (options.components) body.components = parsed(client, options.components, 'Components must be valid JSON.', itemIndex) as JsonObject;
  // n8n reads `allowed_mentions` here although the option is named allowedMentions; both are honoured.
  const mentions = options.allowed_mentions ?? options.allowedMentions;
  if (mentions) body.allowed_mentions = parsed(client, mentions, 'Allowed Mentions must be valid JSON.', itemIndex) as JsonObject;
  if (options.avatarUrl) body.avatar_url = options.avatarUrl;
  if (options.flags) body.flags = options.flags;
  if (options.tts) body.tts = options.tts;
  if (options.payloadJson) body.payload_json = parsed(client, options.payloadJson, 'JSON Payload must be valid JSON.', itemIndex) as JsonObject;
  if (options.attachments) body.attachments = parsed(client, options.attachments, 'Attachments must be valid JSON.', itemIndex) as JsonObject[];
  await discordRequest(client, { method: 'POST', path: webhookUri, json: body });
  return { success: true };
}
