// Persistence of a workflow's live document on stream `workflowdoc-<id>`: Yjs updates appended in
// small batches, compacted every so often into a snapshot made with Y.mergeUpdates (never by
// replaying into an empty doc). An edit is acknowledged to its author only once it is stored.
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { eventIdFor, streamName, type NewEvent, type RecordedEvent } from '../../domain/index.ts';
import type { EventStore } from '../../events/index.ts';
import type { Logger } from '../logger.ts';

export const WORKFLOW_DOC_CATEGORY = 'workflowdoc';

export interface DocUpdatedData {
  /** base64 of one merged Yjs update. */
  update: string;
  /** Users whose edits the update carries. */
  authors: string[];
  /** The workflow stream revision the document (up to this event) has incorporated. */
  syncedRevision: number;
}

export interface DocSnapshotData {
  /** base64 of every update before this event, merged. */
  snapshot: string;
  syncedRevision: number;
  /** How many update events it merged. */
  compacted: number;
}

export interface LoadedDoc {
  doc: Y.Doc;
  /** The merged state at the last snapshot, and the updates after it: the next compaction's input. */
  snapshot?: Uint8Array;
  tail: Uint8Array[];
  syncedRevision: number;
  /** Authors of stored updates that may not have been committed as workflow events yet. */
  authors: string[];
  /** Revision of the doc stream's last event. */
  revision: number;
}

const PAGE = 256;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** Loads the last snapshot and the updates after it; undefined when nothing was stored yet. */
export async function loadDoc(events: EventStore, workflowId: string): Promise<LoadedDoc | undefined> {
  const stream = streamName(WORKFLOW_DOC_CATEGORY, workflowId);
  const revision = await events.streamRevision(stream);
  if (revision < 0) return undefined;
  // Walk back to the newest snapshot, then forwards from it.
  const after: RecordedEvent[] = [];
  let snapshotEvent: RecordedEvent | undefined;
  let from = revision;
  while (from >= 0 && !snapshotEvent) {
    const page = await events.readStream(stream, { direction: 'backwards', from, limit: PAGE });
    for (const event of page) {
      if (event.type === 'WorkflowDocSnapshotted') {
        snapshotEvent = event;
        break;
      }
      after.push(event);
    }
    from -= PAGE;
    if (page.length < PAGE) break;
  }
  after.reverse();
  const snapshotData = snapshotEvent?.data as DocSnapshotData | undefined;
  const snapshot = snapshotData ? bytes(snapshotData.snapshot) : undefined;
  const tail = after.filter((e) => e.type === 'WorkflowDocUpdated').map((e) => bytes((e.data as DocUpdatedData).update));
  const doc = new Y.Doc();
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    for (const update of tail) Y.applyUpdate(doc, update);
  });
  let syncedRevision = snapshotData?.syncedRevision ?? -1;
  const authors = new Set<string>();
  for (const e of after) {
    const data = e.data as DocUpdatedData;
    syncedRevision = Math.max(syncedRevision, data.syncedRevision ?? -1);
    for (const a of data.authors ?? []) authors.add(a);
  }
  return { doc, snapshot, tail, syncedRevision, authors: [...authors], revision };
}

export interface DocWriterOptions {
  events: EventStore;
  workflowId: string;
  logger: Logger;
  /** How long updates gather before one append, in ms. */
  batchMs: number;
  /** Update events between two snapshots. */
  snapshotEvery: number;
  /** What was loaded, or nothing for a new stream. */
  loaded?: Pick<LoadedDoc, 'snapshot' | 'tail' | 'revision' | 'syncedRevision'>;
}

export interface DocWriter {
  /** Queues an update (from `author`, when a user made it). */
  enqueue(update: Uint8Array, author?: string): void;
  /** Records that the document now incorporates the workflow up to `revision`. */
  markSynced(revision: number): void;
  /** Resolves once everything queued so far is stored. */
  whenDurable(): Promise<void>;
  /** Stores what is queued; resolves when done. */
  flush(): Promise<void>;
  stats(): { revision: number; tail: number; snapshots: number; appends: number };
}

