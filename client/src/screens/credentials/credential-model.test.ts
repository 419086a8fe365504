// What an edit sends back and which credentials connect through a browser, on the real oAuth2Api
// type as the server lists it.
import { describe, expect, it } from 'vitest';
import { getCredentialType, REDACTED as SERVER_REDACTED } from '../../../../domain/index.ts';
import { connectsInBrowser, editValues, patchBody, REDACTED, shownFields, type CredType } from './credential-model.ts';

const oauth2 = { ...getCredentialType('oAuth2Api')!, oauth: 'oAuth2' } as unknown as CredType;
const stored = {
  id: 'c1', name: 'Mine', type: 'oAuth2Api',
  data: { grantType: 'authorizationCode', authUrl: 'https://p/auth', accessTokenUrl: 'https://p/token', clientId: 'app', clientSecret: REDACTED, scope: 'a', authQueryParameters: '', authentication: 'header', oauthTokenData: REDACTED },
};

describe('credential model', () => {
  it('prefills non-secret values and leaves secrets and token data out', () => {
    const values = editValues(oauth2, stored.data);
    expect(values).toMatchObject({ clientId: 'app', scope: 'a', clientSecret: '' });
    expect(values).not.toHaveProperty('oauthTokenData');
    expect(shownFields(oauth2, values).map((f) => f.name)).not.toContain('oauthTokenData');
  });

  it('sends nothing when nothing changed, and the whole data with secrets as the placeholder when one value did', () => {
    const values = editValues(oauth2, stored.data);
    expect(patchBody(oauth2, stored, 'Mine', values)).toEqual({});
    expect(patchBody(oauth2, stored, 'Renamed', values)).toEqual({ name: 'Renamed' });
    const body = patchBody(oauth2, stored, 'Mine', { ...values, scope: 'a b' });
    expect(body.name).toBeUndefined();
    expect(body.data).toMatchObject({ scope: 'a b', clientSecret: REDACTED, clientId: 'app' });
    expect(body.data).not.toHaveProperty('oauthTokenData');
    expect(patchBody(oauth2, stored, 'Mine', { ...values, clientSecret: 'new' }).data).toMatchObject({ clientSecret: 'new' });
  });

  it('connects in a browser only with the authorization code or PKCE grant', () => {
    expect(connectsInBrowser(oauth2, { grantType: 'pkce' })).toBe(true);
    expect(connectsInBrowser(oauth2, {})).toBe(true); // the default grant is the authorization code
    expect(connectsInBrowser(oauth2, { grantType: 'clientCredentials' })).toBe(false);
    expect(connectsInBrowser({ ...oauth2, oauth: undefined }, {})).toBe(false);
  });

  it("writes the server's placeholder for a secret as the server does", () => {
    expect(REDACTED).toBe(SERVER_REDACTED);
  });
});
