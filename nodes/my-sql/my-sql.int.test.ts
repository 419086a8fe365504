// The MySQL node against the real MariaDB on 127.0.0.1:3306: every operation with asserted rows,
// query parameters that stay data, continue-on-fail per item, and the errors users see.
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outputOf, runChain, type TestNode } from '../n8n-api/test-support.ts';

const DATABASE = 'weft_node_tests';
const CREDENTIAL = { host: '127.0.0.1', port: 3306, database: DATABASE, user: 'root', password: '', ssl: false };
const table = `weft_my_${Math.random().toString(36).slice(2, 8)}`;
let admin: mysql.Connection | undefined;

beforeAll(async () => {
  try {
    admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    console.warn(`Skipping MySQL tests: no server at 127.0.0.1:3306 (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
  await admin.query(`USE ${DATABASE}`);
});
afterAll(async () => {
  await admin?.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
  await admin?.end().catch(() => {});
});
beforeEach(async (test) => {
  if (!admin) return test.skip();
  await admin.query(`DROP TABLE IF EXISTS ${table}`);
  await admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name varchar(100) NOT NULL, score bigint NULL)`);
  await admin.query(`INSERT INTO ${table} VALUES (1, 'ada', 10), (2, 'bob', 20), (3, 'cy', 30)`);
});

const node = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}): TestNode => ({
  name: 'MySQL', type: 'n8n-nodes-base.mySql', typeVersion: 2.5, parameters, credentials: { mySql: { id: 'c1', name: 'my' } }, ...extra,
});
const on = { table: { __rl: true, mode: 'name', value: table } };
const run = (n: TestNode, items = [{ json: {} }], credentials: Record<string, unknown> = CREDENTIAL) => runChain([n], { items, credentials: { mySql: credentials } });
const rows = async () => (await admin!.query(`SELECT id, name, score FROM ${table} ORDER BY id`))[0] as Array<{ id: number; name: string; score: string }>;

describe('MySQL node', () => {
  it('executes a query with query parameters; a quote in an item value stays data', async () => {
    const tricky = "o'brien'); DROP TABLE x; -- $1";
    const inserted = await run(node({
      operation: 'executeQuery', query: `INSERT INTO ${table} (id, name) VALUES ($1, $2)`,
      options: { queryReplacement: '={{ $json.id }}, {{ $json.name }}', queryBatching: 'independently' },
    }), [{ json: { id: 7, name: tricky } }]);
    expect(outputOf(inserted, 'MySQL')).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
    const selected = await run(node({ operation: 'executeQuery', query: `SELECT id, name FROM ${table} WHERE name = $1 AND '$2' = '$2'`, options: { queryReplacement: tricky } }));
    // '$2' inside quotes is text, not a parameter; the value with its quote and '$1' is bound as is.
    expect(outputOf(selected, 'MySQL').map((i) => i.json)).toEqual([{ id: 7, name: tricky }]);
    expect((await rows()).map((r) => r.name)).toContain(tricky);
    const byId = await run(node({ operation: 'executeQuery', query: `SELECT name FROM ${table} WHERE id = $1`, options: { queryReplacement: '={{ $json.id }}' } }), [{ json: { id: 7 } }]);
    expect(outputOf(byId, 'MySQL')).toEqual([{ json: { name: tricky }, pairedItem: { item: 0 } }]);
  });

  it('selects with where, sort, limit and distinct', async () => {
    const limited = await run(node({
      operation: 'select', ...on, limit: 2, where: { values: [{ column: 'score', condition: '>=', value: '15' }] }, sort: { values: [{ column: 'id', direction: 'DESC' }] },
    }));
    expect(outputOf(limited, 'MySQL').map((i) => i.json)).toEqual([{ id: 3, name: 'cy', score: '30' }, { id: 2, name: 'bob', score: '20' }]);
    const or = await run(node({
      operation: 'select', ...on, returnAll: true, options: { combineConditions: 'OR', outputColumns: ['name'] },
      where: { values: [{ column: 'id', condition: 'equal', value: '1' }, { column: 'name', condition: 'LIKE', value: 'c%' }] },
    }));
    expect(outputOf(or, 'MySQL').map((i) => i.json)).toEqual([{ name: 'ada' }, { name: 'cy' }]);
  });

  it('inserts, updates and upserts rows', async () => {
    const inserted = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} } }), [{ json: { id: 4, name: 'dee', score: 40 } }, { json: { id: 5, name: 'eve' } }]);
    expect(outputOf(inserted, 'MySQL')).toEqual([{ json: { success: true }, pairedItem: [{ item: 0 }, { item: 1 }] }]);
    await run(node({ operation: 'update', ...on, columns: { mappingMode: 'defineBelow', value: { id: 2, name: 'robert' }, matchingColumns: ['id'] } }));
    await run(node({ operation: 'upsert', ...on, columns: { mappingMode: 'autoMapInputData', value: {}, matchingColumns: ['id'] } }), [{ json: { id: 1, name: 'ada2' } }, { json: { id: 6, name: 'fay', score: 60 } }]);
    expect((await rows()).map((r) => `${r.id}:${r.name}:${r.score}`)).toEqual(['1:ada2:10', '2:robert:20', '3:cy:30', '4:dee:40', '5:eve:null', '6:fay:60']);
  });

  it('updates with v2 column-to-match-on parameters', async () => {
    await run(node({ operation: 'update', ...on, dataMode: 'autoMapInputData', columnToMatchOn: 'id' }, { typeVersion: 2 }), [{ json: { id: 3, name: 'cyrus' } }]);
    expect((await rows()).find((r) => r.id === 3)?.name).toBe('cyrus');
  });

  it('deletes matching rows, truncates and drops', async () => {
    await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'delete', where: { values: [{ column: 'name', condition: 'equal', value: 'bob' }] } }));
    expect((await rows()).map((r) => r.name)).toEqual(['ada', 'cy']);
    await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'truncate' }));
    expect(await rows()).toEqual([]);
    await run(node({ operation: 'deleteTable', ...on, deleteCommand: 'drop' }));
    const [tables] = await admin!.query('SHOW TABLES LIKE ?', [table]);
    expect(tables).toEqual([]);
  });

  it('continues on fail per item when queries run independently', async () => {
    const result = await run(node({ operation: 'insert', ...on, columns: { mappingMode: 'autoMapInputData', value: {} }, options: { queryBatching: 'independently' } }, { continueOnFail: true }), [
      { json: { id: 10, name: 'ok' } }, { json: { id: 1, name: 'dup' } }, { json: { id: 11, name: 'ok too' } },
    ]);
    const out = outputOf(result, 'MySQL');
    expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
    expect(out[1].json.message).toMatch(/Duplicate entry '1' for key/);
    expect((await rows()).map((r) => r.id)).toEqual([1, 2, 3, 10, 11]);
  });

  it('names a syntax error, a bad password and a port where nothing listens', async () => {
    const syntax = await run(node({ operation: 'executeQuery', query: 'SELECT * FROMM nothing' }));
    expect(syntax.data.resultData.error?.message).toMatch(/You have an error in your SQL syntax.*near 'FROMM nothing' at line 1/);
    const denied = await run(node({ operation: 'executeQuery', query: 'SELECT 1' }), undefined, { ...CREDENTIAL, password: 'wrong' });
    expect(denied.data.resultData.error?.message).toMatch(/Access denied for user 'root'@/);
    const refused = await run(node({ operation: 'executeQuery', query: 'SELECT 1' }), undefined, { ...CREDENTIAL, port: 1 });
    expect(refused.data.resultData.error?.message).toBe('Connection refused');
  });
});

