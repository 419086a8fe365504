// Time travel through a workflow's versions: the list, the definition at any revision, the diff of
// two revisions, and restoring one as a new event. Every run records the revision it used
// (`workflowRevision`), so "the version this run used" is `versions/:revision`.
import { z } from 'zod';
import { q, route, type Route } from '../http/route.ts';
import { requestContext } from '../http/guard.ts';
import type { WorkflowService } from '../workflow-service.ts';
import { toApiWorkflow } from './workflow-json.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid workflow id');
const revision = z.coerce.number({ error: 'must be a revision number' }).int().min(0).max(Number.MAX_SAFE_INTEGER);
const readable = { kind: 'resource', resource: 'workflow', param: 'id', level: 'read' } as const;

export function versionRoutes(service: WorkflowService): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/workflows/:id/versions', tag: 'versions', access: readable,
      summary: 'The versions of a workflow, newest first: revision, time, authors and what changed',
      params: z.object({ id }),
      query: z.object({ limit: q.limit(), cursor: q.cursor().optional() }),
      responses: { 200: '`{data: [{revision, firstRevision, at, actor, authors, summary, changes, types}], nextCursor}`', 400: 'Invalid query', 404: 'Unknown workflow' },
      async handler(ctx, { params, query }) {
        const page = await service.versions(params.id, query.limit, query.cursor);
        ctx.body = {
          data: page.items.map(({ id: _key, workflowId: _wf, ...version }) => version),
          nextCursor: page.nextCursor ?? null,
        };
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/versions/:revision', tag: 'versions', access: readable,
      summary: 'The workflow definition as it was at a revision (and its diff to the current one)',
      params: z.object({ id, revision }),
      responses: { 200: '`{revision, currentRevision, at, actor, authors, type, definition, diff}`', 400: 'Not a revision number', 404: 'Unknown workflow or revision' },
      async handler(ctx, { params }) {
        ctx.body = await service.version(params.id, params.revision);
      },
    }),
    route({
      method: 'get', path: '/api/v1/workflows/:id/diff', tag: 'versions', access: readable,
      summary: 'What changed between two revisions: nodes added, removed, renamed, modified (field by field), connections added and removed',
      params: z.object({ id }),
      query: z.object({ from: revision, to: revision }),
      responses: { 200: '`{from, to, nodesAdded, nodesRemoved, nodesRenamed, nodesModified: [{name, changes: [{path, before, after}]}], connectionsAdded, connectionsRemoved, fieldsChanged}`', 400: 'Missing or non-numeric revision, or from after to', 404: 'Unknown workflow or revision' },
      async handler(ctx, { params, query }) {
        ctx.body = await service.diff(params.id, query.from, query.to);
      },
    }),
    route({
      method: 'post', path: '/api/v1/workflows/:id/restore', tag: 'versions',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' },
      summary: 'Make an earlier revision current again, as a new event (history keeps everything; open editors see it at once)',
      params: z.object({ id }),
      body: z.object({ revision: z.number().int().min(0) }).strict(),
      responses: { 200: 'The workflow', 400: 'Invalid body', 404: 'Unknown workflow or revision', 409: 'Deleted' },
      async handler(ctx, { params, body }) {
        const doc = await service.restore(params.id, body.revision, requestContext(ctx));
        ctx.set('ETag', `"${doc.revision}"`);
        ctx.body = toApiWorkflow(doc);
      },
    }),
  ];
}
