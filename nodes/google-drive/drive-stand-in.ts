// A local stand-in for Google's token endpoint, the Drive API v3 and the Docs API v1, written from
// Google's public references: files.list (q, pageSize, pageToken, fields), files.get (fields,
// alt=media), files.export, files.create (metadata, uploadType media/multipart/resumable), files.update
// (addParents/removeParents, trashed), files.copy, files.delete, permissions.create, drives.*,
// revisions.list; documents.get and documents.batchUpdate. Google's error body is
// `{error: {code, message, errors, status}}`; a 429 with Retry-After can be armed.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { importSPKI, jwtVerify, type JWTPayload } from 'jose';

export interface StandInFile {
  id: string; name: string; mimeType: string; parents: string[]; trashed?: boolean;
  createdTime: string; modifiedTime: string; content?: Buffer; properties?: Record<string, unknown>; appProperties?: Record<string, unknown>;
  driveId?: string; description?: string; webViewLink?: string; [key: string]: unknown;
}
export interface StandInDocument { documentId: string; title: string; body: { content: Array<Record<string, unknown>> }; revisionId: string }
export interface SeenRequest { method: string; path: string; query: Record<string, string>; body: unknown; contentType?: string; authorization?: string; headers: Record<string, string | string[] | undefined> }

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const SERVICE_ACCOUNT = { email: 'drive-robot@project.iam.gserviceaccount.com', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
export const OAUTH_TOKEN = 'ya29.oauth-token';
export const SERVICE_TOKEN = 'ya29.drive-service-token';
const FOLDER = 'application/vnd.google-apps.folder';

export interface DriveStandIn {
  url: string;
  seen: SeenRequest[];
  files: Map<string, StandInFile>;
  drives: Map<string, Record<string, unknown>>;
  documents: Map<string, StandInDocument>;
  revisions: Map<string, Array<{ id: string; modifiedTime: string }>>;
  permissions: Array<{ fileId: string; permission: Record<string, unknown> }>;
  assertions: JWTPayload[];
  addFile: (file: Partial<StandInFile> & { id: string; name: string }) => StandInFile;
  rateLimitOnce: () => void;
  /** The next chunk PUT to an upload session is refused with Google's 401, as when the token was revoked mid-upload. */
  refuseNextChunk: () => void;
  /** Forgets all files, drives, documents, revisions and requests, and restarts the ID counter. */
  reset: () => void;
  close: () => Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One clause of Drive's query language, over a file. */
function clause(text: string, file: StandInFile): boolean {
  const t = text.trim();
  if (t.startsWith('(') && t.endsWith(')')) return t.slice(1, -1).split(/\s+or\s+/i).some((part) => clause(part, file));
  if (/^not\s+/i.test(t)) return !clause(t.replace(/^not\s+/i, ''), file);
  let m = /^name\s+contains\s+'((?:[^'\\]|\\.)*)'$/i.exec(t);
  if (m) return file.name.includes(m[1].replace(/\\(.)/g, '$1'));
  m = /^(name|mimeType)\s*(=|!=)\s*'((?:[^'\\]|\\.)*)'$/i.exec(t);
  if (m) { const equal = String(file[m[1]]) === m[3].replace(/\\(.)/g, '$1'); return m[2] === '=' ? equal : !equal; }
  m = /^'([^']+)'\s+in\s+parents$/i.exec(t);
  if (m) return file.parents.includes(m[1]);
  m = /^trashed\s*=\s*(true|false)$/i.exec(t);
  if (m) return Boolean(file.trashed) === (m[1] === 'true');
  m = /^(createdTime|modifiedTime)\s*>\s*'([^']+)'$/i.exec(t);
  if (m) return Date.parse(String(file[m[1]])) > Date.parse(m[2]);
  throw new Error(`Invalid Value: ${t}`);
}

