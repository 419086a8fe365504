// Discord v2's "Send and Wait for Response" (message: sendAndWait): an embed with the message and a
// row of link buttons, sent to a channel or a user's DM; then the run parks until a link is used.
import { NodeOperationError, type Item, type JsonObject, type NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { ATTRIBUTION_TEXT, checkResponseType, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { param } from '../shared/params.ts';
import { discordRequest } from './discord-api.ts';
import { channelId, type V2Context } from './discord-v2-operations.ts';
import { locatorValue } from './discord-values.ts';

const LABELS = { approve: '✓ Approve', disapprove: '✗ Decline' };

const locator = (displayName: string, name: string, method: string, show: Record<string, unknown[]>): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: name === 'channelId',
  displayOptions: { show, hide: { authentication: ['webhook'] } },
  modes: [
    { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: method, searchable: true } },
    { displayName: 'By ID', name: 'id', type: 'string' },
  ],
});

export const discordSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([
  { displayName: 'Send To', name: 'sendTo', type: 'options', default: 'channel', description: 'Send message to a channel or DM to a user',
    options: [{ name: 'User', value: 'user' }, { name: 'Channel', value: 'channel' }] },
  locator('User', 'userId', 'userSearch', { sendTo: ['user'] }),
  locator('Channel', 'channelId', 'textChannelSearch', { sendTo: ['channel'] }),
], 'message', [], { noButtonStyle: true, noSubject: true, defaultApproveLabel: LABELS.approve, defaultDisapproveLabel: LABELS.disapprove });

/** n8n's createSendAndWaitMessageBody for Discord: link buttons (style 5), the attribution unless off. */
export function discordSendAndWaitBody(v2: V2Context): JsonObject {
  const config = sendAndWaitConfig(v2.client.ctx, LABELS);
  const description = config.appendAttribution !== false ? `${config.message}\n\n_${ATTRIBUTION_TEXT}_` : config.message;
  return {
    embeds: [{ description, color: 5814783 }],
    components: [{ type: 1, components: config.options.map((o) => ({ type: 2, style: 5, label: o.label, url: o.url })) }],
  };
}

/** Sends the message once (for the first item) and parks the run; the input passes on. */
export async function discordSendAndWait(v2: V2Context): Promise<Item[][]> {
  const { ctx } = v2.client;
  checkResponseType(ctx);
  const body = discordSendAndWaitBody(v2);
  let target = '';
  if (param(ctx, 'sendTo', 0, 'channel') === 'user') {
    const dm = await discordRequest(v2.client, { method: 'POST', path: '/users/@me/channels', json: { recipient_id: locatorValue(ctx, 'userId', 0) } }) as JsonObject;
    target = String(dm.id ?? '');
  } else {
    target = locatorValue(ctx, 'channelId', 0);
  }
  if (!target) throw new NodeOperationError(ctx.node.name, 'Channel ID is required', { itemIndex: 0 });
  await channelId(v2, 0, target);
  await discordRequest(v2.client, { method: 'POST', path: `/channels/${target}/messages`, json: body });
  return waitForResponse(ctx);
}
