// Community packages installed for real from the npm registry: through the owner's REST API (a
// node usable at once in a run, refusals with clear 4xx answers, update, remove), brought back by
// a server whose folder lost them (what a new worker machine does), and through the CLI, whose
// `weft execute` then runs the package's node.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.ts';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

const TURNDOWN = 'n8n-nodes-turndown-html-to-markdown';
const TURNDOWN_TYPE = `${TURNDOWN}.mdTurndown`;
const FIRECRAWL = '@mendable/n8n-nodes-firecrawl';

/** Manual trigger with one HTML item → the package's HTML-to-Markdown node. */
function markdownWorkflow() {
  return {
    name: 'HTML to Markdown',
    nodes: [
      { id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'b', name: 'Page', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: '{"html": "<h1>Title</h1><p>Some <strong>bold</strong> text</p>"}', options: {} } },
      { id: 'c', name: 'ToMd', type: TURNDOWN_TYPE, typeVersion: 1, position: [400, 0], parameters: { operation: 'htmlToMarkdown', input: '={{ $json.html }}', outputKey: 'md' } },
    ],
    connections: { Start: { main: [[{ node: 'Page', type: 'main', index: 0 }]] }, Page: { main: [[{ node: 'ToMd', type: 'main', index: 0 }]] } },
  };
}

describe('community packages through the REST API', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-packages-'));
  let rt: TestRuntime | undefined;
  const api = () => request.agent(rt!.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
  afterAll(async () => {
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs a package whose node runs at once, refuses what it must, updates and removes', async () => {
    rt = await startTestRuntime({}, dir);
    const notAPackage = await api().post('/api/v1/community-packages').send({ name: 'left-pad' });
    expect(notAPackage.status).toBe(400);
    expect(notAPackage.body.message).toMatch(/n8n-nodes-/);
    const n8nOwn = await api().post('/api/v1/community-packages').send({ name: 'n8n-nodes-base' });
    expect(n8nOwn.status).toBe(400);
    expect(n8nOwn.body.message).toMatch(/built in/);
    const unknown = await api().post('/api/v1/community-packages').send({ name: 'n8n-nodes-weft-no-such-package-7f3a' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/npm could not do it/);

    const installed = await api().post('/api/v1/community-packages').send({ name: TURNDOWN });
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({ packageName: TURNDOWN, installedVersion: '1.0.5', source: 'installed', installedNodes: [{ type: TURNDOWN_TYPE }] });
    expect((await api().post('/api/v1/community-packages').send({ name: TURNDOWN })).status).toBe(409);

    const catalog = await api().get('/api/v1/node-types');
    expect(catalog.body.types.map((t: { name: string }) => t.name)).toContain(TURNDOWN_TYPE);
    const workflow = await api().post('/api/v1/workflows').send(markdownWorkflow());
    expect(workflow.status, workflow.text).toBe(201);
    const ran = await api().post(`/api/v1/workflows/${workflow.body.id}/run`).query({ wait: 'true' }).send({});
    expect(ran.body.status, JSON.stringify(ran.body.data?.resultData?.error)).toBe('success');
    expect(ran.body.data.resultData.runData.ToMd[0].data.main[0][0].json.md).toMatch(/Title\n=+\n\nSome \*\*bold\*\* text/);

    const older = await api().post('/api/v1/community-packages').send({ name: FIRECRAWL, version: '2.1.0' });
    expect(older.status, older.text).toBe(201);
    expect(older.body.installedVersion).toBe('2.1.0');
    const updated = await api().patch('/api/v1/community-packages').send({ name: FIRECRAWL, version: '2.1.2' });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ installedVersion: '2.1.2', updatedAt: expect.any(String) });
    expect(updated.body.installedNodes.length).toBeGreaterThan(0);

    const removed = await api().delete('/api/v1/community-packages').query({ name: TURNDOWN });
    expect(removed.status).toBe(204);
    expect((await api().delete('/api/v1/community-packages').query({ name: TURNDOWN })).status).toBe(404);
    const list = (await api().get('/api/v1/community-packages')).body as { packageName: string; installedVersion: string }[];
    expect(list.map((p) => `${p.packageName}@${p.installedVersion}`)).toEqual([`${FIRECRAWL}@2.1.2`]);
    expect((await api().get('/api/v1/node-types')).body.types.map((t: { name: string }) => t.name)).not.toContain(TURNDOWN_TYPE);
  }, 240_000);

  it('installs again, on start, what the instance has installed and its folder lacks', async () => {
    await rt!.close();
    rmSync(path.join(dir, 'nodes'), { recursive: true, force: true });
    rt = await startTestRuntime({}, dir);
    const list = (await api().get('/api/v1/community-packages')).body as { packageName: string; installedVersion: string; failedLoading?: boolean }[];
    expect(list).toMatchObject([{ packageName: FIRECRAWL, installedVersion: '2.1.2' }]);
    expect(list[0].failedLoading).toBeUndefined();
  }, 240_000);
});

