// Gmail V1 (typeVersion 1): drafts, labels, messages and message labels; messages come back in the
// chosen Gmail format, "resolved" meaning format=raw parsed into n8n's item.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import type { GoogleClient } from './google-call.ts';
import { gmail, gmailAll } from './gmail-api.ts';
import { encodeEmail, extractEmail, parseRawMessage, type OutgoingEmail } from './gmail-mime.ts';
import { attachmentsOf } from './gmail-v2.ts';

const angle = (list: unknown) => (Array.isArray(list) ? list : list ? [list] : []).map((address) => `<${String(address)}>, `).join('');

function bodyOf(ctx: ExecuteContext, i: number): { text: string; html?: string } {
  const text = String(param(ctx, 'message', i, ''));
  return param(ctx, 'includeHtml', i, false) ? { text, html: String(param(ctx, 'htmlMessage', i, '')) } : { text };
}

/** One message in the chosen format: resolved (parsed raw) or Gmail's own answer. */
async function formatted(client: GoogleClient, path: string, fields: JsonObject, pick: (answer: JsonObject) => JsonObject = (a) => a): Promise<Item> {
  const format = String(fields.format || 'resolved');
  const answer = await gmail(client, 'GET', path, { query: { format: format === 'resolved' ? 'raw' : format } });
  if (format !== 'resolved') return { json: answer };
  return parseRawMessage(pick(answer), String(fields.dataPropertyAttachmentsPrefixName || 'attachment_'), false);
}

async function list(client: GoogleClient, path: string, property: string, query: JsonObject, i: number): Promise<JsonObject[]> {
  const { ctx } = client;
  if (param(ctx, 'returnAll', i, false)) return gmailAll(client, path, property, query as Record<string, string>);
  const page = await gmail(client, 'GET', path, { query: { ...(query as Record<string, string>), maxResults: Number(param(ctx, 'limit', i, 10)) } });
  return (page[property] as JsonObject[] | undefined) ?? [];
}

async function compose(client: GoogleClient, item: Item, i: number, fields: JsonObject, to: string, subject: string): Promise<OutgoingEmail> {
  const { ctx } = client;
  return {
    from: fields.senderName ? String(fields.senderName) : '', to, cc: angle(fields.ccList), bcc: angle(fields.bccList), subject,
    ...bodyOf(ctx, i), attachments: fields.attachmentsUi ? attachmentsOf(ctx, item, fields, i) : [],
  };
}

export async function runV1Operation(client: GoogleClient, resource: string, operation: string, item: Item, i: number): Promise<Item[] | JsonObject> {
  const { ctx } = client;
  const fields = collection(ctx, 'additionalFields', i);
  const id = () => String(param(ctx, 'messageId', i, ''));
  const key = `${resource}:${operation}`;
  switch (key) {
    case 'label:create': return gmail(client, 'POST', '/labels', { body: {
      labelListVisibility: param(ctx, 'labelListVisibility', i, 'labelShow'), messageListVisibility: param(ctx, 'messageListVisibility', i, 'show'), name: param(ctx, 'name', i, '') } });
    case 'label:delete': await gmail(client, 'DELETE', `/labels/${String(param(ctx, 'labelId', i, ''))}`); return { success: true };
    case 'label:get': return gmail(client, 'GET', `/labels/${String(param(ctx, 'labelId', i, ''))}`);
    case 'label:getAll': {
      const labels = ((await gmail(client, 'GET', '/labels')).labels as JsonObject[] | undefined) ?? [];
      return (param(ctx, 'returnAll', i, false) ? labels : labels.slice(0, Number(param(ctx, 'limit', i, 10)))).map((json) => ({ json }));
    }
    case 'messageLabel:add': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { addLabelIds: param<string[]>(ctx, 'labelIds', i, []) } });
    case 'messageLabel:remove': return gmail(client, 'POST', `/messages/${id()}/modify`, { body: { removeLabelIds: param<string[]>(ctx, 'labelIds', i, []) } });
    case 'message:send': {
      const email = await compose(client, item, i, fields, angle(param<unknown>(ctx, 'toList', i, [])), String(param(ctx, 'subject', i, '')));
      return gmail(client, 'POST', '/messages/send', { body: { raw: await encodeEmail(email) } });
    }
    case 'message:reply': {
      const original = await gmail(client, 'GET', `/messages/${id()}`, { query: { format: 'metadata' } });
      const headers = ((original.payload as JsonObject | undefined)?.headers as JsonObject[] | undefined) ?? [];
      const header = (name: string) => String(headers.find((h) => h.name === name)?.value ?? '');
      let to = angle(param<unknown>(ctx, 'toList', i, []));
      if (!to && header('From')) to = `<${extractEmail(header('From'))}>,`;
      const email = { ...await compose(client, item, i, fields, to, header('Subject')), inReplyTo: id(), references: header('References') };
      return gmail(client, 'POST', '/messages/send', { body: { raw: await encodeEmail(email), threadId: param(ctx, 'threadId', i, '') } });
    }
    case 'message:get': return [await formatted(client, `/messages/${id()}`, fields)];
    case 'message:delete': await gmail(client, 'DELETE', `/messages/${id()}`); return { success: true };
    case 'message:getAll': {
      const query: JsonObject = {};
      if (fields.includeSpamTrash) query.includeSpamTrash = true;
      if (Array.isArray(fields.labelIds) && fields.labelIds.length) query.labelIds = fields.labelIds;
      if (fields.q) query.q = fields.q;
      const found = await list(client, '/messages', 'messages', query, i);
      if (fields.format === 'ids') return found.map((json) => ({ json }));
      const items: Item[] = [];
      for (const entry of found) items.push(await formatted(client, `/messages/${String(entry.id)}`, fields));
      return items;
    }
    case 'draft:create': {
      const email = await compose(client, item, i, fields, angle(fields.toList), String(param(ctx, 'subject', i, '')));
      return gmail(client, 'POST', '/drafts', { body: { message: { raw: await encodeEmail(email) } } });
    }
    case 'draft:get': return [await draftItem(client, id(), fields)];
    case 'draft:delete': await gmail(client, 'DELETE', `/drafts/${id()}`); return { success: true };
    case 'draft:getAll': {
      const found = await list(client, '/drafts', 'drafts', fields.includeSpamTrash ? { includeSpamTrash: true } : {}, i);
      if (fields.format === 'ids') return found.map((json) => ({ json }));
      const items: Item[] = [];
      for (const entry of found) items.push(await draftItem(client, String(entry.id), fields));
      return items;
    }
    default: throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "${resource}" is not supported`, { itemIndex: i });
  }
}

async function draftItem(client: GoogleClient, draftId: string, fields: JsonObject): Promise<Item> {
  const item = await formatted(client, `/drafts/${draftId}`, fields, (answer) => answer.message as JsonObject);
  if (String(fields.format || 'resolved') === 'resolved') item.json = { ...item.json, messageId: item.json.id, id: draftId };
  return item;
}
