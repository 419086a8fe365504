// Outlook v2's "Send and Wait for Response" (message: sendAndWait): an HTML email with one button
// (a signed link) per answer, sent with Graph's sendMail; then the run parks until a link is used.
import type { ExecuteContext, Item, JsonObject, NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { checkResponseType, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { emailBody } from '../shared/send-and-wait/send-and-wait-pages.ts';
import { param } from '../shared/params.ts';
import { graphCall, type GraphClient } from './microsoft-outlook-api.ts';

export const outlookSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([
  { displayName: 'To', name: 'toRecipients', type: 'string', default: '', required: true, description: 'Comma-separated list of email addresses of recipients' },
]);

/** The Graph message: the escaped subject, the HTML body; the attribution only when switched on (n8n's Outlook reads it so). */
export function outlookSendAndWaitMessage(ctx: ExecuteContext): JsonObject {
  const config = sendAndWaitConfig(ctx);
  const to = String(param<unknown>(ctx, 'toRecipients', 0, '') ?? '');
  return {
    subject: config.title,
    body: { contentType: 'html', content: emailBody(config.message, config.options, config.appendAttribution === true) },
    toRecipients: to.split(',').map((address) => address.trim()).filter(Boolean).map((address) => ({ emailAddress: { address } })),
  };
}

/** Sends the email once (for the first item) and parks the run; the input passes on. */
export async function outlookSendAndWait(client: GraphClient): Promise<Item[][]> {
  checkResponseType(client.ctx);
  await graphCall(client, 'POST', `${client.mailbox}/sendMail`, { message: outlookSendAndWaitMessage(client.ctx) });
  return waitForResponse(client.ctx);
}
