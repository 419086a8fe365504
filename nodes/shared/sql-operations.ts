// One statement per input item for each operation of n8n's SQL nodes (select, insert, update,
// upsert, deleteTable, executeQuery), read from the node's versioned parameters. Dialects supply
// quoting, placeholders, upsert syntax and how query parameters are bound.
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { collection, param } from './params.ts';
import {
  BoundValues, checkRowAgainstColumns, emptyStringsToNull, insertSql, locatorValue, orderBySql, returningSql, rowFor, updateSql,
  whereSql, type ColumnMapping, type SortRule, type SqlDialect, type SqlQuery, type WhereClause,
} from './sql-build.ts';
import type { PreparedStatement } from './sql-run.ts';

export interface SqlOperationDialect extends SqlDialect {
  /** Whether tables live in a schema the node names (Postgres) or in the credential's database (MySQL). */
  hasSchema: boolean;
  /** The statement for upsert, given the insert statement, the matching and the updated columns. */
  upsert(insert: string, match: string[], updates: string[]): string;
  /** The executeQuery statement with its query parameters bound, for one item. */
  executeQuery(ctx: ExecuteContext, query: string, itemIndex: number): SqlQuery;
  /** The table's columns and whether each is nullable; empty when unknown. */
  columns(schema: string, table: string): Promise<Map<string, { nullable: boolean }>>;
}

type Columns = Map<string, { nullable: boolean }>;

export async function prepareStatements(ctx: ExecuteContext, dialect: SqlOperationDialect, operation: string, items: Item[]): Promise<PreparedStatement[]> {
  const columnsCache = new Map<string, Promise<Columns>>();
  const columnsOf = (schema: string, table: string) => {
    const key = `${schema}.${table}`;
    if (!columnsCache.has(key)) columnsCache.set(key, dialect.columns(schema, table));
    return columnsCache.get(key)!;
  };
  const statements: PreparedStatement[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      statements.push(await prepareOne(ctx, dialect, operation, items[i], i, columnsOf));
    } catch (error) {
      statements.push({ error: error as Error });
    }
  }
  return statements;
}

