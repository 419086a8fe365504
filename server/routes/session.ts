// Routes for the signed-in person: first-start setup, sign-in and out, their profile, password and API keys.
import type { Context } from 'koa';
import { z } from 'zod';
import type { IdentityService } from '../auth/identity-service.ts';
import type { AccessControl } from '../auth/access-control.ts';
import type { SignInLimiter } from '../auth/sign-in-limiter.ts';
import { PASSWORD_MAX } from '../auth/secrets.ts';
import { principalOf, requestContext, SESSION_COOKIE } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';

export interface SessionRouteDeps {
  identity: IdentityService;
  access: AccessControl;
  limiter: SignInLimiter;
  sessionTtlMs: number;
  cookieSecure: boolean;
}

const email = z.string().max(254);
const password = z.string().max(PASSWORD_MAX);

function setSessionCookie(ctx: Context, token: string, deps: SessionRouteDeps): void {
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, maxAge: deps.sessionTtlMs, path: '/', overwrite: true,
  });
}

export function sessionRoutes(deps: SessionRouteDeps): Route[] {
  const { identity, access, limiter } = deps;
  const publicUser = (u: { id: string; email: string; name: string; instanceRole: string; disabled: boolean }) =>
    ({ id: u.id, email: u.email, name: u.name, instanceRole: u.instanceRole, disabled: u.disabled });

  return [
    route({
      method: 'get', path: '/api/v1/setup', tag: 'auth', summary: 'Whether the instance still needs its owner', access: { kind: 'public' },
      responses: { 200: '`{needsSetup}`' },
      async handler(ctx) {
        ctx.body = { needsSetup: (await identity.userCount()) === 0 };
      },
    }),
    route({
      method: 'post', path: '/api/v1/setup', tag: 'auth', summary: 'First start: create the owner and the default workspace, and sign in',
      access: { kind: 'public' },
      body: z.object({ email, name: z.string().max(128), password }).strict(),
      responses: { 201: 'The owner, signed in', 400: 'Invalid input', 409: 'Already set up' },
      async handler(ctx, { body }) {
        const owner = await identity.setupOwner(body, requestContext(ctx));
        const { token } = await identity.signIn(body.email, body.password, requestContext(ctx));
        setSessionCookie(ctx, token, deps);
        ctx.status = 201;
        ctx.body = publicUser(owner);
      },
    }),
    route({
      method: 'post', path: '/api/v1/auth/signin', tag: 'auth', summary: 'Sign in with email and password (sets an httpOnly session cookie)',
      access: { kind: 'public' },
      body: z.object({ email, password }).strict(),
      responses: { 200: 'The user', 400: 'Invalid input', 401: 'Wrong email or password', 403: 'Disabled', 429: 'Too many failed attempts' },
      async handler(ctx, { body }) {
        const key = `${ctx.ip}|${body.email.trim().toLowerCase()}`;
        await limiter.check(key);
        try {
          const { token, user } = await identity.signIn(body.email, body.password, requestContext(ctx));
          await limiter.succeed(key);
          setSessionCookie(ctx, token, deps);
          ctx.body = publicUser(user);
        } catch (error) {
          await limiter.fail(key);
          throw error;
        }
      },
    }),
    route({
      method: 'post', path: '/api/v1/auth/signout', tag: 'auth', summary: 'End this session', access: { kind: 'signedIn' },
      responses: { 204: 'Signed out', 401: 'Not signed in' },
      async handler(ctx) {
        await identity.signOut(principalOf(ctx), requestContext(ctx));
        ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure, maxAge: 0, path: '/' });
        ctx.status = 204;
      },
    }),
    route({
      method: 'get', path: '/api/v1/me', tag: 'auth', summary: 'Who I am, and my workspaces with my role in each', access: { kind: 'signedIn' },
      responses: { 200: 'The user and workspaces', 401: 'Not signed in' },
      async handler(ctx) {
        const p = principalOf(ctx);
        ctx.body = {
          id: p.userId, email: p.email, name: p.name, instanceRole: p.instanceRole,
          via: p.apiKey ? 'apiKey' : 'session', workspaces: await access.workspacesOf(p),
        };
      },
    }),
    route({
      method: 'post', path: '/api/v1/me/password', tag: 'auth', summary: 'Change my password (ends my other sessions)', access: { kind: 'signedIn' },
      body: z.object({ currentPassword: password, newPassword: password }).strict(),
      responses: { 204: 'Changed', 400: 'Wrong current password or invalid new one' },
      async handler(ctx, { body }) {
        await identity.changePassword(principalOf(ctx), body.currentPassword, body.newPassword, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'get', path: '/api/v1/api-keys', tag: 'auth', summary: 'My API keys (never the keys themselves)', access: { kind: 'signedIn' },
      responses: { 200: '`{data}`' },
      async handler(ctx) {
        ctx.body = { data: await identity.listApiKeys(principalOf(ctx).userId) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/api-keys', tag: 'auth', summary: 'Create an API key for the current workspace; the key is shown once',
      access: { kind: 'workspace', level: 'read' },
      body: z.object({ label: z.string().max(128).default('') }).strict(),
      responses: { 201: '`{key, apiKey}`', 400: 'Invalid input' },
      async handler(ctx, { body }) {
        const p = principalOf(ctx);
        const current = await access.currentWorkspace(p, ctx.get('x-workspace-id') || undefined);
        ctx.status = 201;
        ctx.body = await identity.createApiKey(p.userId, current.workspaceId, body.label, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/api-keys/:keyId', tag: 'auth', summary: 'Revoke one of my API keys', access: { kind: 'signedIn' },
      params: z.object({ keyId: z.string().max(64) }),
      responses: { 204: 'Revoked', 404: 'Not my key' },
      async handler(ctx, { params }) {
        await identity.revokeApiKey(principalOf(ctx).userId, params.keyId, requestContext(ctx));
        ctx.status = 204;
      },
    }),
  ];
}
