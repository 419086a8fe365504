// Connecting accounts in the browser through the API, against local providers written from the
// RFCs: OAuth2 with PKCE (RFC 7636: the verifier kept server-side, its S256 challenge sent) and
// OAuth 1.0a (RFC 5849's three legs, every signature checked by the provider), then HTTP Request
// signing with the connected OAuth1 account.
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, TEST_OWNER, type TestRuntime } from '../test-support.ts';
import { startTestOAuth1Provider, type TestOAuth1Provider } from './test-oauth1-provider.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from './test-oauth2-provider.ts';

let rt: TestRuntime;
let oauth1: TestOAuth1Provider;
let oauth2: TestOAuth2Provider;

beforeAll(async () => {
  [rt, oauth1, oauth2] = await Promise.all([startTestRuntime(), startTestOAuth1Provider(), startTestOAuth2Provider()]);
});
afterAll(async () => {
  await Promise.all([rt.dispose(), oauth1.close(), oauth2.close()]);
});

const agent = () => request(rt.app.koa.callback());
const post = (p: string, body: object) => agent().post(p).set('X-API-KEY', TEST_OWNER.apiKey).send(body);
const get = (p: string) => agent().get(p).set('X-API-KEY', TEST_OWNER.apiKey);
const stored = (id: string) => rt.credentials.useInRun(id, 'default', {}, { actor: { kind: 'system', id: 'test' }, requestId: randomUUID() });
/** The provider sends the browser to our public URL; the test follows it to the app directly. */
const follow = (url: string) => agent().get(new URL(url).pathname + new URL(url).search);

describe('OAuth2 with PKCE', () => {
  it('sends the S256 challenge, and the exchange proves the verifier the server kept; a state works once', async () => {
    const created = await post('/api/v1/credentials', { name: 'PKCE', type: 'oAuth2Api', data: {
      grantType: 'pkce', authUrl: oauth2.authUrl, accessTokenUrl: oauth2.tokenUrl, clientId: oauth2.clientId, clientSecret: oauth2.clientSecret, scope: 'read',
    } });
    expect(created.status, created.text).toBe(201);
    const authorize = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({ response_type: 'code', client_id: oauth2.clientId, code_challenge_method: 'S256', scope: 'read' });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const code = oauth2.issueCode(params.redirect_uri, params.code_challenge);
    const back = await agent().get('/api/v1/oauth2/callback').query({ code, state: params.state });
    expect(back.status, back.text).toBe(200);
    const exchange = oauth2.requests.at(-1)!;
    expect(exchange.grantType).toBe('authorization_code');
    expect(createHash('sha256').update(exchange.params.code_verifier).digest('base64url')).toBe(params.code_challenge);
    expect(((await stored(created.body.id)).oauthTokenData as { access_token: string }).access_token).toMatch(/^ac-/);

    const again = await agent().get('/api/v1/oauth2/callback').query({ code, state: params.state });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('The OAuth2 state is unknown or expired; start again');
  });
});

describe('OAuth 1.0a', () => {
  const create = (name: string) => post('/api/v1/credentials', { name, type: 'oAuth1Api', data: {
    authUrl: oauth1.authUrl, accessTokenUrl: oauth1.accessTokenUrl, requestTokenUrl: oauth1.requestTokenUrl,
    consumerKey: oauth1.consumerKey, consumerSecret: oauth1.consumerSecret,
  } });

  it('gets a signed request token, sends the browser to approve it, and stores the token the verifier buys', async () => {
    const created = await create('Tweets');
    expect(created.status, created.text).toBe(201);
    const authorize = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(oauth1.authUrl);
    const requestToken = authorize.searchParams.get('oauth_token')!;
    expect(oauth1.seen.at(-1)).toMatchObject({ path: '/oauth/request_token', signatureValid: true });
    expect(oauth1.seen.at(-1)!.oauth.oauth_callback).toMatch(/\/api\/v1\/oauth1\/callback$/);

    const back = await follow(oauth1.approve(requestToken));
    expect(back.status, back.text).toBe(200);
    expect(oauth1.seen.at(-1)).toMatchObject({ path: '/oauth/access_token', signatureValid: true });
    expect((await stored(created.body.id)).oauthTokenData).toMatchObject({ oauth_token: expect.stringMatching(/^at-/), oauth_token_secret: expect.stringMatching(/^ats-/), screen_name: 'ada' });
  });

  it('refuses a wrong verifier with what the provider said, and an unknown request token', async () => {
    const created = await create('Wrong');
    const requestToken = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url).searchParams.get('oauth_token')!;
    oauth1.approve(requestToken);
    const wrong = await agent().get('/api/v1/oauth1/callback').query({ oauth_token: requestToken, oauth_verifier: 'guessed' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The OAuth1 provider refused the request (HTTP 401): oauth_problem=verifier_invalid');
    const unknown = await agent().get('/api/v1/oauth1/callback').query({ oauth_token: 'rt-nope', oauth_verifier: 'v' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('The OAuth1 request token is unknown or expired; start again');
  });

  it('signs HTTP Request calls with the connected account: query and form fields are covered by the signature', async () => {
    const created = await create('Signer');
    const requestToken = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url).searchParams.get('oauth_token')!;
    expect((await follow(oauth1.approve(requestToken))).status).toBe(200);
    const workflow = await post('/api/v1/workflows', {
      name: 'OAuth1 call', settings: { executionOrder: 'v1' },
      nodes: [
        { id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
        { id: 'h', name: 'HTTP', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [200, 0], parameters: {
          method: 'POST', url: `${oauth1.url}/api/statuses/update.json?trim user=1&lang=en`, authentication: 'genericCredentialType', genericAuthType: 'oAuth1Api',
          sendBody: true, contentType: 'form-urlencoded', bodyParameters: { parameters: [{ name: 'status', value: 'Hello, Ladies + Gentlemen, a signed OAuth request!' }] },
        }, credentials: { oAuth1Api: { id: created.body.id, name: 'Signer' } } },
      ],
      connections: { Start: { main: [[{ node: 'HTTP', type: 'main', index: 0 }]] } },
    });
    expect(workflow.status, workflow.text).toBe(201);
    const run = await post(`/api/v1/workflows/${workflow.body.id}/run?wait=true`, {});
    expect(run.status, run.text).toBe(201);
    expect(run.body.data.resultData.error, JSON.stringify(run.body.data.resultData.error)).toBeUndefined();
    const out = run.body.data.resultData.runData.HTTP[0].data.main[0][0].json;
    expect(out).toEqual({ ok: true, path: '/api/statuses/update.json', query: { 'trim user': '1', lang: 'en' }, form: { status: 'Hello, Ladies + Gentlemen, a signed OAuth request!' } });
    expect(oauth1.seen.at(-1)!.signatureValid).toBe(true);
  });
});
