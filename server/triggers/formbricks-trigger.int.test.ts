// A real community webhook trigger from npm, unchanged: @formbricks/n8n-nodes-formbricks (its
// webhookMethods register the node's URL through Formbricks' management API with the package's
// own credential type). A local server stands in for a self-hosted Formbricks, written from its
// API docs (v1 management API: GET/POST /api/v1/webhooks, DELETE /api/v1/webhooks/:id, x-api-key).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.ts';
import { startTestServer, type TestServer } from '../test-support.ts';
import { ownerApi } from './trigger-test-support.ts';

const SPEC = '@formbricks/n8n-nodes-formbricks@1.0.2';
const PUBLIC_URL = 'http://weft.example.test';
const API_KEY = 'fb-test-key';

interface Hook { id: string; url: string; triggers: string[]; surveyIds: string[]; source: string }
const webhooks: Hook[] = [];
let formbricks: Server;
let host = '';
let weft: TestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'weft-formbricks-'));

beforeAll(async () => {
  formbricks = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.headers['x-api-key'] !== API_KEY) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ code: 'not_authenticated', message: 'Not authenticated' }));
      }
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/v1/webhooks' && req.method === 'GET') return res.end(JSON.stringify({ data: webhooks }));
      if (url.pathname === '/api/v1/webhooks' && req.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        const hook = { id: `wh${webhooks.length + 1}`, url: body.url, triggers: body.triggers, surveyIds: body.surveyIds, source: body.source };
        webhooks.push(hook);
        return res.end(JSON.stringify({ data: hook }));
      }
      const del = /^\/api\/v1\/webhooks\/(\w+)$/.exec(url.pathname);
      if (del && req.method === 'DELETE') {
        const at = webhooks.findIndex((h) => h.id === del[1]);
        const [gone] = at >= 0 ? webhooks.splice(at, 1) : [];
        return res.end(JSON.stringify({ data: gone ?? null }));
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ message: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => formbricks.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(formbricks.address() as { port: number }).port}`;
  weft = await startTestServer({ PUBLIC_URL }, dataDir);
  // Installed as users do, by the CLI beside the running server, which follows the install.
  const installed = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'weft.js'), 'nodes', 'install', SPEC], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
  if (installed.status !== 0) throw new Error(`weft nodes install ${SPEC} failed: ${installed.stderr}`);
  for (let waited = 0; (await api('GET', '/api/v1/credentials/schema/formbricksApi')).status !== 200; waited += 100) {
    if (waited > 15_000) throw new Error('the server did not load the package the CLI installed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(async () => {
  await weft?.close();
  rmSync(dataDir, { recursive: true, force: true });
  await new Promise<void>((resolve) => formbricks.close(() => resolve()));
});

const api = ownerApi(() => weft);

describe('@formbricks/n8n-nodes-formbricks (webhook trigger with webhookMethods)', () => {
  it('registers with Formbricks on activation, runs on its calls, and unregisters on deactivation', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Formbricks', type: 'formbricksApi', data: { host, apiKey: API_KEY } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Survey answers', settings: { executionOrder: 'v1' }, connections: {},
      nodes: [{
        id: 'f', name: 'Formbricks', type: '@formbricks/n8n-nodes-formbricks.formbricks', typeVersion: 1, position: [0, 0],
        webhookId: '5d1c2a3b-0000-4000-8000-000000000001', credentials: { formbricksApi: { id: credential.body.id, name: 'Formbricks' } },
        parameters: { events: ['responseFinished'], surveyIds: ['survey1'] },
      }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await api('POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
    expect(webhooks).toEqual([{
      id: 'wh1', url: `${PUBLIC_URL}/webhook/5d1c2a3b-0000-4000-8000-000000000001/webhook`, triggers: ['responseFinished'], surveyIds: ['survey1'], source: 'n8n',
    }]);

    // Formbricks calls the registered URL (here: its path on our test server).
    const payload = { webhookId: 'wh1', event: 'responseFinished', data: { id: 'resp1', surveyId: 'survey1', finished: true, data: { q1: 'yes' } } };
    const call = await fetch(`${weft.url}${new URL(webhooks[0].url).pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(call.status).toBe(200);
    const executionId = call.headers.get('x-weft-execution-id');
    expect(executionId).toBeTruthy();
    await weft.runtime.executions.settle();
    let run = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
    for (let i = 0; i < 50 && ['new', 'running'].includes(run.body.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
    }
    expect(run.body).toMatchObject({ mode: 'webhook', status: 'success', workflowId: id });
    expect(run.body.data.resultData.runData.Formbricks[0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([payload]);

    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(webhooks).toEqual([]);
  });
});
