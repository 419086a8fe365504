// REST routes for insights: the current workspace's, and one workflow's (members read).
import { z } from 'zod';
import { workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { InsightsService } from './insights-service.ts';
import { PERIODS, type Period } from './summarise.ts';

const period = z.object({ period: z.enum(Object.keys(PERIODS) as [Period, ...Period[]]).default('7d') }).strict();
const FIGURES = 'runs, failures, failureRate, runTime: {p50Ms, p95Ms, averageMs}, timeSavedMinutes';

export function insightsRoutes(insights: InsightsService): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/insights', tag: 'insights',
      summary: "The current workspace's production runs over `period` (24h, 7d or 30d; default 7d): totals, the busiest and most failing workflows, a time series",
      access: { kind: 'workspace', level: 'read' }, query: period,
      responses: { 200: `\`{period, since, until, ${FIGURES}, busiest, mostFailing, series}\``, 400: 'Unknown period' },
      async handler(ctx, { query }) {
        ctx.body = await insights.workspace(workspaceOf(ctx), query.period);
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/insights', tag: 'insights', summary: "One workflow's production runs over `period` (24h, 7d or 30d; default 7d)",
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' },
      params: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id') }), query: period,
      responses: { 200: `\`{workflowId, name, timeSavedPerExecution, period, since, until, ${FIGURES}, series}\``, 400: 'Unknown period', 404: 'Unknown workflow' },
      async handler(ctx, { params, query }) {
        ctx.body = await insights.workflow(params.id, query.period);
      },
    }),
  ];
}
