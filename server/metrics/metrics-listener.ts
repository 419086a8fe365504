// A worker's own /metrics on METRICS_PORT (a worker has no HTTP server): plain node:http, the same
// token rule as the server's route, JSON errors.
import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metrics } from './metrics.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

function json(res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify({ code, message, details: [] }));
}

export async function serveMetrics(metrics: Metrics, options: { port: number; host?: string; token?: string }): Promise<http.Server> {
  const expected = options.token ? digest(options.token) : undefined;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return json(res, 404, 'not_found', `No route for ${req.method} ${path}; this port serves GET /metrics`);
    if (req.method !== 'GET') return json(res, 405, 'method_not_allowed', `${req.method} is not allowed on /metrics; use GET`, { allow: 'GET' });
    if (expected) {
      const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      if (!match || !timingSafeEqual(digest(match[1]!.trim()), expected)) {
        return json(res, 401, 'unauthenticated', 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>', { 'www-authenticate': 'Bearer realm="metrics"' });
      }
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => json(res, 500, 'internal', err.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
