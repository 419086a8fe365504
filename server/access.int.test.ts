// Access control over the whole route table: other workspaces' resources are invisible (404),
// viewers cannot write (403), ended sessions and revoked keys are refused, and bad input to the
// auth routes changes nothing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from './http/route.ts';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from './test-support.ts';

let rt: TestRuntime;
let owner: ReturnType<typeof request.agent>;
const app = () => rt.app.koa.callback();

/** A user signed in through the real sign-in route; the agent keeps the session cookie. */
interface Person { id: string; email: string; password: string; agent: ReturnType<typeof request.agent> }

const samples: Record<string, Record<string, string>> = { A: {}, B: {} };
let alice: Person; // admin of A
let bob: Person; // admin of B
let vera: Person; // viewer of A

async function invite(workspaceId: string, email: string, role: string): Promise<Person> {
  const inv = await owner.post('/api/v1/invitations').set('X-Workspace-Id', workspaceId).send({ email, role });
  expect(inv.status, JSON.stringify(inv.body)).toBe(201);
  const password = `pw-${email}-secret`;
  const accepted = await request(app()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: email.split('@')[0], password });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const agent = request.agent(app());
  const signedIn = await agent.post('/api/v1/auth/signin').send({ email, password });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers['set-cookie'][0]).toMatch(/weft_session=.*httponly/i);
  expect(signedIn.headers['set-cookie'][0]).toMatch(/samesite=lax/i);
  return { id: accepted.body.userId, email, password, agent };
}

async function seed(ws: 'A' | 'B', admin: Person): Promise<void> {
  const workspaceId = samples[ws].workspace;
  const wf = await admin.agent.post('/api/v1/workflows').set('X-Workspace-Id', workspaceId).send(sampleWorkflow(`WF ${ws}`));
  expect(wf.status).toBe(201);
  const variable = await admin.agent.post('/api/v1/variables').set('X-Workspace-Id', workspaceId).send({ key: `key_${ws}`, value: 'v' });
  expect(variable.status).toBe(201);
  const credential = await admin.agent.post('/api/v1/credentials').set('X-Workspace-Id', workspaceId)
    .send({ name: `Cred ${ws}`, type: 'httpHeaderAuth', data: { name: 'X-Token', value: 'secret' } });
  expect(credential.status, JSON.stringify(credential.body)).toBe(201);
  samples[ws].credential = credential.body.id;
  samples[ws].workflow = wf.body.id;
  const run = await admin.agent.post(`/api/v1/workflows/${wf.body.id}/run`).query({ wait: 'true' }).send({});
  expect(run.status, run.text).toBe(201);
  samples[ws].execution = run.body.id;
  samples[ws].variable = variable.body.id;
  const table = await admin.agent.post('/api/v1/data-tables').set('X-Workspace-Id', workspaceId).send({ name: `Table ${ws}`, columns: [{ name: 'n', type: 'number' }] });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  samples[ws].dataTable = table.body.id;
}

beforeAll(async () => {
  rt = await startTestRuntime({ SIGNIN_ATTEMPTS: '3' });
  owner = request.agent(app()).set('X-API-KEY', TEST_OWNER.apiKey);
  for (const ws of ['A', 'B'] as const) {
    // The owner's key is scoped to the default workspace: workspaces are created with a session.
    const session = request.agent(app());
    await session.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password });
    const created = await session.post('/api/v1/workspaces').send({ name: `Workspace ${ws}` });
    expect(created.status).toBe(201);
    samples[ws].workspace = created.body.id;
    owner = session;
  }
  alice = await invite(samples.A.workspace, 'alice@example.com', 'admin');
  bob = await invite(samples.B.workspace, 'bob@example.com', 'admin');
  vera = await invite(samples.A.workspace, 'vera@example.com', 'viewer');
  await seed('A', alice);
  await seed('B', bob);
  for (const ws of ['A', 'B'] as const) samples[ws].user = (ws === 'A' ? vera : bob).id;
});
afterAll(() => rt.dispose());

