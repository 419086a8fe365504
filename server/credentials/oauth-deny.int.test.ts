// Connecting an account when the user says no on the provider's page: OAuth 1.0a comes back without
// an oauth_verifier (X sends `denied=<request token>`), OAuth2 with `error=access_denied` (RFC 6749
// §4.1.2.1). The popup gets a page saying so, an API client a JSON 400, nothing is stored, and the
// abandoned request token or state cannot be used afterwards.
import { randomUUID } from 'node:crypto';
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
/** The provider sends the browser (the popup: it accepts HTML) to our public URL; the test follows it to the app directly. */
const follow = (url: string, accept = 'text/html,application/xhtml+xml') => agent().get(new URL(url).pathname + new URL(url).search).set('Accept', accept);

describe('OAuth 1.0a: the user denies', () => {
  const start = async (name: string) => {
    const created = await post('/api/v1/credentials', { name, type: 'oAuth1Api', data: {
      authUrl: oauth1.authUrl, accessTokenUrl: oauth1.accessTokenUrl, requestTokenUrl: oauth1.requestTokenUrl, consumerKey: oauth1.consumerKey, consumerSecret: oauth1.consumerSecret,
    } });
    expect(created.status, created.text).toBe(201);
    const requestToken = new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url).searchParams.get('oauth_token')!;
    return { id: created.body.id as string, requestToken };
  };

  it('shows the popup a page that says so, stores nothing, and the request token is spent', async () => {
    const { id, requestToken } = await start('Denied');
    const back = await follow(oauth1.deny(requestToken));
    expect(back.status).toBe(400);
    expect(back.headers['content-type']).toMatch(/^text\/html/);
    expect(back.text).toContain('<h1 style="font:600 18px system-ui">Could not connect</h1>');
    expect(back.text).toContain('The provider refused: access was denied. The credential is not connected.');
    expect(back.text).toContain('"type":"weft:oauth-result","ok":false');
    expect((await stored(id)).oauthTokenData).toBeUndefined();
    const later = await agent().get('/api/v1/oauth1/callback').query({ oauth_token: requestToken, oauth_verifier: 'v-late' });
    expect(later.status).toBe(400);
    expect(later.body.message).toBe('The OAuth1 request token is unknown or expired; start again');
  });

  it('answers an API client with JSON: denied, no verifier, or nothing at all', async () => {
    const { id, requestToken } = await start('Denied JSON');
    const denied = await follow(oauth1.deny(requestToken), 'application/json');
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({ code: 'oauth1_refused', message: 'The provider refused: access was denied. The credential is not connected.', details: [{ path: 'denied', message: 'refused' }] });
    const noVerifier = await agent().get('/api/v1/oauth1/callback').query({ oauth_token: 'rt-x' });
    expect(noVerifier.status).toBe(400);
    expect(noVerifier.body.message).toBe('The provider refused: no oauth_verifier came back. The credential is not connected.');
    const nothing = await agent().get('/api/v1/oauth1/callback');
    expect(nothing.status).toBe(400);
    expect(nothing.body.code).toBe('oauth1_refused');
    expect((await stored(id)).oauthTokenData).toBeUndefined();
  });
});

describe('OAuth2: access_denied', () => {
  it('shows the popup the refusal, stores nothing, and the state cannot be used afterwards', async () => {
    const created = await post('/api/v1/credentials', { name: 'Denied OAuth2', type: 'oAuth2Api', data: {
      grantType: 'authorizationCode', authUrl: oauth2.authUrl, accessTokenUrl: oauth2.tokenUrl, clientId: oauth2.clientId, clientSecret: oauth2.clientSecret, scope: 'read',
    } });
    expect(created.status, created.text).toBe(201);
    const params = Object.fromEntries(new URL((await get(`/api/v1/credentials/${created.body.id}/oauth2/authorize`)).body.url).searchParams);
    const back = await agent().get('/api/v1/oauth2/callback').query({ error: 'access_denied', state: params.state }).set('Accept', 'text/html');
    expect(back.status).toBe(400);
    expect(back.text).toContain('The provider refused: access was denied. The credential is not connected.');
    expect(back.text).toContain('"ok":false');
    const json = await agent().get('/api/v1/oauth2/callback').query({ error: 'access_denied', error_description: 'The user declined.', state: params.state });
    expect(json.body).toEqual({ code: 'oauth2_refused', message: 'The provider refused: The user declined. The credential is not connected.', details: [{ path: 'error', message: 'refused' }] });
    const code = oauth2.issueCode(params.redirect_uri);
    const late = await agent().get('/api/v1/oauth2/callback').query({ code, state: params.state });
    expect(late.status).toBe(400);
    expect(late.body.message).toBe('The OAuth2 state is unknown or expired; start again');
    await expect(stored(created.body.id)).rejects.toThrow('The OAuth2 account is not connected yet');
    const noState = await agent().get('/api/v1/oauth2/callback').query({ code });
    expect(noState.status).toBe(400);
    expect(noState.body.code).toBe('oauth2_refused');
  });
});
