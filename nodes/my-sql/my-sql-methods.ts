// The MySQL node's editor methods: the credential database's tables for the table locator (v1
// filters them by the search text), and a table's columns for the column dropdowns (v2).
import { NodeOperationError, type ExecuteContext, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { locatorValue } from '../shared/sql-build.ts';
import { mySqlError, mySqlIdent, withMySql } from './my-sql-connection.ts';

async function query(ctx: ExecuteContext, run: (database: string) => { text: string; values: unknown[] }): Promise<Array<Record<string, unknown>>> {
  const credentials = await ctx.credentials.get('mySql');
  const options = ctx.node.typeVersion >= 2 ? collection(ctx, 'options', 0) : {};
  const statement = run(String(credentials.database ?? ''));
  try {
    return await withMySql(credentials, { connectTimeoutMs: Number(options.connectionTimeoutMillis ?? 0), connectionLimit: Number(options.connectionLimit ?? 10) },
      async (session) => (await session.run(statement)).rows ?? []);
  } catch (error) {
    throw error instanceof NodeOperationError ? error : mySqlError(ctx.node.name, error, statement, 0);
  }
}

async function columns(ctx: ExecuteContext): Promise<LoadedOption[]> {
  const table = locatorValue(param<unknown>(ctx, 'table', 0, ''));
  const rows = await query(ctx, (database) => ({ text: `SHOW COLUMNS FROM ${mySqlIdent(table)} FROM ${mySqlIdent(database)}`, values: [] }));
  return rows.map((row) => ({
    name: String(row.Field),
    value: String(row.Field),
    description: `type: ${String(row.Type).toUpperCase()}, nullable: ${String(row.Null)}`,
  }));
}

export const mySqlMethods: NodeMethods = {
  listSearch: {
    async searchTables(ctx, filter) {
      const rows = await query(ctx, (database) => ({
        text: 'SELECT TABLE_NAME AS table_name FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ? ORDER BY TABLE_NAME',
        values: [database, `%${filter ?? ''}%`],
      }));
      return { results: rows.map((row) => ({ name: String(row.table_name), value: String(row.table_name) })) };
    },
  },
  loadOptions: {
    getColumns: columns,
    async getColumnsMultiOptions(ctx) {
      return [{ name: '*', value: '*', description: 'All columns' }, ...(await columns(ctx))];
    },
  },
};
