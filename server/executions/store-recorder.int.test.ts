// The run recorder on a real SQLite event store and file blob store: bursts of steps arrive whole
// and in order, a refused append ends recording with that error (never a spin), and payloads of
// any size are stored by reference with every event under the store's cap. A stall guard kills the
// test process if an await loop spins without progress, which would otherwise hang, not fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type Actor } from '../../domain/index.ts';
import { createFileBlobStore, createSqliteEventStore, MAX_EVENT_BYTES, type BlobStore, type EventStore } from '../../events/index.ts';
import { installStallGuard } from '../stall-guard.ts';
import { hydrate } from './large-payloads.ts';
import { createStoreRecorder } from './store-recorder.ts';

let dir: string;
let events: EventStore & { close(): Promise<void> };
let blobs: BlobStore;
let stopGuard: () => Promise<void>;
const meta = { actor: { kind: 'system', id: 'recorder-test' } as Actor, correlationId: 'c1' };
let streamNo = 0;
const nextStream = () => `execution-rec${Date.now()}x${streamNo++}`;

beforeAll(() => {
  stopGuard = installStallGuard(5_000);
  dir = mkdtempSync(path.join(tmpdir(), 'weft-recorder-'));
  events = createSqliteEventStore({ file: path.join(dir, 'events.db') });
  blobs = createFileBlobStore(path.join(dir, 'blobs'));
});
afterAll(async () => {
  await events.close();
  await stopGuard();
  rmSync(dir, { recursive: true, force: true });
});

/** Steps as an engine records them: most not awaited one by one, some (a run's end) awaited. */
async function burst(recorder: ReturnType<typeof createStoreRecorder>, count: number): Promise<unknown[]> {
  const settled: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const type = i % 97 === 96 ? 'WebhookResponseSent' : 'NodeSucceeded';
    // Every tenth output is large, so it goes to the blob store (real I/O) when there is one.
    const json = i % 10 === 9 ? { i, text: `${i}`.repeat(2_000) } : { i };
    const step = recorder.record(type, { node: `n${i}`, runIndex: 0, taskData: { data: { main: [[{ json }]] } } });
    settled.push(step.then(() => 'ok', (err: unknown) => err));
    // Vary the interleaving: sometimes the engine awaits its step, sometimes it runs on at once.
    if (i % 7 === 0) await step.catch(() => undefined);
    else if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  settled.push(recorder.record('ExecutionFinished', { status: 'success' }).then(() => 'ok', (err: unknown) => err));
  return Promise.all(settled);
}

describe('store recorder', () => {
  it('stores bursts of thousands of steps whole, in order, with contiguous revisions', async () => {
    for (let round = 0; round < 5; round++) {
      const stream = nextStream();
      // Odd rounds store large outputs by reference: building those events waits on the blob store.
      const options = round % 2 === 1 ? { externalizer: { blobs, inlineLimitBytes: 1024 } } : {};
      const outcomes = await burst(createStoreRecorder(events, stream, meta, -1, options), 2_000);
      expect(outcomes.every((o) => o === 'ok')).toBe(true);
      const stored = await events.readStream(stream);
      expect(stored).toHaveLength(2_001);
      expect(stored.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
      expect(stored.slice(0, 3).map((e) => (e.data as { node: string }).node)).toEqual(['n0', 'n1', 'n2']);
      expect(stored.at(-1)!.type).toBe('ExecutionFinished');
    }
  });

  it('ends with the store’s error when an append is refused, and every later step gets it', async () => {
    const stream = nextStream();
    const recorder = createStoreRecorder(events, stream, meta);
    await recorder.record('ExecutionQueued', { n: 0 });
    // Another writer takes the next revision: the recorder's expected revision no longer holds.
    await events.append(stream, [{ id: crypto.randomUUID(), type: 'Intruder', data: {}, metadata: { ...meta, causationId: 'c1', at: new Date().toISOString(), schemaVersion: 1 } }]);
    // Steps queued behind the refused append, with one the engine waits for among them.
    const queuedBehind = await Promise.all(['NodeStarted', 'NodeSucceeded', 'NodeStarted', 'WebhookResponseSent', 'NodeStarted']
      .map((type) => recorder.record(type, { node: 'x' }).then(() => 'ok', (err: unknown) => err)));
    expect(queuedBehind[3]).toBeInstanceOf(WrongExpectedRevisionError);
    const outcomes = await burst(recorder, 300);
    // Steps not awaited resolve once queued (pipelining); the awaited ones (the run's end among
    // them) reject with the store's error, and so does every step recorded after it came back.
    expect(outcomes.every((o) => o === 'ok' || o instanceof WrongExpectedRevisionError)).toBe(true);
    expect(outcomes.at(-1)).toBeInstanceOf(WrongExpectedRevisionError);
    await expect(recorder.record('NodeSucceeded', { node: 'late' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await events.readStream(stream)).map((e) => e.type)).toEqual(['ExecutionQueued', 'Intruder']);
  });

  it('retries a transient failure and goes on', async () => {
    const stream = nextStream();
    let refusals = 2;
    const flaky: EventStore = {
      ...events,
      append: (...args) => (refusals-- > 0 ? Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })) : events.append(...args)),
    };
    const outcomes = await burst(createStoreRecorder(flaky, stream, meta, -1, { retryDelaysMs: [5, 5, 5] }), 50);
    expect(outcomes.every((o) => o === 'ok')).toBe(true);
    expect(await events.streamRevision(stream)).toBe(50);
  });

  it('stores payloads of any size by reference, keeps every event under the cap, and reads them back whole', async () => {
    const stream = nextStream();
    const recorder = createStoreRecorder(events, stream, meta, -1, { externalizer: { blobs, inlineLimitBytes: 64 * 1024 } });
    const items = Array.from({ length: 60_000 }, (_, i) => ({ json: { i, name: `item ${i}`, group: i % 7 } }));
    const trigger = { definition: { nodes: [], connections: {} }, triggerItems: items, pinData: { Node: items.slice(0, 20_000) }, mode: 'webhook', workflowId: 'w1' };
    await recorder.record('ExecutionQueued', trigger);
    await recorder.record('NodeSucceeded', { node: 'Code', runIndex: 0, taskData: { executionStatus: 'success', data: { main: [items, []] } } });
    await recorder.record('ExecutionFinished', { status: 'success' });

    const stored = await events.readStream(stream);
    for (const event of stored) expect(Buffer.byteLength(JSON.stringify(event.data))).toBeLessThan(64 * 1024);
    expect(MAX_EVENT_BYTES).toBeGreaterThan(64 * 1024);
    // What watchers and projections read stays inline: small fields and the item counts.
    expect(stored[0].data).toMatchObject({ mode: 'webhook', workflowId: 'w1' });
    expect((stored[1].data as { itemCounts: unknown }).itemCounts).toEqual([60_000, 0]);

    const back = await hydrate(stored, blobs);
    expect(back[0].data).toEqual(trigger);
    expect((back[1].data as { taskData: { data: { main: unknown[][] } } }).taskData.data.main[0]).toEqual(items);
  });
});
