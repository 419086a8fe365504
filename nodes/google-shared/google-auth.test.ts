// Unit tests of the service-account assertion: its claims and signature, and keys pasted badly.
import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { normalisePrivateKey, serviceAccountAssertion } from './google-auth.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('service account assertion', () => {
  it('is an RS256 JWT from the account, for the delegated user, with the scopes and an hour of life', async () => {
    const jwt = await serviceAccountAssertion({ email: ' sa@p.iam.gserviceaccount.com ', privateKey: pem, delegatedEmail: 'ann@example.com' }, ['s1', 's2'], 1_700_000_000);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256'), { currentDate: new Date(1_700_000_100_000) });
    expect(payload).toEqual({ iss: 'sa@p.iam.gserviceaccount.com', sub: 'ann@example.com', scope: 's1 s2', aud: 'https://oauth2.googleapis.com/token', iat: 1_700_000_000, exp: 1_700_003_600 });
  });

  it('reads keys with literal \\n or with line breaks turned into spaces', async () => {
    const escaped = pem.trim().replace(/\n/g, '\\n');
    const spaced = pem.trim().replace(/\n/g, ' ');
    expect(normalisePrivateKey(escaped)).toBe(pem);
    expect(normalisePrivateKey(spaced)).toBe(pem);
    await expect(serviceAccountAssertion({ email: 'a@b', privateKey: spaced }, ['s'])).resolves.toMatch(/^ey/);
  });
});
