import { createHmac, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const passphrase = { keyType: 'passphrase', secret: 'top-secret', algorithm: 'HS256' };
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = {
  keyType: 'pemKey', algorithm: 'RS256',
  privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

async function jwt(parameters: Record<string, unknown>, credentials: Record<string, unknown> = passphrase, items?: Item[], continueOnFail = false) {
  const result = await runChain([{ name: 'JWT', type: 'n8n-nodes-base.jwt', parameters, continueOnFail, credentials: { jwtAuth: { id: 'c', name: 'c' } } }], { credentials: { jwtAuth: credentials }, ...(items ? { items } : {}) });
  return { result, items: outputOf(result, 'JWT'), error: result.data.resultData.error?.message };
}

const part = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i], 'base64url').toString());
/** An HS256 token made without the node, to check the node against. */
function hs256(payload: object, secret = 'top-secret', header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('jwt sign', () => {
  it('signs the claims collection as is, adding iat, with a valid HS256 signature', async () => {
    const { items } = await jwt({ claims: { subject: 'u1', audience: 'web' }, options: { kid: 'k1' } });
    const token = items[0].json.token as string;
    expect(part(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    expect(part(token, 1)).toEqual({ subject: 'u1', audience: 'web', iat: expect.any(Number) });
    const [head, body, signature] = token.split('.');
    expect(createHmac('sha256', 'top-secret').update(`${head}.${body}`).digest('base64url')).toBe(signature);
  });

  it('signs JSON claims with an RSA key that the public key verifies', async () => {
    const { items } = await jwt({ useJson: true, claimsJson: '{"role":"admin","n":1}' }, pem);
    const token = items[0].json.token as string;
    expect(part(token, 1)).toMatchObject({ role: 'admin', n: 1 });
    const [head, body, signature] = token.split('.');
    expect(verifySignature('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  });

  it('names bad JSON claims', async () => {
    expect((await jwt({ useJson: true, claimsJson: '{nope' })).error).toBe("The 'Payload Claims (JSON)' parameter is not valid JSON");
  });
});

describe('jwt verify and decode', () => {
  const now = Math.floor(Date.now() / 1000);

  it('verifies a token signed elsewhere and returns its payload, or all of it', async () => {
    const token = hs256({ sub: 'x', exp: now + 60 });
    expect((await jwt({ operation: 'verify', token })).items[0].json).toEqual({ payload: { sub: 'x', exp: now + 60 } });
    const complete = (await jwt({ operation: 'verify', token, options: { complete: true } })).items[0].json;
    expect(complete).toEqual({ header: { alg: 'HS256', typ: 'JWT' }, payload: { sub: 'x', exp: now + 60 }, signature: token.split('.')[2] });
  });

  it('round-trips RS256: sign then verify with the PEM credential', async () => {
    const signed = await jwt({ claims: { subject: 's' } }, pem);
    const { items } = await jwt({ operation: 'verify', token: signed.items[0].json.token }, pem);
    expect((items[0].json.payload as { subject: string }).subject).toBe('s');
  });

  it('refuses a wrong secret, an expired or not yet valid token, another algorithm, a malformed token', async () => {
    expect((await jwt({ operation: 'verify', token: hs256({ a: 1 }, 'other') })).error).toBe("The JWT token can't be verified");
    expect((await jwt({ operation: 'verify', token: hs256({ exp: now - 10 }) })).error).toBe('jwt expired');
    expect((await jwt({ operation: 'verify', token: hs256({ exp: now - 10 }), options: { clockTolerance: 60 } })).error).toBeUndefined();
    expect((await jwt({ operation: 'verify', token: hs256({ exp: now - 10 }), options: { ignoreExpiration: true } })).error).toBeUndefined();
    expect((await jwt({ operation: 'verify', token: hs256({ nbf: now + 100 }) })).error).toBe('jwt not active');
    expect((await jwt({ operation: 'verify', token: hs256({ nbf: now + 100 }), options: { ignoreNotBefore: true } })).error).toBeUndefined();
    expect((await jwt({ operation: 'verify', token: hs256({ a: 1 }), options: { algorithm: 'HS512' } })).error).toBe('invalid algorithm');
    expect((await jwt({ operation: 'verify', token: 'abc.def' })).error).toBe('jwt malformed');
    expect((await jwt({ operation: 'verify', token: '' })).error).toBe('The JWT token was not provided');
  });

  it('decodes without checking the signature; null payload for a non-token', async () => {
    const token = hs256({ a: 1 }, 'whatever');
    expect((await jwt({ operation: 'decode', token })).items[0].json).toEqual({ payload: { a: 1 } });
    expect((await jwt({ operation: 'decode', token, options: { complete: true } })).items[0].json.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect((await jwt({ operation: 'decode', token: 'not-a-token' })).items[0].json).toEqual({ payload: null });
  });

  it('continueOnFail: the failing item carries the error (the engine shows it as json.error, as n8n) and the next goes on', async () => {
    const { items } = await jwt({ operation: 'verify', token: '={{ $json.t }}' }, passphrase, [{ json: { t: hs256({ a: 1 }, 'bad') } }, { json: { t: hs256({ a: 2 }) } }], true);
    expect(items[0].json).toEqual({ error: "The JWT token can't be verified" });
    expect(items[1].json).toEqual({ payload: { a: 2 } });
  });
});
