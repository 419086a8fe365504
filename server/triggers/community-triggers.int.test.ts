// Community trigger, polling and webhook nodes (a hand-compiled package in NODES_DIR) on a real
// test server: activated through the REST API, asserted through the executions API, against a
// local HTTP server standing in for the remote service (things to poll, webhook registrations).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';
import { ownerApi, activeWorkflowCreator, SEEN_NODE } from './trigger-test-support.ts';
import { TRIGGER_PACKAGE, writeTriggerPackage } from './trigger-fixture-package.ts';

const PUBLIC_URL = 'http://weft.example.test';
let saas: Server;
let base = '';
let weft: TestServer;
let dir = '';
const things: Array<{ id: number; name: string }> = [];
const hooks: Array<{ id: number; url: string; event: string }> = [];
const closed: unknown[] = [];
const acked: Array<{ tick: number; status: string }> = [];
let nextHookId = 1;

beforeAll(async () => {
  // The remote service: GET /things?since=, webhook registrations under /hooks, close reports.
  saas = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined;
      res.setHeader('content-type', 'application/json');
      let answer: unknown = {};
      if (url.pathname === '/things') answer = things.filter((t) => t.id > Number(url.searchParams.get('since') ?? 0));
      else if (url.pathname === '/hooks' && req.method === 'GET') answer = hooks;
      else if (url.pathname === '/hooks' && req.method === 'POST') {
        const hook = { id: nextHookId++, url: body.url, event: body.event };
        hooks.push(hook);
        answer = hook;
      } else if (url.pathname.startsWith('/hooks/') && req.method === 'DELETE') {
        const at = hooks.findIndex((h) => h.id === Number(url.pathname.split('/')[2]));
        if (at >= 0) hooks.splice(at, 1);
      } else if (url.pathname === '/closed') closed.push(body);
      else if (url.pathname === '/acked') acked.push(body);
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => saas.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(saas.address() as { port: number }).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'weft-trigger-pkgs-'));
  writeTriggerPackage(dir);
  weft = await startTestServer({ NODES_DIR: dir, PUBLIC_URL });
});

