// Gives every request a fresh id: event ids derive from it, so a client-chosen value could collide.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';

export async function assignRequestId(ctx: Context, next: Next): Promise<void> {
  ctx.state.requestId = randomUUID();
  ctx.set('X-Request-Id', ctx.state.requestId);
  await next();
}
