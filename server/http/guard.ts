// Authentication and authorization for every REST route, in one place (see RouteAccess).
import type { Context } from 'koa';
import { AppError, NotFoundError, ValidationError } from '../../domain/index.ts';
import type { AccessControl, ResourceOwner } from '../auth/access-control.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import type { RequestContext } from '../commands.ts';
import type { ResourceKind, RouteAccess } from './route-access.ts';

export const SESSION_COOKIE = 'weft_session';

export interface AuthState {
  principal?: Principal;
  /** The workspace a `workspace` or `resource` route acts in. */
  workspaceId?: string;
}

export interface Guard {
  check(ctx: Context, access: RouteAccess): Promise<void>;
}

export interface GuardDeps {
  access: AccessControl;
  sessionPrincipal(token: string): Promise<Principal | undefined>;
  apiKeyPrincipal(key: string): Promise<Principal | undefined>;
  resources: Record<ResourceKind, (id: string) => Promise<ResourceOwner | undefined>>;
}

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

type Authenticators = Pick<GuardDeps, 'sessionPrincipal' | 'apiKeyPrincipal'>;

/** Finds who is calling: an API key (X-API-KEY, or n8n's X-N8N-API-KEY) or a session cookie. */
export function authenticate(ctx: Context, deps: Authenticators): Promise<Principal | undefined> {
  return authenticateCredentials({ apiKey: ctx.get('x-api-key') || ctx.get('x-n8n-api-key'), sessionToken: ctx.cookies.get(SESSION_COOKIE) }, deps);
}

/**
 * The same, from raw request headers: for the WebSocket upgrades of the live channels (Socket.IO,
 * Yjs), which do not go through Koa.
 */
export function authenticateHeaders(headers: Record<string, string | string[] | undefined>, deps: Authenticators): Promise<Principal | undefined> {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const cookie = (header('cookie') ?? '').split(';').map((c) => c.trim().split('=')).find(([name]) => name === SESSION_COOKIE);
  return authenticateCredentials({ apiKey: header('x-api-key') || header('x-n8n-api-key'), sessionToken: cookie?.[1] ? decodeURIComponent(cookie[1]) : undefined }, deps);
}

async function authenticateCredentials(given: { apiKey?: string; sessionToken?: string }, deps: Authenticators): Promise<Principal | undefined> {
  if (given.apiKey) {
    const principal = await deps.apiKeyPrincipal(given.apiKey);
    if (!principal) throw new AppError('unauthenticated', 'The API key is not valid, or it was revoked');
    return principal;
  }
  return given.sessionToken ? deps.sessionPrincipal(given.sessionToken) : undefined;
}

export function createGuard(deps: GuardDeps): Guard {
  return {
    async check(ctx, access) {
      const state = (ctx.state.auth ??= {}) as AuthState;
      if (access.kind === 'public') {
        state.principal = await authenticate(ctx, deps).catch(() => undefined);
        return;
      }
      const principal = await authenticate(ctx, deps);
      if (!principal) throw new AppError('unauthenticated', 'Sign in, or send an API key in X-API-KEY');
      state.principal = principal;
      switch (access.kind) {
        case 'signedIn':
          return;
        case 'owner':
          if (principal.instanceRole !== 'owner') throw new AppError('forbidden', 'Only the instance owner may do this');
          return;
        case 'workspace': {
          const requested = ctx.get('x-workspace-id') || undefined;
          if (requested && !WORKSPACE_ID.test(requested)) throw new ValidationError('X-Workspace-Id is not a workspace id', [{ path: 'headers.x-workspace-id', message: 'invalid' }]);
          const current = await deps.access.currentWorkspace(principal, requested);
          await deps.access.authorize(principal, { workspaceId: current.workspaceId }, access.level, 'Workspace', current.workspaceId);
          state.workspaceId = current.workspaceId;
          return;
        }
        case 'resource': {
          const id = String(ctx.params[access.param] ?? '');
          if (!WORKSPACE_ID.test(id)) throw new NotFoundError(access.resource, id);
          const owner = await deps.resources[access.resource](id);
          await deps.access.authorize(principal, owner, access.level, access.resource, id);
          state.workspaceId = owner!.workspaceId;
          return;
        }
      }
    },
  };
}

export function authState(ctx: Context): AuthState {
  return (ctx.state.auth ?? {}) as AuthState;
}

/** The signed-in principal of a route that requires one. */
export function principalOf(ctx: Context): Principal {
  const principal = authState(ctx).principal;
  if (!principal) throw new AppError('unauthenticated', 'Sign in first');
  return principal;
}

/** The workspace a `workspace` or `resource` route acts in. */
export function workspaceOf(ctx: Context): string {
  const workspaceId = authState(ctx).workspaceId;
  if (!workspaceId) throw new AppError('internal', 'Route has no workspace context');
  return workspaceId;
}

/** Who is acting and which request this is, for commands. */
export function requestContext(ctx: Context): RequestContext {
  const principal = authState(ctx).principal;
  return {
    actor: principal ? actorOf(principal) : { kind: 'system', id: 'anonymous' },
    requestId: ctx.state.requestId as string,
  };
}
