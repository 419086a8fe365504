// REST routes for workflows under /api/v1.
import type { Context } from 'koa';
import { z } from 'zod';
import { NotFoundError, ValidationError, type NormalisedChange } from '../../domain/index.ts';
import { q, route, type Route } from '../http/route.ts';
import { requestContext, workspaceOf } from '../http/guard.ts';
import type { PublishOptions, RequestContext, WorkflowService } from '../workflow-service.ts';
import type { AccessLevel } from '../../domain/index.ts';
import { readWorkflowInput, tagsInput, toApiWorkflow, toN8nExport, workflowInput } from './workflow-json.ts';
import { productionDoc, type WorkflowDoc } from '../../projections/index.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import { resolveIncomingCredentials } from '../credentials/credential-references.ts';

const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid workflow id') });

/** Reads `If-Match: "<revision>"`; absent means an unconditional write. */
function ifMatch(ctx: Context): number | undefined {
  const raw = ctx.get('if-match');
  if (!raw) return undefined;
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw.trim());
  if (!m) throw new ValidationError('If-Match must be the workflow revision, e.g. "3"', [{ path: 'headers.if-match', message: 'not a revision' }]);
  return Number(m[1]);
}

/** Answers with the workflow; writes of n8n JSON add `warnings`, what was changed to read it as n8n does. */
function send(ctx: Context, doc: WorkflowDoc, status = 200, warnings?: NormalisedChange[]): void {
  ctx.status = status;
  ctx.set('ETag', `"${doc.revision}"`);
  ctx.body = { ...toApiWorkflow(doc), ...(warnings ? { warnings } : {}) };
}

const IF_MATCH_HEADER = { name: 'If-Match', description: 'The revision last read ("3"); a stale revision gets 409 and writes nothing.' };

const publishBody = z.object({
  revision: z.number().int().min(0).optional().describe('An earlier revision to publish (a rollback); the draft when absent'),
  message: z.string().max(500).optional().describe('Why, shown in the history'),
  check: z.boolean().optional().describe('Check the draft against the last production runs first; go on only when the check is clean'),
}).strict().optional();

/** Runs and records a check of the draft; throws (409) when it is not clean. */
export type CheckFirst = (workflowId: string, workspaceId: string, ctx: RequestContext) => Promise<void>;

/** `POST /api/v1/workflows/:id/<verb>` with an optional `{revision, message}`: activation and publishing. */
function publishRoute(verb: string, summary: string, run: (id: string, ctx: RequestContext, options: PublishOptions) => Promise<WorkflowDoc>, checkFirst?: CheckFirst): Route {
  return route({
    method: 'post', path: `/api/v1/workflows/:id/${verb}`, tag: 'workflows', summary, params: idParams, body: publishBody,
    responses: {
      200: 'The workflow', 400: 'Its nodes have issues, or a webhook path or schedule is invalid', 404: 'Unknown workflow or revision',
      409: 'Deleted, a webhook path is taken, or the workflow requires a clean check of this draft (settings.requireCleanCheck) and has none',
    },
    access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
    async handler(ctx, { params, body }) {
      const { check, ...options } = body ?? {};
      if (check && options.revision !== undefined) {
        throw new ValidationError('`check` applies to the draft, not to an earlier revision', [{ path: 'check', message: 'not with revision' }]);
      }
      if (check && checkFirst) await checkFirst(params.id, workspaceOf(ctx), requestContext(ctx));
      send(ctx, await run(params.id, requestContext(ctx), options));
    },
  });
}

/** `POST /api/v1/workflows/:id/<verb>`: a command without a body that answers with the workflow. */
function action(
  verb: string,
  summary: string,
  run: (id: string, ctx: RequestContext) => Promise<WorkflowDoc>,
  responses: Record<number, string>,
  level: AccessLevel = 'write',
): Route {
  return route({
    method: 'post', path: `/api/v1/workflows/:id/${verb}`, tag: 'workflows', summary, params: idParams, responses,
    access: { kind: 'resource', resource: 'workflow', param: 'id', level },
    async handler(ctx, { params }) {
      send(ctx, await run(params.id, requestContext(ctx)));
    },
  });
}

