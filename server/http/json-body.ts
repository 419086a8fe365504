// Parses JSON request bodies within the configured size and depth, as strict UTF-8: a body that
// breaks a limit is refused with a JSON error naming the limit before any handler sees it.
import type Koa from 'koa';
import { readRaw } from './read-raw.ts';
import { parseJsonBytes } from './strict-json.ts';

export interface JsonBodyLimits {
  limitBytes: number;
  maxDepth: number;
}

export function jsonBody(limits: JsonBodyLimits): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.request.is('json') && ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      const raw = await readRaw(ctx.req, limits.limitBytes, 'JSON_BODY_LIMIT_BYTES');
      (ctx.request as { body?: unknown }).body = raw.length === 0 ? {} : parseJsonBytes(raw, limits.maxDepth);
    }
    await next();
  };
}
