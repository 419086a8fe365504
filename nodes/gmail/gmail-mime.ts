// Gmail messages in and out: an RFC 2822 message built with nodemailer's MailComposer and sent as
// base64url `raw`, and a `raw` message read back with mailparser into n8n's "resolved" item (the
// parsed fields, every header line by name, attachments as binary properties when asked).
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { DateTime } from 'luxon';
import { NodeOperationError, type BinaryData, type Item, type JsonObject } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';

export interface OutgoingEmail {
  from?: string;
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string;
  subject: string;
  text?: string;
  html?: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/** The message as Gmail's `raw` wants it: base64url of the whole RFC 2822 text, Bcc kept. */
export async function encodeEmail(email: OutgoingEmail): Promise<string> {
  const compiled = new MailComposer({
    from: email.from || undefined,
    to: email.to || undefined,
    cc: email.cc || undefined,
    bcc: email.bcc || undefined,
    replyTo: email.replyTo || undefined,
    inReplyTo: email.inReplyTo || undefined,
    references: email.references || undefined,
    subject: email.subject,
    text: email.text || undefined,
    html: email.html || undefined,
    attachments: email.attachments?.length ? email.attachments : undefined,
  }).compile();
  // Gmail reads Bcc from the message it is given; the composer drops it unless told to keep it.
  (compiled as unknown as { keepBcc: boolean }).keepBcc = true;
  const bytes = await compiled.build();
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * n8n's address list: comma separated, each must hold an `@`; bare addresses are wrapped in <>,
 * `Name <a@b>` kept as written.
 */
export function addressList(nodeName: string, input: string, field: string, itemIndex: number): string {
  let out = '';
  for (const entry of input.split(',')) {
    const address = entry.trim();
    if (!address.includes('@')) {
      throw new NodeOperationError(nodeName, 'Invalid email address', { description: `The email address '${address}' in the '${field}' field isn't valid`, itemIndex });
    }
    out += address.includes('<') && address.includes('>') ? `${address},` : `<${address}>, `;
  }
  return out;
}

/** A message id from a Gmail `From`-style value: the part inside <>, else the value. */
export function extractEmail(value: string): string {
  const open = value.indexOf('<');
  if (open < 0) return value;
  const close = value.indexOf('>', open);
  return value.slice(open + 1, close < 0 ? undefined : close);
}

function jsonSafe(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, jsonSafe(v)]));
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

/**
 * A Gmail message fetched with format=raw, as n8n's resolved item: id, threadId, labelIds and
 * sizeEstimate from Gmail, then mailparser's fields (from, to, subject, date, html, text, …) with
 * `headers` holding each header line by lower-case name; attachments as `<prefix><n>` when asked.
 */
export async function parseRawMessage(message: JsonObject, attachmentPrefix: string, downloadAttachments: boolean): Promise<Item> {
  const source = Buffer.from(String(message.raw ?? '').replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const parsed = await simpleParser(source);
  const headers: JsonObject = {};
  for (const line of parsed.headerLines) headers[line.key] = line.line;
  const binary: Record<string, BinaryData> = {};
  if (downloadAttachments) {
    parsed.attachments.forEach((attachment, index) => {
      binary[`${attachmentPrefix}${index}`] = prepareBinaryData(attachment.content, attachment.filename, attachment.contentType);
    });
  }
  const { headerLines: _lines, attachments: _attachments, headers: _map, ...fields } = parsed;
  const json: JsonObject = {
    id: message.id, threadId: message.threadId, labelIds: message.labelIds, sizeEstimate: message.sizeEstimate,
    ...(jsonSafe(fields) as JsonObject),
    headers,
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return Object.keys(binary).length ? { json, binary } : { json };
}

/**
 * n8n's simplified messages: `labelIds` become `labels` ({id, name}) and the payload's headers are
 * lifted onto the message by name (From, To, Subject, …).
 */
export function simplifyMessages(messages: JsonObject[], labels: Array<{ id: unknown; name: unknown }>): JsonObject[] {
  return messages.map((message) => {
    const item = { ...message };
    if (Array.isArray(item.labelIds)) {
      const ids = item.labelIds as string[];
      item.labels = labels.filter((label) => ids.includes(String(label.id)));
      delete item.labelIds;
    }
    const payload = item.payload as JsonObject | undefined;
    if (payload && Array.isArray(payload.headers)) {
      for (const header of payload.headers as JsonObject[]) item[String(header.name)] = header.value;
      const { headers: _headers, ...rest } = payload;
      item.payload = rest;
    }
    return item;
  });
}

/** Gmail HTML-escapes snippets; n8n unescapes the five common entities. */
export function unescapeSnippet(item: Item): Item {
  const snippet = item.json.snippet;
  if (typeof snippet !== 'string') return item;
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#39;': "'", '&quot;': '"' };
  return { ...item, json: { ...item.json, snippet: snippet.replace(/&amp;|&lt;|&gt;|&#39;|&quot;/g, (m) => entities[m]) } };
}

/** A date filter as seconds since the epoch: ISO text, seconds, or milliseconds (n8n's rules). */
function epochSeconds(nodeName: string, value: unknown, label: string): number {
  if (typeof value === 'number') return value.toString().length < 12 ? value : Math.floor(value / 1000);
  const text = String(value);
  const iso = DateTime.fromISO(text);
  if (iso.isValid) return iso.toSeconds();
  const number = Number.parseInt(text, 10);
  if (!Number.isNaN(number)) return text.length < 12 ? number : Math.floor(number / 1000);
  throw new NodeOperationError(nodeName, `Invalid date/time in '${label}' field`, {
    description: `'${text}' isn't a valid date and time. If you're using an expression, be sure to set an ISO date string or a timestamp.`,
  });
}

/** n8n's list filters as Gmail query parameters: sender, read status and dates join `q`. */
export function listQuery(nodeName: string, filters: JsonObject): JsonObject {
  const query: JsonObject = { ...filters };
  const terms: string[] = [];
  if (typeof query.q === 'string' && query.q) terms.push(query.q);
  if (Array.isArray(query.labelIds) && query.labelIds.length === 0) delete query.labelIds;
  if (query.labelIds === '') delete query.labelIds;
  if (query.sender) terms.push(`from:${String(query.sender)}`);
  if (query.readStatus && query.readStatus !== 'both') terms.push(`is:${String(query.readStatus)}`);
  if (query.receivedAfter) terms.push(`after:${epochSeconds(nodeName, query.receivedAfter, 'Received After')}`);
  if (query.receivedBefore) terms.push(`before:${epochSeconds(nodeName, query.receivedBefore, 'Received Before')}`);
  for (const key of ['sender', 'readStatus', 'receivedAfter', 'receivedBefore', 'q']) delete query[key];
  if (terms.length) query.q = terms.join(' ');
  return query;
}
