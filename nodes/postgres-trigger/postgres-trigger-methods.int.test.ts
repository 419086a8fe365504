// The Postgres Trigger's editor methods against the real PostgreSQL on 127.0.0.1:5432.
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNodeMethod } from '../node-methods.ts';
import { postgresTriggerNode } from './postgres-trigger.node.ts';

const CREDENTIAL = { host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres', password: '', ssl: 'disable' };
const schema = `weft_pgt_${Math.random().toString(36).slice(2, 8)}`;
const admin = new pg.Client({ ...CREDENTIAL, ssl: false });
let available = true;

beforeAll(async () => {
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    available = false;
    return;
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.orders (id integer)`);
});
afterAll(async () => {
  if (available) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin.end().catch(() => {});
});
beforeEach((test) => { if (!available) test.skip(); });

const call = (method: string, currentNodeParameters: Record<string, unknown>, credential = CREDENTIAL) =>
  runNodeMethod({ nodeType: postgresTriggerNode, typeVersion: 1, kind: 'listSearch', method, currentNodeParameters, credentials: { postgres: { id: '1', name: 'pg' } } },
    { getCredentials: async () => credential, credentialType: () => undefined, blockPrivateNetworks: false, timezone: 'UTC' });

describe('Postgres Trigger editor methods', () => {
  it('searchSchema lists schemas; searchTables the chosen schema\'s tables', async () => {
    expect(((await call('searchSchema', {})) as { results: unknown[] }).results).toContainEqual({ name: schema, value: schema });
    expect(await call('searchTables', { schema: { __rl: true, mode: 'list', value: schema } })).toEqual({ results: [{ name: 'orders', value: 'orders' }] });
  });

  it('a failing connection is a node error', async () => {
    await expect(call('searchSchema', {}, { ...CREDENTIAL, port: 1 })).rejects.toThrow(/ECONNREFUSED/);
  });
});
