// Health, readiness and projection administration.
import { z } from 'zod';
import { NotFoundError } from '../../domain/index.ts';
import type { ProjectionRunner } from '../../projections/index.ts';
import { route, type Route } from '../http/route.ts';

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

export function opsRoutes(backends: Backend[], projections: ProjectionRunner[]): Route[] {
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
      method: 'get', path: '/readyz', tag: 'ops', access: { kind: 'public' }, summary: 'Readiness: every configured backend answers',
      responses: { 200: 'All backends answer', 503: 'Some backend does not answer' },
      async handler(ctx) {
        const checks = await Promise.all(backends.map(check));
        const ok = checks.every((c) => c.ok);
        ctx.status = ok ? 200 : 503;
        ctx.body = { status: ok ? 'ready' : 'unavailable', checks, projections: projections.map((p) => p.status()) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/admin/projections', tag: 'ops', access: { kind: 'owner' }, summary: 'Status of every projection',
      responses: { 200: 'Name, version, serving key and checkpoint of each projection' },
      async handler(ctx) {
        ctx.body = { data: projections.map((p) => p.status()) };
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
