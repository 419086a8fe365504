// REST routes under /api/v1/notifications: rules, channels (with a test send), each rule's
// deliveries, and the in-app inbox. Members read; editors and admins change rules and channels.
import { z } from 'zod';
import { NOTIFICATION_TRIGGERS } from '../../domain/index.ts';
import { principalOf, requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import { CHANNEL_KINDS, publicChannel } from './channel.ts';
import type { Notifications } from './notifications.ts';

const tag = 'notifications';
const read = { kind: 'workspace', level: 'read' } as const;
const write = { kind: 'workspace', level: 'write' } as const;
const id = z.object({ id: z.string().uuid() });
const name = z.string().trim().min(1).max(128);
const ruleFields = {
  name,
  workflowId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a workflow id').nullable(),
  on: z.array(z.enum(NOTIFICATION_TRIGGERS)).min(1).max(NOTIFICATION_TRIGGERS.length),
  slowAfterSeconds: z.number().int().min(1).max(7 * 86400).optional(),
  failuresInRow: z.number().int().min(1).max(1000).optional(),
  channelIds: z.array(z.string().uuid()).min(1).max(20),
  windowSeconds: z.number().int().min(0).max(86400),
  enabled: z.boolean(),
};
const newRule = z.object({ ...ruleFields, workflowId: ruleFields.workflowId.default(null), windowSeconds: ruleFields.windowSeconds.default(300), enabled: ruleFields.enabled.default(true) }).strict();
const ruleChanges = z.object(ruleFields).partial().strict();

export function notificationRoutes(n: Notifications): Route[] {
  const base = '/api/v1/notifications';
  return [
    route({
      method: 'get', path: `${base}/rules`, tag, access: read, summary: "The workspace's notification rules", responses: { 200: '`{data}`' },
      async handler(ctx) {
        ctx.body = { data: await n.rules.list(workspaceOf(ctx)) };
      },
    }),
    route({
      method: 'post', path: `${base}/rules`, tag, access: write, body: newRule,
      summary: 'Add a rule: `on` any of runFailed, runSucceeded, runSlow (with slowAfterSeconds), triggerFailing (with failuresInRow), workflowDeactivated; `workflowId` null for every workflow; at most one message per rule and workflow per `windowSeconds`, the rest as a digest',
      responses: { 201: 'The rule', 400: 'Invalid rule, or a channel or workflow not in this workspace' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await n.rules.create(workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: `${base}/rules/:id`, tag, access: read, params: id, summary: 'A rule', responses: { 200: 'The rule', 404: 'Unknown rule' },
      async handler(ctx, { params }) {
        ctx.body = await n.rules.get(workspaceOf(ctx), params.id);
      },
    }),
    route({
      method: 'patch', path: `${base}/rules/:id`, tag, access: write, params: id, body: ruleChanges, summary: 'Change some fields of a rule',
      responses: { 200: 'The rule', 400: 'Invalid rule', 404: 'Unknown rule' },
      async handler(ctx, { params, body }) {
        ctx.body = await n.rules.update(workspaceOf(ctx), params.id, body, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: `${base}/rules/:id`, tag, access: write, params: id, summary: 'Delete a rule', responses: { 204: 'Deleted', 404: 'Unknown rule' },
      async handler(ctx, { params }) {
        await n.rules.remove(workspaceOf(ctx), params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'get', path: `${base}/rules/:id/deliveries`, tag, access: read, params: id, query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict(),
      summary: "A rule's delivery attempts, newest first: sent, failed (with the error) or suppressed into a digest", responses: { 200: '`{data}`', 404: 'Unknown rule' },
      async handler(ctx, { params, query }) {
        await n.rules.get(workspaceOf(ctx), params.id);
        ctx.body = { data: await n.deliveries.listByRule(params.id, query.limit) };
      },
    }),
    route({
      method: 'get', path: `${base}/channels`, tag, access: read, summary: "The workspace's notification channels (never their secrets)", responses: { 200: '`{data}`' },
      async handler(ctx) {
        ctx.body = { data: (await n.channels.list(workspaceOf(ctx))).map(publicChannel) };
      },
    }),
    route({
      method: 'post', path: `${base}/channels`, tag, access: write,
      body: z.object({ name, kind: z.enum(CHANNEL_KINDS), config: z.record(z.string(), z.unknown()).optional() }).strict(),
      summary: 'Add a channel: email `{host, port, secure, user?, password?, from, to[]}`, slack/teams/discord `{url}`, webhook `{url, secret}` (HMAC-SHA256 signed), inApp `{}`',
      responses: { 201: 'The channel', 400: 'Invalid config' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = publicChannel(await n.channels.create(workspaceOf(ctx), body));
      },
    }),
    route({
      method: 'patch', path: `${base}/channels/:id`, tag, access: write, params: id,
      body: z.object({ name: name.optional(), config: z.record(z.string(), z.unknown()).optional() }).strict(),
      summary: 'Rename a channel or replace its whole config', responses: { 200: 'The channel', 400: 'Invalid config', 404: 'Unknown channel' },
      async handler(ctx, { params, body }) {
        ctx.body = publicChannel(await n.channels.update(workspaceOf(ctx), params.id, body));
      },
    }),
    route({
      method: 'delete', path: `${base}/channels/:id`, tag, access: write, params: id, summary: 'Delete a channel', responses: { 204: 'Deleted', 404: 'Unknown channel' },
      async handler(ctx, { params }) {
        await n.channels.remove(workspaceOf(ctx), params.id);
        ctx.status = 204;
      },
    }),
    route({
      method: 'post', path: `${base}/channels/:id/test`, tag, access: write, params: id, summary: 'Send a test message through the channel now',
      responses: { 200: 'The delivery: `status` sent or failed (with `error`)', 404: 'Unknown channel' },
      async handler(ctx, { params }) {
        ctx.body = await n.testSend(workspaceOf(ctx), params.id);
      },
    }),
    route({
      method: 'get', path: `${base}/in-app`, tag, access: read, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
      summary: "The signed-in user's in-app notifications in this workspace, newest first, with `read` flags and the `unread` count", responses: { 200: '`{data, unread}`' },
      async handler(ctx, { query }) {
        ctx.body = await n.inbox.list(principalOf(ctx).userId, workspaceOf(ctx), query.limit);
      },
    }),
    route({
      method: 'post', path: `${base}/in-app/read`, tag, access: read,
      body: z.union([z.object({ ids: z.array(z.string().uuid()).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()]),
      summary: 'Mark in-app notifications read: `{ids}` or `{all: true}`', responses: { 200: '`{unread}`', 400: 'Neither ids nor all' },
      async handler(ctx, { body }) {
        ctx.body = { unread: await n.inbox.markRead(principalOf(ctx).userId, workspaceOf(ctx), 'ids' in body ? body.ids : 'all') };
      },
    }),
  ];
}
