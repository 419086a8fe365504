// Gmail V2 (typeVersions 2, 2.1): one Gmail API call (or a few) per item for the message, label,
// draft and thread operations, with n8n's outputs: simplified or parsed messages, `{success: true}`
// for deletions, Gmail's answer otherwise.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import type { GoogleClient } from './google-call.ts';
import { formatQuery, gmail, gmailAll, labelList, messageItems } from './gmail-api.ts';
import { addressList, encodeEmail, listQuery, parseRawMessage, simplifyMessages, type OutgoingEmail } from './gmail-mime.ts';

const ATTRIBUTION = 'This email was sent automatically with Weft';

/** The body as n8n builds it: trimmed text or HTML, with the attribution unless switched off. */
function body(ctx: ExecuteContext, i: number, options: JsonObject, withAttribution: boolean): { text?: string; html?: string } {
  const type = param(ctx, 'emailType', i, ctx.node.typeVersion < 2.1 ? 'text' : 'html');
  let message = String(param(ctx, 'message', i, '')).trim();
  if (withAttribution && options.appendAttribution !== false) {
    message = type === 'html' ? `${message}<br><br>---<br><em>${ATTRIBUTION}</em>` : `${message}\n\n---\n${ATTRIBUTION}`;
  }
  return type === 'html' ? { html: message } : { text: message };
}

/** The binary properties named in `attachmentsUi` (comma separated names per entry). */
export function attachmentsOf(ctx: ExecuteContext, item: Item, options: JsonObject, i: number): NonNullable<OutgoingEmail['attachments']> {
  const entries = ((options.attachmentsUi as JsonObject | undefined)?.attachmentsBinary as JsonObject[] | undefined) ?? [];
  return entries.flatMap((entry) => String(entry.property ?? '').split(',').map((name) => name.trim()).filter(Boolean)).map((name) => {
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, name, i);
    return { filename: binary.fileName || 'unknown', content: buffer, contentType: binary.mimeType };
  });
}

async function senderAddress(client: GoogleClient): Promise<string> {
  return String((await gmail(client, 'GET', '/profile')).emailAddress ?? '');
}

async function send(client: GoogleClient, item: Item, i: number): Promise<JsonObject> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  const email: OutgoingEmail = {
    to: addressList(ctx.node.name, String(param(ctx, 'sendTo', i, '')), 'To', i),
    cc: options.ccList ? addressList(ctx.node.name, String(options.ccList), 'CC', i) : '',
    bcc: options.bccList ? addressList(ctx.node.name, String(options.bccList), 'BCC', i) : '',
    replyTo: options.replyTo ? String(options.replyTo) : undefined,
    subject: String(param(ctx, 'subject', i, '')),
    ...body(ctx, i, options, true),
    attachments: attachmentsOf(ctx, item, options, i),
  };
  if (options.senderName) email.from = `${String(options.senderName)} <${await senderAddress(client)}>`;
  return gmail(client, 'POST', '/messages/send', { body: { raw: await encodeEmail(email) } });
}

/** n8n's reply: to the sender (and the other recipients unless told not to), in the same thread. */
async function reply(client: GoogleClient, item: Item, i: number, messageId: string): Promise<JsonObject> {
  const { ctx } = client;
  const options = collection(ctx, 'options', i);
  const original = await gmail(client, 'GET', `/messages/${messageId}`, { query: { format: 'metadata' } });
  const headers = ((original.payload as JsonObject | undefined)?.headers as JsonObject[] | undefined) ?? [];
  const header = (name: string) => String(headers.find((h) => String(h.name).toLowerCase() === name)?.value ?? '');
  const me = await senderAddress(client);
  const wrap = (address: string) => (address.includes('<') && address.includes('>') ? `${address}, ` : `<${address}>, `);
  let to = '';
  for (const h of headers) {
    const name = String(h.name ?? '').toLowerCase();
    if (name === 'from') to += wrap(String(h.value));
    if (name === 'to' && options.replyToSenderOnly !== true) {
      for (const address of String(h.value).split(',')) if (!address.includes(me)) to += wrap(address.trim());
    }
  }
  const messageIdHeader = header('message-id');
  const email: OutgoingEmail = {
    from: options.senderName ? `${String(options.senderName)} <${me}>` : '',
    to,
    cc: options.ccList ? addressList(ctx.node.name, String(options.ccList), 'CC', i) : '',
    bcc: options.bccList ? addressList(ctx.node.name, String(options.bccList), 'BCC', i) : '',
    subject: header('subject'),
    inReplyTo: messageIdHeader,
    references: messageIdHeader,
    ...body(ctx, i, options, true),
    attachments: attachmentsOf(ctx, item, options, i),
  };
  return gmail(client, 'POST', '/messages/send', { body: { raw: await encodeEmail(email), threadId: original.threadId } });
}

