// Chat Trigger on a real server: published Chat Trigger → Code workflows answer chat messages on
// /webhook/<webhookId>/chat with the last node's item, record the run with the message as the
// trigger item, serve the hosted page (escaped) and the widget, and apply Basic Auth and CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { activeWorkflowCreator, ownerApi } from './trigger-test-support.ts';

let weft: TestServer;
beforeAll(async () => {
  weft = await startTestServer();
});
afterAll(async () => {
  await weft?.close();
});

const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);

const HOSTILE_TITLE = '<b>Support & "help"</b>';
const HOSTILE_LINE = '<script>alert(1)</script>';

function chatWorkflow(webhookId: string, parameters: Record<string, unknown>, credentials?: Record<string, unknown>) {
  return {
    name: `Chat ${webhookId}`, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 'chat', name: 'When chat message received', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.3, position: [0, 0], webhookId, parameters, ...(credentials ? { credentials } : {}) },
      { id: 'code', name: 'Answer', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
        parameters: { jsCode: "return [{ json: { output: 'you said ' + $input.first().json.chatInput } }];" } },
    ],
    connections: { 'When chat message received': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
  };
}

const chatUrl = (webhookId: string) => `${weft.url}/webhook/${webhookId}/chat`;
const send = (webhookId: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(chatUrl(webhookId), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function finishedRun(executionId: string) {
  await weft.runtime.executions.settle();
  const run = await api('GET', `/api/v1/executions/${executionId}?includeData=true`);
  expect(run.status).toBe(200);
  return run.body;
}

describe('Chat Trigger', () => {
  const hosted = 'c7a1e0d2-0001-4000-8000-000000000001';
  let workflowId = '';
  beforeAll(async () => {
    workflowId = await createActive(chatWorkflow(hosted, {
      public: true, mode: 'hostedChat', initialMessages: `Welcome!\n${HOSTILE_LINE}`,
      options: { title: HOSTILE_TITLE, subtitle: 'Ask & wait', inputPlaceholder: 'Say "hi"' },
    }));
  });

  it('answers a message with the last node and records the run with the message as trigger item', async () => {
    const message = { action: 'sendMessage', sessionId: 'session-1', chatInput: 'hello there' };
    const res = await send(hosted, message);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ output: 'you said hello there' });
    const executionId = res.headers.get('x-weft-execution-id');
    expect(executionId).toBeTruthy();
    const run = await finishedRun(executionId!);
    expect(run.status).toBe('success');
    expect(run.mode).toBe('webhook');
    const runData = run.data.resultData.runData;
    expect(runData['When chat message received'][0].data.main[0].map((i: { json: unknown }) => i.json)).toEqual([message]);
    expect(runData.Answer[0].data.main[0][0].json).toEqual({ output: 'you said hello there' });
  });

  it('answers loadPreviousSession with no messages and starts no run', async () => {
    const before = (await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=100`)).body.data.length;
    const res = await send(hosted, { action: 'loadPreviousSession', sessionId: 'session-1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [] });
    expect(res.headers.get('x-weft-execution-id')).toBeNull();
    await weft.runtime.executions.settle();
    expect((await api('GET', `/api/v1/executions?workflowId=${workflowId}&limit=100`)).body.data).toHaveLength(before);
  });

  it('serves the hosted page with its texts escaped', async () => {
    const res = await fetch(chatUrl(hosted));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    const html = await res.text();
    expect(html).toContain('<title>&lt;b&gt;Support &amp; &quot;help&quot;&lt;/b&gt;</title>');
    expect(html).toContain('Ask &amp; wait');
    expect(html).toContain('placeholder="Say &quot;hi&quot;"');
    // The initial messages travel as JSON data, `<` escaped, and are shown with textContent.
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(html).not.toContain(HOSTILE_LINE);
    expect(html).not.toContain('<b>Support');
  });

  it('serves the widget script and the page for its frame', async () => {
    const widget = await fetch(`${chatUrl(hosted)}?widget=js`);
    expect(widget.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await widget.text()).toContain("'?embed=1'");
    const embedded = await (await fetch(`${chatUrl(hosted)}?embed=1`)).text();
    expect(embedded).toContain('<body class="chat-embedded">');
  });

  it('answers 404 when the chat is not public, and once the workflow is unpublished', async () => {
    const privateId = 'c7a1e0d2-0002-4000-8000-000000000002';
    await createActive(chatWorkflow(privateId, { public: false }));
    expect((await fetch(chatUrl(privateId))).status).toBe(404);
    expect((await send(privateId, { action: 'sendMessage', sessionId: 's', chatInput: 'x' })).status).toBe(404);

    const unpublished = 'c7a1e0d2-0003-4000-8000-000000000003';
    const id = await createActive(chatWorkflow(unpublished, { public: true }));
    expect((await send(unpublished, { action: 'sendMessage', sessionId: 's', chatInput: 'x' })).status).toBe(200);
    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect((await send(unpublished, { action: 'sendMessage', sessionId: 's', chatInput: 'x' })).status).toBe(404);
  });

  it('refuses calls without the Basic Auth login and answers with it', async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Chat login', type: 'httpBasicAuth', data: { user: 'ada', password: 's3cret' } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const guarded = 'c7a1e0d2-0004-4000-8000-000000000004';
    await createActive(chatWorkflow(guarded, { public: true, authentication: 'basicAuth' }, { httpBasicAuth: { id: credential.body.id, name: 'Chat login' } }));
    const message = { action: 'sendMessage', sessionId: 's', chatInput: 'let me in' };
    const basic = (login: string) => ({ authorization: `Basic ${Buffer.from(login).toString('base64')}` });

    const none = await send(guarded, message);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Basic realm="Webhook"');
    expect((await fetch(chatUrl(guarded))).status).toBe(401);
    expect((await send(guarded, message, basic('ada:wrong'))).status).toBe(403);
    const ok = await send(guarded, message, basic('ada:s3cret'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ output: 'you said let me in' });
  });

  it('echoes an allowed origin only', async () => {
    const cors = 'c7a1e0d2-0005-4000-8000-000000000005';
    await createActive(chatWorkflow(cors, { public: true, mode: 'webhook', options: { allowedOrigins: 'https://shop.example, https://help.example' } }));
    const message = { action: 'sendMessage', sessionId: 's', chatInput: 'from the shop' };
    const allowed = await send(cors, message, { origin: 'https://help.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://help.example');
    expect(await allowed.json()).toEqual({ output: 'you said from the shop' });
    const other = await send(cors, message, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Embedded mode has no hosted page; the widget is still served.
    expect((await fetch(chatUrl(cors))).status).toBe(404);
    expect((await fetch(`${chatUrl(cors)}?widget=js`)).status).toBe(200);
    // A browser embedding the chat on an allowed site asks first (CORS preflight).
    const preflight = await fetch(chatUrl(cors), { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    const refused = await fetch(chatUrl(cors), { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(chatUrl('c7a1e0d2-0005-4000-8000-00000000dead'), { method: 'OPTIONS' })).status).toBe(404);
  });
});

describe('Manual Chat Trigger', () => {
  it("starts a run by hand with the editor's chat message as its item", async () => {
    const created = await api('POST', '/api/v1/workflows', {
      name: 'Old chat', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'm', name: 'On new manual Chat Message', type: '@n8n/n8n-nodes-langchain.manualChatTrigger', typeVersion: 1.1, position: [0, 0], parameters: {} },
        { id: 'code', name: 'Answer', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0],
          parameters: { jsCode: "return [{ json: { output: 'you said ' + $input.first().json.chatInput } }];" } },
      ],
      connections: { 'On new manual Chat Message': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const message = { sessionId: 'editor-session', action: 'sendMessage', chatInput: 'ping' };
    const run = await api('POST', `/api/v1/workflows/${created.body.id}/run?wait=true`, { startNode: 'On new manual Chat Message', triggerItems: [{ json: message }] });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.data.resultData.runData['On new manual Chat Message'][0].data.main[0][0].json).toEqual(message);
    expect(run.body.data.resultData.runData.Answer[0].data.main[0][0].json).toEqual({ output: 'you said ping' });
  });
});
