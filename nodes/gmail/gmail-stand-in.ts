// A local stand-in for Google's token endpoint and the Gmail API v1 (users.getProfile, messages
// list/get/send/modify/delete, drafts, labels, threads, settings.sendAs), written from Google's
// public reference: messages.list pages with maxResults/pageToken and filters by `q` (after:, is:,
// from:) and labelIds; get answers format=raw (base64url RFC 2822), metadata (headers, filtered by
// metadataHeaders), full and minimal; errors are Google's `{error: {code, message, status}}`.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify, type JWTPayload } from 'jose';

export interface SeenRequest { method: string; path: string; query: URLSearchParams; body: any; authorization?: string }
export interface StoredMessage { id: string; threadId: string; labelIds: string[]; internalDate: string; raw: string; snippet: string }
export interface StoredLabel { id: string; name: string; type: string; messageListVisibility?: string; labelListVisibility?: string }

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const GMAIL_SERVICE_ACCOUNT = { email: 'mailer@project.iam.gserviceaccount.com', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
export const GMAIL_OAUTH_TOKEN = 'ya29.gmail-oauth';
const SERVICE_TOKEN = 'ya29.gmail-service';
export const ME = 'me@example.com';

export interface GmailStandIn {
  url: string;
  seen: SeenRequest[];
  messages: StoredMessage[];
  labels: StoredLabel[];
  drafts: Array<{ id: string; message: StoredMessage }>;
  assertions: JWTPayload[];
  /** The next Gmail call answers 429 with Retry-After: 1. */
  rateLimitOnce(): void;
  /** Adds a message (RFC 2822 text) and returns it. */
  addMessage(raw: string, options?: Partial<StoredMessage>): StoredMessage;
  close(): Promise<void>;
}

const b64url = (text: string) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
const fromB64url = (text: string) => Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');

/** The header block of an RFC 2822 message as Gmail's payload.headers. */
function headersOf(raw: string): Array<{ name: string; value: string }> {
  const head = raw.split(/\r?\n\r?\n/)[0];
  const out: Array<{ name: string; value: string }> = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^\s/.test(line) && out.length) out[out.length - 1].value += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) out.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
    }
  }
  return out;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Gmail's search: the subset of operators the tests use (after:, before:, is:read/unread, from:). */
function matches(message: StoredMessage, q: string): boolean {
  for (const term of q.split(/\s+/).filter(Boolean)) {
    const [op, value] = term.includes(':') ? [term.slice(0, term.indexOf(':')), term.slice(term.indexOf(':') + 1)] : ['', term];
    const seconds = Number(message.internalDate) / 1000;
    if (op === 'after' && !(seconds > Number(value))) return false;
    if (op === 'before' && !(seconds < Number(value))) return false;
    if (op === 'is' && value === 'unread' && !message.labelIds.includes('UNREAD')) return false;
    if (op === 'is' && value === 'read' && message.labelIds.includes('UNREAD')) return false;
    if (op === 'from' && !headersOf(message.raw).some((h) => h.name.toLowerCase() === 'from' && h.value.includes(value))) return false;
  }
  return true;
}

