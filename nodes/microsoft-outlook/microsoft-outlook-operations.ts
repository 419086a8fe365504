// The Outlook node's operations on Microsoft Graph: which call each makes and what it outputs
// (n8n v2: `{success: true}` for sends, moves and deletes; simplified messages unless raw).
import { NodeOperationError, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import { mimeTypeOf } from '../telegram/mime-types.ts';
import { graphCall, graphRequest, graphRequestAll, type GraphClient } from './microsoft-outlook-api.ts';

export type Out = JsonObject | JsonObject[] | Item;

export function locatorValue(value: unknown): string {
  if (value && typeof value === 'object' && '__rl' in value) return String((value as { value?: unknown }).value ?? '');
  return String(value ?? '');
}

const recipients = (value: unknown) => String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((address) => ({ emailAddress: { address } }));
const SIMPLE = ['id', 'conversationId', 'subject', 'bodyPreview', 'from', 'toRecipients', 'categories', 'hasAttachments'];

/** A Graph message from the node's fields (n8n's createMessage). */
function messageFrom(fields: JsonObject): JsonObject {
  const message: JsonObject = {};
  if (fields.subject !== undefined) message.subject = fields.subject;
  if (fields.bodyContent !== undefined) message.body = { contentType: fields.bodyContentType ?? 'html', content: fields.bodyContent };
  for (const key of ['toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo']) if (fields[key]) message[key] = recipients(fields[key]);
  if (fields.from) message.from = { emailAddress: { address: fields.from } };
  if (fields.importance) message.importance = fields.importance;
  if (fields.isReadReceiptRequested !== undefined) message.isReadReceiptRequested = fields.isReadReceiptRequested;
  if (fields.isRead !== undefined) message.isRead = fields.isRead;
  if (fields.categories) message.categories = Array.isArray(fields.categories) ? fields.categories : String(fields.categories).split(',').map((s) => s.trim());
  return message;
}

function attachmentsFrom(client: GraphClient, item: Item, names: unknown, i: number): JsonObject[] {
  return String(names ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    const { buffer, binary } = binaryBuffer(client.ctx.node.name, item, name, i);
    return { '@odata.type': '#microsoft.graph.fileAttachment', name: binary.fileName ?? name, contentBytes: buffer.toString('base64') };
  });
}

function selectFor(client: GraphClient, i: number): JsonObject {
  const output = param(client.ctx, 'output', i, 'simple');
  if (output === 'raw') return {};
  if (output === 'fields') return { $select: (param<unknown>(client.ctx, 'fields', i, []) as string[]).join(',') };
  return { $select: SIMPLE.join(',') };
}

