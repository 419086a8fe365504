// One event a projection cannot apply never stops it: over real SQLite files, the event is
// quarantined (recorded with its position, stream and error) and the events after it are applied.
import { v4 as uuid } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectionRunner } from './projection-runner.ts';
import type { Projection } from './projection.ts';
import { QUARANTINE } from './quarantine.ts';
import type { EventStore } from '../events/index.ts';
import type { ReadModelStore } from './read-model-store.ts';
import { openTempStores, silentLogger as logger, testEvent, type TempStores } from './test-stores.ts';

let stores: TempStores;
let events: EventStore;
let readModels: ReadModelStore;

beforeEach(() => {
  stores = openTempStores('weft-quarantine-');
  ({ events, readModels } = stores);
});
afterEach(() => stores.close());

const event = (data: Record<string, unknown> = {}) => testEvent('Noted', data);

/** Data nested deeper than SQLite's JSON functions accept (their limit is 1,000 levels). */
function tooDeep(levels = 1_200): Record<string, unknown> {
  let p: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) p = { a: p };
  return { label: 'deep', p };
}

async function appendGood(n: number, stream = `note-${uuid()}`): Promise<number> {
  return (await events.append(stream, Array.from({ length: n }, (_, i) => event({ label: `n${i}` })))).position;
}

/** Keeps each event's data in an indexed collection: the real SQLite read model refuses a too-deep one. */
function notes(failFirstTries = 0): Projection {
  const tries = new Map<string, number>();
  return {
    name: 'notes',
    version: 1,
    collections: [{ name: 'all', indexes: [{ fields: ['label'] }] }],
    async apply(e, tx) {
      const seen = (tries.get(e.id) ?? 0) + 1;
      tries.set(e.id, seen);
      if (seen <= failFirstTries) throw new Error('database is locked (simulated)');
      await tx.collection('all').upsert({ id: e.id, ...(e.data as Record<string, unknown>) });
    },
  };
}

function runner(projection: Projection): ProjectionRunner {
  return new ProjectionRunner({ events, readModels, projection, logger, batchSize: 64 });
}

describe('projection quarantine', () => {
  it('sets aside an event the read model refuses, applies the later ones, and quarantines it again on rebuild', async () => {
    await appendGood(40);
    const poisonStream = `note-${uuid()}`;
    const poison = await events.append(poisonStream, [event(tooDeep())]);
    const head = await appendGood(40);
    const r = runner(notes());
    await r.start();
    await r.waitFor(head, 20_000);
    expect(await r.collection('all').count()).toBe(80);
    expect(r.status()).toMatchObject({ checkpoint: head, quarantined: 1 });
    const [record] = (await r.quarantine()).items;
    expect(record).toMatchObject({ projection: 'notes', key: 'notes_v1', position: poison.position, stream: poisonStream, revision: 0, type: 'Noted' });
    expect(record.error).toMatch(/malformed JSON/);

    // Live events after it still arrive.
    const later = await appendGood(1);
    await r.waitFor(later, 5_000);
    expect(await r.collection('all').count()).toBe(81);

    const oldKey = r.status().activeKey;
    const rebuilt = await r.rebuild();
    expect(rebuilt.activeKey).not.toBe(oldKey);
    expect(rebuilt).toMatchObject({ checkpoint: later, quarantined: 1 });
    expect((await r.quarantine()).items).toMatchObject([{ key: rebuilt.activeKey, position: poison.position }]);
    // The dropped key's records went with it.
    expect(await readModels.collection(QUARANTINE).count({ key: oldKey })).toBe(0);
    expect(await r.collection('all').count()).toBe(81);
    await r.stop();
  });

  it('remembers its quarantined events across a restart and follows live events past a new one', async () => {
    await appendGood(5);
    const first = runner(notes());
    await first.start();
    await first.waitFor(await events.headPosition());
    const poison = await events.append(`note-${uuid()}`, [event(tooDeep())]);
    const after = await appendGood(3);
    await first.waitFor(after, 20_000);
    expect(first.status().quarantined).toBe(1);
    await first.stop();

    const second = runner(notes());
    await second.start();
    expect(second.status().quarantined).toBe(1);
    expect((await second.quarantinedOf(`note-none`, 0, 10))).toEqual([]);
    const [record] = (await second.quarantine()).items;
    expect(await second.quarantinedOf(record.stream, 0, 0)).toMatchObject([{ position: poison.position }]);
    await second.stop();
  });

  it('retries an event that fails only for a while instead of quarantining it', async () => {
    const head = await appendGood(3);
    const r = runner(notes(2));
    await r.start();
    await r.waitFor(head, 20_000);
    expect(await r.collection('all').count()).toBe(3);
    expect(r.status().quarantined).toBe(0);
    await r.stop();
  });
});
