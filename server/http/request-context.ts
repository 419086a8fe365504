// Who is asking and which request this is; the users issue replaces the anonymous actor.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Actor } from '../../domain/index.ts';
import type { RequestContext } from '../workflow-service.ts';

/** Until sign-in exists, every request acts as the local operator. */
export const LOCAL_ACTOR: Actor = { kind: 'user', id: 'local', name: 'Local operator' };

export async function assignRequestContext(ctx: Context, next: Next): Promise<void> {
  // Always fresh: event ids derive from it, so a client-chosen value could collide.
  const requestId = randomUUID();
  ctx.state.requestContext = { actor: LOCAL_ACTOR, requestId } satisfies RequestContext;
  ctx.set('X-Request-Id', requestId);
  await next();
}

export function requestContext(ctx: Context): RequestContext {
  return ctx.state.requestContext as RequestContext;
}
