// MySQL (n8n-nodes-base.mySql v2 … 2.5) on MySQL or MariaDB: execute a query with $1…$n query
// parameters, select, insert, update, upsert and delete rows, on a pooled connection per credential.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeType } from '../../engine/index.ts';
import { collection, param, rawParam } from '../shared/params.ts';
import { resolvables, splitReplacements, type SqlQuery } from '../shared/sql-build.ts';
import { prepareStatements, type SqlOperationDialect } from '../shared/sql-operations.ts';
import { runStatements, type SqlSession } from '../shared/sql-run.ts';
import { mySqlError, mySqlIdent, withMySql } from './my-sql-connection.ts';
import { mySqlProperties } from './my-sql.description.ts';
import { mySqlMethods } from './my-sql-methods.ts';

const ident = mySqlIdent;

function resolveQueryText(ctx: ExecuteContext, query: string, itemIndex: number): string {
  let text = query;
  for (const part of resolvables(query)) {
    const value = ctx.evaluateExpression(part, itemIndex);
    text = text.replace(part, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? ''));
  }
  return text;
}

/** Query parameters from a comma-separated text (each entry's expression resolved on its own), a list, or n8n's older `values` collection. */
function queryParameters(ctx: ExecuteContext, itemIndex: number): unknown[] {
  const resolved = collection(ctx, 'options', itemIndex).queryReplacement;
  if (Array.isArray(resolved)) return resolved;
  if (resolved && typeof resolved === 'object') return ((resolved as JsonObject).values as Array<{ value: unknown }> | undefined ?? []).map((v) => v.value);
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

/** `$n` becomes a bound `?` and `$n:name` a quoted identifier, outside quoted text (n8n 2.5's rule). */
export function bindDollarParameters(text: string, replacements: unknown[], node: string, itemIndex: number): SqlQuery {
  const values: unknown[] = [];
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
      continue;
    }
    const match = ch === '$' ? /^\$(\d+)(:name)?/.exec(text.slice(i)) : null;
    if (!match) {
      out += ch;
      continue;
    }
    const index = Number(match[1]) - 1;
    if (index < 0 || index >= replacements.length) {
      throw new NodeOperationError(node, `Parameter $${match[1]} referenced in query but no replacement value provided at index ${index + 1}`, { itemIndex });
    }
    const value = replacements[index];
    if (match[2]) out += ident(String(value));
    else {
      out += '?';
      values.push(value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);
    }
    i += match[0].length - 1;
  }
  return { text: out, values };
}

function mySqlDialect(session: SqlSession): SqlOperationDialect {
  return {
    ident,
    placeholder: () => '?',
    returning: false,
    hasSchema: false,
    upsert: (insert, _match, updates) => {
      const set = (updates.length > 0 ? updates : _match).map((c) => `${ident(c)} = VALUES(${ident(c)})`).join(', ');
      return `${insert} ON DUPLICATE KEY UPDATE ${set}`;
    },
    executeQuery: (c, query, i) => bindDollarParameters(resolveQueryText(c, query, i), queryParameters(c, i), c.node.name, i),
    columns: async (_schema, table) => {
      const result = await session.run({
        text: 'SELECT column_name AS name, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?',
        values: [table],
      });
      return new Map((result.rows ?? []).map((r) => [String(r.name), { nullable: r.nullable === 'YES' }]));
    },
  };
}

export const mySqlNode: NodeType = {
  methods: mySqlMethods,
  description: {
    name: 'n8n-nodes-base.mySql',
    displayName: 'MySQL',
    group: ['input'],
    version: [2, 2.1, 2.2, 2.3, 2.4, 2.5],
    description: 'Get, add and update data in MySQL',
    icon: 'file:mysql.svg',
    defaults: { name: 'MySQL' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'mySql', required: true }],
    properties: mySqlProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const operation = param(ctx, 'operation', 0, 'insert');
    const options = collection(ctx, 'options', 0);
    const credentials = await ctx.credentials.get('mySql');
    const describe = (error: unknown, query: SqlQuery | undefined, itemIndex: number) =>
      error instanceof NodeOperationError ? error : mySqlError(ctx.node.name, error, query, itemIndex);
    const use = {
      connectTimeoutMs: Number(options.connectionTimeoutMillis ?? 0),
      connectionLimit: Number(options.connectionLimit ?? 10),
      largeNumbersOutput: String(options.largeNumbersOutput ?? 'text'),
    };
    try {
      const output = await withMySql(credentials, use, async (session) => {
        const statements = await prepareStatements(ctx, mySqlDialect(session), operation, items);
        const priority = operation === 'insert' && typeof options.priority === 'string' && ['LOW_PRIORITY', 'HIGH_PRIORITY'].includes(options.priority) ? options.priority : undefined;
        // n8n's MySQL does not check that an update found its row (its Postgres does).
        const prepared = statements.map((s) => {
          if (!('text' in s)) return s;
          const { mustAffectRows: _unchecked, ...query } = s;
          return priority ? { ...query, text: query.text.replace(/^INSERT (IGNORE )?/, `INSERT ${priority} $1`) } : query;
        });
        return runStatements(session, prepared, items, {
          node: ctx.node.name,
          // n8n's MySQL before 2.2 called single mode 'multiple'.
          mode: options.queryBatching === 'multiple' ? 'single' : String(options.queryBatching ?? 'single'),
          legacyEmptyResult: ctx.node.typeVersion < 2.2,
          operation,
          continueOnFail: ctx.continueOnFail(),
          describeError: describe,
        });
      });
      return [output];
    } catch (error) {
      const nodeError = describe(error, undefined, 0);
      if (!ctx.continueOnFail()) throw nodeError;
      return [items.map((item, i) => ({ json: { message: nodeError.message, item: item.json, error: { message: nodeError.message, description: nodeError.details.description } }, pairedItem: { item: i } }))];
    }
  },
};
