// Webhooks end to end on a real listening server: registration on activation, path conflicts,
// response modes, Respond to Webhook, bodies, checks and authentication, test webhooks.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamName, WORKFLOW_CATEGORY, workflowDecider } from '../../domain/index.ts';
import { executionStreamName } from '../../engine/index.ts';
import { handleCommand } from '../../events/index.ts';
import { startTestServer, TEST_OWNER, type TestServer } from '../test-support.ts';

let server: TestServer;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });

async function createWorkflow(definition: object): Promise<string> {
  const res = await api('/api/v1/workflows', { method: 'POST', body: JSON.stringify(definition) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const activate = (id: string) => api(`/api/v1/workflows/${id}/activate`, { method: 'POST' });
const deactivate = (id: string) => api(`/api/v1/workflows/${id}/deactivate`, { method: 'POST' });

function webhookWorkflow(name: string, webhookParams: Record<string, unknown>, rest: { nodes?: object[]; connections?: object } = {}) {
  return {
    name,
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'w', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `hook-${name.replace(/\W/g, '')}`, parameters: webhookParams },
      ...(rest.nodes ?? []),
    ],
    connections: rest.connections ?? {},
  };
}

const setNode = (name: string, field: string, value: string) => ({
  id: name, name, type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0],
  parameters: { assignments: { assignments: [{ id: 'a', name: field, value, type: 'string' }] }, includeOtherFields: true, options: {} },
});

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('production webhooks', () => {
  it('answers at once after the run is recorded, and the run gets the request as its first item', async () => {
    const id = await createWorkflow(webhookWorkflow('Immediate', { path: 'orders', httpMethod: 'POST' }, {
      nodes: [setNode('Tag', 'tagged', '={{ $json.body.order }}')],
      connections: { Webhook: { main: [[{ node: 'Tag', type: 'main', index: 0 }]] } },
    }));
    expect((await activate(id)).status).toBe(200);
    const res = await fetch(`${server.url}/webhook/orders?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order: 42 }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Workflow was started' });
    const executionId = res.headers.get('x-weft-execution-id')!;
    // Recorded before the answer: the stream exists now.
    expect(await server.runtime.events.streamRevision(executionStreamName(executionId))).toBeGreaterThanOrEqual(0);
    const run = await waitForRun(executionId);
    expect(run.status).toBe('success');
    const out = run.data.resultData.runData.Tag[0].data.main[0][0].json;
    expect(out.body).toEqual({ order: 42 });
    expect(out.query).toEqual({ x: '1' });
    expect(out.tagged).toBe('42');
    expect(out.executionMode).toBe('production');
    expect(out.webhookUrl).toMatch(/\/webhook\/orders$/);
    expect(run.mode).toBe('webhook');
  });

  it('refuses to activate a second workflow on a taken path with a 409 naming it, records the failure, and frees the path on deactivation', async () => {
    const first = await createWorkflow(webhookWorkflow('Owner of shared', { path: 'shared', httpMethod: 'GET' }));
    const second = await createWorkflow(webhookWorkflow('Latecomer', { path: 'shared', httpMethod: 'GET' }));
    expect((await activate(first)).status).toBe(200);
    const refused = await activate(second);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('conflict');
    expect(body.message).toContain('Owner of shared');
    expect(body.message).toContain(first);
    const history = (await (await api(`/api/v1/workflows/${second}/history`)).json()) as { data: { type: string; summary: string }[] };
    expect(history.data.map((h) => h.type)).toContain('WorkflowActivationFailed');

    expect((await deactivate(first)).status).toBe(200);
    // Freed at once: the path answers 404 and the other workflow can take it.
    expect((await fetch(`${server.url}/webhook/shared`)).status).toBe(404);
    expect((await activate(second)).status).toBe(200);
    expect((await fetch(`${server.url}/webhook/shared`)).status).toBe(200);
    await deactivate(second);
  });

  it('answers unknown paths with a 404 JSON that names only the path, and other methods with a hint', async () => {
    const res = await fetch(`${server.url}/webhook/nothing-here`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('not_found');
    expect(body.message).toContain('GET nothing-here');
    const id = await createWorkflow(webhookWorkflow('Post only', { path: 'post-only', httpMethod: 'POST' }));
    await activate(id);
    const wrong = await fetch(`${server.url}/webhook/post-only`);
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { message: string }).message).toContain('POST');
  });

  it('answers with the last node output (first entry JSON, a property, all entries) and a 500 when the run fails', async () => {
    const id = await createWorkflow(webhookWorkflow('Last node', { path: 'last', httpMethod: 'POST', responseMode: 'lastNode', responseCode: 201, options: { responseHeaders: { entries: [{ name: 'X-Custom', value: 'yes' }] } } }, {
      nodes: [setNode('A', 'a', '=1'), { ...setNode('B', 'b', '={{ $json.body.n * 2 }}'), position: [400, 0] }],
      connections: { Webhook: { main: [[{ node: 'A', type: 'main', index: 0 }]] }, A: { main: [[{ node: 'B', type: 'main', index: 0 }]] } },
    }));
    await activate(id);
    const res = await fetch(`${server.url}/webhook/last`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n: 21 }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-custom')).toBe('yes');
    const json = (await res.json()) as Record<string, unknown>;
    expect(json.a).toBe('1');
    expect(json.b).toBe('42');

    const failing = await createWorkflow(webhookWorkflow('Last node fails', { path: 'last-fails', responseMode: 'lastNode' }, {
      nodes: [{ id: 's', name: 'Stop', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'nope' } }],
      connections: { Webhook: { main: [[{ node: 'Stop', type: 'main', index: 0 }]] } },
    }));
    await activate(failing);
    const failed = await fetch(`${server.url}/webhook/last-fails`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ message: 'Error in workflow' });
  });

  it('answers as a Respond to Webhook node says, before the run ends', async () => {
    const id = await createWorkflow(webhookWorkflow('Responder', { path: 'respond', httpMethod: 'POST', responseMode: 'responseNode' }, {
      nodes: [
        {
          id: 'r', name: 'Respond', type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1.1, position: [200, 0],
          parameters: { respondWith: 'json', responseBody: '={{ { "got": $json.body.q } }}', options: { responseCode: 202, responseHeaders: { entries: [{ name: 'X-From', value: 'node' }] } } },
        },
        { id: 'wt', name: 'Later', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [400, 0], parameters: { amount: 2 } },
      ],
      connections: { Webhook: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] }, Respond: { main: [[{ node: 'Later', type: 'main', index: 0 }]] } },
    }));
    await activate(id);
    const started = Date.now();
    const res = await fetch(`${server.url}/webhook/respond`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: 'hi' }) });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-from')).toBe('node');
    expect(await res.json()).toEqual({ got: 'hi' });
    // The Wait node after it takes 2 s; the answer came before.
    expect(Date.now() - started).toBeLessThan(1800);
  });

  it('answers a redirect and text from Respond to Webhook', async () => {
    const id = await createWorkflow(webhookWorkflow('Redirector', { path: 'go', responseMode: 'responseNode' }, {
      nodes: [{ id: 'r', name: 'Respond', type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1.1, position: [200, 0], parameters: { respondWith: 'redirect', redirectURL: 'https://example.com/next' } }],
      connections: { Webhook: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] } },
    }));
    await activate(id);
    const res = await fetch(`${server.url}/webhook/go`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('https://example.com/next');
  });

  it('reads form, multipart and binary bodies; rejects malformed JSON and bodies over the limit', async () => {
    const id = await createWorkflow(webhookWorkflow('Bodies', { path: 'bodies', httpMethod: 'POST', responseMode: 'lastNode', responseData: 'allEntries' }));
    await activate(id);
    const form = await fetch(`${server.url}/webhook/bodies`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2&b=3' });
    expect(((await form.json()) as { body: unknown }[])[0].body).toEqual({ a: '1', b: ['2', '3'] });

    const multipart = new FormData();
    multipart.append('field', 'value');
    multipart.append('upload', new Blob(['file-bytes'], { type: 'text/plain' }), 'notes.txt');
    const mp = await fetch(`${server.url}/webhook/bodies`, { method: 'POST', body: multipart });
    expect(mp.status).toBe(200);
    const mpRun = await waitForRun(mp.headers.get('x-weft-execution-id')!);
    const item = mpRun.data.resultData.runData.Webhook[0].data.main[0][0];
    expect(item.json.body).toEqual({ field: 'value' });
    expect(item.binary.upload.fileName).toBe('notes.txt');
    expect(Buffer.from(item.binary.upload.data, 'base64').toString()).toBe('file-bytes');

    const bin = await fetch(`${server.url}/webhook/bodies`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: Buffer.from([1, 2, 3]) });
    const binRun = await waitForRun(bin.headers.get('x-weft-execution-id')!);
    expect(binRun.data.resultData.runData.Webhook[0].data.main[0][0].binary.data.mimeType).toBe('image/png');

    const bad = await fetch(`${server.url}/webhook/bodies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('validation_failed');

    const big = await fetch(`${server.url}/webhook/bodies`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(server.runtime.config.webhookBodyLimitBytes + 1) });
    expect(big.status).toBe(413);
  });

  it('applies CORS, the IP allow-list and the bot filter', async () => {
    const cors = await createWorkflow(webhookWorkflow('Cors', { path: 'cors', httpMethod: 'POST', options: { allowedOrigins: 'https://app.example' } }));
    await activate(cors);
    const pre = await fetch(`${server.url}/webhook/cors`, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const other = await fetch(`${server.url}/webhook/cors`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const ip = await createWorkflow(webhookWorkflow('Ip', { path: 'ip-only', options: { ipWhitelist: '10.9.9.9' } }));
    await activate(ip);
    expect((await fetch(`${server.url}/webhook/ip-only`)).status).toBe(403);
    const ipOk = await createWorkflow(webhookWorkflow('Ip ok', { path: 'ip-ok', options: { ipWhitelist: '10.9.9.9, 127.0.0.1' } }));
    await activate(ipOk);
    expect((await fetch(`${server.url}/webhook/ip-ok`)).status).toBe(200);

    const bots = await createWorkflow(webhookWorkflow('Bots', { path: 'no-bots', options: { ignoreBots: true } }));
    await activate(bots);
    expect((await fetch(`${server.url}/webhook/no-bots`, { headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } })).status).toBe(403);
    expect((await fetch(`${server.url}/webhook/no-bots`, { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' } })).status).toBe(200);
  });

  it('authenticates with basic and header credentials', async () => {
    const basic = await credential('httpBasicAuth', { user: 'ada', password: 's3cret' });
    const header = await credential('httpHeaderAuth', { name: 'X-Token', value: 'tok-123' });
    const b = await createWorkflow({ ...webhookWorkflow('Basic', { path: 'basic', authentication: 'basicAuth' }) });
    await setCredential(b, 'httpBasicAuth', basic);
    await activate(b);
    expect((await fetch(`${server.url}/webhook/basic`)).status).toBe(401);
    expect((await fetch(`${server.url}/webhook/basic`, { headers: { authorization: `Basic ${Buffer.from('ada:wrong').toString('base64')}` } })).status).toBe(403);
    expect((await fetch(`${server.url}/webhook/basic`, { headers: { authorization: `Basic ${Buffer.from('ada:s3cret').toString('base64')}` } })).status).toBe(200);

    const h = await createWorkflow(webhookWorkflow('Header', { path: 'header', authentication: 'headerAuth' }));
    await setCredential(h, 'httpHeaderAuth', header);
    await activate(h);
    expect((await fetch(`${server.url}/webhook/header`)).status).toBe(403);
    expect((await fetch(`${server.url}/webhook/header`, { headers: { 'x-token': 'tok-123' } })).status).toBe(200);
  });

  it('checks a JWT against a JWT Auth credential and hands its payload to the run', async () => {
    const jwt = await credential('jwtAuth', { keyType: 'passphrase', secret: 'a shared secret of enough length', algorithm: 'HS256' });
    const id = await createWorkflow(webhookWorkflow('Jwt', { path: 'jwt', authentication: 'jwtAuth', responseMode: 'lastNode' }));
    await setCredential(id, 'jwtAuth', jwt);
    await activate(id);
    const token = await new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a shared secret of enough length'));
    const forged = await new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('some other secret entirely'));
    expect((await fetch(`${server.url}/webhook/jwt`)).status).toBe(401);
    expect((await fetch(`${server.url}/webhook/jwt`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(403);
    const ok = await fetch(`${server.url}/webhook/jwt`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { jwtPayload: unknown }).jwtPayload).toMatchObject({ sub: 'ada' });
  });

  it('routes each HTTP method of a multi-method webhook to its own output', async () => {
    const id = await createWorkflow(webhookWorkflow('Methods', { path: 'methods', multipleMethods: true, httpMethod: ['GET', 'POST'], responseMode: 'lastNode' }, {
      nodes: [{ ...setNode('Got', 'via', 'get'), position: [200, 0] }, { ...setNode('Posted', 'via', 'post'), position: [200, 200] }],
      connections: { Webhook: { main: [[{ node: 'Got', type: 'main', index: 0 }], [{ node: 'Posted', type: 'main', index: 0 }]] } },
    }));
    await activate(id);
    const viaGet = await fetch(`${server.url}/webhook/methods`);
    expect(viaGet.status).toBe(200);
    expect(((await viaGet.json()) as { via: string }).via).toBe('get');
    const viaPost = await fetch(`${server.url}/webhook/methods`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(((await viaPost.json()) as { via: string; body: unknown }).via).toBe('post');
    const run = await waitForRun(viaPost.headers.get('x-weft-execution-id')!);
    expect(run.data.resultData.runData.Webhook[0].data.main.map((o: unknown[]) => o.length)).toEqual([0, 1]);
    expect((await fetch(`${server.url}/webhook/methods`, { method: 'PUT' })).status).toBe(404);
  });

  it('matches :param paths under the webhookId', async () => {
    const id = await createWorkflow(webhookWorkflow('Params', { path: 'users/:userId', responseMode: 'lastNode' }));
    await activate(id);
    const res = await fetch(`${server.url}/webhook/hook-Params/users/7`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { params: unknown }).params).toEqual({ userId: '7' });
  });
});

describe('activation and failures', () => {
  it('refuses to publish a draft of an active workflow whose new path is taken, and keeps serving the old one', async () => {
    const holder = await createWorkflow(webhookWorkflow('Holder', { path: 'held' }));
    await activate(holder);
    const mover = await createWorkflow(webhookWorkflow('Mover', { path: 'free-for-now' }));
    await activate(mover);
    const current = (await (await api(`/api/v1/workflows/${mover}`)).json()) as { nodes: { parameters: Record<string, unknown> }[]; [k: string]: unknown };
    current.nodes[0].parameters = { ...current.nodes[0].parameters, path: 'held' };
    // The draft may say anything; publishing it is what is checked.
    expect((await api(`/api/v1/workflows/${mover}`, { method: 'PUT', body: JSON.stringify(current) })).status).toBe(200);
    const res = await api(`/api/v1/workflows/${mover}/publish`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toContain("workflow 'Holder'");
    expect((await fetch(`${server.url}/webhook/free-for-now`)).status).toBe(200);
  });

  it('follows collaborative edits of an active workflow once they are published: the new path answers, the old one is free', async () => {
    const id = await createWorkflow(webhookWorkflow('Edited live', { path: 'before-edit' }));
    await activate(id);
    const doc = await server.runtime.workflows.get(id);
    const edited = structuredClone(doc.definition);
    edited.nodes[0].parameters = { ...edited.nodes[0].parameters, path: 'after-edit' };
    const result = await handleCommand(server.runtime.events, workflowDecider, streamName(WORKFLOW_CATEGORY, id), { type: 'ApplyEdits', definition: edited, authors: ['tester'] }, {
      actor: { kind: 'system', id: 'test' }, commandId: `edit-${id}`, correlationId: `edit-${id}`, workspaceId: doc.workspaceId,
    });
    expect(result.events.map((e) => e.type)).not.toContain('WorkflowDefinitionReplaced');
    await server.runtime.projections.webhooks.waitFor(result.position!);
    expect((await fetch(`${server.url}/webhook/before-edit`)).status).toBe(200);
    expect((await fetch(`${server.url}/webhook/after-edit`)).status).toBe(404);
    expect((await api(`/api/v1/workflows/${id}/publish`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${server.url}/webhook/after-edit`)).status).toBe(200);
    expect((await fetch(`${server.url}/webhook/before-edit`)).status).toBe(404);
  });

  it("starts the error workflow of a failed production run with n8n's payload", async () => {
    const errorWorkflow = await createWorkflow({
      name: 'On error', settings: { executionOrder: 'v1' },
      nodes: [{ id: 'e', name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
      connections: {},
    });
    await activate(errorWorkflow);
    const failing = await createWorkflow({
      ...webhookWorkflow('Fails in production', { path: 'will-fail' }, {
        nodes: [{ id: 's', name: 'Boom', type: 'n8n-nodes-base.stopAndError', typeVersion: 1, position: [200, 0], parameters: { errorMessage: 'it broke' } }],
        connections: { Webhook: { main: [[{ node: 'Boom', type: 'main', index: 0 }]] } },
      }),
      settings: { executionOrder: 'v1', errorWorkflow },
    });
    await activate(failing);
    const call = await fetch(`${server.url}/webhook/will-fail`);
    expect(call.status).toBe(200);
    const failedId = call.headers.get('x-weft-execution-id')!;
    const failed = await waitForRun(failedId);
    expect(failed.status).toBe('error');
    let errorRun;
    for (let i = 0; i < 100 && !errorRun; i++) {
      const list = (await (await api(`/api/v1/executions?workflowId=${errorWorkflow}`)).json()) as { data: { id: string }[] };
      if (list.data.length) errorRun = await waitForRun(list.data[0].id);
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(errorRun.mode).toBe('error');
    const payload = errorRun.data.resultData.runData['Error Trigger'][0].data.main[0][0].json;
    expect(payload.workflow).toEqual({ id: failing, name: 'Fails in production' });
    expect(payload.execution).toMatchObject({ id: failedId, mode: 'webhook', lastNodeExecuted: 'Boom', error: { message: 'it broke' } });
    expect(payload.execution.url).toContain(`/workflow/${failing}/executions/${failedId}`);
  });
});

describe('test webhooks', () => {
  it('listens for one call after the API asks, runs it in manual mode, then stops listening', async () => {
    const id = await createWorkflow(webhookWorkflow('Tested', { path: 'try-me', httpMethod: 'POST', responseMode: 'lastNode' }));
    expect((await fetch(`${server.url}/webhook-test/try-me`, { method: 'POST' })).status).toBe(404);
    const listen = await api(`/api/v1/workflows/${id}/test-webhook`, { method: 'POST' });
    expect(listen.status).toBe(200);
    const body = (await listen.json()) as { webhooks: { url: string }[] };
    expect(body.webhooks[0].url).toMatch(/\/webhook-test\/try-me$/);
    const call = await fetch(`${server.url}/webhook-test/try-me`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"t":1}' });
    expect(call.status).toBe(200);
    const out = (await call.json()) as { executionMode: string; body: unknown };
    expect(out.executionMode).toBe('test');
    const run = await waitForRun(call.headers.get('x-weft-execution-id')!);
    expect(run.mode).toBe('manual');
    expect((await fetch(`${server.url}/webhook-test/try-me`, { method: 'POST' })).status).toBe(404);
  });

  it('needs write access to listen', async () => {
    const id = await createWorkflow(webhookWorkflow('Guarded', { path: 'guarded' }));
    const res = await fetch(`${server.url}/api/v1/workflows/${id}/test-webhook`, { method: 'POST' });
    expect(res.status).toBe(401);
  });
});

describe('test webhooks with two servers on Redis', () => {
  it('a listener started on one server answers a call that lands on the other, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weft-test-webhooks-'));
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: `weft-tw-${randomUUID()}` };
    const a = await startTestServer(env, dir);
    const b = await startTestServer(env, dir);
    try {
      const headers = { 'X-API-KEY': TEST_OWNER.apiKey, 'content-type': 'application/json' };
      const created = await fetch(`${a.url}/api/v1/workflows`, { method: 'POST', headers, body: JSON.stringify(webhookWorkflow('Shared test', { path: 'shared-test', responseMode: 'lastNode' })) });
      const { id } = (await created.json()) as { id: string };
      expect((await fetch(`${a.url}/api/v1/workflows/${id}/test-webhook`, { method: 'POST', headers })).status).toBe(200);
      const call = await fetch(`${b.url}/webhook-test/shared-test`);
      expect(call.status).toBe(200);
      expect(((await call.json()) as { executionMode: string }).executionMode).toBe('test');
      expect((await fetch(`${a.url}/webhook-test/shared-test`)).status).toBe(404);
    } finally {
      await b.close();
      await a.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('waiting webhooks', () => {
  it('resumes a run parked in a Wait node on its resume URL, with the call as the Wait output', async () => {
    const id = await createWorkflow(webhookWorkflow('Approve', { path: 'approve' }, {
      nodes: [
        { id: 'wait', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [200, 0], parameters: { resume: 'webhook', httpMethod: 'POST', options: { webhookSuffix: 'ok' } } },
        { ...setNode('After', 'decision', '={{ $json.body.decision }}'), position: [400, 0] },
      ],
      connections: { Webhook: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] }, Wait: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
    }));
    await activate(id);
    const started = await fetch(`${server.url}/webhook/approve`);
    const executionId = started.headers.get('x-weft-execution-id')!;
    const parked = await waitForRun(executionId);
    expect(parked.status).toBe('waiting');
    expect((await fetch(`${server.url}/webhook-waiting/${executionId}/ok`)).status).toBe(404);
    expect((await fetch(`${server.url}/webhook-waiting/${executionId}`, { method: 'POST' })).status).toBe(404);
    const resumed = await fetch(`${server.url}/webhook-waiting/${executionId}/ok`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'yes' }),
    });
    expect(resumed.status).toBe(200);
    await expect.poll(async () => (await waitForRun(executionId)).status, { timeout: 10_000 }).toBe('success');
    const run = await waitForRun(executionId);
    expect(run.data.resultData.runData.Wait).toHaveLength(1);
    expect(run.data.resultData.runData.After[0].data.main[0][0].json).toMatchObject({ body: { decision: 'yes' }, decision: 'yes' });
    expect((await fetch(`${server.url}/webhook-waiting/${executionId}/ok`, { method: 'POST' })).status).toBe(409);
  });

  it('answers 404 for an unknown execution and 409 for one that is not waiting', async () => {
    expect((await fetch(`${server.url}/webhook-waiting/doesnotexist`)).status).toBe(404);
    const id = await createWorkflow(webhookWorkflow('Done', { path: 'done-run' }));
    await activate(id);
    const res = await fetch(`${server.url}/webhook/done-run`);
    const executionId = res.headers.get('x-weft-execution-id')!;
    await waitForRun(executionId);
    const again = await fetch(`${server.url}/webhook-waiting/${executionId}`);
    expect(again.status).toBe(409);
  });
});

async function credential(type: string, data: Record<string, unknown>): Promise<string> {
  const res = await api('/api/v1/credentials', { method: 'POST', body: JSON.stringify({ name: `${type} cred`, type, data }) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function setCredential(workflowId: string, type: string, credentialId: string): Promise<void> {
  const current = (await (await api(`/api/v1/workflows/${workflowId}`)).json()) as { nodes: { type: string; credentials?: unknown }[]; [k: string]: unknown };
  const nodes = current.nodes.map((n) => (n.type === 'n8n-nodes-base.webhook' ? { ...n, credentials: { [type]: { id: credentialId, name: 'c' } } } : n));
  const res = await api(`/api/v1/workflows/${workflowId}`, { method: 'PUT', body: JSON.stringify({ ...current, nodes }) });
  expect(res.status, await res.clone().text()).toBe(200);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function waitForRun(executionId: string): Promise<any> {
  for (let i = 0; i < 200; i++) {
    const res = await api(`/api/v1/executions/${executionId}?includeData=true`);
    if (res.status === 200) {
      const body = (await res.json()) as { status: string };
      if (!['new', 'running'].includes(body.status)) return body;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`run ${executionId} did not finish`);
}
