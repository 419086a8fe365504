// Real n8n JSON of every age imports: old template-style exports, new AI-heavy exports and n8n's
// clipboard format, each normalised as n8n reads it, with the changes listed in the answer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from './test-support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`./fixtures/n8n-import/${name}.json`, import.meta.url), 'utf8'));

let server: TestServer;
const credentialIds: Record<string, string> = {};

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${server.url}${path}`, {
    method, headers: { 'X-API-KEY': TEST_OWNER.apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function importOne(json: unknown): Promise<{ id: string; warnings: { path: string; message: string }[] }> {
  const res = await api('POST', '/api/v1/workflows/import', json);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.imported).toHaveLength(1);
  return { id: res.body.imported[0].id, warnings: res.body.warnings };
}

/** What every stored workflow must satisfy: unique non-empty node ids, edges between existing nodes, n8n's credential form. */
function expectWellFormed(workflow: Json) {
  const ids = workflow.nodes.map((n: Json) => n.id);
  for (const id of ids) expect(id).toMatch(/^\S+$/);
  expect(new Set(ids).size).toBe(ids.length);
  const names = new Set(workflow.nodes.map((n: Json) => n.name));
  for (const [source, byType] of Object.entries<Json>(workflow.connections)) {
    expect(names.has(source), source).toBe(true);
    for (const outputs of Object.values<Json[][]>(byType)) for (const slot of outputs) for (const t of slot ?? []) expect(names.has(t.node), t.node).toBe(true);
  }
  for (const n of workflow.nodes) {
    for (const ref of Object.values<Json>(n.credentials ?? {})) expect(Object.keys(ref).sort()).toEqual(['id', 'name']);
  }
  for (const value of Object.values(workflow.settings)) expect(value).not.toBeNull();
}

/** Export, then import the export: it must go in with nothing left to normalise but unresolved credentials. */
async function expectExportReimports(id: string) {
  const exported = await api('GET', `/api/v1/workflows/${id}/export`);
  expect(exported.status).toBe(200);
  expectWellFormed(exported.body);
  const again = await importOne(exported.body);
  expect(again.warnings.filter((w) => !/credential/.test(w.message))).toEqual([]);
  const reimported = (await api('GET', `/api/v1/workflows/${again.id}`)).body;
  expect(reimported.nodes).toEqual(exported.body.nodes);
  expect(reimported.connections).toEqual(exported.body.connections);
  return exported.body;
}

const paths = (warnings: { path: string }[]) => warnings.map((w) => w.path).sort();

beforeAll(async () => {
  server = await startTestServer();
  for (const [name, type, data] of [
    ['Warehouse', 'postgres', { host: 'db.example.com', database: 'warehouse', user: 'sync', password: 'pw' }],
    ['Status page', 'httpBasicAuth', { user: 'status', password: 'pw' }],
    ['Shop API key', 'httpHeaderAuth', { name: 'X-Api-Key', value: 'k' }],
  ] as const) {
    const res = await api('POST', '/api/v1/credentials', { name, type, data });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    credentialIds[name] = res.body.id;
  }
});
afterAll(() => server.close());

describe('importing real n8n JSON', () => {
  it('imports an old template-style export: string credentials, null settings, no ids, dangling connections', async () => {
    const { id, warnings } = await importOne(fixture('old-template'));
    expect(paths(warnings)).toEqual([
      'connections.Mark synced.main.0.1', 'connections.Slack', 'nodes.0.id', 'nodes.1.credentials.postgres', 'nodes.1.credentials.postgres', 'nodes.1.id',
      'nodes.2.id', 'nodes.2.notes', 'nodes.3.credentials.airtableApi', 'nodes.3.credentials.airtableApi', 'nodes.3.id',
      'nodes.4.credentials.httpBasicAuth', 'nodes.4.credentials.httpBasicAuth', 'nodes.4.id',
      'pinData', 'settings.errorWorkflow', 'settings.timezone', 'tags',
    ]);
    expect(warnings.find((w) => w.path === 'connections.Slack')!.message).toMatch(/not a node; dropped/);
    expect(warnings.filter((w) => w.path === 'nodes.3.credentials.airtableApi').map((w) => w.message).join(' ')).toMatch(/choose one in the editor/);

    const stored = (await api('GET', `/api/v1/workflows/${id}`)).body;
    expectWellFormed(stored);
    expect(stored.name).toBe('Nightly Postgres to Airtable sync');
    expect(stored.settings).toEqual({ saveManualExecutions: true });
    expect(stored).not.toHaveProperty('pinData');
    expect(stored.connections['Mark synced']).toEqual({ main: [[{ node: 'Airtable', type: 'main', index: 0 }]] });
    expect(stored.connections).not.toHaveProperty('Slack');
    const creds = Object.fromEntries(stored.nodes.map((n: Json) => [n.name, n.credentials]));
    expect(creds.Postgres).toEqual({ postgres: { id: credentialIds.Warehouse, name: 'Warehouse' } });
    expect(creds['HTTP Request']).toEqual({ httpBasicAuth: { id: credentialIds['Status page'], name: 'Status page' } });
    expect(creds.Airtable).toEqual({ airtableApi: { id: null, name: 'Airtable account' } });
    await expectExportReimports(id);
  });

  it('imports a new AI export with meta, versionId, tag objects, a community node and foreign credential ids', async () => {
    const source = fixture('new-ai-export');
    const { id, warnings } = await importOne(source);
    expect(paths(warnings)).toEqual([
      'nodes.4.credentials.httpHeaderAuth', 'nodes.5.credentials', 'nodes.5.notesInFlow', 'nodes.6.id',
      'settings.callerPolicy', 'settings.errorWorkflow',
    ]);
    const stored = (await api('GET', `/api/v1/workflows/${id}`)).body;
    expectWellFormed(stored);
    expect(stored.tags).toEqual(['support', 'ai']);
    expect(stored.meta).toEqual(source.meta);
    expect(stored.settings).toEqual({ executionOrder: 'v1' });
    const byName = Object.fromEntries(stored.nodes.map((n: Json) => [n.name, n]));
    // Unknown types are kept as they are; they fail only when run.
    expect(byName['Acme knowledge base']).toMatchObject({ type: 'n8n-nodes-acme.acmeKnowledgeBaseTool', parameters: { query: "={{ $fromAI('query') }}" } });
    expect(byName['Order lookup'].credentials).toEqual({ httpHeaderAuth: { id: credentialIds['Shop API key'], name: 'Shop API key' } });
    // A credential id from another instance with no namesake here stays, for the editor to flag.
    expect(byName['OpenAI Chat Model'].credentials).toEqual({ openAiApi: { id: 'Qm3nP7xYt2LkA9sd', name: 'OpenAi account' } });
    expect(stored.connections).toEqual(source.connections);
    const exported = await expectExportReimports(id);
    expect(exported.tags).toEqual([{ name: 'support' }, { name: 'ai' }]);
  });

  it('imports a file with a node name and a node id used twice: the later node is renamed and given a new id, and says so', async () => {
    const { id, warnings } = await importOne(fixture('duplicate-names'));
    expect(warnings).toEqual([
      { path: 'nodes.2.name', message: "'Set' is the name of an earlier node; renamed 'Set1'" },
      { path: 'nodes.2.id', message: 'used twice; gave the node a new id' },
    ]);
    const stored = (await api('GET', `/api/v1/workflows/${id}`)).body;
    expectWellFormed(stored);
    expect(stored.nodes.map((n: Json) => n.name)).toEqual(['When clicking ‘Execute workflow’', 'Set', 'Set1']);
    // The connection names 'Set': it stays with the first node, which is the one that runs.
    const run = await api('POST', `/api/v1/workflows/${id}/run?wait=true`, {});
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(Object.keys(run.body.data.resultData.runData).sort()).toEqual(['Set', 'When clicking ‘Execute workflow’']);
    expect(run.body.data.resultData.runData.Set[0].data.main[0][0].json).toEqual({ step: 'first' });
  });

  it("imports n8n's clipboard format, and create and update take the same JSON", async () => {
    const clipboard = fixture('clipboard');
    const { id, warnings } = await importOne(clipboard);
    expect(paths(warnings)).toEqual(['name', 'nodes.0.id', 'nodes.0.webhookId', 'nodes.1.id']);
    const stored = (await api('GET', `/api/v1/workflows/${id}`)).body;
    expectWellFormed(stored);
    expect(stored).toMatchObject({ name: 'Imported workflow', pinData: clipboard.pinData, settings: {} });
    await expectExportReimports(id);

    const created = await api('POST', '/api/v1/workflows', fixture('old-template'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Nightly Postgres to Airtable sync', revision: 0 });
    expect(paths(created.body.warnings)).toContain('settings.errorWorkflow');
    const updated = await api('PUT', `/api/v1/workflows/${created.body.id}`, clipboard);
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Imported workflow', revision: 1 });
    expect(paths(updated.body.warnings)).toEqual(['name', 'nodes.0.id', 'nodes.0.webhookId', 'nodes.1.id']);
    const clean = await api('PUT', `/api/v1/workflows/${created.body.id}`, updated.body);
    expect(clean.body.warnings).toEqual([]);
  });

  it('imports an array with warning paths by index, and still refuses what n8n refuses, writing nothing', async () => {
    const res = await api('POST', '/api/v1/workflows/import', [fixture('clipboard'), fixture('new-ai-export')]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(paths(res.body.warnings).filter((p) => p.startsWith('0.'))).toEqual(['0.name', '0.nodes.0.id', '0.nodes.0.webhookId', '0.nodes.1.id']);
    expect(paths(res.body.warnings)).toContain('1.nodes.6.id');

    const before = await server.runtime.events.headPosition();
    const bad = await api('POST', '/api/v1/workflows/import', [fixture('clipboard'), { ...fixture('clipboard'), nodes: 'no' }]);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: Json) => d.path)).toContain('1.nodes');
    expect(await server.runtime.events.headPosition()).toBe(before);
  });

  it('`weft import` normalises too, and names a nameless workflow after its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-import-'));
    const file = join(dir, 'order-webhook.json');
    writeFileSync(file, JSON.stringify(fixture('clipboard')));
    const cli = spawnSync(process.execPath, ['bin/weft.js', 'import', '--input', file], {
      env: { ...process.env, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^imported \S+ {2}order-webhook$/m);
    expect(cli.stderr).toMatch(/normalised nodes\.0\.id: missing; gave the node a new id/);
  });

  it('refuses to activate an imported workflow whose nodes cannot run, naming each node and what it lacks', async () => {
    const webhook = { id: 'w', name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'issues-hook', parameters: { path: 'issues-hook', httpMethod: 'POST' } };
    const enrich = { id: 's', name: 'Enrich contact', type: 'n8n-nodes-base.dropcontact', typeVersion: 1, position: [200, 0], parameters: {} };
    const http = { id: 'h', name: 'Call API', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0], parameters: { url: 'http://127.0.0.1:9/', authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' }, credentials: { httpHeaderAuth: 'Nowhere token' } };
    const { id } = await importOne({ name: 'Has issues', nodes: [webhook, enrich, http], connections: { Hook: { main: [[{ node: 'Enrich contact', type: 'main', index: 0 }]] }, 'Enrich contact': { main: [[{ node: 'Call API', type: 'main', index: 0 }]] } } });
    const refused = await api('POST', `/api/v1/workflows/${id}/activate`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("The workflow cannot be activated: fix 'Enrich contact', 'Call API' first");
    expect(refused.body.details).toEqual([
      { path: 'nodes.1', message: "Enrich contact: its type 'n8n-nodes-base.dropcontact' (version 1) is not installed on this instance" },
      { path: 'nodes.2', message: "Call API: no Header Auth credential is chosen ('Nowhere token' was not found)" },
    ]);
    expect((await api('GET', `/api/v1/workflows/${id}`)).body.active).toBe(false);
    const listed = async () => (await api('GET', '/api/v1/workflows?limit=250')).body.data.find((w: Json) => w.id === id);
    expect((await listed()).issues).toEqual(refused.body.details.map((d: Json) => ({ node: d.message.split(':')[0], message: d.message.slice(d.message.indexOf(': ') + 2) })));
    // Its webhook was not registered either.
    expect((await fetch(`${server.url}/webhook/issues-hook`, { method: 'POST' })).status).toBe(404);

    // With the unknown node disabled and the credential chosen, it activates.
    const current = (await api('GET', `/api/v1/workflows/${id}`)).body;
    const nodes = current.nodes.map((n: Json) => n.name === 'Enrich contact' ? { ...n, disabled: true }
      : n.name === 'Call API' ? { ...n, credentials: { httpHeaderAuth: { id: credentialIds['Shop API key'], name: 'Shop API key' } } } : n);
    expect((await api('PUT', `/api/v1/workflows/${id}`, { ...current, nodes })).status).toBe(200);
    const activated = await api('POST', `/api/v1/workflows/${id}/activate`);
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect(activated.body.active).toBe(true);
    expect((await listed()).issues).toEqual([]);
  });
});
