// Telegram's "Send and wait for response" (message: sendAndWait): a Markdown message with an inline
// keyboard of link buttons (sendMessage), then the run parks until a link is used or the limit passes.
import type { ExecuteContext, Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { ATTRIBUTION_TEXT, checkResponseType, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { param } from '../shared/params.ts';
import { callTelegram, type TelegramCall, type TelegramCredentials } from './telegram-api.ts';

const LABELS = { approve: '✅ Approve', disapprove: '❌ Decline' };

export const telegramSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([
  { displayName: 'Chat ID', name: 'chatId', type: 'string', default: '', required: true, description: 'The chat’s numeric ID or a channel’s @username' },
], 'message', [], { noButtonStyle: true, noSubject: true, defaultApproveLabel: LABELS.approve, defaultDisapproveLabel: LABELS.disapprove });

/** n8n's createSendAndWaitMessageBody for Telegram: the attribution unless switched off. */
export function telegramSendAndWaitBody(ctx: ExecuteContext): JsonObject {
  const config = sendAndWaitConfig(ctx, LABELS);
  const text = config.appendAttribution !== false ? `${config.message}\n\n_${ATTRIBUTION_TEXT}_` : config.message;
  return {
    chat_id: param(ctx, 'chatId', 0, ''),
    text,
    disable_web_page_preview: true,
    parse_mode: 'Markdown',
    reply_markup: { inline_keyboard: [config.options.map((o) => ({ text: o.label, url: o.url }))] },
  };
}

/** Sends the message once (for the first item) and parks the run; the input passes on. */
export async function telegramSendAndWait(ctx: ExecuteContext, call: TelegramCall, credentials: TelegramCredentials): Promise<Item[][]> {
  checkResponseType(ctx);
  await callTelegram(call, credentials, 'sendMessage', { body: telegramSendAndWaitBody(ctx) });
  return waitForResponse(ctx);
}