const odata = (value: string) => value.replace(/'/g, "''");

function messageFilter(client: GraphClient, i: number): { query: JsonObject; folders: string[] } {
  const values = (collection(client.ctx, 'filtersUI', i).values ?? {}) as JsonObject;
  if (values.filterBy === 'search' && values.search) return { query: { $search: `"${String(values.search)}"` }, folders: [] };
  const filters = (values.filters ?? {}) as JsonObject;
  const parts: string[] = [];
  if (filters.custom) parts.push(String(filters.custom));
  if (filters.hasAttachments !== undefined) parts.push(`hasAttachments eq ${String(filters.hasAttachments)}`);
  if (filters.readStatus === 'unread') parts.push('isRead eq false');
  if (filters.readStatus === 'read') parts.push('isRead eq true');
  if (filters.receivedAfter) parts.push(`receivedDateTime ge ${new Date(String(filters.receivedAfter)).toISOString()}`);
  if (filters.receivedBefore) parts.push(`receivedDateTime le ${new Date(String(filters.receivedBefore)).toISOString()}`);
  if (filters.sender) {
    const s = odata(String(filters.sender));
    parts.push(String(filters.sender).includes('@') ? `from/emailAddress/address eq '${s}'` : `from/emailAddress/name eq '${s}'`);
  }
  return { query: parts.length ? { $filter: parts.join(' and ') } : {}, folders: Array.isArray(filters.foldersToInclude) ? (filters.foldersToInclude as string[]) : [] };
}

const some = (client: GraphClient, i: number) => (param(client.ctx, 'returnAll', 0, false) ? undefined : param(client.ctx, 'limit', i, 50));
const success = { success: true };

async function message(client: GraphClient, operation: string, item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const box = client.mailbox;
  const id = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'messageId', i, '')));
  switch (operation) {
    case 'send': {
      const fields = collection(ctx, 'additionalFields', i);
      const msg = messageFrom({ ...fields, toRecipients: param<unknown>(ctx, 'toRecipients', i, ''), subject: param<unknown>(ctx, 'subject', i, ''), bodyContent: param<unknown>(ctx, 'bodyContent', i, '') });
      if (fields.attachments) msg.attachments = attachmentsFrom(client, item, fields.attachments, i);
      await graphCall(client, 'POST', `${box}/sendMail`, { message: msg, saveToSentItems: fields.saveToSentItems ?? true });
      return success;
    }
    case 'reply': {
      const fields = collection(ctx, 'additionalFields', i);
      const action = param(ctx, 'replyToSenderOnly', i, false) ? 'createReply' : 'createReplyAll';
      const draft = await graphRequest(client, 'POST', `${box}/messages/${id()}/${action}`, { comment: param<unknown>(ctx, 'message', i, '') });
      const patch = messageFrom(fields);
      if (fields.attachments) patch.attachments = attachmentsFrom(client, item, fields.attachments, i);
      if (Object.keys(patch).length) await graphCall(client, 'PATCH', `${box}/messages/${encodeURIComponent(String(draft.id))}`, patch);
      if (!param(ctx, 'send', i, true)) return draft;
      await graphCall(client, 'POST', `${box}/messages/${encodeURIComponent(String(draft.id))}/send`);
      return success;
    }
    case 'get': {
      const msg = await graphRequest(client, 'GET', `${box}/messages/${id()}`, undefined, selectFor(client, i));
      const options = collection(ctx, 'options', i);
      if (!options.downloadAttachments) return msg;
      const out: Item = { json: msg, binary: {} };
      const list = await graphRequestAll(client, `${box}/messages/${id()}/attachments`, { $select: 'id,name,contentType' });
      for (const [n, a] of list.entries()) {
        const raw = await graphCall(client, 'GET', `${box}/messages/${id()}/attachments/${encodeURIComponent(String(a.id))}/$value`);
        (out.binary as Record<string, unknown>)[`${String(options.attachmentsPrefix ?? 'attachment_')}${n}`] = prepareBinaryData(raw.body, String(a.name), String(a.contentType ?? mimeTypeOf(String(a.name))));
      }
      return out;
    }
    case 'getAll': {
      const { query, folders } = messageFilter(client, i);
      const select = selectFor(client, i);
      const limit = some(client, i);
      if (!folders.length) return graphRequestAll(client, `${box}/messages`, { ...query, ...select }, limit);
      const all: JsonObject[] = [];
      for (const folder of folders) all.push(...await graphRequestAll(client, `${box}/mailFolders/${encodeURIComponent(folder)}/messages`, { ...query, ...select }, limit));
      return limit === undefined ? all : all.slice(0, limit);
    }
    case 'update': return graphRequest(client, 'PATCH', `${box}/messages/${id()}`, messageFrom(collection(ctx, 'updateFields', i)));
    case 'delete':
      await graphCall(client, 'DELETE', `${box}/messages/${id()}`);
      return success;
    case 'move':
      await graphCall(client, 'POST', `${box}/messages/${id()}/move`, { destinationId: locatorValue(param<unknown>(ctx, 'folderId', i, '')) });
      return success;
  }
  return unsupported(client, 'message', operation, i);
}

