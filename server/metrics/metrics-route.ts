// GET /metrics in Prometheus' text format. Mounted only when metrics are on (METRICS_ENABLED or
// METRICS_TOKEN); with a token, only `Authorization: Bearer <token>` reads them.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/index.ts';
import { route, type Route } from '../http/route.ts';
import type { Metrics } from './metrics.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Off, /metrics still answers JSON (404), not the editor's page that other unknown paths get. */
export function metricsRoutes(metrics: Metrics | undefined, token: string | undefined): Route[] {
  if (!metrics) {
    return [route({
      method: 'get', path: '/metrics', tag: 'ops', access: { kind: 'public' }, summary: 'Prometheus metrics: off (set METRICS_ENABLED=true or METRICS_TOKEN)',
      responses: { 404: 'Metrics are off' },
      async handler() {
        throw new AppError('not_found', 'Metrics are off: set METRICS_ENABLED=true or METRICS_TOKEN to serve them');
      },
    })];
  }
  // Compared as digests, so the comparison takes the same time whatever the length sent.
  const expected = token ? digest(token) : undefined;
  return [
    route({
      method: 'get', path: '/metrics', tag: 'ops', access: { kind: 'public' },
      summary: 'Prometheus metrics (METRICS_ENABLED or METRICS_TOKEN); with METRICS_TOKEN, send Authorization: Bearer <token>',
      headers: [{ name: 'Authorization', description: 'Bearer <METRICS_TOKEN>, when one is set' }],
      responses: { 200: 'Prometheus text format', 401: 'Missing or wrong bearer token' },
      async handler(ctx) {
        if (expected) {
          const match = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'));
          if (!match || !timingSafeEqual(digest(match[1]!.trim()), expected)) {
            ctx.set('WWW-Authenticate', 'Bearer realm="metrics"');
            throw new AppError('unauthenticated', 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>');
          }
        }
        ctx.type = metrics.registry.contentType;
        ctx.body = await metrics.registry.metrics();
      },
    }),
  ];
}
