// REST routes for a workflow's AI evaluations: start one, list the runs with their scores, one run's rows.
import { z } from 'zod';
import { requestContext } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { EvaluationService } from './evaluation-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const RUN_SHAPE = '`{id, revision, status: running|completed|error, startedAt, finishedAt?, startedBy?, rowCount, rowsDone, rowsFailed, metrics: {name: average}, error?}`';

export function evaluationRoutes(evaluations: EvaluationService): Route[] {
  const access = (level: 'read' | 'write') => ({ kind: 'resource', resource: 'workflow', param: 'id', level }) as const;
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/evaluations', tag: 'workflows',
      summary: "Evaluate the workflow's draft: one run per row of its Evaluation Trigger's dataset, in the background",
      access: access('write'), params: z.object({ id }),
      responses: { 202: `The run as it starts, ${RUN_SHAPE}`, 400: 'No Evaluation Trigger, or no dataset rows', 404: 'Unknown workflow', 409: 'The workflow is deleted' },
      async handler(ctx, { params }) {
        ctx.status = 202;
        ctx.body = await evaluations.start(params.id, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/evaluations', tag: 'workflows', summary: "The workflow's evaluation runs, newest first, with their average scores and the revision evaluated",
      access: access('read'), params: z.object({ id }),
      responses: { 200: `\`{data: [run]}\`, each ${RUN_SHAPE}`, 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        ctx.body = { data: await evaluations.list(params.id) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/evaluations/:runId', tag: 'workflows', summary: 'One evaluation run with the outcome of each dataset row',
      access: access('read'), params: z.object({ id, runId: id }),
      responses: { 200: `${RUN_SHAPE} plus \`rows: [{index, rowId?, executionId?, status, metrics, inputs?, outputs?, error?}]\``, 404: 'Unknown workflow or run' },
      async handler(ctx, { params }) {
        ctx.body = await evaluations.get(params.id, params.runId);
      },
    }),
  ];
}
