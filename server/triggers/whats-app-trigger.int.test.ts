// WhatsApp Trigger on a real test server, against a local stand-in for Meta's Graph API written from
// its documentation (developers.facebook.com/docs/graph-api/webhooks: an app token from
// /oauth/access_token; POST /{app-id}/subscriptions verifies the callback URL at once with a GET
// carrying hub.mode, hub.verify_token and hub.challenge, and refuses the subscription unless the
// challenge comes back; deliveries signed with X-Hub-Signature-256 by the app secret). The URL
// must therefore answer while the subscription is still being created.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support.ts';
import { activeWorkflowCreator, ownerApi, SEEN_NODE } from './trigger-test-support.ts';

const PUBLIC_URL = 'http://weft.example.test';
const APP = { id: '1234567890', secret: 'app-secret-42' };
const meta = { url: '', verifications: [] as Array<{ status: number; answered: string }>, subscriptions: [] as Array<Record<string, unknown>> };
let server: Server;
let weft: TestServer;
const savedUrl = process.env.WEFT_WHATSAPP_API_URL;

function readBody(req: import('node:http').IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (url.pathname === '/v19.0/oauth/access_token') {
      return form.client_id === APP.id && form.client_secret === APP.secret ? reply(200, { access_token: `${APP.id}|app-token`, token_type: 'bearer' })
        : reply(400, { error: { message: 'Error validating client secret.', type: 'OAuthException', code: 1 } });
    }
    if (url.pathname !== `/v19.0/${APP.id}/subscriptions`) return reply(404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } });
    if (req.headers.authorization !== `Bearer ${APP.id}|app-token`) return reply(401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
    if (req.method === 'GET') return reply(200, { data: meta.subscriptions });
    if (req.method === 'DELETE') {
      // Graph takes parameters in the query or a form body.
      const object = url.searchParams.get('object') ?? form.object;
      meta.subscriptions = meta.subscriptions.filter((s) => s.object !== object);
      return reply(200, { success: true });
    }
    // Meta checks the callback before it answers: the public URL is Weft's, reached here directly.
    const callback = new URL(form.callback_url);
    const check = new URL(`${weft.url}${callback.pathname}`);
    check.search = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': form.verify_token, 'hub.challenge': '1158201444' }).toString();
    const verification = await fetch(check);
    const answered = await verification.text();
    meta.verifications.push({ status: verification.status, answered });
    if (answered !== '1158201444') {
      return reply(400, { error: { message: '(#2200) Callback verification failed with the following errors: HTTP Status Code = 404', type: 'OAuthException', code: 2200 } });
    }
    meta.subscriptions.push({ object: form.object, callback_url: form.callback_url, active: true, fields: JSON.parse(form.fields).map((name: string) => ({ name, version: 'v19.0' })) });
    return reply(200, { success: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  meta.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.env.WEFT_WHATSAPP_API_URL = meta.url;
  weft = await startTestServer({ PUBLIC_URL });
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.WEFT_WHATSAPP_API_URL;
  else process.env.WEFT_WHATSAPP_API_URL = savedUrl;
  await weft?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const api = ownerApi(() => weft);
const createActive = activeWorkflowCreator(api);

describe('WhatsApp Trigger', () => {
  it("answers Meta's verification while the subscription is created, runs on signed deliveries, and unsubscribes on deactivation", async () => {
    const credential = await api('POST', '/api/v1/credentials', { name: 'Meta app', type: 'whatsAppTriggerApi', data: { clientId: APP.id, clientSecret: APP.secret } });
    expect(credential.status, JSON.stringify(credential.body)).toBe(201);
    const webhookId = '5b2e7c1d-2222-4333-8444-955566660001';
    const id = await createActive({
      name: 'WhatsApp inbox', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 'wa-node', name: 'WhatsApp Trigger', type: 'n8n-nodes-base.whatsAppTrigger', typeVersion: 1, position: [0, 0], webhookId,
          parameters: { updates: ['messages'] }, credentials: { whatsAppTriggerApi: { id: credential.body.id, name: 'Meta app' } } },
        SEEN_NODE,
      ],
      connections: { 'WhatsApp Trigger': { main: [[{ node: 'Seen', type: 'main', index: 0 }]] } },
    });
    expect(meta.verifications).toEqual([{ status: 200, answered: '1158201444' }]);
    expect(meta.subscriptions).toHaveLength(1);
    const callback = new URL(String(meta.subscriptions[0].callback_url));
    expect(callback.origin).toBe(PUBLIC_URL);

    const event = { object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [{ from: '15550001111', type: 'text', text: { body: 'hi' } }] } }] }] };
    const raw = JSON.stringify(event);
    const sign = (secret: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
    const deliver = (signature: string) => fetch(`${weft.url}${callback.pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
    expect((await deliver(sign('forged'))).status).toBe(200);
    expect((await deliver(sign(APP.secret))).status).toBe(200);
    await weft.runtime.executions.settle();
    const executions = await api('GET', `/api/v1/executions?workflowId=${id}&limit=10`);
    expect(executions.body.data).toHaveLength(1);

    expect((await api('POST', `/api/v1/workflows/${id}/deactivate`)).status).toBe(200);
    expect(meta.subscriptions).toHaveLength(0);
  });
});
