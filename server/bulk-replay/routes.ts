// REST routes for bulk replays: start one over a workflow's runs, then follow its progress.
import { z } from 'zod';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { WorkflowService } from '../workflow-service.ts';
import type { BulkReplayService } from './bulk-replay-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const isoTime = z.string().datetime({ offset: true });

const bulkReplayBody = z.object({
  filter: z.object({
    status: z.enum(['error', 'success', 'canceled', 'crashed']).optional(),
    since: isoTime.optional(),
    until: isoTime.optional(),
    errorContains: z.string().min(1).max(500).optional(),
  }).strict(),
  version: z.union([z.enum(['original', 'draft', 'published']), z.number().int().min(0)]),
  limit: z.number().int().min(1).max(500).default(100),
  concurrency: z.number().int().min(1).max(10).default(2),
}).strict();

export function bulkReplayRoutes(bulkReplays: BulkReplayService, workflows: WorkflowService): Route[] {
  return [
    route({
      method: 'post', path: '/api/v1/workflows/:id/bulk-replays', tag: 'executions',
      summary: "Replay a workflow's runs that match a filter (status, time range, part of the error message) on a chosen version "
        + "('original', 'draft', 'published' or a revision), a few at a time, each compared with its original run",
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
      params: z.object({ id }),
      body: bulkReplayBody,
      responses: { 202: '`{id, total}`: follow it at GET /api/v1/bulk-replays/:id', 400: 'Invalid filter, version, limit (1–500) or concurrency (1–10)', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        await workflows.get(params.id);
        ctx.status = 202;
        ctx.body = await bulkReplays.start(params.id, workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/bulk-replays/:id', tag: 'executions',
      summary: 'A bulk replay: progress, counts per outcome (nowSucceeds, stillFails, failsDifferently, stillSucceeds, changedOutput) and its items',
      access: { kind: 'workspace', level: 'read' },
      params: z.object({ id }),
      responses: { 200: '`{id, status, total, done, counts, items}`', 404: 'Unknown bulk replay' },
      async handler(ctx, { params }) {
        ctx.body = await bulkReplays.get(params.id, workspaceOf(ctx));
      },
    }),
  ];
}
