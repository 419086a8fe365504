// A fresh instance without OWNER_EMAIL: the first visitor sets up the owner through the API the
// set-up screen uses; every event of it names the owner as actor, and it works only once.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './test-support.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startTestRuntime({ OWNER_EMAIL: '', OWNER_PASSWORD: '', OWNER_API_KEY: '' });
});
afterAll(async () => {
  await rt?.close();
});

describe('owner set-up', () => {
  it('creates and signs in the owner once, and the audit names them for each step', async () => {
    const app = rt.app.koa.callback();
    expect((await request(app).get('/api/v1/setup')).body).toEqual({ needsSetup: true });
    const bad = await request(app).post('/api/v1/setup').send({ email: 'ada@example.com', name: 'Ada', password: 'short' });
    expect(bad.status).toBe(400);
    expect((await request(app).get('/api/v1/setup')).body).toEqual({ needsSetup: true });

    const agent = request.agent(app);
    const created = await agent.post('/api/v1/setup').send({ email: 'ada@example.com', name: 'Ada Lovelace', password: 'analytical-1843' });
    expect(created.status, created.text).toBe(201);
    expect((await request(app).get('/api/v1/setup')).body).toEqual({ needsSetup: false });
    const again = await request(app).post('/api/v1/setup').send({ email: 'eve@example.com', name: 'Eve', password: 'longenough1' });
    expect(again.status).toBe(409);

    await expect.poll(async () => {
      const audit = await agent.get('/api/v1/audit?scope=instance&limit=50');
      return audit.body.data.map((e: { type: string }) => e.type).sort();
    }).toEqual(['UserEmailReserved', 'UserRegistered', 'UserSignedIn', 'WorkspaceCreated', 'WorkspaceMemberAdded']);
    const entries = (await agent.get('/api/v1/audit?scope=instance&limit=50')).body.data as { id: string; actorKind: string; actorId: string; actorName?: string }[];
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    // The audit log names the newcomer who set the instance up, not an anonymous caller.
    for (const e of entries) expect(e).toMatchObject({ actorKind: 'user', actorId: created.body.id, actorName: 'Ada Lovelace' });
  });
});
