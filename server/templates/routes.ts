// REST routes for templates: the gallery (built-in and this workspace's), "use template", choosing
// credentials for the new workflow, saving a workflow as a workspace template, and n8n imports.
import { z } from 'zod';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { TemplateService } from './template-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const credentialChoices = z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'not a credential type'), id);
const read = { kind: 'workspace' as const, level: 'read' as const };
const write = { kind: 'workspace' as const, level: 'write' as const };

export function templateRoutes(service: TemplateService): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/templates', tag: 'templates', summary: 'Built-in templates and this workspace\'s own, filtered by words and category',
      access: read, query: z.object({ search: z.string().max(128).optional(), category: z.string().max(64).optional() }).strict(),
      responses: { 200: '`{data, categories}`', 400: 'Invalid query' },
      async handler(ctx, { query }) {
        ctx.body = await service.list(workspaceOf(ctx), query);
      },
    }),
    route({
      method: 'post', path: '/api/v1/templates', tag: 'templates',
      summary: 'Save a workflow of this workspace as a template; saving the same workflow (or `templateId`) again adds a version',
      access: write,
      body: z.object({
        workflowId: id, templateId: id.optional(), name: z.string().min(1).max(128).optional(),
        description: z.string().max(4000).optional(), category: z.string().min(1).max(64).optional(),
      }).strict(),
      responses: { 201: 'The template with its versions', 400: 'Invalid body', 404: 'Unknown workflow or template' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await service.saveWorkflow(workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'post', path: '/api/v1/templates/import', tag: 'templates',
      summary: "Import n8n template JSON (n8n.io's `{workflow: {name, description, workflow: {nodes, connections}}}`, `{name, workflow: {nodes, connections}}` or a workflow export) as a workspace template",
      access: write, body: z.looseObject({}),
      responses: { 201: 'The template', 400: 'Not a valid n8n workflow' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await service.importN8n(workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/templates/:id', tag: 'templates', summary: 'A template with its workflow (a workspace template: the latest or `version`, and its versions)',
      access: read, params: z.object({ id }), query: z.object({ version: z.coerce.number().int().min(1).optional() }).strict(),
      responses: { 200: 'The template', 404: 'Unknown template or version' },
      async handler(ctx, { params, query }) {
        ctx.body = await service.get(workspaceOf(ctx), params.id, query.version);
      },
    }),
    route({
      method: 'delete', path: '/api/v1/templates/:id', tag: 'templates', summary: 'Delete a workspace template (its versions stay in the log)',
      access: write, params: z.object({ id }), responses: { 204: 'Deleted', 400: 'A built-in template', 404: 'Unknown template' },
      async handler(ctx, { params }) {
        await service.delete(workspaceOf(ctx), params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'post', path: '/api/v1/templates/:id/use', tag: 'templates',
      summary: 'Create a workflow from a template; `credentials` maps a credential type to the credential its nodes use. Answers what credentials it needs',
      access: write, params: z.object({ id }),
      body: z.object({ name: z.string().min(1).max(128).optional(), version: z.number().int().min(1).optional(), credentials: credentialChoices.optional() }).strict(),
      responses: { 201: '`{workflowId, name, credentials: [{type, nodes, chosen}]}`', 400: 'Invalid body or a credential not of this workspace', 404: 'Unknown template' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = await service.use(workspaceOf(ctx), params.id, body, requestContext(ctx));
      },
    }),
    route({
      method: 'put', path: '/api/v1/workflows/:id/credentials', tag: 'templates',
      summary: 'Choose credentials for a workflow: each node referring to a credential type gets the credential given for it',
      access: { kind: 'resource', resource: 'workflow', param: 'id', level: 'write' }, params: z.object({ id }),
      body: z.object({ credentials: credentialChoices }).strict(),
      responses: { 200: '`{workflowId, credentials: [{type, nodes, chosen}]}`', 400: 'A credential not of this workspace or not of the type', 404: 'Unknown workflow' },
      async handler(ctx, { params, body }) {
        ctx.body = await service.setCredentials(workspaceOf(ctx), params.id, body.credentials, requestContext(ctx));
      },
    }),
  ];
}
