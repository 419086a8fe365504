// The Postgres node's editor methods against the real PostgreSQL on 127.0.0.1:5432.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { postgresNode } from './postgres.node.ts';

const CREDENTIAL = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const schema = `weft_pgm_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ ...CREDENTIAL, ssl: false });
let available = true;

beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    available = false;
    console.warn(`Skipping Postgres method tests: no server at 127.0.0.1:5432 (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.people (id integer PRIMARY KEY, name text NOT NULL, score bigint)`);
  await admin.query(`CREATE TABLE ${schema}.animals (id integer)`);
});
afterAll(async () => {
  if (available) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin.end().catch(() => {});
});
beforeEach((test) => { if (!available) test.skip(); });

const rl = (value: string) => ({ __rl: true, mode: 'list', value });
const call = (kind: 'loadOptions' | 'listSearch', method: string, currentNodeParameters: Record<string, unknown>, credential = CREDENTIAL) =>
  runNodeMethod({ nodeType: postgresNode, typeVersion: 2.6, kind, method, currentNodeParameters, credentials: { postgres: { id: '1', name: 'pg' } } },
    { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Postgres editor methods', () => {
  it('schemaSearch lists the schemas and tableSearch the chosen schema\'s tables', async () => {
    const schemas = (await call('listSearch', 'schemaSearch', { operation: 'select' })) as { results: Array<{ value: string }> };
    expect(schemas.results).toContainEqual({ name: schema, value: schema });
    expect(schemas.results).toContainEqual({ name: 'public', value: 'public' });
    const tables = await call('listSearch', 'tableSearch', { operation: 'select', schema: rl(schema) });
    expect(tables).toEqual({ results: [{ name: 'animals', value: 'animals' }, { name: 'people', value: 'people' }] });
  });

  it('getColumns describes each column; getColumnsMultiOptions adds "*" first', async () => {
    const parameters = { operation: 'select', schema: rl(schema), table: rl('people') };
    expect(await call('loadOptions', 'getColumns', parameters)).toEqual({ options: [
      { name: 'id', value: 'id', description: 'Type: INTEGER, Nullable: NO' },
      { name: 'name', value: 'name', description: 'Type: TEXT, Nullable: NO' },
      { name: 'score', value: 'score', description: 'Type: BIGINT, Nullable: YES' },
    ] });
    const multi = (await call('loadOptions', 'getColumnsMultiOptions', parameters)) as { options: Array<{ value: string }> };
    expect(multi.options.map((o) => o.value)).toEqual(['*', 'id', 'name', 'score']);
  });

  it('a refused connection is a node error', async () => {
    await expect(call('listSearch', 'schemaSearch', {}, { ...CREDENTIAL, port: 1 })).rejects.toThrow(/Connection refused/);
  });
});
