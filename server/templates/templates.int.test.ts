// Templates over REST on a real runtime: the gallery with search and categories, "use template"
// with credential choices, workspace templates saved from workflows (versioned, one event per
// save), n8n template imports, refusals that write nothing, and workspace isolation.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_TEMPLATES_CATEGORY } from '../../domain/index.ts';
import { sampleWorkflow, startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';

let rt: TestRuntime;
const app = () => rt.app.koa.callback();
const key = (r: request.Test) => r.set('X-API-KEY', TEST_OWNER.apiKey);
const owner = () => request(app());

beforeAll(async () => { rt = await startTestRuntime(); });
afterAll(() => rt.dispose());

const templateEvents = async (workspaceId: string) => (await rt.events.readStream(`${WORKSPACE_TEMPLATES_CATEGORY}-${workspaceId}`)).map((e) => e.type);

async function createWorkflow(name: string) {
  const res = await key(owner().post('/api/v1/workflows')).send(sampleWorkflow(name));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

describe('the template gallery', () => {
  it('lists built-in templates with their categories and credentials, and searches by words and category', async () => {
    const all = await key(owner().get('/api/v1/templates'));
    expect(all.status).toBe(200);
    expect(all.body.data.length).toBeGreaterThanOrEqual(40);
    expect(all.body.categories).toEqual(expect.arrayContaining(['Sales', 'Marketing', 'Support', 'DevOps', 'Data', 'AI', 'Personal productivity', 'Internal tools']));
    const slackAlert = all.body.data.find((t: { id: string }) => t.id === 'sales-hot-lead-slack-alert');
    expect(slackAlert).toMatchObject({ source: 'library', category: 'Sales', credentials: ['slackApi'] });
    expect(slackAlert.workflow).toBeUndefined();

    const found = await key(owner().get('/api/v1/templates')).query({ search: 'hacker news digest' });
    expect(found.body.data.map((t: { id: string }) => t.id).sort()).toEqual(['marketing-hacker-news-digest']);
    const devops = await key(owner().get('/api/v1/templates')).query({ category: 'DevOps' });
    expect(devops.body.data.length).toBeGreaterThanOrEqual(5);
    expect(devops.body.data.every((t: { category: string }) => t.category === 'DevOps')).toBe(true);

    const detail = await key(owner().get('/api/v1/templates/devops-uptime-monitor'));
    expect(detail.status).toBe(200);
    expect(detail.body.workflow.nodes.length).toBeGreaterThan(2);
    expect(detail.body.test).toBeUndefined();
    expect((await key(owner().get('/api/v1/templates/no-such-template'))).status).toBe(404);
    const bad = await key(owner().get('/api/v1/templates')).query({ surprise: 'x' });
    expect(bad.status).toBe(400);
  });

  it('uses a template: creates the workflow, says which credentials it needs, and writes the choice into its nodes', async () => {
    const used = await key(owner().post('/api/v1/templates/sales-hot-lead-slack-alert/use')).send({ name: 'My hot leads' });
    expect(used.status, JSON.stringify(used.body)).toBe(201);
    expect(used.body).toMatchObject({ name: 'My hot leads', credentials: [{ type: 'slackApi', nodes: ['Post to #sales'], chosen: null }] });
    const workflow = await rt.workflows.get(used.body.workflowId);
    expect(rt.workflows.issues(workflow.definition).map((i) => i.message)).toEqual([expect.stringMatching(/credential is chosen/)]);

    const credential = await key(owner().post('/api/v1/credentials')).send({ name: 'Team Slack', type: 'slackApi', data: { accessToken: 'xoxb-1' } });
    expect(credential.status).toBe(201);
    const wrongType = await key(owner().put(`/api/v1/workflows/${used.body.workflowId}/credentials`)).send({ credentials: { httpHeaderAuth: credential.body.id } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/httpHeaderAuth/);
    const revision = (await rt.workflows.get(used.body.workflowId)).revision;
    expect(revision).toBe(workflow.revision);

    const chosen = await key(owner().put(`/api/v1/workflows/${used.body.workflowId}/credentials`)).send({ credentials: { slackApi: credential.body.id } });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.credentials).toEqual([{ type: 'slackApi', nodes: ['Post to #sales'], chosen: { id: credential.body.id, name: 'Team Slack' } }]);
    const after = await rt.workflows.get(used.body.workflowId);
    expect(after.definition.nodes.find((n) => n.name === 'Post to #sales')?.credentials).toEqual({ slackApi: { id: credential.body.id, name: 'Team Slack' } });
    expect(rt.workflows.issues(after.definition)).toEqual([]);

    expect((await key(owner().post('/api/v1/templates/no-such/use')).send({})).status).toBe(404);
    expect((await key(owner().post('/api/v1/templates/sales-hot-lead-slack-alert/use')).send({ extra: 1 })).status).toBe(400);
  });
});

describe('workspace templates', () => {
  it('saves a workflow as a template, adds a version on every save, and uses a chosen version', async () => {
    const workflow = await createWorkflow('Greeter');
    const workspaceId = (await rt.workflows.get(workflow.id)).workspaceId;
    const before = (await templateEvents(workspaceId)).length;
    const first = await key(owner().post('/api/v1/templates')).send({ workflowId: workflow.id, description: 'Says hello', category: 'Team' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ source: 'workspace', name: 'Greeter', version: 1, category: 'Team' });

    await key(owner().patch(`/api/v1/workflows/${workflow.id}`)).send({ name: 'Greeter v2' });
    const second = await key(owner().post('/api/v1/templates')).send({ workflowId: workflow.id });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, version: 2, description: 'Says hello', category: 'Team' });
    expect(second.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(await templateEvents(workspaceId)).toHaveLength(before + 2);

    const listed = await key(owner().get('/api/v1/templates')).query({ search: 'greeter' });
    expect(listed.body.data).toEqual([expect.objectContaining({ id: first.body.id, source: 'workspace', version: 2 })]);
    const v1 = await key(owner().get(`/api/v1/templates/${first.body.id}`)).query({ version: 1 });
    expect(v1.body).toMatchObject({ version: 1 });
    expect((await key(owner().get(`/api/v1/templates/${first.body.id}`)).query({ version: 9 })).status).toBe(404);
    const used = await key(owner().post(`/api/v1/templates/${first.body.id}/use`)).send({ version: 1 });
    expect(used.status).toBe(201);
    expect(used.body.name).toBe('Greeter');

    expect((await key(owner().post('/api/v1/templates')).send({ workflowId: 'missing-workflow' })).status).toBe(404);
    expect((await key(owner().post('/api/v1/templates')).send({ workflowId: workflow.id, templateId: 'nope' })).status).toBe(404);
    expect((await key(owner().delete('/api/v1/templates/devops-uptime-monitor'))).status).toBe(400);
    expect((await key(owner().delete(`/api/v1/templates/${first.body.id}`))).status).toBe(204);
    expect((await key(owner().get(`/api/v1/templates/${first.body.id}`))).status).toBe(404);
    expect(await templateEvents(workspaceId)).toHaveLength(before + 3);
  });

  it("imports n8n template JSON in n8n.io's API shape, the export shape and as a plain workflow, and refuses what is not a workflow", async () => {
    const { nodes, connections } = sampleWorkflow();
    const apiShape = { workflow: { id: 1234, name: 'From n8n.io', description: 'Community template', categories: [{ id: 1, name: 'Marketing' }], workflow: { nodes, connections } } };
    const fromApi = await key(owner().post('/api/v1/templates/import')).send(apiShape);
    expect(fromApi.status, JSON.stringify(fromApi.body)).toBe(201);
    expect(fromApi.body).toMatchObject({ source: 'workspace', name: 'From n8n.io', description: 'Community template', category: 'Marketing', version: 1 });
    expect(fromApi.body.workflow.nodes.map((n: { name: string }) => n.name)).toEqual(nodes.map((n) => n.name));

    const exportShape = await key(owner().post('/api/v1/templates/import')).send({ name: 'Exported', description: 'x', workflow: { nodes, connections } });
    expect(exportShape.status).toBe(201);
    expect(exportShape.body.name).toBe('Exported');
    const plain = await key(owner().post('/api/v1/templates/import')).send({ ...sampleWorkflow('Plain export'), nodes: [{ ...nodes[1], credentials: { slackApi: { id: 'secret-id', name: 'Slack' } } }] });
    expect(plain.status).toBe(201);
    expect(plain.body.name).toBe('Plain export');
    // A template never keeps the credential ids of where it came from.
    expect(plain.body.workflow.nodes[0].credentials).toEqual({ slackApi: { name: 'Slack' } });

    const count = (await key(owner().get('/api/v1/templates'))).body.data.length;
    const broken = await key(owner().post('/api/v1/templates/import')).send({ workflow: { nodes: [{ name: 'x' }], connections: {} } });
    expect(broken.status).toBe(400);
    expect(broken.body.message).toBeTruthy();
    expect((await key(owner().post('/api/v1/templates/import')).send([1, 2])).status).toBe(400);
    expect((await key(owner().get('/api/v1/templates'))).body.data.length).toBe(count);
  });

  it("keeps each workspace's templates to itself and lets viewers only read", async () => {
    const workflow = await createWorkflow('Private flow');
    const saved = await key(owner().post('/api/v1/templates')).send({ workflowId: workflow.id, name: 'Private template' });
    expect(saved.status).toBe(201);
    const session = request.agent(app());
    await session.post('/api/v1/auth/signin').send({ email: TEST_OWNER.email, password: TEST_OWNER.password });
    const other = await session.post('/api/v1/workspaces').send({ name: 'Other templates' });
    expect(other.status).toBe(201);
    const there = (r: request.Test) => r.set('X-Workspace-Id', other.body.id);
    const listed = await there(session.get('/api/v1/templates')).query({ search: 'private' });
    expect(listed.body.data).toEqual([]);
    expect((await there(session.get(`/api/v1/templates/${saved.body.id}`))).status).toBe(404);
    expect((await there(session.post(`/api/v1/templates/${saved.body.id}/use`)).send({})).status).toBe(404);
    expect((await there(session.delete(`/api/v1/templates/${saved.body.id}`))).status).toBe(404);
    // Another workspace cannot save this workspace's workflow as its template, nor pick credentials in it.
    expect((await there(session.post('/api/v1/templates')).send({ workflowId: workflow.id })).status).toBe(404);
    const foreignCredential = await there(session.post('/api/v1/credentials')).send({ name: 'Theirs', type: 'slackApi', data: { accessToken: 'xoxb-2' } });
    const used = await key(owner().post('/api/v1/templates/sales-hot-lead-slack-alert/use')).send({ credentials: { slackApi: foreignCredential.body.id } });
    expect(used.status).toBe(400);

    const inv = await there(session.post('/api/v1/invitations')).send({ email: 'template-viewer@example.com', role: 'viewer' });
    const accepted = await request(app()).post('/api/v1/invitations/accept').send({ token: inv.body.token, name: 'Viewer', password: 'viewer-password-123' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const viewer = request.agent(app());
    await viewer.post('/api/v1/auth/signin').send({ email: 'template-viewer@example.com', password: 'viewer-password-123' });
    expect((await viewer.get('/api/v1/templates')).status).toBe(200);
    const write = await viewer.post('/api/v1/templates/devops-uptime-monitor/use').send({});
    expect(write.status).toBe(403);
  });
});