function matches(q: string, file: StandInFile): boolean {
  if (!q.trim()) return true;
  // Top-level `and` (Drive accepts either case); parentheses keep their `or`s together.
  const parts: string[] = [];
  let depth = 0; let start = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '(') depth++;
    if (q[i] === ')') depth--;
    if (depth === 0 && /^\s+and\s+/i.test(q.slice(i)) && /\s/.test(q[i])) {
      const m = /^\s+and\s+/i.exec(q.slice(i))!;
      parts.push(q.slice(start, i)); i += m[0].length - 1; start = i + 1;
    }
  }
  parts.push(q.slice(start));
  return parts.every((part) => clause(part, file));
}

/** A file resource as Drive answers it: default fields, or those `fields` names. */
function resource(file: StandInFile, fields: string | undefined): Record<string, unknown> {
  const { content: _content, ...all } = file;
  const full: Record<string, unknown> = { kind: 'drive#file', ...all };
  if (fields === '*') return full;
  const names = fields ? fields.split(',').map((f) => f.trim()).filter(Boolean) : ['kind', 'id', 'name', 'mimeType'];
  return Object.fromEntries(names.filter((n) => n in full).map((n) => [n, full[n]]));
}

function parseMultipart(raw: Buffer, contentType: string): { metadata: Record<string, unknown>; content: Buffer; mimeType: string } {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error('Missing multipart boundary');
  const text = raw.toString('latin1');
  const parts = text.split(`--${boundary}`).slice(1, -1).map((part) => part.replace(/^\r\n/, '').replace(/\r\n$/, ''));
  if (parts.length !== 2) throw new Error('A multipart upload has a metadata part and a media part');
  const split = (part: string) => { const at = part.indexOf('\r\n\r\n'); return { head: part.slice(0, at), body: part.slice(at + 4) }; };
  const meta = split(parts[0]);
  const media = split(parts[1]);
  return { metadata: JSON.parse(Buffer.from(meta.body, 'latin1').toString('utf8')), content: Buffer.from(media.body, 'latin1'),
    mimeType: /content-type:\s*([^\r\n;]+)/i.exec(media.head)?.[1] ?? 'application/octet-stream' };
}

