// The WhatsApp Trigger against the Meta Graph API stand-in (meta-graph-stand-in.ts): the app's webhook
// subscription made on activation and removed on deactivation, Meta's GET verification, signed and
// forged deliveries, the field and status filters, and the credential check.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { APP_ID, APP_SECRET, startMetaGraphStandIn, type MetaGraphStandIn } from './meta-graph-stand-in.ts';
import { testWhatsAppTriggerCredential } from './whats-app-trigger-credential-test.ts';
import { whatsAppTriggerNode } from './whats-app-trigger.node.ts';

const HOOK_URL = 'https://weft.example.com/webhook/wa/webhook';
const NODE_ID = '5f1c2d3e-aaaa-4bbb-8ccc-0123456789ab';
let meta: MetaGraphStandIn;
beforeAll(async () => {
  meta = await startMetaGraphStandIn();
  process.env.WEFT_WHATSAPP_API_URL = meta.url;
});
afterAll(async () => {
  delete process.env.WEFT_WHATSAPP_API_URL;
  await meta.close();
});
beforeEach(() => {
  meta.seen.length = 0;
  meta.subscriptions.length = 0;
});

function triggerContext(parameters: Record<string, unknown>, hookUrl = HOOK_URL): TriggerContext {
  const ctx = methodContext({
    nodeType: whatsAppTriggerNode, kind: 'loadOptions', method: 'x', typeVersion: 1, currentNodeParameters: parameters,
    credentials: { whatsAppTriggerApi: { id: '1', name: 'WA' } },
  }, { getCredentials: async () => ({ clientId: APP_ID, clientSecret: APP_SECRET }), credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, node: { ...ctx.node, id: NODE_ID }, activation: 'activate', getWorkflowStaticData: () => ({}), emit: () => {}, emitError: () => {}, webhookUrl: () => hookUrl };
}

function call(ctx: TriggerContext, init: { name: string; method: string; query?: Record<string, string>; body?: JsonObject; headers?: Record<string, string> }) {
  const text = init.body ? JSON.stringify(init.body) : '';
  const answer: { status?: number; body?: string } = {};
  const res = { writeHead(code: number) { answer.status = code; return res; }, end(chunk?: string) { answer.body = chunk; return res; } } as unknown as ServerResponse;
  const webhookCall = {
    webhookName: init.name, method: init.method, headers: init.headers ?? {}, query: init.query ?? {}, params: {}, body: init.body ?? {},
    ...(text ? { rawBody: Buffer.from(text) } : {}), req: {} as IncomingMessage, res,
  };
  return { ctx: { ...ctx, call: webhookCall } as WebhookContext, answer };
}

const signature = (body: JsonObject, secret = APP_SECRET) => `sha256=${createHmac('sha256', secret).update(JSON.stringify(body)).digest('hex')}`;
const hook = whatsAppTriggerNode.triggers!.webhook!;
const setup = whatsAppTriggerNode.triggers!.webhookSetup!;

const MESSAGE_EVENT = {
  object: 'whatsapp_business_account',
  entry: [{
    id: '102290129340398',
    changes: [
      {
        field: 'messages',
        value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
          contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
          messages: [{ from: '16505551234', id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', timestamp: '1749416383', type: 'text', text: { body: 'Does it come in another color?' } }],
        },
      },
      {
        field: 'messages',
        value: {
          messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
          statuses: [{ id: 'wamid.abc', status: 'delivered', timestamp: '1750263773', recipient_id: '16505551234' }],
        },
      },
      { field: 'account_update', value: { phone_number: '15550783881', event: 'VERIFIED_ACCOUNT' } },
    ],
  }],
};

describe('WhatsApp Trigger', () => {
  it('subscribes the app on activation, finds the subscription again and removes it', async () => {
    const ctx = triggerContext({ updates: ['messages', 'account_update'] });
    expect(await setup.checkExists(ctx)).toBe(false);
    expect(await setup.create(ctx)).toBe(true);
    const token = meta.seen[0];
    expect(token).toMatchObject({ method: 'POST', path: '/v19.0/oauth/access_token', form: { client_id: APP_ID, client_secret: APP_SECRET, grant_type: 'client_credentials' } });
    const post = meta.seen.find((r) => r.method === 'POST' && r.path === `/v19.0/${APP_ID}/subscriptions`);
    expect(post?.authorization).toBe(`Bearer ${APP_ID}|app-token`);
    expect(post?.form).toEqual({ object: 'whatsapp_business_account', callback_url: HOOK_URL, verify_token: NODE_ID, fields: '["messages","account_update"]', include_values: 'true' });
    // The same fields in another order are the same subscription.
    expect(await setup.checkExists(triggerContext({ updates: ['account_update', 'messages'] }))).toBe(true);
    expect(await setup.checkExists(triggerContext({ updates: ['messages'] }))).toBe(false);
    await expect(setup.checkExists(triggerContext({ updates: ['messages', 'account_update'] }, 'https://elsewhere.example.com/hook')))
      .rejects.toThrow(`The WhatsApp App ID ${APP_ID} already has a webhook subscription.`);
    expect(await setup.delete(ctx)).toBe(true);
    expect(meta.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/v19.0/${APP_ID}/subscriptions`, form: { object: 'whatsapp_business_account' } });
    expect(meta.subscriptions).toEqual([]);
  });

  it('waits out a 429 and says what Meta said when the secret is wrong', async () => {
    meta.rateLimitOnce(0);
    expect(await setup.checkExists(triggerContext({ updates: ['messages'] }))).toBe(false);
    expect(meta.seen.map((r) => r.path)).toEqual(['/v19.0/oauth/access_token', '/v19.0/oauth/access_token', `/v19.0/${APP_ID}/subscriptions`]);
    await expect(testWhatsAppTriggerCredential({ clientId: APP_ID, clientSecret: 'nope' }, 5000)).rejects.toThrow('Error validating client secret.');
    expect(await testWhatsAppTriggerCredential({ clientId: APP_ID, clientSecret: APP_SECRET }, 5000)).toBe('Connection tested successfully');
  });

  it("answers Meta's verification only with the node's own verify token", async () => {
    const ctx = triggerContext({ updates: ['messages'] });
    const good = call(ctx, { name: 'setup', method: 'GET', query: { 'hub.mode': 'subscribe', 'hub.verify_token': NODE_ID, 'hub.challenge': '1158201444' } });
    expect(await hook(good.ctx)).toEqual({ noWebhookResponse: true });
    expect(good.answer).toEqual({ status: 200, body: '1158201444' });
    const wrong = call(ctx, { name: 'setup', method: 'GET', query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1158201444' } });
    expect(await hook(wrong.ctx)).toEqual({});
    expect(wrong.answer.status).toBeUndefined();
  });

  it('starts a run only for deliveries signed with the app secret, one item per change', async () => {
    const ctx = triggerContext({ updates: ['messages', 'account_update'] });
    const forged = await hook(call(ctx, { name: 'default', method: 'POST', body: MESSAGE_EVENT, headers: { 'x-hub-signature-256': signature(MESSAGE_EVENT, 'other') } }).ctx);
    expect(forged.workflowData).toBeUndefined();
    const unsigned = await hook(call(ctx, { name: 'default', method: 'POST', body: MESSAGE_EVENT }).ctx);
    expect(unsigned.workflowData).toBeUndefined();
    const signed = await hook(call(ctx, { name: 'default', method: 'POST', body: MESSAGE_EVENT, headers: { 'x-hub-signature-256': signature(MESSAGE_EVENT) } }).ctx);
    const changes = MESSAGE_EVENT.entry[0].changes;
    expect(signed.workflowData).toEqual([changes.map((c) => ({ json: { ...c.value, field: c.field } }))]);
    const page = { object: 'page', entry: [] };
    expect((await hook(call(ctx, { name: 'default', method: 'POST', body: page, headers: { 'x-hub-signature-256': signature(page) } }).ctx)).workflowData).toBeUndefined();
    expect(meta.seen).toEqual([]);
  });

  it('keeps the chosen fields and message statuses', async () => {
    const run = async (parameters: Record<string, unknown>) =>
      (await hook(call(triggerContext(parameters), { name: 'default', method: 'POST', body: MESSAGE_EVENT, headers: { 'x-hub-signature-256': signature(MESSAGE_EVENT) } }).ctx)).workflowData?.[0].map((i) => i.json.field + (i.json.statuses ? ':status' : ''));
    expect(await run({ updates: ['messages'] })).toEqual(['messages', 'messages:status']);
    expect(await run({ updates: ['messages'], options: { messageStatusUpdates: [] } })).toEqual(['messages']);
    expect(await run({ updates: ['messages'], options: { messageStatusUpdates: ['read'] } })).toEqual(['messages']);
    expect(await run({ updates: ['messages'], options: { messageStatusUpdates: ['delivered'] } })).toEqual(['messages', 'messages:status']);
    expect(await run({ updates: ['security'] })).toBeUndefined();
  });
});
