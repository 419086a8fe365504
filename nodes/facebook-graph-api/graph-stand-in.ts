// Test support: a local stand-in for Facebook's Graph API, written from Meta's Graph API reference
// (developers.facebook.com/docs/graph-api): `/{version}/{node}/{edge}` paths (the version may be
// left out), the token in the `access_token` query parameter, `fields` as a comma list, lists as
// `{data, paging: {cursors, next}}`, `{error: {message, type, code, fbtrace_id}}` error bodies with
// 400, multipart video uploads on the graph-video host, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

export const GRAPH_TOKEN = 'EAAGm0PX4ZCpsBAGOOD';

export interface GraphRequest { method: string; path: string; query: Record<string, string>; files: Array<{ field: string; fileName: string; mimeType: string; size: number }>; fields: Record<string, string> }

export interface GraphStandIn {
  url: string;
  seen: GraphRequest[];
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

const graphError = (message: string, type: string, code: number) => ({ error: { message, type, code, fbtrace_id: 'A1b2C3d4E5' } });
const PAGE = { id: '104230112345', name: 'Weft Bakery' };
const POSTS = [{ id: '104230112345_1', message: 'Fresh bread', created_time: '2024-03-01T10:00:00+0000' }, { id: '104230112345_2', message: 'Closed Monday', created_time: '2024-02-28T10:00:00+0000' }];
const ME = { id: '10158123456789', name: 'Ada Lovelace', email: 'ada@example.com' };

function pick(object: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
  if (!fields) return { id: object.id, name: object.name };
  return Object.fromEntries(['id', ...fields.split(',')].filter((f, i, all) => all.indexOf(f) === i && f in object).map((f) => [f, object[f]]));
}

export async function startGraphStandIn(): Promise<GraphStandIn> {
  const seen: GraphRequest[] = [];
  let armed: number | undefined;
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const request: GraphRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), files: [], fields: {} };
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'x-fb-trace-id': 'A1b2C3d4E5', ...headers });
      res.end(JSON.stringify(body));
    };
    const answer = () => {
      seen.push(request);
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, graphError('(#4) Application request limit reached', 'OAuthException', 4), { 'retry-after': String(wait) });
      }
      if (request.query.access_token !== GRAPH_TOKEN) return reply(400, graphError('Invalid OAuth access token - Cannot parse access token', 'OAuthException', 190));
      const parts = url.pathname.split('/').filter(Boolean);
      if (/^v\d+\.\d+$/.test(parts[0] ?? '')) parts.shift();
      const [node, edge] = parts;
      const key = `${req.method} ${node}${edge ? `/${edge}` : ''}`;
      if (key === 'GET me') return reply(200, pick(ME, request.query.fields));
      if (key === `GET ${PAGE.id}`) return reply(200, pick(PAGE, request.query.fields));
      if (key === `GET ${PAGE.id}/posts`) {
        const limit = Number(request.query.limit ?? 25);
        return reply(200, { data: POSTS.slice(0, limit), paging: { cursors: { before: 'QVFIUjBf', after: 'QVFIUmx1' }, ...(limit < POSTS.length ? { next: `${base}/${PAGE.id}/posts?after=QVFIUmx1` } : {}) } });
      }
      if (key === `POST ${PAGE.id}/feed`) {
        if (!request.query.message) return reply(400, graphError('(#100) Missing message or attachment', 'OAuthException', 100));
        return reply(200, { id: `${PAGE.id}_3` });
      }
      if (key === `POST ${PAGE.id}/videos`) {
        if (!request.files.some((f) => f.field === 'source')) return reply(400, graphError('(#100) No file was uploaded', 'OAuthException', 100));
        return reply(200, { id: '987654321' });
      }
      if (req.method === 'DELETE' && POSTS.some((p) => p.id === node)) return reply(200, { success: true });
      if (node === 'text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('plain words');
      }
      reply(400, graphError(`Unsupported ${req.method?.toLowerCase()} request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 'GraphMethodException', 100));
    };
    if (String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      const parser = busboy({ headers: req.headers });
      parser.on('field', (name, value) => { request.fields[name] = value; });
      parser.on('file', (field, stream, info) => {
        let size = 0;
        stream.on('data', (c: Buffer) => { size += c.length; });
        stream.on('end', () => request.files.push({ field, fileName: info.filename ?? '', mimeType: info.mimeType, size }));
      });
      parser.on('close', answer);
      req.pipe(parser);
    } else {
      req.resume();
      req.on('end', answer);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, seen, rateLimitOnce: (seconds) => { armed = seconds; }, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
