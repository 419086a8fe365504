// The webhook caller checks on a real Koa app (supertest, no port): JWT verification with a
// passphrase and with a PEM key, and the IP allow-list.
import Koa from 'koa';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/index.ts';
import { authenticateCall, checkCaller } from './webhook-checks.ts';

function app(credential: Record<string, unknown>, authentication = 'jwtAuth') {
  const koa = new Koa();
  koa.use(async (ctx) => {
    try {
      const { jwtPayload } = await authenticateCall(ctx, authentication, async () => credential);
      ctx.body = { jwtPayload: jwtPayload ?? null };
    } catch (err) {
      ctx.status = err instanceof AppError ? (err.code === 'unauthenticated' ? 401 : 403) : 500;
      ctx.body = { message: (err as Error).message };
    }
  });
  return koa.callback();
}

describe('JWT authentication', () => {
  it('accepts a token signed with the passphrase and hands on its payload', async () => {
    const secret = 'a-long-shared-secret-for-hs256!!';
    const token = await new SignJWT({ sub: 'ada', role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    const ok = await request(app({ keyType: 'passphrase', secret, algorithm: 'HS256' })).get('/').set('authorization', `Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(ok.body.jwtPayload).toMatchObject({ sub: 'ada', role: 'admin' });
    const wrong = await request(app({ keyType: 'passphrase', secret: 'another-secret-entirely-123456789', algorithm: 'HS256' })).get('/').set('authorization', `Bearer ${token}`);
    expect(wrong.status).toBe(403);
    expect((await request(app({ keyType: 'passphrase', secret })).get('/')).status).toBe(401);
  });

  it('verifies RS256 tokens with a PEM public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ sub: 'bob' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    const res = await request(app({ keyType: 'pemKey', publicKey: await exportSPKI(publicKey), algorithm: 'RS256' })).get('/').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.jwtPayload.sub).toBe('bob');
  });
});

describe('IP allow-list', () => {
  it('lets listed addresses through and refuses others', async () => {
    const koa = (list: string) => {
      const k = new Koa();
      k.use(async (ctx) => {
        try {
          checkCaller(ctx, { ipWhitelist: list });
          ctx.body = 'ok';
        } catch (err) {
          ctx.status = 403;
          ctx.body = (err as Error).message;
        }
      });
      return k.callback();
    };
    expect((await request(koa('127.0.0.1, 10.0.0.1')).get('/')).status).toBe(200);
    expect((await request(koa('10.0.0.1')).get('/')).status).toBe(403);
  });
});