/** Fills a route's path with a sample of the given workspace; other parameters get harmless values. */
function pathFor(route: Route, ws: 'A' | 'B'): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (route.access.kind === 'resource' && name === route.access.param) {
      const id = samples[ws][route.access.resource];
      if (!id) throw new Error(`no sample ${route.access.resource} for ${route.method} ${route.path}: add one to this test`);
      return id;
    }
    if (name === 'workspaceId') return samples[ws === 'A' ? 'B' : 'A'].workspace;
    if (name === 'userId') return samples[ws].user;
    return 'someName';
  });
}

function call(agent: ReturnType<typeof request.agent>, route: Route, path: string) {
  const req = agent[route.method](path);
  return route.body ? req.send({}) : req;
}

/** Routes with a path parameter that is not a resource id, each with why it needs no resource check. */
const NOT_RESOURCE_PARAMS: Record<string, string> = {
  'delete /api/v1/api-keys/:keyId': 'only the signed-in user’s own keys are found',
  'delete /api/v1/invitations/:invitationId': 'looked up within the current workspace only',
  'post /api/v1/admin/projections/:name/rebuild': 'owner only',
  'get /api/v1/admin/projections/:name/quarantine': 'owner only',
  'post /api/v1/users/:id/disable': 'owner only',
  'post /api/v1/users/:id/enable': 'owner only',
  'get /api/v1/credentials/schema/:type': 'type descriptions hold no workspace data',
  'get /api/v1/node-icons/:type': 'icons of installed node types hold no workspace data',
  'get /api/v1/bulk-replays/:id': 'looked up within the current workspace only (bulk-replay-resume.int.test.ts)',
  'get /api/v1/log-streams/:id': 'owner only (instance-wide log streaming)',
  'patch /api/v1/log-streams/:id': 'owner only (instance-wide log streaming)',
  'delete /api/v1/log-streams/:id': 'owner only (instance-wide log streaming)',
  'get /api/v1/templates/:id': 'a built-in template (no workspace data) or the current workspace’s own template stream (templates.int.test.ts)',
  'delete /api/v1/templates/:id': 'the current workspace’s own template stream only (templates.int.test.ts)',
  'post /api/v1/templates/:id/use': 'a built-in template or the current workspace’s own; credentials picked in this workspace only (templates.int.test.ts)',
  'get /api/v1/notifications/rules/:id': 'looked up within the current workspace only (notifications.int.test.ts)',
  'patch /api/v1/notifications/rules/:id': 'looked up within the current workspace only (notifications.int.test.ts)',
  'delete /api/v1/notifications/rules/:id': 'looked up within the current workspace only (notifications.int.test.ts)',
  'get /api/v1/notifications/rules/:id/deliveries': 'looked up within the current workspace only (notifications.int.test.ts)',
  'patch /api/v1/notifications/channels/:id': 'looked up within the current workspace only (notifications.int.test.ts)',
  'delete /api/v1/notifications/channels/:id': 'looked up within the current workspace only (notifications.int.test.ts)',
  'post /api/v1/notifications/channels/:id/test': 'looked up within the current workspace only (notifications.int.test.ts)',
};

