// The batch write-behind buffer over a real SQLite read-model store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection, Doc, ReadModelStore, ReadModelTx } from './read-model-store.ts';
import { openTempStores, type TempStores } from './test-stores.ts';
import { writeBehind } from './write-behind.ts';

let stores: TempStores;
let readModels: ReadModelStore;

beforeEach(async () => {
  stores = openTempStores('weft-write-behind-');
  readModels = stores.readModels;
  await readModels.ensureCollection({ name: 'runs', indexes: [{ fields: ['status'] }] });
});
afterEach(() => stores.close());

/** Counts the writes that reach the store's transaction. */
function counting(tx: ReadModelTx, writes: string[]): ReadModelTx {
  return {
    collection<D extends Doc = Doc>(name: string) {
      const inner = tx.collection(name);
      const wrapped: Collection = {
        ...inner,
        upsert: (doc) => (writes.push(`upsert ${doc.id}`), inner.upsert(doc)),
        delete: (id) => (writes.push(`delete ${id}`), inner.delete(id)),
        patch: (id, fields) => (writes.push(`patch ${id}`), inner.patch(id, fields)),
      };
      return wrapped as Collection<D>;
    },
  };
}

describe('write-behind buffer', () => {
  it('reads its own writes and writes each document once, when flushed', async () => {
    await readModels.collection('runs').upsert({ id: 'old', status: 'running', steps: 0 });
    const writes: string[] = [];
    await readModels.transaction(async (tx) => {
      const buffered = writeBehind(counting(tx, writes));
      const runs = buffered.collection<{ id: string; status: string; steps: number; note?: string }>('runs');
      await runs.upsert({ id: 'a', status: 'new', steps: 0 });
      for (let i = 0; i < 5; i++) {
        const doc = (await runs.get('a'))!;
        expect(await runs.patch('a', { steps: doc.steps + 1, status: 'running' })).toBe(true);
      }
      expect(await runs.patch('old', { status: 'success', note: undefined })).toBe(true);
      expect(await runs.patch('missing', { status: 'x' })).toBe(false);
      expect(await runs.delete('old')).toBe(true);
      expect(await runs.get('old')).toBeUndefined();
      expect(await runs.delete('old')).toBe(false);
      // A read returns a copy: changing it changes nothing buffered.
      (await runs.get('a'))!.steps = 99;
      expect(writes).toEqual([]);
      // Nothing reached the store's reader yet (nor the transaction).
      expect(await readModels.collection('runs').get('a')).toBeUndefined();
      await buffered.flush();
    });
    expect(writes.sort()).toEqual(['delete old', 'upsert a']);
    expect(await readModels.collection('runs').get('a')).toEqual({ id: 'a', status: 'running', steps: 5 });
    expect(await readModels.collection('runs').get('old')).toBeUndefined();
  });

  it('writes pending changes before a query, so queries see them', async () => {
    await readModels.transaction(async (tx) => {
      const runs = writeBehind(tx).collection('runs');
      await runs.upsert({ id: 'a', status: 'running' });
      await runs.upsert({ id: 'b', status: 'running' });
      expect(await runs.count({ status: 'running' })).toBe(2);
      await runs.patch('a', { status: 'success' });
      expect((await runs.find({ filter: { status: 'success' } })).items.map((d) => d.id)).toEqual(['a']);
    });
    expect(await readModels.collection('runs').count({ status: 'success' })).toBe(1);
  });

  it('refuses an invalid document at once, as the store does', async () => {
    await readModels.transaction(async (tx) => {
      const runs = writeBehind(tx).collection('runs');
      await expect(runs.upsert({ id: '' })).rejects.toThrow(/non-empty string id/);
      await expect(runs.patch('a', { 'a.b': 1 } as never)).rejects.toThrow(/Invalid patch field/);
    });
  });
});
