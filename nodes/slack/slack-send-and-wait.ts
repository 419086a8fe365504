// Slack v2's "Send Message and Wait for Response" (message: sendAndWait): a Block Kit message with
// one link button per answer, sent with chat.postMessage; then the run parks until a link is used.
import type { ExecuteContext, Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { ATTRIBUTION_TEXT, checkResponseType, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, type SlackClient } from './slack-api.ts';
import { channelLocator, userLocator } from './slack-properties.ts';
import { messageTarget } from './slack-values.ts';

export const slackSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([
  { displayName: 'Send Message To', name: 'select', type: 'options', required: true, default: '', placeholder: 'Select...',
    options: [{ name: 'Channel', value: 'channel' }, { name: 'User', value: 'user' }] },
  channelLocator({ show: { select: ['channel'] } }, 'The Slack channel to send to'),
  userLocator({ show: { select: ['user'] } }),
], 'message', [], { noSubject: true });

/** n8n's createSendAndWaitMessageBody for Slack. */
export function slackSendAndWaitBody(ctx: ExecuteContext): JsonObject {
  const config = sendAndWaitConfig(ctx);
  const blocks: JsonObject[] = [
    { type: 'divider' },
    // Markdown from v2.3 (n8n sends plain text with emoji before).
    { type: 'section', text: ctx.node.typeVersion > 2.2 ? { type: 'mrkdwn', text: config.message } : { type: 'plain_text', text: config.message, emoji: true } },
    { type: 'section', text: { type: 'plain_text', text: ' ' } },
    { type: 'divider' },
    {
      type: 'actions',
      elements: config.options.map((o) => ({ type: 'button', ...(o.style === 'primary' ? { style: 'primary' } : {}), text: { type: 'plain_text', text: o.label, emoji: true }, url: o.url })),
    },
  ];
  // Slack appends the attribution only when the option is switched on (its n8n code reads it so).
  if (config.appendAttribution) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `_${ATTRIBUTION_TEXT}_` } });
  const body: JsonObject = { channel: messageTarget(ctx, 0, param(ctx, 'select', 0, 'channel')), blocks };
  const reply = ((collection(ctx, 'options', 0).thread_ts as JsonObject | undefined)?.replyValues ?? {}) as JsonObject;
  if (reply.thread_ts) body.thread_ts = String(reply.thread_ts);
  if (reply.reply_broadcast !== undefined) body.reply_broadcast = reply.reply_broadcast;
  return body;
}

/** Sends the message once (for the first item) and parks the run; the input passes on. */
export async function slackSendAndWait(client: SlackClient): Promise<Item[][]> {
  checkResponseType(client.ctx);
  await slackRequest(client, { method: 'POST', path: '/chat.postMessage', json: slackSendAndWaitBody(client.ctx) });
  return waitForResponse(client.ctx);
}