export function createDocWriter(options: DocWriterOptions): DocWriter {
  const { events, logger } = options;
  const stream = streamName(WORKFLOW_DOC_CATEGORY, options.workflowId);
  // Event ids are derived from this writer and the target revision: a retried append is stored once.
  const writerId = randomUUID();
  let revision = options.loaded?.revision ?? -1;
  let snapshot = options.loaded?.snapshot;
  let tail = [...(options.loaded?.tail ?? [])];
  let syncedRevision = options.loaded?.syncedRevision ?? -1;
  let storedSyncedRevision = syncedRevision;
  let pending: Uint8Array[] = [];
  let authors = new Set<string>();
  let queued = 0;
  let stored = 0;
  let snapshots = 0;
  let appends = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let waiters: { until: number; resolve: () => void }[] = [];

  const schedule = () => {
    if (!timer && !running) timer = setTimeout(() => void run(), options.batchMs);
  };

  const event = (type: string, data: unknown): NewEvent => ({
    id: eventIdFor(`${stream}@${revision + 1}:${writerId}`, 0),
    type,
    data,
    metadata: { actor: { kind: 'system', id: 'collab' }, correlationId: writerId, causationId: writerId, at: new Date().toISOString(), schemaVersion: 1 },
  });

  async function writeOnce(): Promise<void> {
    if (pending.length === 0 && storedSyncedRevision === syncedRevision) return;
    const batch = pending;
    const batchAuthors = authors;
    const upTo = queued;
    const synced = syncedRevision;
    pending = [];
    authors = new Set();
    const update = batch.length === 0 ? new Uint8Array([0, 0]) : batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
    try {
      const data: DocUpdatedData = { update: b64(update), authors: [...batchAuthors], syncedRevision: synced };
      const result = await events.append(stream, [event('WorkflowDocUpdated', data)], { expectedRevision: revision < 0 ? 'no_stream' : revision });
      revision = result.revision;
      appends += 1;
    } catch (error) {
      // Keep the batch: the next run tries again. Authors were told nothing yet.
      pending = [...batch, ...pending];
      for (const a of batchAuthors) authors.add(a);
      throw error;
    }
    storedSyncedRevision = synced;
    stored = upTo;
    tail.push(update);
    const ready = waiters.filter((w) => w.until <= stored);
    waiters = waiters.filter((w) => w.until > stored);
    for (const w of ready) w.resolve();
    if (tail.length >= options.snapshotEvery) await compact();
  }

  async function compact(): Promise<void> {
    const merged = Y.mergeUpdates(snapshot ? [snapshot, ...tail] : tail);
    const data: DocSnapshotData = { snapshot: b64(merged), syncedRevision: storedSyncedRevision, compacted: tail.length };
    try {
      const result = await events.append(stream, [event('WorkflowDocSnapshotted', data)], { expectedRevision: revision });
      revision = result.revision;
      snapshot = merged;
      tail = [];
      snapshots += 1;
    } catch (error) {
      logger.warn({ err: error, stream }, 'collab: snapshot failed; will retry after the next batch');
    }
  }

  async function run(): Promise<void> {
    timer = undefined;
    if (running) return running;
    const work = async () => {
      try {
        while (pending.length > 0 || storedSyncedRevision !== syncedRevision) await writeOnce();
      } catch (error) {
        logger.error({ err: error, stream }, 'collab: storing document updates failed; retrying');
        setTimeout(() => schedule(), Math.max(options.batchMs, 250));
      }
    };
    // Cleared in a later microtask, never before it is set (the work may finish synchronously).
    running = work().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    enqueue(update, author) {
      pending.push(update);
      if (author) authors.add(author);
      queued += 1;
      schedule();
    },
    markSynced(rev) {
      if (rev <= syncedRevision) return;
      syncedRevision = rev;
      schedule();
    },
    whenDurable() {
      if (stored >= queued) return Promise.resolve();
      const until = queued;
      return new Promise((resolve) => waiters.push({ until, resolve }));
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (running) await running;
      await run();
      if (pending.length > 0) throw new Error(`could not store the document of workflow ${options.workflowId}`);
    },
    stats: () => ({ revision, tail: tail.length, snapshots, appends }),
  };
}
