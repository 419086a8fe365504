// The one test suite every ReadModelStore adapter must pass (registered by *.int.test.ts files).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../domain/index.ts';
import type { Doc, Filter, ReadModelStore, SortKey } from './read-model-store.ts';

export interface StoreUnderTest {
  store: ReadModelStore;
  cleanup(): Promise<void>;
}

const FILTER_DOCS: Doc[] = [
  { id: 'a', name: 'Alpha report', status: 'active', n: 1, active: true, tags: ['x', 'y'], meta: { owner: 'ann', score: 10 }, at: '2024-01-05T10:00:00.000Z', note: null },
  { id: 'b', name: 'beta REPORT', status: 'paused', n: 2.5, active: false, tags: ['y', 3], meta: { owner: 'bob', score: 20 }, at: '2024-02-01T00:00:00.000Z' },
  { id: 'c', name: '100% done', status: 'active', n: 3, active: true, tags: [true, null], meta: { owner: 'ann', score: 30 }, at: '2024-03-10T12:30:00.000Z', note: 'hi' },
  { id: 'd', name: 'snake_case name', status: 'archived', n: -4, active: 1, tags: [], meta: { owner: 'cy' }, at: '2023-12-31T23:59:59.999Z' },
  { id: 'e', name: 'snakeXcase 1000 done', status: '1', n: '1', active: 'true', tags: 'x', meta: null, at: '2024-01-05T10:00:00.001Z' },
  { id: 'f', name: 'regex a.*b (x)', status: 'active', n: 0, active: null, tags: [1, 'Y'], meta: { owner: 'bob', score: 5 } },
];

const FILTER_CASES: Array<[string, Filter, string[]]> = [
  ['plain value is $eq', { status: 'active' }, ['a', 'c', 'f']],
  ['$eq on a number does not match "1" or true', { n: { $eq: 1 } }, ['a']],
  ['$eq on a string does not match a number', { n: '1' }, ['e']],
  ['$eq true does not match 1 or "true"', { active: true }, ['a', 'c']],
  ['$eq false', { active: { $eq: false } }, ['b']],
  ['$eq 1 does not match true', { active: 1 }, ['d']],
  ['$eq null matches null and missing', { note: null }, ['a', 'b', 'd', 'e', 'f']],
  ['$ne includes missing fields', { 'meta.owner': { $ne: 'ann' } }, ['b', 'd', 'e', 'f']],
  ['$ne true keeps 1 and null', { active: { $ne: true } }, ['b', 'd', 'e', 'f']],
  ['$ne null', { note: { $ne: null } }, ['c']],
  ['$in mixes types strictly', { n: { $in: [1, '1', 3] } }, ['a', 'c', 'e']],
  ['$in with booleans and null', { active: { $in: [false, null] } }, ['b', 'f']],
  ['$in empty matches nothing', { status: { $in: [] } }, []],
  ['$gt / $lte on numbers', { n: { $gt: 0, $lte: 3 } }, ['a', 'b', 'c']],
  ['$gte / $lt on numbers skip strings and booleans', { n: { $gte: -4, $lt: 1 } }, ['d', 'f']],
  ['range on ISO date strings', { at: { $gte: '2024-01-05T10:00:00.000Z', $lt: '2024-03-01T00:00:00.000Z' } }, ['a', 'b', 'e']],
  ['$lt on strings skips missing', { at: { $lt: '2024-01-01' } }, ['d']],
  ['nested dotted path', { 'meta.owner': 'bob' }, ['b', 'f']],
  ['nested range', { 'meta.score': { $gte: 10, $lt: 30 } }, ['a', 'b']],
  ['$exists true (present and not null)', { note: { $exists: true } }, ['c']],
  ['$exists false (absent or null)', { 'meta.score': { $exists: false } }, ['d', 'e']],
  ['$has a string in an array only', { tags: { $has: 'x' } }, ['a']],
  ['$has a number', { tags: { $has: 3 } }, ['b']],
  ['$has true and null', { tags: { $has: true } }, ['c']],
  ['$has null', { tags: { $has: null } }, ['c']],
  ['$contains ignores case', { name: { $contains: 'report' } }, ['a', 'b']],
  ["$contains treats '%' literally", { name: { $contains: '100%' } }, ['c']],
  ["$contains treats '_' literally", { name: { $contains: 'e_c' } }, ['d']],
  ['$contains treats regex characters literally', { name: { $contains: 'A.*B (X)' } }, ['f']],
  ['$contains on non-strings never matches', { n: { $contains: '1' } }, ['e']],
  ['several fields and operators together', { status: 'active', active: true, 'meta.score': { $gt: 15 } }, ['c']],
  ['filter on id', { id: { $in: ['b', 'z', 'e'] } }, ['b', 'e']],
];