const downloadFormat = (options: JsonObject, simple: boolean) => ({
  simple, attachmentPrefix: String(options.dataPropertyAttachmentsPrefixName || 'attachment_'), downloadAttachments: options.downloadAttachments === true,
});

async function listIds(client: GoogleClient, path: string, property: string, query: JsonObject, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  if (param(ctx, 'returnAll', i, false)) return gmailAll(client, path, property, query as Record<string, string>);
  const page = await gmail(client, 'GET', path, { query: { ...(query as Record<string, string>), maxResults: Number(param(ctx, 'limit', i, 50)) } });
  return (page[property] as JsonObject[] | undefined) ?? [];
}

async function messageOperation(client: GoogleClient, operation: string, item: Item, i: number): Promise<Item[] | JsonObject> {
  const { ctx } = client;
  const id = () => String(param(ctx, 'messageId', i, ''));
  const labels = () => param<string[]>(ctx, 'labelIds', i, []);
  switch (operation) {
    case 'send': return send(client, item, i);
    case 'reply': return reply(client, item, i, id());
    case 'get': {
      const simple = param(ctx, 'simple', i, true);
      const message = await gmail(client, 'GET', `/messages/${id()}`, { query: formatQuery(simple) });
      return messageItems(client, [message], downloadFormat(collection(ctx, 'options', i), simple));
    }
    case 'getAll': {
      const simple = param(ctx, 'simple', i, true);
      const options = collection(ctx, 'options', i);
      const found = await listIds(client, '/messages', 'messages', listQuery(ctx.node.name, collection(ctx, 'filters', i)), i);
      const messages: JsonObject[] = [];
      for (const entry of found) messages.push(await gmail(client, 'GET', `/messages/${String(entry.id)}`, { query: formatQuery(simple) }));
      return messageItems(client, messages, downloadFormat(options, simple));
    }
    case 'delete': await gmail(client, 'DELETE', `/messages/${id()}`); return { success: true };
    case 'markAsRead': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { removeLabelIds: ['UNREAD'] } });
    case 'markAsUnread': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { addLabelIds: ['UNREAD'] } });
    case 'addLabels': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { addLabelIds: labels() } });
    case 'removeLabels': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { removeLabelIds: labels() } });
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported for messages`, { itemIndex: i });
  }
}

async function labelOperation(client: GoogleClient, operation: string, i: number): Promise<Item[] | JsonObject> {
  const { ctx } = client;
  const id = () => String(param(ctx, 'labelId', i, ''));
  switch (operation) {
    case 'create': {
      const options = collection(ctx, 'options', i);
      return gmail(client, 'POST', '/labels', { body: {
        labelListVisibility: options.labelListVisibility ?? 'labelShow', messageListVisibility: options.messageListVisibility ?? 'show', name: param(ctx, 'name', i, ''),
      } });
    }
    case 'delete': await gmail(client, 'DELETE', `/labels/${id()}`); return { success: true };
    case 'get': return gmail(client, 'GET', `/labels/${id()}`);
    case 'getAll': {
      const all = ((await gmail(client, 'GET', '/labels')).labels as JsonObject[] | undefined) ?? [];
      const list = param(ctx, 'returnAll', i, false) ? all : all.slice(0, Number(param(ctx, 'limit', i, 50)));
      return list.map((json) => ({ json }));
    }
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported for labels`, { itemIndex: i });
  }
}

/** A draft as n8n outputs it: the parsed message, `id` the draft's and `messageId` the message's. */
async function draftItem(client: GoogleClient, draft: JsonObject, options: JsonObject): Promise<Item> {
  const format = downloadFormat(options, false);
  const item = await parseRawMessage(draft.message as JsonObject, format.attachmentPrefix, format.downloadAttachments);
  item.json = { ...item.json, messageId: item.json.id, id: draft.id };
  return item;
}

