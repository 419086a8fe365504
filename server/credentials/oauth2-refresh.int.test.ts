// OAuth2 token renewal end to end on a real runtime: an account connected through the browser flow
// whose access token has expired is renewed (refresh_token grant, client credentials checked by a
// local provider written from RFC 6749) before the HTTP Request node calls a protected resource
// (RFC 6750) with the new token, and the renewed token is stored so the next run reuses it. Then
// the forced renewal a node asks for after a 401, shared by concurrent callers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from './test-oauth2-provider.ts';

let rt: TestRuntime;
let provider: TestOAuth2Provider;
let api: Server;
let apiUrl = '';
/** The Authorization header of each call the protected resource received. */
const seen: string[] = [];

beforeAll(async () => {
  [rt, provider] = await Promise.all([startTestRuntime(), startTestOAuth2Provider()]);
  // RFC 6750 §3: a token the provider no longer vouches for gets 401 with an invalid_token challenge.
  api = createServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    seen.push(authorization);
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (!token || !provider.isActive(token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'invalid_token' }));
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: 'ada', path: req.url }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([rt.dispose(), provider.close(), new Promise((resolve) => api.close(resolve))]);
});

const agent = () => request(rt.app.koa.callback());
const post = (p: string, body: object) => agent().post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const get = (p: string) => agent().get(p).set('X-API-KEY', TEST_OWNER.apiKey);
const system = () => ({ actor: { kind: 'system' as const, id: 'test' }, requestId: randomUUID() });
type Tokens = { access_token: string; refresh_token?: string; expires_at?: number };

/** An oAuth2Api credential connected through the authorization code flow; its token lives `expiresIn` seconds. */
async function connectedCredential(name: string, expiresIn: number): Promise<string> {
  const created = await post('/api/v1/credentials', { name, type: 'oAuth2Api', data: {
    grantType: 'authorizationCode', authUrl: provider.authUrl, accessTokenUrl: provider.tokenUrl,
    clientId: provider.clientId, clientSecret: provider.clientSecret, scope: 'read', authentication: 'body',
  } });
  expect(created.status, created.text).toBe(201);
  const authorize = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url);
  provider.setExpiresIn(expiresIn);
  const code = provider.issueCode(authorize.searchParams.get('redirect_uri')!);
  const back = await agent().get('/api/v1/oauth2/callback').query({ code, state: authorize.searchParams.get('state') });
  expect(back.status, back.text).toBe(200);
  provider.setExpiresIn(3600);
  return created.body.id as string;
}

async function runHttpRequest(credentialId: string) {
  const workflow = await post('/api/v1/workflows', {
    name: `OAuth2 call ${credentialId}`, settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'h', name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [200, 0], parameters: {
        url: `${apiUrl}/me`, authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api',
      }, credentials: { oAuth2Api: { id: credentialId, name: 'Account' } } },
    ],
    connections: { Start: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
  });
  expect(workflow.status, workflow.text).toBe(201);
  return async () => {
    const run = await post(`/api/v1/workflows/${workflow.body.id}/run?wait=true`, {});
    expect(run.status, run.text).toBe(201);
    return run.body.data.resultData as { error?: { message: string }; runData: Record<string, Array<{ data: { main: Array<Array<{ json: unknown }>> } }>> };
  };
}

function output(result: Awaited<ReturnType<Awaited<ReturnType<typeof runHttpRequest>>>>): unknown {
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  return result.runData.HTTP[0].data.main[0][0].json;
}

describe('an expired OAuth2 access token', () => {
  it('is renewed with the refresh token before the node calls the service, stored, and reused by the next run', async () => {
    const id = await connectedCredential('Expired', -120);
    const connected = provider.requests.at(-1)!;
    expect(connected.grantType).toBe('authorization_code');
    const issuedRefresh = provider.requests.length;
    const run = await runHttpRequest(id);

    seen.length = 0;
    expect(output(await run())).toEqual({ user: 'ada', path: '/me' });
    const grants = provider.requests.slice(issuedRefresh);
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      grantType: 'refresh_token', clientAuth: 'body',
      params: { refresh_token: expect.stringMatching(/^rt-/), client_id: provider.clientId, client_secret: provider.clientSecret },
    });
    const stored = (await rt.credentials.useInRun(id, 'default', {}, system())).oauthTokenData as Tokens;
    expect(stored.access_token).toMatch(/^rf-/);
    expect(stored.expires_at).toBeGreaterThan(Date.now() + 3000_000);
    expect(stored.refresh_token).not.toBe(grants[0].params.refresh_token);
    expect(seen).toEqual([`Bearer ${stored.access_token}`]);

    seen.length = 0;
    expect(output(await run())).toEqual({ user: 'ada', path: '/me' });
    expect(provider.requests).toHaveLength(issuedRefresh + 1);
    expect(seen).toEqual([`Bearer ${stored.access_token}`]);
  });

  it('fails the run with what the provider said when the refresh token was revoked', async () => {
    const id = await connectedCredential('Revoked', -120);
    provider.failNext(400, { error: 'invalid_grant', error_description: 'Refresh token revoked' });
    const run = await runHttpRequest(id);
    seen.length = 0;
    expect((await run()).error?.message).toMatch(/The OAuth2 provider refused the request \(HTTP 400\): invalid_grant: Refresh token revoked/);
    expect(seen).toEqual([]);
  });
});

describe('a forced renewal (the service answered 401)', () => {
  it('renews a token that has not expired, once for concurrent callers, and stores the rotated refresh token', async () => {
    const id = await connectedCredential('Refused', 3600);
    const before = (await rt.credentials.useInRun(id, 'default', {}, system())).oauthTokenData as Tokens;
    const count = provider.requests.length;
    const [a, b] = await Promise.all([1, 2].map(() => rt.credentials.useInRun(id, 'default', {}, system(), { forceRefresh: true })));
    expect(provider.requests.slice(count).map((r) => [r.grantType, r.params.refresh_token])).toEqual([['refresh_token', before.refresh_token]]);
    expect(a.oauthTokenData).toEqual(b.oauthTokenData);
    const renewed = a.oauthTokenData as Tokens;
    expect(renewed.access_token).not.toBe(before.access_token);
    expect((await rt.credentials.useInRun(id, 'default', {}, system())).oauthTokenData).toEqual(renewed);
    // The provider rotated the refresh token: the next forced renewal must send the new one.
    await rt.credentials.useInRun(id, 'default', {}, system(), { forceRefresh: true });
    expect(provider.requests.at(-1)?.params.refresh_token).toBe(renewed.refresh_token);
  });
});
