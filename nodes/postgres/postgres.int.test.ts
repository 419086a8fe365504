// The Postgres node against the real PostgreSQL on 127.0.0.1:5432: every operation with asserted
// rows, query parameters that stay data, continue-on-fail per item, and the errors users see.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';

const CREDENTIAL = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const table = `weft_pg_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ ...CREDENTIAL, ssl: false });
let available = true;

beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    available = false;
    console.warn(`Skipping Postgres tests: no server at 127.0.0.1:5432 (${(error as Error).message})`);
  }
});
afterAll(async () => {
  if (available) await admin.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await admin.end().catch(() => {});
});
beforeEach(async (test) => {
  if (!available) return test.skip();
  await admin.query(`DROP TABLE IF EXISTS ${table}`);
  await admin.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, name text NOT NULL, score bigint)`);
  await admin.query(`INSERT INTO ${table} VALUES (1, 'ada', 10), (2, 'bob', 20), (3, 'cy', 30)`);
});

const node = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
  name: 'Postgres', type: 'n8n-nodes-base.postgres', typeVersion: 2.6, parameters, credentials: { postgres: { id: 'c1', name: 'pg' } }, ...extra,
});
const rl = (value: string) => ({ __rl: true, mode: 'name', value });
const on = { schema: rl('public'), table: rl(table) };
const run = (n: TestNode, items = [{ json: {} }], credentials: Record<string, unknown> = CREDENTIAL) => runChain([n], { items, credentials: { postgres: credentials } });
const rows = async () => (await admin.query(`SELECT id, name, score FROM ${table} ORDER BY id`)).rows;