async function draft(client: GraphClient, operation: string, item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const box = client.mailbox;
  const id = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'draftId', i, '')));
  switch (operation) {
    case 'create': {
      const fields = collection(ctx, 'additionalFields', i);
      const msg = messageFrom({ ...fields, subject: param<unknown>(ctx, 'subject', i, ''), bodyContent: param<unknown>(ctx, 'bodyContent', i, '') });
      if (fields.attachments) msg.attachments = attachmentsFrom(client, item, fields.attachments, i);
      return graphRequest(client, 'POST', `${box}/messages`, msg);
    }
    case 'get': return graphRequest(client, 'GET', `${box}/messages/${id()}`);
    case 'update': return graphRequest(client, 'PATCH', `${box}/messages/${id()}`, messageFrom(collection(ctx, 'updateFields', i)));
    case 'delete':
      await graphCall(client, 'DELETE', `${box}/messages/${id()}`);
      return success;
    case 'send': {
      const to = collection(ctx, 'additionalFields', i).to;
      if (to) await graphCall(client, 'PATCH', `${box}/messages/${id()}`, { toRecipients: recipients(to) });
      await graphCall(client, 'POST', `${box}/messages/${id()}/send`);
      return success;
    }
  }
  return unsupported(client, 'draft', operation, i);
}

async function folder(client: GraphClient, operation: string, _item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const box = client.mailbox;
  const id = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'folderId', i, '')));
  switch (operation) {
    case 'create': {
      const parent = locatorValue(collection(ctx, 'options', i).folderId);
      const path = parent ? `${box}/mailFolders/${encodeURIComponent(parent)}/childFolders` : `${box}/mailFolders`;
      return graphRequest(client, 'POST', path, { displayName: param<unknown>(ctx, 'displayName', i, '') });
    }
    case 'get': return graphRequest(client, 'GET', `${box}/mailFolders/${id()}`);
    case 'getAll': return graphRequestAll(client, `${box}/mailFolders`, {}, some(client, i));
    case 'update': return graphRequest(client, 'PATCH', `${box}/mailFolders/${id()}`, collection(ctx, 'updateFields', i));
    case 'delete':
      await graphCall(client, 'DELETE', `${box}/mailFolders/${id()}`);
      return success;
  }
  return unsupported(client, 'folder', operation, i);
}

function eventFrom(fields: JsonObject): JsonObject {
  const zone = String(fields.timeZone ?? 'UTC');
  const event: JsonObject = {};
  if (fields.subject !== undefined) event.subject = fields.subject;
  if (fields.body) event.body = { contentType: 'html', content: fields.body };
  if (fields.startDateTime) event.start = { dateTime: String(fields.startDateTime), timeZone: zone };
  if (fields.endDateTime) event.end = { dateTime: String(fields.endDateTime), timeZone: zone };
  if (fields.location) event.location = { displayName: fields.location };
  if (fields.isAllDay !== undefined) event.isAllDay = fields.isAllDay;
  return event;
}

async function event(client: GraphClient, operation: string, _item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const calendar = locatorValue(param<unknown>(ctx, 'calendarId', i, ''));
  const base = calendar ? `${client.mailbox}/calendars/${encodeURIComponent(calendar)}/events` : `${client.mailbox}/events`;
  const id = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'eventId', i, '')));
  switch (operation) {
    case 'create': return graphRequest(client, 'POST', base, eventFrom({ ...collection(ctx, 'additionalFields', i), subject: param<unknown>(ctx, 'subject', i, ''),
      startDateTime: param<unknown>(ctx, 'startDateTime', i, ''), endDateTime: param<unknown>(ctx, 'endDateTime', i, '') }));
    case 'get': return graphRequest(client, 'GET', `${base}/${id()}`);
    case 'getAll': {
      const custom = collection(ctx, 'filters', i).custom;
      return graphRequestAll(client, base, custom ? { $filter: custom } : {}, some(client, i));
    }
    case 'update': return graphRequest(client, 'PATCH', `${base}/${id()}`, eventFrom(collection(ctx, 'updateFields', i)));
    case 'delete':
      await graphCall(client, 'DELETE', `${base}/${id()}`);
      return success;
  }
  return unsupported(client, 'event', operation, i);
}

