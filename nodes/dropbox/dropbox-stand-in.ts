// Test support: a local stand-in for Dropbox's API v2, written from Dropbox's HTTP documentation
// (dropbox.com/developers/documentation/http/documentation): RPC endpoints take POST with a JSON
// body (or none for argument-less ones), content endpoints take the arguments in Dropbox-API-Arg and
// answer download metadata in Dropbox-API-Result; a Bearer token; errors as 409 with
// {error_summary, error} (path/not_found/..), 401 for a bad token, 400 as plain text for a bad
// request, 429 with Retry-After when armed; listings page with cursor/has_more.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const GOOD_TOKEN = 'sl.good-dropbox-token';
export const ROOT_NAMESPACE = '3235641';

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string;
  contentType: string;
  pathRoot: string;
  apiArg: unknown;
  body: unknown;
  raw: Buffer;
}

export interface DropboxStandIn {
  url: string;
  seen: SeenRequest[];
  files: Map<string, Buffer>;
  rateLimitOnce(path: string, seconds: number): void;
  close(): Promise<void>;
}

const meta = (path: string, size?: number) => ({
  '.tag': size === undefined ? 'folder' : 'file', name: path.split('/').pop(), path_lower: path.toLowerCase(), path_display: path, id: `id:${Buffer.from(path).toString('hex').slice(0, 12)}`,
  ...(size === undefined ? {} : { client_modified: '2024-01-01T10:00:00Z', server_modified: '2024-01-01T10:00:01Z', rev: '015a1b2c3d', size, is_downloadable: true, content_hash: 'abc123' }),
});

