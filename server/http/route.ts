// A route is described once: its inputs as zod schemas, used both to validate requests and to
// generate the OpenAPI document.
import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { AppError, ValidationError, zodDetails } from '../../domain/index.ts';
import type { Guard } from './guard.ts';
import type { RouteAccess } from './route-access.ts';

export type { ResourceKind, RouteAccess } from './route-access.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface Route<P = any, Q = any, B = any> {
  method: Method;
  access: RouteAccess;
  /** Koa-router path, e.g. `/api/v1/workflows/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** JSON body; requests with a body must send `Content-Type: application/json`. */
  body?: z.ZodType<B>;
  /** Headers the route reads, for the OpenAPI document. */
  headers?: { name: string; description: string; required?: boolean }[];
  /** Status codes it answers with, and what they mean. */
  responses: Record<number, string>;
  handler: (ctx: Context, input: RouteInput<P, Q, B>) => Promise<void>;
}

/** Declares a route with its types inferred from the schemas. */
export function route<P = undefined, Q = undefined, B = undefined>(r: Route<P, Q, B>): Route<P, Q, B> {
  return r;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError(`Invalid ${where}`, zodDetails(parsed.error).map((d) => ({ ...d, path: d.path ? `${where}.${d.path}` : where })));
  }
  return parsed.data;
}

export function mountRoutes(router: Router, routes: Route[], guard: Guard): void {
  for (const r of routes) {
    router[r.method](r.path, async (ctx) => {
      // Access first: a resource of another workspace answers 404 whatever the input.
      await guard.check(ctx, r.access);
      const hasBody = Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
      if (r.body && hasBody && !ctx.is('application/json')) {
        throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
      }
      const rawBody = (ctx.request as { body?: unknown }).body;
      // A route whose body is optional takes a call without one (`.optional()` schemas).
      const bodyless = rawBody === undefined || !hasBody;
      if (r.body && bodyless && !r.body.safeParse(undefined).success) throw new ValidationError('A JSON body is required', [{ path: 'body', message: 'missing' }]);
      const input = {
        params: parse(r.params, ctx.params, 'params'),
        query: parse(r.query, ctx.query, 'query'),
        body: bodyless ? undefined : parse(r.body, rawBody, 'body'),
      };
      await r.handler(ctx, input);
    });
  }
}

/** Query-string helpers: every value arrives as a string. */
export const q = {
  limit: (max = 250, def = 50) => z.coerce.number().int().min(1).max(max).default(def),
  bool: () => z.enum(['true', 'false']).transform((v) => v === 'true'),
  cursor: () => z.string().min(1).max(2048),
};
