// Postgres v1 (n8n-nodes-base.postgres typeVersion 1), for older exports: execute a query whose
// $1…$n take the values of the listed item properties, insert and update with comma-separated
// columns ("id:int,name:text", casts allowed) and return fields.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { getPath } from '../shared/paths.ts';
import { collection, param } from '../shared/params.ts';
import { BoundValues, type SqlDialect, type SqlQuery } from '../shared/sql-build.ts';
import { runStatements, type PreparedStatement } from '../shared/sql-run.ts';
import { postgresError, withPostgres } from './postgres-connection.ts';

const ident = (name: string) => `"${String(name).replace(/"/g, '""')}"`;
const dialect: SqlDialect = { ident, placeholder: (n) => `$${n}`, returning: true };
const CAST = /^[A-Za-z_][A-Za-z0-9_ ]*(\[\])?$/;
const op = (operation: string[]) => ({ displayOptions: { show: { operation } } });

const properties: NodeProperty[] = [
  {
    displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'insert',
    options: [
      { name: 'Execute Query', value: 'executeQuery', description: 'Execute an SQL query' },
      { name: 'Insert', value: 'insert', description: 'Insert rows in database' },
      { name: 'Update', value: 'update', description: 'Update rows in database' },
    ],
  },
  { displayName: 'Query', name: 'query', type: 'string', default: '', required: true, placeholder: 'SELECT id, name FROM product WHERE quantity > $1 AND price <= $2', ...op(['executeQuery']) },
  { displayName: 'Schema', name: 'schema', type: 'string', default: 'public', required: true, description: 'Name of the schema the table belongs to', ...op(['insert', 'update']) },
  { displayName: 'Table', name: 'table', type: 'string', default: '', required: true, description: 'Name of the table', ...op(['insert', 'update']) },
  { displayName: 'Update Key', name: 'updateKey', type: 'string', default: 'id', required: true, description: 'Comma-separated list of the properties which decides which rows in the database should be updated', ...op(['update']) },
  { displayName: 'Columns', name: 'columns', type: 'string', default: '', placeholder: 'id:int,name:text,description', description: 'Comma-separated list of the properties to use as columns; cast with colons (:) like id:int', ...op(['insert', 'update']) },
  { displayName: 'Return Fields', name: 'returnFields', type: 'string', default: '*', description: 'Comma-separated list of the fields that the operation will return', ...op(['insert', 'update']) },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      {
        displayName: 'Mode', name: 'mode', type: 'options', default: 'multiple',
        options: [
          { name: 'Independently', value: 'independently', description: 'Execute each query independently' },
          { name: 'Multiple Queries', value: 'multiple', description: 'Sends multiple queries at once to database' },
          { name: 'Transaction', value: 'transaction', description: 'Executes all queries in a single transaction' },
        ],
      },
      { displayName: 'Output Large-Format Numbers As', name: 'largeNumbersOutput', type: 'options', default: 'text', options: [{ name: 'Numbers', value: 'numbers' }, { name: 'Text', value: 'text' }] },
      { displayName: 'Query Parameters', name: 'queryParams', type: 'string', default: '', placeholder: 'quantity,price', description: 'Comma-separated list of properties which should be used as query parameters', displayOptions: { show: { '/operation': ['executeQuery'] } } },
    ],
  },
];

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

/** "name:type" entries: the column and its optional cast (checked, since it becomes SQL text). */
function columnsWithCasts(ctx: ExecuteContext, raw: string, itemIndex: number): Array<{ column: string; cast?: string }> {
  return list(raw).map((entry) => {
    const [column, cast] = entry.split(':').map((s) => s.trim());
    if (cast !== undefined && !CAST.test(cast)) throw new NodeOperationError(ctx.node.name, `The type cast '${cast}' of column '${column}' is not a type name`, { itemIndex });
    return { column, ...(cast ? { cast } : {}) };
  });
}

function returning(raw: string): string {
  const fields = list(raw);
  return fields.length === 0 || fields.includes('*') ? ' RETURNING *' : ` RETURNING ${fields.map(ident).join(', ')}`;
}

function prepare(ctx: ExecuteContext, operation: string, item: Item, i: number): SqlQuery {
  if (operation === 'executeQuery') {
    const names = list(String(collection(ctx, 'additionalFields', i).queryParams ?? ''));
    return { text: param(ctx, 'query', i, ''), values: names.map((name) => getPath(item.json, name) ?? null) };
  }
  const target = `${ident(param(ctx, 'schema', i, 'public'))}.${ident(param(ctx, 'table', i, ''))}`;
  const bound = new BoundValues(dialect);
  const value = (column: string, cast?: string) => `${bound.add(getPath(item.json, column) as JsonObject[string])}${cast ? `::${cast}` : ''}`;
  const columns = columnsWithCasts(ctx, param(ctx, 'columns', i, ''), i);
  const back = returning(param(ctx, 'returnFields', i, '*'));
  if (operation === 'insert') {
    return { text: `INSERT INTO ${target} (${columns.map((c) => ident(c.column)).join(', ')}) VALUES (${columns.map((c) => value(c.column, c.cast)).join(', ')})${back}`, values: bound.values };
  }
  if (operation === 'update') {
    const keys = columnsWithCasts(ctx, param(ctx, 'updateKey', i, 'id'), i);
    const set = columns.filter((c) => !keys.some((k) => k.column === c.column));
    if (set.length === 0) throw new NodeOperationError(ctx.node.name, 'No columns to update: list them in Columns', { itemIndex: i });
    const assignments = set.map((c) => `${ident(c.column)} = ${value(c.column, c.cast)}`).join(', ');
    const where = keys.map((k) => `${ident(k.column)} = ${value(k.column, k.cast)}`).join(' AND ');
    return { text: `UPDATE ${target} SET ${assignments} WHERE ${where}${back}`, values: bound.values };
  }
  throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not supported!`);
}

export const postgresV1Node: NodeType = {
  description: {
    name: 'n8n-nodes-base.postgres',
    displayName: 'Postgres',
    group: ['input'],
    version: [1],
    description: 'Get, add and update data in Postgres',
    icon: 'file:postgres.svg',
    defaults: { name: 'Postgres' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'postgres', required: true }],
    properties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'insert');
    const fields = collection(ctx, 'additionalFields', 0);
    const statements: PreparedStatement[] = items.map((item, i) => {
      try {
        return prepare(ctx, operation, item, i);
      } catch (error) {
        return { error: error as Error };
      }
    });
    const describe = (error: unknown, query: SqlQuery | undefined, itemIndex: number) =>
      error instanceof NodeOperationError ? error : postgresError(ctx.node.name, error, query, itemIndex);
    try {
      return [await withPostgres(await ctx.credentials.get('postgres'), { largeNumbersOutput: String(fields.largeNumbersOutput ?? 'text') }, (session) =>
        runStatements(session, statements, items, {
          node: ctx.node.name,
          mode: fields.mode === 'independently' || fields.mode === 'transaction' ? fields.mode : 'single',
          legacyEmptyResult: true,
          operation,
          continueOnFail: ctx.continueOnFail(),
          describeError: describe,
        }))];
    } catch (error) {
      throw describe(error, undefined, 0);
    }
  },
};
