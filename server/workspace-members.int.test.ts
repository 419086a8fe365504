// Who may change a workspace's memberships (issue 22): every membership route, by every kind of
// actor, on every kind of target. A refusal is a JSON error and changes nothing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from './test-support.ts';

type Agent = ReturnType<typeof request.agent>;
type Actor = 'owner' | 'admin' | 'editor' | 'viewer' | 'outsider' | 'otherWorkspace' | 'anonymous';
type Target = 'owner' | 'admin' | 'editor' | 'self';

const ACTORS: Actor[] = ['admin', 'owner', 'editor', 'viewer', 'outsider', 'otherWorkspace', 'anonymous'];
const TARGETS: Target[] = ['owner', 'admin', 'editor', 'self'];
/** Actors that may not manage the workspace's members, and what they get. */
const REFUSED: Partial<Record<Actor, number>> = { editor: 403, viewer: 403, outsider: 404, otherWorkspace: 404, anonymous: 401 };

let rt: TestRuntime;
const app = () => rt.app.koa.callback();
const agents = {} as Record<Actor, Agent>;
const ids = {} as Record<Exclude<Actor, 'anonymous'> | 'secondAdmin', string>;
let W: string; // the workspace under test
let X: string; // another workspace
let baseline: { userId: string; role: string }[];

async function signIn(email: string, password: string): Promise<Agent> {
  const agent = request.agent(app());
  expect((await agent.post('/api/v1/auth/signin').send({ email, password })).status).toBe(200);
  return agent;
}

/** Invites a new user into a workspace through the API and signs them in. */
async function join(workspaceId: string, email: string, role: string): Promise<{ id: string; agent: Agent }> {
  const inv = await agents.owner.post('/api/v1/invitations').set('X-Workspace-Id', workspaceId).send({ email, role });
  expect(inv.status, JSON.stringify(inv.body)).toBe(201);
  const password = `pw-${email}`;
  const accepted = await request(app()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: email, password });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { id: accepted.body.userId, agent: await signIn(email, password) };
}

const members = async (workspaceId = W) =>
  (await rt.workspaces.members(workspaceId)).map((m) => ({ userId: m.userId, role: m.role })).sort((a, b) => a.userId.localeCompare(b.userId));

function targetId(actor: Actor, target: Target): string {
  if (target === 'self') return ids[actor as keyof typeof ids];
  if (target === 'admin') return ids.secondAdmin; // never the acting admin
  return ids[target];
}