function contactFrom(fields: JsonObject): JsonObject {
  const contact: JsonObject = { ...fields };
  if (typeof fields.businessPhones === 'string') contact.businessPhones = fields.businessPhones.split(',').map((s) => s.trim());
  if (typeof fields.emailAddresses === 'string') contact.emailAddresses = fields.emailAddresses.split(',').map((address) => ({ address: address.trim() }));
  return contact;
}

async function contact(client: GraphClient, operation: string, _item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const box = client.mailbox;
  const id = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'contactId', i, '')));
  switch (operation) {
    case 'create': return graphRequest(client, 'POST', `${box}/contacts`,
      contactFrom({ givenName: param<unknown>(ctx, 'givenName', i, ''), ...(param<unknown>(ctx, 'surname', i, '') ? { surname: param<unknown>(ctx, 'surname', i, '') } : {}), ...collection(ctx, 'additionalFields', i) }));
    case 'get': return graphRequest(client, 'GET', `${box}/contacts/${id()}`);
    case 'getAll': return graphRequestAll(client, `${box}/contacts`, {}, some(client, i));
    case 'update': return graphRequest(client, 'PATCH', `${box}/contacts/${id()}`, contactFrom(collection(ctx, 'updateFields', i)));
    case 'delete':
      await graphCall(client, 'DELETE', `${box}/contacts/${id()}`);
      return success;
  }
  return unsupported(client, 'contact', operation, i);
}

async function messageAttachment(client: GraphClient, operation: string, item: Item, i: number): Promise<Out> {
  const { ctx } = client;
  const base = `${client.mailbox}/messages/${encodeURIComponent(locatorValue(param<unknown>(ctx, 'messageId', i, '')))}/attachments`;
  const attachment = () => encodeURIComponent(locatorValue(param<unknown>(ctx, 'attachmentId', i, '')));
  switch (operation) {
    case 'add': {
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, i);
      const name = String(collection(ctx, 'options', i).fileName || binary.fileName || property);
      await graphCall(client, 'POST', base, { '@odata.type': '#microsoft.graph.fileAttachment', name, contentBytes: buffer.toString('base64') });
      return success;
    }
    case 'get': return graphRequest(client, 'GET', `${base}/${attachment()}`, undefined, { $select: 'id,lastModifiedDateTime,name,contentType,size,isInline' });
    case 'getAll': return graphRequestAll(client, base, { $select: 'id,lastModifiedDateTime,name,contentType,size,isInline' }, some(client, i));
    case 'download': {
      const meta = await graphRequest(client, 'GET', `${base}/${attachment()}`, undefined, { $select: 'id,name,contentType' });
      const raw = await graphCall(client, 'GET', `${base}/${attachment()}/$value`);
      const name = String(meta.name ?? 'attachment');
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      return { json: item.json, binary: { ...(item.binary ?? {}), [property]: prepareBinaryData(raw.body, name, String(meta.contentType ?? mimeTypeOf(name))) } };
    }
  }
  return unsupported(client, 'messageAttachment', operation, i);
}

function unsupported(client: GraphClient, resource: string, operation: string, itemIndex: number): never {
  throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" is not supported for resource "${resource}"`, { itemIndex });
}

export const OUTLOOK_RESOURCES: Record<string, (client: GraphClient, operation: string, item: Item, i: number) => Promise<Out>> = {
  message, draft, folder, event, contact, messageAttachment,
};
export const DEFAULT_OPERATION: Record<string, string> = { message: 'send', draft: 'create', folder: 'create', event: 'create', contact: 'create', messageAttachment: 'add' };
