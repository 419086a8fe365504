// Postgres (n8n-nodes-base.postgres v2 … 2.6): execute a query with $1…$n query parameters, select,
// insert, update, upsert and delete rows, on a pooled connection per credential.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { collection, param, rawParam } from '../shared/params.ts';
import { resolvables, splitReplacements, type SqlQuery } from '../shared/sql-build.ts';
import { prepareStatements, type SqlOperationDialect } from '../shared/sql-operations.ts';
import { runStatements, type SqlSession } from '../shared/sql-run.ts';
import { postgresError, withPostgres } from './postgres-connection.ts';
import { postgresProperties } from './postgres.description.ts';
import { postgresMethods } from './postgres-methods.ts';

const ident = (name: string) => `"${String(name).replace(/"/g, '""')}"`;

/** The query text with its `{{ }}` parts resolved, as n8n does for the SQL editor. */
export function resolveQueryText(ctx: ExecuteContext, query: string, itemIndex: number): string {
  let text = query;
  for (const part of resolvables(query)) {
    const value = ctx.evaluateExpression(part, itemIndex);
    text = text.replace(part, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? ''));
  }
  return text;
}

/** Query parameters: the raw comma-separated list, each entry's expression resolved on its own (so a comma in a value stays in it). */
export function queryParameters(ctx: ExecuteContext, itemIndex: number): unknown[] {
  const resolved = collection(ctx, 'options', itemIndex).queryReplacement;
  if (Array.isArray(resolved)) return resolved;
  const raw = (rawParam(ctx, 'options') as JsonObject | undefined)?.queryReplacement;
  if (typeof raw !== 'string' || raw === '') return [];
  const values: unknown[] = [];
  for (const entry of splitReplacements(raw.replace(/^=+/, ''))) {
    const parts = resolvables(entry);
    if (parts.length === 0) values.push(entry);
    else for (const part of parts) values.push(ctx.evaluateExpression(part, itemIndex));
  }
  return values;
}

function postgresDialect(ctx: ExecuteContext, session: SqlSession): SqlOperationDialect {
  return {
    ident,
    placeholder: (n) => `$${n}`,
    returning: true,
    hasSchema: true,
    upsert: (insert, match, updates) => {
      const target = match.map(ident).join(', ');
      if (updates.length === 0) return `${insert} ON CONFLICT (${target}) DO NOTHING`;
      return `${insert} ON CONFLICT (${target}) DO UPDATE SET ${updates.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}`;
    },
    executeQuery: (c, query, i): SqlQuery => ({
      text: resolveQueryText(c, query, i),
      values: queryParameters(c, i).map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v)),
    }),
    columns: async (schema, table) => {
      const result = await session.run({
        text: 'SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
        values: [schema, table],
      });
      return new Map((result.rows ?? []).map((r) => [String(r.column_name), { nullable: r.is_nullable === 'YES' }]));
    },
  };
}

export const postgresNode: NodeType = {
  methods: postgresMethods,
  description: {
    name: 'n8n-nodes-base.postgres',
    displayName: 'Postgres',
    group: ['input'],
    version: [2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6],
    description: 'Get, add and update data in Postgres',
    icon: 'file:postgres.svg',
    defaults: { name: 'Postgres' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'postgres', required: true }],
    properties: postgresProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'insert');
    const options = collection(ctx, 'options', 0);
    const credentials = await ctx.credentials.get('postgres');
    const describe = (error: unknown, query: SqlQuery | undefined, itemIndex: number) =>
      error instanceof NodeOperationError ? error : postgresError(ctx.node.name, error, query, itemIndex);
    try {
      const output = await withPostgres(credentials, { connectionTimeout: Number(options.connectionTimeout ?? 30), largeNumbersOutput: String(options.largeNumbersOutput ?? 'text') }, async (session) => {
        const statements = await prepareStatements(ctx, postgresDialect(ctx, session), operation, items);
        return runStatements(session, statements, items, {
          node: ctx.node.name,
          mode: String(options.queryBatching ?? 'single'),
          legacyEmptyResult: ctx.node.typeVersion < 2.3,
          operation,
          continueOnFail: ctx.continueOnFail(),
          describeError: describe,
        });
      });
      return [output];
    } catch (error) {
      // Failing to connect fails every item alike; with continue-on-fail each item says so.
      const nodeError = describe(error, undefined, 0);
      if (!ctx.continueOnFail()) throw nodeError;
      return [items.map((item, i) => ({ json: { message: nodeError.message, item: item.json, error: { message: nodeError.message, description: nodeError.details.description } }, pairedItem: { item: i } }))];
    }
  },
};
