// GitHub Trigger on a real test server, against a local stand-in for GitHub's repository hooks API
// written from its documentation (docs.github.com/rest/repos/webhooks: POST/GET/DELETE
// /repos/{owner}/{repo}/hooks[/{id}], `token` auth, `{message}` errors; deliveries signed with
// X-Hub-Signature-256): activation creates a hook with a secret, signed deliveries start runs,
// unsigned or forged ones are refused, the ping starts nothing, deactivation deletes the hook.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { activeWorkflowCreator, ownerApi, SEEN_NODE } from './trigger-test-support.ts';

const PUBLIC_URL = 'http://weft.example.test';
const GITHUB_TOKEN = 'ghp_triggerStandIn';
interface Seen { method: string; path: string; body: unknown }
const github = { url: '', seen: [] as Seen[], hooks: [] as Array<Record<string, unknown>> };
let server: Server;
let weft: TestServer;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? JSON.parse(raw) as Record<string, unknown> : {};
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      github.seen.push({ method: req.method ?? '', path, body: raw ? body : undefined });
      const reply = (status: number, json?: unknown) => {
        res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
        res.end(json === undefined ? undefined : JSON.stringify(json));
      };
      if (req.headers.authorization !== `token ${GITHUB_TOKEN}`) return reply(401, { message: 'Bad credentials' });
      const match = /^\/repos\/octo\/hello\/hooks(?:\/(\d+))?$/.exec(path);
      if (!match) return reply(404, { message: 'Not Found' });
      const index = github.hooks.findIndex((h) => h.id === Number(match[1]));
      if (!match[1] && req.method === 'POST') {
        const config = body.config as Record<string, unknown>;
        const hook = { id: 900 + github.hooks.length, name: 'web', active: body.active, events: body.events, config: { ...config, secret: '********' } };
        github.hooks.push({ ...hook, secretValue: config.secret });
        return reply(201, hook);
      }
      if (!match[1] && req.method === 'GET') return reply(200, github.hooks);
      if (index < 0) return reply(404, { message: 'Not Found' });
      if (req.method === 'GET') return reply(200, github.hooks[index]);
      if (req.method === 'DELETE') { github.hooks.splice(index, 1); return reply(204); }
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  github.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  weft = await startTestServer({ PUBLIC_URL });
});
afterAll(async () => {
  await weft?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);

function workflow(name: string, webhookId: string, credentialId: string, parameters: Record<string, unknown>) {
  return {
    name, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'gh-node', name: 'Github Trigger', type: 'n8n-nodes-base.githubTrigger', typeVersion: 1, position: [0, 0], webhookId, parameters,
        credentials: { githubApi: { id: credentialId, name: 'GitHub' } } },
      SEEN_NODE,
    ],
    connections: { 'Github Trigger': { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

async function runs(workflowId: string) {
  await weft.runtime.executions.settle();
  for (let i = 0; i < 50; i++) {
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    if (!list.body.data.some((e: { status: string }) => ['new', 'running'].includes(e.status))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
  const out = [];
  for (const e of [...list.body.data].reverse()) {
    const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
    out.push({ status: one.body.status, items: one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? [] });
  }
  return out;
}

describe('Github Trigger', () => {
  it('creates a hook with a secret, runs on signed deliveries only, ignores the ping, deletes the hook on deactivation', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'GitHub', type: 'githubApi', data: { server: github.url, accessToken: GITHUB_TOKEN } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const webhookId = '3a1f0c2a-1111-4222-8333-944455550001';
    github.seen.length = 0;
    const id = await createActive(workflow('Issues feed', webhookId, credential.body.id, {
      owner: { __rl: true, mode: 'name', value: 'octo' }, repository: { __rl: true, mode: 'url', value: 'https://github.com/octo/hello' }, events: ['issues', 'push'],
    }));
    const hookUrl = `${PUBLIC_URL}/webhook/${webhookId}/webhook`;
    expect(github.seen.map((s) => [s.method, s.path])).toEqual([['POST', '/repos/octo/hello/hooks']]);
    expect(github.seen[0].body).toMatchObject({ name: 'web', active: true, events: ['issues', 'push'], config: { url: hookUrl, content_type: 'json', insecure_ssl: '0', secret: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const secret = String(github.hooks[0].secretValue);

    const path = new URL(hookUrl).pathname;
    const deliver = (payload: unknown, signWith?: string) => {
      const raw = JSON.stringify(payload);
      const signature: Record<string, string> = signWith === undefined ? {} : { 'x-hub-signature-256': `sha256=${createHmac('sha256', signWith).update(raw).digest('hex')}` };
      return fetch(`${weft.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-github-event': 'issues', ...signature }, body: raw });
    };
    const event = { action: 'opened', issue: { number: 7, title: 'Broken' }, repository: { full_name: 'octo/hello' } };
    expect((await deliver({ zen: 'Keep it logically awesome.', hook_id: 900 }, secret)).status).toBe(200);
    expect((await deliver(event, 'not-the-secret')).status).toBe(401);
    expect((await deliver(event)).status).toBe(401);
    expect((await deliver(event, secret)).status).toBe(200);

    const seen = await runs(id);
    expect(seen).toHaveLength(1);
    expect(seen[0].status).toBe('success');
    expect(seen[0].items[0].json).toMatchObject({ body: event, headers: { 'x-github-event': 'issues' }, query: {}, seen: true });

    github.seen.length = 0;
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(github.seen.map((s) => [s.method, s.path])).toEqual([['DELETE', '/repos/octo/hello/hooks/900']]);
    expect(github.hooks).toHaveLength(0);
  });

  it('fails the activation with GitHub\'s answer when the token is wrong', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Bad GitHub', type: 'githubApi', data: { server: github.url, accessToken: 'wrong' } });
    const created = await api('POST', '/api/v1/workflows', workflow('Bad', '3a1f0c2a-1111-4222-8333-944455550002', credential.body.id, {
      owner: 'octo', repository: 'hello', events: ['push'],
    }));
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status).toBe(400);
    expect(activated.body.message).toBe('Workflow could not be activated: Github Trigger: Authorization failed - please check your credentials');
  });
});
