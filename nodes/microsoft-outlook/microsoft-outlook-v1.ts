// The legacy Outlook node v1's operations on Microsoft Graph, on the same client as v2: plain ID
// parameters, messages built from whatever fields the user added (n8n v1 passes them through),
// `$select`/`$filter` from "Fields"/"Filter", and `{success: true}` for deletes, moves and sends.
import { NodeOperationError, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { collection, param } from '../shared/params.ts';
import { mimeTypeOf } from '../telegram/mime-types.ts';
import { graphCall, graphRequest, graphRequestAll, type GraphClient } from './microsoft-outlook-api.ts';
import type { Out } from './microsoft-outlook-operations.ts';

const success = { success: true };
/** Graph takes up to 3 MB inline; bigger files go through an upload session in 4 MB pieces (v1's sizes). */
const INLINE_LIMIT = 3e6;
const CHUNK = 4e6;

const recipient = (address: string) => ({ emailAddress: { address } });
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(',')).map((s) => s.trim()).filter(Boolean);

/** n8n v1's createMessage: body from bodyContent/bodyContentType, addresses wrapped, the other fields as given. */
function messageFrom(input: JsonObject): JsonObject {
  const { bodyContent, bodyContentType, internetMessageHeaders, ...fields } = input;
  const message: JsonObject = {};
  if (bodyContent || bodyContentType) message.body = { content: bodyContent, contentType: bodyContentType };
  if (internetMessageHeaders && typeof internetMessageHeaders === 'object' && 'headers' in internetMessageHeaders) {
    fields.internetMessageHeaders = (internetMessageHeaders as JsonObject).headers;
  }
  for (const key of ['bccRecipients', 'ccRecipients', 'replyTo', 'toRecipients']) if (fields[key] !== undefined) fields[key] = list(fields[key]).map(recipient);
  for (const key of ['from', 'sender']) if (fields[key] !== undefined) fields[key] = recipient(String(fields[key]));
  return { ...message, ...fields };
}

function fileAttachments(client: GraphClient, item: Item, value: unknown, i: number): JsonObject[] {
  const entries = ((value as JsonObject | undefined)?.attachments ?? []) as JsonObject[];
  return entries.map((entry) => {
    const { buffer, binary } = binaryBuffer(client.ctx.node.name, item, String(entry.binaryPropertyName ?? ''), i);
    return { '@odata.type': '#microsoft.graph.fileAttachment', name: binary.fileName, contentBytes: buffer.toString('base64') };
  });
}

/** `$select` and `$filter` from the "Fields" and "Filter" additional fields. */
function odata(fields: JsonObject, select?: string): JsonObject {
  const query: JsonObject = select ? { $select: select } : {};
  if (fields.fields) query.$select = fields.fields;
  if (fields.filter) query.$filter = fields.filter;
  return query;
}

async function listed(client: GraphClient, path: string, query: JsonObject, i: number): Promise<JsonObject[]> {
  if (param(client.ctx, 'returnAll', i, false)) return graphRequestAll(client, path, query);
  const answer = await graphRequest(client, 'GET', path, undefined, { ...query, $top: param(client.ctx, 'limit', i, 100) });
  return (answer.value as JsonObject[] | undefined) ?? [];
}

/** "Attachments Prefix": each message with attachments gets them as binary fields `<prefix>0`, `<prefix>1`… */
async function withAttachments(client: GraphClient, messages: JsonObject[], prefix: string): Promise<Item[]> {
  const out: Item[] = [];
  for (const message of messages) {
    const binary: Record<string, ReturnType<typeof prepareBinaryData>> = {};
    if (message.hasAttachments === true) {
      const base = `${client.mailbox}/messages/${encodeURIComponent(String(message.id))}/attachments`;
      for (const [n, a] of (await graphRequestAll(client, base)).entries()) {
        const raw = await graphCall(client, 'GET', `${base}/${encodeURIComponent(String(a.id))}/$value`);
        binary[`${prefix}${n}`] = prepareBinaryData(raw.body, String(a.name), String(a.contentType ?? mimeTypeOf(String(a.name))));
      }
    }
    out.push(Object.keys(binary).length ? { json: message, binary } : { json: message });
  }
  return out;
}

const contentType = (headers: Record<string, string | string[]>) => {
  const value = headers['content-type'];
  return String(Array.isArray(value) ? value[0] : value ?? 'application/octet-stream');
};

