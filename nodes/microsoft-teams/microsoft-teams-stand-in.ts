// Test support: a local stand-in for the parts of Microsoft Graph the Teams node uses, written from
// Graph's documentation (learn.microsoft.com/graph/api: channel-post/-get/-list/-patch/-delete,
// channel-post-messages and chatmessage-post-replies (beta), channel-list-messages, chat-list,
// chat-post-messages, chat-list-messages ($top at most 50), chatmessage-get, user-list-joinedteams,
// group-list, plannergroup-list-plans, plannerplan-list-buckets, plannerplan-list-tasks,
// planneruser-list-tasks, planner-post-tasks, plannertask-get/-update/-delete (If-Match with the
// task's ETag, else 412)), and change-notification subscriptions (subscription-post-subscriptions,
// -list, -update, -delete; change-notifications-delivery-webhooks and -lifecycle-events: the
// notification URL must be https and answer a POST ?validationToken= with the token as text/plain
// within 10 s, Teams resources allow 4,320 minutes and need a lifecycleNotificationUrl past one
// hour): a Bearer token, lists paged through @odata.nextLink, errors as {error: {code, message}},
// and a 429 with Retry-After when armed.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEAMS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJ0ZWFtcyI6Imdvb2QifQ';
export const TEAM_ID = '61165b04-e4cc-4026-b43f-926b4e2a7182';
export const CHAT_ID = '19:7e2f1174-e8ee-4859-b8b1-a8d1cc63d276_0c5cfdbb@unq.gbl.spaces';
export const GENERAL = '19:general@thread.tacv2';
export const TASK_ETAG = 'W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc="';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; ifMatch?: string; body: unknown }
export interface GraphSubscription {
  id: string; resource: string; changeType: string; notificationUrl: string; lifecycleNotificationUrl?: string; clientState?: string;
  expirationDateTime: string; applicationId: string; creatorId: string; latestSupportedTlsVersion?: string;
}
/** A validation call the stand-in made to a notification URL, and what came back. */
export interface Validation { url: string; token: string; status: number; contentType: string; answered: string }
export interface Delivery { status: number; text: string }
export interface TeamsStandIn {
  url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void>;
  subscriptions: Map<string, GraphSubscription>;
  validations: Validation[];
  /** Posts change notifications for `resourceData` entries to the subscription's URL, as Graph does (`clientState` forges another). */
  notify(subscriptionId: string, resourceData: Array<Record<string, unknown>>, clientState?: string): Promise<Delivery>;
  /** Posts a lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed) to the lifecycle URL. */
  lifecycle(subscriptionId: string, lifecycleEvent: string): Promise<Delivery>;
}
export interface TeamsStandInOptions {
  /** Where a notification URL is reached from here (a public https URL mapped to the local server behind it). */
  reach?: (notificationUrl: string) => string;
  /** Whether an access token is good (default: TEAMS_TOKEN only), for tokens an OAuth2 test provider issued. */
  accepts?: (token: string) => boolean;
}

export const TENANT_ID = '9f4ebab6-520d-49c0-85cc-7b25c78d4a93';
const TEAMS_MAX_MINUTES = 4320;
const SUBSCRIBABLE = [
  /^\/teams\/[^/]+\/channels$/, /^\/teams\/[^/]+\/channels\/[^/]+\/messages$/, /^\/teams\/[^/]+\/members$/, /^\/chats\/[^/]+\/messages$/,
  /^\/me\/chats$/, /^\/me\/chats\/getAllMessages$/, /^\/chats$/, /^\/teams\/getAllMessages$/,
];

const CHANNELS = [
  { id: GENERAL, displayName: 'General', description: 'Everyone', membershipType: 'standard', webUrl: 'https://teams.microsoft.com/l/channel/general' },
  { id: '19:dev@thread.tacv2', displayName: 'Dev', description: 'Builders', membershipType: 'standard', webUrl: 'https://teams.microsoft.com/l/channel/dev' },
];
const CHAT_MESSAGES = Array.from({ length: 75 }, (_, i) => ({
  id: String(1700000000000 + i), messageType: 'message', chatId: CHAT_ID, body: { contentType: 'text', content: `Chat ${i + 1}` }, from: { user: { id: 'user-1', displayName: 'Megan' } },
}));
const CHANNEL_MESSAGES = Array.from({ length: 25 }, (_, i) => ({ id: String(1600000000000 + i), messageType: 'message', body: { contentType: 'html', content: `<p>Channel ${i + 1}</p>` } }));
const PLAN_TASKS = Array.from({ length: 23 }, (_, i) => ({ id: `task-${i + 1}`, planId: 'plan-1', bucketId: 'bucket-1', title: `Task ${i + 1}`, '@odata.etag': TASK_ETAG }));
const GROUPS = [{ id: 'grp-1', displayName: 'Product', mail: 'product@contoso.com' }, { id: 'grp-0', displayName: 'All Company', mail: 'all@contoso.com' }];

