// REST routes for data tables: tables and columns, rows with filters, sorting and paging, and a
// row's history. Workspace members read; editors and admins write.
import { z } from 'zod';
import { ValidationError } from '../../domain/index.ts';
import type { DataTableCondition } from '../../engine/index.ts';
import { requestContext, workspaceOf } from '../http/guard.ts';
import { route, type Route } from '../http/route.ts';
import type { DataTableService } from './data-table-service.ts';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const columnId = z.string().regex(/^c[0-9]{1,6}$/, 'not a column id');
const rowId = z.coerce.number().int().min(1);
const table = (level: 'read' | 'write') => ({ kind: 'resource' as const, resource: 'dataTable' as const, param: 'id', level });
const column = z.object({ name: z.string().max(63), type: z.string().max(16) }).strict();
const values = z.record(z.string(), z.unknown());
const CONDITIONS = ['eq', 'neq', 'like', 'ilike', 'gt', 'gte', 'lt', 'lte', 'isEmpty', 'isNotEmpty', 'isTrue', 'isFalse'] as const;
const condition = z.object({ column: z.string().max(63), condition: z.enum(CONDITIONS), value: z.unknown().optional() }).strict();

/** The `filter` query parameter: a JSON array of conditions. */
function parseFilter(text: string | undefined): DataTableCondition[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError('filter must be a JSON array of {column, condition, value}', [{ path: 'query.filter', message: 'not JSON' }]);
  }
  const checked = z.array(condition).max(20).safeParse(parsed);
  if (!checked.success) throw new ValidationError('filter must be a JSON array of {column, condition, value}', checked.error.issues.map((i) => ({ path: `query.filter.${i.path.join('.')}`, message: i.message })));
  return checked.data as DataTableCondition[];
}

