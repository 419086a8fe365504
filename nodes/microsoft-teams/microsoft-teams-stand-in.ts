// Test support: a local stand-in for the parts of Microsoft Graph the Teams node uses, written from
// Graph's documentation (learn.microsoft.com/graph/api: channel-post/-get/-list/-patch/-delete,
// channel-post-messages and chatmessage-post-replies (beta), channel-list-messages, chat-list,
// chat-post-messages, chat-list-messages ($top at most 50), chatmessage-get, user-list-joinedteams,
// group-list, plannergroup-list-plans, plannerplan-list-buckets, plannerplan-list-tasks,
// planneruser-list-tasks, planner-post-tasks, plannertask-get/-update/-delete (If-Match with the
// task's ETag, else 412)): a Bearer token, lists paged through @odata.nextLink, errors as
// {error: {code, message}}, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEAMS_TOKEN = 'eyJ0eXAiOiJKV1QiLCJ0ZWFtcyI6Imdvb2QifQ';
export const TEAM_ID = '61165b04-e4cc-4026-b43f-926b4e2a7182';
export const CHAT_ID = '19:7e2f1174-e8ee-4859-b8b1-a8d1cc63d276_0c5cfdbb@unq.gbl.spaces';
export const GENERAL = '19:general@thread.tacv2';
export const TASK_ETAG = 'W/"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAWCc="';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; ifMatch?: string; body: unknown }
export interface TeamsStandIn { url: string; seen: SeenRequest[]; rateLimitOnce(path: string, seconds: number): void; close(): Promise<void> }

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

export async function startTeamsStandIn(): Promise<TeamsStandIn> {
  const seen: SeenRequest[] = [];
  const armed = new Map<string, number>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
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
      if (request.authorization !== `Bearer ${TEAMS_TOKEN}`) return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
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
      return fail(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, seen, rateLimitOnce: (path, seconds) => armed.set(path, seconds), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