export function workflowRoutes(service: WorkflowService, requireWorkspace: (id: string) => Promise<void>, credentials: CredentialService, checkFirst?: CheckFirst): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/workflows', access: { kind: 'workspace', level: 'read' }, tag: 'workflows', summary: 'List workflows (newest change first)',
      query: z.object({
        name: z.string().max(128).optional(),
        tag: z.string().max(64).optional(),
        active: q.bool().optional(),
        deleted: q.bool().optional(),
        shared: q.bool().optional(),
        limit: q.limit(),
        cursor: q.cursor().optional(),
      }),
      responses: { 200: '`{data, nextCursor}`; each workflow has `issues`: `[{node, message}]`', 400: 'Invalid query' },
      async handler(ctx, { query }) {
        const page = await service.list({ ...query, workspaceId: workspaceOf(ctx) });
        // `issues`: each node that keeps the workflow from running, and why (the list marks them).
        const issues = (doc: WorkflowDoc) => service.issues(doc.definition).map(({ node, message }) => ({ node, message }));
        ctx.body = { data: page.items.map((doc) => ({ ...toApiWorkflow(doc), issues: issues(doc) })), nextCursor: page.nextCursor ?? null };
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows', access: { kind: 'workspace', level: 'write' }, tag: 'workflows', summary: 'Create a workflow from n8n workflow JSON',
      body: workflowInput,
      responses: { 201: 'The created workflow, with `warnings`: `[{path, message}]` of what was normalised', 400: 'Invalid workflow', 413: 'Body too large', 415: 'Not JSON' },
      async handler(ctx, { body }) {
        const input = readWorkflowInput(body);
        await resolveIncomingCredentials(credentials, workspaceOf(ctx), [input]);
        send(ctx, await service.create(workspaceOf(ctx), input.definition, input.tags ?? [], requestContext(ctx)), 201, input.changes);
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/import', access: { kind: 'workspace', level: 'write' }, tag: 'workflows', summary: 'Import n8n workflow JSON: one workflow or an array',
      body: z.union([workflowInput, z.array(workflowInput).min(1).max(500)]),
      responses: { 201: '`{imported: [{id, name}], warnings: [{path, message}]}` (warning paths start with the index for an array)', 400: 'Some workflow is invalid; nothing was imported' },
      async handler(ctx, { body }) {
        const list = Array.isArray(body) ? body : [body];
        const prefix = (i: number) => (Array.isArray(body) ? `${i}.` : '');
        // Validate everything before writing anything.
        const items = list.map((w, i) => ({ ...readWorkflowInput(w, prefix(i)), pathPrefix: prefix(i) }));
        await resolveIncomingCredentials(credentials, workspaceOf(ctx), items);
        const imported = await service.import(workspaceOf(ctx), items.map((it) => ({ ...it, tags: it.tags ?? [] })), requestContext(ctx));
        ctx.status = 201;
        ctx.body = { imported, warnings: items.flatMap((it) => it.changes) };
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' }, tag: 'workflows', summary: 'Get a workflow (ETag: its revision)',
      params: idParams,
      responses: { 200: 'The workflow', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        send(ctx, await service.get(params.id));
      },
    }),
    route({
      method: 'put', path: '/api/v1/workflows/:id', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' }, tag: 'workflows', summary: 'Replace a workflow definition (and tags, when given)',
      params: idParams, body: workflowInput, headers: [IF_MATCH_HEADER],
      responses: { 200: 'The updated workflow, with `warnings` like create', 400: 'Invalid workflow', 404: 'Unknown workflow', 409: 'Stale If-Match revision, or deleted' },
      async handler(ctx, { params, body }) {
        const input = readWorkflowInput(body);
        await resolveIncomingCredentials(credentials, workspaceOf(ctx), [input]);
        send(ctx, await service.update(params.id, input.definition, input.tags, requestContext(ctx), ifMatch(ctx)), 200, input.changes);
      },
    }),
    route({
      method: 'patch', path: '/api/v1/workflows/:id', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' }, tag: 'workflows', summary: 'Rename a workflow',
      params: idParams, body: z.object({ name: z.string() }).strict(), headers: [IF_MATCH_HEADER],
      responses: { 200: 'The renamed workflow', 400: 'Invalid name', 404: 'Unknown workflow', 409: 'Stale revision' },
      async handler(ctx, { params, body }) {
        send(ctx, await service.rename(params.id, body.name, requestContext(ctx), ifMatch(ctx)));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/workflows/:id', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' }, tag: 'workflows', summary: 'Delete a workflow (soft: restorable with /undelete)',
      params: idParams, headers: [IF_MATCH_HEADER],
      responses: { 200: 'The deleted workflow', 404: 'Unknown workflow', 409: 'Already deleted or stale revision' },
      async handler(ctx, { params }) {
        send(ctx, await service.delete(params.id, requestContext(ctx), ifMatch(ctx)));
      },
    }),
    action('undelete', 'Bring back a deleted workflow', service.undelete, { 200: 'The workflow', 404: 'Unknown workflow', 409: 'Not deleted' }),
    publishRoute('activate', 'Activate a workflow: publish the draft (or `revision`) and arm its triggers', service.activate, checkFirst),
    publishRoute('publish', 'Publish the draft (or roll back to `revision`): webhooks, schedules and production sub-workflow calls run it', service.publish, checkFirst),
    route({
      method: 'get', path: '/api/v1/workflows/:id/published', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' }, tag: 'workflows',
      summary: 'The published version: what production runs',
      params: idParams,
      responses: { 200: 'The workflow as published, with `published: {revision, at, by, message}`', 404: 'Unknown workflow, or never published' },
      async handler(ctx, { params }) {
        const doc = await service.get(params.id);
        if (!doc.published) throw new NotFoundError('Published version of workflow', params.id);
        ctx.body = toApiWorkflow(productionDoc(doc));
      },
    }),
    action('deactivate', 'Deactivate a workflow', service.deactivate, { 200: 'The workflow', 404: 'Unknown workflow', 409: 'Deleted' }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/tags', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' }, tag: 'workflows', summary: 'Tags of a workflow',
      params: idParams,
      responses: { 200: 'Tag names', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        ctx.body = (await service.get(params.id)).tags;
      },
    }),
    route({
      method: 'put', path: '/api/v1/workflows/:id/tags', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' }, tag: 'workflows', summary: 'Replace the tags of a workflow',
      params: idParams, body: tagsInput,
      responses: { 200: 'Tag names', 400: 'Invalid tags', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        ctx.body = (await service.setTags(params.id, body, requestContext(ctx))).tags;
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/export', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' }, tag: 'workflows', summary: 'Export as n8n workflow JSON (importable into n8n)',
      params: idParams,
      responses: { 200: 'n8n workflow JSON', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        const doc = await service.get(params.id);
        ctx.set('Content-Disposition', `attachment; filename="${doc.id}.json"`);
        ctx.body = toN8nExport(doc, await service.testCases(doc.id));
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/history', access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' }, tag: 'workflows', summary: 'Every change to a workflow: revision, who, when, what',
      params: idParams,
      query: z.object({ limit: q.limit(), cursor: q.cursor().optional() }),
      responses: { 200: '`{data, nextCursor}`', 404: 'Unknown workflow' },
      async handler(ctx, { params, query }) {
        const page = await service.history(params.id, query.limit, query.cursor);
        ctx.body = { data: page.items, nextCursor: page.nextCursor ?? null };
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/:id/share', tag: 'workflows', summary: 'Share a workflow (read access) with another workspace',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'admin' },
      params: idParams, body: z.object({ workspaceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
      responses: { 200: 'The workflow', 404: 'Unknown workflow or workspace', 409: 'Own workspace' },
      async handler(ctx, { params, body }) {
        await requireWorkspace(body.workspaceId);
        send(ctx, await service.share(params.id, body.workspaceId, requestContext(ctx)));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/workflows/:id/share/:workspaceId', tag: 'workflows', summary: 'Stop sharing a workflow with a workspace',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'admin' },
      params: idParams.extend({ workspaceId: z.string().max(64) }),
      responses: { 200: 'The workflow', 404: 'Unknown workflow' },
      async handler(ctx, { params }) {
        send(ctx, await service.unshare(params.id, params.workspaceId, requestContext(ctx)));
      },
    }),
  ];
}
