// The address users reach this instance at, for links the server hands out (webhook URLs): the
// configured PUBLIC_URL, else the origin the request itself was sent to, so an instance on a
// random port or reached by its LAN address still gives URLs that answer.
import type { Context } from 'koa';

export function publicBase(ctx: Context, configured: string | null | undefined): string {
  return (configured || `${ctx.protocol}://${ctx.host}`).replace(/\/+$/, '');
}