afterAll(async () => {
  await weft?.close();
  await new Promise<void>((resolve) => saas.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const api = ownerApi(() => weft);

/** A workflow: the trigger node named `Trigger`, then a Set node marking items as seen. */
function workflow(name: string, trigger: Record<string, unknown>) {
  return {
    name,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Trigger', typeVersion: 1, position: [0, 0], ...trigger },
      SEEN_NODE,
    ],
    connections: { Trigger: { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
  };
}

const createActive = activeWorkflowCreator(api);

/** Every run of the workflow, oldest first: its mode and the items the Set node saw. */
async function runs(workflowId: string): Promise<Array<{ mode: string; status: string; items: Record<string, unknown>[] }>> {
  await weft.runtime.executions.settle();
  // The list read model follows the runs' events shortly after they settle.
  for (let i = 0; i < 50; i++) {
    const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
    if (!list.body.data.some((e: { status: string }) => e.status === 'running' || e.status === 'new')) break;
    await sleep(100);
  }
  const list = await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=250`);
  expect(list.status).toBe(200);
  const out = [];
  for (const e of [...list.body.data].reverse()) {
    const one = await api('GET', `/api/v1/executions/${e.id}?includeData=true`);
    const seen = one.body.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0] ?? [];
    out.push({ mode: one.body.mode, status: one.body.status, items: seen.map((i: { json: Record<string, unknown> }) => i.json) });
  }
  return out;
}

describe('a community trigger()', () => {
  it('emits runs while active, is closed on deactivation, and a manual run waits for its first emit', async () => {
    const id = await createActive(workflow('Timer', { type: `${TRIGGER_PACKAGE}.timer`, parameters: { everyMs: 250, reportTo: base } }));
    await sleep(1100);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(closed).toContainEqual({ workflow: id });
    const seen = await runs(id);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]).toMatchObject({ mode: 'trigger', status: 'success', items: [{ tick: 1, mode: 'trigger', activation: 'activate', seen: true }] });
    expect(seen.map((r) => r.items[0].tick)).toEqual(seen.map((_, i) => i + 1));
    // Each emit's done promise settled with its run (n8n's donePromise).
    expect(acked.filter((a) => a.tick <= 2)).toEqual([{ tick: 1, status: 'success' }, { tick: 2, status: 'success' }]);
    await sleep(600);
    expect((await runs(id)).length).toBe(seen.length);

    const manual = await api('POST', `/api/v1/workflows/${id}/run?wait=true`, {});
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    expect(manual.body.data.resultData.runData.Seen[0].data.main[0][0].json).toEqual({ manual: true, activation: 'manual', seen: true });
  });
});

describe('a community trigger that fails to arm', () => {
  it('fails the activation, as in n8n: the workflow stays inactive and the failure is recorded', async () => {
    const created = await api('POST', '/api/v1/workflows', workflow('Refused', { type: `${TRIGGER_PACKAGE}.timer`, parameters: { failToArm: true } }));
    const activated = await api('POST', `/api/v1/workflows/${created.body.id}/activate`);
    expect(activated.status).toBe(400);
    expect(activated.body.message).toBe('Workflow could not be activated: Trigger: The service refused the subscription');
    const doc = await api('GET', `/api/v1/workflows/${created.body.id}`);
    expect(doc.body.active).toBe(false);
    const history = await api('GET', `/api/v1/workflows/${created.body.id}/history`);
    expect(history.body.data.map((h: { type: string }) => h.type)).toContain('WorkflowActivationFailed');
    await sleep(400);
    expect(await runs(created.body.id)).toEqual([]);
  });
});

describe('a community poll()', () => {
  it('polls on its pollTimes, starts a run only when there is something new, and keeps its cursor in static data', async () => {
    things.push({ id: 1, name: 'one' }, { id: 2, name: 'two' });
    const id = await createActive(workflow('Poller', {
      type: `${TRIGGER_PACKAGE}.poller`, parameters: { base, pollTimes: { item: [{ mode: 'custom', cronExpression: '* * * * * *' }] } },
    }));
    await sleep(2300);
    things.push({ id: 3, name: 'three' });
    await sleep(1500);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    const seen = await runs(id);
    expect(seen.map((r) => r.items)).toEqual([
      [{ id: 1, name: 'one', since: 0, seen: true }, { id: 2, name: 'two', since: 0, seen: true }],
      [{ id: 3, name: 'three', since: 2, seen: true }],
    ]);
    expect(seen.every((r) => r.mode === 'trigger')).toBe(true);

    // A manual run polls once (its static data is not the active workflow's).
    const manual = await api('POST', `/api/v1/workflows/${id}/run?wait=true`, {});
    expect(manual.status, JSON.stringify(manual.body)).toBe(201);
    expect(manual.body.data.resultData.runData.Seen[0].data.main[0]).toHaveLength(3);
  });
});

describe('a community webhook node with webhookMethods', () => {
  it('registers its URL remotely on activation, answers calls under /webhook/, and unregisters on deactivation', async () => {
    const definition = workflow('Hooked', { type: `${TRIGGER_PACKAGE}.hooked`, webhookId: 'c0ffee00-1111-2222-3333-444455556666', parameters: { base, event: 'order.created' } });
    const id = await createActive(definition);
    expect(hooks).toEqual([{ id: 1, url: `${PUBLIC_URL}/webhook/c0ffee00-1111-2222-3333-444455556666/webhook`, event: 'order.created' }]);
    const hookPath = new URL(hooks[0].url).pathname;

    // The node answers a verification call itself, without a run.
    const challenge = await fetch(`${weft.url}${hookPath}?challenge=abc`, { method: 'POST' });
    expect([challenge.status, await challenge.text()]).toEqual([200, 'abc']);

    const call = await fetch(`${weft.url}${hookPath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 'sig1' }, body: JSON.stringify({ order: 7 }) });
    expect(call.status).toBe(200);
    expect(await call.json()).toEqual({ message: 'Workflow was started' });
    const seen = await runs(id);
    expect(seen).toEqual([{ mode: 'webhook', status: 'success', items: [{ body: { order: 7 }, signature: 'sig1', method: 'POST', webhook: 'default', rawBody: '{"order":7}', seen: true }] }]);

    // A second workflow cannot take the same path while the first holds it.
    const twin = await api('POST', '/api/v1/workflows', { ...definition, name: 'Twin' });
    const refused = await api('POST', `/api/v1/workflows/${twin.body.id}/activate`);
    expect([refused.status, refused.body.message]).toEqual([400, `Workflow could not be activated: Trigger: The webhook path POST /webhook/${hookPath.slice('/webhook/'.length)} is already used by workflow ${id}`]);
    expect(hooks).toHaveLength(1);
    // Nor can a Webhook node.
    const plain = await api('POST', '/api/v1/workflows', {
      name: 'Plain webhook', connections: {},
      nodes: [{ id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: 'aaaa', parameters: { httpMethod: 'POST', path: hookPath.slice('/webhook/'.length) } }],
    });
    const clash = await api('POST', `/api/v1/workflows/${plain.body.id}/activate`);
    expect([clash.status, clash.body.message]).toEqual([409, expect.stringContaining('is already used by')]);

    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(hooks).toEqual([]);
    expect((await fetch(`${weft.url}${hookPath}`, { method: 'POST' })).status).toBe(404);

    // Activating again registers again (checkExists finds nothing remotely).
    expect((await api('POST', `/api/v1/workflows/${id}/activate`)).status).toBe(200);
    expect(hooks.map((h) => h.id)).toEqual([2]);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
  });
});

