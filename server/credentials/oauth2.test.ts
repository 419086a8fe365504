// Against a real OAuth2 provider on a local port (started here; no outside service needed).
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type OAuth2ApiData } from '../../domain/index.ts';
import {
  REFRESH_MARGIN_MS, authorizationUrl, clientCredentialsToken, ensureAccessToken, exchangeCode, refreshToken,
} from './oauth2.ts';
import { startTestOAuth2Provider, type TestOAuth2Provider } from './test-oauth2-provider.ts';

let provider: TestOAuth2Provider;
let credential: (more?: Partial<OAuth2ApiData>) => OAuth2ApiData;
const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

beforeAll(async () => {
  provider = await startTestOAuth2Provider();
  credential = (more = {}) => ({
    grantType: 'authorizationCode', authUrl: provider.authUrl, accessTokenUrl: provider.tokenUrl, clientId: provider.clientId,
    clientSecret: provider.clientSecret, scope: 'read write', authQueryParameters: '', authentication: 'header', ...more,
  });
});
afterAll(() => provider.close());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('client credentials', () => {
  it.each(['header', 'body'] as const)('gets a token with %s client authentication', async (authentication) => {
    const before = Date.now();
    const token = await clientCredentialsToken(credential({ grantType: 'clientCredentials', authentication }));
    expect(token).toEqual({ access_token: expect.stringMatching(/^cc-/), token_type: 'bearer', scope: 'read write', expires_at: expect.any(Number) });
    expect(token.expires_at).toBeGreaterThanOrEqual(before + 3600_000);
    expect(token.expires_at).toBeLessThanOrEqual(Date.now() + 3600_000);
    expect(provider.requests.at(-1)).toMatchObject({ grantType: 'client_credentials', clientAuth: authentication, params: { scope: 'read write' } });
    if (authentication === 'header') expect(provider.requests.at(-1)?.params).not.toHaveProperty('client_secret');
  });

  it('surfaces the provider error without the client secret', async () => {
    const error = await failure(clientCredentialsToken(credential({ clientSecret: 'wrong-secret-value' })));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/invalid_client: Client authentication failed/);
    expect(error.message).toContain('HTTP 401');

    provider.failNext(400, { error: 'invalid_scope', error_description: `scope denied for ${provider.clientSecret}` });
    const echoed = await failure(clientCredentialsToken(credential()));
    expect(echoed.message).toMatch(/invalid_scope/);
    expect(echoed.message).not.toContain(provider.clientSecret);
  });

  it('reports provider outages and unreachable endpoints as unavailable (retryable)', async () => {
    provider.failNext(503, { error: 'temporarily_unavailable' });
    const outage = await failure(clientCredentialsToken(credential()));
    expect(outage).toMatchObject({ code: 'unavailable', retryable: true });

    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = await failure(clientCredentialsToken(credential({ accessTokenUrl: `http://127.0.0.1:${closedPort}/token` })));
    expect(unreachable.code).toBe('unavailable');
    expect(unreachable.message).toMatch(/ECONNREFUSED/);
  });

  it('rejects a 200 answer that holds no access token', async () => {
    provider.failNext(200, { hello: 'world' });
    expect((await failure(clientCredentialsToken(credential()))).message).toMatch(/without an access_token/);
  });
});

