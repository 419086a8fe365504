// The Postgres Trigger's editor methods: schemas and the chosen schema's tables for its locators.
import pg from 'pg';
import { NodeOperationError, type ExecuteContext, type NodeMethods } from '../../engine/index.ts';
import { pgConfig } from '../shared/pg-config.ts';
import { param } from '../shared/params.ts';
import { locatorValue } from '../shared/sql-build.ts';

/** One short-lived connection per call, as the trigger's own set-up uses. */
async function names(ctx: ExecuteContext, text: string, values: unknown[], column: string) {
  const client = new pg.Client(pgConfig(await ctx.credentials.get('postgres'), 10));
  client.on('error', () => {});
  try {
    await client.connect();
    const result = await client.query(text, values);
    return { results: result.rows.map((row: Record<string, unknown>) => ({ name: String(row[column]), value: String(row[column]) })) };
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message, { description: `Failed query: ${text}` });
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgresTriggerMethods: NodeMethods = {
  listSearch: {
    async searchSchema(ctx) {
      return names(ctx, 'SELECT schema_name FROM information_schema.schemata ORDER BY schema_name', [], 'schema_name');
    },
    async searchTables(ctx) {
      const schema = locatorValue(param<unknown>(ctx, 'schema', 0, 'public')) || 'public';
      return names(ctx, 'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema], 'table_name');
    },
  },
};
