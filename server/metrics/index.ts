// Prometheus metrics (issue 20): the registry and its metrics, the HTTP middleware, /metrics.
export { createMetrics, type GaugeSources, type Metrics } from './metrics.ts';
export { httpMetrics } from './http-metrics.ts';
export { metricsRoutes } from './metrics-route.ts';
export { followRunMetrics } from './run-metrics.ts';
export { timeAppends } from './timed-event-store.ts';
export { serveMetrics } from './metrics-listener.ts';
