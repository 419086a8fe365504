// The one behaviour every EventStore adapter must show. Streams and types get a random suffix per
// test, so the suite also runs against a shared EventStoreDB that holds other data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v4 as uuid } from 'uuid';
import { ValidationError, WrongExpectedRevisionError, type AppError } from '../domain/index.ts';
import type { NewEvent, RecordedEvent } from '../domain/index.ts';
import { MAX_EVENT_BYTES, type EventStore, type SubscribeOptions, type Subscription } from './event-store.ts';

export type MakeStore = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

const tag = () => uuid().slice(0, 8);

function ev(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: uuid(),
    type,
    data,
    metadata: {
      actor: { kind: 'system', id: 'conformance' },
      correlationId: uuid(),
      causationId: uuid(),
      at: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

const evs = (n: number, type: string, from = 0) => Array.from({ length: n }, (_, i) => ev(type, { n: from + i }));

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Subscribes and collects what the handler receives. */
function collect(store: EventStore, options: SubscribeOptions): { seen: RecordedEvent[]; sub: Subscription } {
  const seen: RecordedEvent[] = [];
  const sub = store.subscribe(options, (e) => {
    seen.push(e);
  });
  return { seen, sub };
}

export function eventStoreConformance(name: string, makeStore: MakeStore): void {
  describe(`EventStore conformance: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('appends and reads a stream back in order, with every field', async () => {
      const stream = `conf${tag()}-order`;
      const first = evs(3, 'ThingHappened');
      const second = evs(2, 'OtherThingHappened', 3);
      const r1 = await store.append(stream, first);
      const r2 = await store.append(stream, second);
      expect(r1.revision).toBe(2);
      expect(r2.revision).toBe(4);
      expect(r2.position).toBeGreaterThan(r1.position);

      const read = await store.readStream(stream);
      expect(read.map((e) => e.id)).toEqual([...first, ...second].map((e) => e.id));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(read[0]).toMatchObject({ stream, type: 'ThingHappened', data: { n: 0 }, metadata: first[0].metadata });
      expect(read[4]).toMatchObject({ type: 'OtherThingHappened', data: { n: 4 } });
      for (let i = 1; i < read.length; i++) expect(read[i].position).toBeGreaterThan(read[i - 1].position);
      expect(read[2].position).toBe(r1.position);
      expect(read[4].position).toBe(r2.position);
    });

    it('reads a stream with from, direction and limit', async () => {
      const stream = `conf${tag()}-read`;
      await store.append(stream, evs(10, 'Counted'));
      const revs = (es: RecordedEvent[]) => es.map((e) => e.revision);
      expect(revs(await store.readStream(stream, { from: 3, limit: 4 }))).toEqual([3, 4, 5, 6]);
      expect(revs(await store.readStream(stream, { from: 8 }))).toEqual([8, 9]);
      expect(revs(await store.readStream(stream, { direction: 'backwards' }))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      expect(revs(await store.readStream(stream, { direction: 'backwards', from: 5, limit: 3 }))).toEqual([5, 4, 3]);
      expect(revs(await store.readStream(stream, { direction: 'backwards', limit: 2 }))).toEqual([9, 8]);
      expect(await store.readStream(stream, { from: 10 })).toEqual([]);
      expect(await store.readStream(`conf${tag()}-missing`)).toEqual([]);
      expect(await store.readStream(`conf${tag()}-missing`, { direction: 'backwards' })).toEqual([]);
    });

    it('reports the stream revision, -1 for a missing stream', async () => {
      const stream = `conf${tag()}-rev`;
      expect(await store.streamRevision(stream)).toBe(-1);
      await store.append(stream, evs(3, 'Counted'));
      expect(await store.streamRevision(stream)).toBe(2);
    });

    it('rejects empty appends and non-UUID event ids', async () => {
      const stream = `conf${tag()}-invalid`;
      expect(await rejection(store.append(stream, []))).toBeInstanceOf(ValidationError);
      expect(await rejection(store.append(stream, [{ ...ev('Bad'), id: 'not-a-uuid' }]))).toBeInstanceOf(ValidationError);
      expect(await store.streamRevision(stream)).toBe(-1);
    });

    it('refuses an event over MAX_EVENT_BYTES with payload_too_large and writes nothing; takes one just under it', async () => {
      const stream = `conf${tag()}-size`;
      const big = ev('Big', { text: 'x'.repeat(MAX_EVENT_BYTES + 1) });
      const refused = await rejection(store.append(stream, [ev('Small'), big]));
      expect((refused as AppError).code).toBe('payload_too_large');
      expect(await store.streamRevision(stream)).toBe(-1);
      await store.append(stream, [ev('Fits', { text: 'é'.repeat(Math.floor((MAX_EVENT_BYTES - 4096) / 2)) })]);
      const [back] = await store.readStream(stream);
      expect((back.data as { text: string }).text.length).toBe(Math.floor((MAX_EVENT_BYTES - 4096) / 2));
    });

    it('checks expectedRevision: number, no_stream, stream_exists, any', async () => {
      const stream = `conf${tag()}-expected`;
      const missing = await rejection(store.append(stream, [ev('A')], { expectedRevision: 'stream_exists' }));
      expect(missing).toBeInstanceOf(WrongExpectedRevisionError);
      expect(missing).toMatchObject({ code: 'wrong_expected_revision', stream, expected: 'stream_exists', actual: 'no_stream' });
      const wrongOnMissing = await rejection(store.append(stream, [ev('A')], { expectedRevision: 0 }));
      expect(wrongOnMissing).toMatchObject({ stream, expected: 0, actual: 'no_stream' });

      expect(await store.append(stream, evs(2, 'A'), { expectedRevision: 'no_stream' })).toMatchObject({ revision: 1 });
      const exists = await rejection(store.append(stream, [ev('A')], { expectedRevision: 'no_stream' }));
      expect(exists).toBeInstanceOf(WrongExpectedRevisionError);
      expect(exists).toMatchObject({ stream, expected: 'no_stream', actual: 1 });

      expect(await store.append(stream, [ev('A')], { expectedRevision: 1 })).toMatchObject({ revision: 2 });
      const stale = await rejection(store.append(stream, [ev('A')], { expectedRevision: 1 }));
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ stream, expected: 1, actual: 2, retryable: true });

      expect(await store.append(stream, [ev('A')], { expectedRevision: 'stream_exists' })).toMatchObject({ revision: 3 });
      expect(await store.append(stream, [ev('A')], { expectedRevision: 'any' })).toMatchObject({ revision: 4 });
      expect(await store.append(stream, [ev('A')])).toMatchObject({ revision: 5 });
      expect(await store.append(`conf${tag()}-any`, [ev('A')], { expectedRevision: 'any' })).toMatchObject({ revision: 0 });
      expect(await store.streamRevision(stream)).toBe(5);
    });

    it('lets exactly one of 20 racing writers win the same expected revision', async () => {
      const stream = `conf${tag()}-race`;
      await store.append(stream, [ev('Created')], { expectedRevision: 'no_stream' });
      const attempts = Array.from({ length: 20 }, () => evs(2, 'Raced'));
      const results = await Promise.allSettled(attempts.map((events) => store.append(stream, events, { expectedRevision: 0 })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
      }
      const read = await store.readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(read.slice(1).map((e) => e.id)).toEqual(attempts[won[0]].map((e) => e.id));
    });

    it('keeps a stream gapless and duplicate-free under 20 retrying writers', async () => {
      const stream = `conf${tag()}-retry`;
      const writer = async (w: number) => {
        for (let k = 0; k < 5; k++) {
          const event = ev('Written', { w, k });
          for (;;) {
            const expectedRevision = await store.streamRevision(stream);
            try {
              await store.append(stream, [event], { expectedRevision: expectedRevision < 0 ? 'no_stream' : expectedRevision });
              break;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
        }
      };
      await Promise.all(Array.from({ length: 20 }, (_, w) => writer(w)));
      const read = await store.readStream(stream);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(new Set(read.map((e) => e.id)).size).toBe(100);
      for (let w = 0; w < 20; w++) {
        const mine = read.filter((e) => (e.data as { w: number }).w === w).map((e) => (e.data as { k: number }).k);
        expect(mine).toEqual([0, 1, 2, 3, 4]);
      }
    });

    it('writes a retried append (same event ids) once and returns the same result', async () => {
      const stream = `conf${tag()}-idem`;
      const events = evs(2, 'Once');
      const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
      const again = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      const anyAgain = await store.append(stream, events, { expectedRevision: 'any' });
      expect(anyAgain).toEqual(first);
      await store.append(stream, [ev('Later')], { expectedRevision: 1 });
      expect(await store.append(stream, events, { expectedRevision: 'no_stream' })).toEqual(first);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.id)).toEqual([...events.map((e) => e.id), read[2].id]);
    });

    it('deletes a stream: it reads as missing, other streams stay, a missing one deletes as a no-op', async () => {
      const t = tag();
      const gone = `conf${t}-gone`;
      const kept = `conf${t}-kept`;
      await store.append(gone, evs(3, 'Counted'));
      const keptEvents = evs(2, 'Counted');
      await store.append(kept, keptEvents);
      await store.deleteStream(gone);
      expect(await store.readStream(gone)).toEqual([]);
      expect(await store.readStream(gone, { direction: 'backwards' })).toEqual([]);
      expect(await store.streamRevision(gone)).toBe(-1);
      expect((await store.readStream(kept)).map((e) => e.id)).toEqual(keptEvents.map((e) => e.id));
      await expect(store.deleteStream(gone)).resolves.toBeUndefined();
      await expect(store.deleteStream(`conf${t}-never`)).resolves.toBeUndefined();
      await expect(store.reclaimSpace()).resolves.toBeUndefined();
    });

    it('reads all streams in position order, paging with after', async () => {
      const t = tag();
      const before = await store.headPosition();
      const streams = [`conf${t}-a`, `conf${t}-b`, `conf${t}-c`];
      const appended: string[] = [];
      for (let round = 0; round < 4; round++) {
        for (const s of streams) {
          const events = evs(round % 2 ? 1 : 2, 'Paged');
          await store.append(s, events);
          appended.push(...events.map((e) => e.id));
        }
      }
      const head = await store.headPosition();
      expect(head).toBeGreaterThan(before);

      const pages: RecordedEvent[][] = [];
      let after = before;
      for (;;) {
        const page = await store.readAll({ after, limit: 5 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(5);
        pages.push(page);
        after = page[page.length - 1].position;
        if (after >= head) break;
      }
      const all = pages.flat();
      for (let i = 1; i < all.length; i++) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
      expect(all[0].position).toBeGreaterThan(before);
      const ours = all.filter((e) => streams.includes(e.stream));
      expect(ours.map((e) => e.id)).toEqual(appended);
      expect(ours[ours.length - 1].position).toBe(head);
    });

    it('delivers a subscription catch-up then live events', async () => {
      const prefix = `conf${tag()}`;
      const stream = `${prefix}-live`;
      const before = await store.headPosition();
      await store.append(stream, evs(5, 'Caught'));
      const { seen, sub } = collect(store, { from: before, filter: { streamPrefixes: [prefix] } });
      await sub.caughtUp;
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      await store.append(stream, evs(3, 'Live'));
      await store.append(stream, evs(2, 'Live'));
      await waitFor(() => seen.length === 10, 'live events');
      await sub.close();
      await expect(sub.done).resolves.toBeUndefined();
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (let i = 1; i < seen.length; i++) expect(seen[i].position).toBeGreaterThan(seen[i - 1].position);
    });

    it("starts after the current head with from: 'end'", async () => {
      const prefix = `conf${tag()}`;
      await store.append(`${prefix}-old`, evs(3, 'Old'));
      const { seen, sub } = collect(store, { from: 'end', filter: { streamPrefixes: [prefix] } });
      await sub.caughtUp;
      const fresh = evs(2, 'New');
      await store.append(`${prefix}-new`, fresh);
      await waitFor(() => seen.length === 2, 'new events');
      await sub.close();
      expect(seen.map((e) => e.id)).toEqual(fresh.map((e) => e.id));
    });

    it('resumes from a checkpoint with no gap and no duplicate', async () => {
      const prefix = `conf${tag()}`;
      const stream = `${prefix}-resume`;
      const before = await store.headPosition();
      for (let i = 0; i < 6; i++) await store.append(stream, evs(5, 'Step', i * 5));

      const firstRun: RecordedEvent[] = [];
      let stopNow!: () => void;
      const stopped = new Promise<void>((r) => (stopNow = r));
      const first = store.subscribe({ from: before, filter: { streamPrefixes: [prefix] } }, async (e) => {
        firstRun.push(e);
        if (firstRun.length === 12) stopNow();
        await new Promise((r) => setTimeout(r, 1)); // slow enough that close() lands mid-way
      });
      await stopped;
      await first.close();
      expect(firstRun.length).toBeGreaterThanOrEqual(12);
      expect(firstRun.length).toBeLessThan(30);

      await store.append(stream, evs(10, 'Step', 30)); // written while nobody listens
      const checkpoint = firstRun[firstRun.length - 1].position;
      const { seen: secondRun, sub: second } = collect(store, { from: checkpoint, filter: { streamPrefixes: [prefix] } });
      await waitFor(() => firstRun.length + secondRun.length >= 40, 'the resumed subscription');
      await second.close();

      const full = await store.readStream(stream);
      expect([...firstRun, ...secondRun].map((e) => e.id)).toEqual(full.map((e) => e.id));
    });

    it('filters by stream prefix and by exact event type', async () => {
      const t = tag();
      const [typeA, typeB] = [`Alpha${t}`, `Beta${t}`];
      const before = await store.headPosition();
      await store.append(`conf${t}a-1`, [ev(typeA), ev(typeB)]);
      await store.append(`conf${t}b-1`, [ev(typeA), ev(`${typeA}Longer`), ev(typeB)]);
      await store.append(`conf${t}a-2`, [ev(typeB)]);

      const byStream = collect(store, { from: before, filter: { streamPrefixes: [`conf${t}a`] } });
      const byType = collect(store, { from: before, filter: { eventTypes: [typeA] } });
      const both = collect(store, { from: before, filter: { streamPrefixes: [`conf${t}b`], eventTypes: [typeB] } });
      await Promise.all([byStream.sub.caughtUp, byType.sub.caughtUp, both.sub.caughtUp]);
      // A matching sentinel last: once each has seen it, nothing earlier can still arrive.
      await store.append(`conf${t}a-3`, [ev(typeA)]);
      await store.append(`conf${t}b-2`, [ev(typeB)]);
      await waitFor(() => byStream.seen.length >= 4 && byType.seen.length >= 3 && both.seen.length >= 2, 'filtered events');
      await Promise.all([byStream.sub.close(), byType.sub.close(), both.sub.close()]);

      const summary = (es: RecordedEvent[]) => es.map((e) => `${e.stream}:${e.type}`);
      expect(summary(byStream.seen)).toEqual([`conf${t}a-1:${typeA}`, `conf${t}a-1:${typeB}`, `conf${t}a-2:${typeB}`, `conf${t}a-3:${typeA}`]);
      expect(summary(byType.seen)).toEqual([`conf${t}a-1:${typeA}`, `conf${t}b-1:${typeA}`, `conf${t}a-3:${typeA}`]);
      expect(summary(both.seen)).toEqual([`conf${t}b-1:${typeB}`, `conf${t}b-2:${typeB}`]);
    });

    it('rejects done when the handler throws', async () => {
      const prefix = `conf${tag()}`;
      const before = await store.headPosition();
      await store.append(`${prefix}-boom`, evs(3, 'Boom'));
      const calls: number[] = [];
      const sub = store.subscribe({ from: before, filter: { streamPrefixes: [prefix] } }, (e) => {
        calls.push(e.revision);
        if (e.revision === 1) throw new Error('handler failed');
      });
      await expect(sub.done).rejects.toThrow('handler failed');
      await sub.close();
      expect(calls).toEqual([0, 1]);
    });

    it('handles a 10,000-event stream: batches, full reads both ways, a subscription', async () => {
      const prefix = `conf${tag()}`;
      const stream = `${prefix}-big`;
      const before = await store.headPosition();
      const { seen, sub } = collect(store, { from: before, filter: { streamPrefixes: [prefix] } });
      for (let b = 0; b < 20; b++) {
        const result = await store.append(stream, evs(500, 'Bulk', b * 500), { expectedRevision: b === 0 ? 'no_stream' : b * 500 - 1 });
        expect(result.revision).toBe(b * 500 + 499);
      }
      const forwards = await store.readStream(stream);
      expect(forwards).toHaveLength(10_000);
      expect(forwards.every((e, i) => e.revision === i && (e.data as { n: number }).n === i)).toBe(true);
      const backwards = await store.readStream(stream, { direction: 'backwards' });
      expect(backwards).toHaveLength(10_000);
      expect(backwards.every((e, i) => e.revision === 9_999 - i)).toBe(true);

      await waitFor(() => seen.length >= 10_000, 'the subscription to see 10,000 events', 60_000);
      await sub.close();
      expect(seen).toHaveLength(10_000);
      expect(seen.every((e, i) => e.revision === i)).toBe(true);
    }, 120_000);
  });
}