describe('a community webhook node listened to from the editor', () => {
  it('answers one test call under /webhook-test/ with its own webhook(), and the run starts by hand', async () => {
    const definition = workflow('Hooked test', { type: `${TRIGGER_PACKAGE}.hooked`, webhookId: 'feedbeef-1111-2222-3333-444455556666', parameters: { base, event: 'order.created' } });
    const created = await api('POST', '/api/v1/workflows', definition);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const listening = await api('POST', `/api/v1/workflows/${id}/test-webhook`);
    expect(listening.status, JSON.stringify(listening.body)).toBe(200);
    expect(listening.body.webhooks).toEqual([{ method: 'POST', node: 'Trigger', url: `${PUBLIC_URL}/webhook-test/feedbeef-1111-2222-3333-444455556666/webhook` }]);
    const testPath = new URL(listening.body.webhooks[0].url).pathname;
    // Not active: nothing was registered remotely, and the production path does not answer.
    expect(hooks).toEqual([]);
    expect((await fetch(`${weft.url}${testPath.replace('/webhook-test/', '/webhook/')}`, { method: 'POST' })).status).toBe(404);

    const call = await fetch(`${weft.url}${testPath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': 'sig9' }, body: JSON.stringify({ order: 9 }) });
    expect(call.status).toBe(200);
    expect(await call.json()).toEqual({ message: 'Workflow was started' });
    expect(await runs(id)).toEqual([{ mode: 'manual', status: 'success', items: [{ body: { order: 9 }, signature: 'sig9', method: 'POST', webhook: 'default', rawBody: '{"order":9}', seen: true }] }]);
    // A listening session answers one call.
    expect((await fetch(`${weft.url}${testPath}`, { method: 'POST' })).status).toBe(404);
  });
});

describe('after a restart', () => {
  it('arms the triggers of active workflows again (activation mode init), and a shutdown closes them', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'weft-trigger-restart-'));
    try {
      const first = await startTestServer({ NODES_DIR: dir, PUBLIC_URL }, dataDir);
      const created = await fetch(`${first.url}/api/v1/workflows`, {
        method: 'POST', headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify(workflow('Restarted timer', { type: `${TRIGGER_PACKAGE}.timer`, parameters: { everyMs: 200, reportTo: base } })),
      }).then((r) => r.json());
      const activated = await fetch(`${first.url}/api/v1/workflows/${created.id}/activate`, { method: 'POST', headers: { 'X-API-KEY': TEST_OWNER.apiKey } });
      expect(activated.status).toBe(200);
      await first.close();
      expect(closed).toContainEqual({ workflow: created.id });

      const second = await startTestServer({ NODES_DIR: dir, PUBLIC_URL }, dataDir);
      await sleep(700);
      const list = await fetch(`${second.url}/api/v1/executions?workflowId=${created.id}&limit=250`, { headers: { 'X-API-KEY': TEST_OWNER.apiKey } }).then((r) => r.json());
      const ids = (list.data as Array<{ id: string }>).map((e) => e.id);
      const details = await Promise.all(ids.map((e) => fetch(`${second.url}/api/v1/executions/${e}?includeData=true`, { headers: { 'X-API-KEY': TEST_OWNER.apiKey } }).then((r) => r.json())));
      const activations = details.map((d) => d.data?.resultData?.runData?.Seen?.[0]?.data?.main?.[0]?.[0]?.json?.activation);
      expect(activations).toContain('init');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