describe('Postgres node', () => {
  it('executes a query with query parameters; a quote in an item value stays data', async () => {
    const tricky = "o'brien'); DROP TABLE x; --";
    const result = await run(node({
      operation: 'executeQuery',
      query: `INSERT INTO ${table} (id, name) VALUES ($1, $2) RETURNING id, name`,
      options: { queryReplacement: '={{ $json.id }}, {{ $json.name }}' },
    }), [{ json: { id: 7, name: tricky } }, { json: { id: 8, name: 'plain' } }]);
    expect(result.data.resultData.error).toBeUndefined();
    expect(outputOf(result, 'Postgres')).toEqual([
      { json: { id: 7, name: tricky }, pairedItem: { item: 0 } },
      { json: { id: 8, name: 'plain' }, pairedItem: { item: 1 } },
    ]);
    expect((await rows()).map((r) => r.name)).toEqual(['ada', 'bob', 'cy', tricky, 'plain']);
  });

  it('selects with where, sort and limit, and with return all', async () => {
    const limited = await run(node({
      operation: 'select', ...on, limit: 2,
      where: { values: [{ column: 'score', condition: '>=', value: '15' }] },
      sort: { values: [{ column: 'id', direction: 'DESC' }] },
    }));
    expect(outputOf(limited, 'Postgres').map((i) => i.json)).toEqual([{ id: 3, name: 'cy', score: '30' }, { id: 2, name: 'bob', score: '20' }]);
    const all = await run(node({ operation: 'select', ...on, returnAll: true, options: { outputColumns: ['name'], largeNumbersOutput: 'numbers' } }));
    expect(outputOf(all, 'Postgres').map((i) => i.json)).toEqual([{ name: 'ada' }, { name: 'bob' }, { name: 'cy' }]);
    const like = await run(node({ operation: 'select', ...on, returnAll: true, where: { values: [{ column: 'name', condition: 'LIKE', value: "b%' OR '1'='1" }] } }));
    expect(outputOf(like, 'Postgres')).toEqual([]);
  });

  it('inserts auto-mapped items (2.6 resource mapper) and returns the rows', async () => {
    const result = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} } }), [{ json: { id: 4, name: 'dee', score: 40 } }]);
    expect(outputOf(result, 'Postgres')).toEqual([{ json: { id: 4, name: 'dee', score: '40' }, pairedItem: { item: 0 } }]);
    expect(await rows()).toHaveLength(4);
  });

  it('inserts with v2 define-below values', async () => {
    const result = await run(node({ operation: 'insert', ...on, dataMode: 'defineBelow', valuesToSend: { values: [{ column: 'id', value: '={{ $json.n }}' }, { column: 'name', value: 'v2' }] } }, { typeVersion: 2 }), [{ json: { n: 9 } }]);
    expect(outputOf(result, 'Postgres').map((i) => i.json)).toEqual([{ id: 9, name: 'v2', score: null }]);
  });

  it('updates matching rows and fails clearly when no row matches', async () => {
    const updated = await run(node({ operation: 'update', ...on, columns: { mappingMode: 'defineBelow', value: { id: 2, name: 'robert' }, matchingColumns: ['id'] } }));
    expect(outputOf(updated, 'Postgres').map((i) => i.json)).toEqual([{ id: 2, name: 'robert', score: '20' }]);
    const missing = await run(node({ operation: 'update', ...on, columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: ['id'] } }), [{ json: { id: 99, name: 'x' } }]);
    expect(missing.data.resultData.error?.message).toBe("The row you are trying to update doesn't exist");
  });

  it('upserts: updates an existing row and inserts a new one', async () => {
    const result = await run(node({ operation: 'upsert', ...on, columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: ['id'] } }), [
      { json: { id: 1, name: 'ada2', score: 11 } }, { json: { id: 5, name: 'eve', score: 50 } },
    ]);
    expect(outputOf(result, 'Postgres').map((i) => i.json.name)).toEqual(['ada2', 'eve']);
    expect((await rows()).map((r) => `${r.id}:${r.name}`)).toEqual(['1:ada2', '2:bob', '3:cy', '5:eve']);
  });

  it('deletes matching rows, truncates and drops', async () => {
    const deleted = await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'delete', where: { values: [{ column: 'name', condition: 'equal', value: 'bob' }] } }));
    expect(outputOf(deleted, 'Postgres')).toEqual([{ json: { success: true }, pairedItem: [{ item: 0 }] }]);
    expect((await rows()).map((r) => r.name)).toEqual(['ada', 'cy']);
    await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'truncate' }));
    expect(await rows()).toEqual([]);
    await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'drop' }));
    const exists = await admin.query('SELECT to_regclass($1) AS t', [`public.${table}`]);
    expect(exists.rows[0].t).toBeNull();
  });

  it('continues on fail per item when queries run independently', async () => {
    const result = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} }, options: { queryBatching: 'independently' } }, { continueOnFail: true }), [
      { json: { id: 10, name: 'ok' } }, { json: { id: 1, name: 'duplicate' } }, { json: { id: 11, name: 'ok too' } },
    ]);
    const out = outputOf(result, 'Postgres');
    expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(out[1].json.message).toMatch(/duplicate key value violates unique constraint/);
    expect(out[1].json.item).toEqual({ id: 1, name: 'duplicate' });
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 10, 11]);
  });

  it('rolls the whole transaction back when one item fails', async () => {
    const result = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} }, options: { queryBatching: 'transaction' } }), [
      { json: { id: 20, name: 'a' } }, { json: { id: 2, name: 'dup' } },
    ]);
    expect(result.data.resultData.error?.message).toMatch(/duplicate key/);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('names a syntax error with its position, and an unknown column', async () => {
    const syntax = await run(node({ operation: 'executeQuery', query: 'SELECT * FROMM nothing' }));
    expect(syntax.data.resultData.error?.message).toBe('syntax error at or near "FROMM" at position 10');
    const column = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} } }), [{ json: { id: 30, nope: 1 } }]);
    expect(column.data.resultData.error?.message).toBe("Column 'nope' does not exist in selected table");
  });

  it('v1: executes with item properties as query parameters, inserts with casts and updates by key', async () => {
    const v1 = (parameters: Record<string, unknown>) => node(parameters, { typeVersion: 1 });
    const query = await run(v1({ operation: 'executeQuery', query: `SELECT name FROM ${table} WHERE name = $1 OR id = $2`, additionalFields: { queryParams: 'who, num' } }), [{ json: { who: "x' OR '1'='1", num: 2 } }]);
    expect(outputOf(query, 'Postgres')).toEqual([{ json: { name: 'bob' }, pairedItem: { item: 0 } }]);
    const inserted = await run(v1({ operation: 'insert', table, columns: 'id:int,name:text', returnFields: 'id,name' }), [{ json: { id: '40', name: 'v1' } }]);
    expect(outputOf(inserted, 'Postgres').map((i) => i.json)).toEqual([{ id: 40, name: 'v1' }]);
    await run(v1({ operation: 'update', table, updateKey: 'id', columns: 'id,name' }), [{ json: { id: 40, name: 'v1 updated' } }]);
    expect((await rows()).find((r) => r.id === 40)?.name).toBe('v1 updated');
    const badCast = await run(v1({ operation: 'insert', table, columns: 'id:int); DROP TABLE x; --' }), [{ json: { id: 1 } }]);
    expect(badCast.data.resultData.error?.message).toMatch(/is not a type name/);
  });

  it('fails clearly for an unknown user and for a port where nothing listens', async () => {
    const badUser = await run(node({ operation: 'executeQuery', query: 'SELECT 1' }), undefined, { ...CREDENTIAL, user: 'weft_nobody', password: 'wrong' });
    expect(badUser.data.resultData.error?.message).toMatch(/role "weft_nobody" does not exist|password authentication failed/);
    const refused = await run(node({ operation: 'executeQuery', query: 'SELECT 1' }), undefined, { ...CREDENTIAL, port: 1 });
    expect(refused.data.resultData.error?.message).toBe('Connection refused');
  });
});
