// Teams v2's "Send and Wait for Response" (chatMessage: sendAndWait): an HTML chat message with
// one signed link per answer, posted to the chat; then the run parks until a link is used.
import type { Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { ATTRIBUTION_TEXT, checkResponseType, escapeHtml, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { graphRequest, segment, type TeamsClient } from './microsoft-teams-api.ts';
import { chatLocator, locatorValue } from './microsoft-teams-locators.ts';

/** n8n's labels for Teams' buttons; chats have no subject and no button styles. */
const LABELS = { approve: '✓ Approve', disapprove: '✗ Decline' };

export const teamsSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([chatLocator], 'chatMessage', [],
  { noButtonStyle: true, noSubject: true, defaultApproveLabel: LABELS.approve, defaultDisapproveLabel: LABELS.disapprove });

/** The chatMessage body: the message, its links side by side, the attribution only when switched on (as n8n's Teams reads it). */
export function teamsSendAndWaitBody(client: TeamsClient): JsonObject {
  const config = sendAndWaitConfig(client.ctx, LABELS);
  const links = config.options.map((option) => `<a href="${escapeHtml(option.url)}">${option.label}</a>`);
  let content = `${config.message}<br><br>${links.join(' ')}`;
  if (config.appendAttribution) content += `<br><br><em>${ATTRIBUTION_TEXT}</em>`;
  return { body: { contentType: 'html', content } };
}

/** Posts the message once (for the first item) and parks the run; the input passes on. */
export async function teamsSendAndWait(client: TeamsClient): Promise<Item[][]> {
  checkResponseType(client.ctx);
  const chatId = locatorValue(client.ctx.getNodeParameter('chatId', 0, ''));
  await graphRequest(client, 'POST', `/v1.0/chats/${segment(chatId)}/messages`, { body: teamsSendAndWaitBody(client) });
  return waitForResponse(client.ctx);
}
