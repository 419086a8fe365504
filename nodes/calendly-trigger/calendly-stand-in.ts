// Test support: a local stand-in for Calendly, from Calendly's public API reference. API v2 (root
// `/`): GET /users/me, webhook subscriptions list (organization + scope required, `user` with user
// scope; `{collection, pagination}`), create (201 `{resource}`, 409 for a URL already subscribed,
// 400 `{title, message, details}` for bad arguments), get and delete (204) by UUID; Bearer tokens.
// Legacy API v1 (root `/api/v1`): GET /users/me, GET/POST /hooks and DELETE /hooks/{id} with X-TOKEN. A 429 with
// Retry-After when armed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CAL_TOKEN = 'eyJraWQiOiIx.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
export const CAL_OAUTH_TOKEN = 'eyJvYXV0aCI6MX0.eyJ1c2VyIjoyfQ.b2F1dGg';
export const CAL_LEGACY_KEY = 'LEGACYKEY123';
export interface CalSeen { method: string; path: string; query: URLSearchParams; body: any; authorization?: string; xToken?: string }
export interface Subscription { uri: string; callback_url: string; events: string[]; scope: string; organization: string; user: string | null; signing_key?: string; state: string; created_at: string; updated_at: string; retry_started_at: null; creator: string }
export interface LegacyHook { id: number; url: string; events: string[] }

