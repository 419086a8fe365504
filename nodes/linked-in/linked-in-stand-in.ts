// Test support: a local stand-in for LinkedIn's REST API, written from LinkedIn's Marketing API docs
// (learn.microsoft.com/linkedin: Posts API, Images API, Sign In with LinkedIn using OpenID Connect):
// Bearer token, `LinkedIn-Version` (YYYYMM) and `X-Restli-Protocol-Version: 2.0.0` on /rest calls,
// POST /rest/posts answering 201 with `x-restli-id`, POST /rest/images?action=initializeUpload with an
// upload URL for the bytes, GET /v2/userinfo and /v2/me, error bodies `{status, serviceErrorCode, code,
// message}`, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'AQV-good-token';
export const PERSON_ID = 'yrZCpj2Z12';
export const ORG_ID = '2414183';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body?: Record<string, unknown>; raw: Buffer }
export interface LinkedInStandIn { url: string; seen: SeenRequest[]; uploads: Map<string, { bytes: Buffer; contentType: string }>; rateLimit(seconds: number): void; close(): Promise<void> }

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
const liError = (status: number, code: string, message: string, serviceErrorCode = 100): Answer => ({ status, body: { status, serviceErrorCode, code, message } });

export async function startLinkedInStandIn(): Promise<LinkedInStandIn> {
  const seen: SeenRequest[] = [];
  const uploads = new Map<string, { bytes: Buffer; contentType: string }>();
  const pending = new Set<string>();
  let limited: number | undefined;
  let counter = 0;
  let url = '';

  function route(r: SeenRequest): Answer {
    if (r.path.startsWith('/upload/')) {
      const image = decodeURIComponent(r.path.slice('/upload/'.length));
      if (!pending.has(image)) return liError(404, 'NOT_FOUND', 'Upload URL expired or unknown');
      uploads.set(image, { bytes: r.raw, contentType: r.headers['content-type'] ?? '' });
      return { status: 201 };
    }
    if (r.headers.authorization !== `Bearer ${TOKEN}`) return liError(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    if (r.path === '/v2/userinfo' && r.method === 'GET') return { status: 200, body: { sub: PERSON_ID, name: 'Ana Lima', given_name: 'Ana', family_name: 'Lima', email: 'ana@example.com' } };
    if (r.path === '/v2/me' && r.method === 'GET') return { status: 200, body: { id: PERSON_ID, localizedFirstName: 'Ana', localizedLastName: 'Lima' } };
    if (!r.path.startsWith('/rest/')) return liError(404, 'NOT_FOUND', 'Resource not found');
    if (!/^\d{6}$/.test(r.headers['linkedin-version'] ?? '')) return liError(426, 'NONEXISTENT_VERSION', `Requested version ${r.headers['linkedin-version'] ?? ''} is not active`);
    if (r.headers['x-restli-protocol-version'] !== '2.0.0') return liError(400, 'ILLEGAL_ARGUMENT', 'X-Restli-Protocol-Version 2.0.0 is required');
    const body = r.body ?? {};
    if (r.path === '/rest/images' && r.query.action === 'initializeUpload' && r.method === 'POST') {
      const owner = (body.initializeUploadRequest as { owner?: string } | undefined)?.owner;
      if (!owner || !/^urn:li:(person|organization):/.test(owner)) return liError(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /initializeUploadRequest/owner :: field is required but not found and has no default value');
      const image = `urn:li:image:C4E10AQ${++counter}`;
      pending.add(image);
      return { status: 200, body: { value: { uploadUrlExpiresAt: 1_900_000_000_000, uploadUrl: `${url}/upload/${encodeURIComponent(image)}`, image } } };
    }
    if (r.path === '/rest/posts' && r.method === 'POST') {
      if (String(body.author).startsWith(`urn:li:organization:`) && body.author !== `urn:li:organization:${ORG_ID}`) {
        return liError(403, 'ACCESS_DENIED', 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20240401');
      }
      if (typeof body.commentary !== 'string') return liError(422, 'UNPROCESSABLE_ENTITY', 'ERROR :: /commentary :: field is required but not found and has no default value');
      const media = ((body.content as Record<string, unknown> | undefined)?.media as { id?: string } | undefined)?.id;
      if (media && !uploads.has(media)) return liError(422, 'UNPROCESSABLE_ENTITY', `ERROR :: /content/media/id :: ${media} is not uploaded`);
      return { status: 201, headers: { 'x-restli-id': `urn:li:share:68447855235931${String(++counter).padStart(5, '0')}` } };
    }
    return liError(404, 'NOT_FOUND', 'Resource not found');
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
      const json = (headers['content-type'] ?? '').startsWith('application/json') && raw.length ? { body: JSON.parse(raw.toString('utf8')) as Record<string, unknown> } : {};
      const request: SeenRequest = { method: req.method ?? 'GET', path: parsed.pathname, query: Object.fromEntries(parsed.searchParams.entries()), headers, raw, ...json };
      seen.push(request);
      let answer: Answer;
      if (limited !== undefined && !request.path.startsWith('/upload/')) {
        answer = { ...liError(429, 'TOO_MANY_REQUESTS', 'Resource level throttle limit for calls to this resource is reached.', 101), headers: { 'retry-after': String(limited) } };
        limited = undefined;
      } else answer = route(request);
      res.writeHead(answer.status, { ...(answer.body !== undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
      res.end(answer.body !== undefined ? JSON.stringify(answer.body) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, seen, uploads,
    rateLimit: (seconds) => { limited = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
