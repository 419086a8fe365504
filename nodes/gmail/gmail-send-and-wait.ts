// Gmail v2's "Send and Wait for Response" (message: sendAndWait): an HTML email with one button
// (a signed link) per answer to a single address; then the run parks until a link is used.
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty } from '../../engine/index.ts';
import { sendAndWaitProperties } from '../shared/send-and-wait/send-and-wait.description.ts';
import { checkResponseType, sendAndWaitConfig, waitForResponse } from '../shared/send-and-wait/send-and-wait-config.ts';
import { emailBody } from '../shared/send-and-wait/send-and-wait-pages.ts';
import { param } from '../shared/params.ts';
import { gmail } from './gmail-api.ts';
import type { GoogleClient } from './google-call.ts';
import { encodeEmail, type OutgoingEmail } from './gmail-mime.ts';

export const gmailSendAndWaitProperties: NodeProperty[] = sendAndWaitProperties([
  { displayName: 'To', name: 'sendTo', type: 'string', default: '', required: true, placeholder: 'e.g. info@example.com' },
]);

/** n8n's createEmail: one recipient only, the escaped subject, the HTML body with the buttons. */
export function sendAndWaitEmail(ctx: ExecuteContext): OutgoingEmail {
  const to = String(param<unknown>(ctx, 'sendTo', 0, '') ?? '').trim();
  const config = sendAndWaitConfig(ctx);
  if (!to.includes('@') || (to.match(/@/g) ?? []).length > 1) {
    throw new NodeOperationError(ctx.node.name, 'Invalid email address', {
      description: `The email address '${to}' in the 'To' field isn't valid or contains multiple addresses. Please provide only a single email address.`,
      itemIndex: 0,
    });
  }
  return { to, subject: config.title, html: emailBody(config.message, config.options, config.appendAttribution !== false) };
}

/** Sends the email once (for the first item) and parks the run; the input passes on. */
export async function gmailSendAndWait(client: GoogleClient): Promise<Item[][]> {
  checkResponseType(client.ctx);
  const email = sendAndWaitEmail(client.ctx);
  await gmail(client, 'POST', '/messages/send', { body: { raw: await encodeEmail(email) } });
  return waitForResponse(client.ctx);
}