export interface CalendlyStandIn {
  url: string;
  /** The legacy v1 root to put in WEFT_CALENDLY_V1_API_URL. */
  legacyUrl: string;
  seen: CalSeen[];
  subscriptions: Subscription[];
  hooks: LegacyHook[];
  userUri: string;
  organizationUri: string;
  rateLimitOnce(retryAfter: string): void;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const EVENTS = new Set(['invitee.created', 'invitee.canceled', 'invitee_no_show.created', 'invitee_no_show.deleted', 'routing_form_submission.created']);

export async function startCalendlyStandIn(): Promise<CalendlyStandIn> {
  const seen: CalSeen[] = [];
  const subscriptions: Subscription[] = [];
  const hooks: LegacyHook[] = [];
  let limited: string | undefined;
  let counter = 0;
  let base = '';

  const server = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', 'http://stand-in');
    const text = await bodyOf(req);
    let body: any;
    try { body = text ? JSON.parse(text) : undefined; } catch { return reply(res, 400, { title: 'Invalid Argument', message: 'The request body is not valid JSON.' }); }
    seen.push({ method: req.method ?? '', path: target.pathname, query: target.searchParams, body, authorization: req.headers.authorization, xToken: req.headers['x-token'] as string | undefined });
    if (limited !== undefined) {
      const after = limited;
      limited = undefined;
      return reply(res, 429, { title: 'Too Many Requests', message: 'You have exceeded the rate limit. Please try again later.' }, { 'retry-after': after });
    }
    const parts = target.pathname.split('/').filter(Boolean);

    if (parts[0] === 'api' && parts[1] === 'v1') {
      if (req.headers['x-token'] !== CAL_LEGACY_KEY) return reply(res, 401, { type: 'authentication_error', message: 'Invalid token' });
      if (req.method === 'GET' && parts[2] === 'users' && parts[3] === 'me') {
        return reply(res, 200, { data: { type: 'users', id: 'LEGACYUSER', attributes: { name: 'Ann Example', email: 'ann@example.com' } } });
      }
      if (parts[2] !== 'hooks') return reply(res, 404, { type: 'not_found', message: 'Not found' });
      if (req.method === 'GET' && parts.length === 3) {
        return reply(res, 200, { data: hooks.map((hook) => ({ type: 'hooks', id: hook.id, attributes: { url: hook.url, created_at: '2019-01-01T00:00:00Z', state: 'active', events: hook.events } })) });
      }
      if (req.method === 'POST' && parts.length === 3) {
        if (!body?.url || !Array.isArray(body.events) || !body.events.length) return reply(res, 422, { type: 'validation_error', message: 'Validation failed', errors: { url: ["can't be blank"] } });
        if (hooks.some((hook) => hook.url === body.url)) return reply(res, 422, { type: 'validation_error', message: 'Hook with this url already exists' });
        const hook = { id: 1000 + ++counter, url: body.url, events: body.events };
        hooks.push(hook);
        return reply(res, 201, { id: hook.id });
      }
      if (req.method === 'DELETE' && parts.length === 4) {
        const at = hooks.findIndex((hook) => String(hook.id) === parts[3]);
        if (at < 0) return reply(res, 404, { type: 'not_found', message: 'Hook not found' });
        hooks.splice(at, 1);
        res.writeHead(200);
        return res.end();
      }
      return reply(res, 404, { type: 'not_found', message: 'Not found' });
    }

    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (token !== CAL_TOKEN && token !== CAL_OAUTH_TOKEN) return reply(res, 401, { title: 'Unauthenticated', message: 'The access token is invalid' });
    const userUri = `${base}/users/AAAAAAAAAAAAAAAA`;
    const organizationUri = `${base}/organizations/BBBBBBBBBBBBBBBB`;
    if (req.method === 'GET' && target.pathname === '/users/me') {
      return reply(res, 200, { resource: { uri: userUri, name: 'Ann Example', email: 'ann@example.com', current_organization: organizationUri, timezone: 'UTC' } });
    }
    if (parts[0] !== 'webhook_subscriptions') return reply(res, 404, { title: 'Resource Not Found', message: 'The server could not find the requested resource.' });
    if (req.method === 'GET' && parts.length === 1) {
      const q = target.searchParams;
      const details = [];
      if (!q.get('organization')) details.push({ parameter: 'organization', message: 'is missing' });
      if (!['user', 'organization'].includes(q.get('scope') ?? '')) details.push({ parameter: 'scope', message: 'must be one of organization, user' });
      if (q.get('scope') === 'user' && !q.get('user')) details.push({ parameter: 'user', message: 'is required when scope is user' });
      if (details.length) return reply(res, 400, { title: 'Invalid Argument', message: 'The supplied parameters are invalid.', details });
      const list = subscriptions.filter((s) => s.organization === q.get('organization') && s.scope === q.get('scope') && (q.get('scope') !== 'user' || s.user === q.get('user')));
      return reply(res, 200, { collection: list.map(({ signing_key: _key, ...rest }) => rest), pagination: { count: list.length, next_page: null, previous_page: null, next_page_token: null, previous_page_token: null } });
    }
    if (req.method === 'POST' && parts.length === 1) {
      const details = [];
      if (typeof body?.url !== 'string' || !/^https?:\/\//.test(body.url)) details.push({ parameter: 'url', message: 'is not a valid URL' });
      if (!Array.isArray(body?.events) || !body.events.length || body.events.some((e: string) => !EVENTS.has(e))) details.push({ parameter: 'events', message: 'contains an invalid event' });
      if (body?.organization !== organizationUri) details.push({ parameter: 'organization', message: 'is not a valid organization' });
      if (!['user', 'organization'].includes(body?.scope)) details.push({ parameter: 'scope', message: 'must be one of organization, user' });
      if (body?.scope === 'user' && body?.user !== userUri) details.push({ parameter: 'user', message: 'is required when scope is user' });
      if (details.length) return reply(res, 400, { title: 'Invalid Argument', message: 'The supplied parameters are invalid.', details });
      if (subscriptions.some((s) => s.callback_url === body.url)) return reply(res, 409, { title: 'Already Exists', message: 'Hook with this url already exists' });
      const now = new Date().toISOString();
      const created: Subscription = {
        uri: `${base}/webhook_subscriptions/${String(++counter).padStart(8, '0')}-0000-4000-8000-000000000000`, callback_url: body.url, events: body.events,
        scope: body.scope, organization: body.organization, user: body.scope === 'user' ? body.user : null, state: 'active',
        created_at: now, updated_at: now, retry_started_at: null, creator: userUri, ...(body.signing_key ? { signing_key: body.signing_key } : {}),
      };
      subscriptions.push(created);
      const { signing_key: _key, ...shown } = created;
      return reply(res, 201, { resource: shown });
    }
    const at = subscriptions.findIndex((s) => s.uri === `${base}${target.pathname}`);
    if (at < 0) return reply(res, 404, { title: 'Resource Not Found', message: 'The server could not find the requested resource.' });
    if (req.method === 'GET') return reply(res, 200, { resource: subscriptions[at] });
    if (req.method === 'DELETE') {
      subscriptions.splice(at, 1);
      return reply(res, 204);
    }
    return reply(res, 404, { title: 'Resource Not Found', message: 'The server could not find the requested resource.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, legacyUrl: `${base}/api/v1`, seen, subscriptions, hooks,
    userUri: `${base}/users/AAAAAAAAAAAAAAAA`, organizationUri: `${base}/organizations/BBBBBBBBBBBBBBBB`,
    rateLimitOnce(retryAfter) { limited = retryAfter; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