describe('access control over every route', () => {
  it('declares a resource check on every route that takes an id', () => {
    for (const route of rt.app.routes) {
      const key = `${route.method} ${route.path}`;
      if (!route.path.includes(':') || NOT_RESOURCE_PARAMS[key]) continue;
      expect(route.access.kind, key).toBe('resource');
    }
  });

  it('answers 404 to a user of workspace A on every route for workspace B’s resources', async () => {
    const resourceRoutes = rt.app.routes.filter((r) => r.access.kind === 'resource');
    expect(resourceRoutes.length).toBeGreaterThan(15);
    for (const route of resourceRoutes) {
      const res = await call(alice.agent, route, pathFor(route, 'B'));
      expect(res.status, `${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    for (const route of rt.app.routes.filter((r) => r.access.kind === 'workspace')) {
      const res = await call(alice.agent, route, route.path).set('X-Workspace-Id', samples.B.workspace);
      expect(res.status, `${route.method} ${route.path}`).toBe(404);
    }
  });

  it('the same requests from B’s admin are not 404s (the 404s above come from the access check)', async () => {
    const route = rt.app.routes.find((r) => r.method === 'get' && r.path === '/api/v1/workflows/:id')!;
    expect((await call(bob.agent, route, pathFor(route, 'B'))).status).toBe(200);
  });

  it('refuses every write of a viewer with 403', async () => {
    const writes = rt.app.routes.filter((r) => (r.access.kind === 'resource' || r.access.kind === 'workspace') && r.access.level !== 'read');
    expect(writes.length).toBeGreaterThan(15);
    const before = await rt.events.headPosition();
    for (const route of writes) {
      const res = await call(vera.agent, route, pathFor(route, 'A')).set('X-Workspace-Id', samples.A.workspace);
      expect(res.status, `${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await rt.events.headPosition()).toBe(before);
    // Reading is allowed.
    expect((await vera.agent.get(`/api/v1/workflows/${samples.A.workflow}`)).status).toBe(200);
  });

  it('refuses anonymous requests to every non-public route with 401', async () => {
    for (const route of rt.app.routes.filter((r) => r.access.kind !== 'public')) {
      const res = await call(request.agent(app()), route, pathFor(route, 'A'));
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('lets a shared workflow be read, not changed, by the other workspace', async () => {
    const share = await alice.agent.post(`/api/v1/workflows/${samples.A.workflow}/share`).send({ workspaceId: samples.B.workspace });
    expect(share.status, JSON.stringify(share.body)).toBe(200);
    expect((await bob.agent.get(`/api/v1/workflows/${samples.A.workflow}`)).status).toBe(200);
    const listed = await bob.agent.get('/api/v1/workflows').query({ shared: 'true' });
    expect(listed.body.data.map((w: { id: string }) => w.id)).toEqual([samples.A.workflow]);
    expect((await bob.agent.put(`/api/v1/workflows/${samples.A.workflow}`).send(sampleWorkflow('hijack'))).status).toBe(403);
    await alice.agent.delete(`/api/v1/workflows/${samples.A.workflow}/share/${samples.B.workspace}`);
    expect((await bob.agent.get(`/api/v1/workflows/${samples.A.workflow}`)).status).toBe(404);
  });
});

describe('sessions and API keys', () => {
  it('refuses a signed-out session cookie', async () => {
    const agent = request.agent(app());
    const signin = await agent.post('/api/v1/auth/signin').send({ email: alice.email, password: alice.password });
    const cookie = signin.headers['set-cookie'][0].split(';')[0];
    expect((await request(app()).get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    // The live channels authenticate WebSocket upgrades from the raw headers, the same way.
    expect(await rt.authenticateHeaders({ cookie: `other=1; ${cookie}` })).toMatchObject({ email: alice.email });
    expect((await agent.post('/api/v1/auth/signout')).status).toBe(204);
    expect(await rt.authenticateHeaders({ cookie })).toBeUndefined();
    const after = await request(app()).get('/api/v1/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('refuses a revoked API key, and scopes a key to its workspace', async () => {
    const created = await alice.agent.post('/api/v1/api-keys').set('X-Workspace-Id', samples.A.workspace).send({ label: 'ci' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await alice.agent.get('/api/v1/api-keys')).body.data[0]).not.toHaveProperty('key');
    const withKey = () => request(app()).get(`/api/v1/workflows/${samples.A.workflow}`).set('X-API-KEY', key);
    expect((await withKey()).status).toBe(200);
    expect((await request(app()).get('/api/v1/workflows').set('X-N8N-API-KEY', key)).status).toBe(200);
    expect((await request(app()).get('/api/v1/workflows').set('X-API-KEY', key).set('X-Workspace-Id', 'default')).status).toBe(404);
    expect((await alice.agent.delete(`/api/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
    const revoked = await withKey();
    await expect(rt.authenticateHeaders({ 'x-api-key': key })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('unauthenticated');
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const other = request.agent(app());
    await other.post('/api/v1/auth/signin').send({ email: vera.email, password: vera.password });
    const changed = await vera.agent.post('/api/v1/me/password').send({ currentPassword: vera.password, newPassword: 'a much better secret' });
    expect(changed.status).toBe(204);
    expect((await other.get('/api/v1/me')).status).toBe(401);
    expect((await vera.agent.get('/api/v1/me')).status).toBe(200);
    expect((await request(app()).post('/api/v1/auth/signin').send({ email: vera.email, password: vera.password })).status).toBe(401);
    vera.password = 'a much better secret';
    expect((await vera.agent.post('/api/v1/me/password').send({ currentPassword: 'wrong one!', newPassword: 'whatever12' })).status).toBe(400);
  });

  it('rate-limits failed sign-ins with 429 and Retry-After', async () => {
    const attempt = () => request(app()).post('/api/v1/auth/signin').send({ email: bob.email, password: 'not the password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits out the window.
    expect((await request(app()).post('/api/v1/auth/signin').send({ email: bob.email, password: bob.password })).status).toBe(429);
  });

  it('disabling a user ends their sessions and keys; only the owner may', async () => {
    const key = (await bob.agent.post('/api/v1/api-keys').send({ label: 'bob' })).body.key;
    expect((await alice.agent.post(`/api/v1/users/${bob.id}/disable`)).status).toBe(403);
    expect((await owner.post(`/api/v1/users/${bob.id}/disable`)).status).toBe(200);
    expect((await bob.agent.get('/api/v1/me')).status).toBe(401);
    expect((await request(app()).get('/api/v1/me').set('X-API-KEY', key)).status).toBe(401);
    expect((await owner.post(`/api/v1/users/${bob.id}/enable`)).status).toBe(200);
    expect((await request(app()).get('/api/v1/me').set('X-API-KEY', key)).status).toBe(200);
  });

  it('records sign-ins, failures and key changes in the audit log', async () => {
    await rt.projections.audit.waitFor(await rt.events.headPosition());
    const log = await owner.get('/api/v1/audit').query({ scope: 'instance', limit: 250 });
    const types = new Set(log.body.data.map((e: { type: string }) => e.type));
    for (const t of ['UserSignedIn', 'UserSignInFailed', 'UserSignedOut', 'ApiKeyCreated', 'ApiKeyRevoked', 'UserDisabled', 'WorkspaceMemberAdded', 'InvitationAccepted', 'VariableSet']) {
      expect(types, t).toContain(t);
    }
    expect((await vera.agent.get('/api/v1/audit').set('X-Workspace-Id', samples.A.workspace)).status).toBe(403);
    expect((await alice.agent.get('/api/v1/audit').query({ scope: 'instance' }).set('X-Workspace-Id', samples.A.workspace)).status).toBe(403);
    const scoped = await alice.agent.get('/api/v1/audit').set('X-Workspace-Id', samples.A.workspace);
    expect(scoped.body.data.length).toBeGreaterThan(0);
    expect(scoped.body.data.every((e: { workspaceId?: string }) => e.workspaceId === samples.A.workspace)).toBe(true);
  });
});

describe('bad input to the auth routes', () => {
  const AUTH_ROUTES: [string, string][] = [
    ['post', '/api/v1/setup'], ['post', '/api/v1/auth/signin'], ['post', '/api/v1/me/password'],
    ['post', '/api/v1/api-keys'], ['post', '/api/v1/invitations'], ['post', '/api/v1/invitations/accept'],
    ['post', '/api/v1/workspaces'], ['post', '/api/v1/variables'],
  ];

  it('answers malformed, mistyped and oversized bodies with a 4xx JSON error and changes nothing', async () => {
    const head = await rt.events.headPosition();
    const sessions = await rt.vault.collection('sessions').count();
    const huge = JSON.stringify({ email: 'x@example.com', password: 'p'.repeat(17 * 1024 * 1024) });
    for (const [method, path] of AUTH_ROUTES) {
      const agent = alice.agent;
      const cases = [
        agent.post(path).set('Content-Type', 'application/json').send('{"email": '),
        agent.post(path).send({ email: 42, password: ['x'], token: {}, name: 7, label: 1, key: null, newPassword: 3 }),
        agent.post(path).set('Content-Type', 'text/plain').send('email=x'),
        agent.post(path).set('Content-Type', 'application/json').send(huge),
      ];
      for (const pending of cases) {
        const res = await pending;
        expect(res.status, `${method} ${path} ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    }
    expect(await rt.events.headPosition()).toBe(head);
    expect(await rt.vault.collection('sessions').count()).toBe(sessions);
  });

  it('refuses a second setup', async () => {
    const res = await request(app()).post('/api/v1/setup').send({ email: 'evil@example.com', name: 'Evil', password: 'longenough' });
    expect(res.status).toBe(409);
  });
});
