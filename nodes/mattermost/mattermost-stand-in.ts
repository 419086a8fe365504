// Test support: a local stand-in for Mattermost's REST API v4, written from Mattermost's API reference
// (api.mattermost.com): `Authorization: Bearer <token>`, JSON bodies, `page`/`per_page` pagination
// (page from 0, default 60, at most 200), AppError bodies `{id, message, detailed_error, request_id,
// status_code}`, `{status: "OK"}` answers for deletes and restores, and a 429 with Retry-After when armed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN = 'mm-good-token';
export const TEAM_ID = 'team1111111111111111111111';
export const CHANNEL_ID = 'chan1111111111111111111111';

export interface SeenRequest { method: string; path: string; query: Record<string, string>; authorization: string; contentType: string; body?: unknown }

export interface MattermostStandIn {
  url: string;
  seen: SeenRequest[];
  rateLimit(path: string, seconds: number, count?: number): void;
  /** Whether the token's user is a system admin (GET /channels needs manage_system); true at start. */
  systemAdmin: boolean;
  close(): Promise<void>;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
const appError = (status: number, id: string, message: string): Answer =>
  ({ status, body: { id, message, detailed_error: '', request_id: 'req1', status_code: status } });

const USERS = Array.from({ length: 230 }, (_, i) => ({
  id: `user${String(i + 1).padStart(22, '0')}`, username: `user${i + 1}`, email: `user${i + 1}@example.com`, first_name: '', last_name: '', roles: 'system_user', delete_at: 0,
}));

function page<T>(list: T[], query: Record<string, string>): T[] {
  const perPage = Math.min(Number(query.per_page ?? 60) || 60, 200);
  const index = Number(query.page ?? 0) || 0;
  return list.slice(index * perPage, (index + 1) * perPage);
}

/** The teams the token's user belongs to (one archived), for GET /users/me/teams. */
const TEAMS = [
  { id: TEAM_ID, name: 'engineering', display_name: 'Engineering', type: 'O', delete_at: 0 },
  { id: 'team2222222222222222222222', name: 'board', display_name: 'Board', type: 'I', delete_at: 0 },
  { id: 'team3333333333333333333333', name: 'old', display_name: 'Old', type: 'O', delete_at: 1600000000000 },
];

/** Channels beyond town-square: a private one, a direct message (no display name), an archived one, another team's. */
const MORE_CHANNELS = [
  { id: 'chan2222222222222222222222', team_id: TEAM_ID, name: 'secret', display_name: 'Secret', type: 'P', delete_at: 0 },
  { id: 'chan3333333333333333333333', team_id: '', name: 'user1__user2', display_name: '', type: 'D', delete_at: 0 },
  { id: 'chan4444444444444444444444', team_id: TEAM_ID, name: 'archived', display_name: 'Archived', type: 'O', delete_at: 1600000000000 },
  { id: 'chan5555555555555555555555', team_id: 'team2222222222222222222222', name: 'minutes', display_name: 'Minutes', type: 'O', delete_at: 0 },
];

export async function startMattermostStandIn(): Promise<MattermostStandIn> {
  const seen: SeenRequest[] = [];
  const admin = { systemAdmin: true };
  const listed = () => [...channels.values(), ...MORE_CHANNELS.filter((c) => !channels.has(c.id))];
  const withTeam = (c: Record<string, unknown>) => {
    const team = TEAMS.find((t) => t.id === c.team_id);
    return { ...c, team_display_name: team?.display_name ?? '', team_name: team?.name ?? '', team_update_at: 0 };
  };
  const limits = new Map<string, { seconds: number; count: number }>();
  const channels = new Map<string, Record<string, unknown>>([[CHANNEL_ID, { id: CHANNEL_ID, team_id: TEAM_ID, name: 'town-square', display_name: 'Town Square', type: 'O', delete_at: 0 }]]);
  const members = USERS.slice(0, 130).map((u) => ({ channel_id: CHANNEL_ID, user_id: u.id, roles: 'channel_user', msg_count: 0 }));
  const posts = new Map<string, Record<string, unknown>>();
  const reactions: Array<Record<string, unknown>> = [];
  let created = 0;

  function route(r: SeenRequest): Answer {
    if (!r.path.startsWith('/api/v4/')) return appError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
    if (r.authorization !== `Bearer ${TOKEN}`) return appError(401, 'api.context.session_expired.app_error', 'Invalid or expired session, please login again.');
    const path = r.path.slice('/api/v4'.length);
    const body = (r.body ?? {}) as Record<string, unknown>;
    if (path === '/posts' && r.method === 'POST') {
      if (!channels.has(String(body.channel_id))) return appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
      created += 1;
      const post = { id: `post${String(created).padStart(22, '0')}`, create_at: 1700000000000 + created, update_at: 1700000000000 + created, delete_at: 0,
        user_id: USERS[0].id, channel_id: body.channel_id, root_id: body.root_id ?? '', message: body.message ?? '', type: '', props: body.props ?? {}, hashtags: '' };
      posts.set(post.id, post);
      return { status: 201, body: post };
    }
    if (path === '/posts/ephemeral' && r.method === 'POST') {
      const post = body.post as Record<string, unknown> | undefined;
      if (!body.user_id || !post?.channel_id) return appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing post in request body.');
      return { status: 201, body: { id: 'ephemeral0000000000000001', create_at: 1700000000000, user_id: USERS[0].id, channel_id: post.channel_id, message: post.message, type: 'system_ephemeral' } };
    }
    let m = /^\/posts\/([^/]+)$/.exec(path);
    if (m && r.method === 'DELETE') return posts.delete(m[1]) ? { status: 200, body: { status: 'OK' } } : appError(404, 'app.post.get.app_error', 'Unable to get the post.');
    m = /^\/posts\/([^/]+)\/reactions$/.exec(path);
    if (m && r.method === 'GET') return { status: 200, body: reactions.filter((x) => x.post_id === m![1]) };
    if (path === '/reactions' && r.method === 'POST') {
      if (!posts.has(String(body.post_id))) return appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
      const reaction = { user_id: body.user_id, post_id: body.post_id, emoji_name: body.emoji_name, create_at: body.create_at };
      reactions.push(reaction);
      return { status: 201, body: reaction };
    }
    m = /^\/users\/([^/]+)\/posts\/([^/]+)\/reactions\/([^/]+)$/.exec(path);
    if (m && r.method === 'DELETE') return { status: 200, body: { status: 'OK' } };
    // Lists (api.mattermost.com: "Get all channels" needs manage_system; the others are the user's own).
    if (path === '/channels' && r.method === 'GET') {
      if (!admin.systemAdmin) return appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
      return { status: 200, body: page(listed().filter((c) => c.delete_at === 0 || r.query.include_deleted === 'true').map(withTeam), r.query) };
    }
    if (path === '/users/me/channels' && r.method === 'GET') return { status: 200, body: listed().filter((c) => c.delete_at === 0).map(withTeam) };
    if (path === '/users/me/teams' && r.method === 'GET') return { status: 200, body: TEAMS };
    m = /^\/users\/me\/teams\/([^/]+)\/channels$/.exec(path);
    if (m && r.method === 'GET') {
      if (!TEAMS.some((t) => t.id === m![1])) return appError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.');
      return { status: 200, body: listed().filter((c) => c.team_id === m![1] || c.type === 'D') };
    }
    if (path === '/channels' && r.method === 'POST') {
      if (!/^[a-z0-9-_]+$/.test(String(body.name ?? ''))) return appError(400, 'model.channel.is_valid.2_or_more.app_error', 'Name must be 2 or more lowercase alphanumeric characters.');
      created += 1;
      const channel = { id: `chan${String(created).padStart(22, '0')}`, team_id: body.team_id, name: body.name, display_name: body.display_name, type: body.type, delete_at: 0, create_at: 1700000000000 };
      channels.set(channel.id, channel);
      return { status: 201, body: channel };
    }
    m = /^\/channels\/([^/]+)(\/members|\/stats|\/restore)?$/.exec(path);
    if (m) {
      const channel = channels.get(m[1]);
      if (!channel) return appError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
      if (!m[2] && r.method === 'DELETE') { channel.delete_at = 1700000000001; return { status: 200, body: { status: 'OK' } }; }
      if (m[2] === '/restore' && r.method === 'POST') { channel.delete_at = 0; return { status: 200, body: channel }; }
      if (m[2] === '/stats' && r.method === 'GET') return { status: 200, body: { channel_id: m[1], member_count: members.length, guest_count: 0, pinnedpost_count: 0 } };
      if (m[2] === '/members' && r.method === 'GET') return { status: 200, body: page(members, r.query) };
      if (m[2] === '/members' && r.method === 'POST') return { status: 201, body: { channel_id: m[1], user_id: body.user_id, roles: 'channel_user' } };
    }
    m = /^\/teams\/([^/]+)\/(channels\/search|invite\/email)$/.exec(path);
    if (m && r.method === 'POST') {
      if (m[2] === 'invite/email') return Array.isArray(r.body) ? { status: 200, body: { status: 'OK' } } : appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing emails in request body.');
      const term = String(body.term ?? '');
      return { status: 200, body: [...channels.values()].filter((c) => c.team_id === m![1] && String(c.name).includes(term)) };
    }
    if (path === '/users' && r.method === 'GET') return { status: 200, body: page(USERS, r.query) };
    if (path === '/users' && r.method === 'POST') {
      if (!body.username) return appError(400, 'model.user.is_valid.username.app_error', 'Invalid username.');
      return { status: 201, body: { id: 'newuser0000000000000000001', username: body.username, email: body.email ?? '', auth_service: body.auth_service === 'email' ? '' : body.auth_service, notify_props: body.notify_props ?? {} } };
    }
    if (path === '/users/ids' && r.method === 'POST') {
      if (!Array.isArray(r.body)) return appError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing user_ids in request body.');
      return { status: 200, body: USERS.filter((u) => (r.body as string[]).includes(u.id)) };
    }
    m = /^\/users\/email\/([^/]+)$/.exec(path);
    if (m && r.method === 'GET') {
      const user = USERS.find((u) => u.email === decodeURIComponent(m![1]));
      return user ? { status: 200, body: user } : appError(404, 'app.user.missing_account.const', 'Unable to find the user.');
    }
    m = /^\/users\/([^/]+)$/.exec(path);
    if (m && r.method === 'DELETE') return USERS.some((u) => u.id === m![1]) ? { status: 200, body: { status: 'OK' } } : appError(404, 'app.user.missing_account.const', 'Unable to find the user.');
    return appError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: SeenRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams.entries()),
        authorization: req.headers.authorization ?? '', contentType: req.headers['content-type'] ?? '', ...(raw ? { body: JSON.parse(raw) } : {}) };
      seen.push(request);
      const limit = limits.get(request.path);
      let answer: Answer;
      if (limit && limit.count > 0) {
        limit.count -= 1;
        answer = { status: 429, headers: { 'retry-after': String(limit.seconds), 'x-ratelimit-remaining': '0' }, body: { id: 'api.context.rate_limit', message: 'limit exceeded', status_code: 429 } };
      } else {
        answer = route(request);
      }
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body !== undefined ? JSON.stringify(answer.body) : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen,
    get systemAdmin() { return admin.systemAdmin; },
    set systemAdmin(value: boolean) { admin.systemAdmin = value; },
    rateLimit: (path, seconds, count = 1) => { limits.set(path, { seconds, count }); },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { USERS };