async function prepareOne(
  ctx: ExecuteContext, dialect: SqlOperationDialect, operation: string, item: Item, i: number, columnsOf: (s: string, t: string) => Promise<Columns>,
): Promise<SqlQuery> {
  const node = ctx.node.name;
  const options = collection(ctx, 'options', i);
  if (operation === 'executeQuery') {
    return dialect.executeQuery(ctx, String(param(ctx, 'query', i, '')), i);
  }
  const schema = dialect.hasSchema ? locatorValue(param<unknown>(ctx, 'schema', i, 'public')) || 'public' : '';
  const table = locatorValue(param<unknown>(ctx, 'table', i, ''));
  if (!table) throw new Error('No table given: set the Table parameter');
  const target = dialect.hasSchema ? `${dialect.ident(schema)}.${dialect.ident(table)}` : dialect.ident(table);
  const bound = new BoundValues(dialect);
  const outputColumns = Array.isArray(options.outputColumns) ? (options.outputColumns as string[]) : [];

  if (operation === 'select') {
    const columns = outputColumns.length === 0 || outputColumns.includes('*') ? '*' : outputColumns.map((c) => dialect.ident(c)).join(', ');
    const distinct = options.selectDistinct ? 'DISTINCT ' : '';
    let text = `SELECT ${distinct}${columns} FROM ${target}`;
    text += whereSql(dialect, bound, whereClauses(ctx, i), String(param(ctx, 'combineConditions', i, String(options.combineConditions ?? 'AND'))), node, i);
    text += orderBySql(dialect, (collection(ctx, 'sort', i).values as SortRule[] | undefined) ?? []);
    if (!param(ctx, 'returnAll', i, false)) text += ` LIMIT ${bound.add(Math.max(0, Math.floor(Number(param(ctx, 'limit', i, 50)))))}`;
    return { text, values: bound.values };
  }

  if (operation === 'deleteTable') {
    const command = param(ctx, 'deleteCommand', i, 'truncate');
    const cascade = options.cascade && dialect.hasSchema ? ' CASCADE' : '';
    if (command === 'drop') return { text: `DROP TABLE IF EXISTS ${target}${cascade}`, values: [] };
    if (command === 'truncate') {
      const restart = dialect.hasSchema && param(ctx, 'restartSequences', i, false) ? ' RESTART IDENTITY' : '';
      return { text: `TRUNCATE TABLE ${target}${restart}${cascade}`, values: [] };
    }
    if (command === 'delete') {
      const combine = String(param(ctx, 'combineConditions', i, String(options.combineConditions ?? 'AND')));
      return { text: `DELETE FROM ${target}${whereSql(dialect, bound, whereClauses(ctx, i), combine, node, i)}`, values: bound.values };
    }
    throw new Error(`Invalid delete command '${command}', only drop, delete and truncate are supported`);
  }

  const mapping = columnMapping(ctx, operation, i);
  let row = rowFor(mapping, item.json);
  if (ctx.node.typeVersion < 2.2 && mapping.mode === 'defineBelow' && operation !== 'insert') {
    row[mapping.matchingColumns[0]] = param<unknown>(ctx, 'valueToMatchOn', i, '');
  }
  if (options.replaceEmptyStrings) row = emptyStringsToNull(row);
  checkRowAgainstColumns(row, await columnsOf(schema, table), node, i);
  const returning = returningSql(dialect, outputColumns);

  if (operation === 'insert') {
    const ignore = options.skipOnConflict ? (dialect.hasSchema ? ' ON CONFLICT DO NOTHING' : '') : '';
    const insert = insertSql(dialect, target, row, bound);
    const text = !dialect.hasSchema && options.skipOnConflict ? insert.replace(/^INSERT /, 'INSERT IGNORE ') : insert;
    return { text: `${text}${ignore}${returning}`, values: bound.values };
  }

  const match = mapping.matchingColumns.filter(Boolean);
  if (match.length === 0) throw new Error('No column to match on: choose the column(s) that identify the row');
  for (const column of match) {
    if (row[column] === undefined) {
      throw new Error(`Column to match on '${column}' not found in input item. Add a column to match on or set the 'Data Mode' to 'Define Below' to define the value to match on.`);
    }
  }
  if (operation === 'update') {
    const text = updateSql(dialect, target, row, match, bound, node, i);
    const described = match.map((c) => `${c}=${String(row[c])}`).join(', ');
    const mustAffectRows = ctx.node.typeVersion >= 2.2 ? `No rows matching the provided values (${described}) were found in the table "${table}".` : undefined;
    return { text: `${text}${returning}`, values: bound.values, ...(mustAffectRows ? { mustAffectRows } : {}) };
  }
  if (operation === 'upsert') {
    const updates = Object.keys(row).filter((k) => !match.includes(k));
    return { text: `${dialect.upsert(insertSql(dialect, target, row, bound), match, updates)}${returning}`, values: bound.values };
  }
  throw new Error(`The operation "${operation}" is not supported`);
}

function whereClauses(ctx: ExecuteContext, i: number): WhereClause[] {
  const values = collection(ctx, 'where', i).values;
  return Array.isArray(values) ? (values as WhereClause[]).map((c) => ({ ...c })) : [];
}

/** n8n's column mapping: dataMode/valuesToSend/columnToMatchOn before 2.2, the `columns` resource mapper after. */
function columnMapping(ctx: ExecuteContext, operation: string, i: number): ColumnMapping {
  if (ctx.node.typeVersion < 2.2) {
    const pairs = (collection(ctx, 'valuesToSend', i).values as Array<{ column: string; value: unknown }> | undefined) ?? [];
    return {
      mode: param(ctx, 'dataMode', i, 'autoMapInputData'),
      values: Object.fromEntries(pairs.map((p) => [p.column, p.value])),
      matchingColumns: operation === 'insert' ? [] : [String(param(ctx, 'columnToMatchOn', i, ''))],
    };
  }
  const columns = param<JsonObject>(ctx, 'columns', i, { mappingMode: 'defineBelow', value: null });
  const value = columns.value && typeof columns.value === 'object' ? (columns.value as JsonObject) : {};
  const matching = Array.isArray(columns.matchingColumns) ? (columns.matchingColumns as string[]) : [];
  return { mode: String(columns.mappingMode ?? 'defineBelow'), values: { ...value }, matchingColumns: operation === 'insert' ? [] : matching };
}
