// The MySQL node's editor methods against the real MariaDB on 127.0.0.1:3306.
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { mySqlNode } from './my-sql.node.ts';
import { mySqlV1Node } from './my-sql-v1.node.ts';

const DATABASE = `weft_mym_${Math.random().toString(36).slice(2, 8)}`;
const CREDENTIAL = { host: '127.0.0.1', port: 3306, database: DATABASE, user: 'root', password: '', ssl: false };
let admin: mysql.Connection | undefined;

beforeAll(async () => {
  try {
    admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    console.warn(`Skipping MySQL method tests: no server at 127.0.0.1:3306 (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.query(`CREATE TABLE ${DATABASE}.people (id int PRIMARY KEY, name varchar(100) NOT NULL, score bigint NULL)`);
  await admin.query(`CREATE TABLE ${DATABASE}.animals (id int)`);
});
afterAll(async () => {
  await admin?.query(`DROP DATABASE IF EXISTS ${DATABASE}`).catch(() => {});
  await admin?.end().catch(() => {});
});
beforeEach((test) => { if (!admin) test.skip(); });

const env = { getCredentials: async () => CREDENTIAL, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' };
const credentials = { mySql: { id: '1', name: 'my' } };

describe('MySQL editor methods', () => {
  it('searchTables lists the credential database\'s tables (v2), filtered by the search text (v1)', async () => {
    expect(await runNodeMethod({ nodeType: mySqlNode, typeVersion: 2.5, kind: 'listSearch', method: 'searchTables', currentNodeParameters: { operation: 'select' }, credentials }, env))
      .toEqual({ results: [{ name: 'animals', value: 'animals' }, { name: 'people', value: 'people' }] });
    expect(await runNodeMethod({ nodeType: mySqlV1Node, typeVersion: 1, kind: 'listSearch', method: 'searchTables', currentNodeParameters: { operation: 'insert' }, credentials, filter: 'peo' }, env))
      .toEqual({ results: [{ name: 'people', value: 'people' }] });
  });

  it('getColumns describes each column; getColumnsMultiOptions adds "*" first', async () => {
    const call = (method: string) => runNodeMethod({ nodeType: mySqlNode, typeVersion: 2.5, kind: 'loadOptions', method, credentials,
      currentNodeParameters: { operation: 'select', table: { __rl: true, mode: 'list', value: 'people' } } }, env);
    expect(await call('getColumns')).toEqual({ options: [
      { name: 'id', value: 'id', description: 'type: INT(11), nullable: NO' },
      { name: 'name', value: 'name', description: 'type: VARCHAR(100), nullable: NO' },
      { name: 'score', value: 'score', description: 'type: BIGINT(20), nullable: YES' },
    ] });
    expect(((await call('getColumnsMultiOptions')) as { options: Array<{ value: string }> }).options.map((o) => o.value)).toEqual(['*', 'id', 'name', 'score']);
  });
});
