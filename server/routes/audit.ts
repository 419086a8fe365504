// REST route for the audit log: every event, filterable by actor, stream, type and time.
import { z } from 'zod';
import { AUDIT, type AuditDoc, type Filter, type ProjectionRunner } from '../../projections/index.ts';
import { q, route, type Route } from '../http/route.ts';

const isoTime = z.string().datetime({ offset: true });

export function auditRoutes(audit: ProjectionRunner): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/audit', tag: 'audit', summary: 'The audit log, newest first',
      query: z.object({
        actor: z.string().max(128).optional(),
        stream: z.string().max(256).optional(),
        type: z.string().max(128).optional(),
        since: isoTime.optional(),
        until: isoTime.optional(),
        limit: q.limit(),
        cursor: q.cursor().optional(),
      }),
      responses: { 200: '`{data, nextCursor}`', 400: 'Invalid query' },
      async handler(ctx, { query }) {
        const filter: Filter = {};
        if (query.actor) filter.actorId = query.actor;
        if (query.stream) filter.stream = query.stream;
        if (query.type) filter.type = query.type;
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