async function draftOperation(client: GoogleClient, operation: string, item: Item, i: number): Promise<Item[] | JsonObject> {
  const { ctx } = client;
  const id = () => String(param(ctx, 'messageId', i, ''));
  switch (operation) {
    case 'create': {
      const options = collection(ctx, 'options', i);
      const email: OutgoingEmail = {
        from: options.fromAlias ? String(options.fromAlias) : '',
        to: options.sendTo ? addressList(ctx.node.name, String(options.sendTo), 'To', i) : '',
        cc: options.ccList ? addressList(ctx.node.name, String(options.ccList), 'CC', i) : '',
        bcc: options.bccList ? addressList(ctx.node.name, String(options.bccList), 'BCC', i) : '',
        replyTo: options.replyTo ? String(options.replyTo) : undefined,
        subject: String(param(ctx, 'subject', i, '')),
        ...body(ctx, i, options, false),
        attachments: attachmentsOf(ctx, item, options, i),
      };
      if (options.threadId) {
        // n8n answers the thread's last message: its Message-ID becomes In-Reply-To and References.
        const thread = await gmail(client, 'GET', `/threads/${String(options.threadId)}`, { query: { format: 'metadata', metadataHeaders: ['Message-ID'] } });
        const last = ((thread.messages as JsonObject[] | undefined) ?? []).at(-1);
        const headers = ((last?.payload as JsonObject | undefined)?.headers as JsonObject[] | undefined) ?? [];
        const id = headers.find((h) => /message/i.test(String(h.name)) && /id/i.test(String(h.name)))?.value;
        if (id) email.inReplyTo = email.references = String(id);
      }
      const message: JsonObject = { raw: await encodeEmail(email) };
      if (options.threadId) message.threadId = options.threadId;
      return gmail(client, 'POST', '/drafts', { body: { message } });
    }
    case 'get': {
      const draft = await gmail(client, 'GET', `/drafts/${id()}`, { query: { format: 'raw' } });
      return [await draftItem(client, draft, collection(ctx, 'options', i))];
    }
    case 'delete': await gmail(client, 'DELETE', `/drafts/${id()}`); return { success: true };
    case 'getAll': {
      const options = collection(ctx, 'options', i);
      const query = options.includeSpamTrash ? { includeSpamTrash: true } : {};
      const found = await listIds(client, '/drafts', 'drafts', query, i);
      const items: Item[] = [];
      for (const entry of found) items.push(await draftItem(client, await gmail(client, 'GET', `/drafts/${String(entry.id)}`, { query: { format: 'raw' } }), options));
      return items;
    }
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported for drafts`, { itemIndex: i });
  }
}

async function threadOperation(client: GoogleClient, operation: string, item: Item, i: number): Promise<Item[] | JsonObject> {
  const { ctx } = client;
  const id = () => String(param(ctx, 'threadId', i, ''));
  const labels = () => param<string[]>(ctx, 'labelIds', i, []);
  switch (operation) {
    case 'delete': await gmail(client, 'DELETE', `/threads/${id()}`); return { success: true };
    case 'get': {
      const simple = param(ctx, 'simple', i, true);
      const thread = await gmail(client, 'GET', `/threads/${id()}`, { query: simple ? formatQuery(true) : { format: 'full' } });
      const messages = simplifyMessages((thread.messages as JsonObject[] | undefined) ?? [], await labelList(client));
      if (collection(ctx, 'options', i).returnOnlyMessages) return messages.map((json) => ({ json }));
      return [{ json: { ...thread, messages } }];
    }
    case 'getAll': {
      const found = await listIds(client, '/threads', 'threads', listQuery(ctx.node.name, collection(ctx, 'filters', i)), i);
      return found.map((json) => ({ json }));
    }
    case 'reply': return reply(client, item, i, String(param(ctx, 'messageId', i, '')));
    case 'trash': return gmail(client, 'POST', `/threads/${id()}/trash`);
    case 'untrash': return gmail(client, 'POST', `/threads/${id()}/untrash`);
    case 'addLabels': return gmail(client, 'POST', `/threads/${id()}/modify`, { body: { addLabelIds: labels() } });
    case 'removeLabels': return gmail(client, 'POST', `/threads/${id()}/modify`, { body: { removeLabelIds: labels() } });
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported for threads`, { itemIndex: i });
  }
}

/** One item's operation: items (several messages) or one JSON answer. */
export function runV2Operation(client: GoogleClient, resource: string, operation: string, item: Item, i: number): Promise<Item[] | JsonObject> {
  if (resource === 'message') return messageOperation(client, operation, item, i);
  if (resource === 'label') return labelOperation(client, operation, i);
  if (resource === 'draft') return draftOperation(client, operation, item, i);
  if (resource === 'thread') return threadOperation(client, operation, item, i);
  throw new NodeOperationError(client.ctx.node.name, `The resource "${resource}" is not known`, { itemIndex: i });
}
