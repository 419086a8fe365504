// Statement building for the SQL nodes: values always bound, identifiers always quoted.
import { describe, expect, it } from 'vitest';
import { BoundValues, insertSql, isSelectQuery, orderBySql, updateSql, whereSql, type SqlDialect } from './sql-build.ts';

const pgLike: SqlDialect = { ident: (n) => `"${n.replace(/"/g, '""')}"`, placeholder: (n) => `$${n}`, returning: true };

describe('SQL statement building', () => {
  it('binds where values and quotes columns, even hostile ones', () => {
    const bound = new BoundValues(pgLike);
    const sql = whereSql(pgLike, bound, [
      { column: 'name"; DROP TABLE t; --', condition: 'equal', value: "o'brien" },
      { column: 'age', condition: '>=', value: '18' },
      { column: 'deleted_at', condition: 'IS NULL' },
    ], 'OR', 'Node', 0);
    expect(sql).toBe(' WHERE "name""; DROP TABLE t; --" = $1 OR "age" >= $2 OR "deleted_at" IS NULL');
    expect(bound.values).toEqual(["o'brien", 18]);
  });

  it('refuses a non-numeric value for a numeric operator, and unknown operators', () => {
    const bound = new BoundValues(pgLike);
    expect(() => whereSql(pgLike, bound, [{ column: 'a', condition: '>', value: 'x' }], 'AND', 'Node', 2)).toThrow("works with numbers, but value x is not a number");
    expect(() => whereSql(pgLike, bound, [{ column: 'a', condition: '; DROP', value: 1 }], 'AND', 'Node', 0)).toThrow("Unknown operator");
  });

  it('builds insert and update with every value bound; objects travel as JSON', () => {
    const bound = new BoundValues(pgLike);
    expect(insertSql(pgLike, '"t"', { id: 1, tags: ['a'], note: null }, bound)).toBe('INSERT INTO "t" ("id", "tags", "note") VALUES ($1, $2, $3)');
    expect(bound.values).toEqual([1, '["a"]', null]);
    const update = new BoundValues(pgLike);
    expect(updateSql(pgLike, '"t"', { id: 1, name: 'x' }, ['id'], update, 'Node', 0)).toBe('UPDATE "t" SET "name" = $1 WHERE "id" = $2');
    expect(() => updateSql(pgLike, '"t"', { id: 1 }, ['id'], new BoundValues(pgLike), 'Node', 0)).toThrow('Add values to update');
  });

  it('orders by quoted columns with only ASC or DESC', () => {
    expect(orderBySql(pgLike, [{ column: 'a', direction: 'DESC' }, { column: 'b', direction: 'sideways; --' }])).toBe(' ORDER BY "a" DESC, "b" ASC');
  });

  it('tells reading queries from writing ones', () => {
    expect(isSelectQuery('/* hi */ SELECT 1; -- x\n select 2')).toBe(true);
    expect(isSelectQuery('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(isSelectQuery('SELECT 1; DELETE FROM t')).toBe(false);
  });
});