export function dataTableRoutes(service: DataTableService): Route[] {
  return [
    route({
      method: 'get', path: '/api/v1/data-tables', tag: 'data-tables', summary: "The current workspace's data tables, with their columns and row counts",
      access: { kind: 'workspace', level: 'read' }, query: z.object({ search: z.string().max(128).optional() }),
      responses: { 200: '`{data}`' },
      async handler(ctx, { query }) {
        ctx.body = { data: await service.list(workspaceOf(ctx), query.search) };
      },
    }),
    route({
      method: 'post', path: '/api/v1/data-tables', tag: 'data-tables', summary: 'Create a data table with typed columns (string, number, boolean, date)',
      access: { kind: 'workspace', level: 'write' },
      body: z.object({ name: z.string().max(128), columns: z.array(column).max(100).default([]) }).strict(),
      responses: { 201: 'The table', 400: 'Invalid name or column', 409: 'Name taken in the workspace, or a column named twice' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await service.create(workspaceOf(ctx), body, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/data-tables/:id', tag: 'data-tables', summary: 'A data table', access: table('read'), params: z.object({ id }),
      responses: { 200: 'The table', 404: 'Unknown table' },
      async handler(ctx, { params }) {
        ctx.body = await service.get(params.id);
      },
    }),
    route({
      method: 'patch', path: '/api/v1/data-tables/:id', tag: 'data-tables', summary: 'Rename a data table', access: table('write'), params: z.object({ id }),
      body: z.object({ name: z.string().max(128) }).strict(),
      responses: { 200: 'The table', 400: 'Invalid name', 404: 'Unknown table', 409: 'Name taken' },
      async handler(ctx, { params, body }) {
        ctx.body = await service.rename(params.id, body.name, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/data-tables/:id', tag: 'data-tables', summary: 'Delete a data table and its rows (its history stays in the log)',
      access: table('write'), params: z.object({ id }), responses: { 204: 'Deleted', 404: 'Unknown table' },
      async handler(ctx, { params }) {
        await service.delete(params.id, requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'post', path: '/api/v1/data-tables/:id/columns', tag: 'data-tables', summary: 'Add a column', access: table('write'), params: z.object({ id }),
      body: column, responses: { 201: 'The table', 400: 'Invalid name or type', 404: 'Unknown table', 409: 'Name taken' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = await service.addColumn(params.id, body, requestContext(ctx));
      },
    }),
    route({
      method: 'patch', path: '/api/v1/data-tables/:id/columns/:columnId', tag: 'data-tables', summary: 'Rename a column', access: table('write'),
      params: z.object({ id, columnId }), body: z.object({ name: z.string().max(63) }).strict(),
      responses: { 200: 'The table', 400: 'Invalid name', 404: 'Unknown table or column', 409: 'Name taken' },
      async handler(ctx, { params, body }) {
        ctx.body = await service.renameColumn(params.id, params.columnId, body.name, requestContext(ctx));
      },
    }),
    route({
      method: 'delete', path: '/api/v1/data-tables/:id/columns/:columnId', tag: 'data-tables', summary: 'Remove a column', access: table('write'),
      params: z.object({ id, columnId }), responses: { 200: 'The table', 404: 'Unknown table or column' },
      async handler(ctx, { params }) {
        ctx.body = await service.removeColumn(params.id, params.columnId, requestContext(ctx));
      },
    }),
    route({
      method: 'get', path: '/api/v1/data-tables/:id/rows', tag: 'data-tables',
      summary: 'Rows: `filter` is a JSON array of {column, condition, value} (eq, neq, like, ilike, gt, gte, lt, lte, isEmpty, isNotEmpty, isTrue, isFalse)',
      access: table('read'), params: z.object({ id }),
      query: z.object({
        filter: z.string().max(8192).optional(), matchType: z.enum(['anyCondition', 'allConditions']).default('allConditions'),
        sortBy: z.string().max(63).optional(), sortDirection: z.enum(['asc', 'desc']).default('asc'),
        limit: z.coerce.number().int().min(1).max(1000).default(50), offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
      }).strict(),
      responses: { 200: '`{data, hasMore}`', 400: 'Invalid filter, unknown column', 404: 'Unknown table' },
      async handler(ctx, { params, query }) {
        const found = await service.queryRows(params.id, { conditions: parseFilter(query.filter), matchType: query.matchType }, {
          limit: query.limit + 1, offset: query.offset, ...(query.sortBy ? { sort: { column: query.sortBy, direction: query.sortDirection } } : {}),
        });
        ctx.body = { data: found.slice(0, query.limit), hasMore: found.length > query.limit };
      },
    }),
    route({
      method: 'post', path: '/api/v1/data-tables/:id/rows', tag: 'data-tables', summary: 'Insert rows (values by column name); all or none are written',
      access: table('write'), params: z.object({ id }), body: z.object({ rows: z.array(values).min(1).max(50_000) }).strict(),
      responses: { 201: '`{data}`: the rows with their ids', 400: 'A value does not fit its column, or an unknown column', 404: 'Unknown table' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = { data: await service.insertRows(params.id, body.rows, requestContext(ctx)) };
      },
    }),
    route({
      method: 'patch', path: '/api/v1/data-tables/:id/rows', tag: 'data-tables', summary: 'Update rows by id; all or none are written',
      access: table('write'), params: z.object({ id }),
      body: z.object({ changes: z.array(z.object({ id: z.number().int().min(1), values }).strict()).min(1).max(50_000) }).strict(),
      responses: { 200: '`{data}`: the rows after the change', 400: 'Invalid value', 404: 'Unknown table or row' },
      async handler(ctx, { params, body }) {
        ctx.body = { data: await service.updateRows(params.id, body.changes, requestContext(ctx)) };
      },
    }),
    route({
      method: 'delete', path: '/api/v1/data-tables/:id/rows', tag: 'data-tables', summary: 'Delete rows: `ids` is a comma-separated list of row ids',
      access: table('write'), params: z.object({ id }), query: z.object({ ids: z.string().regex(/^[0-9]+(,[0-9]+){0,9999}$/, 'comma-separated row ids') }).strict(),
      responses: { 204: 'Deleted', 400: 'No ids', 404: 'Unknown table or row' },
      async handler(ctx, { params, query }) {
        await service.deleteRows(params.id, query.ids.split(',').map(Number), requestContext(ctx));
        ctx.status = 204;
      },
    }),
    route({
      method: 'get', path: '/api/v1/data-tables/:id/rows/:rowId/history', tag: 'data-tables', summary: "Every change to a row: what was written, by whom, when",
      access: table('read'), params: z.object({ id, rowId }), responses: { 200: '`{data}`', 404: 'Unknown table or row' },
      async handler(ctx, { params }) {
        ctx.body = { data: await service.rowHistory(params.id, params.rowId) };
      },
    }),
  ];
}
