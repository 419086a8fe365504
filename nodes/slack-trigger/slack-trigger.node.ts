// Slack Trigger (n8n-nodes-base.slackTrigger v1): the Events API endpoint of a Slack app. Slack has no
// API to register the URL, so the webhook setup only says "exists" as n8n's does. With the
// credential's signing secret set, a call must carry Slack's v0 signature (X-Slack-Signature,
// HMAC-SHA256 of `v0:<timestamp>:<raw body>`, timestamp within 5 minutes) or it is refused 401.
// The url_verification challenge is answered; events then pass the event-type, channel, ignored-user
// and emoji filters and start a run with the event, optionally with names resolved and files attached.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NodeOperationError, type BinaryData, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType, type WebhookAnswer, type WebhookContext } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport, send } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from '../slack/slack-api.ts';
import { slackTriggerProperties } from './slack-trigger.description.ts';

const FIVE_MINUTES = 60 * 5;
const EVENTS_WITHOUT_CHANNEL = ['team_join', 'app_home_opened'];
const WORKSPACE_WIDE_EVENTS = ['channel_created', 'file_public'];

const header = (value: unknown): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
};

/**
 * Whether a call is Slack's: true when no signing secret is set; otherwise the v0 signature over the
 * timestamp and raw body must match and the timestamp be within five minutes of `nowSeconds`.
 */
export function slackSignatureValid(secret: unknown, headers: Record<string, unknown>, rawBody: Buffer | undefined, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!secret) return true;
  if (typeof secret !== 'string') return false;
  const signature = header(headers['x-slack-signature']);
  const timestamp = header(headers['x-slack-request-timestamp']);
  if (!signature || !timestamp || !rawBody) return false;
  const seconds = Number.parseInt(timestamp, 10);
  if (Number.isNaN(seconds) || Math.abs(nowSeconds - seconds) > FIVE_MINUTES) return false;
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The channel id of the locator (a list pick, an id, or an app.slack.com URL). */
export function watchedChannel(value: unknown): string {
  const locator = value && typeof value === 'object' ? (value as JsonObject) : { mode: 'id', value };
  const text = String(locator.value ?? '');
  if (locator.mode === 'url') return /https:\/\/app\.slack\.com\/client\/.*\/([a-zA-Z0-9]{2,})/.exec(text)?.[1] ?? text;
  return text;
}

