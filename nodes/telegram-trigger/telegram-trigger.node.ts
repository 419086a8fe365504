// Telegram Trigger (n8n-nodes-base.telegramTrigger v1–1.5): on activation it registers its webhook
// URL with the bot (setWebhook, with the update types and a secret token), checking getWebhookInfo
// first; deactivation calls deleteWebhook. Each update Telegram posts must carry the secret token
// (from v1.1; a wrong one is refused 403 without a run), passes the update and chat/user filters,
// and with Download on brings the update's photo, video or document as binary `data`.
import { timingSafeEqual } from 'node:crypto';
import type { ExecuteContext, Item, JsonObject, NodeOutput, NodeType, TriggerContext, WebhookAnswer, WebhookContext } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport } from '../http-request/send.ts';
import { collection, param } from '../shared/params.ts';
import { callTelegram, downloadTelegramFile, telegramCredentials, type TelegramCall } from '../telegram/telegram-api.ts';
import { mimeTypeOf } from '../telegram/mime-types.ts';
import { allowedUpdates, fileToDownload, secretToken, startsRun } from './telegram-updates.ts';
import { telegramTriggerProperties } from './telegram-trigger.description.ts';

/** Runs one Bot API exchange (or several) on a transport of its own, closed afterwards. */
async function withTelegram<T>(ctx: ExecuteContext, use: (call: TelegramCall, credentials: ReturnType<typeof telegramCredentials>) => Promise<T>): Promise<T> {
  const credentials = telegramCredentials(await ctx.credentials.get('telegramApi'));
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    return await use({ transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name }, credentials);
  } finally {
    await transport.close();
  }
}

// A node saved without an id gets n8n's token for it (its id reads 'undefined' there too).
const tokenOf = (ctx: ExecuteContext) => secretToken(ctx.workflow.id, String(ctx.node.id));
const updatesOf = (ctx: ExecuteContext) => {
  const value = param<unknown>(ctx, 'updates', 0, []);
  return Array.isArray(value) ? value.map(String) : [];
};

const webhookSetup = {
  async checkExists(ctx: TriggerContext): Promise<boolean> {
    const info = await withTelegram(ctx, (call, credentials) => callTelegram(call, credentials, 'getWebhookInfo'));
    return (info.result as JsonObject | undefined)?.url === ctx.webhookUrl('default');
  },
  async create(ctx: TriggerContext): Promise<boolean> {
    const body: JsonObject = { url: ctx.webhookUrl('default'), allowed_updates: allowedUpdates(updatesOf(ctx), ctx.node.typeVersion), secret_token: tokenOf(ctx) };
    if (ctx.node.typeVersion >= 1.3) body.drop_pending_updates = true;
    await withTelegram(ctx, (call, credentials) => callTelegram(call, credentials, 'setWebhook', { body }));
    return true;
  },
  async delete(ctx: TriggerContext): Promise<boolean> {
    try {
      await withTelegram(ctx, (call, credentials) => callTelegram(call, credentials, 'deleteWebhook'));
      return true;
    } catch {
      return false;
    }
  },
};

function secretMatches(expected: string, given: unknown): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(String(Array.isArray(given) ? given[0] : (given ?? '')));
  return a.length === b.length && timingSafeEqual(a, b);
}

async function webhook(ctx: WebhookContext): Promise<WebhookAnswer> {
  const { call } = ctx;
  if (ctx.node.typeVersion > 1 && !secretMatches(tokenOf(ctx), call.headers['x-telegram-bot-api-secret-token'])) {
    call.res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' });
    call.res.end(JSON.stringify({ message: 'Provided secret is not valid' }));
    return { noWebhookResponse: true };
  }
  const update = (call.body && typeof call.body === 'object' ? call.body : {}) as JsonObject;
  const fields = collection(ctx, 'additionalFields', 0);
  // n8n checks the chat and user restrictions only when no file is downloaded; here they always apply.
  if (!startsRun(update, updatesOf(ctx), fields, ctx.node.typeVersion)) return {};
  const item: Item = { json: update };
  const fileId = fields.download ? fileToDownload(update, String(fields.imageSize ?? 'large')) : undefined;
  if (fileId) {
    item.binary = await withTelegram(ctx, async (api, credentials) => {
      const answer = await callTelegram(api, credentials, 'getFile', { httpMethod: 'GET', query: { file_id: fileId } });
      const filePath = String((answer.result as JsonObject | undefined)?.file_path ?? '');
      const content = await downloadTelegramFile(api, credentials, filePath);
      const fileName = filePath.split('/').pop() ?? filePath;
      return { data: prepareBinaryData(content, fileName, mimeTypeOf(fileName)) };
    });
  }
  return { workflowData: [[item]] };
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  // The update the webhook received passes through; a plain manual run with no call gets one empty item.
  const items = ctx.getInputData();
  return [items.length ? items : [{ json: {} }]];
}

export const telegramTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.telegramTrigger',
    displayName: 'Telegram Trigger',
    icon: 'fa:paper-plane',
    group: ['trigger'],
    version: [1, 1.1, 1.2, 1.3, 1.4, 1.5],
    description: 'Starts the workflow on a Telegram update',
    defaults: { name: 'Telegram Trigger' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'telegramApi', required: true }],
    triggerKind: 'webhook',
    properties: telegramTriggerProperties,
  },
  execute,
  triggers: {
    webhooks: () => [{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', isFullPath: false }],
    webhook,
    webhookSetup,
  },
};