export async function startDropboxStandIn(): Promise<DropboxStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const files = new Map<string, Buffer>([['/Docs/report.pdf', Buffer.from('%PDF-1.4 report')], ...Array.from({ length: 5 }, (_, i) => [`/Photos/p${i + 1}.jpg`, Buffer.from(`jpeg ${i + 1}`)] as [string, Buffer])]);
  const folders = new Set(['/Docs', '/Photos']);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const text = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(body);
      };
      const conflict = (summary: string, error: unknown) => json(409, { error_summary: summary, error });
      const argHeader = req.headers['dropbox-api-arg'];
      let apiArg: unknown;
      let body: unknown;
      try {
        apiArg = typeof argHeader === 'string' ? JSON.parse(argHeader) : undefined;
        body = (req.headers['content-type'] ?? '').startsWith('application/json') ? JSON.parse(raw.toString('utf8') || 'null') : undefined;
      } catch {
        return text(400, 'Error in call: could not decode input as JSON');
      }
      const request: SeenRequest = {
        method: req.method ?? '', path, authorization: req.headers.authorization ?? '', contentType: req.headers['content-type'] ?? '',
        pathRoot: String(req.headers['dropbox-api-path-root'] ?? ''), apiArg, body, raw,
      };
      seen.push(request);
      if (req.method !== 'POST') return text(405, 'Method not allowed');
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return json(429, { error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: wait } }, { 'retry-after': String(wait) });
      }
      if (request.authorization !== `Bearer ${GOOD_TOKEN}`) return json(401, { error_summary: 'invalid_access_token/...', error: { '.tag': 'invalid_access_token' } });
      if (request.pathRoot && JSON.parse(request.pathRoot).root !== ROOT_NAMESPACE) return conflict('invalid_root/..', { '.tag': 'invalid_root' });
      const args = (body ?? {}) as Record<string, unknown>;
      const need = (...names: string[]) => names.find((n) => typeof args[n] !== 'string');
      switch (path) {
        case '/2/users/get_current_account':
          if (raw.length > 0 && raw.toString() !== 'null') return text(400, 'Error in call to API function "users/get_current_account": request body: could not decode input as JSON');
          return json(200, { account_id: 'dbid:AAH4f99', email: 'ann@example.com', root_info: { '.tag': 'user', root_namespace_id: ROOT_NAMESPACE, home_namespace_id: ROOT_NAMESPACE } });
        case '/2/files/upload': {
          const a = apiArg as { path?: string; mode?: string } | undefined;
          if (!a?.path || request.contentType !== 'application/octet-stream') return text(400, 'Error in call to API function "files/upload": Bad HTTP "Content-Type" header or missing argument');
          if (!folders.has(a.path.slice(0, a.path.lastIndexOf('/')) || '/')) return conflict('path/no_write_permission/..', { '.tag': 'path', reason: { '.tag': 'no_write_permission' } });
          files.set(a.path, raw);
          return json(200, meta(a.path, raw.length));
        }
        case '/2/files/download': {
          const a = apiArg as { path?: string } | undefined;
          const file = a?.path ? files.get(a.path) : undefined;
          if (!file || !a?.path) return conflict('path/not_found/...', { '.tag': 'path', path: { '.tag': 'not_found' } });
          res.writeHead(200, { 'content-type': 'application/octet-stream', 'dropbox-api-result': JSON.stringify(meta(a.path, file.length)) });
          return res.end(file);
        }
        case '/2/files/create_folder_v2':
          if (need('path')) return text(400, 'Error in call to API function "files/create_folder_v2": missing path');
          if (folders.has(String(args.path))) return conflict('path/conflict/folder/..', { '.tag': 'path', path: { '.tag': 'conflict', conflict: { '.tag': 'folder' } } });
          folders.add(String(args.path));
          return json(200, { metadata: meta(String(args.path)) });
        case '/2/files/delete_v2':
        case '/2/files/copy_v2':
        case '/2/files/move_v2': {
          const from = String(args.path ?? args.from_path ?? '');
          if (path !== '/2/files/delete_v2' && need('from_path', 'to_path')) return text(400, 'missing from_path or to_path');
          const isFile = files.has(from);
          if (!isFile && !folders.has(from)) return conflict(`${path === '/2/files/delete_v2' ? 'path_lookup' : 'from_lookup'}/not_found/..`, { '.tag': 'from_lookup', from_lookup: { '.tag': 'not_found' } });
          const to = String(args.to_path ?? from);
          if (path === '/2/files/copy_v2' && isFile) files.set(to, files.get(from) as Buffer);
          if (path === '/2/files/move_v2' && isFile) { files.set(to, files.get(from) as Buffer); files.delete(from); }
          if (path === '/2/files/delete_v2') { files.delete(from); folders.delete(from); }
          return json(200, { metadata: meta(to, isFile ? (files.get(to) ?? Buffer.alloc(3)).length : undefined) });
        }
        case '/2/files/list_folder':
        case '/2/files/list_folder/continue': {
          const cursor = path.endsWith('continue') ? JSON.parse(Buffer.from(String(args.cursor), 'base64').toString()) as { path: string; offset: number; limit: number } : undefined;
          const folder = cursor?.path ?? String(args.path ?? '');
          if (folder !== '' && !folders.has(folder)) return conflict('path/not_found/..', { '.tag': 'path', path: { '.tag': 'not_found' } });
          const all = [...files.keys()].filter((p) => p.startsWith(`${folder}/`)).sort().map((p) => meta(p, (files.get(p) as Buffer).length));
          const offset = cursor?.offset ?? 0;
          const limit = cursor?.limit ?? Math.min(Number(args.limit ?? 2000), 2000);
          const more = offset + limit < all.length;
          return json(200, { entries: all.slice(offset, offset + limit), has_more: more,
            cursor: Buffer.from(JSON.stringify({ path: folder, offset: offset + limit, limit })).toString('base64') });
        }
        case '/2/files/search_v2':
        case '/2/files/search/continue_v2': {
          const cursor = path.endsWith('continue_v2') ? JSON.parse(Buffer.from(String(args.cursor), 'base64').toString()) as { query: string; offset: number; max: number } : undefined;
          const query = cursor?.query ?? String(args.query ?? '');
          if (!query) return text(400, 'missing query');
          const max = cursor?.max ?? Number((args.options as Record<string, unknown> | undefined)?.max_results ?? 100);
          const found = [...files.keys()].filter((p) => p.toLowerCase().includes(query.toLowerCase())).sort();
          const offset = cursor?.offset ?? 0;
          const page = found.slice(offset, offset + max);
          const more = offset + max < found.length;
          return json(200, {
            matches: page.map((p) => ({ match_type: { '.tag': 'filename' }, metadata: { '.tag': 'metadata', metadata: meta(p, (files.get(p) as Buffer).length) } })),
            has_more: more, ...(more ? { cursor: Buffer.from(JSON.stringify({ query, offset: offset + max, max })).toString('base64') } : {}),
          });
        }
        default:
          return text(400, `Unknown API function: ${path}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, seen, files,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
