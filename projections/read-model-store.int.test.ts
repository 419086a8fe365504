// Runs the read-model conformance suite on SQLite always, and on MongoDB when MONGO_URL is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { readModelStoreConformance } from './read-model-store.conformance.ts';
import { createSqliteReadModelStore } from './sqlite-read-model-store.ts';
import { createMongoReadModelStore } from './mongodb-read-model-store.ts';

readModelStoreConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'weft-read-models-'));
  const store = createSqliteReadModelStore({ file: join(dir, 'nested', 'read-models.db') });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const mongoUrl = process.env.MONGO_URL;
if (mongoUrl) {
  readModelStoreConformance('mongodb', async () => {
    // A database of its own per run, dropped afterwards, so a shared server stays clean.
    const dbName = `weft_rm_test_${randomBytes(4).toString('hex')}`;
    const store = createMongoReadModelStore({ url: mongoUrl, dbName });
    return {
      store,
      async cleanup() {
        await store.close();
        const client = new MongoClient(mongoUrl);
        try {
          await client.db(dbName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  });
} else {
  console.info('read-model-store: MongoDB conformance run not done: MONGO_URL is not set (no MongoDB server on this machine)');
}
