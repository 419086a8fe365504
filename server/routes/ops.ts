// Health, readiness and projection administration.
import { z } from 'zod';
import { NotFoundError } from '../../domain/index.ts';
import type { ProjectionRunner } from '../../projections/index.ts';
import { q, route, type Route } from '../http/route.ts';

export interface Backend {
  name: string;
  ping(): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;

async function check(backend: Backend): Promise<{ name: string; ok: boolean; error?: string }> {
  try {
    await Promise.race([
      backend.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref()),
    ]);
    return { name: backend.name, ok: true };
  } catch (error) {
    return { name: backend.name, ok: false, error: (error as Error).message };
  }
}

export interface ReadinessOptions {
  /** The log's head position, which every projection should reach. */
  headPosition(): Promise<number>;
  /** How long a projection may take to reach the head before it counts as behind. */
  projectionLagMs: number;
}

/**
 * Each projection: behind (it did not reach the head the log had at the check within the lag
 * allowed) and how many events it quarantined.
 */
async function projectionReadiness(projections: ProjectionRunner[], options: ReadinessOptions) {
  const head = await options.headPosition();
  return Promise.all(
    projections.map(async (p) => {
      const caughtUp = await p.reaches(head, options.projectionLagMs);
      const { name, checkpoint, quarantined, activeKey } = p.status();
      return { name, activeKey, checkpoint, head, behind: !caughtUp, quarantined };
    }),
  );
}

export function opsRoutes(backends: Backend[], projections: ProjectionRunner[], readiness: ReadinessOptions): Route[] {
  const byName = (name: string) => {
    const runner = projections.find((p) => p.name === name);
    if (!runner) throw new NotFoundError('Projection', name);
    return runner;
  };
  return [
    route({
      method: 'get', path: '/healthz', tag: 'ops', access: { kind: 'public' }, summary: 'Liveness: the process answers',
      responses: { 200: '`{status: "ok"}`' },
      async handler(ctx) {
        ctx.body = { status: 'ok' };
      },
    }),
    route({
      method: 'get', path: '/readyz', tag: 'ops', access: { kind: 'public' },
      summary: 'Readiness: every configured backend answers and every projection keeps up with the log',
      responses: {
        200: '`status` "ready", or "degraded" when a projection has quarantined events (it still serves)',
        503: 'Some backend does not answer, or some projection is behind the log',
      },
      async handler(ctx) {
        const [checks, states] = await Promise.all([Promise.all(backends.map(check)), projectionReadiness(projections, readiness)]);
        // Quarantined events are the owner's to look at, not a reason to take the instance out of
        // a load balancer; a backend down or a projection stuck behind the log is.
        const ok = checks.every((c) => c.ok) && states.every((p) => !p.behind);
        const degraded = states.some((p) => p.quarantined > 0);
        ctx.status = ok ? 200 : 503;
        ctx.body = { status: ok ? (degraded ? 'degraded' : 'ready') : 'unavailable', checks, projections: states };
      },
    }),
    route({
      method: 'get', path: '/api/v1/admin/projections', tag: 'ops', access: { kind: 'owner' }, summary: 'Status of every projection',
      responses: { 200: 'Name, version, serving key, checkpoint and quarantined event count of each projection' },
      async handler(ctx) {
        ctx.body = { data: projections.map((p) => p.status()) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/admin/projections/:name/quarantine', tag: 'ops', access: { kind: 'owner' },
      summary: 'Events a projection could not apply and set aside: position, stream, type, event id, error, when',
      params: z.object({ name: z.string().max(64) }),
      query: z.object({ limit: q.limit(1000, 100), cursor: q.cursor().optional() }),
      responses: { 200: '`{data, nextCursor}`, in log order', 404: 'Unknown projection' },
      async handler(ctx, { params, query }) {
        const page = await byName(params.name).quarantine(query.limit, query.cursor);
        ctx.body = { data: page.items, nextCursor: page.nextCursor ?? null };
      },
    }),
    route({
      method: 'post', path: '/api/v1/admin/projections/:name/rebuild', tag: 'ops', access: { kind: 'owner' },
      summary: 'Rebuild a projection from the first event while the current one serves, then swap',
      params: z.object({ name: z.string().max(64) }),
      responses: { 200: 'Status after the swap', 404: 'Unknown projection' },
      async handler(ctx, { params }) {
        ctx.body = await byName(params.name).rebuild();
      },
    }),
  ];
}
