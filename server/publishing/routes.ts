// REST route for checking a workflow's draft against its past production runs before publishing.
import { z } from 'zod';
import { ConflictError } from '../../domain/index.ts';
import type { RequestContext } from '../commands.ts';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { CheckOptions, DraftCheck } from './draft-check.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');

/**
 * Checks the draft and records the outcome against the revision read before the check started, so
 * an edit made while it ran leaves the check counting for the older draft only.
 */
export function checkAndRecord(check: DraftCheck, workflows: WorkflowService) {
  return async (workflowId: string, workspaceId: string, options: CheckOptions, ctx: RequestContext) => {
    const doc = await workflows.get(workflowId);
    const report = await check.check(workflowId, workspaceId, options, ctx);
    await workflows.recordDraftCheck(doc, { revision: doc.revision, clean: report.clean, counts: report.counts }, ctx);
    return { ...report, revision: doc.revision };
  };
}

export type CheckAndRecord = ReturnType<typeof checkAndRecord>;

/** `{check: true}` on publish or activate: check against the last runs first, go on only when clean. */
export async function publishAfterCleanCheck(run: CheckAndRecord, workflowId: string, workspaceId: string, ctx: RequestContext): Promise<void> {
  const report = await run(workflowId, workspaceId, {}, ctx);
  if (report.clean) return;
  const c = report.counts;
  throw new ConflictError(`Not published: the check of the draft was not clean (${c.newError} new error, ${c.stopped} stopped, ${c.notChecked} not checked)`,
    report.runs.filter((r) => r.outcome !== 'same' && r.outcome !== 'changed')
      .map((r) => ({ path: `runs.${r.executionId}`, message: r.error ?? `${r.outcome}: ${r.nodes.map((n) => `${n.node} ${n.status}${n.reason ? ` (${n.reason})` : ''}`).join(', ')}` })));
}

export function draftCheckRoutes(run: CheckAndRecord, workflows: WorkflowService): Route[] {
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/check', tag: 'workflows',
      summary: 'Replay the draft on the trigger data of past production runs (the last `runs`, or `executionIds`) without calling anything outside Weft, '
        + 'and say per run and node what would change: same, changed, new error, or stopped where a node with outside effects or its input changed. '
        + 'The outcome is recorded for the draft revision checked (see the setting `requireCleanCheck`)',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
      params: z.object({ id }),
      body: z.object({
        runs: z.number().int().min(1).max(50).optional(),
        executionIds: z.array(id).min(1).max(50).optional(),
      }).strict().optional(),
      responses: { 200: '`{clean, revision, counts, runs: [{executionId, checkExecutionId, outcome, nodes, sameNodes}]}`', 400: 'Invalid body, or a run of another workflow', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        ctx.body = await run(params.id, workspaceOf(ctx), body ?? {}, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/check', tag: 'workflows',
      summary: 'The latest recorded check of the current draft (a check of an earlier, different draft does not count)',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' },
      params: z.object({ id }),
      responses: { 200: '`{check: {revision, clean, counts, at} | null, required}`', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        const doc = await workflows.get(params.id);
        const check = await workflows.lastDraftCheck(params.id);
        ctx.body = { check: check ?? null, required: doc.definition.settings?.requireCleanCheck === true || doc.publishedDefinition?.settings?.requireCleanCheck === true };
      },
    }),
  ];
}
