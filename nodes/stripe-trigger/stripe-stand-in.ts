// Test support: a local stand-in for Stripe's API, written from Stripe's public API reference
// (docs.stripe.com/api): `Authorization: Bearer <secret key>`, form-encoded request bodies (arrays
// as `key[]`, nested keys as `a[b]`), webhook endpoints created by POST /v1/webhook_endpoints
// (`url`, `enabled_events[]`, `description`, `api_version`) answering the endpoint with its
// `secret` (whsec_…) and `status: enabled`, fetched by GET /v1/webhook_endpoints/{id}, listed by
// GET /v1/webhook_endpoints and deleted by DELETE answering `{id, object, deleted: true}`; lists
// `{object: 'list', data, has_more, url}` paged by `limit` + `starting_after`; errors
// `{error: {type, code, message, param}}`; and a 429 with Retry-After when armed.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = Record<string, any>;
export interface SeenStripeRequest { method: string; path: string; query: Record<string, string>; authorization: string; contentType: string; form: URLSearchParams }

export interface StripeStandIn {
  url: string;
  seen: SeenStripeRequest[];
  endpoints: Map<string, Obj>;
  /** Collections by path (`/v1/customers` …) holding objects by id, for the Stripe node's operations. */
  store: Map<string, Map<string, Obj>>;
  rateLimitOnce(seconds: number): void;
  close(): Promise<void>;
}

export const STRIPE_KEY = 'sk_test_good_key';

/** Parses Stripe's form encoding into an object: `a[b]=1` -> {a: {b: '1'}}, `a[]=x` -> {a: ['x']}. */
export function parseStripeForm(form: URLSearchParams): Obj {
  const out: Obj = {};
  for (const [key, value] of form.entries()) {
    const parts = key.replace(/\]/g, '').split('[');
    let node: any = out;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const next = parts[index + 1];
      if (part === '') { (node as unknown[]).push(value); return; }
      if (last) { node[part] = value; return; }
      node[part] ??= next === '' || /^\d+$/.test(next) ? [] : {};
      node = node[part];
    });
  }
  return out;
}

const missing = (kind: string, id: string) => ({ error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param: 'id' } });

