// The MongoDB node against a real server, only when MONGO_URL is set (no server can run on every
// machine; nothing is skipped or counted without it): every operation with what it stored, n8n's
// per-version pairing and batching, continue-on-fail per item, binary output, the server-backed
// workflow fixture, and clear errors (and the credential test) for a wrong password or no server.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Binary, MongoClient, ObjectId } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { getNodeType } from '../index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';
import { createFixtureEngine } from '../testing/fixture-engine.ts';
import { runFixture, type FlowFixture } from '../testing/run-fixtures.ts';
import { checkMongoConnection } from './mongo-db-client.ts';

const url = process.env.MONGO_URL;
const suites: [string, string][] = url ? [['MongoDB node', url]] : [];

const withWrongPassword = (address: string) => address.replace(/^(mongodb(?:\+srv)?:\/\/)(?:[^@/]*@)?/, '$1weft-nobody:wrong-password@');

// Needs no server: a closed port fails the run, naming the refusal without the password.
describe('MongoDB node without a server', () => {
  it('fails the run with the driver\'s refusal and no secret, and the credential test says the same', async () => {
    const closed = { configurationType: 'values', host: '127.0.0.1', port: 1, user: 'ann', password: 'pw-secret-1', database: 'shop' };
    const result = await runChain([{ name: 'MongoDB', type: 'n8n-nodes-base.mongoDb', typeVersion: 1.5, parameters: { collection: 'c', query: '{}' } }],
      { credentials: { mongoDb: { configurationType: 'connectionString', connectionString: 'mongodb://ann:pw-secret-1@127.0.0.1:1/?serverSelectionTimeoutMS=300', database: 'shop' } } });
    expect(result.status).toBe('error');
    expect(result.data.resultData.error?.message).toBe('connect ECONNREFUSED 127.0.0.1:1');
    const error = await checkMongoConnection(closed, 300).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/ECONNREFUSED 127\.0\.0\.1:1/);
    expect((error as Error).message).not.toContain('pw-secret-1');
  });
});

