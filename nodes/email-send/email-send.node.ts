// Send Email (n8n-nodes-base.emailSend v2, 2.1): sends one email per item over SMTP (nodemailer),
// as text, HTML or both, with CC/BCC/Reply-To and attachments taken from the item's binary
// properties. The output item is nodemailer's send report (accepted, rejected, messageId, …), as
// in n8n. Send and Wait for Approval (sendAndWait, n8n 1.7x) is not available here.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { errorMessage } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { emailSendProperties } from './email-send.description.ts';
import { withTransport } from './smtp-transport.ts';

interface SendOptions {
  appendAttribution?: boolean;
  attachments?: string;
  ccEmail?: string;
  bccEmail?: string;
  allowUnauthorizedCerts?: boolean;
  replyTo?: string;
}

// n8n's wording and layout, naming this product instead of n8n.
const ATTRIBUTION = 'This email was sent automatically with Weft';

function withAttribution(mail: JsonObject, format: string): void {
  if (format === 'html' || (format === 'both' && mail.html)) {
    mail.html = `${String(mail.html ?? '')}<br><br>---<br><em>${ATTRIBUTION}</em>`;
  } else {
    mail.text = `${String(mail.text ?? '')}\n\n---\n${ATTRIBUTION}`;
  }
}

/** n8n's attachments: each named binary property, its name doubling as the content id (cid:). */
function attachmentsOf(ctx: ExecuteContext, item: Item, names: string, itemIndex: number) {
  if (!names || !item.binary) return undefined;
  const list = names.split(',').map((name) => name.trim()).filter(Boolean).map((name) => {
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, name, itemIndex);
    return { filename: binary.fileName || 'unknown', content: buffer, contentType: binary.mimeType, cid: name };
  });
  return list.length ? list : undefined;
}

async function sendOne(ctx: ExecuteContext, item: Item, i: number, credential: Record<string, unknown>): Promise<JsonObject> {
  const v2 = ctx.node.typeVersion < 2.1;
  const format = param(ctx, 'emailFormat', i, v2 ? 'text' : 'html');
  const options = collection(ctx, 'options', i) as SendOptions;
  const mail: JsonObject = {
    from: param(ctx, 'fromEmail', i, ''),
    to: param(ctx, 'toEmail', i, ''),
    cc: options.ccEmail,
    bcc: options.bccEmail,
    subject: param(ctx, 'subject', i, ''),
    replyTo: options.replyTo,
  };
  if (format === 'text' || format === 'both') mail.text = param(ctx, 'text', i, '');
  if (format === 'html' || format === 'both') mail.html = param(ctx, 'html', i, '');
  // n8n: unset means on from 2.1, off before.
  if (options.appendAttribution ?? !v2) withAttribution(mail, format);
  const attachments = attachmentsOf(ctx, item, options.attachments ?? '', i);
  if (attachments) mail.attachments = attachments;
  const info = await withTransport(credential, options.allowUnauthorizedCerts === true, (transport) => transport.sendMail(mail));
  return JSON.parse(JSON.stringify(info)) as JsonObject;
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const operation = param(ctx, 'operation', 0, 'send');
  if (operation !== 'send') {
    throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported`, { description: 'Only "Send" is available here' });
  }
  const items = ctx.getInputData();
  const credential = await ctx.credentials.get('smtp');
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      out.push({ json: await sendOne(ctx, items[i], i, credential), pairedItem: { item: i } });
    } catch (error) {
      if (ctx.continueOnFail()) {
        out.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
        continue;
      }
      if (error instanceof NodeOperationError) throw error;
      throw new NodeOperationError(ctx.node.name, errorMessage(error), {
        itemIndex: i, description: smtpHint(error),
      });
    }
  }
  return [out];
}

/** A hint for the usual SMTP failures, from nodemailer's error code. */
function smtpHint(error: unknown): string | undefined {
  const code = (error as { code?: string }).code;
  if (code === 'EAUTH') return 'The SMTP server refused the user name or password of the credential';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT') return 'Check the host, port and SSL/TLS setting of the SMTP credential';
  if (code === 'EENVELOPE') return 'The server refused the sender or a recipient';
  return undefined;
}

export const emailSendNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.emailSend',
    displayName: 'Send Email',
    icon: 'fa:envelope',
    group: ['output'],
    version: [2, 2.1],
    description: 'Sends an email using SMTP protocol',
    defaults: { name: 'Send Email', color: '#00bb88' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'smtp', required: true }],
    properties: emailSendProperties,
  },
  execute,
};
