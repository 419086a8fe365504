// Counts and times every HTTP request by its route *pattern* (never the raw path, so the number
// of series stays bounded). Runs first, so webhook calls (answered before the router) count too.
import type Koa from 'koa';
import type { Metrics } from './metrics.ts';

/** Paths answered outside the route table, by prefix; anything else unmatched is 'other'. */
const PREFIXES: [string, string][] = [
  ['/webhook-test/', '/webhook-test/*'],
  ['/webhook-waiting/', '/webhook-waiting/*'],
  ['/webhook/', '/webhook/*'],
  ['/api/', 'unmatched'],
];

function routeLabel(ctx: Koa.Context): string {
  const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  if (typeof matched === 'string') return matched;
  const path = ctx.path;
  for (const [prefix, label] of PREFIXES) if (path.startsWith(prefix)) return label;
  return ctx.status === 404 ? 'unmatched' : 'editor';
}

/** Status codes as label strings, made once (the webhook path is hot). */
const STATUS = Array.from({ length: 600 }, (_, i) => String(i));

export function httpMetrics(metrics: Metrics): Koa.Middleware {
  const { httpRequests, httpDuration } = metrics;
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const labels = { method: ctx.method, route: routeLabel(ctx), status: STATUS[ctx.status] ?? String(ctx.status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
