// The Calendly Trigger against a local Calendly stand-in (calendly-stand-in.ts): activation
// registers a webhook subscription (v2, user or organization scope, with a signing key) or a
// legacy v1 hook, checkExists finds it again, deactivation removes it; deliveries are checked
// against Calendly's signature; the credential test.
import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject, TriggerContext, WebhookContext } from '../../engine/index.ts';
import { methodContext } from '../node-methods.ts';
import { testCalendlyCredential } from './calendly-credential-test.ts';
import { CAL_LEGACY_KEY, CAL_OAUTH_TOKEN, CAL_TOKEN, startCalendlyStandIn, type CalendlyStandIn } from './calendly-stand-in.ts';
import { calendlySignatureValid, calendlyTriggerNode } from './calendly-trigger.node.ts';

let calendly: CalendlyStandIn;
beforeAll(async () => {
  calendly = await startCalendlyStandIn();
  process.env.WEFT_CALENDLY_API_URL = calendly.url;
  process.env.WEFT_CALENDLY_V1_API_URL = calendly.legacyUrl;
});
afterAll(async () => {
  delete process.env.WEFT_CALENDLY_API_URL;
  delete process.env.WEFT_CALENDLY_V1_API_URL;
  await calendly.close();
});
beforeEach(() => {
  calendly.seen.length = 0;
  calendly.subscriptions.length = 0;
  calendly.hooks.length = 0;
});

const HOOK_URL = 'https://weft.example.com/webhook/abc/webhook';
const setup = calendlyTriggerNode.triggers!.webhookSetup!;

function hookContext(parameters: Record<string, unknown>, staticData: JsonObject, credential: Record<string, unknown>, url = HOOK_URL): TriggerContext {
  const oauth = parameters.authentication === 'oAuth2';
  const ctx = methodContext({
    nodeType: calendlyTriggerNode, kind: 'listSearch', method: 'none', currentNodeParameters: parameters,
    credentials: oauth ? { calendlyOAuth2Api: { id: '2', name: 'Calendly OAuth' } } : { calendlyApi: { id: '1', name: 'Calendly' } },
  }, { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });
  return { ...ctx, mode: 'trigger', activation: 'activate', getWorkflowStaticData: () => staticData, emit: () => {}, emitError: () => {}, webhookUrl: () => url };
}

