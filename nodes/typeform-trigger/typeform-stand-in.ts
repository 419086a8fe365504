// Test support: a local stand-in for Typeform's Create and Webhooks APIs, written from Typeform's
// public reference (typeform.com/developers): `Authorization: bearer <token>`, forms listed with
// `page`/`page_size` and `page_count`, webhooks created or updated by PUT /forms/{form_id}/webhooks/{tag}
// ({url, enabled, secret, verify_ssl}), listed by GET /forms/{form_id}/webhooks ({items}) and deleted
// with 204; error bodies `{code, description}` and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenTypeformRequest { method: string; path: string; query: Record<string, string>; authorization: string; body: Obj | undefined }

export interface TypeformStandIn {
  url: string;
  seen: SeenTypeformRequest[];
  /** Registered webhooks by `formId/tag`. */
  hooks: Map<string, Obj>;
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

export const TYPEFORM_TOKEN = 'tfp_good_token';
export const FORMS = Array.from({ length: 5 }, (_, i) => ({ id: `form${i + 1}`, title: `Form ${i + 1}`, last_updated_at: '2024-01-01T00:00:00Z' }));

export async function startTypeformStandIn(): Promise<TypeformStandIn> {
  const seen: SeenTypeformRequest[] = [];
  const hooks = new Map<string, Obj>();
  let armed: number | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      let body: Obj | undefined;
      try { body = raw ? JSON.parse(raw) as Obj : undefined; } catch { return reply(400, { code: 'VALIDATION_ERROR', description: 'Invalid JSON' }); }
      const request = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), authorization: String(req.headers.authorization ?? ''), body };
      seen.push(request);
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, { code: 'TOO_MANY_REQUESTS', description: 'Too many requests' }, { 'retry-after': String(wait) });
      }
      if (!/^bearer /i.test(request.authorization)) return reply(401, { code: 'AUTHENTICATION_FAILED', description: 'Authentication credentials not found on the Request Headers' });
      if (request.authorization.slice(7) !== TYPEFORM_TOKEN) return reply(403, { code: 'FORBIDDEN', description: 'Invalid token' });
      if (req.method === 'GET' && url.pathname === '/workspaces') return reply(200, { total_items: 1, page_count: 1, items: [{ id: 'ws1', name: 'My workspace' }] });
      if (req.method === 'GET' && url.pathname === '/forms') {
        const size = Number(url.searchParams.get('page_size') ?? 10);
        const page = Number(url.searchParams.get('page') ?? 1);
        if (size > 200) return reply(400, { code: 'VALIDATION_ERROR', description: 'page_size must be at most 200' });
        return reply(200, { total_items: FORMS.length, page_count: Math.ceil(FORMS.length / size), items: FORMS.slice((page - 1) * size, page * size) });
      }
      const match = /^\/forms\/([^/]+)\/webhooks(?:\/([^/]+))?$/.exec(url.pathname);
      if (!match) return reply(404, { code: 'NOT_FOUND', description: 'Endpoint not found' });
      const [, formId, tag] = match;
      if (!FORMS.some((form) => form.id === formId)) return reply(404, { code: 'FORM_NOT_FOUND', description: 'Non existing form with uid ' + formId });
      if (!tag && req.method === 'GET') return reply(200, { items: [...hooks.values()].filter((hook) => hook.form_id === formId) });
      const key = `${formId}/${tag}`;
      if (tag && req.method === 'PUT') {
        if (!body || typeof body.url !== 'string' || typeof body.enabled !== 'boolean') return reply(400, { code: 'VALIDATION_ERROR', description: 'url and enabled are required' });
        const now = new Date().toISOString();
        const hook = { id: `wh-${hooks.size + 1}`, form_id: formId, tag, url: body.url, enabled: body.enabled, verify_ssl: body.verify_ssl ?? false, ...(body.secret ? { secret: body.secret } : {}), created_at: now, updated_at: now };
        hooks.set(key, hook);
        return reply(200, hook);
      }
      if (tag && req.method === 'GET') return hooks.has(key) ? reply(200, hooks.get(key)) : reply(404, { code: 'NOT_FOUND', description: 'Webhook not found' });
      if (tag && req.method === 'DELETE') {
        if (!hooks.delete(key)) return reply(404, { code: 'NOT_FOUND', description: 'Webhook not found' });
        return reply(204);
      }
      return reply(405, { code: 'METHOD_NOT_ALLOWED', description: 'Method not allowed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, seen, hooks,
    rateLimitOnce: (seconds) => { armed = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