export async function startDriveStandIn(): Promise<DriveStandIn> {
  const files = new Map<string, StandInFile>();
  const drives = new Map<string, Record<string, unknown>>();
  const documents = new Map<string, StandInDocument>();
  const revisions = new Map<string, Array<{ id: string; modifiedTime: string }>>();
  const permissions: Array<{ fileId: string; permission: Record<string, unknown> }> = [];
  const seen: SeenRequest[] = [];
  const assertions: JWTPayload[] = [];
  const sessions = new Map<string, { metadata: Record<string, unknown>; total: number; received: Buffer[]; fileId?: string }>();
  const verifyKey = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
  let limitNext = false;
  let refuseChunk = false;
  let counter = 0;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date(clock += 1000).toISOString();
  let base = '';

  const addFile = (file: Partial<StandInFile> & { id: string; name: string }): StandInFile => {
    const stamp = now();
    const full: StandInFile = { mimeType: 'text/plain', parents: ['root'], createdTime: stamp, modifiedTime: stamp, ...file };
    files.set(full.id, full);
    return full;
  };
  const createFile = (metadata: Record<string, unknown>, content?: Buffer, mimeType?: string) => addFile({
    ...(metadata as Partial<StandInFile>), id: `FILE${++counter}`, name: String(metadata.name ?? 'Untitled'),
    mimeType: String(metadata.mimeType ?? mimeType ?? 'application/octet-stream'), parents: (metadata.parents as string[] | undefined) ?? ['root'],
    ...(content ? { content } : {}),
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const raw = await bodyOf(req);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const googleError = (code: number, message: string, reason: string, status: string) =>
      reply(code, { error: { code, message, errors: [{ domain: 'global', reason, message }], status } });
    const notFound = (id: string) => googleError(404, `File not found: ${id}.`, 'notFound', 'NOT_FOUND');

    if (req.method === 'POST' && url.pathname === '/token') {
      const form = new URLSearchParams(raw.toString('utf8'));
      try {
        const { payload } = await jwtVerify(form.get('assertion') ?? '', verifyKey, { audience: 'https://oauth2.googleapis.com/token', issuer: SERVICE_ACCOUNT.email });
        assertions.push(payload);
        return reply(200, { access_token: SERVICE_TOKEN, expires_in: 3599, token_type: 'Bearer' });
      } catch {
        return reply(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
      }
    }
    const contentType = String(req.headers['content-type'] ?? '');
    const json = contentType.startsWith('application/json') && raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    seen.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body: json ?? (raw.length ? raw.toString('utf8') : undefined),
      contentType: contentType || undefined, authorization: req.headers.authorization, headers: req.headers });
    if (req.headers.authorization !== `Bearer ${OAUTH_TOKEN}` && req.headers.authorization !== `Bearer ${SERVICE_TOKEN}`) {
      return googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError', 'UNAUTHENTICATED');
    }
    if (limitNext) {
      limitNext = false;
      return reply(429, { error: { code: 429, message: 'User rate limit exceeded.', errors: [{ domain: 'usageLimits', reason: 'userRateLimitExceeded' }] } }, { 'retry-after': '1' });
    }
    const q = url.searchParams;
    const path = url.pathname;
    try {
      // ---- uploads
      const session = /^\/upload\/session\/(\w+)$/.exec(path);
      if (session && req.method === 'PUT') {
        if (refuseChunk) {
          refuseChunk = false;
          return googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'authError', 'UNAUTHENTICATED');
        }
        const open = sessions.get(session[1]);
        if (!open) return googleError(404, 'Upload session not found', 'notFound', 'NOT_FOUND');
        const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(req.headers['content-range'] ?? ''));
        if (!range || Number(range[2]) - Number(range[1]) + 1 !== raw.length) return googleError(400, 'Invalid Content-Range', 'badContent', 'INVALID_ARGUMENT');
        open.received.push(raw);
        const have = open.received.reduce((n, b) => n + b.length, 0);
        if (have < open.total) { res.writeHead(308, { range: `bytes=0-${have - 1}` }); return res.end(); }
        const content = Buffer.concat(open.received);
        const file = open.fileId ? Object.assign(files.get(open.fileId)!, { content, modifiedTime: now() }) : createFile(open.metadata, content, String(open.metadata.mimeType ?? ''));
        sessions.delete(session[1]);
        return reply(200, resource(file, undefined));
      }
      const upload = /^\/upload\/drive\/v3\/files(?:\/([^/]+))?$/.exec(path);
      if (upload) {
        const type = q.get('uploadType');
        const existing = upload[1] ? files.get(upload[1]) : undefined;
        if (upload[1] && !existing) return notFound(upload[1]);
        if (type === 'multipart') {
          const { metadata, content, mimeType } = parseMultipart(raw, contentType);
          return reply(200, resource(createFile(metadata, content, mimeType), q.get('fields') ?? undefined));
        }
        if (type === 'media') {
          if (existing) { Object.assign(existing, { content: raw, mimeType: contentType || existing.mimeType, modifiedTime: now() }); return reply(200, resource(existing, undefined)); }
          return reply(200, resource(createFile({ name: 'Untitled' }, raw, contentType), q.get('fields') ?? undefined));
        }
        if (type === 'resumable') {
          const id = `S${++counter}`;
          sessions.set(id, { metadata: json ?? {}, total: Number(req.headers['x-upload-content-length'] ?? 0), received: [], fileId: existing?.id });
          res.writeHead(200, { location: `${base}/upload/session/${id}` });
          return res.end();
        }
        return googleError(400, `Invalid value for uploadType: ${type}`, 'invalid', 'INVALID_ARGUMENT');
      }
      if (path === '/drive/v3/about' && req.method === 'GET') {
        if (!q.get('fields')) return googleError(400, "The 'fields' parameter is required for this method.", 'required', 'INVALID_ARGUMENT');
        return reply(200, { user: { kind: 'drive#user', displayName: 'Ann', emailAddress: 'ann@example.com' } });
      }
      // ---- files
      if (path === '/drive/v3/files' && req.method === 'GET') {
        const found = [...files.values()].filter((file) => matches(q.get('q') ?? '', file) && (!q.get('driveId') || file.driveId === q.get('driveId')));
        const size = Math.min(Number(q.get('pageSize') ?? 100), 1000);
        const start = Number(q.get('pageToken') ?? 0);
        const page = found.slice(start, start + size);
        const fields = q.get('fields') ?? '';
        const inner = /files\(([^)]*)\)/.exec(fields)?.[1];
        return reply(200, { kind: 'drive#fileList', incompleteSearch: false, files: page.map((file) => resource(file, inner)),
          ...(start + size < found.length ? { nextPageToken: String(start + size) } : {}) });
      }
      if (path === '/drive/v3/files' && req.method === 'POST') return reply(200, resource(createFile(json ?? {}), q.get('fields') ?? undefined));
      const fileMatch = /^\/drive\/v3\/files\/([^/]+)(\/copy|\/export|\/permissions|\/revisions)?$/.exec(path);
      if (fileMatch) {
        const file = files.get(decodeURIComponent(fileMatch[1]));
        if (!file) return notFound(fileMatch[1]);
        const sub = fileMatch[2];
        if (!sub && req.method === 'GET') {
          if (q.get('alt') === 'media') {
            if (file.mimeType.startsWith('application/vnd.google-apps')) return googleError(403, 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', 'fileNotDownloadable', 'PERMISSION_DENIED');
            res.writeHead(200, { 'content-type': file.mimeType });
            return res.end(file.content ?? Buffer.alloc(0));
          }
          return reply(200, resource(file, q.get('fields') ?? undefined));
        }
        if (sub === '/export' && req.method === 'GET') {
          if (!file.mimeType.startsWith('application/vnd.google-apps')) return googleError(400, 'Export only supports Docs Editors files.', 'fileNotExportable', 'INVALID_ARGUMENT');
          res.writeHead(200, { 'content-type': q.get('mimeType') ?? 'application/octet-stream' });
          return res.end(Buffer.from(`exported ${file.name} as ${q.get('mimeType')}`));
        }
        if (!sub && req.method === 'PATCH') {
          for (const [key, value] of Object.entries(json ?? {})) file[key] = value;
          const add = q.get('addParents'); const remove = q.get('removeParents');
          if (remove) file.parents = file.parents.filter((p) => !remove.split(',').includes(p));
          if (add) file.parents = [...new Set([...file.parents, ...add.split(',')])];
          file.modifiedTime = now();
          return reply(200, resource(file, q.get('fields') ?? undefined));
        }
        if (!sub && req.method === 'DELETE') { files.delete(file.id); res.writeHead(204); return res.end(); }
        if (sub === '/copy' && req.method === 'POST') {
          const parents = Array.isArray(json?.parents) && json.parents.length ? json.parents : file.parents;
          const copy = createFile({ ...file, ...json, parents, id: undefined }, file.content, file.mimeType);
          return reply(200, resource(copy, undefined));
        }
        if (sub === '/permissions' && req.method === 'POST') {
          if (!['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'].includes(json?.role)) return googleError(400, 'The permission role field is required.', 'required', 'INVALID_ARGUMENT');
          permissions.push({ fileId: file.id, permission: json });
          return reply(200, { kind: 'drive#permission', id: `perm${permissions.length}`, type: json.type, role: json.role });
        }
        if (sub === '/revisions' && req.method === 'GET') {
          const list = revisions.get(file.id) ?? [];
          return reply(200, { kind: 'drive#revisionList', revisions: list.map((r) => ({ kind: 'drive#revision', ...r,
            exportLinks: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': `${base}/export/${file.id}/${r.id}?exportFormat=xlsx` } })) });
        }
      }
      // ---- shared drives
      if (path === '/drive/v3/drives' && req.method === 'POST') {
        if (!q.get('requestId')) return googleError(400, 'Required parameter: requestId', 'required', 'INVALID_ARGUMENT');
        const id = `0ADRIVE${++counter}`;
        const drive = { kind: 'drive#drive', id, ...json };
        drives.set(id, drive);
        return reply(200, drive);
      }
      if (path === '/drive/v3/drives' && req.method === 'GET') {
        const filter = /name contains '(.*)'/.exec(q.get('q') ?? '')?.[1];
        const all = [...drives.values()].filter((d) => !filter || String(d.name).includes(filter));
        const size = Number(q.get('pageSize') ?? 10);
        const start = Number(q.get('pageToken') ?? 0);
        return reply(200, { kind: 'drive#driveList', drives: all.slice(start, start + size), ...(start + size < all.length ? { nextPageToken: String(start + size) } : {}) });
      }
      const driveMatch = /^\/drive\/v3\/drives\/([^/]+)$/.exec(path);
      if (driveMatch) {
        const drive = drives.get(driveMatch[1]);
        if (!drive) return googleError(404, `Shared drive not found: ${driveMatch[1]}`, 'notFound', 'NOT_FOUND');
        if (req.method === 'GET') return reply(200, drive);
        if (req.method === 'PATCH') return reply(200, Object.assign(drive, json));
        if (req.method === 'DELETE') { drives.delete(driveMatch[1]); res.writeHead(204); return res.end(); }
      }
      // ---- Docs
      const doc = /^\/v1\/documents\/([^/:]+)(:batchUpdate)?$/.exec(path);
      if (doc) {
        const document = documents.get(doc[1]) ?? (files.get(doc[1])?.mimeType === 'application/vnd.google-apps.document'
          ? (() => { const d = { documentId: doc[1], title: files.get(doc[1])!.name, body: { content: [] }, revisionId: 'r0' }; documents.set(doc[1], d); return d; })() : undefined);
        if (!document) return googleError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND');
        if (!doc[2] && req.method === 'GET') return reply(200, { ...document, documentId: document.documentId });
        if (doc[2] && req.method === 'POST') {
          const write = json?.writeControl as Record<string, string> | undefined;
          if (write?.requiredRevisionId && write.requiredRevisionId !== document.revisionId) {
            return googleError(400, 'The required revision ID does not match the latest revision.', 'badRequest', 'FAILED_PRECONDITION');
          }
          const replies = ((json?.requests ?? []) as Array<Record<string, Record<string, unknown>>>).map((request) => {
            const [kind] = Object.keys(request);
            if (kind === 'insertText') {
              document.body.content.push({ paragraph: { elements: [{ textRun: { content: String(request.insertText.text) } }] } });
              return {};
            }
            if (kind === 'replaceAllText') {
              const find = (request.replaceAllText.containsText as { text: string }).text;
              let count = 0;
              for (const block of document.body.content) {
                for (const element of ((block.paragraph as { elements?: Array<{ textRun?: { content: string } }> } | undefined)?.elements ?? [])) {
                  if (element.textRun?.content.includes(find)) { count += element.textRun.content.split(find).length - 1; element.textRun.content = element.textRun.content.split(find).join(String(request.replaceAllText.replaceText)); }
                }
              }
              return { replaceAllText: { occurrencesChanged: count } };
            }
            if (kind === 'createNamedRange') return { createNamedRange: { namedRangeId: 'kix.nr1' } };
            if (kind === 'createHeader') return { createHeader: { headerId: 'kix.h1' } };
            if (kind === 'createFooter') return { createFooter: { footerId: 'kix.f1' } };
            return {};
          });
          document.revisionId = `r${Number(document.revisionId.slice(1)) + 1}`;
          return reply(200, { documentId: document.documentId, replies, writeControl: { requiredRevisionId: document.revisionId } });
        }
      }
      if (path === '/v1/documents' && req.method === 'POST') {
        const id = `DOC${++counter}`;
        const created = { documentId: id, title: String(json?.title ?? 'Untitled document'), body: { content: [] }, revisionId: 'r0' };
        documents.set(id, created);
        return reply(200, created);
      }
      return googleError(404, 'Not Found', 'notFound', 'NOT_FOUND');
    } catch (error) {
      return googleError(400, (error as Error).message, 'invalid', 'INVALID_ARGUMENT');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, seen, files, drives, documents, revisions, permissions, assertions, addFile,
    rateLimitOnce: () => { limitNext = true; },
    refuseNextChunk: () => { refuseChunk = true; },
    reset: () => {
      for (const map of [files, drives, documents, revisions, sessions]) map.clear();
      seen.length = 0; permissions.length = 0; assertions.length = 0; counter = 0; limitNext = false; refuseChunk = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const FOLDER_MIME_TYPE = FOLDER;
