// Test support: a local stand-in for HubSpot's API, written from HubSpot's developer documentation
// (developers.hubspot.com/docs/api): the legacy `hapikey` query parameter or a Bearer token; the v1
// contacts API (createOrUpdate, profile, lists with `count`/`vidOffset` answering `has-more` and
// `vid-offset`), the v2 companies API (`limit`/`offset`, `has-more`), v1 deals, engagements and
// tickets, contact lists, property definitions, pipelines, owners and the CRM v3 search (`after`,
// `paging.next.after`); errors as {status: 'error', message, correlationId, category}; a 429 with
// Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'hub-api-key';
export const APP_TOKEN = 'pat-na1-good';

export interface SeenRequest { method: string; path: string; query: Record<string, string[]>; authorization: string; body: unknown }

export interface HubspotStandIn {
  url: string;
  seen: SeenRequest[];
  rateLimitOnce(path: string, seconds: number): void;
  close(): Promise<void>;
}

const error = (message: string, category: string) => ({ status: 'error', message, correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf', category });
const CONTACTS = Array.from({ length: 7 }, (_, i) => ({ vid: 101 + i, 'canonical-vid': 101 + i, properties: { firstname: { value: `Ann${i}` }, lastname: { value: 'Lee' }, email: { value: `ann${i}@example.com` } } }));
const COMPANIES = Array.from({ length: 5 }, (_, i) => ({ companyId: 201 + i, isDeleted: false, properties: { name: { value: `Acme ${i}` }, domain: { value: `acme${i}.com` } } }));

export async function startHubspotStandIn(): Promise<HubspotStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const query: Record<string, string[]> = {};
      for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return reply(400, error('Invalid input JSON on line 1', 'VALIDATION_ERROR'));
      }
      const request: SeenRequest = { method: req.method ?? '', path: url.pathname, query, authorization: req.headers.authorization ?? '', body };
      seen.push(request);
      const wait = armed.get(url.pathname);
      if (wait !== undefined) {
        armed.delete(url.pathname);
        return reply(429, { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' }, { 'retry-after': String(wait) });
      }
      const keyOk = query.hapikey?.[0] === API_KEY;
      const tokenOk = request.authorization === `Bearer ${APP_TOKEN}`;
      if (!keyOk && !tokenOk) return reply(401, error('Authentication credentials not found.', 'INVALID_AUTHENTICATION'));
      const p = url.pathname;
      const b = (body ?? {}) as Record<string, unknown>;
      const m = req.method;
      let match: RegExpExecArray | null;
      if (m === 'POST' && (match = /^\/contacts\/v1\/contact\/createOrUpdate\/email\/(.+)$/.exec(p))) {
        const props = b.properties as Array<{ property?: string }> | undefined;
        if (!Array.isArray(props) || props.some((x) => typeof x.property !== 'string')) return reply(400, error('Property values were not valid', 'VALIDATION_ERROR'));
        return reply(200, { vid: 3234574, isNew: !decodeURIComponent(match[1]).startsWith('ann0') });
      }
      if (m === 'GET' && (match = /^\/contacts\/v1\/contact\/vid\/(\d+)\/profile$/.exec(p))) {
        const vid = Number(match[1]);
        const found = CONTACTS.find((c) => c.vid === vid) ?? (vid === 3234574 ? { vid, properties: { email: { value: 'new@example.com' } } } : undefined);
        return found ? reply(200, found) : reply(404, { status: 'error', message: 'contact does not exist', correlationId: 'x', category: 'OBJECT_NOT_FOUND' });
      }
      if (m === 'DELETE' && (match = /^\/contacts\/v1\/contact\/vid\/(\d+)$/.exec(p))) return reply(200, { vid: Number(match[1]), deleted: true, reason: 'OK' });
      if (m === 'GET' && (p === '/contacts/v1/lists/all/contacts/all' || p === '/contacts/v1/lists/recently_updated/contacts/recent')) {
        const count = Math.min(Number(query.count?.[0] ?? 20), 100);
        const offset = Number(query.vidOffset?.[0] ?? 0);
        const page = CONTACTS.filter((c) => c.vid > offset).slice(0, count);
        const last = page[page.length - 1]?.vid ?? offset;
        return reply(200, { contacts: page, 'has-more': CONTACTS.some((c) => c.vid > last), 'vid-offset': last });
      }
      if (m === 'POST' && (match = /^\/crm\/v3\/objects\/(contacts|companies|deals)\/search$/.exec(p))) {
        const limit = Math.min(Number(b.limit ?? 10), 100);
        const after = Number(b.after ?? 0);
        const all = match[1] === 'contacts' ? CONTACTS.map((c) => ({ id: String(c.vid), properties: { email: c.properties.email.value, firstname: c.properties.firstname.value } }))
          : match[1] === 'companies' ? COMPANIES.map((c) => ({ id: String(c.companyId), properties: { name: c.properties.name.value } }))
            : [{ id: '301', properties: { dealname: 'Big deal' } }];
        const results = all.slice(after, after + limit).map((r) => ({ ...r, createdAt: '2024-01-01T00:00:00Z', archived: false }));
        return reply(200, { total: all.length, results, ...(after + limit < all.length ? { paging: { next: { after: String(after + limit), link: '?after=' } } } : {}) });
      }
      if (m === 'POST' && p === '/companies/v2/companies') return reply(200, { companyId: 299, isDeleted: false, properties: Object.fromEntries((b.properties as Array<{ name: string; value: unknown }>).map((x) => [x.name, { value: String(x.value) }])) });
      if (m === 'GET' && (match = /^\/companies\/v2\/companies\/recent\/(created|modified)$/.exec(p))) {
        // Newest first; `count` (at most 100) and `offset`, `since` a millisecond timestamp.
        const count = Math.min(Number(query.count?.[0] ?? 100), 100);
        const offset = Number(query.offset?.[0] ?? 0);
        const since = Number(query.since?.[0] ?? 0);
        const all = COMPANIES.map((c, i) => ({ ...c, properties: { ...c.properties, hs_lastmodifieddate: { value: String(1_700_000_000_000 + i * 86_400_000) } } }))
          .filter((c) => Number(c.properties.hs_lastmodifieddate.value) > since).reverse();
        const page = all.slice(offset, offset + count);
        return reply(200, { results: page, hasMore: offset + count < all.length, offset: offset + page.length, total: all.length });
      }
      if (m === 'GET' && p === '/companies/v2/companies/paged') {
        const limit = Math.min(Number(query.limit?.[0] ?? 100), 250);
        const offset = Number(query.offset?.[0] ?? 0);
        const page = COMPANIES.slice(offset, offset + limit);
        return reply(200, { companies: page, 'has-more': offset + limit < COMPANIES.length, offset: offset + page.length });
      }
      if ((match = /^\/companies\/v2\/companies\/(\d+)$/.exec(p))) {
        const found = COMPANIES.find((c) => c.companyId === Number(match?.[1]));
        if (!found) return reply(404, error(`resource not found`, 'OBJECT_NOT_FOUND'));
        if (m === 'DELETE') return reply(200, { companyId: found.companyId, deleted: true });
        if (m === 'PUT') return reply(200, { ...found, properties: { ...found.properties, ...Object.fromEntries((b.properties as Array<{ name: string; value: unknown }>).map((x) => [x.name, { value: String(x.value) }])) } });
        return reply(200, found);
      }
      if (m === 'POST' && p === '/deals/v1/deal') {
        const props = b.properties as Array<{ name: string; value: unknown }> | undefined;
        if (!props?.some((x) => x.name === 'dealstage')) return reply(400, error('Deal stage is required', 'VALIDATION_ERROR'));
        return reply(200, { dealId: 301, portalId: 62515, isDeleted: false, associations: b.associations ?? {}, properties: Object.fromEntries(props.map((x) => [x.name, { value: String(x.value) }])) });
      }
      if (m === 'DELETE' && /^\/deals\/v1\/deal\/\d+$/.test(p)) return reply(204);
      if (m === 'POST' && (match = /^\/contacts\/v1\/lists\/(\d+)\/(add|remove)$/.exec(p))) {
        const vids = (b.vids ?? []) as number[];
        const emails = (b.emails ?? []) as string[];
        return reply(200, { updated: vids, discarded: [], invalidVids: [], invalidEmails: emails.filter((e) => !e.includes('@')) });
      }
      if (m === 'POST' && p === '/crm-objects/v1/objects/tickets') {
        if (!Array.isArray(body)) return reply(400, error('Invalid input JSON', 'VALIDATION_ERROR'));
        return reply(200, { objectType: 'TICKET', portalId: 62515, objectId: 176602, properties: Object.fromEntries((body as Array<{ name: string; value: unknown }>).map((x) => [x.name, { value: String(x.value) }])) });
      }
      if (m === 'PUT' && p === '/crm-associations/v1/associations') return reply(204);
      if (m === 'GET' && p === '/properties/v2/contacts/properties') {
        return reply(200, [
          { name: 'email', label: 'Email', hubspotDefined: true }, { name: 'favourite_food', label: 'Favourite food', hubspotDefined: null },
          { name: 'hs_lead_status', label: 'Lead Status', hubspotDefined: true, options: [{ label: 'New', value: 'NEW' }, { label: 'Open', value: 'OPEN' }] },
        ]);
      }
      if (m === 'GET' && p === '/crm-pipelines/v1/pipelines/deals') return reply(200, { results: [{ pipelineId: 'default', label: 'Sales', stages: [{ stageId: 'appointmentscheduled', label: 'Appointment Scheduled' }, { stageId: 'closedwon', label: 'Closed Won' }] }] });
      if (m === 'GET' && p === '/deals/v1/deal/paged') return reply(200, { deals: [{ dealId: 301 }], hasMore: false, offset: 301 });
      return reply(404, error(`Unknown path ${p}`, 'OBJECT_NOT_FOUND'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    rateLimitOnce: (path, seconds) => armed.set(path, seconds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
