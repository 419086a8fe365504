// Test support: a local stand-in for Microsoft Graph v1.0's mail API, written from Graph's
// documentation (learn.microsoft.com/graph/api/resources/mail-api-overview): a Bearer token;
// /me/sendMail answers 202, messages list with $top/$select/$filter and @odata.nextLink, get,
// PATCH, DELETE 204, move 201, createReply/createReplyAll, send 202, mailFolders, attachments with
// their raw bytes at /$value; errors as {error: {code, message}}; a 429 with Retry-After when armed.
// Also what the legacy v1 node uses: a message's MIME at /messages/{id}/$value, folder get/update/
// delete, childFolders, a folder's messages, search folders (mailsearchfolder-post), master
// categories, and large attachments through createUploadSession, whose upload URL takes PUTs of
// byte ranges (Content-Range) WITHOUT an Authorization header (attachment-createuploadsession).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QiLCJub25jZSI6Imdvb2QifQ';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; body: unknown }
export interface GraphStandIn { url: string; seen: SeenRequest[]; uploaded: Buffer[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

const MESSAGES = Array.from({ length: 130 }, (_, i) => ({
  id: `AAMk${i + 1}`, conversationId: `conv${i + 1}`, subject: `Subject ${i + 1}`, bodyPreview: `Preview ${i + 1}`, isRead: i % 2 === 0,
  hasAttachments: i === 0, from: { emailAddress: { name: 'Ann', address: 'ann@example.com' } }, toRecipients: [{ emailAddress: { address: 'me@example.com' } }],
  categories: [], body: { contentType: 'html', content: `<p>${i + 1}</p>` }, receivedDateTime: '2024-01-01T10:00:00Z',
}));
const ATTACHMENT = { id: 'ATT1', name: 'invoice.pdf', contentType: 'application/pdf', size: 9, isInline: false, lastModifiedDateTime: '2024-01-01T10:00:00Z' };

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const seen: SeenRequest[] = [];
  const uploaded: Buffer[] = [];
  const armed = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; odata.metadata=minimal' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const fail = (status: number, code: string, message: string) => reply(status, { error: { code, message, innerError: { 'request-id': 'r1', date: '2024-01-01T10:00:00' } } });
      if (url.pathname === '/upload/SESSION1') {
        // The upload URL is pre-authenticated: the docs say to send no Authorization header to it.
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
        seen.push({ method: req.method ?? '', path: url.pathname, query: { range: String(req.headers['content-range'] ?? '') }, authorization: req.headers.authorization ?? '', body: bytes.length });
        if (req.method !== 'PUT' || req.headers.authorization || !range || Number(range[2]) - Number(range[1]) + 1 !== bytes.length || bytes.length > 4 * 1024 * 1024) {
          return fail(400, 'InvalidRequest', 'Bad upload range or headers');
        }
        uploaded.push(bytes);
        const done = Number(range[2]) + 1 === Number(range[3]);
        return done ? reply(201, undefined, { location: `${base}/v1.0/me/messages/AAMk1/attachments/ATT3` }) : reply(200, { expirationDateTime: '2030-01-01T00:00:00Z', nextExpectedRanges: [`${Number(range[2]) + 1}-`] });
      }
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return fail(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
      const path = decodeURIComponent(url.pathname);
      const request: SeenRequest = { method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization ?? '', body };
      seen.push(request);
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return reply(429, { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } }, { 'retry-after': String(wait) });
      }
      if (request.authorization !== `Bearer ${GRAPH_TOKEN}`) return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
      const m = req.method;
      const b = (body ?? {}) as Record<string, unknown>;
      const find = (id: string) => MESSAGES.find((x) => x.id === id);
      const select = (x: Record<string, unknown>) => (url.searchParams.get('$select') ? Object.fromEntries(url.searchParams.get('$select')!.split(',').map((k) => [k, x[k]])) : x);
      let match: RegExpExecArray | null;
      if (m === 'POST' && path === '/v1.0/me/sendMail') {
        const msg = b.message as Record<string, unknown> | undefined;
        if (!msg || !Array.isArray(msg.toRecipients) || msg.toRecipients.length === 0) return fail(400, 'ErrorInvalidRecipients', 'At least one recipient isn\'t valid.');
        return reply(202);
      }
      if (m === 'GET' && path === '/v1.0/me/messages') {
        const top = Number(url.searchParams.get('$top') ?? 10);
        const skip = Number(url.searchParams.get('$skip') ?? 0);
        let list = MESSAGES as Array<Record<string, unknown>>;
        const filter = url.searchParams.get('$filter');
        for (const clause of filter ? filter.split(' and ') : []) {
          const range = /^receivedDateTime (ge|lt) (\S+)$/.exec(clause);
          if (clause === 'isRead eq false') list = list.filter((x) => x.isRead === false);
          else if (range && !Number.isNaN(Date.parse(range[2]))) {
            list = list.filter((x) => (range[1] === 'ge' ? Date.parse(String(x.receivedDateTime)) >= Date.parse(range[2]) : Date.parse(String(x.receivedDateTime)) < Date.parse(range[2])));
          } else return fail(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
        }
        const page = list.slice(skip, skip + top).map(select);
        const next = skip + top < list.length ? `${base}/v1.0/me/messages?%24top=${top}&%24skip=${skip + top}${url.searchParams.get('$select') ? `&%24select=${encodeURIComponent(url.searchParams.get('$select')!)}` : ''}${filter ? `&%24filter=${encodeURIComponent(filter)}` : ''}` : undefined;
        return reply(200, { '@odata.context': 'ctx', value: page, ...(next ? { '@odata.nextLink': next } : {}) });
      }
      if (m === 'GET' && (match = /^\/v1\.0\/me\/messages\/([^/]+)\/\$value$/.exec(path))) {
        const msg = find(match[1]);
        if (!msg) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`Subject: ${msg.subject}\r\nMIME-Version: 1.0\r\n\r\n${msg.bodyPreview}`);
      }
      if (m === 'GET' && path === '/v1.0/me/outlook/masterCategories') return reply(200, { value: [{ id: 'CAT1', displayName: 'Red category', color: 'preset0' }] });
      if (m === 'POST' && path === '/v1.0/me/mailFolders/searchfolders/childFolders') {
        if (b['@odata.type'] !== 'microsoft.graph.mailSearchFolder' || !Array.isArray(b.sourceFolderIds) || typeof b.filterQuery !== 'string') {
          return fail(400, 'ErrorInvalidRequest', 'A search folder needs sourceFolderIds and filterQuery.');
        }
        return reply(201, { id: 'SEARCH1', displayName: b.displayName, includeNestedFolders: b.includeNestedFolders, sourceFolderIds: b.sourceFolderIds, filterQuery: b.filterQuery });
      }
      if ((match = /^\/v1\.0\/me\/mailFolders\/([^/]+)(\/childFolders|\/messages)?$/.exec(path)) && match[1] !== 'searchfolders') {
        if (!['INBOX', 'ARCH'].includes(match[1])) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        const folder = { id: match[1], displayName: match[1] === 'INBOX' ? 'Inbox' : 'Archive', childFolderCount: 1 };
        if (match[2] === '/childFolders') return reply(200, { value: [{ id: `${match[1]}-CHILD`, displayName: 'Child', parentFolderId: match[1] }].map(select) });
        if (match[2] === '/messages') {
          const top = Number(url.searchParams.get('$top') ?? 10);
          return reply(200, { value: MESSAGES.slice(0, top).map((x) => ({ ...x, parentFolderId: match![1] })).map(select) });
        }
        if (m === 'GET') return reply(200, select(folder));
        if (m === 'PATCH') return reply(200, { ...folder, ...b });
        if (m === 'DELETE') return reply(204);
      }
      if (m === 'POST' && (match = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments\/createUploadSession$/.exec(path))) {
        const item = (b.AttachmentItem ?? {}) as Record<string, unknown>;
        if (!find(match[1])) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        if (item.attachmentType !== 'file' || typeof item.name !== 'string' || typeof item.size !== 'number') return fail(400, 'ErrorInvalidRequest', 'AttachmentItem is invalid');
        return reply(201, { uploadUrl: `${base}/upload/SESSION1`, expirationDateTime: '2030-01-01T00:00:00Z', nextExpectedRanges: ['0-'] });
      }
      if (m === 'POST' && path === '/v1.0/me/messages/DRAFT1/attachments') return reply(201, { id: 'ATT9', name: b.name });
      if (m === 'PATCH' && path === '/v1.0/me/messages/DRAFT1') return reply(200, { id: 'DRAFT1', ...b });
      if ((match = /^\/v1\.0\/me\/messages\/([^/]+)$/.exec(path))) {
        const msg = find(match[1]);
        if (!msg) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        if (m === 'GET') return reply(200, select(msg));
        if (m === 'PATCH') return reply(200, { ...msg, ...b });
        if (m === 'DELETE') return reply(204);
      }
      if (m === 'POST' && (match = /^\/v1\.0\/me\/messages\/([^/]+)\/(move|createReply|createReplyAll|send)$/.exec(path))) {
        const msg = find(match[1]) ?? (match[1] === 'DRAFT1' ? { id: 'DRAFT1' } : undefined);
        if (!msg) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        if (match[2] === 'move') return typeof b.destinationId === 'string' ? reply(201, { ...msg, id: `${msg.id}-moved`, parentFolderId: b.destinationId }) : fail(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
        if (match[2] === 'send') return reply(202);
        return reply(201, { id: 'DRAFT1', subject: `RE: ${String((msg as { subject?: string }).subject)}`, isDraft: true });
      }
      if (m === 'POST' && path === '/v1.0/me/messages') return reply(201, { id: 'DRAFT2', isDraft: true, ...b });
      if (path === '/v1.0/me/mailFolders') {
        if (m === 'POST') return reply(201, { id: 'FOLDER9', displayName: b.displayName, parentFolderId: 'ROOT', childFolderCount: 0 });
        return reply(200, { value: [{ id: 'INBOX', displayName: 'Inbox' }, { id: 'ARCH', displayName: 'Archive' }] });
      }
      if ((match = /^\/v1\.0\/me\/messages\/([^/]+)\/attachments(?:\/([^/]+))?(\/\$value)?$/.exec(path))) {
        if (!find(match[1])) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        if (m === 'POST') return b['@odata.type'] === '#microsoft.graph.fileAttachment' && typeof b.contentBytes === 'string' ? reply(201, { id: 'ATT2', name: b.name }) : fail(400, 'ErrorInvalidRequest', 'Invalid attachment');
        if (!match[2]) return reply(200, { value: [select(ATTACHMENT)] });
        if (match[2] !== 'ATT1') return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
        if (match[3]) {
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          return res.end(Buffer.from('%PDF-1.7'));
        }
        return reply(200, select(ATTACHMENT));
      }
      return fail(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, seen, uploaded, rateLimitOnce: (path, seconds) => armed.set(path, seconds), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
