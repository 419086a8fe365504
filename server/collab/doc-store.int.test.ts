// Document storage on a real SQLite event store: batches, compaction into snapshots merged with
// Y.mergeUpdates, and loading from the last snapshot plus what follows it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { definitionToDoc, docToDefinition, randomEdit, seededRandom } from '../../collab/index.ts';
import { parseWorkflowDefinition } from '../../domain/index.ts';
import { createSqliteEventStore } from '../../events/index.ts';
import { createLogger } from '../logger.ts';
import { loadConfig } from '../config.ts';
import { createDocWriter, loadDoc } from './doc-store.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-docstore-'));
const events = createSqliteEventStore({ file: path.join(dir, 'events.sqlite') });
const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }));
afterAll(async () => {
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('document storage', () => {
  it('stores updates in batches, compacts them into snapshots, and loads the same document back', async () => {
    const doc = definitionToDoc(parseWorkflowDefinition({ name: 'Stored', nodes: [
      { id: 'a', name: 'A', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'b', name: 'B', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
    ] }));
    const writer = createDocWriter({ events, workflowId: 'w1', logger, batchMs: 0, snapshotEvery: 50 });
    writer.enqueue(Y.encodeStateAsUpdate(doc), 'u0');
    doc.on('update', (update: Uint8Array) => writer.enqueue(update, 'u1'));
    const rng = seededRandom(5);
    for (let i = 0; i < 600; i++) {
      randomEdit(doc, rng);
      // Waiting for durability now and then makes at least 120 appends however fast the log syncs;
      // in between, edits batch up.
      if (i % 5 === 4) await writer.whenDurable();
      else if (i % 3 === 0) await new Promise((r) => setImmediate(r));
    }
    writer.markSynced(7);
    await writer.whenDurable();
    await writer.flush();
    const stats = writer.stats();
    expect(stats.snapshots).toBeGreaterThanOrEqual(2);
    expect(stats.appends).toBeGreaterThan(100);
    expect(stats.appends).toBeLessThan(601); // batched
    const stored = await events.readStream('workflowdoc-w1');
    expect(stored.filter((e) => e.type === 'WorkflowDocSnapshotted').length).toBe(stats.snapshots);

    const loaded = (await loadDoc(events, 'w1'))!;
    expect(loaded.tail.length).toBeLessThan(50);
    expect(loaded.syncedRevision).toBe(7);
    expect(loaded.revision).toBe(stored.length - 1);
    expect(docToDefinition(loaded.doc)).toEqual(docToDefinition(doc));
    expect(Y.encodeStateVector(loaded.doc)).toEqual(Y.encodeStateVector(doc));
    expect(await loadDoc(events, 'nothing-stored')).toBeUndefined();
  });
});
