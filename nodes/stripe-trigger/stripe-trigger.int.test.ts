// The Stripe Trigger against the local stand-in for Stripe's API (stripe-stand-in.ts): its webhook
// endpoint created on activation (form-encoded) and removed on deactivation, the kept id/secret,
// signed vs forged vs stale deliveries, event filtering, Stripe's errors and 429, and the
// credential check.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { stripeForm } from './stripe-api.ts';
import { testStripeCredential } from './stripe-credential-test.ts';
import { STRIPE_KEY, startStripeStandIn, type StripeStandIn } from './stripe-stand-in.ts';
import { stripeTriggerNode, stripeSignatureValid } from './stripe-trigger.node.ts';

let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  process.env.WEFT_STRIPE_API_URL = stripe.url;
});
afterAll(async () => {
  delete process.env.WEFT_STRIPE_API_URL;
  await stripe.close();
});
beforeEach(() => {
  stripe.seen.length = 0;
  stripe.endpoints.clear();
});

const HOOK_URL = 'https://weft.example.com/webhook/abc/webhook';
const setup = () => stripeTriggerNode.triggers!.webhookSetup!;

function triggerContext(parameters: Record<string, unknown>, staticData: JsonObject, credential: Record<string, unknown> = { secretKey: STRIPE_KEY }): TriggerContext {
  const ctx = methodContext({
    nodeType: stripeTriggerNode, kind: 'loadOptions', method: 'none', currentNodeParameters: parameters,
    credentials: { stripeApi: { id: '1', name: 'Stripe' } },
  }, { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return {
    ...ctx, workflow: { id: 'wf42', name: 'Payments', active: true }, activation: 'activate',
    getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => HOOK_URL,
  };
}

function delivery(ctx: TriggerContext, body: JsonObject, signature?: string): { ctx: WebhookContext; status: () => number | undefined } {
  const rawBody = Buffer.from(JSON.stringify(body));
  let status: number | undefined;
  const res = { writeHead(code: number) { status = code; return res; }, end() { return res; } } as unknown as ServerResponse;
  const call = {
    webhookName: 'default', method: 'POST', headers: signature ? { 'stripe-signature': signature } : {}, query: {}, params: {}, body, rawBody,
    req: {} as IncomingMessage, res,
  };
  return { ctx: { ...ctx, call }, status: () => status };
}

const sign = (secret: string, body: JsonObject, t = Math.floor(Date.now() / 1000)) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${JSON.stringify(body)}`).digest('hex')}`;

const EVENT = {
  id: 'evt_1', object: 'event', api_version: '2024-06-20', created: 1_700_000_000, type: 'charge.succeeded', livemode: false,
  data: { object: { id: 'ch_1', object: 'charge', amount: 2000, currency: 'usd', status: 'succeeded' } },
};

describe('Stripe Trigger', () => {
  it('creates its endpoint form-encoded, keeps id and secret, finds it again and deletes it', async () => {
    const data: JsonObject = {};
    const ctx = triggerContext({ events: ['charge.succeeded', 'customer.created'] }, data);
    expect(await setup().checkExists(ctx)).toBe(false);
    expect(stripe.seen).toHaveLength(0);
    expect(await setup().create(ctx)).toBe(true);
    const post = stripe.seen[0];
    expect(post).toMatchObject({ method: 'POST', path: '/v1/webhook_endpoints', authorization: `Bearer ${STRIPE_KEY}`, contentType: 'application/x-www-form-urlencoded' });
    expect([...post.form.entries()]).toEqual([
      ['url', HOOK_URL], ['description', 'Created by n8n for workflow ID: wf42'],
      ['enabled_events[]', 'charge.succeeded'], ['enabled_events[]', 'customer.created'],
    ]);
    const endpoint = [...stripe.endpoints.values()][0];
    expect(data).toEqual({ webhookId: endpoint.id, webhookEvents: ['charge.succeeded', 'customer.created'], webhookSecret: endpoint.secret });
    expect(String(data.webhookSecret)).toMatch(/^whsec_/);

    expect(await setup().checkExists(ctx)).toBe(true);
    expect(stripe.seen[1]).toMatchObject({ method: 'GET', path: `/v1/webhook_endpoints/${endpoint.id}` });

    expect(await setup().delete(ctx)).toBe(true);
    expect(stripe.seen[2]).toMatchObject({ method: 'DELETE', path: `/v1/webhook_endpoints/${endpoint.id}` });
    expect(stripe.endpoints.size).toBe(0);
    expect(data).toEqual({});
  });

  it('sends api_version when set and forgets an endpoint Stripe no longer has', async () => {
    const data: JsonObject = {};
    const ctx = triggerContext({ events: ['*'], apiVersion: '2025-05-28.basil' }, data);
    await setup().create(ctx);
    expect(stripe.seen[0].form.get('api_version')).toBe('2025-05-28.basil');
    expect(stripe.seen[0].form.getAll('enabled_events[]')).toEqual(['*']);
    stripe.endpoints.clear();
    expect(await setup().checkExists(ctx)).toBe(false);
    expect(data).toEqual({});
  });

  it('waits out a 429 and reports what Stripe said on failures', async () => {
    const ctx = triggerContext({ events: ['*'] }, {});
    stripe.rateLimitOnce(0);
    expect(await setup().create(ctx)).toBe(true);
    expect(stripe.seen.map((r) => r.path)).toEqual(['/v1/webhook_endpoints', '/v1/webhook_endpoints']);
    await expect(setup().create(triggerContext({ events: [] }, {}))).rejects.toMatchObject({ details: { description: 'Missing required param: enabled_events.' } });
    await expect(setup().create(triggerContext({ events: ['*'] }, {}, { secretKey: 'sk_test_wrong' })))
      .rejects.toMatchObject({ details: { description: 'Invalid API Key provided: sk_test_****' } });
  });

  it('runs on a signed delivery and refuses forged, unsigned and stale ones', async () => {
    const ctx = triggerContext({ events: ['charge.succeeded'] }, { webhookId: 'we_1', webhookSecret: 'whsec_kept' });
    const good = delivery(ctx, EVENT, sign('whsec_kept', EVENT));
    expect(await stripeTriggerNode.triggers!.webhook!(good.ctx)).toEqual({ workflowData: [[{ json: EVENT }]] });
    expect(good.status()).toBeUndefined();

    for (const signature of [sign('whsec_other', EVENT), undefined, sign('whsec_kept', EVENT, Math.floor(Date.now() / 1000) - 3600), 't=1,v1=zz']) {
      const bad = delivery(ctx, EVENT, signature);
      expect(await stripeTriggerNode.triggers!.webhook!(bad.ctx)).toEqual({ noWebhookResponse: true });
      expect(bad.status()).toBe(401);
    }
    const tampered = delivery(ctx, { ...EVENT, id: 'evt_2' }, sign('whsec_kept', EVENT));
    expect(await stripeTriggerNode.triggers!.webhook!(tampered.ctx)).toEqual({ noWebhookResponse: true });
  });

  it('prefers the credential signature secret and accepts any matching v1 among several', async () => {
    const ctx = triggerContext({ events: ['*'] }, { webhookSecret: 'whsec_kept' }, { secretKey: STRIPE_KEY, signatureSecret: 'whsec_cred' });
    const t = Math.floor(Date.now() / 1000);
    const header = `${sign('whsec_cred', EVENT, t)},v1=${'0'.repeat(64)},v0=abc`;
    expect((await stripeTriggerNode.triggers!.webhook!(delivery(ctx, EVENT, header).ctx)).workflowData).toBeDefined();
    expect((await stripeTriggerNode.triggers!.webhook!(delivery(ctx, EVENT, sign('whsec_kept', EVENT)).ctx))).toEqual({ noWebhookResponse: true });
    expect(stripeSignatureValid(undefined, undefined, Buffer.from('{}'))).toBe(true);
  });

  it('starts no run for events that were not chosen; `*` takes every event', async () => {
    const only = triggerContext({ events: ['customer.created'] }, {});
    expect(await stripeTriggerNode.triggers!.webhook!(delivery(only, EVENT).ctx)).toEqual({});
    expect(await stripeTriggerNode.triggers!.webhook!(delivery(only, { id: 'x' }).ctx)).toEqual({});
    const all = triggerContext({ events: ['*'] }, {});
    expect(await stripeTriggerNode.triggers!.webhook!(delivery(all, EVENT).ctx)).toEqual({ workflowData: [[{ json: EVENT }]] });
  });

  it('checks the secret key as n8n does (GET /v1/charges)', async () => {
    expect(await testStripeCredential({ secretKey: STRIPE_KEY }, 5000)).toBe('Connection tested successfully');
    expect(stripe.seen[0]).toMatchObject({ method: 'GET', path: '/v1/charges' });
    await expect(testStripeCredential({ secretKey: 'sk_bad' }, 5000)).rejects.toThrow('Invalid API Key provided');
  });

  it('encodes nested values the way Stripe reads them', () => {
    expect(decodeURIComponent(stripeForm({ a: 1, m: { k: 'v' }, e: ['x', 'y'], l: [{ p: 2 }], n: undefined }))).toBe('a=1&m[k]=v&e[]=x&e[]=y&l[0][p]=2');
  });
});
