// The static data store on a real SQLite event store: the seed until a first save, saves merged by
// scope when writers race, and a save over the size limit refused and logged, never thrown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { STATIC_DATA_MAX_BYTES, staticDataStreamName } from '../domain/index.ts';
import { createSqliteEventStore } from '../events/index.ts';
import { createStaticDataStore, systemWriter } from './static-data-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-static-store-'));
const events = createSqliteEventStore({ file: path.join(dir, 'events.sqlite') });
const logged: Array<{ msg: string; bytes?: number }> = [];
const logger = pino({ level: 'info' }, new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(JSON.parse(chunk.toString()));
    done();
  },
}));
const store = createStaticDataStore({ events, logger });
afterAll(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the static data store', () => {
  it('reads the definition’s static data until a first save, then the latest save', async () => {
    const owner = { workflowId: 'wf1', workspaceId: 'ws', seed: '{"global":{"imported":true}}' };
    const first = await store.load(owner);
    expect(first).toEqual({ global: { imported: true } });
    const after = { ...first, 'node:Poll': { lastId: 1 } };
    expect(await store.save(owner, first, after, systemWriter('test'))).toBe(true);
    expect(await store.load(owner)).toEqual(after);
    // Nothing changed: nothing written.
    expect(await store.save(owner, after, structuredClone(after), systemWriter('test'))).toBe(false);
    expect(await events.streamRevision(staticDataStreamName('wf1'))).toBe(0);
  });

  it('merges writers that read the same save: each keeps the scopes it changed', async () => {
    const owner = { workflowId: 'wf2', workspaceId: 'ws' };
    const base = await store.load(owner);
    const [a, b] = await Promise.all([
      store.save(owner, base, { global: { count: 1 } }, systemWriter('run')),
      store.save(owner, base, { 'node:Poll': { lastId: 9 } }, systemWriter('poll')),
    ]);
    expect([a, b]).toEqual([true, true]);
    expect(await store.load(owner)).toEqual({ global: { count: 1 }, 'node:Poll': { lastId: 9 } });
  });

  it('refuses a save larger than the limit, logging it, and keeps the last one', async () => {
    const owner = { workflowId: 'wf3', workspaceId: 'ws' };
    await store.save(owner, {}, { global: { small: true } }, systemWriter('run'));
    const huge = { global: { blob: 'x'.repeat(STATIC_DATA_MAX_BYTES) } };
    expect(await store.save(owner, { global: { small: true } }, huge, systemWriter('run'))).toBe(false);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'workflow static data not saved: larger than the limit', workflowId: 'wf3' }));
    expect(await store.load(owner)).toEqual({ global: { small: true } });
  });
});
