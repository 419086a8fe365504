// Feeds one storage key of a projection from the event store, in batches, checkpoint in the same
// transaction as the read model, so a crash never double-applies or skips an event.
import type { RecordedEvent } from '../domain/index.ts';
import type { EventStore, Subscription } from '../events/index.ts';
import type { Projection } from './projection.ts';
import type { ReadModelStore, ReadModelTx } from './read-model-store.ts';

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

interface Waiter {
  position: number;
  resolve: () => void;
}

export class ProjectionLane {
  /** Position of the last event whose effects are committed. */
  checkpoint = 0;
  private buffer: RecordedEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
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
    const stored = await this.readModels.collection<Checkpoint>(CHECKPOINTS).get(this.key);
    this.checkpoint = stored?.position ?? 0;
    this.subscription = this.events.subscribe(
      { from: this.checkpoint === 0 ? 'start' : this.checkpoint },
      (event) => this.receive(event),
    );
    this.subscription.done.catch((error) => this.logger.error({ err: error, key: this.key }, 'projection subscription failed'));
  }

  /** Resolves once every event up to `position` is visible in this lane's read model. */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
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
    await this.flush();
  }

  private receive(event: RecordedEvent): Promise<void> | void {
    this.buffer.push(event);
    // A full buffer applies back-pressure: the subscription waits for this flush.
    if (this.buffer.length >= this.batchSize) return this.flush();
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
  }

  private flush(): Promise<void> {
    this.chain = this.chain.then(() => this.flushOnce());
    return this.chain;
  }

  private async flushOnce(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyBatch(batch);
        break;
      } catch (error) {
        // The transaction rolled back, so retrying the same batch is safe. Never skip an event.
        this.logger.error({ err: error, key: this.key, attempt }, 'projection batch failed; retrying');
        if (this.stopped && attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
    this.checkpoint = batch[batch.length - 1].position;
    const ready = this.waiters.filter((w) => w.position <= this.checkpoint);
    this.waiters = this.waiters.filter((w) => w.position > this.checkpoint);
    for (const w of ready) w.resolve();
    await this.onFlushed?.();
  }

  private async applyBatch(batch: RecordedEvent[]): Promise<void> {
    await this.readModels.transaction(async (tx) => {
      const checkpoints = tx.collection<Checkpoint>(CHECKPOINTS);
      // Guard against another process that fed the same key: skip what it already applied.
      const committed = (await checkpoints.get(this.key))?.position ?? 0;
      const scoped = scopedTx(tx, this.key);
      for (const event of batch) {
        if (event.position <= committed) continue;
        if (this.projection.accepts && !this.projection.accepts(event)) continue;
        await this.projection.apply(event, scoped);
      }
      const last = batch[batch.length - 1].position;
      if (last > committed) await checkpoints.upsert({ id: this.key, position: last });
    });
  }
}
