// The documents a projection writes during one batch, kept until the batch commits: a run's summary
// document, touched by every event of the run, is then written once per batch instead of once per
// event (each write also updates every index of its collection).
import type { Collection, Doc, FindOptions, Filter, ReadModelTx } from './read-model-store.ts';
import { assertDoc, patchFields } from './filter-query.ts';

export interface WriteBehindTx extends ReadModelTx {
  /** Writes what the batch changed to the underlying transaction. */
  flush(): Promise<void>;
}

/**
 * Reads see the batch's own writes. Documents are held as JSON, so a read returns a fresh copy, just
 * as the store would. Queries (`find`, `count`) and `drop` write the collection's pending changes first.
 */
export function writeBehind(tx: ReadModelTx): WriteBehindTx {
  const buffers = new Map<string, { flush(): Promise<void>; collection: Collection<Doc> }>();

  function buffer(name: string) {
    const inner = tx.collection(name);
    /** id → the document as JSON, or null once deleted in this batch. */
    const pending = new Map<string, string | null>();
    const flush = async () => {
      for (const [id, json] of pending) {
        if (json === null) await inner.delete(id);
        else await inner.upsert(JSON.parse(json) as Doc);
      }
      pending.clear();
    };
    const get = async (id: string): Promise<Doc | undefined> => {
      if (!pending.has(id)) return inner.get(id);
      const json = pending.get(id);
      return json ? (JSON.parse(json) as Doc) : undefined;
    };
    const collection: Collection<Doc> = {
      async upsert(doc) {
        assertDoc(doc);
        pending.set(doc.id, JSON.stringify(doc));
      },
      async patch(id, fields) {
        const set = patchFields(fields);
        const current = await get(id);
        if (!current) return false;
        pending.set(id, JSON.stringify({ ...current, ...set, id }));
        return true;
      },
      async delete(id) {
        const existed = (await get(id)) !== undefined;
        pending.set(id, null);
        return existed;
      },
      get,
      async find(options?: FindOptions) {
        await flush();
        return inner.find(options);
      },
      async count(filter?: Filter) {
        await flush();
        return inner.count(filter);
      },
      async drop() {
        pending.clear();
        await inner.drop();
      },
    };
    return { flush, collection };
  }

  return {
    collection<D extends Doc = Doc>(name: string): Collection<D> {
      let entry = buffers.get(name);
      if (!entry) buffers.set(name, (entry = buffer(name)));
      return entry.collection as Collection<D>;
    },
    async flush() {
      for (const entry of buffers.values()) await entry.flush();
    },
  };
}
