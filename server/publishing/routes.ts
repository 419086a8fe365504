// REST route for checking a workflow's draft against its past production runs before publishing.
import { z } from 'zod';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { DraftCheck } from './draft-check.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

export function draftCheckRoutes(check: DraftCheck, workflows: WorkflowService): Route[] {
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/check', tag: 'workflows',
      summary: 'Replay the draft on the trigger data of past production runs (the last `runs`, or `executionIds`) without calling anything outside Weft, '
        + 'and say per run and node what would change: same, changed, new error, or stopped where a node with outside effects or its input changed',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
      params: z.object({ id }),
      body: z.object({
        runs: z.number().int().min(1).max(50).optional(),
        executionIds: z.array(id).min(1).max(50).optional(),
      }).strict().optional(),
      responses: { 200: '`{clean, counts, runs: [{executionId, checkExecutionId, outcome, nodes}]}`', 400: 'Invalid body, or a run of another workflow', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        await workflows.get(params.id);
        ctx.body = await check.check(params.id, workspaceOf(ctx), body ?? {}, requestContext(ctx));
      },
    }),
  ];
}
