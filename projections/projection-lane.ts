// Feeds one storage key of a projection from the event store, in batches, checkpoint in the same
// transaction as the read model, so a crash never double-applies or skips an event. An event that
// cannot be applied on its own is quarantined (recorded with the checkpoint) rather than retried
// forever, so no single event can stop a read model.
import type { RecordedEvent } from '../domain/index.ts';
import type { EventStore, Subscription } from '../events/index.ts';
import type { Projection } from './projection.ts';
import { countQuarantined, ensureQuarantine, QUARANTINE, quarantineRecord, type QuarantineRecord } from './quarantine.ts';
import type { ReadModelStore, ReadModelTx } from './read-model-store.ts';
import { writeBehind } from './write-behind.ts';

export const CHECKPOINTS = 'projection_checkpoints';

export interface Checkpoint {
  id: string;
  [k: string]: unknown;
  position: number;
}

export interface LaneLogger {
  error(obj: object, msg: string): void;
}

/** The storage name of a projection collection under a key (`workflows_v1` + `list`). */
export function physicalName(key: string, logical: string): string {
  return `${key}__${logical}`;
}

export function scopedTx(tx: ReadModelTx, key: string): ReadModelTx {
  return { collection: (logical) => tx.collection(physicalName(key, logical)) };
}

/**
 * A batch with no event this projection reads moves the checkpoint in memory only; the stored one
 * follows with the next batch it reads, after CHECKPOINT_STORE_DELAY_MS, on stop, or once it lags
 * this many positions. Why: every projection sees every event, and a read-model transaction per
 * batch per projection (most of them only moving a checkpoint) cost more than the webhook calls
 * themselves. A stored checkpoint lagging over skipped events only means re-reading them after a
 * restart; processes watching it (attached runners) see it move within the delay.
 */
const CHECKPOINT_LAG_POSITIONS = 1_000;
const CHECKPOINT_STORE_DELAY_MS = 200;

/**
 * Under a steady stream of events a lane commits at most once per this interval, so a batch holds
 * what arrived meanwhile. Why: a read-model commit costs about a millisecond whatever it holds,
 * and a lane committing after every append (hundreds of times a second under webhook load) spent
 * most of the server's time in commits. A quiet lane still commits an event at once, and so does a
 * lane someone waits on (read-your-writes).
 */
const MIN_FLUSH_INTERVAL_MS = 20;

/** Tries of one event, on its own, before it is declared poison (a locked database passes by then). */
const EVENT_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Waiter {
  position: number;
  resolve: () => void;
}

export class ProjectionLane {
  /** Position of the last event whose effects are committed. */
  checkpoint = 0;
  /** The checkpoint as stored with the read model (may lag `checkpoint`, see CHECKPOINT_LAG_POSITIONS). */
  private storedCheckpoint = 0;
  private storeTimer?: NodeJS.Timeout;
  /** Events this key has quarantined (counted at start, then as this lane quarantines). */
  quarantined = 0;
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private lastFlushAt = 0;
  private waiters: Waiter[] = [];
  private subscription?: Subscription;
  private stopped = false;

  constructor(
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projection: Projection,
    readonly key: string,
    private readonly logger: LaneLogger,
    private readonly batchSize = 500,
    private readonly onFlushed?: () => Promise<void>,
  ) {}

  async start(): Promise<void> {
    for (const spec of this.projection.collections) {
      await this.readModels.ensureCollection({ ...spec, name: physicalName(this.key, spec.name) });
    }
    await ensureQuarantine(this.readModels);
    const stored = await this.readModels.collection<Checkpoint>(CHECKPOINTS).get(this.key);
    this.checkpoint = stored?.position ?? 0;
    this.storedCheckpoint = this.checkpoint;
    this.quarantined = await countQuarantined(this.readModels, this.key);
    this.subscription = this.events.subscribe(
      { from: this.checkpoint === 0 ? 'start' : this.checkpoint },
      (event) => this.receive(event),
    );
    this.subscription.done.catch((error) => this.logger.error({ err: error, key: this.key }, 'projection subscription failed'));
  }