export function readModelStoreConformance(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`ReadModelStore conformance: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: ReadModelStore;
    const run = randomBytes(4).toString('hex');
    let seq = 0;
    /** A collection name unique to this run, so a shared server is fine. */
    const fresh = (label: string) => `rmt_${run}_${label}_${++seq}`;

    beforeAll(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    async function seeded(label: string, docs: Doc[]) {
      const name = fresh(label);
      await store.ensureCollection({ name });
      const c = store.collection(name);
      for (const doc of docs) await c.upsert(doc);
      return c;
    }

    async function walk(c: ReturnType<ReadModelStore['collection']>, sort: SortKey[], limit: number, filter?: Filter) {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 1000; pages++) {
        const page = await c.find({ sort, limit, cursor, filter });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        ids.push(...page.items.map((d) => d.id));
        if (!page.nextCursor) return ids;
        cursor = page.nextCursor;
      }
      throw new Error('paging did not end');
    }

    it('pings', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('upserts, gets and replaces whole documents', async () => {
      const c = store.collection(fresh('upsert'));
      expect(await c.get('w1')).toBeUndefined();
      const doc = { id: 'w1', name: 'First', nested: { a: [1, { b: 'x' }], t: true, z: null } };
      await c.upsert(doc);
      expect(await c.get('w1')).toEqual(doc);
      await c.upsert({ id: 'w1', other: 2 });
      expect(await c.get('w1')).toEqual({ id: 'w1', other: 2 });
      expect(Object.keys((await c.find()).items[0])).not.toContain('_id');
    });

    it('patches top-level fields of an existing document and reports a missing one', async () => {
      const c = await seeded('patch', [{ id: 'p1', a: 1, nested: { x: 1, y: 2 }, keep: 'k' }]);
      expect(await c.patch('p1', { a: 2, nested: { x: 9 }, added: null })).toBe(true);
      expect(await c.get('p1')).toEqual({ id: 'p1', a: 2, nested: { x: 9 }, keep: 'k', added: null });
      expect(await c.patch('p1', {})).toBe(true);
      expect(await c.patch('nope', { a: 1 })).toBe(false);
      expect(await c.get('nope')).toBeUndefined();
      expect(await c.count()).toBe(1);
    });

    it('deletes', async () => {
      const c = await seeded('delete', [{ id: 'd1' }, { id: 'd2' }]);
      expect(await c.delete('d1')).toBe(true);
      expect(await c.delete('d1')).toBe(false);
      expect(await c.get('d1')).toBeUndefined();
      expect((await c.find()).items.map((d) => d.id)).toEqual(['d2']);
    });

    it('answers reads on a collection that was never written', async () => {
      const c = store.collection(fresh('empty'));
      expect(await c.get('x')).toBeUndefined();
      expect(await c.find({ filter: { a: 1 } })).toEqual({ items: [] });
      expect(await c.count()).toBe(0);
      expect(await c.delete('x')).toBe(false);
      expect(await c.patch('x', { a: 1 })).toBe(false);
    });

    describe('filters', () => {
      let c: ReturnType<ReadModelStore['collection']>;
      beforeAll(async () => {
        c = await seeded('filters', FILTER_DOCS);
      });
      it.each(FILTER_CASES)('%s', async (_label, filter, expected) => {
        const page = await c.find({ filter, limit: 1000 });
        expect(page.items.map((d) => d.id)).toEqual(expected);
        expect(await c.count(filter)).toBe(expected.length);
      });
    });

    it('sorts ascending and descending on several keys, id last', async () => {
      const docs = [
        { id: 's1', g: 'b', v: 1 }, { id: 's2', g: 'a', v: 2 }, { id: 's3', g: 'b', v: 3 },
        { id: 's4', g: 'a', v: 2 }, { id: 's5', g: 'a', v: 9 }, { id: 's6', v: 5 },
      ];
      const c = await seeded('sort', docs);
      const ids = async (sort: SortKey[]) => (await c.find({ sort })).items.map((d) => d.id);
      expect(await ids([{ field: 'g', direction: 'asc' }, { field: 'v', direction: 'desc' }])).toEqual(['s6', 's5', 's2', 's4', 's3', 's1']);
      expect(await ids([{ field: 'g', direction: 'desc' }, { field: 'v', direction: 'asc' }])).toEqual(['s1', 's3', 's2', 's4', 's5', 's6']);
      expect(await ids([{ field: 'v', direction: 'desc' }])).toEqual(['s5', 's6', 's3', 's2', 's4', 's1']);
      expect(await ids([{ field: 'id', direction: 'desc' }, { field: 'v', direction: 'asc' }])).toEqual(['s6', 's5', 's4', 's3', 's2', 's1']);
      expect(await ids([])).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    });

    it('pages with a cursor through every document exactly once, ties and nulls included', async () => {
      const docs: Doc[] = [];
      for (let i = 0; i < 53; i++) {
        const doc: Doc = { id: `p${String((i * 37) % 53).padStart(2, '0')}`, bucket: i % 4, at: `2024-01-0${1 + (i % 3)}`, odd: i % 2 === 1, mixed: [1, 'a', true, null, 2.5, 'B'][i % 6] };
        if (i % 7 === 0) delete doc.bucket;
        if (i % 11 === 0) doc.bucket = null;
        docs.push(doc);
      }
      const c = await seeded('paging', docs);
      const all = docs.map((d) => d.id).sort();
      const sorts: SortKey[][] = [
        [],
        [{ field: 'bucket', direction: 'asc' }],
        [{ field: 'bucket', direction: 'desc' }],
        [{ field: 'at', direction: 'desc' }, { field: 'bucket', direction: 'asc' }],
        [{ field: 'bucket', direction: 'desc' }, { field: 'at', direction: 'asc' }, { field: 'id', direction: 'desc' }],
        // Mixed types page correctly too (booleans sort among numbers in SQLite, after strings in MongoDB).
        [{ field: 'mixed', direction: 'asc' }],
        [{ field: 'mixed', direction: 'desc' }, { field: 'bucket', direction: 'asc' }],
      ];
      for (const sort of sorts) {
        const whole = (await c.find({ sort, limit: 1000 })).items.map((d) => d.id);
        expect([...whole].sort()).toEqual(all);
        for (const limit of [1, 4, 7, 53]) expect(await walk(c, sort, limit)).toEqual(whole);
      }
      const filtered = (await c.find({ filter: { odd: true }, limit: 1000, sort: sorts[2] })).items.map((d) => d.id);
      expect(filtered).toHaveLength(26);
      expect(await walk(c, sorts[2], 5, { odd: true })).toEqual(filtered);
    });

    it('defaults to 50 items a page and rejects a non-positive limit', async () => {
      const c = await seeded('limit', Array.from({ length: 60 }, (_, i) => ({ id: `l${String(i).padStart(2, '0')}` })));
      const first = await c.find();
      expect(first.items).toHaveLength(50);
      expect(first.nextCursor).toBeTypeOf('string');
      const rest = await c.find({ cursor: first.nextCursor });
      expect(rest.items.map((d) => d.id)).toEqual(['l50', 'l51', 'l52', 'l53', 'l54', 'l55', 'l56', 'l57', 'l58', 'l59']);
      expect(rest.nextCursor).toBeUndefined();
      await expect(c.find({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
      await expect(c.find({ limit: 2.5 })).rejects.toBeInstanceOf(ValidationError);
    });

    it('counts with and without a filter', async () => {
      const c = await seeded('count', FILTER_DOCS);
      expect(await c.count()).toBe(FILTER_DOCS.length);
      expect(await c.count({ status: 'active', 'meta.owner': 'ann' })).toBe(2);
    });

    it('commits every write of a transaction together', async () => {
      const [n1, n2] = [fresh('txa'), fresh('txb')];
      await store.ensureCollection({ name: n1 });
      await store.ensureCollection({ name: n2 });
      await store.collection(n1).upsert({ id: 'old', v: 1 });
      const result = await store.transaction(async (tx) => {
        await tx.collection(n1).upsert({ id: 'x', v: 1 });
        await tx.collection(n1).patch('old', { v: 2 });
        await tx.collection(n2).upsert({ id: 'checkpoint', position: 42 });
        // Inside, the transaction reads its own writes; outside, nobody sees them yet.
        expect(await tx.collection(n1).get('x')).toEqual({ id: 'x', v: 1 });
        expect(await tx.collection(n1).count()).toBe(2);
        expect(await store.collection(n1).get('x')).toBeUndefined();
        expect(await store.collection(n1).get('old')).toEqual({ id: 'old', v: 1 });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.collection(n1).get('x')).toEqual({ id: 'x', v: 1 });
      expect(await store.collection(n1).get('old')).toEqual({ id: 'old', v: 2 });
      expect(await store.collection(n2).get('checkpoint')).toEqual({ id: 'checkpoint', position: 42 });
    });

    it('rolls back every write of a transaction that throws', async () => {
      const name = fresh('rollback');
      const other = fresh('rollback_cp');
      await store.ensureCollection({ name });
      await store.ensureCollection({ name: other });
      const c = store.collection(name);
      await c.upsert({ id: 'keep', v: 1 });
      await c.upsert({ id: 'gone', v: 1 });
      const boom = new Error('boom');
      await expect(
        store.transaction(async (tx) => {
          const t = tx.collection(name);
          await t.upsert({ id: 'new', v: 1 });
          await t.patch('keep', { v: 2 });
          await t.delete('gone');
          await tx.collection(other).upsert({ id: 'checkpoint', position: 7 });
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect((await c.find()).items).toEqual([{ id: 'gone', v: 1 }, { id: 'keep', v: 1 }]);
      expect(await store.collection(other).count()).toBe(0);
      // The store is usable afterwards.
      await store.transaction(async (tx) => tx.collection(name).upsert({ id: 'after', v: 1 }));
      expect(await c.count()).toBe(3);
    });

    it('serialises concurrent transactions (no lost updates)', async () => {
      const name = fresh('counter');
      await store.ensureCollection({ name });
      await store.collection(name).upsert({ id: 'n', value: 0 });
      const increments = Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          const c = tx.collection<{ id: string; value: number }>(name);
          const current = (await c.get('n'))!.value;
          await new Promise((resolve) => setTimeout(resolve, 1));
          await c.upsert({ id: 'n', value: current + 1 });
        }),
      );
      // Writes outside transactions wait too, rather than landing inside one.
      const outside = store.collection(name).upsert({ id: 'outside', value: 1 });
      await Promise.all([...increments, outside]);
      expect(await store.collection(name).get('n')).toEqual({ id: 'n', value: 20 });
      expect(await store.collection(name).count()).toBe(2);
    });

    it('refuses a nested transaction instead of waiting for itself', async () => {
      const name = fresh('nested');
      await store.ensureCollection({ name });
      await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toThrow();
      expect(await store.transaction(async (tx) => (await tx.collection(name).count()) + 1)).toBe(1);
    });

    it('rejects invalid field paths, operators and collection names with ValidationError', async () => {
      const c = await seeded('invalid', [{ id: 'i1', a: 1 }]);
      for (const filter of [{ 'a..b': 1 }, { "a') OR 1=1 --": 1 }, { 'a b': 1 }, { '': 1 }, { '1a': 1 }] as Filter[]) {
        await expect(c.find({ filter })).rejects.toBeInstanceOf(ValidationError);
        await expect(c.count(filter)).rejects.toBeInstanceOf(ValidationError);
      }
      for (const filter of [{ a: { $where: 'true' } }, { a: { $regex: '.*' } }, { a: { $in: 'x' } }, { a: { $gt: true } }, { a: { $eq: { b: 1 } } }, { a: { $exists: 1 } }]) {
        await expect(c.find({ filter: filter as unknown as Filter })).rejects.toBeInstanceOf(ValidationError);
      }
      await expect(c.find({ sort: [{ field: 'a;drop', direction: 'asc' }] })).rejects.toBeInstanceOf(ValidationError);
      await expect(c.find({ sort: [{ field: 'a', direction: 'up' as 'asc' }] })).rejects.toBeInstanceOf(ValidationError);
      expect(() => store.collection('bad name')).toThrow(ValidationError);
      await expect(store.ensureCollection({ name: 'x"; DROP TABLE y; --' })).rejects.toBeInstanceOf(ValidationError);
      await expect(c.upsert({ id: '' })).rejects.toBeInstanceOf(ValidationError);
    });

    it('rejects a malformed or foreign cursor with ValidationError', async () => {
      const c = await seeded('cursor', [{ id: 'c1', a: 1 }, { id: 'c2', a: 2 }, { id: 'c3', a: 3 }]);
      const sort: SortKey[] = [{ field: 'a', direction: 'asc' }];
      const { nextCursor } = await c.find({ sort, limit: 1 });
      expect(nextCursor).toBeTypeOf('string');
      const b64 = (s: string) => Buffer.from(s).toString('base64url');
      for (const cursor of ['!!!', 'not base64 at all', b64('{not json'), b64('[]'), b64('{"v":[1]}'), b64('{"s":"a,id","v":[1,2]}'), '']) {
        await expect(c.find({ sort, cursor })).rejects.toBeInstanceOf(ValidationError);
      }
      // A cursor from one sort order does not fit another.
      await expect(c.find({ sort: [{ field: 'a', direction: 'desc' }], cursor: nextCursor })).rejects.toBeInstanceOf(ValidationError);
      expect((await c.find({ sort, cursor: nextCursor })).items.map((d) => d.id)).toEqual(['c2', 'c3']);
    });

    it('ensures collections with indexes idempotently and enforces unique ones', async () => {
      const name = fresh('indexes');
      const spec = {
        name,
        indexes: [{ fields: ['status', '-updatedAt'] }, { fields: ['meta.key'], unique: true }, { fields: ['-id'] }],
      };
      await store.ensureCollection(spec);
      const c = store.collection(name);
      await c.upsert({ id: 'i1', status: 'a', updatedAt: '2024-01-01', meta: { key: 'k1' } });
      await store.ensureCollection(spec);
      await store.ensureCollection({ name });
      expect(await c.get('i1')).toEqual({ id: 'i1', status: 'a', updatedAt: '2024-01-01', meta: { key: 'k1' } });
      await c.upsert({ id: 'i2', status: 'a', updatedAt: '2024-01-02', meta: { key: 'k2' } });
      await expect(c.upsert({ id: 'i3', meta: { key: 'k1' } })).rejects.toBeInstanceOf(ConflictError);
      await c.upsert({ id: 'i1', status: 'b', updatedAt: '2024-01-03', meta: { key: 'k1' } }); // replacing itself is fine
      const page = await c.find({ filter: { status: 'a' }, sort: [{ field: 'updatedAt', direction: 'desc' }] });
      expect(page.items.map((d) => d.id)).toEqual(['i2']);
      await expect(store.ensureCollection({ name, indexes: [{ fields: ['bad path!'] }] })).rejects.toBeInstanceOf(ValidationError);
      await expect(store.ensureCollection({ name, indexes: [{ fields: [] }] })).rejects.toBeInstanceOf(ValidationError);
    });

    it('drops every document and stays usable', async () => {
      const name = fresh('drop');
      await store.ensureCollection({ name, indexes: [{ fields: ['k'], unique: true }] });
      const c = store.collection(name);
      await c.upsert({ id: 'a', k: 1 });
      await c.upsert({ id: 'b', k: 2 });
      await c.drop();
      expect(await c.count()).toBe(0);
      expect(await c.get('a')).toBeUndefined();
      await c.upsert({ id: 'c', k: 1 });
      expect((await c.find()).items).toEqual([{ id: 'c', k: 1 }]);
      await store.collection(fresh('never')).drop();
    });
  });
}
