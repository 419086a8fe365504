// The projection runner over real SQLite stores: exactly-once application, resume, rebuild and swap.
import { v4 as uuid } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINTS, physicalName } from './projection-lane.ts';
import { ProjectionRunner } from './projection-runner.ts';
import type { Projection } from './projection.ts';
import type { EventStore } from '../events/index.ts';
import type { ReadModelStore } from './read-model-store.ts';
import { openTempStores, silentLogger as logger, testEvent, type TempStores } from './test-stores.ts';

let stores: TempStores;
let events: EventStore;
let readModels: ReadModelStore;

beforeEach(() => {
  stores = openTempStores('weft-runner-');
  ({ events, readModels } = stores);
});
afterEach(() => stores.close());

const event = (type = 'Counted') => testEvent(type);

async function appendMany(n: number, stream = `count-${uuid()}`): Promise<number> {
  let position = 0;
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => event());
    position = (await events.append(stream, batch)).position;
  }
  return position;
}

/** Not idempotent on purpose: applying an event twice would show as a wrong total. */
function counter(version = 1, failOnce?: { at: number }): Projection {
  let failed = false;
  return {
    name: 'counter',
    version,
    collections: [{ name: 'totals' }],
    accepts: (e) => e.type === 'Counted',
    async apply(e, tx) {
      const totals = tx.collection<{ id: string; n: number }>('totals');
      const current = (await totals.get('all'))?.n ?? 0;
      await totals.upsert({ id: 'all', n: current + 1 });
      if (failOnce && !failed && e.position === failOnce.at) {
        failed = true;
        throw new Error('simulated crash in the middle of a batch');
      }
    },
  };
}

function runner(projection: Projection): ProjectionRunner {
  return new ProjectionRunner({ events, readModels, projection, logger, batchSize: 64 });
}

async function total(r: ProjectionRunner): Promise<number> {
  return (await r.collection<{ id: string; n: number }>('totals').get('all'))?.n ?? 0;
}

describe('projection runner', () => {
  it('catches up, then follows live events; waitFor gives read-your-writes', async () => {
    await appendMany(300);
    const r = runner(counter());
    await r.start();
    await r.waitFor(await events.headPosition());
    expect(await total(r)).toBe(300);
    const position = await appendMany(1);
    await r.waitFor(position);
    expect(await total(r)).toBe(301);
    await r.stop();
  });

  it('rolls back a failed batch with its checkpoint and applies each event exactly once', async () => {
    const head = await appendMany(200);
    const r = runner(counter(1, { at: 150 }));
    await r.start();
    await r.waitFor(head);
    expect(await total(r)).toBe(200);
    await r.stop();
  });

  it('resumes from its checkpoint after a restart without double-applying', async () => {
    await appendMany(120);
    const first = runner(counter());
    await first.start();
    await first.waitFor(await events.headPosition());
    await first.stop();
    await appendMany(80);
    const second = runner(counter());
    await second.start();
    await second.waitFor(await events.headPosition());
    expect(await total(second)).toBe(200);
    expect(second.status().checkpoint).toBe(await events.headPosition());
    await second.stop();
  });

  it('moves past events it does not read without a read-model write; stores that checkpoint a moment later or on stop', async () => {
    const stored = async (key: string) => (await readModels.collection<{ id: string; position: number }>(CHECKPOINTS).get(key))?.position;
    const read = await appendMany(10);
    const r = runner(counter());
    await r.start();
    await r.waitFor(read);
    const key = r.status().activeKey;
    expect(await stored(key)).toBe(read);
    const skipped = (await events.append(`other-${uuid()}`, Array.from({ length: 20 }, () => event('NotCounted')))).position;
    await r.waitFor(skipped);
    expect(r.status().checkpoint).toBe(skipped);
    expect(await stored(key)).toBe(read);
    // Stored a moment later, for processes that watch the stored checkpoint.
    await expect.poll(() => stored(key)).toBe(skipped);
    const more = (await events.append(`other-${uuid()}`, [event('NotCounted')])).position;
    await r.waitFor(more);
    await r.stop();
    expect(await stored(key)).toBe(more);
    expect(await total(r)).toBe(10);
  });

  it('under a steady stream of appends commits about once per 20 ms, not once per append', async () => {
    let transactions = 0;
    const counting: ReadModelStore = { ...readModels, transaction: (work) => { transactions++; return readModels.transaction(work); } };
    const r = new ProjectionRunner({ events, readModels: counting, projection: counter(), logger, batchSize: 64 });
    await r.start();
    const before = transactions;
    const started = performance.now();
    let last = 0;
    // One event per append, each awaited: what a busy server's runs look like to a projection.
    for (let i = 0; i < 200; i++) last = (await events.append(`count-${uuid()}`, [event()])).position;
    await r.waitFor(last);
    const elapsed = performance.now() - started;
    const commits = transactions - before;
    expect(await total(r)).toBe(200);
    expect(commits).toBeLessThanOrEqual(Math.ceil(elapsed / 20) + 3);
    expect(commits).toBeLessThan(100);
    await r.stop();
  });

    it('skips what another process already applied to the same storage (checkpoint guard)', async () => {
    await appendMany(100);
    const a = runner(counter());
    const b = runner(counter());
    await Promise.all([a.start(), b.start()]);
    const head = await events.headPosition();
    await Promise.all([a.waitFor(head), b.waitFor(head)]);
    expect(await total(a)).toBe(100);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('rebuilds into new storage while the old one serves, then swaps and drops the old', async () => {
    await appendMany(500);
    const r = runner(counter());
    await r.start();
    await r.waitFor(await events.headPosition());
    const oldKey = r.status().activeKey;
    const rebuilding = r.rebuild();
    // While the rebuild runs, reads still come from the complete old read model.
    expect(await total(r)).toBe(500);
    const status = await rebuilding;
    expect(status.activeKey).not.toBe(oldKey);
    expect(await total(r)).toBe(500);
    expect(await readModels.collection(physicalName(oldKey, 'totals')).count()).toBe(0);
    expect(await readModels.collection(CHECKPOINTS).get(oldKey)).toBeUndefined();
    const position = await appendMany(5);
    await r.waitFor(position);
    expect(await total(r)).toBe(505);
    await r.stop();
  });

  it('rebuilds a new code version from the start while the previous version keeps serving', async () => {
    await appendMany(50);
    const v1 = runner(counter(1));
    await v1.start();
    await v1.waitFor(await events.headPosition());
    await v1.stop();
    await appendMany(25);
    const v2 = runner(counter(2));
    await v2.start();
    expect(v2.status().activeKey).toBe('counter_v1');
    await v2.waitFor(await events.headPosition());
    expect(v2.status().activeKey).toBe('counter_v2');
    expect(await total(v2)).toBe(75);
    await v2.stop();
  });

  it('follows a swap made by another process (the CLI rebuild)', async () => {
    await appendMany(40);
    const server = runner(counter());
    await server.start();
    await server.waitFor(await events.headPosition());
    const cli = runner(counter());
    await cli.start();
    const rebuilt = await cli.rebuild();
    await cli.stop();
    const position = await appendMany(3);
    await server.waitFor(position);
    await expect.poll(() => server.status().activeKey).toBe(rebuilt.activeKey);
    const later = await appendMany(2);
    await server.waitFor(later);
    expect(await total(server)).toBe(45);
    await server.stop();
  });
});
