// Read models in MongoDB: one collection per read model, `_id` = id, transactions on a replica set.
import { AsyncLocalStorage } from 'node:async_hooks';
import { MongoClient, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import type { ClientSession, Document, IndexDirection } from 'mongodb';
import { AppError, ConflictError, UnavailableError, ValidationError } from '../domain/index.ts';
import type { Collection, CollectionSpec, Doc, FindOptions, Filter, Page, ReadModelStore, ReadModelTx } from './read-model-store.ts';
import { assertCollectionName, assertDoc, assertFieldPath, encodeCursor, normalizeFilter, normalizeFind, patchFields } from './filter-query.ts';
import { mongoAfter, mongoField, mongoQuery, mongoSort } from './filter-mongo.ts';
import { createMutex } from './mutex.ts';

export interface MongoReadModelStoreOptions {
  /** Connection string; transactions need a replica set (`?replicaSet=...`), as in docker-compose. */
  url: string;
  /** Database name. Default: the one in `url`, else 'weft'. */
  dbName?: string;
}

type Stored = { _id: string } & Document;

function toDoc(stored: Stored | null): Doc | undefined {
  if (!stored) return undefined;
  const { _id, ...rest } = stored;
  return { id: _id, ...rest };
}

/** Inside a transaction only duplicates are mapped: withTransaction needs the driver's errors (and labels) to retry. */
function mapError(err: unknown, inSession = false): unknown {
  if ((err as { code?: unknown })?.code === 11000) return new ConflictError('A unique index already holds this value');
  if (!inSession && err instanceof MongoNetworkError || err instanceof MongoServerSelectionError) {
    return new UnavailableError(`MongoDB is unreachable: ${err.message}`);
  }
  return err;
}


function dbNameFrom(url: string): string | undefined {
  const name = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(url)?.[1];
  return name ? decodeURIComponent(name) : undefined;
}

export function createMongoReadModelStore(options: MongoReadModelStoreOptions): ReadModelStore {
  // ignoreUndefined: store documents as their JSON would be (the SQLite adapter drops undefined too).
  const client = new MongoClient(options.url, { ignoreUndefined: true });
  const db = client.db(options.dbName ?? dbNameFrom(options.url) ?? 'weft');
  const exclusive = createMutex();
  const inTransaction = new AsyncLocalStorage<true>();

  function collection(name: string, session?: ClientSession): Collection<Doc> {
    assertCollectionName(name);
    const raw = db.collection<Stored>(name);
    const opts = session ? { session } : {};
    const mapped = async <T>(op: Promise<T>): Promise<T> => {
      try {
        return await op;
      } catch (err) {
        throw mapError(err, session !== undefined);
      }
    };
    return {
      async upsert(doc) {
        assertDoc(doc);
        const { id, ...rest } = doc;
        await mapped(raw.replaceOne({ _id: id }, rest, { ...opts, upsert: true }));
      },
      async patch(id, fields) {
        const set = patchFields(fields);
        if (Object.keys(set).length === 0) return (await mapped(raw.findOne({ _id: id }, { ...opts, projection: { _id: 1 } }))) !== null;
        return (await mapped(raw.updateOne({ _id: id }, { $set: set }, opts))).matchedCount > 0;
      },
      async delete(id) {
        return (await mapped(raw.deleteOne({ _id: id }, opts))).deletedCount > 0;
      },
      async get(id) {
        return toDoc(await mapped(raw.findOne({ _id: id }, opts)));
      },
      async find(findOptions?: FindOptions): Promise<Page<Doc>> {
        const q = normalizeFind(findOptions);
        const where = mongoQuery(q.conditions);
        const query = q.after ? { $and: [where, mongoAfter(q.sort, q.after)] } : where;
        const rows = await mapped(raw.find(query, { ...opts, sort: mongoSort(q.sort), limit: q.limit + 1 }).toArray());
        const items = rows.slice(0, q.limit).map((r) => toDoc(r) as Doc);
        return rows.length > q.limit ? { items, nextCursor: encodeCursor(items[items.length - 1], q.sort) } : { items };
      },
      async count(filter?: Filter) {
        return mapped(raw.countDocuments(mongoQuery(normalizeFilter(filter)), opts));
      },
      async drop() {
        // deleteMany, not drop(): it may run inside a transaction and keeps the declared indexes.
        await mapped(raw.deleteMany({}, opts));
      },
    };
  }

  return {
    collection<D extends Doc = Doc>(name: string): Collection<D> {
      return collection(name) as Collection<D>;
    },

    async ensureCollection(spec: CollectionSpec) {
      assertCollectionName(spec.name);
      const indexes = (spec.indexes ?? []).flatMap((index) => {
        if (!Array.isArray(index.fields) || index.fields.length === 0) {
          throw new ValidationError(`An index of '${spec.name}' needs at least one field`);
        }
        const keys: Record<string, IndexDirection> = {};
        for (const f of index.fields) {
          const field = f.startsWith('-') ? f.slice(1) : f;
          assertFieldPath(field, 'index');
          keys[mongoField(field)] = f.startsWith('-') ? -1 : 1;
        }
        // id is _id, which is always indexed (and unique): nothing an index leading with it could add.
        return Object.keys(keys)[0] === '_id' ? [] : [{ keys, unique: !!index.unique }];
      });
      // Created up front: transactions then never have to create collections implicitly.
      try {
        const existing = await db.listCollections({ name: spec.name }, { nameOnly: true }).toArray();
        if (existing.length === 0) {
          await db.createCollection(spec.name).catch((err: unknown) => {
            if ((err as { codeName?: unknown })?.codeName !== 'NamespaceExists') throw err;
          });
        }
        // createIndex is a no-op when an identical index exists.
        for (const { keys, unique } of indexes) await db.collection(spec.name).createIndex(keys, unique ? { unique } : {});
      } catch (err) {
        throw mapError(err);
      }
    },

    async transaction<T>(work: (tx: ReadModelTx) => Promise<T>): Promise<T> {
      if (inTransaction.getStore()) throw new AppError('internal', 'Read-model transactions do not nest; use the tx handle');
      // Serialised per store as the port promises; withTransaction would also retry write conflicts.
      return exclusive(async () => {
        const session = client.startSession();
        try {
          const tx: ReadModelTx = {
            collection: <D extends Doc = Doc>(name: string) => collection(name, session) as Collection<D>,
          };
          // withTransaction may call `work` again after a transient error, so work must be re-runnable.
          return await inTransaction.run(true, () => session.withTransaction(() => work(tx)));
        } catch (err) {
          throw mapError(err);
        } finally {
          await session.endSession();
        }
      });
    },

    async ping() {
      try {
        await db.command({ ping: 1 });
      } catch (err) {
        throw new UnavailableError(`MongoDB is unreachable: ${(err as Error).message}`);
      }
    },

    /** MongoDB (WiredTiger) reuses freed space itself. */
    async reclaimSpace() {},

    async close() {
      await exclusive(() => undefined);
      await client.close();
    },
  };
}
