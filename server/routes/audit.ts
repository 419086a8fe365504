// REST route for the audit log: who did what and when, filterable by user, resource, action and time.
import { z } from 'zod';
import { AppError } from '../../domain/index.ts';
import { AUDIT, type AuditDoc, type Filter, type ProjectionRunner } from '../../projections/index.ts';
import { principalOf, workspaceOf } from '../http/guard.ts';
import { q, route, type Route } from '../http/route.ts';

const isoTime = z.string().datetime({ offset: true });

export function auditRoutes(audit: ProjectionRunner): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/audit', tag: 'audit',
      summary: "The audit log, newest first: the current workspace's entries (admins), or the whole instance's (owner, scope=instance)",
      access: { kind: 'workspace', level: 'admin' },
      query: z.object({
        scope: z.enum(['workspace', 'instance']).default('workspace'),
        user: z.string().max(128).optional(),
        resource: z.string().max(256).optional().describe('A stream, e.g. workflow-<id> or credential-<id>'),
        action: z.string().max(128).optional().describe('An event type, e.g. WorkflowActivated'),
        since: isoTime.optional(),
        until: isoTime.optional(),
        limit: q.limit(),
        cursor: q.cursor().optional(),
      }),
      responses: { 200: '`{data, nextCursor}`', 400: 'Invalid query', 403: 'Not an admin (or scope=instance without being the owner)' },
      async handler(ctx, { query }) {
        const filter: Filter = {};
        if (query.scope === 'instance') {
          if (principalOf(ctx).instanceRole !== 'owner') throw new AppError('forbidden', 'Only the instance owner may read the whole audit log');
        } else {
          filter.workspaceId = workspaceOf(ctx);
        }
        if (query.user) filter.actorId = query.user;
        if (query.resource) filter.stream = query.resource;
        if (query.action) filter.type = query.action;
        if (query.since || query.until) {
          filter.at = {
            ...(query.since ? { $gte: new Date(query.since).toISOString() } : {}),
            ...(query.until ? { $lt: new Date(query.until).toISOString() } : {}),
          };
        }
        const page = await audit.collection<AuditDoc>(AUDIT).find({
          filter, sort: [{ field: 'position', direction: 'desc' }], limit: query.limit, cursor: query.cursor,
        });
        ctx.body = { data: page.items, nextCursor: page.nextCursor ?? null };
      },
    }),
  ];
}
