// REST routes for running workflows and reading their executions.
import type { Context } from 'koa';
import { z } from 'zod';
import type { RunResult } from '../../engine/index.ts';

import { requestContext, workspaceOf } from '../http/guard.ts';
import { streamJson } from '../http/json-stream.ts';
import { q, route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { customDataFilter } from './custom-data-filter.ts';
import type { ExecutionService } from './execution-service.ts';
import { breakpointsSchema } from './debug-routes.ts';
import { readStoredOutputs } from './large-payloads.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const isoTime = z.string().datetime({ offset: true });
const execution = (level: 'read' | 'write') => ({ kind: 'resource' as const, resource: 'execution' as const, param: 'id', level });

/** `settleEdits` commits the live edits of a workflow open in the editor, so a run by hand uses them. */
export function executionRoutes(executions: ExecutionService, workflows: WorkflowService, settleEdits?: (workflowId: string) => Promise<void>): Route[] {
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/run', tag: 'executions',
      summary: 'Run a workflow by hand: answers with the execution id at once, or with the result when wait=true. '
        + 'rerunOf names the run of this workflow that this one re-runs (with startNode: from that node), so the run lists link the two. '
        + 'breakpoints ([{node, when: before|after}]) make the run pause there for the step debugger (/executions/:id/debug/...)',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
      params: z.object({ id }),
      query: z.object({ wait: z.enum(['true', 'false']).optional() }),
      body: z.object({
        pinData: z.record(z.string(), z.array(z.unknown())).optional(),
        startNode: z.string().max(128).optional(),
        destinationNode: z.string().max(128).optional(),
        triggerItems: z.array(z.looseObject({ json: z.record(z.string(), z.unknown()) })).max(10_000).optional(),
        rerunOf: id.optional(),
        breakpoints: breakpointsSchema.optional(),
      }).strict(),
      responses: { 201: '`{executionId}` (or the finished execution with wait=true)', 400: 'Unknown start node, breakpoint on an unknown node, rerunOf not a run of this workflow, or invalid input', 404: 'Unknown workflow' },
      async handler(ctx, { params, query, body }) {
        await settleEdits?.(params.id);
        const workflow = await workflows.get(params.id);
        const started = await executions.start(workflow, body as never, requestContext(ctx));
        await answerRun(ctx, executions, query.wait === 'true', started, body.rerunOf ? { rerunOf: body.rerunOf } : {});
      },
    }),
    route({
      method: 'get', path: '/api/v1/executions', tag: 'executions',
      summary: "The current workspace's executions, newest first. metadata filters by custom data ($execution.customData) in n8n's shape: "
        + 'a JSON array of {key, value, exactMatch?}; every entry must hold, its value equal with exactMatch: true, else contained (ignoring case)',
      access: { kind: 'workspace', level: 'read' },
      query: z.object({
        workflowId: id.optional(),
        status: z.enum(['running', 'success', 'error', 'waiting', 'canceled', 'crashed']).optional(),
        mode: z.string().max(32).optional(),
        since: isoTime.optional(),
        until: isoTime.optional(),
        metadata: customDataFilter.optional(),
        limit: q.limit(),
        cursor: q.cursor().optional(),
      }),
      responses: { 200: '`{data, nextCursor}` (each run with its `customData`, when it set any)', 400: 'Invalid query (a metadata filter that is not such a JSON array, a key other than A-Za-z0-9_)' },
      async handler(ctx, { query }) {
        const page = await executions.list({ ...query, workspaceId: workspaceOf(ctx) });
        ctx.body = { data: page.items, nextCursor: page.nextCursor ?? null };
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/ai-usage', tag: 'executions',
      summary: "A workflow's model calls added up over its runs (tokens, cost in US dollars where the model's price is known), optionally over a time range",
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' },
      params: z.object({ id }),
      query: z.object({ since: isoTime.optional(), until: isoTime.optional() }),
      responses: { 200: '`{workflowId, runs, totals}`: runs that called a model, and their `{calls, promptTokens, completionTokens, totalTokens, costUsd, unpricedCalls}` (null when none)', 404: 'Unknown workflow' },
      async handler(ctx, { params, query }) {
        await workflows.get(params.id);
        ctx.body = { workflowId: params.id, ...(await executions.aiUsage(params.id, query)) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/executions/:id', tag: 'executions', summary: 'One execution; includeData=true adds the run data (runData per node)',
      access: execution('read'), params: z.object({ id }),
      query: z.object({ includeData: z.enum(['true', 'false']).optional(), step: z.coerce.number().int().min(0).max(1_000_000).optional() }),
      responses: { 200: 'The execution (with step=k, the run data after its first k node runs)', 404: 'Unknown execution' },
      async handler(ctx, { params, query }) {
        streamJson(ctx, await executions.get(params.id, query.includeData === 'true' || query.step !== undefined, query.step, 'lazy'), readStoredOutputs);
      },
    }),
    route({
      method: 'get', path: '/api/v1/executions/:id/workflow', tag: 'executions',
      summary: 'The workflow exactly as this run ran it (the recorded snapshot), with its revision',
      access: execution('read'), params: z.object({ id }),
      responses: { 200: '`{executionId, workflowId, revision, definitionHash, definition}`', 404: 'Unknown execution' },
      async handler(ctx, { params }) {
        ctx.body = await executions.workflowOf(params.id);
      },
    }),
    route({
      method: 'post', path: '/api/v1/executions/:id/stop', tag: 'executions', summary: 'Stop a running execution (it ends as canceled)',
      access: execution('write'), params: z.object({ id }),
      responses: { 200: '`{stopped}`', 404: 'Unknown execution' },
      async handler(ctx, { params }) {
        const stopped = await executions.stop(params.id, requestContext(ctx));
        ctx.body = { stopped };
      },
    }),
    route({
      method: 'post', path: '/api/v1/executions/:id/retry', tag: 'executions',
      summary: 'Retry a failed execution from its failed node (the nodes that succeeded are not run again): a new execution linked to this one',
      access: execution('write'), params: z.object({ id }),
      query: z.object({ wait: z.enum(['true', 'false']).optional() }),
      body: z.object({ loadWorkflow: z.boolean().optional() }).strict().optional(),
      responses: { 201: '`{executionId}` (or the finished execution with wait=true)', 400: 'Not a failed execution', 404: 'Unknown execution' },
      async handler(ctx, { params, query, body }) {
        // loadWorkflow: true retries with the workflow's current definition (n8n's option name).
        const started = await executions.retry(params.id, body?.loadWorkflow === true, requestContext(ctx));
        await answerRun(ctx, executions, query.wait === 'true', started, { retryOf: params.id });
      },
    }),
    route({
      method: 'post', path: '/api/v1/executions/:id/rerun', tag: 'executions',
      summary: 'Run a workflow again from one node of this execution, with the input that node got then (or an edited one): a new manual execution',
      access: execution('write'), params: z.object({ id }),
      query: z.object({ wait: z.enum(['true', 'false']).optional() }),
      body: z.object({
        node: z.string().min(1).max(128),
        runIndex: z.number().int().min(0).optional(),
        input: z.array(z.looseObject({ json: z.record(z.string(), z.unknown()) })).max(10_000).optional(),
        // The model answers this run recorded come back for the same messages: no model called, no token spent.
        reuseAnswers: z.boolean().optional(),
        // The workflow version to run: the one this run used (default), the draft, the published one, or a revision.
        version: z.union([z.enum(['original', 'draft', 'published']), z.number().int().min(0)]).optional(),
      }).strict(),
      responses: { 201: '`{executionId}` (or the finished execution with wait=true)', 400: 'Unknown node, no recorded input, or version published when never published', 404: 'Unknown execution, workflow or revision' },
      async handler(ctx, { params, query, body }) {
        // A replay on the draft runs the edits open in the editor too, as a run by hand does.
        const run = body.version === 'draft' ? await executions.find(params.id) : undefined;
        if (run) await settleEdits?.(run.workflowId);
        const started = await executions.rerunFrom(params.id, body as never, requestContext(ctx));
        await answerRun(ctx, executions, query.wait === 'true', started, { rerunOf: params.id });
      },
    }),
    route({
      method: 'get', path: '/api/v1/executions/:id/diff', tag: 'executions',
      summary: 'This run node by node against the run it re-ran or retried (or `against`, a run of the same workspace): '
        + 'same, changed (with the first items that differ), added, removed, newError or fixed, and item counts',
      access: execution('read'), params: z.object({ id }), query: z.object({ against: id.optional() }),
      responses: { 200: '`{executionId, against, nodes: [{node, status, itemsBefore, itemsAfter, differingItems?}]}`', 400: 'Neither a re-run nor a retry, and no `against`', 404: 'Unknown execution' },
      async handler(ctx, { params, query }) {
        ctx.body = await executions.diff(params.id, workspaceOf(ctx), query.against);
      },
    }),
    route({
      method: 'delete', path: '/api/v1/executions/:id', tag: 'executions', summary: 'Delete an execution from the lists (its events stay in the log)',
      access: execution('write'), params: z.object({ id }),
      responses: { 204: 'Deleted', 404: 'Unknown execution', 400: 'Still running' },
      async handler(ctx, { params }) {
        await executions.delete(params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
  ];
}

/**
 * A run was accepted: 201 with its id once the executions list shows it, or with wait=true the
 * finished (or parked) run once the list shows that too.
 */
async function answerRun(
  ctx: Context,
  executions: ExecutionService,
  wait: boolean,
  started: { executionId: string; ended: Promise<RunResult> },
  links: Record<string, string> = {},
): Promise<void> {
  ctx.status = 201;
  if (!wait) {
    await executions.settle();
    ctx.body = { executionId: started.executionId };
    return;
  }
  // The record, its node outputs read as they are written out: a million-item run's outputs never
  // cross from the run's thread or worker, and only one of them is in memory at a time.
  const result = await started.ended;
  await executions.settle();
  streamJson(ctx, { id: started.executionId, ...links, ...result }, readStoredOutputs);
}