describe('MySQL node v1 (older exports)', () => {
  const v1 = (parameters: Record<string, unknown>, extra: Partial<TestNode> = {}) => node(parameters, { typeVersion: 1, ...extra });

  it('runs each item’s query and outputs rows, or the server’s OK packet for a write', async () => {
    const selected = await run(v1({ operation: 'executeQuery', query: `SELECT id, name FROM ${table} WHERE id <= 2 ORDER BY id` }));
    expect(outputOf(selected, 'MySQL')).toEqual([{ json: { id: 1, name: 'ada' }, pairedItem: { item: 0 } }, { json: { id: 2, name: 'bob' }, pairedItem: { item: 0 } }]);
    const updated = await run(v1({ operation: 'executeQuery', query: `UPDATE ${table} SET score = score + 1 WHERE id >= 2` }));
    expect(outputOf(updated, 'MySQL')[0].json).toMatchObject({ affectedRows: 2, changedRows: 2, insertId: 0 });
  });

  it('inserts every item in one statement (missing properties NULL, values bound) and updates by key', async () => {
    const tricky = "o'brien'); DROP TABLE x; --";
    const inserted = await run(v1({ operation: 'insert', table: { __rl: true, mode: 'name', value: table }, columns: 'id, name, score' }), [
      { json: { id: 4, name: tricky, score: 40 } }, { json: { id: 5, name: 'eve' } },
    ]);
    expect(outputOf(inserted, 'MySQL').map((i) => i.json)).toEqual([expect.objectContaining({ affectedRows: 2 })]);
    // An older export names the table as plain text.
    const updated = await run(v1({ operation: 'update', table, updateKey: 'id', columns: 'name' }), [{ json: { id: 2, name: 'robert' } }, { json: { id: 3, name: 'cyrus' } }]);
    expect(outputOf(updated, 'MySQL').map((i) => i.json.affectedRows)).toEqual([1, 1]);
    expect((await rows()).map((r) => `${r.id}:${r.name}:${r.score}`)).toEqual(['1:ada:10', '2:robert:20', '3:cyrus:30', `4:${tricky}:40`, '5:eve:null']);
  });

  it('ignores duplicates with the Ignore option, and answers one error item on continue-on-fail', async () => {
    const ignored = await run(v1({ operation: 'insert', table, columns: 'id,name', options: { ignore: true, priority: 'HIGH_PRIORITY' } }), [{ json: { id: 1, name: 'dup' } }, { json: { id: 9, name: 'new' } }]);
    expect(outputOf(ignored, 'MySQL')[0].json).toMatchObject({ affectedRows: 1 });
    const failed = await run(v1({ operation: 'insert', table, columns: 'id,name' }, { continueOnFail: true }), [{ json: { id: 1, name: 'dup' } }]);
    expect(outputOf(failed, 'MySQL').map((i) => i.json)).toEqual([{ error: expect.stringMatching(/Duplicate entry '1' for key/) }]);
    const thrown = await run(v1({ operation: 'insert', table, columns: 'id,name' }), [{ json: { id: 1, name: 'dup' } }]);
    expect(thrown.data.resultData.error?.message).toMatch(/Duplicate entry '1' for key/);
  });
});
