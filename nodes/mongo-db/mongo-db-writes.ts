// Insert, Update, Find And Update and Find And Replace, as each n8n version runs them: before 1.3
// one batch with the first item's parameters; from 1.3 each item with its own; from 1.5 updates go
// as one ordered bulkWrite per collection (unordered with continue-on-fail, so every item is tried).
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Db } from 'mongodb';
import type { Item, JsonObject, PairedItem } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { prepareDocuments, splitFields, updateFilter, type MongoDocument } from './mongo-db-documents.ts';
import { MongoInputError } from './mongo-db-query.ts';
import type { MongoRun } from './mongo-db-run.ts';

interface Prepared { document: MongoDocument; index: number; collection: string; upsert: boolean; updateKey: string }

function documentSettings(run: MongoRun, i: number, isUpdate: boolean) {
  const options = collection(run.ctx, 'options', i);
  return {
    fields: splitFields(param(run.ctx, 'fields', i, '')),
    useDotNotation: options.useDotNotation === true,
    dateFields: splitFields(options.dateFields),
    isUpdate,
  };
}

const keyOf = (run: MongoRun, i: number) => String(param(run.ctx, 'updateKey', i, 'id') ?? '').trim();

/** One item's document for a write that matches on the update key. */
function prepareKeyed(run: MongoRun, i: number, isUpdate: boolean): Prepared {
  const updateKey = keyOf(run, i);
  const [document] = prepareDocuments([run.items[i].json], { ...documentSettings(run, i, isUpdate), updateKey });
  if (!document) throw new MongoInputError('Item is missing the updateKey field');
  return { document, index: i, collection: String(param(run.ctx, 'collection', i, '')), upsert: param(run.ctx, 'upsert', i, false) === true, updateKey };
}

const sortByItem = (output: Item[]) => output.sort((a, b) => (a.pairedItem as PairedItem).item - (b.pairedItem as PairedItem).item);

export async function insertDocuments(run: MongoRun, db: Db): Promise<Item[]> {
  if (run.version < 1.3) {
    try {
      const documents = prepareDocuments(run.items.map((item) => item.json), documentSettings(run, 0, false));
      const { insertedIds } = await db.collection(String(param(run.ctx, 'collection', 0, ''))).insertMany(documents);
      return documents.map((document, n) => ({ json: { ...document, id: insertedIds[n] } as JsonObject, pairedItem: run.allItems() }));
    } catch (error) {
      return [{ json: run.failure(error, 0), pairedItem: run.allItems() }];
    }
  }
  const output: Item[] = [];
  const groups = new Map<string, Prepared[]>();
  for (let i = 0; i < run.items.length; i++) {
    try {
      const [document] = prepareDocuments([run.items[i].json], documentSettings(run, i, false));
      const name = String(param(run.ctx, 'collection', i, ''));
      groups.set(name, [...(groups.get(name) ?? []), { document, index: i, collection: name, upsert: false, updateKey: '' }]);
    } catch (error) {
      output.push({ json: run.failure(error, i), pairedItem: { item: i } });
    }
  }
  for (const [name, group] of groups) {
    try {
      // The driver adds each document's generated `_id` to it, so the output shows both `_id` and `id`.
      const { insertedIds } = await db.collection(name).insertMany(group.map((entry) => entry.document));
      group.forEach((entry, n) => output.push({ json: { ...entry.document, id: insertedIds[n] } as JsonObject, pairedItem: { item: entry.index } }));
    } catch (error) {
      for (const entry of group) output.push({ json: run.failure(error, entry.index), pairedItem: { item: entry.index } });
    }
  }
  return sortByItem(output);
}

type WriteOperation = 'update' | 'findOneAndUpdate' | 'findOneAndReplace';

async function writeOne(db: Db, operation: WriteOperation, entry: Prepared): Promise<void> {
  const filter = updateFilter(entry.updateKey, entry.document);
  const options = entry.upsert ? { upsert: true } : {};
  const target = db.collection(entry.collection);
  if (operation === 'update') await target.updateOne(filter, { $set: entry.document }, options);
  else if (operation === 'findOneAndUpdate') await target.findOneAndUpdate(filter, { $set: entry.document }, options);
  else await target.findOneAndReplace(filter, entry.document, options);
}

export async function writeDocuments(run: MongoRun, db: Db, operation: WriteOperation): Promise<Item[]> {
  const isUpdate = operation !== 'findOneAndReplace';
  if (run.version < 1.3) {
    const updateKey = keyOf(run, 0);
    const base = { collection: String(param(run.ctx, 'collection', 0, '')), upsert: param(run.ctx, 'upsert', 0, false) === true, updateKey };
    const documents = prepareDocuments(run.items.map((item) => item.json), { ...documentSettings(run, 0, isUpdate && run.version >= 1.2), updateKey });
    const output: Item[] = [];
    for (const document of documents) {
      try {
        await writeOne(db, operation, { ...base, document, index: 0 });
        output.push({ json: document as JsonObject, pairedItem: run.allItems() });
      } catch (error) {
        output.push({ json: run.failure(error, 0), pairedItem: run.allItems() });
      }
    }
    return output;
  }
  if (run.version >= 1.5 && isUpdate) return bulkUpdate(run, db);
  const output: Item[] = [];
  for (let i = 0; i < run.items.length; i++) {
    try {
      const entry = prepareKeyed(run, i, isUpdate);
      await writeOne(db, operation, entry);
      output.push({ json: entry.document as JsonObject, pairedItem: { item: i } });
    } catch (error) {
      output.push({ json: run.failure(error, i), pairedItem: { item: i } });
    }
  }
  return output;
}

/** v1.5 Update and Find And Update: one bulkWrite per collection; items still come out one by one. */
async function bulkUpdate(run: MongoRun, db: Db): Promise<Item[]> {
  const output: Item[] = [];
  const groups = new Map<string, { entry: Prepared; op: AnyBulkWriteOperation }[]>();
  for (let i = 0; i < run.items.length; i++) {
    try {
      const entry = prepareKeyed(run, i, true);
      const filter = updateFilter(entry.updateKey, entry.document);
      const op = { updateOne: { filter, update: { $set: entry.document }, ...(entry.upsert ? { upsert: true } : {}) } };
      groups.set(entry.collection, [...(groups.get(entry.collection) ?? []), { entry, op }]);
    } catch (error) {
      output.push({ json: run.failure(error, i), pairedItem: { item: i } });
    }
  }
  const continueOnFail = run.ctx.continueOnFail();
  for (const [name, group] of groups) {
    try {
      await db.collection(name).bulkWrite(group.map((g) => g.op), { ordered: !continueOnFail });
      for (const { entry } of group) output.push({ json: entry.document as JsonObject, pairedItem: { item: entry.index } });
    } catch (error) {
      // Write errors carry their operation's position in this bulkWrite; without any, all failed.
      const failed = new Map<number, string>();
      if (error instanceof MongoBulkWriteError) for (const e of [error.writeErrors].flat()) failed.set(e.index, e.errmsg ?? error.message);
      group.forEach(({ entry }, n) => {
        const reason = failed.get(n);
        if (reason !== undefined || failed.size === 0) output.push({ json: run.failure(reason ?? error, entry.index), pairedItem: { item: entry.index } });
        else output.push({ json: entry.document as JsonObject, pairedItem: { item: entry.index } });
      });
    }
  }
  return sortByItem(output);
}