describe('authorization code', () => {
  it('builds the authorization URL, keeping fixed parameters out of reach of extras', () => {
    const url = new URL(authorizationUrl(credential({ authQueryParameters: 'access_type=offline&prompt=consent&state=evil' }), { redirectUri, state: 's-1' }));
    expect(url.origin + url.pathname).toBe(`${provider.url}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 't1', response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri, state: 's-1',
      scope: 'read write', access_type: 'offline', prompt: 'consent',
    });
    expect(url.toString()).not.toContain(encodeURIComponent(provider.clientSecret));
  });

  it('exchanges a code for tokens, and refuses a reused code', async () => {
    const code = provider.issueCode(redirectUri);
    const token = await exchangeCode(credential({ authentication: 'body' }), { code, redirectUri });
    expect(token).toMatchObject({ access_token: expect.stringMatching(/^ac-/), refresh_token: expect.stringMatching(/^rt-/) });
    expect(provider.requests.at(-1)).toMatchObject({ grantType: 'authorization_code', clientAuth: 'body', params: { code, redirect_uri: redirectUri } });
    const reused = await failure(exchangeCode(credential(), { code, redirectUri }));
    expect(reused.message).toMatch(/invalid_grant/);
    expect(reused.message).not.toContain(code);
  });

  it('refreshes with the refresh token', async () => {
    const first = await exchangeCode(credential(), { code: provider.issueCode(redirectUri), redirectUri });
    const renewed = await refreshToken(credential({ oauthTokenData: first }));
    expect(renewed.access_token).toMatch(/^rf-/);
    expect(renewed.refresh_token).not.toBe(first.refresh_token);
    expect(provider.requests.at(-1)?.params.refresh_token).toBe(first.refresh_token);
  });
});

describe('ensureAccessToken', () => {
  it('uses a fresh token as is, without calling the provider', async () => {
    const count = provider.requests.length;
    const now = Date.now();
    const data = credential({ oauthTokenData: { access_token: 'still-good', refresh_token: 'x', expires_at: now + REFRESH_MARGIN_MS + 1000 } });
    expect(await ensureAccessToken(data, now)).toEqual({ accessToken: 'still-good' });
    expect(await ensureAccessToken(credential({ oauthTokenData: { access_token: 'no-expiry' } }), now)).toEqual({ accessToken: 'no-expiry' });
    expect(provider.requests.length).toBe(count);
  });

  it('refreshes a token that expires within the margin, and returns what to store', async () => {
    const first = await exchangeCode(credential(), { code: provider.issueCode(redirectUri), redirectUri });
    const now = first.expires_at! - REFRESH_MARGIN_MS + 1;
    const result = await ensureAccessToken(credential({ oauthTokenData: first }), now);
    expect(result.accessToken).toMatch(/^rf-/);
    expect(result.updatedTokenData).toMatchObject({ access_token: result.accessToken, refresh_token: expect.stringMatching(/^rt-/) });
  });

  it('fetches a new client credentials token when expired or missing', async () => {
    const expired = credential({ grantType: 'clientCredentials', oauthTokenData: { access_token: 'old', expires_at: Date.now() - 1 } });
    expect((await ensureAccessToken(expired)).accessToken).toMatch(/^cc-/);
    expect((await ensureAccessToken(credential({ grantType: 'clientCredentials' }))).updatedTokenData?.access_token).toMatch(/^cc-/);
  });

  it('renews on demand a token whose expiry is far off or unknown (force: the service refused it)', async () => {
    const first = await exchangeCode(credential(), { code: provider.issueCode(redirectUri), redirectUri });
    const count = provider.requests.length;
    const result = await ensureAccessToken(credential({ oauthTokenData: first }), Date.now(), { force: true });
    expect(result.accessToken).toMatch(/^rf-/);
    expect(provider.requests.slice(count)).toEqual([expect.objectContaining({ grantType: 'refresh_token', params: expect.objectContaining({ refresh_token: first.refresh_token }) })]);
    const noExpiry = { access_token: 'no-expiry', refresh_token: result.updatedTokenData!.refresh_token! };
    expect((await ensureAccessToken(credential({ oauthTokenData: noExpiry }), Date.now(), { force: true })).accessToken).toMatch(/^rf-/);
    const fresh = credential({ grantType: 'clientCredentials', oauthTokenData: { access_token: 'cc-old', expires_at: Date.now() + 3600_000 } });
    expect((await ensureAccessToken(fresh, Date.now(), { force: true })).accessToken).toMatch(/^cc-(?!old)/);
    const noRefresh = credential({ oauthTokenData: { access_token: 'refused' } });
    expect((await failure(ensureAccessToken(noRefresh, Date.now(), { force: true }))).message).toMatch(/refused the OAuth2 access token .*connect the account again/);
  });

  it('asks to reconnect when it cannot renew', async () => {
    expect((await failure(ensureAccessToken(credential()))).message).toMatch(/not connected/);
    const noRefresh = credential({ oauthTokenData: { access_token: 'old', expires_at: 0 } });
    expect((await failure(ensureAccessToken(noRefresh))).message).toMatch(/connect the account again/);
    const revoked = credential({ oauthTokenData: { access_token: 'old', refresh_token: 'rt-gone', expires_at: 0 } });
    const error = await failure(ensureAccessToken(revoked));
    expect(error.message).toMatch(/invalid_grant: Refresh token revoked/);
  });
});