describe.each(suites)('%s', (_name, mongoUrl) => {
  const database = `weft_node_test_${randomUUID().slice(0, 8)}`;
  const credential = { configurationType: 'connectionString', connectionString: mongoUrl, database };
  const direct = new MongoClient(mongoUrl);
  const db = direct.db(database);
  afterAll(async () => {
    await db.dropDatabase().catch(() => {});
    await direct.close();
  });

  async function mongo(parameters: Record<string, unknown>, options: { items?: Record<string, unknown>[]; typeVersion?: number; continueOnFail?: boolean; credential?: Record<string, unknown> } = {}) {
    const items = (options.items ?? [{}]).map((json) => ({ json }));
    const result = await runChain([{ name: 'MongoDB', type: 'n8n-nodes-base.mongoDb', typeVersion: options.typeVersion ?? 1.5, parameters, continueOnFail: options.continueOnFail }],
      { items: items as never, credentials: { mongoDb: options.credential ?? credential } });
    return { result, out: outputOf(result, 'MongoDB'), error: result.data.resultData.error?.message };
  }

  it('runs the server fixture: insert, update by sku, find, aggregate and delete', async () => {
    const file = new URL('./mongo-db-crud.server-workflow.json', import.meta.url);
    const fixture = { ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<FlowFixture, 'file'>), file: 'mongo-db-crud.server-workflow.json', credentials: { mongoDb: credential } };
    const engine = createFixtureEngine();
    try {
      expect(await runFixture(fixture, engine, getNodeType)).toEqual([]);
    } finally {
      engine.dispose();
    }
    expect(await db.collection('products').countDocuments()).toBe(0);
  });

  it('finds per item with query parameters, a string _id as ObjectId, limit, skip, sort and projection', async () => {
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()];
    await db.collection('find').insertMany([
      { _id: ids[0], kind: 'fruit', name: 'apple', n: 3 }, { _id: ids[1], kind: 'fruit', name: 'pear', n: 1 }, { _id: ids[2], kind: 'veg', name: 'leek', n: 2 },
    ]);
    const { out } = await mongo({
      operation: 'find', collection: 'find', query: '{ "kind": "$1" }', queryParameters: '={{ [$json.kind] }}',
      options: { sort: '{ "$1": 1 }', sortParameters: '["n"]', projection: '{ "_id": 0, "name": 1 }', limit: 5, skip: 0 },
    }, { items: [{ kind: 'fruit' }, { kind: 'veg' }] });
    expect(out.map((i) => [i.json, i.pairedItem])).toEqual([
      [{ name: 'pear' }, [{ item: 0 }]], [{ name: 'apple' }, [{ item: 0 }]], [{ name: 'leek' }, [{ item: 1 }]],
    ]);
    const byId = await mongo({ operation: 'find', collection: 'find', query: `{ "_id": "${ids[2].toHexString()}" }` });
    expect(byId.out.map((i) => i.json)).toEqual([{ _id: ids[2].toHexString(), kind: 'veg', name: 'leek', n: 2 }]);
    const paged = await mongo({ operation: 'find', collection: 'find', query: '{}', options: { sort: '{ "n": -1 }', skip: 1, limit: 1 } });
    expect(paged.out.map((i) => i.json.name)).toEqual(['leek']);
    // v1 runs once, for the first item, pairing its output with every item.
    const v1 = await mongo({ operation: 'find', collection: 'find', query: '{ "kind": "veg" }' }, { typeVersion: 1, items: [{}, {}] });
    expect(v1.out.map((i) => i.pairedItem)).toEqual([[{ item: 0 }, { item: 1 }]]);
  });

  it('inserts: v1.5 per item with dot notation and dates, v1.2 as one batch paired with every item', async () => {
    const { out } = await mongo({ operation: 'insert', collection: 'insert', fields: 'name,address.city,seen', options: { useDotNotation: true, dateFields: 'seen' } }, {
      items: [{ name: 'Ann', address: { city: 'Oslo' }, seen: '2024-03-04T05:06:07.000Z' }, { name: 'Bob' }],
    });
    expect(out).toHaveLength(2);
    expect(out[0].json).toEqual({ name: 'Ann', address: { city: 'Oslo' }, seen: '2024-03-04T05:06:07.000Z', _id: expect.stringMatching(/^[0-9a-f]{24}$/), id: out[0].json._id });
    expect(out[1].pairedItem).toEqual({ item: 1 });
    const stored = await db.collection('insert').findOne({ _id: new ObjectId(String(out[0].json.id)) });
    expect(stored?.seen).toBeInstanceOf(Date);
    expect(stored?.address).toEqual({ city: 'Oslo' });
    expect(await db.collection('insert').findOne({ name: 'Bob' })).toMatchObject({ address: { city: null }, seen: null });

    const batch = await mongo({ operation: 'insert', collection: 'insert', fields: 'name' }, { typeVersion: 1.2, items: [{ name: 'Cy' }, { name: 'Di' }] });
    expect(batch.out.map((i) => [i.json.name, i.pairedItem])).toEqual([['Cy', [{ item: 0 }, { item: 1 }]], ['Di', [{ item: 0 }, { item: 1 }]]]);
  });

  it('updates by key and by _id, upserts, and with continue on fail fails only the bad item', async () => {
    const id = new ObjectId();
    await db.collection('update').insertMany([{ _id: id, sku: 'a', qty: 1, keep: true }, { sku: 'b', qty: 1 }]);
    const { out } = await mongo({ operation: 'update', collection: 'update', updateKey: '_id', fields: 'qty' }, {
      items: [{ _id: 'not-an-object-id', qty: 5 }, { _id: id.toHexString(), qty: 9 }, { qty: 7 }], continueOnFail: true,
    });
    expect(out[0]).toMatchObject({ json: { error: expect.stringMatching(/hex string/) }, pairedItem: { item: 0 } });
    expect(out[1]).toEqual({ json: { qty: 9 }, pairedItem: { item: 1 } });
    expect(out[2]).toMatchObject({ json: { error: 'Item is missing the updateKey field' }, pairedItem: { item: 2 } });
    expect(await db.collection('update').findOne({ _id: id })).toEqual({ _id: id, sku: 'a', qty: 9, keep: true });

    await mongo({ operation: 'update', collection: 'update', updateKey: 'sku', fields: 'qty', upsert: true }, { items: [{ sku: 'b', qty: 2 }, { sku: 'new', qty: 3 }] });
    expect(await db.collection('update').find({}, { projection: { _id: 0 } }).sort({ sku: 1 }).toArray())
      .toEqual([{ sku: 'a', qty: 9, keep: true }, { sku: 'b', qty: 2 }, { sku: 'new', qty: 3 }]);

    const stopped = await mongo({ operation: 'update', collection: 'update', updateKey: 'sku', fields: 'qty' }, { items: [{ qty: 1 }] });
    expect(stopped.error).toBe('Item is missing the updateKey field');
  });

  it('finds and updates, and finds and replaces (the replacement drops other fields)', async () => {
    await db.collection('fo').insertMany([{ sku: 'x', qty: 1, extra: 'kept?' }, { sku: 'y', qty: 1, extra: 'kept?' }]);
    const updated = await mongo({ operation: 'findOneAndUpdate', collection: 'fo', updateKey: 'sku', fields: 'qty' }, { typeVersion: 1.3, items: [{ sku: 'x', qty: 4 }] });
    expect(updated.out).toEqual([{ json: { qty: 4, sku: 'x' }, pairedItem: { item: 0 } }]);
    const replaced = await mongo({ operation: 'findOneAndReplace', collection: 'fo', updateKey: 'sku', fields: 'qty,info.level', options: { useDotNotation: true } }, {
      items: [{ sku: 'y', qty: 8, info: { level: 2 } }, { sku: 'z', qty: 1 }], typeVersion: 1.4, continueOnFail: true,
    });
    expect(replaced.out.map((i) => i.json)).toEqual([{ qty: 8, info: { level: 2 }, sku: 'y' }, { qty: 1, info: { level: null }, sku: 'z' }]);
    expect(await db.collection('fo').find({}, { projection: { _id: 0 } }).sort({ sku: 1 }).toArray())
      .toEqual([{ sku: 'x', qty: 4, extra: 'kept?' }, { qty: 8, info: { level: 2 }, sku: 'y' }]);
  });

  it('aggregates and deletes per item, answering deletedCount', async () => {
    await db.collection('del').insertMany([{ g: 'a' }, { g: 'a' }, { g: 'b' }]);
    const counts = await mongo({ operation: 'aggregate', collection: 'del', query: '[{ "$match": { "g": "$1" } }, { "$count": "n" }]', queryParameters: '={{ [$json.g] }}' }, { items: [{ g: 'a' }, { g: 'b' }] });
    expect(counts.out.map((i) => [i.json, i.pairedItem])).toEqual([[{ n: 2 }, [{ item: 0 }]], [{ n: 1 }, [{ item: 1 }]]]);
    const { out } = await mongo({ operation: 'delete', collection: 'del', query: '{ "g": "$1" }', queryParameters: '={{ [$json.g] }}' }, { items: [{ g: 'a' }, { g: 'zzz' }] });
    expect(out).toEqual([{ json: { deletedCount: 2 }, pairedItem: [{ item: 0 }] }, { json: { deletedCount: 0 }, pairedItem: [{ item: 1 }] }]);
    expect(await db.collection('del').countDocuments()).toBe(1);
  });

  it('gives top-level binary fields as binary data from v1.4, as base64 text before', async () => {
    await db.collection('bin').insertOne({ name: 'file', content: new Binary(Buffer.from('hello')) });
    const v14 = await mongo({ operation: 'find', collection: 'bin', query: '{}', options: { projection: '{ "_id": 0 }' } }, { typeVersion: 1.4 });
    expect(v14.out[0].json).toEqual({ name: 'file' });
    expect(Buffer.from(v14.out[0].binary!.content.data, 'base64').toString()).toBe('hello');
    const v13 = await mongo({ operation: 'find', collection: 'bin', query: '{}', options: { projection: '{ "_id": 0 }' } }, { typeVersion: 1.3 });
    expect(v13.out[0].json).toEqual({ name: 'file', content: Buffer.from('hello').toString('base64') });
  });

  it('reports a search index error per item with continue on fail', async () => {
    await db.collection('search').insertOne({ a: 1 });
    const { out } = await mongo({ resource: 'searchIndexes', operation: 'dropSearchIndex', collection: 'search', indexNameRequired: 'weft-missing' }, { continueOnFail: true });
    expect(out).toEqual([{ json: { error: expect.stringMatching(/\S/) }, pairedItem: [{ item: 0 }] }]);
    expect(String(out[0].json.error)).not.toContain(mongoUrl);
  });

  it('says what the server said for a wrong password or no server, in runs and in the credential test', async () => {
    const wrong = { ...credential, connectionString: withWrongPassword(mongoUrl) };
    const bad = await mongo({ operation: 'find', collection: 'x', query: '{}' }, { credential: wrong });
    expect(bad.error).toMatch(/Authentication failed/);
    expect(bad.error).not.toContain('wrong-password');
    await expect(checkMongoConnection(wrong, 5_000)).rejects.toThrow(/Authentication failed/);
    await expect(checkMongoConnection({ configurationType: 'connectionString', connectionString: 'mongodb://127.0.0.1:1', database }, 500)).rejects.toThrow(/ECONNREFUSED/);
    await db.collection('exists').insertOne({ a: 1 });
    await expect(checkMongoConnection(credential, 5_000)).resolves.toBeUndefined();
    await expect(checkMongoConnection({ ...credential, database: 'weft_no_such_database' }, 5_000)).rejects.toThrow('Database "weft_no_such_database" does not exist');
  });
});