export async function startGmailStandIn(): Promise<GmailStandIn> {
  const verifyKey = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
  const seen: SeenRequest[] = [];
  const messages: StoredMessage[] = [];
  const drafts: Array<{ id: string; message: StoredMessage }> = [];
  const assertions: JWTPayload[] = [];
  const labels: StoredLabel[] = [
    { id: 'INBOX', name: 'INBOX', type: 'system' }, { id: 'UNREAD', name: 'UNREAD', type: 'system' },
    { id: 'SENT', name: 'SENT', type: 'system' }, { id: 'DRAFT', name: 'DRAFT', type: 'system' },
    { id: 'Label_1', name: 'Receipts', type: 'user' },
  ];
  let counter = 0;
  let limitNext = false;
  const nextId = () => `18c${(++counter).toString(16).padStart(13, '0')}`;

  const addMessage = (raw: string, options: Partial<StoredMessage> = {}): StoredMessage => {
    const message: StoredMessage = { id: nextId(), threadId: '', labelIds: ['INBOX', 'UNREAD'], internalDate: String(Date.now()), raw, snippet: '', ...options };
    message.threadId ||= message.id;
    message.snippet ||= raw.split(/\r?\n\r?\n/).slice(1).join(' ').slice(0, 60).trim();
    messages.push(message);
    return message;
  };

  const view = (message: StoredMessage, format: string, wanted: string[]) => {
    const base = { id: message.id, threadId: message.threadId, labelIds: message.labelIds, snippet: message.snippet, sizeEstimate: message.raw.length, historyId: '9000', internalDate: message.internalDate };
    if (format === 'raw') return { ...base, raw: b64url(message.raw) };
    if (format === 'minimal') return base;
    let headers = headersOf(message.raw);
    if (format === 'metadata' && wanted.length) headers = headers.filter((h) => wanted.some((w) => w.toLowerCase() === h.name.toLowerCase()));
    return { ...base, payload: { partId: '', mimeType: 'text/plain', filename: '', headers, ...(format === 'full' ? { body: { size: message.raw.length } } : {}) } };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const text = await bodyOf(req);
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const error = (code: number, message: string, status: string) => reply(code, { error: { code, message, errors: [{ message, domain: 'global', reason: status.toLowerCase() }], status } });

    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(text);
      try {
        const { payload } = await jwtVerify(form.get('assertion') ?? '', verifyKey, { audience: 'https://oauth2.googleapis.com/token', issuer: GMAIL_SERVICE_ACCOUNT.email });
        assertions.push(payload);
        return reply(200, { access_token: SERVICE_TOKEN, expires_in: 3599, token_type: 'Bearer' });
      } catch {
        return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      }
    }
    const body = text ? JSON.parse(text) : undefined;
    seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${GMAIL_OAUTH_TOKEN}` && req.headers.authorization !== `Bearer ${SERVICE_TOKEN}`) {
      return error(401, 'Request had invalid authentication credentials.', 'UNAUTHENTICATED');
    }
    if (limitNext) {
      limitNext = false;
      return reply(429, { error: { code: 429, message: 'User-rate limit exceeded.', status: 'RESOURCE_EXHAUSTED' } }, { 'retry-after': '1' });
    }
    const prefix = '/gmail/v1/users/me';
    if (!url.pathname.startsWith(prefix)) return error(404, 'Not Found', 'NOT_FOUND');
    const path = url.pathname.slice(prefix.length);
    const parts = path.split('/').filter(Boolean);
    const q = url.searchParams;
    const page = <T>(list: T[]) => {
      const size = Math.min(Number(q.get('maxResults') ?? 100), 500);
      const start = Number(q.get('pageToken') ?? 0);
      const slice = list.slice(start, start + size);
      return { slice, next: start + size < list.length ? String(start + size) : undefined };
    };
    const findMessage = (id: string) => messages.find((m) => m.id === id);
    const idError = (id: string) => (/^[0-9a-f]+$/.test(id) ? error(404, 'Requested entity was not found.', 'NOT_FOUND') : error(400, 'Invalid id value', 'INVALID_ARGUMENT'));

    if (req.method === 'GET' && path === '/profile') return reply(200, { emailAddress: ME, messagesTotal: messages.length, threadsTotal: messages.length, historyId: '9000' });
    if (req.method === 'GET' && path === '/settings/sendAs') return reply(200, { sendAs: [{ sendAsEmail: ME, displayName: 'Me', isDefault: true, isPrimary: true }, { sendAsEmail: 'alias@example.com', displayName: '' }] });

    if (parts[0] === 'labels') {
      if (req.method === 'GET' && parts.length === 1) return reply(200, { labels });
      if (req.method === 'POST' && parts.length === 1) {
        if (labels.some((l) => l.name.toLowerCase() === String(body?.name ?? '').toLowerCase())) return error(409, 'Label name exists or conflicts', 'FAILED_PRECONDITION');
        const label = { id: `Label_${labels.length + 1}`, name: body.name, type: 'user', messageListVisibility: body.messageListVisibility, labelListVisibility: body.labelListVisibility };
        labels.push(label);
        return reply(200, label);
      }
      const index = labels.findIndex((l) => l.id === parts[1]);
      if (index < 0) return error(404, 'Requested entity was not found.', 'NOT_FOUND');
      if (req.method === 'GET') return reply(200, { ...labels[index], messagesTotal: 0, messagesUnread: 0 });
      if (req.method === 'DELETE') { labels.splice(index, 1); return reply(204); }
    }

    if (parts[0] === 'messages') {
      if (req.method === 'GET' && parts.length === 1) {
        const wantedLabels = q.getAll('labelIds');
        const list = messages.filter((m) => (q.get('includeSpamTrash') === 'true' || !m.labelIds.includes('TRASH')) && wantedLabels.every((l) => m.labelIds.includes(l)) && matches(m, q.get('q') ?? ''))
          .sort((a, b) => Number(b.internalDate) - Number(a.internalDate));
        const { slice, next } = page(list);
        return reply(200, { ...(slice.length ? { messages: slice.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}), ...(next ? { nextPageToken: next } : {}), resultSizeEstimate: list.length });
      }
      if (req.method === 'POST' && parts[1] === 'send') {
        if (typeof body?.raw !== 'string') return error(400, "'raw' RFC822 payload message string or uploading message via /upload/* URL required", 'INVALID_ARGUMENT');
        const message = addMessage(fromB64url(body.raw), { labelIds: ['SENT'], ...(body.threadId ? { threadId: body.threadId } : {}) });
        return reply(200, { id: message.id, threadId: message.threadId, labelIds: message.labelIds });
      }
      const message = findMessage(parts[1]);
      if (!message) return idError(parts[1]);
      if (req.method === 'GET' && parts.length === 2) return reply(200, view(message, q.get('format') ?? 'full', q.getAll('metadataHeaders')));
      if (req.method === 'DELETE' && parts.length === 2) { messages.splice(messages.indexOf(message), 1); return reply(204); }
      if (req.method === 'POST' && parts[2] === 'modify') {
        message.labelIds = [...new Set([...message.labelIds, ...(body?.addLabelIds ?? [])])].filter((l) => !(body?.removeLabelIds ?? []).includes(l));
        return reply(200, { id: message.id, threadId: message.threadId, labelIds: message.labelIds });
      }
    }

    if (parts[0] === 'drafts') {
      if (req.method === 'POST' && parts.length === 1) {
        const message = addMessage(fromB64url(String(body?.message?.raw ?? '')), { labelIds: ['DRAFT'], ...(body?.message?.threadId ? { threadId: body.message.threadId } : {}) });
        messages.splice(messages.indexOf(message), 1);
        const draft = { id: `r-${counter}`, message };
        drafts.push(draft);
        return reply(200, { id: draft.id, message: { id: message.id, threadId: message.threadId, labelIds: message.labelIds } });
      }
      if (req.method === 'GET' && parts.length === 1) {
        const { slice, next } = page(drafts);
        return reply(200, { drafts: slice.map((d) => ({ id: d.id, message: { id: d.message.id, threadId: d.message.threadId } })), ...(next ? { nextPageToken: next } : {}), resultSizeEstimate: drafts.length });
      }
      const draft = drafts.find((d) => d.id === parts[1]);
      if (!draft) return error(404, 'Requested entity was not found.', 'NOT_FOUND');
      if (req.method === 'GET') return reply(200, { id: draft.id, message: view(draft.message, q.get('format') ?? 'full', []) });
      if (req.method === 'DELETE') { drafts.splice(drafts.indexOf(draft), 1); return reply(204); }
    }

    if (parts[0] === 'threads') {
      const threadIds = [...new Set(messages.map((m) => m.threadId))];
      if (req.method === 'GET' && parts.length === 1) {
        const list = threadIds.filter((id) => messages.some((m) => m.threadId === id && matches(m, q.get('q') ?? '')));
        const { slice, next } = page(list);
        return reply(200, { threads: slice.map((id) => ({ id, snippet: messages.find((m) => m.threadId === id)!.snippet, historyId: '9000' })), ...(next ? { nextPageToken: next } : {}), resultSizeEstimate: list.length });
      }
      const inThread = messages.filter((m) => m.threadId === parts[1]);
      if (!inThread.length) return idError(parts[1]);
      if (req.method === 'GET' && parts.length === 2) return reply(200, { id: parts[1], historyId: '9000', messages: inThread.map((m) => view(m, q.get('format') ?? 'full', q.getAll('metadataHeaders'))) });
      if (req.method === 'DELETE' && parts.length === 2) { for (const m of inThread) messages.splice(messages.indexOf(m), 1); return reply(204); }
      if (req.method === 'POST' && ['trash', 'untrash', 'modify'].includes(parts[2])) {
        for (const m of inThread) {
          if (parts[2] === 'trash') m.labelIds = [...m.labelIds, 'TRASH'];
          if (parts[2] === 'untrash') m.labelIds = m.labelIds.filter((l) => l !== 'TRASH');
          if (parts[2] === 'modify') m.labelIds = [...new Set([...m.labelIds, ...(body?.addLabelIds ?? [])])].filter((l) => !(body?.removeLabelIds ?? []).includes(l));
        }
        return reply(200, { id: parts[1], messages: inThread.map((m) => ({ id: m.id, threadId: m.threadId, labelIds: m.labelIds })) });
      }
    }
    return error(404, 'Not Found', 'NOT_FOUND');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, messages, labels, drafts, assertions, addMessage,
    rateLimitOnce: () => { limitNext = true; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