/** A request's answer: a refusal must be a JSON error, write no event and leave the members as they were. */
async function expectOutcome(res: request.Response, status: number, head: bigint | number, label: string): Promise<void> {
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(status);
  if (status >= 400) {
    expect(res.type, label).toBe('application/json');
    expect(res.body, label).toEqual({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
    expect(await rt.events.headPosition(), label).toBe(head);
  }
  if (status < 400) await restore();
  expect(await members(), label).toEqual(baseline);
}

/** The owner puts back what a successful change changed, so every case starts from the same members. */
async function restore(): Promise<void> {
  const now = await members();
  for (const m of baseline.filter((b) => !now.some((n) => n.userId === b.userId && n.role === b.role))) {
    expect((await agents.owner.put(`/api/v1/workspaces/${W}/members/${m.userId}`).send({ role: m.role })).status).toBe(204);
  }
}

beforeAll(async () => {
  rt = await startTestRuntime();
  agents.owner = await signIn(TEST_OWNER.email, TEST_OWNER.password);
  ids.owner = (await agents.owner.get('/api/v1/me')).body.id;
  W = (await agents.owner.post('/api/v1/workspaces').send({ name: 'W' })).body.id;
  X = (await agents.owner.post('/api/v1/workspaces').send({ name: 'X' })).body.id;
  const people: [Actor | 'secondAdmin', string, string][] = [
    ['admin', W, 'admin'], ['secondAdmin', W, 'admin'], ['editor', W, 'editor'], ['viewer', W, 'viewer'],
    ['otherWorkspace', X, 'admin'], ['outsider', X, 'viewer'],
  ];
  for (const [who, workspaceId, role] of people) {
    const joined = await join(workspaceId, `${who.toLowerCase()}@example.com`, role);
    ids[who as keyof typeof ids] = joined.id;
    if (who !== 'secondAdmin') agents[who as Actor] = joined.agent;
  }
  // The outsider belongs to no workspace at all.
  expect((await agents.owner.delete(`/api/v1/workspaces/${X}/members/${ids.outsider}`)).status).toBe(204);
  agents.anonymous = request.agent(app());
  baseline = await members();
  expect(baseline).toHaveLength(5);
});
afterAll(() => rt.dispose());

describe('membership routes: role matrix', () => {
  it('lists members to members only', async () => {
    for (const actor of ACTORS) {
      const res = await agents[actor].get(`/api/v1/workspaces/${W}/members`);
      const expected = actor === 'editor' || actor === 'viewer' ? 200 : REFUSED[actor] ?? 200;
      await expectOutcome(res, expected, await rt.events.headPosition(), `${actor} lists`);
    }
  });

  const changes: [string, (a: Agent, userId: string) => request.Test][] = [
    ['demotes', (a, userId) => a.put(`/api/v1/workspaces/${W}/members/${userId}`).send({ role: 'viewer' })],
    ['promotes', (a, userId) => a.put(`/api/v1/workspaces/${W}/members/${userId}`).send({ role: 'admin' })],
    ['removes', (a, userId) => a.delete(`/api/v1/workspaces/${W}/members/${userId}`)],
  ];
  for (const [verb, send] of changes) {
    it(`${verb} a member only as owner or admin, and never the owner unless the owner asks`, async () => {
      for (const actor of ACTORS) {
        for (const target of TARGETS) {
          if (actor === 'anonymous' && target === 'self') continue;
          const expected = REFUSED[actor] ?? (actor === 'admin' && target === 'owner' ? 403 : 204);
          const head = await rt.events.headPosition();
          const res = await send(agents[actor], targetId(actor, target));
          await expectOutcome(res, expected, head, `${actor} ${verb} ${target}`);
          if (target === 'owner' && actor === 'admin') expect(res.body).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/instance owner/) });
        }
      }
    });
  }

  it('creates and revokes invitations only as owner or admin', async () => {
    for (const actor of ACTORS) {
      const expected = REFUSED[actor];
      let head = await rt.events.headPosition();
      const created = await agents[actor].post('/api/v1/invitations').set('X-Workspace-Id', W).send({ email: `new-${actor}@example.com`, role: 'admin' });
      await expectOutcome(created, expected ?? 201, head, `${actor} invites`);
      const open = await agents.owner.post('/api/v1/invitations').set('X-Workspace-Id', W).send({ email: 'later@example.com', role: 'editor' });
      head = await rt.events.headPosition();
      const revoked = await agents[actor].delete(`/api/v1/invitations/${open.body.invitation.id}`).set('X-Workspace-Id', W);
      await expectOutcome(revoked, expected ?? 204, head, `${actor} revokes`);
    }
  });

  it('an invitation to the owner’s address cannot demote the owner, whoever accepts it', async () => {
    for (const actor of ACTORS) {
      const inv = await agents.admin.post('/api/v1/invitations').set('X-Workspace-Id', W).send({ email: TEST_OWNER.email, role: 'viewer' });
      expect(inv.status).toBe(201);
      const head = await rt.events.headPosition();
      const res = await agents[actor].post('/api/v1/invitations/accept').send({ token: inv.body.token });
      await expectOutcome(res, actor === 'owner' ? 200 : 409, head, `${actor} accepts the owner's invitation`);
    }
  });
});

describe('what stays guarded', () => {
  it('keeps a workspace’s last admin, and the owner out of reach of its admin', async () => {
    const L = (await agents.admin.post('/api/v1/workspaces').send({ name: 'L' })).body.id;
    const before = await members(L);
    const head = await rt.events.headPosition();
    const attempts: [Agent, string, 'put' | 'delete', string, string][] = [
      [agents.admin, ids.admin, 'put', 'viewer', 'conflict'],
      [agents.admin, ids.admin, 'delete', '', 'conflict'],
      [agents.owner, ids.admin, 'delete', '', 'conflict'],
      [agents.admin, ids.owner, 'put', 'viewer', 'forbidden'], // adding the owner below admin
      [agents.admin, ids.owner, 'put', 'admin', 'forbidden'],
    ];
    for (const [agent, userId, method, role, code] of attempts) {
      const req = agent[method](`/api/v1/workspaces/${L}/members/${userId}`);
      const res = await (method === 'put' ? req.send({ role }) : req);
      expect(res.body.code, `${method} ${userId} ${role}`).toBe(code);
    }
    expect(await rt.events.headPosition()).toBe(head);
    expect(await members(L)).toEqual(before);
  });

  it('a refused invitation leaves no token behind', async () => {
    const tokens = () => rt.vault.collection('invitation_tokens').count();
    const before = await tokens();
    const ctx = { actor: { kind: 'user' as const, id: ids.owner, name: 'Owner' }, requestId: 'refused-invite' };
    await expect(rt.workspaces.invite('no-such-workspace', 'x@example.com', 'editor', ctx)).rejects.toMatchObject({ code: 'not_found' });
    expect(await tokens()).toBe(before);
  });

  it('the owner stays an admin of a workspace where they made themself a viewer', async () => {
    expect((await agents.owner.put(`/api/v1/workspaces/${W}/members/${ids.owner}`).send({ role: 'viewer' })).status).toBe(204);
    expect((await agents.owner.delete(`/api/v1/workspaces/${W}/members/${ids.editor}`)).status).toBe(204);
    await restore();
    expect(await members()).toEqual(baseline);
  });
});