async function draftOrMessage(client: GraphClient, resource: string, operation: string, item: Item, i: number): Promise<Out | Item[] | undefined> {
  const { ctx } = client;
  const messages = `${client.mailbox}/messages`;
  const id = () => encodeURIComponent(param(ctx, 'messageId', i, ''));
  switch (operation) {
    case 'delete':
      await graphCall(client, 'DELETE', `${messages}/${id()}`);
      return success;
    case 'get': {
      const fields = collection(ctx, 'additionalFields', i);
      const message = await graphRequest(client, 'GET', `${messages}/${id()}`, undefined, odata(fields));
      return fields.dataPropertyAttachmentsPrefixName ? withAttachments(client, [message], String(fields.dataPropertyAttachmentsPrefixName)) : message;
    }
    case 'update': return graphRequest(client, 'PATCH', `${messages}/${id()}`, messageFrom(collection(ctx, 'updateFields', i)));
  }
  if (resource === 'draft' && operation === 'create') {
    const fields = collection(ctx, 'additionalFields', i);
    const { attachments, ...rest } = fields;
    const body = messageFrom({ ...rest, subject: param(ctx, 'subject', i, ''), bodyContent: param(ctx, 'bodyContent', i, '') || ' ' });
    if (attachments) body.attachments = fileAttachments(client, item, attachments, i);
    return graphRequest(client, 'POST', messages, body);
  }
  if (resource === 'draft' && operation === 'send') {
    const to = list(collection(ctx, 'additionalFields', i).recipients);
    if (to.length) await graphCall(client, 'PATCH', `${messages}/${id()}`, { toRecipients: to.map(recipient) });
    await graphCall(client, 'POST', `${messages}/${id()}/send`);
    return success;
  }
  if (resource !== 'message') return undefined;
  switch (operation) {
    case 'send': {
      const { attachments, saveToSentItems, ...fields } = collection(ctx, 'additionalFields', i);
      const message = messageFrom({ ...fields, toRecipients: param(ctx, 'toRecipients', i, ''), subject: param(ctx, 'subject', i, ''),
        bodyContent: param(ctx, 'bodyContent', i, '') || ' ' });
      if (attachments) message.attachments = fileAttachments(client, item, attachments, i);
      await graphCall(client, 'POST', `${client.mailbox}/sendMail`, { message, saveToSentItems: saveToSentItems ?? true });
      return success;
    }
    case 'reply': {
      const { attachments, ...fields } = collection(ctx, 'additionalFields', i);
      const all = param(ctx, 'replyType', i, 'reply') === 'replyAll';
      const comment = param(ctx, 'comment', i, '');
      // A plain reply may change the message (recipients, body…); reply-all carries only the comment.
      const body = all ? { comment } : { comment, message: messageFrom(fields) };
      const reply = await graphRequest(client, 'POST', `${messages}/${id()}/${all ? 'createReplyAll' : 'createReply'}`, body);
      const replyId = encodeURIComponent(String(reply.id));
      if (!all && attachments) for (const a of fileAttachments(client, item, attachments, i)) await graphCall(client, 'POST', `${messages}/${replyId}/attachments`, a);
      if (param(ctx, 'send', i, true)) await graphCall(client, 'POST', `${messages}/${replyId}/send`);
      return reply;
    }
    case 'getMime': {
      const raw = await graphCall(client, 'GET', `${messages}/${id()}/$value`);
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      return { json: item.json, binary: { ...(item.binary ?? {}), [property]: prepareBinaryData(raw.body, `${param(ctx, 'messageId', i, '')}.eml`, contentType(raw.headers)) } };
    }
    case 'getAll': {
      const fields = collection(ctx, 'additionalFields', i);
      const found = await listed(client, messages, odata(fields), i);
      return fields.dataPropertyAttachmentsPrefixName ? withAttachments(client, found, String(fields.dataPropertyAttachmentsPrefixName)) : found;
    }
    case 'move':
      await graphCall(client, 'POST', `${messages}/${id()}/move`, { destinationId: param(ctx, 'folderId', i, '') });
      return success;
  }
  return undefined;
}

