// authenticate (generic headers/qs/body/auth and the function kind) and credential tests
// (request built from `test`, response judged by `rules`), with expressions run in the sandbox.
import { afterAll, describe, expect, it } from 'vitest';
import { authenticateRequest, credentialTestRequest, judgeCredentialTest } from './credential-auth.ts';
import { createCredentialEvaluator } from './parameters.ts';

// What running nodes resolve credential expressions with: paths directly, anything else in an isolate.
const ctx = createCredentialEvaluator();
afterAll(() => ctx.dispose());
import type { N8nCredentialType } from './n8n-types.ts';

const base = { name: 'demoApi', displayName: 'Demo', properties: [] };

describe('authenticateRequest', () => {
  it('puts resolved generic values into headers, qs, body and basic auth, keeping what was there', async () => {
    const type: N8nCredentialType = {
      ...base,
      authenticate: {
        type: 'generic',
        properties: {
          headers: { Authorization: '={{"Bearer " + $credentials.token}}', 'X-Static': 'yes' },
          qs: { api_key: '={{$credentials.key}}' },
          body: { account: '=acct-{{$credentials.account.id}}' },
          auth: { username: '={{$credentials.user}}', password: '={{$credentials.pass}}' },
        },
      },
    };
    const creds = { token: 't0k', key: 'k1', account: { id: 7 }, user: 'ann', pass: 's3cret' };
    const out = await authenticateRequest(type, creds, { url: '/x', headers: { Accept: 'application/json' }, qs: { page: 2 }, body: { a: 1 } }, ctx);
    expect(out.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer t0k', 'X-Static': 'yes' });
    expect(out.qs).toEqual({ page: 2, api_key: 'k1' });
    expect(out.body).toEqual({ a: 1, account: 'acct-7' });
    expect(out.auth).toEqual({ username: 'ann', password: 's3cret' });
  });

  it('leaves a text body alone and returns the request unchanged without authenticate', async () => {
    const type: N8nCredentialType = { ...base, authenticate: { type: 'generic', properties: { body: { k: '={{$credentials.k}}' } } } };
    const out = await authenticateRequest(type, { k: 'v' }, { url: '/x', method: 'POST', body: 'raw text' }, ctx);
    expect(out.body).toBe('raw text');
    const same = { url: '/y' };
    expect(await authenticateRequest(undefined, {}, same, ctx)).toBe(same);
    expect(await authenticateRequest({ ...base }, {}, same, ctx)).toBe(same);
  });

  it('calls the function kind with the credentials and uses what it returns', async () => {
    const type: N8nCredentialType = {
      ...base,
      authenticate: async (credentials, request) => ({ ...request, headers: { ...request.headers, 'X-Sig': `${credentials.id}:${request.url}` } }),
    };
    const out = await authenticateRequest(type, { id: 'abc' }, { url: '/items', headers: { A: '1' } }, ctx);
    expect(out.headers).toEqual({ A: '1', 'X-Sig': 'abc:/items' });
  });
});

describe('credential test', () => {
  const type: N8nCredentialType = {
    ...base,
    authenticate: { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } },
    test: {
      request: { baseURL: '={{$credentials.baseUrl}}', url: '/me' },
      rules: [
        { type: 'responseCode', properties: { value: 402, message: 'Out of credit' } },
        { type: 'responseSuccessBody', properties: { key: 'error.code', value: 'bad_key', message: 'Key rejected' } },
      ],
    },
  };

  it('builds the signed test request with statuses left to the judge', async () => {
    const built = await credentialTestRequest(type, { baseUrl: 'http://api.test/v2', apiKey: 'K' }, ctx);
    expect(built?.request).toMatchObject({ baseURL: 'http://api.test/v2', url: '/me', method: 'GET', headers: { Authorization: 'Bearer K' }, ignoreHttpStatusErrors: true, returnFullResponse: true });
    expect(built?.rules).toHaveLength(2);
    expect(await credentialTestRequest({ ...base }, {}, ctx)).toBeUndefined();
  });

  it('judges responses by the rules, then by status', async () => {
    const rules = (await credentialTestRequest(type, {}, ctx))!.rules;
    expect(judgeCredentialTest(rules, { statusCode: 200, body: { ok: true } })).toEqual({ status: 'OK', message: 'Connection successful!' });
    expect(judgeCredentialTest(rules, { statusCode: 402, body: {} })).toEqual({ status: 'Error', message: 'Out of credit' });
    expect(judgeCredentialTest(rules, { statusCode: 200, body: { error: { code: 'bad_key' } } })).toEqual({ status: 'Error', message: 'Key rejected' });
    expect(judgeCredentialTest(rules, { statusCode: 401, body: {} }).status).toBe('Error');
    expect(judgeCredentialTest([], { statusCode: 500, body: {} }).message).toMatch(/500/);
  });
});