describe('Calendly Trigger webhook registration', () => {
  it('subscribes for the user with a personal access token, finds the subscription again, and removes it', async () => {
    const state: JsonObject = {};
    const ctx = hookContext({ events: ['invitee.created', 'invitee.canceled'] }, state, { apiKey: CAL_TOKEN });
    expect(await setup.checkExists(ctx)).toBe(false);
    expect(calendly.seen.map((s) => `${s.method} ${s.path}`)).toEqual(['GET /users/me', 'GET /webhook_subscriptions']);
    expect(Object.fromEntries(calendly.seen[1].query)).toEqual({ scope: 'user', organization: calendly.organizationUri, user: calendly.userUri });
    expect(calendly.seen[0].authorization).toBe(`Bearer ${CAL_TOKEN}`);

    expect(await setup.create(ctx)).toBe(true);
    const post = calendly.seen.at(-1)!;
    expect(post).toMatchObject({ method: 'POST', path: '/webhook_subscriptions' });
    expect(post.body).toEqual({
      url: HOOK_URL, events: ['invitee.created', 'invitee.canceled'], organization: calendly.organizationUri, scope: 'user', user: calendly.userUri,
      signing_key: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(state).toEqual({ webhookURI: calendly.subscriptions[0].uri, webhookSecret: post.body.signing_key });

    const again: JsonObject = {};
    expect(await setup.checkExists(hookContext({ events: ['invitee.canceled', 'invitee.created'] }, again, { apiKey: CAL_TOKEN }))).toBe(true);
    expect(again.webhookURI).toBe(calendly.subscriptions[0].uri);
    expect(await setup.checkExists(hookContext({ events: ['invitee.created'] }, {}, { apiKey: CAL_TOKEN }))).toBe(false);

    expect(await setup.delete(ctx)).toBe(true);
    expect(calendly.seen.at(-1)).toMatchObject({ method: 'DELETE', path: new URL(String(again.webhookURI)).pathname });
    expect(calendly.subscriptions).toEqual([]);
    expect(state).toEqual({});
    // Removing again (already gone) is a no-op.
    expect(await setup.delete(ctx)).toBe(true);
  });

  it('subscribes for the organization with OAuth2, waiting out a 429', async () => {
    const state: JsonObject = {};
    calendly.rateLimitOnce('0');
    const ctx = hookContext({ authentication: 'oAuth2', scope: 'organization', events: ['invitee.canceled'] }, state, { oauthTokenData: { access_token: CAL_OAUTH_TOKEN } });
    expect(await setup.create(ctx)).toBe(true);
    const post = calendly.seen.at(-1)!;
    expect(post.authorization).toBe(`Bearer ${CAL_OAUTH_TOKEN}`);
    expect(post.body).toMatchObject({ scope: 'organization', organization: calendly.organizationUri, events: ['invitee.canceled'] });
    expect(post.body.user).toBeUndefined();
    expect(calendly.subscriptions[0].user).toBeNull();
    expect(await setup.checkExists(hookContext({ authentication: 'oAuth2', scope: 'organization', events: ['invitee.canceled'] }, {}, { oauthTokenData: { access_token: CAL_OAUTH_TOKEN } }))).toBe(true);
  });

  it("refuses a non-HTTPS webhook URL and reports Calendly's errors", async () => {
    await expect(setup.create(hookContext({ events: ['invitee.created'] }, {}, { apiKey: CAL_TOKEN }, 'http://localhost:5678/webhook/x/webhook')))
      .rejects.toThrow('Calendly requires a public HTTPS webhook URL');
    expect(calendly.seen).toEqual([]);
    await expect(setup.create(hookContext({ events: ['invitee.created'] }, {}, { apiKey: 'eyJ.bad.token' })))
      .rejects.toMatchObject({ details: { description: 'The access token is invalid' } });
    await setup.create(hookContext({ events: ['invitee.created'] }, {}, { apiKey: CAL_TOKEN }));
    await expect(setup.create(hookContext({ events: ['invitee.created'] }, {}, { apiKey: CAL_TOKEN }))).rejects.toMatchObject({ details: { description: 'Hook with this url already exists' } });
  });

  it('uses the legacy v1 hooks with an old API key', async () => {
    const state: JsonObject = {};
    const ctx = hookContext({ events: ['invitee.created'] }, state, { apiKey: CAL_LEGACY_KEY });
    expect(await setup.checkExists(ctx)).toBe(false);
    expect(await setup.create(ctx)).toBe(true);
    expect(calendly.seen.at(-1)).toMatchObject({ method: 'POST', path: '/api/v1/hooks', xToken: CAL_LEGACY_KEY, body: { url: HOOK_URL, events: ['invitee.created'] } });
    expect(calendly.seen.at(-1)!.authorization).toBeUndefined();
    expect(state).toEqual({ webhookId: String(calendly.hooks[0].id) });
    const again: JsonObject = {};
    expect(await setup.checkExists(hookContext({ events: ['invitee.created'] }, again, { apiKey: CAL_LEGACY_KEY }))).toBe(true);
    expect(again.webhookId).toBe(state.webhookId);
    expect(await setup.delete(ctx)).toBe(true);
    expect(calendly.seen.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/hooks/${String(again.webhookId)}` });
    expect(calendly.hooks).toEqual([]);
    expect(state).toEqual({});
  });
});

describe('Calendly Trigger deliveries', () => {
  const raw = Buffer.from(JSON.stringify({ event: 'invitee.created', payload: { email: 'bob@example.com', name: 'Bob' } }));
  const sign = (secret: string, t: number, body = raw) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;

  function delivery(headers: Record<string, string>, staticData: JsonObject) {
    const written: { status?: number; body?: string } = {};
    const res = { writeHead(status: number) { written.status = status; return this; }, end(body?: string) { written.body = body; return this; } } as unknown as ServerResponse;
    const ctx = {
      ...hookContext({ events: ['invitee.created'] }, staticData, { apiKey: CAL_TOKEN }),
      call: { webhookName: 'default', method: 'POST', headers, query: {}, params: {}, body: JSON.parse(raw.toString()), rawBody: raw, req: {} as never, res },
    } as WebhookContext;
    return { run: () => calendlyTriggerNode.triggers!.webhook!(ctx), written };
  }

  it('starts a run with the body when the signature holds, and answers 401 when it does not', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = delivery({ 'calendly-webhook-signature': sign('s3cret', now) }, { webhookSecret: 's3cret' });
    expect(await good.run()).toEqual({ workflowData: [[{ json: { event: 'invitee.created', payload: { email: 'bob@example.com', name: 'Bob' } } }]] });

    const forged = delivery({ 'calendly-webhook-signature': sign('other', now) }, { webhookSecret: 's3cret' });
    expect(await forged.run()).toEqual({ noWebhookResponse: true });
    expect(forged.written).toEqual({ status: 401, body: 'Unauthorized' });

    const unsigned = delivery({}, {});
    expect((await unsigned.run()).workflowData?.[0]).toHaveLength(1);
  });

  it('refuses stale or malformed signatures', () => {
    const t = 1_700_000_000;
    expect(calendlySignatureValid('k', sign('k', t), raw, t * 1000 + 60_000)).toBe(true);
    expect(calendlySignatureValid('k', sign('k', t), raw, t * 1000 + 600_000)).toBe(false);
    expect(calendlySignatureValid('k', 'v1=abc', raw, t * 1000)).toBe(false);
    expect(calendlySignatureValid('k', sign('k', t), Buffer.from('{}'), t * 1000)).toBe(false);
  });
});

describe('Calendly credential test', () => {
  it('checks a personal access token on v2 and a legacy key on v1', async () => {
    expect(await testCalendlyCredential({ apiKey: CAL_TOKEN }, 5000)).toBe('Connection tested successfully');
    expect(calendly.seen.at(-1)).toMatchObject({ path: '/users/me', authorization: `Bearer ${CAL_TOKEN}` });
    expect(await testCalendlyCredential({ apiKey: CAL_LEGACY_KEY }, 5000)).toBe('Connection tested successfully');
    expect(calendly.seen.at(-1)).toMatchObject({ path: '/api/v1/users/me', xToken: CAL_LEGACY_KEY });
    await expect(testCalendlyCredential({ apiKey: 'eyJ.x.y' }, 5000)).rejects.toThrow('Calendly answered 401: The access token is invalid');
  });
});
