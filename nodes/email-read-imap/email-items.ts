// What the IMAP trigger emits per email, in n8n's three formats, from the message source:
// `resolved` is mailparser's whole parse (headers as lines, attachments as binary), `simple` the
// text and HTML bodies with five headers on top and the others in `metadata`, `raw` the body
// after the header block as received.
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import type { BinaryData, Item, JsonObject } from '../../engine/index.ts';
import { prepareBinaryData } from '../convert-to-file/binary-data.ts';

export type EmailFormat = 'simple' | 'resolved' | 'raw';

export interface ItemOptions {
  format: EmailFormat;
  /** Binary property prefix (`attachment_` → attachment_0, attachment_1, …). */
  attachmentPrefix: string;
  /** Simple format only: download attachments at all. */
  downloadAttachments: boolean;
}

const TOP_LEVEL = ['cc', 'date', 'from', 'subject', 'to'];

function binaryOf(attachments: Attachment[], prefix: string): Record<string, BinaryData> | undefined {
  if (attachments.length === 0) return undefined;
  const binary: Record<string, BinaryData> = {};
  attachments.forEach((a, i) => {
    binary[`${prefix}${i}`] = prepareBinaryData(a.content, a.filename, a.contentType || 'application/octet-stream');
  });
  return binary;
}

/** A header line's value, unfolded (node-imap's parsed header values are single lines). */
function headerValue(line: string): string {
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}

function resolvedItem(parsed: ParsedMail, uid: number, prefix: string): Item {
  const headers: JsonObject = {};
  for (const { key, line } of parsed.headerLines) headers[key] = line;
  const { attachments, headerLines: _lines, headers: _map, ...rest } = parsed;
  const json = JSON.parse(JSON.stringify({ ...rest, headers, attributes: { uid } })) as JsonObject;
  const binary = binaryOf(attachments, prefix);
  return binary ? { json, binary } : { json };
}

function simpleItem(parsed: ParsedMail, uid: number, options: ItemOptions): Item {
  const json: JsonObject = { textHtml: parsed.html || '', textPlain: parsed.text ?? '', metadata: {}, attributes: { uid } };
  const metadata = json.metadata as JsonObject;
  for (const { key, line } of parsed.headerLines) {
    // The first occurrence wins, as node-imap's header list gives n8n the first value.
    if (key in json || key in metadata) continue;
    // Decoded where mailparser gives text (encoded subjects), else the line as sent.
    const decoded = parsed.headers.get(key);
    const value = typeof decoded === 'string' && key !== 'date' ? decoded : headerValue(line);
    if (TOP_LEVEL.includes(key)) json[key] = value;
    else metadata[key] = value;
  }
  if (!options.downloadAttachments) return { json };
  const binary = binaryOf(parsed.attachments.filter((a) => a.contentDisposition === 'attachment'), options.attachmentPrefix);
  return binary ? { json, binary } : { json };
}

/** The body after the header block, as the server sent it (n8n's raw format). */
function rawBody(source: Buffer): string {
  const text = source.toString('utf8');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return text.slice(crlf + 4);
  return lf >= 0 ? text.slice(lf + 2) : '';
}

export async function emailItem(source: Buffer, uid: number, options: ItemOptions): Promise<Item> {
  if (options.format === 'raw') return { json: { raw: rawBody(source) } };
  const parsed = await simpleParser(source);
  return options.format === 'resolved' ? resolvedItem(parsed, uid, options.attachmentPrefix) : simpleItem(parsed, uid, options);
}