/** Attachments of 3 MB or more: an upload session, then the bytes PUT to its URL (which carries its own auth). */
async function uploadLarge(client: GraphClient, base: string, name: string, buffer: Buffer): Promise<void> {
  const session = await graphRequest(client, 'POST', `${base}/createUploadSession`, { AttachmentItem: { attachmentType: 'file', name, size: buffer.length } });
  if (typeof session.uploadUrl !== 'string') throw new NodeOperationError(client.ctx.node.name, 'Failed to get upload session');
  for (let from = 0; from < buffer.length; from += CHUNK) {
    const to = Math.min(from + CHUNK, buffer.length);
    const response = await sendWaitingOutRateLimits(client.transport, {
      method: 'PUT', url: session.uploadUrl,
      headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${from}-${to - 1}/${buffer.length}` }, body: buffer.subarray(from, to),
    }, { timeoutMs: 300_000, followRedirects: false, maxRedirects: 0, signal: client.ctx.signal, blockPrivateNetworks: client.ctx.blockPrivateNetworks });
    if (response.statusCode >= 400) throw new NodeOperationError(client.ctx.node.name, `The attachment upload failed (${response.statusCode})`, { description: response.body.toString('utf8').slice(0, 500) });
  }
}

async function messageAttachment(client: GraphClient, operation: string, item: Item, i: number): Promise<Out | undefined> {
  const { ctx } = client;
  const base = `${client.mailbox}/messages/${encodeURIComponent(param(ctx, 'messageId', i, ''))}/attachments`;
  const attachment = () => `${base}/${encodeURIComponent(param(ctx, 'attachmentId', i, ''))}`;
  const SELECT = 'id,lastModifiedDateTime,name,contentType,size,isInline';
  switch (operation) {
    case 'add': {
      // n8n v1 reads the binary field name of the first item for every item.
      const { buffer, binary } = binaryBuffer(ctx.node.name, item, param(ctx, 'binaryPropertyName', 0, 'data'), i);
      const fields = collection(ctx, 'additionalFields', i);
      const name = fields.fileName === undefined ? binary.fileName : String(fields.fileName);
      if (!name) throw new NodeOperationError(ctx.node.name, 'File name is not set. Set it in "Additional Fields" or on the binary data', { itemIndex: i });
      if (buffer.length > INLINE_LIMIT) await uploadLarge(client, base, name, buffer);
      else await graphCall(client, 'POST', base, { '@odata.type': '#microsoft.graph.fileAttachment', name, contentBytes: buffer.toString('base64') });
      return success;
    }
    case 'download': {
      const meta = await graphRequest(client, 'GET', attachment(), undefined, { $select: 'id,name,contentType' });
      const raw = await graphCall(client, 'GET', `${attachment()}/$value`);
      const name = String(meta.name ?? 'attachment');
      const property = param(ctx, 'binaryPropertyName', i, 'data');
      return { json: item.json, binary: { ...(item.binary ?? {}), [property]: prepareBinaryData(raw.body, name, String(meta.contentType ?? mimeTypeOf(name))) } };
    }
    case 'get': return graphRequest(client, 'GET', attachment(), undefined, odata({ fields: collection(ctx, 'additionalFields', i).fields }, SELECT));
    case 'getAll': return listed(client, base, odata(collection(ctx, 'additionalFields', i), SELECT), i);
  }
  return undefined;
}

async function folder(client: GraphClient, operation: string, i: number): Promise<Out | undefined> {
  const { ctx } = client;
  const folders = `${client.mailbox}/mailFolders`;
  const id = () => `${folders}/${encodeURIComponent(param(ctx, 'folderId', i, ''))}`;
  switch (operation) {
    case 'create': {
      const displayName = param(ctx, 'displayName', i, '');
      if (param(ctx, 'folderType', i, 'folder') !== 'searchFolder') return graphRequest(client, 'POST', folders, { displayName });
      return graphRequest(client, 'POST', `${folders}/searchfolders/childFolders`, {
        displayName, '@odata.type': 'microsoft.graph.mailSearchFolder', includeNestedFolders: param(ctx, 'includeNestedFolders', i, false),
        sourceFolderIds: param<unknown>(ctx, 'sourceFolderIds', i, []), filterQuery: param(ctx, 'filterQuery', i, ''),
      });
    }
    case 'delete':
      await graphCall(client, 'DELETE', id());
      return success;
    case 'get': return graphRequest(client, 'GET', id(), undefined, odata(collection(ctx, 'additionalFields', i)));
    case 'getAll': return listed(client, folders, odata(collection(ctx, 'additionalFields', i)), i);
    case 'getChildren': return listed(client, `${id()}/childFolders`, odata(collection(ctx, 'additionalFields', i)), i);
    case 'update': return graphRequest(client, 'PATCH', id(), collection(ctx, 'updateFields', i));
  }
  return undefined;
}

/** One item's v1 operation; the answer is one JSON, a list of JSON, or whole items (binary data). */
export async function runOutlookV1(client: GraphClient, resource: string, operation: string, item: Item, i: number): Promise<Out | Item[]> {
  let answer: Out | Item[] | undefined;
  if (resource === 'draft' || resource === 'message') answer = await draftOrMessage(client, resource, operation, item, i);
  else if (resource === 'messageAttachment') answer = await messageAttachment(client, operation, item, i);
  else if (resource === 'folder') answer = await folder(client, operation, i);
  else if (resource === 'folderMessage' && operation === 'getAll') {
    const path = `${client.mailbox}/mailFolders/${encodeURIComponent(param(client.ctx, 'folderId', i, ''))}/messages`;
    answer = await listed(client, path, odata(collection(client.ctx, 'additionalFields', i)), i);
  }
  if (answer === undefined) throw new NodeOperationError(client.ctx.node.name, `The operation "${operation}" is not supported for resource "${resource}"`, { itemIndex: i });
  return answer;
}

export const DEFAULT_OPERATION_V1: Record<string, string> = { draft: 'create', folder: 'create', folderMessage: 'getAll', message: 'send', messageAttachment: 'add' };