describe('who may install', () => {
  let rt: TestRuntime | undefined;
  afterAll(() => rt?.dispose());

  it('only the owner, only packages on the allow-list, and nothing when turned off', async () => {
    rt = await startTestRuntime({ COMMUNITY_PACKAGES_ALLOWED: 'n8n-nodes-some-other' });
    const owner = request.agent(rt.app.koa.callback()).set('X-API-KEY', TEST_OWNER.apiKey);
    const invitation = await owner.post('/api/v1/invitations').set('X-Workspace-Id', 'default').send({ email: 'ed@example.com', role: 'admin' });
    expect(invitation.status, invitation.text).toBe(201);
    await request(rt.app.koa.callback()).post('/api/v1/invitations/accept').send({ token: invitation.body.token, name: 'Ed', password: 'ed-password-secret' });
    const admin = request.agent(rt.app.koa.callback());
    expect((await admin.post('/api/v1/auth/signin').send({ email: 'ed@example.com', password: 'ed-password-secret' })).status).toBe(200);
    const byAdmin = await admin.post('/api/v1/community-packages').send({ name: TURNDOWN });
    expect(byAdmin.status).toBe(403);
    expect((await admin.get('/api/v1/community-packages')).status).toBe(403);

    const notAllowed = await owner.post('/api/v1/community-packages').send({ name: TURNDOWN });
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.message).toMatch(/allow-list/);
    const extra = await owner.post('/api/v1/community-packages').send({ name: TURNDOWN, script: 'rm -rf /' });
    expect(extra.status).toBe(400);
    await rt.dispose();

    rt = await startTestRuntime({ COMMUNITY_PACKAGES_ENABLED: 'false' });
    const off = await request(rt.app.koa.callback()).post('/api/v1/community-packages').set('X-API-KEY', TEST_OWNER.apiKey).send({ name: TURNDOWN });
    expect(off.status).toBe(403);
    expect(off.body.message).toMatch(/turned off/);
  }, 60_000);
});

describe('community packages through the CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'weft-packages-cli-'));
  const weft = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'weft.js'), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: dir } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs, lists, runs with weft execute, and removes', () => {
    const bad = weft('nodes', 'install', 'left-pad');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/n8n-nodes-/);

    // It needs cheerio without declaring it (n8n happens to have it): refused with the reason, and undone.
    const broken = weft('nodes', 'install', 'n8n-nodes-html-tag-extract@0.2.0');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/not a usable community node package: .*cheerio/);

    const installed = weft('nodes', 'install', `${TURNDOWN}@1.0.5`);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`installed ${TURNDOWN}@1.0.5`);
    expect(installed.stdout).toContain(TURNDOWN_TYPE);
    expect(weft('nodes', 'list').stdout).toContain(`${TURNDOWN}@1.0.5`);

    const file = path.join(dir, 'markdown.json');
    writeFileSync(file, JSON.stringify(markdownWorkflow()));
    const run = weft('execute', '--file', file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Some \*\*bold\*\* text/);

    const removed = weft('nodes', 'remove', TURNDOWN);
    expect(removed.status, removed.stderr).toBe(0);
    expect(weft('nodes', 'list').stdout).toContain('No community packages installed.');
    expect(weft('execute', '--file', file).status).not.toBe(0);
  }, 240_000);
});
