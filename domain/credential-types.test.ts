import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_TYPES, REDACTED, applyCredentialInput, credentialField, getCredentialType, mergeRedacted, parseCredentialData,
  redactCredentialData, registerCredentialTypes, secretFieldNames,
} from './credential-types.ts';
import { ValidationError } from './errors.ts';

// Shaped like the HTTP credential types that live beside their node (nodes/http-request).
registerCredentialTypes('test-nodes', [
  { name: 'httpHeaderAuth', displayName: 'Header Auth', testable: false, fields: [
    credentialField.text('name', 'Name', { required: true }), credentialField.secret('value', 'Value', { required: true }),
  ] },
  { name: 'httpBearerAuth', displayName: 'Bearer Auth', testable: false, fields: [credentialField.secret('token', 'Bearer Token', { required: true })] },
]);

function problems(typeName: string, data: unknown): { path?: string; message: string }[] {
  try {
    parseCredentialData(typeName, data);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
}

const oauth = {
  grantType: 'clientCredentials', accessTokenUrl: 'https://id.example.com/token', clientId: 'app', clientSecret: 's3cret',
};

describe('credential type descriptions', () => {
  it('uses n8n type names and marks what the server can test', () => {
    expect(CREDENTIAL_TYPES.map((t) => t.name)).toEqual([
      'oAuth2Api', 'oAuth1Api', 'postgres', 'mySql', 'redis', 'smtp', 'genericApiKey',
    ]);
    expect(CREDENTIAL_TYPES.filter((t) => t.testable).map((t) => t.name)).toEqual(['oAuth2Api', 'postgres', 'mySql', 'redis', 'smtp']);
  });

  it('is plain data that survives JSON, so the editor can render forms from it', () => {
    expect(JSON.parse(JSON.stringify(CREDENTIAL_TYPES))).toEqual(CREDENTIAL_TYPES);
  });

  it('gives every type at least one secret, and only known field names in showWhen', () => {
    for (const type of CREDENTIAL_TYPES) {
      expect(secretFieldNames(type).length, type.name).toBeGreaterThan(0);
      const names = type.fields.map((f) => f.name);
      for (const f of type.fields) for (const other of Object.keys(f.showWhen ?? {})) expect(names).toContain(other);
    }
  });

  it('finds types by name and not by prototype keys', () => {
    expect(getCredentialType('postgres')?.displayName).toBe('Postgres');
    expect(getCredentialType('constructor')).toBeUndefined();
    expect(secretFieldNames('oAuth2Api')).toEqual(['clientSecret', 'oauthTokenData']);
  });
});

describe('parseCredentialData', () => {
  it('applies defaults', () => {
    expect(parseCredentialData('postgres', { password: 'pw' })).toEqual({
      host: 'localhost', port: 5432, database: 'postgres', user: 'postgres', password: 'pw', ssl: 'disable',
    });
    expect(parseCredentialData('redis', {})).toEqual({ host: 'localhost', port: 6379, database: 0 });
    expect(parseCredentialData('smtp', { host: 'mail.example.com' })).toMatchObject({ port: 465, secure: true });
    expect(parseCredentialData('genericApiKey', { key: 'k' })).toEqual({ key: 'k', headerName: 'X-API-KEY' });
    expect(parseCredentialData('oAuth2Api', oauth)).toMatchObject({ authentication: 'header', scope: '', authQueryParameters: '' });
  });

  it('rejects unknown fields, wrong types and missing required fields with dotted paths', () => {
    expect(problems('postgres', { port: '5432', sslmode: 'x', ssl: 'verify-full' })).toEqual([
      { path: 'port', message: expect.stringMatching(/number/) },
      { path: 'ssl', message: expect.any(String) },
      { path: 'sslmode', message: 'Unknown field' },
    ]);
    expect(problems('httpHeaderAuth', { name: '' })).toEqual([
      { path: 'name', message: 'Name is required' },
      { path: 'value', message: 'Value is required' },
    ]);
    expect(problems('redis', { port: 70000, database: 1.5 }).map((p) => p.path)).toEqual(['port', 'database']);
    expect(problems('smtp', { host: 'http://mail.example.com/' }).map((p) => p.path)).toEqual(['host']);
  });

  it('requires authUrl only for the authorization code grant, and checks URLs', () => {
    expect(problems('oAuth2Api', oauth)).toEqual([]);
    expect(problems('oAuth2Api', { ...oauth, grantType: 'authorizationCode' })).toEqual([{ path: 'authUrl', message: 'Authorization URL is required' }]);
    expect(problems('oAuth2Api', { ...oauth, accessTokenUrl: 'ftp://x/token' })).toEqual([{ path: 'accessTokenUrl', message: 'Expected an http(s) URL' }]);
  });

  it('validates server-managed token data with nested paths', () => {
    expect(problems('oAuth2Api', { ...oauth, oauthTokenData: { access_token: 1 } }).map((p) => p.path)).toEqual(['oauthTokenData.access_token']);
  });

  it('refuses non-objects, unknown types and a REDACTED placeholder left in', () => {
    expect(() => parseCredentialData('postgres', [])).toThrow(ValidationError);
    expect(problems('nope', {})).toEqual([{ path: 'type', message: expect.stringContaining('postgres') }]);
    expect(problems('httpBearerAuth', { token: REDACTED })).toEqual([{ path: 'token', message: expect.stringMatching(/placeholder/) }]);
  });
});

describe('redaction', () => {
  const stored = parseCredentialData('oAuth2Api', { ...oauth, oauthTokenData: { access_token: 'at', refresh_token: 'rt', expires_at: 1 } });

  it('hides every secret and the token data, and nothing else', () => {
    const view = redactCredentialData('oAuth2Api', stored);
    expect(view).toEqual({ ...stored, clientSecret: REDACTED, oauthTokenData: REDACTED });
    expect(JSON.stringify(view)).not.toMatch(/s3cret|"at"|rt/);
    expect(redactCredentialData('redis', { host: 'h', port: 1, database: 0 })).toEqual({ host: 'h', port: 1, database: 0 });
  });

  it('keeps secrets when the redacted view is sent back, and takes new values when given', () => {
    const view = redactCredentialData('oAuth2Api', stored);
    expect(applyCredentialInput('oAuth2Api', view, stored)).toEqual(stored);
    const changed = applyCredentialInput('oAuth2Api', { ...view, clientSecret: 'new', scope: 'read' }, stored);
    expect(changed).toMatchObject({ clientSecret: 'new', scope: 'read', oauthTokenData: stored.oauthTokenData });
  });

  it('never lets user input set or clear server-managed token data', () => {
    const forged = { ...oauth, oauthTokenData: { access_token: 'forged' } };
    expect(applyCredentialInput('oAuth2Api', forged)).not.toHaveProperty('oauthTokenData');
    expect(mergeRedacted('oAuth2Api', stored, forged)).toMatchObject({ oauthTokenData: stored.oauthTokenData });
    const { oauthTokenData: _dropped, ...withoutTokens } = redactCredentialData('oAuth2Api', stored);
    expect(mergeRedacted('oAuth2Api', stored, withoutTokens)).toMatchObject({ oauthTokenData: stored.oauthTokenData });
  });

  it('reports a REDACTED secret with nothing stored as missing, and a REDACTED non-secret as invalid', () => {
    expect(() => applyCredentialInput('httpBearerAuth', { token: REDACTED })).toThrow(/not valid/);
    try {
      applyCredentialInput('httpHeaderAuth', { name: REDACTED, value: REDACTED }, { name: 'X', value: 'v' });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).details).toEqual([{ path: 'name', message: expect.stringMatching(/placeholder/) }]);
    }
  });

  it('lets an optional secret be cleared by leaving it out', () => {
    const prev = parseCredentialData('redis', { password: 'pw' });
    expect(applyCredentialInput('redis', { host: 'localhost' }, prev)).not.toHaveProperty('password');
  });
});