async function withSlack<T>(ctx: ExecuteContext, use: (client: SlackClient) => Promise<T>): Promise<T> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await use({ ctx, transport, legacy: false });
  } catch (error) {
    throw serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

const userName = async (client: SlackClient, user: unknown) =>
  ((await slackRequest(client, { method: 'GET', path: '/users.info', query: { user: user as string } })).user as JsonObject | undefined)?.name;
const channelName = async (client: SlackClient, channel: string) =>
  ((await slackRequest(client, { method: 'GET', path: '/conversations.info', query: { channel } })).channel as JsonObject | undefined)?.name;

/** A file Slack hands out (url_private_download), fetched with the credential's token. */
async function downloadFile(ctx: ExecuteContext, url: string): Promise<Buffer> {
  const token = String((await ctx.credentials.get('slackApi')).accessToken ?? '');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    let response;
    try {
      response = await send(transport, { method: 'GET', url, headers: { authorization: `Bearer ${token}` } },
        { timeoutMs: 300_000, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    } catch (error) {
      throw serviceCallError(ctx.node.name, error, 0);
    }
    const type = String(response.headers['content-type'] ?? '');
    if (type.startsWith('application/json')) {
      const answer = JSON.parse(response.body.toString('utf8')) as JsonObject;
      if (answer.ok === false) throw new NodeOperationError(ctx.node.name, `Slack error response: ${JSON.stringify(answer.error)}`);
    }
    if (response.statusCode >= 400) throw new NodeOperationError(ctx.node.name, `Slack answered ${response.statusCode} for the file download`);
    return response.body;
  } finally {
    await transport.close();
  }
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  const credential = await ctx.credentials.get('slackApi');
  if (!slackSignatureValid(credential.signatureSecret, call.headers, call.rawBody)) {
    call.res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
    call.res.end('Unauthorized');
    return { noWebhookResponse: true };
  }
  const body = (call.body && typeof call.body === 'object' ? call.body : {}) as JsonObject;
  if (body.type === 'url_verification') {
    call.res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    call.res.end(JSON.stringify({ challenge: body.challenge }));
    return { noWebhookResponse: true };
  }
  const event = (body.event && typeof body.event === 'object' ? body.event : undefined) as JsonObject | undefined;
  if (!event) return {};
  const filters = (param<unknown>(ctx, 'trigger', 0, []) as unknown[]).map(String);
  const eventType = String(event.type ?? '');
  // n8n lets every event through once File Shared is chosen (file shares arrive as messages).
  if (!filters.includes('file_share') && !filters.includes('any_event') && !filters.includes(eventType)) return {};

  let eventChannel = '';
  if (!EVENTS_WITHOUT_CHANNEL.includes(eventType)) {
    const raw = event.channel ?? (event.item as JsonObject | undefined)?.channel ?? event.channel_id;
    // channel_created carries the new channel as an object.
    eventChannel = String((raw && typeof raw === 'object' ? (raw as JsonObject).id : raw) ?? '');
    // The channel applies to mentions, shares, messages and reactions (as the parameter says); n8n
    // also held channel_created and file_public to it, so with the toggle hidden they never fired.
    const watched = !WORKSPACE_WIDE_EVENTS.includes(eventType) && !param(ctx, 'watchWorkspace', 0, false);
    if (watched && eventChannel !== watchedChannel(param<unknown>(ctx, 'channelId', 0, ''))) return {};
  }

  const options = collection(ctx, 'options', 0);
  const ignored = Array.isArray(options.userIds) ? options.userIds.map(String) : typeof options.userIds === 'string' && options.userIds ? options.userIds.split(',').map((s) => s.trim()) : [];
  const actor = event.user ?? (event.message as JsonObject | undefined)?.user;
  if (ignored.length && typeof actor === 'string' && ignored.includes(actor)) return {};

  if (eventType === 'reaction_added' && typeof options.reactionEmojis === 'string' && options.reactionEmojis) {
    const allowed = options.reactionEmojis.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
    if (allowed.length && !allowed.includes(String(event.reaction ?? '').toLowerCase())) return {};
  }

  if (options.resolveIds === true) {
    await withSlack(ctx, async (client) => {
      if (event.user) {
        if (eventType === 'reaction_added') {
          event.user_resolved = await userName(client, event.user);
          event.item_user_resolved = await userName(client, event.item_user);
        } else if (eventType === 'team_join') {
          event.user_resolved = (event.user as JsonObject).name;
        } else {
          event.user_resolved = await userName(client, event.user);
        }
      }
      if (eventChannel) event.channel_resolved = await channelName(client, eventChannel);
    });
  }

  const item: Item = { json: event };
  const files = Array.isArray(event.files) ? (event.files as JsonObject[]) : [];
  if (event.subtype === 'file_share' && (filters.includes('file_share') || filters.includes('any_event')) && param(ctx, 'downloadFiles', 0, false)) {
    const binary: Record<string, BinaryData> = {};
    for (const [i, file] of files.entries()) {
      const content = await downloadFile(ctx, String(file.url_private_download ?? ''));
      binary[`file_${i}`] = { ...prepareBinaryData(content, String(file.name ?? ''), String(file.mimetype ?? 'application/octet-stream')), ...(file.name ? { fileName: String(file.name) } : {}) };
    }
    if (Object.keys(binary).length) item.binary = binary;
  }
  return { workflowData: [[item]] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

interface SlackEntry { id?: unknown; name?: unknown; real_name?: unknown }
const lower = (text: string) => text.toLowerCase();
const byName = (a: { name: string }, b: { name: string }) => (lower(a.name) < lower(b.name) ? -1 : lower(a.name) > lower(b.name) ? 1 : 0);

export const slackTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.slackTrigger',
    displayName: 'Slack Trigger',
    icon: 'fa:slack',
    group: ['trigger'],
    version: [1],
    description: 'Starts the workflow on events of a Slack app',
    defaults: { name: 'Slack Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'slackApi', required: true }],
    triggerKind: 'webhook',
    properties: slackTriggerProperties,
  },
  execute,
  methods: {
    listSearch: {
      async getChannels(ctx, filter) {
        const channels = await withSlack(ctx, (client) => slackRequestAll(client, 'channels', 'GET', '/conversations.list', { types: 'public_channel,private_channel' })) as SlackEntry[];
        const results = channels
          .map((c) => ({ name: String(c.name ?? ''), value: String(c.id ?? '') }))
          .filter((c) => !filter || lower(c.name).includes(lower(filter)) || c.value === filter)
          .sort(byName);
        return { results };
      },
    },
    loadOptions: {
      async getUsers(ctx) {
        const users = await withSlack(ctx, (client) => slackRequestAll(client, 'members', 'GET', '/users.list')) as SlackEntry[];
        // The display name when the profile has one, else the handle.
        return users.map((u) => ({ name: String(u.real_name || u.name || ''), value: String(u.id ?? '') })).sort(byName);
      },
    },
  },
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    // Slack's Event Subscriptions URL is set in the app's settings by hand; there is nothing to register.
    webhookSetup: {
      checkExists: async () => true,
      create: async () => true,
      delete: async () => true,
    },
  },
};
