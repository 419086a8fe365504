// Discord (n8n-nodes-base.discord): v2 (bot token, OAuth2 or webhook; messages, channels, members)
// and the legacy v1 (webhook messages), on Discord's HTTP API through the HTTP Request node's
// transport. Each item runs the chosen operation; lists become one item per entry.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { DiscordApiError, discordRequest, type DiscordClient } from './discord-api.ts';
import { discordV1Properties, sendV1 } from './discord-v1.ts';
import { runChannel, runMember, runMessage, runWebhook, type V2Context } from './discord-v2-operations.ts';
import { discordSendAndWait } from './discord-send-and-wait.ts';
import { discordV2Credentials, discordV2Properties } from './discord-v2.description.ts';
import { locatorValue } from './discord-values.ts';
import { discordV2Methods } from './discord-v2-methods.ts';

const CREDENTIAL_BY_AUTH: Record<string, string> = { botToken: 'discordBotApi', oAuth2: 'discordOAuth2Api', webhook: 'discordWebhookApi' };
const DEFAULT_OPERATION: Record<string, string> = { channel: 'create', message: 'send', member: 'getAll', webhook: 'sendLegacy' };
/** Operations n8n runs once for the whole input (they read their parameters from the first item). */
const ONCE = new Set(['channel:getAll', 'member:getAll']);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** n8n's wording for Discord's 400s about embeds and replies; otherwise what Discord said. */
function nodeError(node: string, error: unknown, itemIndex: number): NodeOperationError {
  if (error instanceof DiscordApiError && error.statusCode === 400) {
    const errors = (error.body as JsonObject | undefined)?.errors as JsonObject | undefined;
    const embed = (errors?.embeds as JsonObject | undefined)?.['0'] as JsonObject | undefined;
    if (embed && Object.keys(embed).length) {
      const keys = Object.keys(embed).map(capitalize);
      const message = keys.length === 1 ? `The parameter ${keys[0]} is not properly formatted` : `The parameters ${keys.join(', ')} are not properly formatted`;
      return new NodeOperationError(node, message, { itemIndex, description: 'Review the formatting or clear it' });
    }
    if (errors?.message_reference) {
      return new NodeOperationError(node, "The message to reply to ID can't be found", { itemIndex,
        description: 'Check the "Message to Reply to" parameter and remove it if you don\'t want to reply to an existing message' });
    }
  }
  return serviceCallError(node, error, itemIndex);
}

function toItems(answer: unknown, itemIndex: number): Item[] {
  return (Array.isArray(answer) ? answer : [answer]).map((entry) => ({
    json: entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : { data: entry },
    pairedItem: { item: itemIndex },
  }));
}

async function v2Context(ctx: ExecuteContext, client: DiscordClient, authentication: string, resource: string): Promise<{ v2: V2Context; webhookUri: string }> {
  const credential = await ctx.credentials.get(CREDENTIAL_BY_AUTH[authentication] ?? 'discordBotApi');
  if (authentication === 'webhook') {
    client.authorization = null;
    return { v2: { client, guildId: '' }, webhookUri: String(credential.webhookUri ?? '') };
  }
  client.authorization = `Bot ${String(credential.botToken ?? '')}`;
  const v2: V2Context = { client, guildId: resource === 'webhook' ? '' : locatorValue(ctx, 'guildId', 0) };
  if (authentication === 'oAuth2' && resource !== 'webhook') {
    // n8n lists the OAuth2 user's servers with the user's token and refuses any other server.
    const token = (credential.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) throw new NodeOperationError(ctx.node.name, 'The Discord OAuth2 credential has no access token', { description: 'Connect the credential first' });
    v2.userGuilds = await discordRequest(client, { method: 'GET', path: '/users/@me/guilds', authorization: `Bearer ${token}` }) as JsonObject[];
    if (!v2.userGuilds.some((guild) => guild.id === v2.guildId)) throw new NodeOperationError(ctx.node.name, `You do not have access to the guild with the id ${v2.guildId}`);
  }
  return { v2, webhookUri: '' };
}

async function execute(ctx: ExecuteContext, legacy: boolean): Promise<Item[][]> {
  const items = ctx.getInputData();
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: DiscordClient = { ctx, transport, authorization: null };
  const output: Item[] = [];
  const keep = (error: unknown, itemIndex: number) => {
    const failure = nodeError(ctx.node.name, error, itemIndex);
    if (!ctx.continueOnFail()) throw failure;
    output.push({ json: { error: errorMessage(failure), ...(failure.details.description ? { description: failure.details.description } : {}) }, pairedItem: { item: itemIndex } });
  };
  try {
    if (legacy) {
      for (let i = 0; i < items.length; i++) {
        try {
          output.push(...toItems(await sendV1(client, i), i));
        } catch (error) {
          keep(error, i);
        }
      }
      return [output];
    }
    const authentication = param(ctx, 'authentication', 0, 'botToken');
    // The resource parameter is hidden in webhook mode; n8n then runs the webhook resource.
    const resource = authentication === 'webhook' ? 'webhook' : param(ctx, 'resource', 0, 'channel');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'send');
    let context: { v2: V2Context; webhookUri: string };
    try {
      context = await v2Context(ctx, client, authentication, resource);
    } catch (error) {
      throw nodeError(ctx.node.name, error, 0);
    }
    if (resource === 'message' && operation === 'sendAndWait') {
      try {
        return await discordSendAndWait(context.v2);
      } catch (error) {
        keep(error, 0);
        return [output];
      }
    }
    const run = (i: number) => {
      if (resource === 'message') return runMessage(context.v2, operation, i);
      if (resource === 'channel') return runChannel(context.v2, operation, i);
      if (resource === 'member') return runMember(context.v2, operation, i);
      if (resource === 'webhook') return runWebhook(context.v2, operation, i, context.webhookUri);
      throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known`, { itemIndex: i });
    };
    const count = ONCE.has(`${resource}:${operation}`) ? Math.min(items.length, 1) : items.length;
    for (let i = 0; i < count; i++) {
      try {
        output.push(...toItems(await run(i), i));
      } catch (error) {
        keep(error, i);
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

const base = {
  name: 'n8n-nodes-base.discord',
  displayName: 'Discord',
  icon: 'fa:discord',
  group: ['output'],
  description: 'Sends data to Discord',
  defaults: { name: 'Discord' },
  inputs: ['main'],
  outputs: ['main'],
};

export const discordNode: NodeType = {
  methods: discordV2Methods,
  description: { ...base, version: [2], properties: discordV2Properties, credentials: discordV2Credentials },
  execute: (ctx) => execute(ctx, false),
};

export const discordNodeV1: NodeType = {
  description: { ...base, version: [1], properties: discordV1Properties },
  execute: (ctx) => execute(ctx, true),
};