  /** Resolves once every event up to `position` is visible in this lane's read model. */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    if (this.buffer.length > 0) void this.flush();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { position, resolve: () => { clearTimeout(timer); resolve(); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`Projection '${this.key}' did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    clearTimeout(this.storeTimer);
    await this.flush();
    if (this.checkpoint > this.storedCheckpoint) await this.commit([], this.checkpoint);
  }

  /** Stores a checkpoint moved only in memory a moment later, in the flush chain. */
  private storeCheckpointLater(): void {
    if (this.storeTimer || this.stopped) return;
    this.storeTimer = setTimeout(() => {
      this.storeTimer = undefined;
      this.chain = this.chain.then(async () => {
        if (this.checkpoint <= this.storedCheckpoint) return;
        // Best effort: the next batch this projection reads stores it anyway.
        await this.commit([], this.checkpoint).catch((err) => this.logger.error({ err, key: this.key }, 'could not store the projection checkpoint'));
      });
    }, CHECKPOINT_STORE_DELAY_MS);
  }

  private receive(event: RecordedEvent): Promise<void> | void {
    this.buffer.push(event);
    // A full buffer applies back-pressure: the subscription waits for this flush.
    if (this.buffer.length >= this.batchSize) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      const flush = () => {
        this.flushScheduled = false;
        void this.flush();
      };
      // Someone waiting (read-your-writes) is not kept waiting for the interval.
      const wait = this.waiters.length > 0 ? 0 : this.lastFlushAt + MIN_FLUSH_INTERVAL_MS - performance.now();
      if (wait > 0) setTimeout(flush, wait);
      else setImmediate(flush);
    }
  }

  private flush(): Promise<void> {
    this.chain = this.chain.then(() => this.flushOnce());
    return this.chain;
  }

  private async flushOnce(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.lastFlushAt = performance.now();
    const batch = this.buffer;
    this.buffer = [];
    const upTo = batch[batch.length - 1].position;
    const skip = upTo - this.storedCheckpoint < CHECKPOINT_LAG_POSITIONS && !batch.some((event) => this.wants(event));
    for (let attempt = 1; !skip; attempt++) {
      try {
        await this.applyBatch(batch);
        break;
      } catch (batchError) {
        // The transaction rolled back. If one event is the cause, applying the events one by one
        // sets it aside and keeps the others.
        this.logger.error({ err: batchError, key: this.key, attempt }, 'projection batch failed; applying its events one by one');
        try {
          await this.applyEachOrQuarantine(batch);
          break;
        } catch (error) {
          // Even recording a quarantine failed: the store itself is failing. Retry the batch (what
          // was committed meanwhile is skipped by the checkpoint guard).
          this.logger.error({ err: error, key: this.key, attempt }, 'projection store failing; retrying the batch');
          if (this.stopped && attempt >= 3) throw error;
          await sleep(Math.min(5_000, 100 * 2 ** attempt));
        }
      }
    }
    this.checkpoint = upTo;
    if (skip) this.storeCheckpointLater();
    const ready = this.waiters.filter((w) => w.position <= this.checkpoint);
    this.waiters = this.waiters.filter((w) => w.position > this.checkpoint);
    for (const w of ready) w.resolve();
    await this.onFlushed?.();
  }

  private applyBatch(batch: RecordedEvent[]): Promise<unknown> {
    return this.commit(batch, batch[batch.length - 1].position);
  }

  private async applyEachOrQuarantine(batch: RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      if (this.wants(event)) await this.applyOrQuarantine(event);
    }
    // Moves the checkpoint over events at the end of the batch this projection does not read.
    await this.commit([], batch[batch.length - 1].position);
  }

  private async applyOrQuarantine(event: RecordedEvent): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= EVENT_ATTEMPTS; attempt++) {
      try {
        await this.commit([event], event.position);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < EVENT_ATTEMPTS) await sleep(100 * 2 ** attempt);
      }
    }
    // A store that does not answer is not the event's fault: throwing here retries the batch.
    await this.readModels.ping();
    const record = quarantineRecord(this.projection.name, this.key, event, lastError);
    if (!(await this.commit([], event.position, record))) return;
    this.quarantined++;
    this.logger.error(
      { err: lastError, key: this.key, position: event.position, stream: event.stream, type: event.type, eventId: event.id },
      'projection could not apply an event; quarantined it and went on',
    );
  }

  /** A projection whose filter throws on an event gets to apply it (and quarantine it if that fails too). */
  private wants(event: RecordedEvent): boolean {
    try {
      return !this.projection.accepts || this.projection.accepts(event);
    } catch {
      return true;
    }
  }

  /**
   * Applies the events and moves the checkpoint to `upTo`, with the quarantine record if any, in
   * one transaction. Returns whether the record was written (another process may have got there).
   */
  private async commit(events: RecordedEvent[], upTo: number, quarantine?: QuarantineRecord): Promise<boolean> {
    const recorded = await this.readModels.transaction(async (tx) => {
      const checkpoints = tx.collection<Checkpoint>(CHECKPOINTS);
      // Guard against another process that fed the same key: skip what it already applied.
      const committed = (await checkpoints.get(this.key))?.position ?? 0;
      const scoped = writeBehind(scopedTx(tx, this.key));
      for (const event of events) {
        if (event.position <= committed) continue;
        if (this.projection.accepts && !this.projection.accepts(event)) continue;
        await this.projection.apply(event, scoped);
      }
      await scoped.flush();
      const recorded = quarantine !== undefined && quarantine.position > committed;
      if (recorded) await tx.collection<QuarantineRecord>(QUARANTINE).upsert(quarantine);
      if (upTo > committed) await checkpoints.upsert({ id: this.key, position: upTo });
      return recorded;
    });
    this.storedCheckpoint = Math.max(this.storedCheckpoint, upTo);
    return recorded;
  }
}
