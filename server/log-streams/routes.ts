// REST routes of log streaming: the instance owner manages the destinations of the audit log.
import { z } from 'zod';
import { route, type Route } from '../http/route.ts';
import { publicView } from './destination.ts';
import type { LogStreamService } from './log-stream-service.ts';

const params = z.object({ id: z.string().uuid() });
/** Checked in full by the service (the kind decides the fields). */
const anyBody = z.record(z.string(), z.unknown());

export function logStreamRoutes(streams: LogStreamService): Route[] {
  const tag = 'log-streams';
  const access = { kind: 'owner' } as const;
  return [
    route({
      method: 'get', path: '/api/v1/log-streams', tag, access, summary: 'Log streaming destinations of the audit log, with their delivery state (owner)',
      responses: { 200: '`{data}`', 403: 'Not the owner' },
      async handler(ctx) {
        ctx.body = { data: (await streams.list()).map(publicView) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/log-streams', tag, access, body: anyBody,
      summary: 'Add a destination: `{kind: "syslog", name, host, port?, protocol?: "udp"|"tcp", facility?, appName?}` or `{kind: "webhook", name, url, secret, headers?}`; `startAt`: "now" (default) or "beginning"',
      responses: { 201: 'The destination', 400: 'Invalid destination', 403: 'Not the owner' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = publicView(await streams.create(body));
      },
    }),
    route({
      method: 'get', path: '/api/v1/log-streams/:id', tag, access, params, summary: 'One destination and its delivery state (owner)',
      responses: { 200: 'The destination', 404: 'No such destination' },
      async handler(ctx, { params: p }) {
        ctx.body = publicView(await streams.get(p.id));
      },
    }),
    route({
      method: 'patch', path: '/api/v1/log-streams/:id', tag, access, params, body: anyBody, summary: 'Change some fields of a destination (its kind stays)',
      responses: { 200: 'The destination', 400: 'Invalid destination', 404: 'No such destination' },
      async handler(ctx, { params: p, body }) {
        ctx.body = publicView(await streams.update(p.id, body));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/log-streams/:id', tag, access, params, summary: 'Remove a destination',
      responses: { 204: 'Removed', 404: 'No such destination' },
      async handler(ctx, { params: p }) {
        await streams.remove(p.id);
        ctx.status = 204;
      },
    }),
  ];
}