export async function startStripeStandIn(): Promise<StripeStandIn> {
  const seen: SeenStripeRequest[] = [];
  const endpoints = new Map<string, Obj>();
  const store = new Map<string, Map<string, Obj>>();
  let armed: number | undefined;
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const contentType = String(req.headers['content-type'] ?? '');
      const form = new URLSearchParams(raw);
      const request = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()), authorization: String(req.headers.authorization ?? ''), contentType, form };
      seen.push(request);
      if (armed !== undefined) {
        const wait = armed;
        armed = undefined;
        return reply(429, { error: { type: 'rate_limit_error', code: 'rate_limit', message: 'Too many requests hit the API too quickly.' } }, { 'retry-after': String(wait) });
      }
      if (!request.authorization.startsWith('Bearer ')) return reply(401, { error: { type: 'invalid_request_error', message: 'You did not provide an API key.' } });
      if (request.authorization.slice(7) !== STRIPE_KEY) return reply(401, { error: { type: 'invalid_request_error', code: 'api_key_invalid', message: 'Invalid API Key provided: sk_test_****' } });
      if (req.method === 'POST' && raw && !contentType.startsWith('application/x-www-form-urlencoded')) {
        return reply(400, { error: { type: 'invalid_request_error', message: 'Invalid request: unsupported Content-Type. Use application/x-www-form-urlencoded.' } });
      }
      const body = parseStripeForm(form);
      const list = (items: Obj[], path: string) => {
        const limit = Number(url.searchParams.get('limit') ?? 10);
        if (!(limit >= 1 && limit <= 100)) return reply(400, { error: { type: 'invalid_request_error', code: 'parameter_invalid_integer', message: 'Invalid integer: limit', param: 'limit' } });
        const after = url.searchParams.get('starting_after');
        const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
        if (after && start === 0) return reply(400, missing('object', after));
        const data = items.slice(start, start + limit);
        return reply(200, { object: 'list', url: path, has_more: start + limit < items.length, data });
      };

      if (url.pathname === '/v1/webhook_endpoints') {
        if (req.method === 'GET') return list([...endpoints.values()].map(({ secret: _secret, ...rest }) => rest), url.pathname);
        if (req.method === 'POST') {
          if (!body.url) return reply(400, { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: url.', param: 'url' } });
          if (!Array.isArray(body.enabled_events) || !body.enabled_events.length) {
            return reply(400, { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing required param: enabled_events.', param: 'enabled_events' } });
          }
          const id = `we_${(++counter).toString().padStart(4, '0')}${randomBytes(4).toString('hex')}`;
          const endpoint = {
            id, object: 'webhook_endpoint', api_version: body.api_version ?? null, application: null, created: Math.floor(Date.now() / 1000),
            description: body.description ?? null, enabled_events: body.enabled_events, livemode: false, metadata: {},
            secret: `whsec_${randomBytes(16).toString('hex')}`, status: 'enabled', url: body.url,
          };
          endpoints.set(id, endpoint);
          return reply(200, endpoint);
        }
      }
      const hook = /^\/v1\/webhook_endpoints\/([^/]+)$/.exec(url.pathname);
      if (hook) {
        const endpoint = endpoints.get(hook[1]);
        if (!endpoint) return reply(404, missing('webhook_endpoint', hook[1]));
        if (req.method === 'GET') { const { secret: _secret, ...rest } = endpoint; return reply(200, rest); }
        if (req.method === 'DELETE') { endpoints.delete(hook[1]); return reply(200, { id: hook[1], object: 'webhook_endpoint', deleted: true }); }
      }
      const collection = (path: string) => { let map = store.get(path); if (!map) { map = new Map(); store.set(path, map); } return map; };
      const prefix: Record<string, string> = { charges: 'ch', coupons: 'co', customers: 'cus', sources: 'src', tokens: 'tok' };
      const make = (kind: string, fields: Obj) => ({ id: `${prefix[kind] ?? 'obj'}_${(++counter).toString().padStart(4, '0')}`, object: kind.replace(/s$/, ''), created: 1_700_000_000 + counter, livemode: false, metadata: {}, ...fields });
      if (req.method === 'GET' && url.pathname === '/v1/balance') return reply(200, { object: 'balance', available: [{ amount: 1000, currency: 'usd', source_types: { card: 1000 } }], pending: [{ amount: 0, currency: 'usd' }], livemode: false });
      if (req.method === 'GET' && url.pathname === '/v1/country_specs') return reply(200, { object: 'list', has_more: false, url: url.pathname, data: [{ id: 'US', object: 'country_spec', default_currency: 'usd', supported_payment_currencies: ['usd', 'eur', 'gbp'] }] });
      const top = /^\/v1\/(charges|coupons|customers|sources|tokens)(?:\/([^/]+))?$/.exec(url.pathname);
      if (top) {
        const [, kind, objectId] = top;
        const objects = collection(`/v1/${kind}`);
        if (!objectId && req.method === 'GET' && kind !== 'tokens' && kind !== 'sources') {
          let items = [...objects.values()];
          if (kind === 'customers' && url.searchParams.get('email')) items = items.filter((c) => c.email === url.searchParams.get('email'));
          return list(items, url.pathname);
        }
        if (!objectId && req.method === 'POST') {
          const need: Record<string, string[]> = { charges: ['amount', 'currency'], coupons: ['duration'], sources: ['type'], tokens: [] };
          for (const field of need[kind] ?? []) if (body[field] === undefined) return reply(400, { error: { type: 'invalid_request_error', code: 'parameter_missing', message: `Missing required param: ${field}.`, param: field } });
          if (kind === 'coupons' && body.percent_off === undefined && body.amount_off === undefined) return reply(400, { error: { type: 'invalid_request_error', message: 'You must pass either `amount_off` or `percent_off`.' } });
          if (kind === 'charges' && body.customer && !collection('/v1/customers').has(body.customer)) return reply(400, missing('customer', body.customer));
          const fields = kind === 'charges' ? { ...body, amount: Number(body.amount), status: 'succeeded', paid: true }
            : kind === 'tokens' ? { type: 'card', used: false, card: { object: 'card', id: `card_${counter + 1}`, last4: String(body.card?.number ?? '').slice(-4), exp_month: Number(body.card?.exp_month), exp_year: Number(body.card?.exp_year), brand: 'Visa' } }
            : kind === 'sources' ? { ...body, amount: Number(body.amount), status: 'pending' }
            : kind === 'coupons' ? { ...body, ...(body.percent_off !== undefined ? { percent_off: Number(body.percent_off) } : { amount_off: Number(body.amount_off) }), valid: true }
            : body;
          const created = make(kind, fields);
          objects.set(created.id, created);
          return reply(200, created);
        }
        if (objectId) {
          const found = objects.get(objectId);
          if (!found) return reply(404, missing(kind.replace(/s$/, ''), objectId));
          if (req.method === 'GET') return reply(200, found);
          if (req.method === 'POST') { Object.assign(found, body, body.metadata ? { metadata: { ...found.metadata, ...body.metadata } } : {}); return reply(200, found); }
          if (req.method === 'DELETE' && kind === 'customers') { objects.delete(objectId); return reply(200, { id: objectId, object: 'customer', deleted: true }); }
        }
      }
      const nested = /^\/v1\/customers\/([^/]+)\/sources(?:\/([^/]+))?$/.exec(url.pathname);
      if (nested) {
        const [, customerId, sourceId] = nested;
        const customer = collection('/v1/customers').get(customerId);
        if (!customer) return reply(404, missing('customer', customerId));
        const attached = collection(`/v1/customers/${customerId}/sources`);
        if (!sourceId && req.method === 'POST') {
          const token = collection('/v1/tokens').get(body.source);
          const source = collection('/v1/sources').get(body.source);
          if (!token && !source) return reply(400, missing('source', String(body.source)));
          const entry = token ? { ...token.card, customer: customerId } : { ...source, customer: customerId };
          attached.set(entry.id, entry);
          return reply(200, entry);
        }
        if (sourceId) {
          const entry = attached.get(sourceId);
          if (!entry) return reply(404, missing('source', sourceId));
          if (req.method === 'GET') return reply(200, entry);
          if (req.method === 'DELETE') { attached.delete(sourceId); return reply(200, entry.object === 'card' ? { id: sourceId, object: 'card', deleted: true } : { ...entry, status: 'consumed' }); }
        }
      }
      return reply(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${url.pathname}).` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, seen, endpoints, store,
    rateLimitOnce: (seconds) => { armed = seconds; },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
