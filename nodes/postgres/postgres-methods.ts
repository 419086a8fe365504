// The Postgres node's (v2) editor methods: schemas and tables for its resource locators, and a
// table's columns for its column dropdowns, read from information_schema as n8n does.
import { NodeOperationError, type ExecuteContext, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { locatorValue } from '../shared/sql-build.ts';
import { postgresError, withPostgres } from './postgres-connection.ts';

async function query(ctx: ExecuteContext, text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const credentials = await ctx.credentials.get('postgres');
  const options = param<Record<string, unknown>>(ctx, 'options', 0, {});
  try {
    return await withPostgres(credentials, { connectionTimeout: Number(options.connectionTimeout ?? 30) }, async (session) => (await session.run({ text, values })).rows ?? []);
  } catch (error) {
    throw error instanceof NodeOperationError ? error : postgresError(ctx.node.name, error, { text, values }, 0);
  }
}

const names = (rows: Array<Record<string, unknown>>, column: string) => rows.map((row) => ({ name: String(row[column]), value: String(row[column]) }));

async function columns(ctx: ExecuteContext): Promise<LoadedOption[]> {
  const schema = locatorValue(param<unknown>(ctx, 'schema', 0, 'public')) || 'public';
  const table = locatorValue(param<unknown>(ctx, 'table', 0, ''));
  const rows = await query(ctx,
    'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    [schema, table]);
  return rows.map((row) => ({
    name: String(row.column_name),
    value: String(row.column_name),
    description: `Type: ${String(row.data_type).toUpperCase()}, Nullable: ${String(row.is_nullable)}`,
  }));
}

export const postgresMethods: NodeMethods = {
  listSearch: {
    async schemaSearch(ctx) {
      return { results: names(await query(ctx, 'SELECT schema_name FROM information_schema.schemata ORDER BY schema_name'), 'schema_name') };
    },
    async tableSearch(ctx) {
      const schema = locatorValue(param<unknown>(ctx, 'schema', 0, 'public')) || 'public';
      return { results: names(await query(ctx, 'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]), 'table_name') };
    },
  },
  loadOptions: {
    getColumns: columns,
    async getColumnsMultiOptions(ctx) {
      return [{ name: '*', value: '*', description: 'All columns' }, ...(await columns(ctx))];
    },
  },
};
