// Running the statements of n8n's SQL nodes with its "Query Batching" modes and output shapes:
// 'single' runs every item's statement as one unit (all or nothing, like n8n's one multi-statement
// query), 'independently' one after the other, 'transaction' inside one transaction that stops at
// the first failure. Rows become items paired to the item whose statement returned them.
import { NodeOperationError, type Item, type JsonObject, type PairedItem } from '../../engine/index.ts';
import { isSelectQuery, type SqlQuery } from './sql-build.ts';

export interface SqlStatementResult {
  /** The rows of the statement's (last) row set; undefined for a statement without one. */
  rows?: JsonObject[];
  /** What the server said about a write (affected rows …), for detailed output. */
  info?: JsonObject;
  /** Rows a write changed, when the driver says. */
  affectedRows?: number;
}

/** One connection, held for the whole batch. */
export interface SqlSession {
  run(query: SqlQuery): Promise<SqlStatementResult>;
}

/** A statement per input item, or the reason it could not be built. */
export type PreparedStatement = SqlQuery | { error: Error };

export interface SqlRunOptions {
  node: string;
  mode: string;
  /** n8n before Postgres 2.3 / MySQL 2.2: an empty result is `{success: true}` unless the operation is select. */
  legacyEmptyResult: boolean;
  operation: string;
  continueOnFail: boolean;
  /** Turns a driver error into the node error users see (server message, item index). */
  describeError(error: unknown, query: SqlQuery | undefined, itemIndex: number): NodeOperationError;
}

const paired = (i: number): PairedItem => ({ item: i });

function isPrepared(statement: PreparedStatement): statement is SqlQuery {
  return !('error' in statement);
}

/** The n8n shape of a failed item under "continue on fail". */
export function errorItem(error: NodeOperationError, items: Item[], itemIndex: number): Item {
  return {
    json: { message: error.message, item: { ...(items[itemIndex]?.json ?? {}) }, error: { message: error.message, ...(error.details.description ? { description: error.details.description } : {}) } },
    pairedItem: paired(itemIndex),
  };
}

/** Runs one statement; an update that must find its row fails when it changed none (n8n 2.2+). */
async function runOne(session: SqlSession, query: SqlQuery, itemIndex: number, options: SqlRunOptions): Promise<SqlStatementResult> {
  const result = await session.run(query);
  if (query.mustAffectRows !== undefined && result.affectedRows === 0) {
    throw new NodeOperationError(options.node, "The row you are trying to update doesn't exist", { itemIndex, description: query.mustAffectRows });
  }
  return result;
}

function outputFor(result: SqlStatementResult, query: SqlQuery, itemIndex: number, options: SqlRunOptions): Item[] {
  if (result.rows && result.rows.length > 0) return result.rows.map((json) => ({ json, pairedItem: paired(itemIndex) }));
  const reads = options.legacyEmptyResult ? options.operation === 'select' : isSelectQuery(query.text);
  if (reads) return [];
  return [{ json: { success: true }, pairedItem: paired(itemIndex) }];
}

function asNodeError(error: unknown, query: SqlQuery | undefined, itemIndex: number, options: SqlRunOptions): NodeOperationError {
  return error instanceof NodeOperationError ? error : options.describeError(error, query, itemIndex);
}

export async function runStatements(session: SqlSession, statements: PreparedStatement[], items: Item[], options: SqlRunOptions): Promise<Item[]> {
  const output: Item[] = [];
  const failed = (error: unknown, query: SqlQuery | undefined, i: number) => {
    const nodeError = asNodeError(error, query, i, options);
    if (!options.continueOnFail) throw nodeError;
    return nodeError;
  };
  // Statements that could not be built fail their own item, whatever the batching.
  const runnable: Array<{ query: SqlQuery; index: number }> = [];
  statements.forEach((statement, i) => {
    if (isPrepared(statement)) runnable.push({ query: statement, index: i });
    else output.push(errorItem(failed(statement.error, undefined, i), items, i));
  });
  if (runnable.length === 0) return output;

  if (options.mode === 'independently') {
    for (const { query, index } of runnable) {
      try {
        output.push(...outputFor(await runOne(session, query, index, options), query, index, options));
      } catch (error) {
        output.push(errorItem(failed(error, query, index), items, index));
      }
    }
    return sortByItem(output);
  }

  await session.run({ text: 'BEGIN', values: [] });
  const done: Array<{ result: SqlStatementResult; query: SqlQuery; index: number }> = [];
  let current = runnable[0];
  try {
    for (const entry of runnable) {
      current = entry;
      done.push({ result: await runOne(session, entry.query, entry.index, options), ...entry });
    }
    await session.run({ text: 'COMMIT', values: [] });
  } catch (error) {
    await session.run({ text: 'ROLLBACK', values: [] }).catch(() => {});
    const nodeError = failed(error, current.query, current.index);
    if (options.mode === 'transaction') {
      // n8n keeps what ran before the failure in the output (rolled back) and stops there.
      const before = done.flatMap((d) => outputFor(d.result, d.query, d.index, options));
      return sortByItem([...output, ...before, errorItem(nodeError, items, current.index)]);
    }
    const all = runnable.map((r) => paired(r.index));
    return sortByItem([...output, { json: { message: nodeError.message, error: { message: nodeError.message } }, pairedItem: all }]);
  }
  if (options.mode === 'transaction') {
    return sortByItem([...output, ...done.flatMap((d) => outputFor(d.result, d.query, d.index, options))]);
  }
  // 'single': the rows of every statement, or one `{success: true}` for the whole batch (as n8n's multi-statement query).
  const rows = done.flatMap((d) => (d.result.rows ?? []).map((json) => ({ json, pairedItem: paired(d.index) })));
  if (rows.length > 0) return sortByItem([...output, ...rows]);
  const reads = options.legacyEmptyResult ? options.operation === 'select' : done.every((d) => isSelectQuery(d.query.text));
  return sortByItem(reads ? output : [...output, { json: { success: true }, pairedItem: done.map((d) => paired(d.index)) }]);
}

function firstItem(item: Item): number {
  const p = item.pairedItem;
  if (Array.isArray(p)) return p[0]?.item ?? 0;
  if (typeof p === 'number') return p;
  return p?.item ?? 0;
}

function sortByItem(output: Item[]): Item[] {
  return output.map((item, order) => ({ item, order })).sort((a, b) => firstItem(a.item) - firstItem(b.item) || a.order - b.order).map((e) => e.item);
}