export async function startTeamsStandIn(options: TeamsStandInOptions = {}): Promise<TeamsStandIn> {
  const reach = options.reach ?? ((url: string) => url);
  const subscriptions = new Map<string, GraphSubscription>();
  const validations: Validation[] = [];
  /** Graph's check of a notification URL: POST ?validationToken=…, 200 with the token as text/plain within 10 s. */
  const validate = async (url: string): Promise<boolean> => {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = new URL(reach(url));
    target.searchParams.set('validationToken', token);
    try {
      const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(10_000) });
      const answered = await res.text();
      const contentType = res.headers.get('content-type') ?? '';
      validations.push({ url, token, status: res.status, contentType, answered });
      return res.status === 200 && contentType.startsWith('text/plain') && answered === token;
    } catch {
      validations.push({ url, token, status: 0, contentType: '', answered: '' });
      return false;
    }
  };
  const deliver = async (url: string, value: unknown[]): Promise<Delivery> => {
    const res = await fetch(reach(url), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ value }) });
    return { status: res.status, text: await res.text() };
  };
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const raw = Buffer.concat(chunks).toString('utf8');
      const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json; odata.metadata=minimal' }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const fail = (status: number, code: string, message: string) => reply(status, { error: { code, message, innerError: { 'request-id': 'r1', date: '2024-01-01T10:00:00' } } });
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return fail(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
      const path = decodeURIComponent(url.pathname);
      const q = Object.fromEntries(url.searchParams);
      const request: SeenRequest = { method: req.method ?? '', path, query: q, authorization: req.headers.authorization ?? '', body,
        ...(req.headers['if-match'] ? { ifMatch: String(req.headers['if-match']) } : {}) };
      seen.push(request);
      const wait = armed.get(path);
      if (wait !== undefined) {
        armed.delete(path);
        return reply(429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, { 'retry-after': String(wait) });
      }
      const token = /^Bearer (.+)$/.exec(request.authorization)?.[1] ?? '';
      if (!(options.accepts ?? ((t: string) => t === TEAMS_TOKEN))(token)) return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
      const m = req.method;
      const b = (body ?? {}) as Record<string, unknown>;
      /** One page of `list` from `$skiptoken` (Graph's server-side paging), `size` entries per page. */
      const page = (list: unknown[], size: number) => {
        const skip = Number(q.$skiptoken ?? 0);
        const next = new URLSearchParams({ ...q, $skiptoken: String(skip + size) });
        return reply(200, { '@odata.context': 'ctx', value: list.slice(skip, skip + size), ...(skip + size < list.length ? { '@odata.nextLink': `${base}${url.pathname}?${next}` } : {}) });
      };
      const message = (extra: Record<string, unknown>) => {
        const content = (b.body as { content?: unknown } | undefined)?.content;
        if (typeof content !== 'string' || content === '') return fail(400, 'BadRequest', 'Message body cannot be empty.');
        return reply(201, { id: '1700000099999', messageType: 'message', createdDateTime: '2024-01-01T10:00:00Z', body: b.body, ...extra });
      };
      let match: RegExpExecArray | null;
      if (m === 'GET' && path === '/v1.0/me') return reply(200, { id: 'user-1', displayName: 'Megan Bowen', userPrincipalName: 'megan@contoso.com' });
      if (m === 'GET' && path === '/v1.0/me/joinedTeams') return reply(200, { value: [{ id: TEAM_ID, displayName: 'Marketing' }, { id: 'team-2', displayName: 'Design' }] });
      if ((match = /^\/v1\.0\/teams\/([^/]+)\/channels(?:\/([^/]+))?$/.exec(path))) {
        if (match[1] !== TEAM_ID) return fail(404, 'NotFound', 'No team found with Group Id ' + match[1]);
        if (!match[2]) {
          if (m === 'POST') {
            if (typeof b.displayName !== 'string' || !b.displayName) return fail(400, 'BadRequest', 'Channel name cannot be empty.');
            return reply(201, { id: '19:new@thread.tacv2', displayName: b.displayName, description: b.description ?? null, membershipType: b.membershipType ?? 'standard' });
          }
          return reply(200, { '@odata.count': CHANNELS.length, value: CHANNELS });
        }
        const channel = CHANNELS.find((c) => c.id === match![2]);
        if (!channel) return fail(404, 'NotFound', 'Channel not found');
        if (m === 'GET') return reply(200, channel);
        if (m === 'PATCH') return reply(204);
        if (m === 'DELETE') return channel.id === GENERAL ? fail(400, 'BadRequest', 'General channel cannot be deleted.') : reply(204);
      }
      if ((match = /^\/beta\/teams\/([^/]+)\/channels\/([^/]+)\/messages(?:\/([^/]+)\/replies)?$/.exec(path))) {
        if (match[1] !== TEAM_ID || !CHANNELS.some((c) => c.id === match![2])) return fail(404, 'NotFound', 'Channel not found');
        if (m === 'POST') return message(match[3] ? { replyToId: match[3] } : {});
        if (m === 'GET' && !match[3]) return page(CHANNEL_MESSAGES, Math.min(Number(q.$top ?? 20), 50));
      }
      if (m === 'GET' && path === '/v1.0/chats') {
        return reply(200, { value: [
          { id: CHAT_ID, topic: null, chatType: 'oneOnOne', webUrl: 'https://teams.microsoft.com/l/chat/1', members: [{ displayName: 'Megan Bowen' }, { displayName: 'Alex Wilber' }] },
          { id: '19:group@thread.v2', topic: 'Launch', chatType: 'group', members: [] },
        ] });
      }
      if ((match = /^\/v1\.0\/chats\/([^/]+)\/messages(?:\/([^/]+))?$/.exec(path))) {
        if (match[1] !== CHAT_ID) return fail(404, 'NotFound', 'Chat not found');
        if (m === 'POST' && !match[2]) return message({ chatId: CHAT_ID });
        if (m === 'GET' && match[2]) {
          const found = CHAT_MESSAGES.find((x) => x.id === match![2]);
          return found ? reply(200, found) : fail(404, 'NotFound', 'Message not found');
        }
        if (m === 'GET') {
          if (Number(q.$top) > 50) return fail(400, 'BadRequest', 'Top value must be between 1 and 50.');
          return page(CHAT_MESSAGES, Number(q.$top ?? 20));
        }
      }
      if (m === 'GET' && path === '/v1.0/groups') return reply(200, { value: GROUPS });
      if (m === 'GET' && path === '/v1.0/me/transitiveMemberOf') return reply(200, { value: [{ '@odata.type': '#microsoft.graph.group', ...GROUPS[0] }] });
      if (m === 'GET' && path === '/v1.0/groups/grp-1/planner/plans') return reply(200, { value: [{ id: 'plan-1', title: 'Roadmap' }, { id: 'plan-2', title: 'Backlog' }] });
      if (m === 'GET' && path === '/v1.0/groups/grp-1/members') return reply(200, { value: [{ id: 'user-2', displayName: 'Alex Wilber' }, { id: 'user-1', displayName: 'Megan Bowen' }] });
      if (m === 'GET' && path === '/v1.0/planner/plans/plan-1/buckets') return reply(200, { value: [{ id: 'bucket-1', name: 'To do', planId: 'plan-1' }] });
      if (m === 'GET' && path === '/v1.0/planner/plans/plan-1/details') return reply(200, { id: 'plan-1', categoryDescriptions: { category1: 'Urgent', category2: null } });
      if (m === 'GET' && path === '/v1.0/planner/plans/plan-1/tasks') return page(PLAN_TASKS, 10);
      if (m === 'GET' && path === '/v1.0/users/user-1/planner/tasks') return reply(200, { value: PLAN_TASKS.slice(0, 2) });
      if (m === 'POST' && path === '/v1.0/planner/tasks') {
        if (typeof b.planId !== 'string' || typeof b.title !== 'string' || !b.title) return fail(400, 'BadRequest', 'The request is invalid: planId and title are required.');
        return reply(201, { id: 'task-new', '@odata.etag': TASK_ETAG, percentComplete: 0, ...b });
      }
      if ((match = /^\/v1\.0\/planner\/tasks\/([^/]+)$/.exec(path))) {
        const found = PLAN_TASKS.find((t) => t.id === match![1]);
        if (!found) return fail(404, 'NotFound', 'The requested item is not found.');
        if (m === 'GET') return reply(200, found);
        if (request.ifMatch !== TASK_ETAG) return fail(412, 'PreconditionFailed', 'The request does not include an If-Match header with the latest ETag.');
        if (m === 'PATCH' || m === 'DELETE') return reply(204);
      }
      if (path === '/v1.0/subscriptions' && m === 'GET') return reply(200, { '@odata.context': 'ctx', value: [...subscriptions.values()] });
      if (path === '/v1.0/subscriptions' && m === 'POST') {
        for (const field of ['changeType', 'notificationUrl', 'resource', 'expirationDateTime']) {
          if (typeof b[field] !== 'string' || !b[field]) return fail(400, 'InvalidRequest', `The property '${field}' is required.`);
        }
        const resource = String(b.resource);
        if (!SUBSCRIBABLE.some((r) => r.test(resource))) return fail(400, 'InvalidRequest', `Resource '${resource}' is not supported for change notifications.`);
        const team = /^\/teams\/([^/]+)\//.exec(resource)?.[1];
        if (team && team !== TEAM_ID && team !== 'team-2') return fail(404, 'NotFound', `No team found with Group Id ${team}`);
        if (!String(b.notificationUrl).startsWith('https://')) return fail(400, 'InvalidRequest', 'The notification URL must use the https scheme.');
        const expires = Date.parse(String(b.expirationDateTime));
        if (!Number.isFinite(expires) || expires <= Date.now()) return fail(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
        if (expires - Date.now() > TEAMS_MAX_MINUTES * 60_000) return fail(400, 'InvalidRequest', `Subscription expiration can only be ${TEAMS_MAX_MINUTES} minutes in the future.`);
        if (expires - Date.now() > 3_600_000 && typeof b.lifecycleNotificationUrl !== 'string') {
          return fail(400, 'InvalidRequest', 'lifecycleNotificationUrl is a required property for subscription creation on this resource when the expirationDateTime value is set to greater than 1 hour.');
        }
        for (const url of new Set([String(b.notificationUrl), ...(typeof b.lifecycleNotificationUrl === 'string' ? [b.lifecycleNotificationUrl] : [])])) {
          if (!(await validate(url))) return fail(400, 'ValidationError', 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
        }
        const created: GraphSubscription = {
          id: randomUUID(), resource, changeType: String(b.changeType), notificationUrl: String(b.notificationUrl), expirationDateTime: new Date(expires).toISOString(),
          applicationId: '24d3b144-21ae-4080-943f-7067b395b913', creatorId: 'user-1',
          ...(typeof b.lifecycleNotificationUrl === 'string' ? { lifecycleNotificationUrl: b.lifecycleNotificationUrl } : {}),
          ...(typeof b.clientState === 'string' ? { clientState: b.clientState } : {}),
          ...(typeof b.latestSupportedTlsVersion === 'string' ? { latestSupportedTlsVersion: b.latestSupportedTlsVersion } : {}),
        };
        subscriptions.set(created.id, created);
        return reply(201, { '@odata.context': 'ctx', ...created });
      }
      if ((match = /^\/v1\.0\/subscriptions\/([^/]+)$/.exec(path))) {
        const found = subscriptions.get(match[1]);
        if (!found) return fail(404, 'ResourceNotFound', `The object was not found.`);
        if (m === 'GET') return reply(200, found);
        if (m === 'DELETE') { subscriptions.delete(found.id); return reply(204); }
        if (m === 'PATCH') {
          const expires = Date.parse(String(b.expirationDateTime));
          if (!Number.isFinite(expires) || expires <= Date.now()) return fail(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
          if (expires - Date.now() > TEAMS_MAX_MINUTES * 60_000) return fail(400, 'InvalidRequest', `Subscription expiration can only be ${TEAMS_MAX_MINUTES} minutes in the future.`);
          found.expirationDateTime = new Date(expires).toISOString();
          return reply(200, found);
        }
      }
      return fail(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const subscriptionOf = (id: string) => {
    const found = subscriptions.get(id);
    if (!found) throw new Error(`No subscription ${id}`);
    return found;
  };
  return {
    url: base, seen, rateLimitOnce: (path, seconds) => armed.set(path, seconds), close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    subscriptions, validations,
    notify(id, resourceData, clientState) {
      const sub = subscriptionOf(id);
      return deliver(sub.notificationUrl, resourceData.map((data) => ({
        subscriptionId: sub.id, subscriptionExpirationDateTime: sub.expirationDateTime, changeType: 'created', tenantId: TENANT_ID,
        clientState: clientState ?? sub.clientState ?? null, resource: `${sub.resource.slice(1)}('${String(data.id)}')`, resourceData: data,
      })));
    },
    lifecycle(id, lifecycleEvent) {
      const sub = subscriptionOf(id);
      // Graph says so once the subscription is gone.
      if (lifecycleEvent === 'subscriptionRemoved') subscriptions.delete(id);
      return deliver(sub.lifecycleNotificationUrl ?? sub.notificationUrl, [{
        subscriptionId: sub.id, subscriptionExpirationDateTime: sub.expirationDateTime, tenantId: TENANT_ID, clientState: sub.clientState ?? null, lifecycleEvent,
      }]);
    },
  };
}
